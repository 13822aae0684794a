// The text writer: escaping of label values and help text, number spelling, line shapes.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>

#include "observability/exposition.hpp"

using namespace cahub::observability;

TEST_CASE("label values escape backslash, double quote and line feed") {
  CHECK(escape_label_value(R"(a\b)") == R"(a\\b)");
  CHECK(escape_label_value(R"(say "hi")") == R"(say \"hi\")");
  CHECK(escape_label_value("two\nlines") == R"(two\nlines)");
  CHECK(escape_label_value("/v1/orders/{id}") == "/v1/orders/{id}");
  CHECK(escape_label_value("bad\xFF") == "bad\xEF\xBF\xBD");
}

TEST_CASE("help text escapes backslash and line feed but not double quote") {
  CHECK(escape_help("a \"quoted\" \\ word\nnext") == "a \"quoted\" \\\\ word\\nnext");
}

TEST_CASE("numbers are spelled as the format reads them") {
  CHECK(number_text(std::uint64_t{18446744073709551615u}) == "18446744073709551615");
  CHECK(number_text(std::int64_t{-3}) == "-3");
  CHECK(number_text(0.25) == "0.25");
  CHECK(number_text(1e-9) == "1e-09");
  CHECK(number_text(std::numeric_limits<double>::infinity()) == "+Inf");
  CHECK(number_text(-std::numeric_limits<double>::infinity()) == "-Inf");
  CHECK(number_text(std::numeric_limits<double>::quiet_NaN()) == "NaN");
}

TEST_CASE("the writer emits HELP and TYPE, then samples with and without labels") {
  ExpositionWriter out;
  out.family("x_total", "counter", "Things.");
  out.sample("x_total", {}, "1");
  out.sample("x_total", {{"a", "1"}, {"b", "q\""}}, "2");
  CHECK(out.text() ==
        "# HELP x_total Things.\n"
        "# TYPE x_total counter\n"
        "x_total 1\n"
        "x_total{a=\"1\",b=\"q\\\"\"} 2\n");
}
