// Requests by route pattern, method and status, with bounded labels.
#include <catch2/catch.hpp>

#include <chrono>
#include <algorithm>
#include <string>

#include "observability/request_table.hpp"

using cahub::observability::RequestTable;
using namespace std::chrono_literals;
using Statuses = std::vector<std::pair<int, std::uint64_t>>;

TEST_CASE("requests are counted by route, method and status, sorted") {
  RequestTable table;
  table.record("/v1/orders/{id}", "GET", 404, 2ms);
  table.record("/v1/orders/{id}", "GET", 200, 1ms);
  table.record("/v1/orders/{id}", "GET", 200, 1ms);
  table.record("/v1/orders", "POST", 201, 30ms);
  table.record("/v1/orders", "GET", 200, 3ms);
  const auto all = table.read();
  REQUIRE(all.size() == 3);
  CHECK(all[0].route == "/v1/orders");
  CHECK(all[0].method == "GET");
  CHECK(all[1].method == "POST");
  CHECK(all[1].by_status == Statuses{{201, 1}});
  CHECK(all[2].route == "/v1/orders/{id}");
  CHECK(all[2].by_status == Statuses{{200, 2}, {404, 1}});
  CHECK(all[2].durations.count == 3);
  CHECK(all[2].durations.sum_ns == 4'000'000);
}

TEST_CASE("a method outside RFC 9110 is labelled other, and methods are case-sensitive") {
  CHECK(RequestTable::method_label("GET") == "GET");
  CHECK(RequestTable::method_label("PATCH") == "PATCH");
  CHECK(RequestTable::method_label("get") == "other");
  CHECK(RequestTable::method_label("BREW") == "other");
  CHECK(RequestTable::method_label("other") == "other");
  RequestTable table;
  table.record("/healthz", "X-ANYTHING", 405, 1ms);
  table.record("/healthz", "FOO", 405, 1ms);
  const auto all = table.read();
  REQUIRE(all.size() == 1);
  CHECK(all[0].method == "other");
  CHECK(all[0].by_status == Statuses{{405, 2}});
}

TEST_CASE("routes beyond the cap count as route other") {
  RequestTable table;
  for (std::size_t i = 0; i < RequestTable::max_routes + 100; ++i)
    table.record("/raw/" + std::to_string(i), "GET", 200, 1ms);
  table.record("/raw/0", "GET", 200, 1ms);  // admitted before the cap: keeps its series
  const auto all = table.read();
  REQUIRE(all.size() == RequestTable::max_routes + 1);
  const auto other =
      std::find_if(all.begin(), all.end(), [](const auto& s) { return s.route == "other"; });
  REQUIRE(other != all.end());
  CHECK(other->durations.count == 100);
  CHECK(all.front().route == "/raw/0");
  CHECK(all.front().durations.count == 2);
}
