// The checker the metrics tests rely on must itself refuse what a Prometheus server would refuse,
// or those tests would pass on broken output.
#include <catch2/catch.hpp>

#include <string>

#include "exposition_checker.hpp"

using cahub::observability::testing::check_exposition;

namespace {

const std::string head = "# HELP h_seconds H.\n# TYPE h_seconds histogram\n";

std::string histogram(const std::string& b1, const std::string& inf, const std::string& count) {
  return head + "h_seconds_bucket{le=\"0.1\"} " + b1 + "\nh_seconds_bucket{le=\"+Inf\"} " + inf +
         "\nh_seconds_sum 0.5\nh_seconds_count " + count + "\n";
}

}  // namespace

TEST_CASE("checker: a valid exposition passes and its values are read") {
  const auto parsed = check_exposition(
      "# HELP x_total X \\\\ \\n.\n# TYPE x_total counter\nx_total{a=\"q\\\"\\\\\\n\"} 3\n" +
      histogram("1", "2", "2"));
  CHECK(parsed.value("x_total{a=\"q\\\"\\\\\\n\"}") == 3);
  CHECK(parsed.samples.front().labels.front().second == "q\"\\\n");
  CHECK(parsed.types.at("h_seconds") == "histogram");
}

TEST_CASE("checker: a sample before its TYPE or HELP is refused") {
  CHECK_THROWS(check_exposition("x_total 1\n# HELP x_total X.\n# TYPE x_total counter\n"));
  CHECK_THROWS(check_exposition("# TYPE x_total counter\nx_total 1\n"));
  CHECK_THROWS(check_exposition("# HELP x_total X.\nx_total 1\n"));
}

TEST_CASE("checker: repeated HELP or TYPE, split families and repeated series are refused") {
  const std::string x = "# HELP x_total X.\n# TYPE x_total counter\n";
  const std::string y = "# HELP y Y.\n# TYPE y gauge\n";
  CHECK_NOTHROW(check_exposition(x + "x_total{a=\"1\"} 1\nx_total{a=\"2\"} 1\n" + y + "y 1\n"));
  CHECK_THROWS(check_exposition(x + x));
  CHECK_THROWS(check_exposition(x + "x_total{a=\"1\"} 1\n" + y + "y 1\nx_total{a=\"2\"} 1\n"));
  CHECK_THROWS(check_exposition(x + "x_total{a=\"1\",b=\"2\"} 1\nx_total{b=\"2\",a=\"1\"} 1\n"));
}

TEST_CASE("checker: bad escapes, names, values and endings are refused") {
  const std::string x = "# HELP x_total X.\n# TYPE x_total counter\n";
  CHECK_THROWS(check_exposition(x + "x_total{a=\"\\t\"} 1\n"));
  CHECK_THROWS(check_exposition(x + "x_total{a=\"open} 1\n"));
  CHECK_THROWS(check_exposition(x + "x_total{a=\"1\",a=\"2\"} 1\n"));
  CHECK_THROWS(check_exposition(x + "x_total{1a=\"1\"} 1\n"));
  CHECK_THROWS(check_exposition(x + "x_total one\n"));
  CHECK_THROWS(check_exposition(x + "x_total -1\n"));
  CHECK_THROWS(check_exposition(x + "x_total 1"));
  CHECK_THROWS(check_exposition(x + "x_total{a=\"\xFF\"} 1\n"));
}

TEST_CASE("checker: histograms must be cumulative and end at +Inf equal to _count") {
  CHECK_NOTHROW(check_exposition(histogram("1", "2", "2")));
  CHECK_THROWS(check_exposition(histogram("3", "2", "2")));  // not cumulative
  CHECK_THROWS(check_exposition(histogram("1", "2", "3")));  // +Inf differs from _count
  CHECK_THROWS(check_exposition(
      head + "h_seconds_bucket{le=\"0.1\"} 1\nh_seconds_sum 1\nh_seconds_count 1\n"));
  CHECK_THROWS(check_exposition(head + "h_seconds_bucket{le=\"+Inf\"} 1\nh_seconds_count 1\n"));
  CHECK_THROWS(check_exposition(head + "h_seconds_sum 1\nh_seconds_count 1\n"));
  CHECK_THROWS(check_exposition(head + "h_seconds_bucket 1\n"));
}
