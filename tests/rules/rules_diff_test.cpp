// rules diff: two versions of a script compared by what they answer customers — a changed
// price, a dated price, an added material with its condition, a refusal, a window, validity and
// what region{} offers — merged into one row per change.
#include <algorithm>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "rule_test_support.hpp"
#include "rules/rules_diff.hpp"

using namespace cahub;
using namespace cahub::rules;
using namespace cahub::rules::test;

namespace {

const std::string kBase = R"(fee { business = "new", code = "cert", label = "证书费", fen = 26000 }
fee { business = "renew", code = "annual", label = "年费", fen = 18000, per_year = true }
material { business = "new", code = "form", name = "申请表", copies = 2, stamped = true }
refuse { business = "renew", when = { open_bid = true }, code = "bidding_lock", zh = "未开标", en = "bid not opened" }
validity { business = "new", from = "today" }
renewal_window { days_before_expiry = 30 }
)";

std::vector<CustomerChange> diff(const std::string& old_entries, const std::string& new_entries) {
  return diff_for_customers(*load_ok(old_entries), *load_ok(new_entries), day("2026-06-01"));
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the same script has no changes for customers") {
  CHECK(diff(kBase, kBase).empty());
  CHECK(render_changes({}) == "no changes for customers\n");
  // Rewording a comment or reordering entries changes nothing a customer sees.
  CHECK(diff(kBase, "-- reordered\n" + kBase.substr(kBase.find("material")) + kBase.substr(0, kBase.find("material"))).empty());
}

TEST_CASE("a changed amount is one row, over every dimension it does not depend on") {
  const auto changes = diff(kBase, replaced(kBase, "fen = 26000", "fen = 27000"));
  REQUIRE(changes.size() == 1);
  const CustomerChange& c = changes[0];
  CHECK(c.aspect == "fee");
  CHECK(c.item == "cert");
  CHECK(c.change == "changed");
  CHECK(c.ca == "bjca");
  CHECK(c.business == "new");
  CHECK(c.applicant == "any");
  CHECK(c.channel == "any");
  CHECK(c.years == "any");
  CHECK(c.key == "any");
  CHECK(c.old_value == "260.00");
  CHECK(c.new_value == "270.00");
}

TEST_CASE("a per-year price shows per validity years, and unpriced and dated versions say so") {
  const auto per_year = diff(kBase, replaced(kBase, "fen = 18000, per_year = true", "fen = 20000, per_year = true"));
  REQUIRE(per_year.size() == 2);
  CHECK(per_year[0].years == "1");
  CHECK(per_year[0].old_value == "180.00");
  CHECK(per_year[1].years == "2");
  CHECK(per_year[1].new_value == "400.00");

  const auto unpriced = diff(kBase, replaced(kBase, ", fen = 26000", ""));
  REQUIRE(unpriced.size() == 1);
  CHECK(unpriced[0].new_value == "unpriced");

  const auto dated = diff(kBase, kBase + "fee { business = \"new\", code = \"cert\", label = \"证书费\", fen = 28000, effective = \"2027-01-01\" }\n");
  REQUIRE(dated.size() == 1);
  CHECK(dated[0].from == "2027-01-01");
  CHECK(dated[0].old_value == "260.00");
  CHECK(dated[0].new_value == "280.00");
}

TEST_CASE("materials added with their condition, removed, and with changed flags") {
  const auto added = diff(kBase, kBase + "material { business = \"new\", applicant = \"org\", when = { delegated = true }, "
                                         "code = \"letter\", name = \"授权委托书\", stamped = true }\n");
  REQUIRE(added.size() == 1);
  CHECK(added[0].aspect == "material");
  CHECK(added[0].change == "added");
  CHECK(added[0].applicant == "org");
  CHECK(added[0].when == "delegated yes");
  CHECK(added[0].old_value == "—");
  CHECK(added[0].new_value == "授权委托书 ×1 stamped");

  const auto flags = diff(kBase, replaced(kBase, "copies = 2, stamped = true", "copies = 3, stamped = true, signed = true"));
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].old_value == "申请表 ×2 stamped");
  CHECK(flags[0].new_value == "申请表 ×3 stamped signed");

  const auto removed = diff(kBase, replaced(kBase, "material { business = \"new\", code = \"form\", name = \"申请表\", copies = 2, stamped = true }\n", ""));
  REQUIRE(removed.size() == 1);
  CHECK(removed[0].change == "removed");
}

TEST_CASE("refusals, renewal windows, validity and what the region offers") {
  const auto refusal = diff(kBase, replaced(kBase, "when = { open_bid = true }", "when = { open_bid = true, delegated = false }"));
  REQUIRE(refusal.size() == 1);
  CHECK(refusal[0].aspect == "refusal");
  CHECK(refusal[0].when == "open_bid yes, delegated yes");
  CHECK(refusal[0].change == "removed");

  const auto window = diff(kBase, replaced(kBase, "days_before_expiry = 30", "days_before_expiry = 60"));
  REQUIRE(window.size() == 1);
  CHECK(window[0].aspect == "renewal window");
  CHECK(window[0].old_value == "30 days before expiry");
  CHECK(window[0].new_value == "60 days before expiry");

  const auto validity = diff(kBase, replaced(kBase, "from = \"today\"", "from = \"keep\""));
  REQUIRE(validity.size() == 1);
  CHECK(validity[0].old_value == "from = today");
  CHECK(validity[0].new_value == "from = keep");

  const std::string narrower = replaced(kRegionHeader, "years = { 1, 2 },", "years = { 1 },");
  LoadResult old_rules = RegionRules::load_text("central.lua", kRegionHeader + kBase);
  LoadResult new_rules = RegionRules::load_text("central.lua", narrower + kBase);
  REQUIRE(old_rules.rules);
  REQUIRE(new_rules.rules);
  const auto region = diff_for_customers(*old_rules.rules, *new_rules.rules, day("2026-06-01"));
  REQUIRE_FALSE(region.empty());
  CHECK(region[0].aspect == "region");
  CHECK(region[0].item == "years");
  CHECK(region[0].old_value == "1, 2");
  CHECK(region[0].new_value == "1");
}

TEST_CASE("the table and the JSON carry the same rows") {
  const auto changes = diff(kBase, replaced(kBase, "fen = 26000", "fen = 27000"));
  const std::string table = render_changes(changes);
  CHECK_THAT(table, Catch::Matchers::StartsWith("what  item  change   CA    business  applicant  channel  years  key"));
  CHECK_THAT(table, Catch::Matchers::Contains("260.00  270.00\n"));
  CHECK_THAT(table, Catch::Matchers::EndsWith("1 change(s) for customers\n"));
  const auto json = nlohmann::json::parse(changes_to_json(changes).dump());
  CHECK(json["changes"][0]["old"] == "260.00");
  CHECK(json["changes"][0]["new"] == "270.00");
}

TEST_CASE("a CA's own validity periods are compared per CA") {
  std::string header = kRegionHeader;
  header.replace(header.find("accepts = { \"bjca\" },"), 21, "accepts = { \"bjca\", \"cfca\" },");
  header.replace(header.find("offer { ca = \"bjca\","), 20, "offer {");
  LoadResult old_rules = RegionRules::load_text("central.lua", header + "years_offered { ca = \"cfca\", years = { 1, 2, 4 } }\n" + kBase);
  LoadResult new_rules = RegionRules::load_text("central.lua", header + "years_offered { ca = \"cfca\", years = { 1, 2 } }\n" + kBase);
  REQUIRE(old_rules.rules);
  REQUIRE(new_rules.rules);
  const auto changes = diff_for_customers(*old_rules.rules, *new_rules.rules, day("2026-06-01"));
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].aspect == "region");
  CHECK(changes[0].ca == "cfca");
  CHECK(changes[0].old_value == "1, 2, 4");
  CHECK(changes[0].new_value == "1, 2");
}

TEST_CASE("the region's agreement: an offer, a step, a review time and a limit, each a row") {
  std::string header = kRegionHeader;
  header.erase(header.find("offer {"));  // the offers below replace the header's
  const std::string offers = R"(offer { business = { "new", "renew" }, channel = { "onsite", "online" } }
)";
  const auto old_rules = RegionRules::load_text("central.lua", header + offers + kBase);
  const std::string narrower = R"(offer { business = "new", channel = { "onsite", "online" } }
offer { business = "renew", channel = "online" }
offer { business = "renew", channel = "onsite", applicant = "person" }
step { business = "new", code = "office", zh = "到一号窗口", en = "Window 1" }
review { business = "new", working_days = { 3, 5 } }
limit { business = "new", code = "one_open_order", counts = "open_orders", at_most = 1, zh = "一单", en = "One order" }
)";
  const auto new_rules = RegionRules::load_text("central.lua", header + narrower + kBase);
  INFO(joined(old_rules.findings) << joined(new_rules.findings));
  REQUIRE(old_rules.rules);
  REQUIRE(new_rules.rules);
  const auto changes = diff_for_customers(*old_rules.rules, *new_rules.rules, day("2026-06-01"));
  INFO(render_changes(changes));
  auto row = [&](const std::string& aspect, const std::string& item) -> const CustomerChange& {
    const auto it = std::find_if(changes.begin(), changes.end(),
                                 [&](const CustomerChange& c) { return c.aspect == aspect && c.item == item; });
    REQUIRE(it != changes.end());
    return *it;
  };
  // Renewal is no longer offered to units at the counter; persons there, and everyone online, keep
  // it: one row naming exactly that, not "org, person" × "any channel".
  const CustomerChange& offer = row("offer", "renew");
  CHECK(offer.applicant == "org");
  CHECK(offer.channel == "onsite");
  CHECK(offer.old_value == "offered");
  CHECK(offer.new_value == "not offered");
  CHECK(row("step", "office").new_value == "到一号窗口");
  CHECK(row("review", "new").old_value == "none");
  CHECK(row("review", "new").new_value == "3-5 working days");
  CHECK(row("limit", "one_open_order").new_value == "at most 1 open order(s) per applicant and CA");
  CHECK(row("limit", "one_open_order").change == "added");
}
