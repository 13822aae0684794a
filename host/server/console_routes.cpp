#include "server/console_routes.hpp"

#include <httplib.h>

#include "console/console_assets.hpp"

namespace cahub::server {
namespace {

// The console loads nothing but its own files and talks only to its own origin. A strict policy
// means an injected <script> or a value rendered as markup by mistake cannot run, and the page
// cannot be framed by another site (click-jacking an approve button).
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

void send_asset(httplib::Response& res, const console::ConsoleAsset& asset) {
  res.status = 200;
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  // A new build of cahub brings a new console: the browser revalidates instead of running stale code.
  res.set_header("Cache-Control", "no-cache");
  res.set_content(std::string(asset.content), std::string(asset.media_type));
}

}  // namespace

void install_console_routes(httplib::Server& server) {
  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    if (const auto page = console::find_console_asset("index.html")) send_asset(res, *page);
  });
  server.Get(R"(/console/([A-Za-z0-9_./-]+))", [](const httplib::Request& req, httplib::Response& res) {
    const std::string path = req.matches[1];
    const auto asset = path.find("..") == std::string::npos ? console::find_console_asset(path) : std::nullopt;
    if (asset) send_asset(res, *asset);
    else res.status = 404;  // the error handler gives it the API's JSON error shape
  });
}

}  // namespace cahub::server
