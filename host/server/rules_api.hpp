#pragma once
// The rule-release API of `cahub serve` (issue #16; docs/api.md, "Rule releases"): a region's
// releases and their history, the evaluation of a text as it is typed, drafts, the workflow's
// transitions and rollback, over the release desk (releases/release_desk.hpp), which the CLI's
// `cahub rules draft|submit|...` share. Every route needs a bearer token; a region the caller's
// scope does not cover answers 403 `region_not_yours`.

#include <filesystem>

#include "releases/release_desk.hpp"
#include "store/committer.hpp"
#include "store/postgres/store_location.hpp"

namespace cahub::http { class Router; }

namespace cahub::server {

struct ReleaseApiServices {
  store::StoreLocation store;               // each worker's own connection, for reads and sessions
  store::Committer* committer = nullptr;    // null: each worker commits on its own connection
  releases::ReleaseServices releases;
};

// `services` must outlive the server.
void install_release_routes(http::Router& routes, const ReleaseApiServices& services);

}  // namespace cahub::server
