// PgSession (store/postgres/pg_session.hpp): `?` numbered as `$n` where SQL would read them and
// nowhere else, values sent as parameters (never spliced), and rows read as SQLite's would be.
#include <catch2/catch.hpp>

#include "store_sides.hpp"

using namespace cahub::store;
using cahub::store::postgres::numbered_placeholders;
using cahub::testing::PostgresSide;
using cahub::testing::SqliteSide;

TEST_CASE("placeholders are numbered outside quotes and comments only") {
  CHECK(numbered_placeholders("SELECT ?, ? FROM t WHERE a = ?") == "SELECT $1, $2 FROM t WHERE a = $3");
  CHECK(numbered_placeholders("SELECT '?', \"a?\", ? -- why?\n, ?") == "SELECT '?', \"a?\", $1 -- why?\n, $2");
  CHECK(numbered_placeholders("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', $1");
  CHECK(numbered_placeholders("SELECT 'unterminated ?") == "SELECT 'unterminated ?");
  CHECK(numbered_placeholders("SELECT 1") == "SELECT 1");
  // ?N names parameter N, as often as it appears; a bare ? follows the largest so far (SQLite's rule).
  CHECK(numbered_placeholders("WHERE (?1 = '' OR a = ?1) AND b = ?2 LIMIT ?") ==
        "WHERE ($1 = '' OR a = $1) AND b = $2 LIMIT $3");
  CHECK(numbered_placeholders("IN (?7, ?8) LIMIT ?4") == "IN ($7, $8) LIMIT $4");
}

namespace {

// One statement, read on either store: integers, text, NULL and a bound value that would be SQL
// if it were spliced in.
template <typename Side>
struct Values : Side {};

}  // namespace

TEMPLATE_TEST_CASE_METHOD(Values, "a statement reads integers, text and NULL alike on both stores", "", SqliteSide,
                          PostgresSide) {
  const std::string hostile = "x'); DROP TABLE staff; --";
  this->read([&](SqlConnection& db) {
    auto row = db.query("SELECT CAST(? AS BIGINT) AS n, CAST(? AS TEXT) AS t, CAST(NULL AS TEXT) AS z, 'lit?' AS q, "
                        "EXISTS (SELECT 1 WHERE 1 = 1) AS yes, EXISTS (SELECT 1 WHERE 1 = 0) AS no");
    row->bind(1, std::int64_t{9007199254740993});
    row->bind(2, hostile);
    REQUIRE(row->next_row());
    CHECK(row->column_count() == 6);
    CHECK(row->column_name(0) == "n");
    CHECK(row->is_integer(0));
    CHECK(row->int64(0) == 9007199254740993);
    CHECK_FALSE(row->is_integer(1));
    CHECK(row->text(1) == hostile);
    CHECK(row->is_null(2));
    CHECK_FALSE(row->is_integer(2));
    CHECK(row->text(3) == "lit?");
    CHECK(row->is_integer(4));  // a truth value is 1 or 0 on both
    CHECK(row->int64(4) == 1);
    CHECK(row->int64(5) == 0);
    CHECK_FALSE(row->next_row());
  });
  this->read([&](SqlConnection& db) {
    auto staff = db.query("SELECT count(*) FROM staff");
    REQUIRE(staff->next_row());  // the table the hostile text named is still there
    CHECK(staff->int64(0) == 0);
  });
}

TEST_CASE("a scan on PostgreSQL takes no parameters, and reads past its first batch") {
  PostgresSide side;
  side.read([&](SqlConnection& db) {
    auto rows = db.scan("SELECT generate_series(1, 3000) AS n");
    std::int64_t sum = 0, count = 0;
    while (rows->next_row()) {
      sum += rows->int64(0);
      ++count;
    }
    CHECK(count == 3000);
    CHECK(sum == 3000 * 3001 / 2);
    auto bound = db.scan("SELECT 1");
    CHECK_THROWS_AS(bound->bind(1, std::int64_t{1}), std::logic_error);
  });
}
