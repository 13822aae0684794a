// Each stage after validate, on a small region script written here and the real BJCA plugin,
// so every assertion can be traced to one line of the script below.
#include <catch2/catch.hpp>

#include <cahub/plugin.h>

#include <filesystem>
#include <fstream>

#include "pipeline/quote_pipeline.hpp"
#include "pipeline/request_error.hpp"
#include "pipeline/stages/stages.hpp"
#include "plugins/plugin_registry.hpp"
#include "rules/rule_book.hpp"

using namespace cahub;
using namespace cahub::pipeline;

namespace {

// Line numbers matter: the tests check the `source` of what each entry produced.
const char* kTestRegion = R"(region { id = "testland", name = "测试平台", name_en = "Testland",
  accepts = { "bjca" }, applicants = { "org" }, channels = { "onsite", "online" },
  businesses = { "new", "renew", "reissue_damaged", "unlock" }, years = { 1, 2 } } offer { business = { "new", "renew", "reissue_damaged" } } offer { business = "unlock", channel = "online" }
fee { business = "new", code = "cert", label = "证书费", fen = 30000, per_year = true }
fee { business = "reissue_damaged", code = "medium", label = "介质费", fen = 8000, unless = { warranty_covers_medium = true } }
material { business = "new", code = "form", name = "申请表", copies = 2, stamped = true }
refuse { business = "new", when = { registered = false }, code = "not_registered", zh = "未主体入库", en = "Not registered" }
validity { business = "new", from = "today" }
validity { business = "renew", from = "old_expiry_or_today" }
validity { business = "reissue_damaged", from = "keep" }
)";

struct World {
  std::filesystem::path folder;
  rules::RuleBook rule_book;
  plugins::PluginRegistry plugins;

  World() : folder(std::filesystem::temp_directory_path() / ("cahub-stages-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(folder / "rules");
    std::ofstream(folder / "rules" / "testland.lua") << kTestRegion;
    REQUIRE(rule_book.load_folder(folder / "rules") == 1);
    plugins.load_folder(CAHUB_PLUGINS_DIR, folder / "var");
    REQUIRE(plugins.find("bjca"));
  }
  ~World() { std::filesystem::remove_all(folder); }

  QuoteContext routed(QuoteRequest r) {
    QuoteContext ctx;
    r.region = r.region.empty() ? "testland" : r.region;
    r.ca = r.ca.empty() ? "bjca" : r.ca;
    if (r.today == Date{}) r.today = *Date::parse("2026-06-01");
    ctx.request = std::move(r);
    ctx.record(Stage::Validate, validate(ctx));
    ctx.record(Stage::Route, route(ctx, rule_book, plugins));
    return ctx;
  }
};

QuoteRequest request(Business b, Channel c = Channel::Onsite) {
  QuoteRequest r;
  r.business = b;
  r.channel = c;
  return r;
}

}  // namespace

TEST_CASE("route: unknown region and CA are bad requests naming what is loaded") {
  World w;
  QuoteRequest r = request(Business::New);
  r.region = "atlantis";
  try {
    w.routed(r);
    FAIL("no error");
  } catch (const BadRequest& e) {
    CHECK(e.code() == "unknown_region");
    CHECK_THAT(e.what(), Catch::Matchers::Contains("testland"));
  }
  r.region = "testland";
  r.ca = "acme";
  try {
    w.routed(r);
    FAIL("no error");
  } catch (const BadRequest& e) {
    CHECK(e.code() == "unknown_ca");
    CHECK_THAT(e.what(), Catch::Matchers::Contains("bjca"));
  }
}

TEST_CASE("route: years default to the region's first and must be allowed") {
  World w;
  CHECK(w.routed(request(Business::New)).quote.years == 1);
  QuoteRequest two = request(Business::New);
  two.years = 2;
  CHECK(w.routed(two).quote.years == 2);
  QuoteRequest three = request(Business::New);
  three.years = 3;
  CHECK_THROWS_AS(w.routed(three), BadRequest);
}

TEST_CASE("route: what the region or provider does not offer is a reason, and later stages do not run") {
  World w;
  QuoteContext person = w.routed([] { auto r = request(Business::New); r.applicant = ApplicantKind::Person; return r; }());
  CHECK(person.outcome(Stage::Route) == StageOutcome::Refused);
  CHECK(person.quote.reasons.at(0).code == "applicant_not_served");
  CHECK(person.quote.reasons.at(0).source == "testland.lua");

  // Mail is not a channel of this region; unlock online is offered by both region and BJCA.
  QuoteContext mail = w.routed(request(Business::New, Channel::Mail));
  CHECK(mail.quote.reasons.at(0).code == "channel_not_offered");

  // Unlock is offered online only: at the counter it is refused, and the reason names the way there is.
  QuoteContext counter = w.routed(request(Business::Unlock, Channel::Onsite));
  REQUIRE(counter.quote.reasons.size() == 1);
  CHECK(counter.quote.reasons[0].code == "not_offered_by_ca_here");
  CHECK(counter.quote.reasons[0].zh.ends_with("；可通过线上方式办理"));
  CHECK(counter.quote.reasons[0].en.ends_with("; offered here: online"));

  QuotePipeline pipeline(w.rule_book, w.plugins);
  QuoteRequest unlock = request(Business::Unlock, Channel::Online);
  unlock.region = "testland";
  unlock.ca = "bjca";
  unlock.today = *Date::parse("2026-06-01");
  QuoteContext ok = pipeline.run(unlock);
  CHECK(ok.outcome(Stage::Route) == StageOutcome::Passed);
  CHECK(ok.outcome(Stage::Fee) == StageOutcome::Passed);
}

TEST_CASE("eligibility: provider notes then region rules, each with its source") {
  World w;
  QuoteRequest r = request(Business::New);
  r.circumstances.registered = false;
  QuoteContext ctx = w.routed(r);
  CHECK(eligibility(ctx) == StageOutcome::Refused);
  REQUIRE(ctx.quote.reasons.size() == 1);
  CHECK(ctx.quote.reasons[0].code == "not_registered");
  CHECK(ctx.quote.reasons[0].source == "testland.lua:7");

  // A provider note: BJCA's own 10-PIN lock (its procedures are the region scripts' now).
  QuoteContext unlock = w.routed(request(Business::Unlock, Channel::Online));
  CHECK(eligibility(unlock) == StageOutcome::Passed);
  REQUIRE_FALSE(unlock.quote.steps.empty());
  CHECK(unlock.quote.steps.at(0).code == "pin_lock");
  CHECK(unlock.quote.steps.at(0).source == "plugin:bjca");
}

TEST_CASE("fee: the provider's facts reach the region's fee rules") {
  World w;
  QuoteRequest damaged = request(Business::ReissueDamaged);
  damaged.cert_not_before = *Date::parse("2026-01-01");
  damaged.cert_not_after = *Date::parse("2027-01-01");
  damaged.first_issued = *Date::parse("2026-01-01");  // the medium's; never guessed from the certificate (C10)
  damaged.defect = Defect::Quality;
  QuoteContext covered = w.routed(damaged);
  eligibility(covered);
  CHECK((covered.provider_facts & CAHUB_FACT_WARRANTY_COVERS_MEDIUM) != 0);
  fee(covered);
  CHECK(covered.quote.fee.items.empty());
  CHECK_FALSE(covered.quote.fee.total_fen);  // nothing published for this case: unpriced, never 0
  CHECK_FALSE(covered.quote.fee.unpriced.empty());

  damaged.defect = Defect::Other;
  QuoteContext charged = w.routed(damaged);
  eligibility(charged);
  fee(charged);
  CHECK(charged.quote.fee.total_fen == 8000);
  CHECK(charged.quote.fee.items.at(0).source == "testland.lua:5");
}

TEST_CASE("fee, materials and validity for a two-year new certificate") {
  World w;
  QuoteRequest r = request(Business::New);
  r.years = 2;
  QuoteContext ctx = w.routed(r);
  CHECK(eligibility(ctx) == StageOutcome::Passed);
  CHECK(materials(ctx) == StageOutcome::Passed);
  CHECK(ctx.quote.materials.at(0).code == "form");
  CHECK(ctx.quote.materials.at(0).copies == 2);
  CHECK(ctx.quote.requires_review);  // paper is checked before issuing
  fee(ctx);
  CHECK(ctx.quote.fee.total_fen == 60000);  // 300 yuan per year, two years
  CHECK(validity(ctx) == StageOutcome::Passed);
  CHECK(ctx.quote.validity->not_before.iso() == "2026-06-01");
  CHECK(ctx.quote.validity->not_after == Date::parse("2028-06-01"));
  CHECK(ctx.quote.validity->source == "testland.lua:8");
}

TEST_CASE("validity: skipped for a business that issues nothing") {
  World w;
  QuoteContext ctx = w.routed(request(Business::Unlock));
  CHECK(validity(ctx) == StageOutcome::Skipped);
  CHECK_FALSE(ctx.quote.validity);
}
