#include "server/console_routes.hpp"

#include <httplib.h>

#include "console/console_assets.hpp"

namespace cahub::server {
namespace {

// The console's own security headers (its Content-Security-Policy, no-cache) are chosen with every
// other answer's, by content type: server/response_headers.cpp.
void send_asset(httplib::Response& res, const console::ConsoleAsset& asset) {
  res.status = 200;
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
