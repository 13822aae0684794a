#pragma once
// The tables checked against the audit trail. The hash chain proves the events were not edited;
// it says nothing of `UPDATE payments SET amount_fen = 1`, which leaves every event alone. So
// the events are replayed into the rows they say the tables hold (replay_model.hpp) and each
// table row is compared column by column: a row that differs, a row no event created, and a row
// the events created that is gone are each named.
//
// Compared: orders (state, total_fen, approved_by, business, region, ca, applicant_identity,
// key_type, previous_serial, validity_not_after), payments (method, amount_fen, voucher,
// adjustment_reason, recorded_by, recorded_at), staff (role, display_name, disabled, regions) and
// certificates (region, key_type, holder, not_before, not_after, status).

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/sql_connection.hpp"

namespace cahub::audit {

struct RowDifference {
  enum class Kind { Differs, NoEvent, Missing };
  Kind kind = Kind::Differs;
  std::string table, key;
  std::string row_label;  // how the table names it, e.g. "id 7" for a payment; may be empty
  std::string column;     // Differs only
  nlohmann::json expected, found;

  std::string text() const;  // one sentence, for `cahub audit verify`
};

struct ReplayVerdict {
  std::map<std::string, std::size_t> rows;  // per table, rows compared
  std::vector<RowDifference> differences;
  std::vector<std::string> orphans;  // events about rows no event created
  bool agrees() const { return differences.empty() && orphans.empty(); }
};

// Replays every event of `db` and compares the four tables with the result. Reads only; run it
// on a database that is not being written, or inside a read transaction, for one consistent view.
ReplayVerdict replay_audit_trail(store::SqlConnection& db);

}  // namespace cahub::audit
