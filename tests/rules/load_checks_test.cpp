// Load-time checks: every problem comes back as `file:line: message` on the right line, and a
// script with any problem is refused.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "rule_test_support.hpp"

using namespace cahub;
using namespace cahub::rules;
using namespace cahub::rules::test;
using Catch::Matchers::Contains;

namespace {

// The header's lines end at 10, so an entry appended by `with` is on line 11.
std::vector<std::string> with(const std::string& entries) { return findings_of(kRegionHeader + entries); }

}  // namespace

TEST_CASE("a good script loads without findings") {
  const auto rules = load_ok(R"(fee { business = "new", channel = "onsite", code = "certificate_set", label = "证书费用（每套）", fen = 26000 }
material { business = { "new", "renew" }, channel = "onsite", code = "application_form", name = "《单位数字证书申请表》", copies = 2, stamped = true }
refuse { business = { "renew", "change" }, when = { open_bid = true }, code = "bidding_lock", zh = "投标未开标", en = "a bid is unopened" }
validity { business = "new", from = "today" }
renewal_window { days_before_expiry = 30 }
)");
  CHECK(rules->id() == "central");
  CHECK(rules->name() == "中直机关采购管理系统");
  CHECK(rules->name_en() == "Central government procurement");
  CHECK(rules->file() == "central.lua");
  CHECK(rules->accepts("bjca"));
  CHECK_FALSE(rules->accepts("netca"));
  CHECK(rules->offers(Business::Renew));
  CHECK_FALSE(rules->offers(Business::Add));
  CHECK(rules->serves(ApplicantKind::Person));
  CHECK_FALSE(rules->serves(ApplicantKind::OrgPerson));
  CHECK(rules->offers_channel(Channel::Mail));
  CHECK_FALSE(rules->offers_channel(Channel::SelfService));
  CHECK(rules->allowed_years() == std::vector<int>{1, 2});
  CHECK(rules->accepted_cas() == std::vector<std::string>{"bjca"});
}

TEST_CASE("syntax errors name their line") {
  const auto found = findings_of("region {\n  id = \"central\",\n  name = ,\n}\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "central.lua:3: syntax error: unexpected symbol near ','");
}

TEST_CASE("runtime errors at top level name their line") {
  const auto found = with("local price = 260\nlocal total = price + nil\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "central.lua:12: attempt to perform arithmetic on a nil value");
}

TEST_CASE("a misspelt declaration is an unknown name with a suggestion") {
  const auto found = with("\nfeee { business = \"new\", code = \"x\", label = \"x\", fen = 1 }\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "central.lua:12: unknown name 'feee' (did you mean 'fee'?)");
}

TEST_CASE("a runaway top level is stopped and named") {
  LoadResult r = RegionRules::load_text("central.lua", kRegionHeader + "while true do end\n",
                                        SandboxLimits{.instructions_per_call = 10'000});
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].text() ==
        "central.lua:11: instruction limit exceeded (10000 instructions per call) while the script's top level ran");
}

TEST_CASE("region{}: missing, twice, or with an id that is not the file name") {
  CHECK(findings_of("local x = 1\n") ==
        std::vector<std::string>{"central.lua: no region { ... } declaration: every script needs one (id, name, "
                                 "accepts, applicants, channels, businesses, years)"});
  CHECK(with("region { id = \"central\", name = \"x\", accepts = \"bjca\", applicants = \"org\", channels = \"onsite\", "
             "businesses = \"new\", years = 1 }\n") ==
        std::vector<std::string>{"central.lua:11: region: declared a second time (first at central.lua:1)"});
  CHECK(findings_of(kRegionHeader, "centrl.lua") ==
        std::vector<std::string>{"centrl.lua:1: region: id 'central' must be the file name without .lua ('centrl')"});
}

TEST_CASE("region{}: required fields and their types") {
  const auto found = findings_of("region {\n  id = \"central\",\n  accepts = {},\n  years = { 0 },\n  nmae = \"x\",\n}\n");
  CHECK(found == std::vector<std::string>{
                     "central.lua:1: region: unknown field 'nmae' (did you mean 'name'?)",
                     "central.lua:1: region: name is required",
                     "central.lua:1: region: accepts lists nothing: name at least one value",
                     "central.lua:1: region: applicants is required",
                     "central.lua:1: region: channels is required",
                     "central.lua:1: region: businesses is required",
                     "central.lua:1: region: years must be from 1 to 50, not 0",
                 });
  CHECK(findings_of(R"(region { id = "central", name = "x", accepts = { "BJCA" }, applicants = "org", channels = "onsite", businesses = "new", years = 1 })") ==
        std::vector<std::string>{
            "central.lua:1: region: accepts: 'BJCA' is not an id (lower-case letters, digits and _, e.g. bjca)"});
}

TEST_CASE("unknown fields are refused with a suggestion (typo protection)") {
  CHECK(with(R"(fee { business = "new", code = "x", label = "x", fenn = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: unknown field 'fenn' (did you mean 'fen'?)"});
  CHECK(with(R"(fee { business = "new", code = "x", labl = "x", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: unknown field 'labl' (did you mean 'label'?)",
                                 "central.lua:11: fee: label is required"});
  CHECK(with(R"(material { business = "new", code = "form", name = "表", stampd = true })") ==
        std::vector<std::string>{"central.lua:11: material: unknown field 'stampd' (did you mean 'stamped'?)"});
  CHECK(with(R"(refuse { "new", business = "new", code = "x", zh = "x", en = "x" })") ==
        std::vector<std::string>{"central.lua:11: refuse: every value needs a name (write name = value)"});
}

TEST_CASE("unknown codes are refused with what is known") {
  CHECK(with(R"(fee { business = "renw", code = "x", label = "x", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: unknown business 'renw' (did you mean 'renew'?); known: "
                                 "new, add, renew, reissue_lost, reissue_damaged, change, unlock, freeze, unfreeze, revoke"});
  CHECK(with(R"(fee { business = "new", channel = "post", code = "x", label = "x", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: unknown channel 'post'; known: onsite, mail, online, self_service"});
  CHECK(with(R"(material { business = "new", applicant = { "org", "company" }, code = "x", name = "x" })") ==
        std::vector<std::string>{"central.lua:11: material: unknown applicant 'company'; known: org, person, org_person"});
  CHECK(with(R"(material { business = "new", key = "main", code = "x", name = "x" })") ==
        std::vector<std::string>{"central.lua:11: material: unknown key 'main'; known: master, secondary"});
  CHECK(with(R"(refuse { business = "new", when = { defect = "broken" }, code = "x", zh = "x", en = "x" })") ==
        std::vector<std::string>{"central.lua:11: refuse: when.defect: unknown defect 'broken'; known: quality, other"});
}

TEST_CASE("unknown attributes in when/unless tables are refused") {
  CHECK(with(R"(refuse { business = "renew", when = { expird = true }, code = "x", zh = "x", en = "x" })") ==
        std::vector<std::string>{"central.lua:11: refuse: when: unknown attribute 'expird' (did you mean 'expired'?)"});
  CHECK(with(R"(fee { business = "new", unless = { open_bids = true }, code = "x", label = "x", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: unless: unknown attribute 'open_bids' (did you mean 'open_bid'?)"});
  CHECK(with(R"(fee { business = "new", when = {}, code = "x", label = "x", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: when is empty: name at least one attribute, or leave when out"});
  CHECK(with(R"(fee { business = "new", when = true, code = "x", label = "x", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: when must be a table such as { open_bid = true } or a function(q), not true"});
}

TEST_CASE("values of the wrong type are refused") {
  CHECK(with(R"(fee { business = "new", code = "x", label = 5, fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: label must be text in quotes, not 5"});
  CHECK(with(R"(material { business = "new", code = "x", name = "x", stamped = "yes" })") ==
        std::vector<std::string>{"central.lua:11: material: stamped must be true or false, not 'yes'"});
  CHECK(with(R"(refuse { business = "new", when = { open_bid = "yes" }, code = "x", zh = "x", en = "x" })") ==
        std::vector<std::string>{"central.lua:11: refuse: when.open_bid must be true or false, not 'yes'"});
  CHECK(with(R"(refuse { business = "new", when = { days_to_expiry = 1.5 }, code = "x", zh = "x", en = "x" })") ==
        std::vector<std::string>{"central.lua:11: refuse: when.days_to_expiry must be a whole number, not 1.5"});
  CHECK(with(R"(fee { business = { { "new" } }, code = "x", label = "x", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: business: a list inside a list is not allowed"});
  CHECK(with(R"(fee { business = "new", code = "Cert Fee", label = "x", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: code must be lower-case letters, digits and _ (e.g. certificate_set), not 'Cert Fee'"});
  CHECK(with("fee \"new\"") ==
        std::vector<std::string>{"central.lua:11: fee: expects one table: write fee { ... } with braces"});
}

TEST_CASE("money is whole fen, never negative, never a float") {
  CHECK(with(R"(fee { business = "new", code = "x", label = "x", fen = 260.5 })") ==
        std::vector<std::string>{"central.lua:11: fee: fen must be a whole number of fen (26000 means 260.00 CNY), not 260.5"});
  CHECK(with(R"(fee { business = "new", code = "x", label = "x", fen = 26000.0 })") ==
        std::vector<std::string>{"central.lua:11: fee: fen must be a whole number of fen (26000 means 260.00 CNY), not 26000.0"});
  CHECK(with(R"(fee { business = "new", code = "x", label = "x", fen = -100 })") ==
        std::vector<std::string>{"central.lua:11: fee: fen must be from 0 to 1000000000000, not -100"});
  CHECK(with(R"(fee { business = "new", code = "x", label = "x", fen = "260" })") ==
        std::vector<std::string>{"central.lua:11: fee: fen must be a whole number of fen (26000 means 260.00 CNY), not '260'"});
}

TEST_CASE("copies, years, from, effective and the window are checked") {
  CHECK(with(R"(material { business = "new", code = "x", name = "x", copies = 0 })") ==
        std::vector<std::string>{"central.lua:11: material: copies must be from 1 to 99, not 0"});
  CHECK(with(R"(fee { business = "new", years = 1.5, code = "x", label = "x", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: years must be a whole number of years, not 1.5"});
  CHECK(with(R"(fee { business = "new", years = { 1, -2 }, code = "x", label = "x", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: years must be from 1 to 50, not -2"});
  CHECK(with(R"(validity { business = "new", from = "tomorrow" })") ==
        std::vector<std::string>{"central.lua:11: validity: from must be 'today', 'old_expiry_or_today' or 'keep', not 'tomorrow'"});
  CHECK(with(R"(validity { business = "new", from = "todya" })") ==
        std::vector<std::string>{"central.lua:11: validity: from must be 'today', 'old_expiry_or_today' or 'keep', not 'todya' (did you mean 'today'?)"});
  CHECK(with(R"(fee { business = "new", code = "x", label = "x", fen = 1, effective = "2021-3-1" })") ==
        std::vector<std::string>{"central.lua:11: fee: effective must be a date written \"YYYY-MM-DD\" (e.g. \"2021-03-01\"), not '2021-3-1'"});
  CHECK(with(R"(renewal_window { days_before_expiry = -1 })") ==
        std::vector<std::string>{"central.lua:11: renewal_window: days_before_expiry must be from 0 to 3650, not -1"});
  CHECK(with(R"(renewal_window { business = "change", days_before_expiry = 30 })") ==
        std::vector<std::string>{"central.lua:11: renewal_window: business must be 'renew' (or left out): the renewal window applies to renewals only"});
}

TEST_CASE("required fields are required") {
  CHECK(with(R"(fee { code = "x", label = "x", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: business is required"});
  CHECK(with(R"(fee { business = "new", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: code is required", "central.lua:11: fee: label is required"});
  CHECK(with(R"(material { business = "new", code = "x" })") ==
        std::vector<std::string>{"central.lua:11: material: name is required"});
  CHECK(with(R"(refuse { business = "new", code = "x", zh = "" })") ==
        std::vector<std::string>{"central.lua:11: refuse: zh must not be empty", "central.lua:11: refuse: en is required"});
  CHECK(with(R"(validity { business = "new" })") ==
        std::vector<std::string>{"central.lua:11: validity: from is required"});
  CHECK(with(R"(renewal_window {})") ==
        std::vector<std::string>{"central.lua:11: renewal_window: days_before_expiry is required"});
}

TEST_CASE("selectors may only name what region{} lists") {
  CHECK(with(R"(fee { business = "add", code = "x", label = "x", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: business names add, which region{} does not list in businesses "
                                 "(new, renew, reissue_lost, reissue_damaged, change, unlock, freeze, revoke)"});
  CHECK(with(R"(material { business = "new", channel = { "onsite", "self_service" }, code = "x", name = "x" })") ==
        std::vector<std::string>{"central.lua:11: material: channel names self_service, which region{} does not list in channels (onsite, mail, online)"});
  CHECK(with(R"(refuse { business = "new", applicant = "org_person", code = "x", zh = "x", en = "x" })") ==
        std::vector<std::string>{"central.lua:11: refuse: applicant names org_person, which region{} does not list in applicants (org, person)"});
  CHECK(with(R"(fee { business = "new", years = 4, code = "x", label = "x", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: years names 4, which region{} does not list in years (1, 2)"});
  CHECK(with(R"(fee { business = "new", when = { channel = "self_service" }, code = "x", label = "x", fen = 1 })") ==
        std::vector<std::string>{"central.lua:11: fee: when.channel names self_service, which region{} does not list in channels (onsite, mail, online)"});
  CHECK(with(R"(validity { business = { "new", "freeze" }, from = "today" })") ==
        std::vector<std::string>{"central.lua:11: validity: freeze does not issue a certificate, so it has no validity to declare"});
}

TEST_CASE("duplicate entries are refused but distinct versions are not") {
  const std::string fee = R"(fee { business = "new", channel = "onsite", code = "cert", label = "证书费", fen = 26000 }
)";
  CHECK(with(fee + fee) == std::vector<std::string>{
                               "central.lua:12: fee: duplicate entry: same code, selectors and conditions and "
                               "effective date as central.lua:11"});
  CHECK(with(fee + R"(fee { business = "new", channel = "onsite", code = "cert", label = "证书费", fen = 27000, effective = "2025-01-01" })").empty());
  CHECK(with(fee + R"(fee { business = "new", channel = "online", code = "cert", label = "证书费", fen = 26000 })").empty());
  const std::string material = R"(material { business = "new", code = "form", name = "申请表" }
)";
  CHECK(with(material + material) == std::vector<std::string>{
                                         "central.lua:12: material: duplicate entry: same code, selectors and conditions as central.lua:11"});
  // Function conditions cannot be compared, so they never count as duplicates.
  const std::string by_function = R"(material { business = "new", code = "form", name = "申请表", when = function(q) return true end }
)";
  CHECK(with(by_function + by_function).empty());
}

TEST_CASE("every problem of a script is reported at once, in line order") {
  const auto found = with(R"(fee { business = "new", code = "x", label = "x", fen = 1.5 }
material { business = "new", code = "x", name = "x", copies = 0 }
refuse { business = "new", code = "x", zh = "x" }
)");
  CHECK(found == std::vector<std::string>{"central.lua:11: fee: fen must be a whole number of fen (26000 means 260.00 CNY), not 1.5",
                                          "central.lua:12: material: copies must be from 1 to 99, not 0",
                                          "central.lua:13: refuse: en is required"});
}

TEST_CASE("a declaration made through a helper function records the helper's line") {
  const auto found = with(R"(local function form(business)
  material { business = business, code = "form", name = "申请表", copies = 0 }
end
form("new")
)");
  CHECK(found == std::vector<std::string>{"central.lua:12: material: copies must be from 1 to 99, not 0"});
}

TEST_CASE("binary chunks are refused as scripts") {
  const std::string bytecode = std::string("\x1bLua\x54\x00\x19\x93", 8);
  CHECK(findings_of(bytecode) ==
        std::vector<std::string>{"central.lua:1: precompiled (binary) Lua chunks are refused; give the script as text"});
}

TEST_CASE("check_file reads a file and names it by its file name") {
  const auto dir = std::filesystem::temp_directory_path() / "cahub-rules-check-test";
  std::filesystem::create_directories(dir);
  const auto file = dir / "central.lua";
  std::ofstream(file) << kRegionHeader << R"(fee { business = "new", code = "x", label = "x", fen = 260.5 })" << "\n";
  CHECK(joined(std::vector<Finding>(check_file(file))) ==
        "central.lua:11: fee: fen must be a whole number of fen (26000 means 260.00 CNY), not 260.5\n");
  std::ofstream(file, std::ios::trunc) << kRegionHeader;
  CHECK(check_file(file).empty());
  const auto missing = check_file(dir / "missing.lua");
  REQUIRE(missing.size() == 1);
  CHECK_THAT(missing[0].text(), Contains("missing.lua: cannot read") && Contains("No such file"));
  std::filesystem::remove_all(dir);
}
