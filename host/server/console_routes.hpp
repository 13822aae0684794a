#pragma once
// The back-office console at `/`, served from the files compiled into the binary
// (host/console): same origin as /v1, so the browser needs no CORS and no CDN.

namespace cahub::http { class Router; }

namespace cahub::server {

// GET / (the console's page) and GET /console/<file> (its scripts and styles).
void install_console_routes(http::Router& routes);

}  // namespace cahub::server
