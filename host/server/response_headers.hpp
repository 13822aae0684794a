#pragma once
// The security headers every answer of `cahub serve` carries, chosen by what the answer is: one
// function for all of them, so that no route can forget them, and free of the server library
// (it moved unchanged from cpp-httplib to Boost.Beast). The server applies it to every answer it
// writes, its own refusals included (add_security_headers, http/server.hpp's `finish`).
//
// - JSON (every API answer and error): never cached (it holds orders and personal data, and a
//   token's answers must not outlive a sign-out on a shared counter PC), never sniffed into
//   markup, and never rendered as a page that could run or be framed.
// - A console page, script or stylesheet: the console's own policy, allowing only its own files
//   (docs/architecture.md, "The console"), revalidated so that a new build is never run stale.
// - Anything else is a file for download (an uploaded material, a certificate): an attachment,
//   never shown inline in cahub's origin, where a PDF or an image with markup in it could run.

#include <span>
#include <string_view>

namespace cahub::server {

struct ResponseHeader {
  std::string_view name;
  std::string_view value;
};

// The headers an answer with this Content-Type carries (media type compared without parameters
// and case). A route that set one of these itself (a download's file name) keeps its own.
std::span<const ResponseHeader> headers_for(std::string_view content_type);

}  // namespace cahub::server

namespace cahub::http { struct Response; }

namespace cahub::server {

// Adds headers_for(its Content-Type) to `response`, keeping any the route set itself.
void add_security_headers(http::Response& response);

}  // namespace cahub::server
