// `cahub db copy --from sqlite:FILE --to postgresql://…` with the real binary: a service point
// made by real order traffic (`cahub bench orders`, with lifecycles: customers, orders, materials,
// payments, certificates, staff, sessions, the audit chain) plus terms, an uploaded file with
// every byte value and a rule release, copied into a throwaway cluster and compared row by row.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <pqxx/pqxx>

#include <optional>
#include <string>
#include <vector>

#include "orders/order_json.hpp"
#include "orders/order_repository.hpp"
#include "store/database.hpp"
#include "store/postgres/pg_copy.hpp"
#include "store/postgres/pg_session.hpp"
#include "store/postgres/pg_store.hpp"
#include "support/process.hpp"
#include "support/scratch_folder.hpp"
#include "support/scratch_pg_database.hpp"

using namespace cahub::testing;
namespace pg = cahub::store::postgres;

namespace {

using Row = std::vector<std::optional<std::string>>;

std::string hex(const unsigned char* bytes, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out = "\\x";
  for (std::size_t i = 0; i < n; ++i) out += {digits[bytes[i] >> 4], digits[bytes[i] & 15]};
  return out;
}

std::filesystem::path busy_service_point(const ScratchFolder& scratch) {
  const auto folder = scratch / "point";
  const RunResult bench = run(CAHUB_BINARY, {"bench", "orders", "--clients", "2", "--n", "40", "--lifecycle-percent",
                                             "25", "--folder", folder.string(), "--rules", CAHUB_RULES_DIR,
                                             "--plugins", CAHUB_PLUGINS_DIR, "--json"},
                              std::chrono::seconds(240));
  REQUIRE(bench.exit_code == 0);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    if (entry.path().extension() == ".db") return entry.path();
  FAIL("the bench left no database in " << folder);
  return {};
}

// What the bench does not make: terms staff set, a file with every byte value, a rule release.
void add_the_rest(const std::filesystem::path& file, const std::string& reason_text = "first import") {
  SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
  db.exec("INSERT INTO order_terms (order_id, total_fen, reason, set_by, set_at) VALUES "
          "((SELECT min(id) FROM orders), 12345, '来源未公布价格', 'wang.li', '2026-03-01T09:30:00+08:00')");
  const std::int64_t order = db.execAndGet("SELECT order_id FROM order_materials LIMIT 1").getInt64();
  const std::string code = db.execAndGet("SELECT code FROM order_materials LIMIT 1").getString();
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  SQLite::Statement file_row(db, "INSERT INTO material_files (order_id, code, file_name, media_type, bytes, sha256, "
                                 "content, uploaded_by, uploaded_at) VALUES (?, ?, 'scan.pdf', 'application/pdf', 256, ?, "
                                 "?, 'li.na', '2026-03-01T09:30:00+08:00')");
  file_row.bind(1, order);
  file_row.bind(2, code);
  file_row.bind(3, std::string(64, 'e'));
  file_row.bind(4, bytes.data(), static_cast<int>(bytes.size()));
  file_row.exec();
  SQLite::Statement release(db, "INSERT INTO rule_releases (region, number, state, script, script_sha256, author, "
                                "reason, created_at, evaluation_json, submitted_by, submitted_at, decided_by, "
                                "decided_at, published_by, published_at) VALUES ('neimenggu', 1, 'published', "
                                "'return {}', ?, 'gao.yan', ?, '2026-03-01T09:30:00+08:00', '{}', 'gao.yan', "
                                "'2026-03-01T09:30:00+08:00', 'bai.lu', '2026-03-01T10:00:00+08:00', 'bai.lu', "
                                "'2026-03-01T10:00:00+08:00')");
  release.bind(1, std::string(64, 'c'));
  release.bind(2, reason_text);
  release.exec();
  // A plugin's records (a host that shared a store kept them here): keys that sort differently by
  // byte and by locale, and text that is not ASCII.
  db.exec("INSERT INTO plugin_state (plugin, key, value) VALUES ('bjca', 'cert/B', '{\"unit_name\":\"某某公司\"}'), "
          "('bjca', 'cert/a', 'second'), ('netca', 'crl/number', '7')");
}

// Every row of a table on each side, as text (BLOB/bytea as hex), in key order.
std::vector<Row> sqlite_rows(SQLite::Database& db, const std::string& table, const std::string& order) {
  std::vector<Row> rows;
  SQLite::Statement q(db, "SELECT * FROM " + table + " ORDER BY " + order);
  while (q.executeStep()) {
    Row row;
    for (int i = 0; i < q.getColumnCount(); ++i) {
      const SQLite::Column c = q.getColumn(i);
      if (c.isNull()) row.emplace_back();
      else if (c.isBlob()) row.emplace_back(hex(static_cast<const unsigned char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes())));
      else row.emplace_back(c.getString());
    }
    rows.push_back(row);
  }
  return rows;
}

std::vector<Row> postgres_rows(pqxx::work& tx, const std::string& table, const std::string& order) {
  std::vector<Row> rows;
  for (const auto& r : tx.exec("SELECT * FROM " + table + " ORDER BY " + order)) {
    Row row;
    for (const auto& f : r) {
      if (f.is_null()) row.emplace_back();
      else if (f.type() == 17 /* bytea */) {
        const pqxx::binarystring bytes(f);
        row.emplace_back(hex(bytes.data(), bytes.size()));
      }
      else row.emplace_back(f.c_str());
    }
    rows.push_back(row);
  }
  return rows;
}

// `cahub audit verify` on the copy: its report, with the database's name taken out.
RunResult audit_verify(const std::vector<std::string>& where, const std::string& name) {
  std::vector<std::string> args{"audit", "verify"};
  args.insert(args.end(), where.begin(), where.end());
  RunResult r = run(CAHUB_BINARY, args);
  for (std::size_t at; (at = r.out.find(name)) != std::string::npos;) r.out.replace(at, name.size(), "DB");
  return r;
}

std::string key_of(const std::string& table, bool postgres) {
  if (table == "audit_events") return "seq";
  if (table == "sessions") return postgres ? "token_hash COLLATE \"C\"" : "token_hash";
  if (table == "order_materials") return postgres ? "order_id, code COLLATE \"C\"" : "order_id, code";
  if (table == "plugin_state") return postgres ? "plugin COLLATE \"C\", key COLLATE \"C\"" : "plugin, key";
  return "id";
}

}  // namespace

TEST_CASE("db copy: a busy service point's SQLite database arrives in PostgreSQL row for row") {
  ScratchFolder scratch;
  const auto file = busy_service_point(scratch);
  add_the_rest(file);
  ScratchPgDatabase target;

  const RunResult copy = run(CAHUB_BINARY, {"db", "copy", "--from", "sqlite:" + file.string(), "--to", target.url()});
  INFO(copy.err);
  REQUIRE(copy.exit_code == 0);
  CHECK(copy.out.find("every table read back the same") != std::string::npos);

  SQLite::Database source(file.string(), SQLite::OPEN_READONLY);
  pqxx::connection c(target.url());
  pqxx::work tx(c);
  std::size_t tables_with_rows = 0;
  for (const std::string& table : pg::copy_order()) {
    INFO(table);
    const auto expected = sqlite_rows(source, table, key_of(table, false));
    CHECK(postgres_rows(tx, table, key_of(table, true)) == expected);
    if (!expected.empty()) ++tables_with_rows;
  }
  CHECK(tables_with_rows == pg::copy_order().size());  // every table had something to lose
  // Ids go on after the copied ones.
  const long long largest = tx.exec1("SELECT max(id) FROM customers")[0].as<long long>();
  const long long next = tx.exec1("INSERT INTO customers (kind, name, uscc, created_at) VALUES ('org', 'N', "
                                  "'91350100M000100Y99', '2026-03-02T09:00:00+08:00') RETURNING id")[0]
                             .as<long long>();
  CHECK(next == largest + 1);
}

TEST_CASE("db copy: the copy reads the same through the order repository and audit verify, and an edit after it shows") {
  ScratchFolder scratch;
  const auto file = busy_service_point(scratch);
  ScratchPgDatabase target;
  REQUIRE(run(CAHUB_BINARY, {"db", "copy", "--from", "sqlite:" + file.string(), "--to", target.url()}).exit_code == 0);
  const std::string shown = pg::PgUrl::parse(target.url()).shown();

  // Every order reads back the same through the order repository on either store: the queue, and
  // each order whole (materials in their places, payments, certificate).
  {
    cahub::store::Database sqlite = cahub::store::Database::open(file);
    pg::PgStore postgres = pg::PgStore::open(pg::PgUrl::parse(target.url()));
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> snapshot(postgres.connection());
    pg::PgSession session(snapshot, "copy");
    cahub::orders::OrderRepository from(sqlite), to(session);
    const auto queue = from.list({}, std::nullopt, 500);
    REQUIRE(queue.orders.size() >= 40);
    CHECK(queue.counts == to.list({}, std::nullopt, 500).counts);
    std::size_t with_certificate = 0;
    for (const auto& o : queue.orders) {
      const nlohmann::json there = cahub::orders::order_json(to.get(o.public_id));
      CHECK(there == cahub::orders::order_json(from.get(o.public_id)));
      if (!there.at("certificate").is_null()) ++with_certificate;
    }
    CHECK(with_certificate > 0);  // issued orders, with their registry entries, among them
  }

  const RunResult on_sqlite = audit_verify({"--db", file.string()}, file.string());
  const RunResult on_postgres = audit_verify({"--url", target.url()}, shown);
  INFO(on_sqlite.out << on_sqlite.err << on_postgres.out << on_postgres.err);
  CHECK(on_sqlite.exit_code == 0);
  CHECK(on_postgres.exit_code == 0);
  CHECK(on_postgres.out == on_sqlite.out);
  CHECK(on_postgres.out.find("audit chain intact: ") == 0);
  CHECK(on_postgres.out.find("tables agree with the audit trail: 4") != std::string::npos);  // 40 orders and more

  // Someone with psql lowers a payment behind the triggers: the chain still holds, the replay names it.
  {
    pqxx::connection c(target.url());
    pqxx::work tx(c);
    tx.exec("ALTER TABLE payments DISABLE TRIGGER USER");
    tx.exec("UPDATE payments SET amount_fen = 1 WHERE id = (SELECT min(id) FROM payments)");
    tx.commit();
  }
  const RunResult edited = audit_verify({"--url", target.url()}, shown);
  INFO(edited.out << edited.err);
  CHECK(edited.exit_code == 1);
  CHECK(edited.out.find("audit chain intact: ") == 0);
  CHECK(edited.out.find(": amount_fen is 1, the events say ") != std::string::npos);
  CHECK(edited.out.find("tables differ from the audit trail: 1 rows") != std::string::npos);
}

TEST_CASE("db copy: a target that holds data is refused, and a row PostgreSQL refuses leaves nothing copied") {
  ScratchFolder scratch;
  const auto file = busy_service_point(scratch);
  // The last table copied carries a text PostgreSQL cannot hold (a NUL byte; libpq's text
  // parameters end at it, so what arrives is cut short, and only reading it back shows that):
  // every table before it has gone in by then, and must be gone again.
  add_the_rest(file, std::string("bad\0reason", 10));
  ScratchPgDatabase target;
  const RunResult failed = run(CAHUB_BINARY, {"db", "copy", "--from", "sqlite:" + file.string(), "--to", target.url()});
  CHECK(failed.exit_code == 2);
  INFO(failed.err);
  CHECK(failed.err.find("rule_releases reads back from") != std::string::npos);
  CHECK(failed.err.find("nothing was copied") != std::string::npos);
  pqxx::connection c(target.url());
  {
    pqxx::work tx(c);
    for (const std::string& table : pg::copy_order())
      CHECK(tx.exec1("SELECT count(*) FROM " + table)[0].as<long long>() == 0);
  }
  {
    pqxx::work tx(c);
    tx.exec("INSERT INTO customers (kind, name, uscc, created_at) VALUES ('org', 'N', '91350100M000100Y99', "
            "'2026-03-02T09:00:00+08:00')");
    tx.commit();
  }
  SQLite::Database(file.string(), SQLite::OPEN_READWRITE).exec("UPDATE rule_releases SET reason = 'fixed'");
  const RunResult refused = run(CAHUB_BINARY, {"db", "copy", "--from", "sqlite:" + file.string(), "--to", target.url()});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("cahub: target_exists: ") == 0);
}
