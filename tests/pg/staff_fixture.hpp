#pragma once
// What the staff directory's tests share, on either store (store_sides.hpp): a directory with fast
// hashes (the tests are about the directory), a refusal's code, counts, the chain, the newest event.

#include <functional>
#include <string>
#include <tuple>

#include <nlohmann/json.hpp>

#include "staff/staff_directory.hpp"
#include "store/audit_log.hpp"
#include "store_sides.hpp"

namespace cahub::testing {

template <typename Side>
struct StaffFixture : Side {
  staff::StaffDirectory directory{this->sql_store(), 1000};

  // The StaffError code `f` throws, or "accepted".
  std::string refusal(const std::function<void()>& f) {
    try {
      f();
    } catch (const staff::StaffError& e) {
      return e.code();
    }
    return "accepted";
  }
  std::int64_t count(const std::string& sql) { return cahub::testing::count(*this, sql); }
  bool chain_intact() {
    return store::read(this->sql_store(), [](store::SqlConnection& db) { return store::verify_audit_chain(db).intact; });
  }
  // The newest audit event's kind, actor and payload.
  std::tuple<std::string, std::string, nlohmann::json> newest_event() {
    return store::read(this->sql_store(), [](store::SqlConnection& db) {
      auto row = db.query("SELECT kind, actor, payload_json FROM audit_events ORDER BY seq DESC LIMIT 1");
      if (!row->next_row()) throw std::runtime_error("no audit event");
      return std::tuple{row->text(0), row->text(1), nlohmann::json::parse(row->text(2))};
    });
  }
};

}  // namespace cahub::testing
