// The attacks of issue 15 on the audit trail, on a real service point built with the real binary,
// each done with SQL on a copy of the database file while nothing runs, and each caught by
// `cahub audit verify`: a cut tail, a whole chain rewritten with plain SHA-256, and rows edited
// outside the chain. And the server's side: `cahub serve` signs checkpoints as the chain grows
// and once more when it stops.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cctype>
#include <thread>

#include "integration/cli_desk.hpp"
#include "integration/staffed_server.hpp"
#include "store/audit_log.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::string version_of(const json& order) { return std::to_string(order.at("version").get<int>()); }

std::string upper(std::string text) {  // the replay names a certificate by its serial in capitals
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// A CliDesk whose configuration signs checkpoints with a key made by `cahub audit keygen`.
struct AnchoredDesk : CliDesk {
  std::string order_id, serial;

  AnchoredDesk() {
    const RunResult keygen = cahub({"audit", "keygen", "--out", var.file("audit.key")});
    INFO(keygen.err);
    REQUIRE(keygen.exit_code == 0);
    REQUIRE_THAT(keygen.out, StartsWith("-----BEGIN PUBLIC KEY-----"));
    var.write("audit.pub", keygen.out);
    var.write("cahub.toml", read_bytes(var.file("cahub.toml")) + "[audit]\nsigning_key_file = \"" +
                                var.file("audit.key") + "\"\npublic_key_file = \"" + var.file("audit.pub") +
                                "\"\ncheckpoint_file = \"" + var.file("anchors.jsonl") + "\"\n");
    checkpoint();  // the staff accounts
  }

  void checkpoint() {
    const RunResult r = cahub({"audit", "checkpoint"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE_THAT(r.out, StartsWith("checkpoint of event "));
  }

  // An order from acceptance to issue, with a checkpoint after its approval and one at the end.
  void take_an_order_through() {
    json order = json_as("wang.fang", {"order", "create", "--idempotency-key", "anchor-1", "--region", "central", "--ca",
                                       "bjca", "--business", "new", "--channel", "onsite", "--unit-name",
                                       "福州测试有限公司", "--uscc", "91350100M000100Y43"});
    order_id = order.at("id");
    order = json_as("zhao.li", {"order", "act", order_id, "start_review", "--version", version_of(order)});
    order = json_as("wang.fang", {"order", "material", order_id, "--all"});
    order = json_as("zhao.li", {"order", "act", order_id, "approve", "--version", version_of(order)});
    checkpoint();
    order = json_as("wang.fang", {"order", "pay", order_id, "--version", version_of(order), "--method", "wechat",
                                  "--amount-fen", "26000"});
    order = json_as("wang.fang", {"order", "issue", order_id, "--version", version_of(order), "--key-out",
                                  var.file(order_id + ".key.pem")});
    REQUIRE(order.at("state") == "issued");
    serial = order.at("certificate").at("serial");
    checkpoint();
  }

  // A copy of the database file to attack; the original stays as it was.
  std::string copy(const std::string& name) const {
    const bool unmerged = std::filesystem::exists(var.file("cahub.db-wal")) &&
                          std::filesystem::file_size(var.file("cahub.db-wal")) > 0;
    REQUIRE_FALSE(unmerged);
    std::filesystem::copy_file(var.file("cahub.db"), var.file(name));
    return var.file(name);
  }

  RunResult verify(const std::string& db) const { return cahub({"audit", "verify", "--db", db}); }
};

void sql(const std::string& db, const std::string& statements) {
  SQLite::Database file(db, SQLite::OPEN_READWRITE);
  file.exec(statements);
}

// What someone with the file and plain SHA-256 can do: rewrite the whole chain as they like, every
// hash recomputed, the guards dropped and put back. Here: the approval removed, the payment made 1
// fen, the reviewer renamed, and the tables made to match the new story.
void rewrite_chain(const std::string& db) {
  SQLite::Database file(db, SQLite::OPEN_READWRITE);
  std::vector<cahub::store::AuditEvent> events;
  SQLite::Statement rows(file, "SELECT at, actor, order_id, kind, payload_json FROM audit_events ORDER BY seq");
  while (rows.executeStep()) {
    cahub::store::AuditEvent e{rows.getColumn(0).getString(), rows.getColumn(1).getString(), std::nullopt,
                               rows.getColumn(3).getString(), json::parse(rows.getColumn(4).getString())};
    if (!rows.getColumn(2).isNull()) e.order_id = rows.getColumn(2).getInt64();
    if (e.kind == "order.approve") continue;
    if (e.actor == "zhao.li") e.actor = "li.si";
    if (e.kind == "payment.recorded") e.payload["amount_fen"] = 1;
    events.push_back(std::move(e));
  }
  rows.reset();
  file.exec("DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events;");
  std::string prev(64, '0');
  std::int64_t seq = 0;
  for (const auto& e : events) {
    const std::string hash = cahub::store::chain_hash(prev, cahub::store::canonical_event(++seq, e));
    SQLite::Statement insert(file, "INSERT INTO audit_events (seq, at, actor, order_id, kind, payload_json, prev_hash, "
                                   "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, static_cast<std::int64_t>(seq));
    insert.bind(2, e.at);
    insert.bind(3, e.actor);
    if (e.order_id) insert.bind(4, static_cast<std::int64_t>(*e.order_id)); else insert.bind(4);
    insert.bind(5, e.kind);
    insert.bind(6, e.payload.dump());
    insert.bind(7, prev);
    insert.bind(8, hash);
    insert.exec();
    prev = hash;
  }
  file.exec("CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN "
            "SELECT RAISE(ABORT, 'audit_events is append-only'); END;"
            "UPDATE payments SET amount_fen = 1; UPDATE orders SET approved_by = NULL;");
}

void check_caught(const RunResult& r, const std::string& finding) {
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Contains(finding));
}

}  // namespace

TEST_CASE("audit verify catches a cut tail, a rewritten chain and rows edited outside it, and anchors an untouched copy") {
  AnchoredDesk desk;
  desk.take_an_order_through();
  const std::int64_t events = [&] {
    SQLite::Database file(desk.var.file("cahub.db"));
    return file.execAndGet("SELECT max(seq) FROM audit_events").getInt64();
  }();

  const RunResult untouched = desk.verify(desk.copy("untouched.db"));
  INFO(untouched.out << untouched.err);
  CHECK(untouched.exit_code == 0);
  CHECK_THAT(untouched.out, Contains("audit chain intact: " + std::to_string(events) + " events"));
  CHECK_THAT(untouched.out, Contains("anchored: event " + std::to_string(events) + " has the hash signed in"));
  CHECK_THAT(untouched.out, Contains("tables agree with the audit trail: 1 orders, 1 payments, 3 staff, 1 certificates"));

  for (const int cut : {1, 3}) {
    const std::string db = desk.copy("cut" + std::to_string(cut) + ".db");
    sql(db, "DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE seq > " + std::to_string(events - cut));
    const RunResult r = desk.verify(db);
    CHECK_THAT(r.out, Contains("audit chain intact"));  // the chain alone cannot see a cut tail
    check_caught(r, "anchor: the chain was cut after event " + std::to_string(events - cut) + ": checkpoint ");
    CHECK_THAT(r.out, Contains("signed event " + std::to_string(events)));
  }

  const std::string rewritten = desk.copy("rewritten.db");
  rewrite_chain(rewritten);
  const RunResult r = desk.verify(rewritten);
  CHECK_THAT(r.out, Contains("audit chain intact"));
  CHECK_THAT(r.out, Contains("tables agree with the audit trail"));  // the rewrite kept the tables in step
  check_caught(r, "anchor: the chain was rewritten: event ");
  CHECK_THAT(r.out, Contains("anchor: the chain was cut after event " + std::to_string(events - 1)));
  // Without its anchors the same rewrite passes: what issue 15 found.
  const RunResult bare = run(CAHUB_BINARY, {"audit", "verify", "--db", rewritten});
  INFO(bare.out << bare.err);
  CHECK(bare.exit_code == 0);
  CHECK_THAT(bare.out, Contains("end NOT anchored: no checkpoint file"));

  const std::vector<std::pair<std::string, std::string>> edits = {
      {"UPDATE payments SET amount_fen = 1",
       "replay: payments " + desk.order_id + " payment 1 (id 1): amount_fen is 1, the events say 26000"},
      {"UPDATE orders SET state = 'cancelled'",
       "replay: orders " + desk.order_id + ": state is \"cancelled\", the events say \"issued\""},
      {"UPDATE staff SET role = 'admin' WHERE login = 'wang.fang'",
       "replay: staff wang.fang: role is \"admin\", the events say \"clerk\""},
      {"UPDATE certificates SET not_after = '2099-12-31'",
       "replay: certificates bjca " + upper(desk.serial) + ": not_after is \"2099-12-31\", the events say"},
      {"INSERT INTO staff (login, display_name, role, password_hash, created_at) VALUES ('mallory', 'M', 'admin', "
       "'pbkdf2-sha256$1$00$00', '2026-12-07T09:00:00+08:00')",
       "replay: staff mallory: no event created this row"},
  };
  int n = 0;
  for (const auto& [statement, finding] : edits) {
    const std::string db = desk.copy("edited" + std::to_string(++n) + ".db");
    sql(db, statement);
    const RunResult edited = desk.verify(db);
    CHECK_THAT(edited.out, Contains("audit chain intact"));
    CHECK_THAT(edited.out, Contains("anchored: event"));
    check_caught(edited, finding);
  }
}

TEST_CASE("audit keygen writes a 0600 key once, public-key prints its public half, and bad anchors stop verify with exit 2") {
  AnchoredDesk desk;
  struct stat st {};
  REQUIRE(::stat(desk.var.file("audit.key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  const RunResult again = desk.cahub({"audit", "keygen", "--out", desk.var.file("audit.key")});
  CHECK(again.exit_code == 2);
  CHECK_THAT(again.err, StartsWith("cahub: key_file_exists: "));
  const RunResult shown = desk.cahub({"audit", "public-key"});
  CHECK(shown.exit_code == 0);
  CHECK(shown.out == read_bytes(desk.var.file("audit.pub")));

  // Another key's public half: every checkpoint's signature fails.
  const RunResult other = desk.cahub({"audit", "keygen", "--out", desk.var.file("other.key")});
  REQUIRE(other.exit_code == 0);
  desk.var.write("other.pub", other.out);
  const RunResult forged = desk.cahub({"audit", "verify", "--public-key", desk.var.file("other.pub")});
  check_caught(forged, "has a bad signature");
  CHECK_THAT(forged.out, Contains("end NOT anchored"));

  const RunResult missing = desk.cahub({"audit", "verify", "--checkpoints", desk.var.file("nowhere.jsonl")});
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, StartsWith("cahub: checkpoint_file_unreadable: "));
  std::filesystem::permissions(desk.var.file("audit.key"), std::filesystem::perms::others_read,
                               std::filesystem::perm_options::add);
  const RunResult open_key = desk.cahub({"audit", "checkpoint"});
  CHECK(open_key.exit_code == 2);
  CHECK_THAT(open_key.err, StartsWith("cahub: signing_key_too_open: "));
}

TEST_CASE("cahub serve signs a checkpoint when the chain has grown, and one more at a clean stop") {
  ScratchFolder keys;
  REQUIRE(run(CAHUB_BINARY, {"audit", "keygen", "--out", keys.file("audit.key")}).exit_code == 0);
  const std::string anchors = keys.file("anchors.jsonl");
  auto audit_section = [&](int interval_ms) {
    return "[audit]\nsigning_key_file = \"" + keys.file("audit.key") + "\"\ncheckpoint_file = \"" + anchors +
           "\"\ncheckpoint_interval_ms = " + std::to_string(interval_ms) + "\n";
  };
  auto newest_seq = [&] {
    const std::string text = read_bytes(anchors);
    if (text.empty()) return std::int64_t{0};
    const auto start = text.rfind('\n', text.size() - 2);
    return json::parse(text.substr(start == std::string::npos ? 0 : start + 1)).at("seq").get<std::int64_t>();
  };
  auto add_staff = [&](StaffedServer& s, const std::string& login) {
    REQUIRE(run_staff_add(s.var.file("cahub.toml"), login, "clerk", "chen.jie").exit_code == 0);
  };

  SECTION("every interval, while serving") {
    StaffedServer s(audit_section(100));
    for (int i = 0; i < 100 && newest_seq() < 3; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(newest_seq() == 3);  // the three staff accounts
    add_staff(s, "li.si");  // another process writes; the server's checkpointer sees the head move
    for (int i = 0; i < 100 && newest_seq() < 4; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(newest_seq() == 4);
    CHECK(s.server->stop() == 0);
    const RunResult verified = run(CAHUB_BINARY, {"audit", "verify", "--config", s.var.file("cahub.toml"),
                                                  "--checkpoints", anchors});
    INFO(verified.out << verified.err);
    CHECK(verified.exit_code == 0);
    CHECK_THAT(verified.out, Contains("anchored: event 4"));
  }
  SECTION("at a clean stop") {
    StaffedServer s(audit_section(3'600'000));
    add_staff(s, "li.si");
    CHECK_FALSE(std::filesystem::exists(anchors));  // an hour is not up
    CHECK(s.server->stop() == 0);
    CHECK(newest_seq() == 4);
  }
}
