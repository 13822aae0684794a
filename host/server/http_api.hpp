#pragma once
// The HTTP JSON API of `cahub serve`. Every answer is JSON; every error is
// {"error": {"code": "...", "message": "..."}} with a stable code, so clients never parse prose.

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include "store/postgres/store_location.hpp"

namespace cahub::http { class Router; }
namespace cahub::rules { class RuleBook; }
namespace cahub::plugins { class PluginRegistry; }
namespace cahub::pipeline { class QuotePipeline; }
namespace cahub::store { class DatabaseHealth; }

namespace cahub::server {

struct ApiServices {
  const rules::RuleBook& rule_book;
  const plugins::PluginRegistry& plugins;
  const pipeline::QuotePipeline& quotes;
  store::StoreLocation store;  // staff sessions: every route but /healthz needs a bearer token
  // Whether the database can take writes (store/database_watch.hpp); /healthz answers 503
  // `store_unavailable` when it cannot. Null: not watched, /healthz does not look.
  std::shared_ptr<const store::DatabaseHealth> store_health = nullptr;
};

// Installs the routes: GET /healthz (open, for probes; 503 when the database is lost), POST /v1/quote, GET /v1/plugins,
// GET /v1/rules, GET /v1/vocabulary and GET /v1/identifiers/{kind} (signed in); and, for every
// route (the order and console routes' too), the one error model's answer to whatever escapes
// it. `services` must outlive the server.
void install_routes(http::Router& routes, const ApiServices& services);

}  // namespace cahub::server
