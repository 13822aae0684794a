#include "server/console_routes.hpp"

#include "console/console_assets.hpp"
#include "http/error_body.hpp"
#include "http/router.hpp"

namespace cahub::server {
namespace {

// The console's own security headers (its Content-Security-Policy, no-cache) are chosen with every
// other answer's, by content type: server/response_headers.cpp.
void send_asset(http::Response& res, const console::ConsoleAsset& asset) {
  res.status = 200;
  res.set_content(std::string(asset.content), std::string(asset.media_type));
}

}  // namespace

void install_console_routes(http::Router& routes) {
  routes.get("/", [](const http::Request&, http::Response& res) {
    if (const auto page = console::find_console_asset("index.html")) send_asset(res, *page);
  });
  routes.get("/console/{file*}", [](const http::Request& req, http::Response& res) {
    const std::string path = req.path_param("file");
    const auto asset = path.find("..") == std::string::npos ? console::find_console_asset(path) : std::nullopt;
    if (asset) send_asset(res, *asset);
    else http::set_error(res, 404, "not_found", "no such endpoint: GET " + req.path);
  });
}

}  // namespace cahub::server
