// The C++ wrapper: exceptions become error results (through a real plugin and directly through
// the trampolines), and the SDK's small types agree with the host's.
#include <cahub/issuing.hpp>
#include <cahub/plugin.hpp>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "domain/date.hpp"
#include "plugin_test_support.hpp"
#include "plugins/plugin_registry.hpp"

using namespace cahub;
using namespace cahub::plugins;
using namespace cahub::plugins::test;

namespace {

struct Failure {
  cahub_status status;
  std::string message;
};

Failure assess_failure(const Provider& p, Business business) {
  try {
    p.assess(request(business, Channel::Onsite), 1);
  } catch (const PluginError& e) {
    return {e.status(), e.what()};
  }
  return {CAHUB_OK, ""};
}

Failure operate_failure(const Provider& p, std::string_view json) {
  try {
    p.operate(json);
  } catch (const PluginError& e) {
    return {e.status(), e.what()};
  }
  return {CAHUB_OK, ""};
}

}  // namespace

TEST_CASE("exceptions thrown by a plugin become PluginError and other requests go on", "[sdk]") {
  PluginRegistry registry;
  registry.load_folder(fixture_dir(), var_dir());
  const auto flaky = registry.find("flaky");
  REQUIRE(flaky);

  const Failure std_exception = assess_failure(*flaky, Business::Revoke);
  CHECK(std_exception.status == CAHUB_ERROR_INTERNAL);
  CHECK(std_exception.message == "plugin flaky: revocation table corrupt");

  const Failure not_std = assess_failure(*flaky, Business::Unlock);
  CHECK(not_std.status == CAHUB_ERROR_INTERNAL);
  CHECK(not_std.message == "plugin flaky: unknown exception");

  const Failure provider_error = assess_failure(*flaky, Business::Change);
  CHECK(provider_error.status == CAHUB_ERROR_PROVIDER);
  CHECK(provider_error.message == "plugin flaky: BJCA gateway down");

  // The same instance still answers.
  const ProviderAssessment fine = flaky->assess(request(Business::New, Channel::Onsite), 1);
  REQUIRE(fine.steps.size() == 1);
  CHECK(fine.steps[0].code == "fine");

  const Failure unsupported = operate_failure(*flaky, R"({"op":"issue"})");
  CHECK(unsupported.status == CAHUB_ERROR_UNSUPPORTED);
  CHECK(unsupported.message == "plugin flaky: this provider supports no operations");

  const Failure exploded = operate_failure(*flaky, R"({"op":"explode"})");
  CHECK(exploded.status == CAHUB_ERROR_INTERNAL);
  CHECK(exploded.message == "plugin flaky: exploded");
}

// ---- The trampolines, called directly as the host would, without loading anything ----

namespace {

struct Recorder {
  std::string error;
  std::string out;
  std::string notes;
  std::uint32_t facts = 0;
};

void record_error(void* ctx, const char* s, std::size_t n) { static_cast<Recorder*>(ctx)->error.append(s, n); }
void record_out(void* ctx, const char* s, std::size_t n) { static_cast<Recorder*>(ctx)->out.append(s, n); }
void record_refuse(void* ctx, const char* code, const char* zh, const char* en) {
  static_cast<Recorder*>(ctx)->notes += std::string("refuse ") + code + "|" + zh + "|" + en + ";";
}
void record_step(void* ctx, const char* code, const char* zh, const char* en) {
  static_cast<Recorder*>(ctx)->notes += std::string("step ") + code + "|" + zh + "|" + en + ";";
}
void record_facts(void* ctx, std::uint32_t f) { static_cast<Recorder*>(ctx)->facts |= f; }

int live_instances = 0;

class Probe final : public sdk::Provider {
 public:
  explicit Probe(sdk::Host& host) : host_(host) {
    if (host.state_dir() == "/refuse") throw sdk::ProviderError(CAHUB_ERROR_INVALID_REQUEST, "bad state dir");
    if (host.state_dir() == "/throw-int") throw 7;
    ++live_instances;
  }
  ~Probe() override { --live_instances; }
  void assess(const sdk::Request& r, sdk::Assessment& out) const override {
    if (r.years() == 99) throw std::out_of_range("years out of range");
    out.refuse("c", "中", std::string("e") + std::string(host_.state_dir()));
    out.require_step("s", "步", "step");
    out.mark_requires_review();
    out.warranty_covers_medium();
    CHECK(out.refused());
    CHECK(out.facts() == (CAHUB_FACT_REQUIRES_REVIEW | CAHUB_FACT_WARRANTY_COVERS_MEDIUM));
  }
  const void* extension(std::string_view id) const override {
    if (id == "cahub.test.throws/1") throw std::runtime_error("extensions must not throw");
    return kUploadLimits.extension(id);
  }

  static constexpr const char* kTypes[] = {"jpg", "pdf"};
  static constexpr sdk::UploadLimits kUploadLimits{kTypes, 2 * 1024 * 1024};

 private:
  sdk::Host& host_;
};

using ProbeTrampolines = sdk::detail::Trampolines<Probe>;

cahub_host_api host_api(const char* state_dir, std::uint16_t major = CAHUB_ABI_MAJOR,
                        std::uint16_t minor = CAHUB_ABI_MINOR) {
  cahub_host_api api{};
  api.struct_size = sizeof api;
  api.abi_major = major;
  api.abi_minor = minor;
  api.state_dir = state_dir;
  return api;  // log and get_api left NULL: the SDK must cope with a host that offers neither
}

}  // namespace

TEST_CASE("trampolines: create, assess, operate, destroy", "[sdk]") {
  const cahub_plugin_descriptor d =
      ProbeTrampolines::describe(sdk::Descriptor{.id = "probe", .name_zh = "探针", .name_en = "Probe", .version = "0"});
  CHECK(d.struct_size == sizeof(cahub_plugin_descriptor));
  CHECK(d.abi_major == CAHUB_ABI_MAJOR);
  CHECK(d.abi_minor == CAHUB_ABI_MINOR);
  CHECK(std::string(d.facts_json) == "{}");
  CHECK(d.capabilities == 0);  // none declared (the registry would refuse it)
  REQUIRE(d.get_extension != nullptr);

  Recorder rec;
  const cahub_text_sink error{&rec, &record_error};
  const cahub_text_sink out{&rec, &record_out};
  void* instance = nullptr;

  SECTION("a constructor's ProviderError keeps its status") {
    const cahub_host_api api = host_api("/refuse");
    CHECK(d.create(&api, &instance, &error) == CAHUB_ERROR_INVALID_REQUEST);
    CHECK(rec.error == "bad state dir");
    CHECK(instance == nullptr);
  }
  SECTION("a constructor throwing a non-exception is an internal error") {
    const cahub_host_api api = host_api("/throw-int");
    CHECK(d.create(&api, &instance, &error) == CAHUB_ERROR_INTERNAL);
    CHECK(rec.error == "unknown exception");
    CHECK(instance == nullptr);
  }
  SECTION("create refuses a host whose ABI does not fit, with the header's own check") {
    for (const auto& [major, minor] : {std::pair<std::uint16_t, std::uint16_t>{1, 1}, {3, 0},
                                       {CAHUB_ABI_MAJOR, CAHUB_ABI_MINOR}, {CAHUB_ABI_MAJOR, CAHUB_ABI_MINOR + 5}}) {
      const cahub_host_api api = host_api("/state", major, minor);
      const bool fits = cahub_abi_compatible(major, minor, CAHUB_ABI_MAJOR, CAHUB_ABI_MINOR) == 1;
      rec.error.clear();
      INFO(major << "." << minor);
      CHECK((d.create(&api, &instance, &error) == CAHUB_OK) == fits);
      if (fits) {
        d.destroy(instance);
      } else {
        CHECK(instance == nullptr);
        CHECK_THAT(rec.error, Catch::StartsWith("create: the host speaks plugin ABI " + std::to_string(major) + "." +
                                                std::to_string(minor) + ", this plugin needs 2.0"));
      }
    }
    CHECK(live_instances == 0);
  }
  SECTION("get_extension: the provider's table for its ids, NULL for anything else, never a throw") {
    const cahub_host_api api = host_api("/state");
    REQUIRE(d.create(&api, &instance, &error) == CAHUB_OK);
    const auto* limits = static_cast<const cahub_upload_limits*>(d.get_extension(instance, CAHUB_EXT_UPLOAD_LIMITS));
    REQUIRE(limits != nullptr);
    CHECK(limits->struct_size == sizeof(cahub_upload_limits));
    REQUIRE(limits->type_count == 2);
    CHECK(std::string(limits->types[0]) == "jpg");
    CHECK(std::string(limits->types[1]) == "pdf");
    CHECK(limits->max_bytes == 2 * 1024 * 1024);
    CHECK(d.get_extension(instance, "cahub.upload_limits/2") == nullptr);
    CHECK(d.get_extension(instance, "cahub.test.throws/1") == nullptr);
    CHECK(d.get_extension(instance, nullptr) == nullptr);
    CHECK(d.get_extension(nullptr, CAHUB_EXT_UPLOAD_LIMITS) == nullptr);
    d.destroy(instance);
  }
  SECTION("a working instance") {
    const cahub_host_api api = host_api("/state");
    REQUIRE(d.create(&api, &instance, &error) == CAHUB_OK);
    REQUIRE(instance != nullptr);
    CHECK(live_instances == 1);

    cahub_assess_request req{};
    req.struct_size = sizeof req;
    req.years = 1;
    req.cert_not_before = req.cert_not_after = req.first_issued = CAHUB_NO_DATE;
    req.defect = CAHUB_DEFECT_NONE;
    const cahub_assessment_sink sink{&rec, &record_refuse, &record_step, &record_facts};
    CHECK(d.assess(instance, &req, &sink, &error) == CAHUB_OK);
    CHECK(rec.notes == "refuse c|中|e/state;step s|步|step;");
    CHECK(rec.facts == (CAHUB_FACT_REQUIRES_REVIEW | CAHUB_FACT_WARRANTY_COVERS_MEDIUM));

    req.years = 99;
    CHECK(d.assess(instance, &req, &sink, &error) == CAHUB_ERROR_INTERNAL);
    CHECK(rec.error == "years out of range");

    rec.error.clear();
    CHECK(d.assess(instance, nullptr, &sink, &error) == CAHUB_ERROR_INVALID_REQUEST);
    CHECK(rec.error == "assess: null argument");

    rec.error.clear();
    CHECK(d.operate(instance, "{}", 2, &out, &error) == CAHUB_ERROR_UNSUPPORTED);
    CHECK(rec.error == "this provider supports no operations");
    CHECK(rec.out.empty());

    // A NULL error sink is tolerated: the status still tells.
    CHECK(d.operate(instance, "{}", 2, &out, nullptr) == CAHUB_ERROR_UNSUPPORTED);

    d.destroy(instance);
    CHECK(live_instances == 0);
  }
}

TEST_CASE("a ProviderError cannot claim success", "[sdk]") {
  CHECK(sdk::ProviderError(CAHUB_OK, "x").status() == CAHUB_ERROR_INTERNAL);
  CHECK(sdk::ProviderError(CAHUB_ERROR_NOT_FOUND, "x").status() == CAHUB_ERROR_NOT_FOUND);
}

TEST_CASE("capabilities and applicants become the ABI's bit masks", "[sdk]") {
  using sdk::Business;
  constexpr sdk::Capabilities capabilities = {Business::New, Business::Revoke, Business::Unlock, Business::New};
  static_assert(capabilities.bits() ==
                ((1u << CAHUB_BUSINESS_NEW) | (1u << CAHUB_BUSINESS_REVOKE) | (1u << CAHUB_BUSINESS_UNLOCK)));
  static_assert(capabilities.can_carry_out(Business::Unlock) && !capabilities.can_carry_out(Business::Renew));
  static_assert(capabilities.with(Business::Renew).can_carry_out(Business::Renew));
  static_assert(!sdk::Capabilities{static_cast<Business>(31)}.can_carry_out(static_cast<Business>(31)));
  // The issuing library's: every certificate operation, no unlock.
  static_assert(sdk::issuing::kIssuingCapabilities.bits() == ((1u << CAHUB_BUSINESS_COUNT) - 1) -
                                                                 (1u << CAHUB_BUSINESS_UNLOCK));
  constexpr sdk::Applicants applicants = {sdk::Applicant::Person};
  static_assert(applicants.bits() == (1u << CAHUB_APPLICANT_PERSON));
  static_assert(applicants.serves(sdk::Applicant::Person) && !applicants.serves(sdk::Applicant::Org));
  const cahub_plugin_descriptor d = ProbeTrampolines::describe(sdk::Descriptor{
      .id = "probe", .name_zh = "探针", .name_en = "Probe", .version = "0", .capabilities = capabilities,
      .applicants = applicants});
  CHECK(d.capabilities == capabilities.bits());
  CHECK(d.applicants == applicants.bits());
}

TEST_CASE("Host: settings, and the host-service probe answers nullptr when the host has none", "[sdk]") {
  cahub_setting settings[] = {{"key_algorithm", "ec-p256"}};
  cahub_host_api api = host_api("/state");
  api.settings = settings;
  api.settings_count = 1;
  sdk::Host without(api);
  CHECK(without.setting("key_algorithm") == "ec-p256");
  CHECK_FALSE(without.setting("nope"));
  CHECK(without.api("cahub.host.anything/1") == nullptr);
  CHECK(without.api(nullptr) == nullptr);
  static const int table = 7;
  api.get_api = [](void*, const char* id) -> const void* {
    return std::string_view(id) == "cahub.test.table/1" ? &table : nullptr;
  };
  sdk::Host with(api);
  CHECK(with.api("cahub.test.table/1") == &table);
  CHECK(with.api("cahub.test.table/2") == nullptr);
}

TEST_CASE("the SDK's Date agrees with the host's", "[sdk][date]") {
  static_assert(sdk::Date::from_ymd(1970, 1, 1).days() == 0);
  static_assert(sdk::Date::from_ymd(2024, 2, 29).plus_years(1) == sdk::Date::from_ymd(2025, 2, 28));
  static_assert(sdk::Date::from_ymd(2024, 2, 29).plus_years(4) == sdk::Date::from_ymd(2028, 2, 29));
  static_assert(sdk::Date::from_ymd(2024, 6, 15) - sdk::Date::from_ymd(2023, 6, 15) == 366);
  // Every day from 1900 to 2100: the same calendar and the same "one year later" on both sides.
  const std::int32_t first = Date::from_ymd(1900, 1, 1)->days(), last = Date::from_ymd(2100, 12, 31)->days();
  std::int32_t mismatches = 0;
  for (std::int32_t d = first; d <= last; ++d) {
    const Date host = Date::from_days(d);
    const sdk::Date sdk(d);
    if (sdk.year() != host.year() || sdk.month() != host.month() || sdk.day() != host.day() ||
        sdk::Date::from_ymd(host.year(), host.month(), host.day()).days() != d ||
        sdk.plus_years(1).days() != host.plus_years(1).days() ||
        sdk.plus_years(-3).days() != host.plus_years(-3).days())
      ++mismatches;
  }
  CHECK(mismatches == 0);
}

TEST_CASE("Request reads the ABI struct", "[sdk]") {
  cahub_assess_request raw{};
  raw.struct_size = sizeof raw;
  raw.business = CAHUB_BUSINESS_RENEW;
  raw.channel = CAHUB_CHANNEL_ONLINE;
  raw.applicant = CAHUB_APPLICANT_PERSON;
  raw.key_type = CAHUB_KEY_SECONDARY;
  raw.years = 2;
  raw.today = 20000;
  raw.cert_not_before = 19500;
  raw.cert_not_after = 19950;
  raw.first_issued = CAHUB_NO_DATE;
  raw.defect = CAHUB_DEFECT_OTHER;
  raw.circumstances = CAHUB_CIRC_OPEN_BID | CAHUB_CIRC_DELEGATED;
  const sdk::Request r(raw);
  CHECK(r.business() == sdk::Business::Renew);
  CHECK(r.channel() == sdk::Channel::Online);
  CHECK(r.applicant() == sdk::Applicant::Person);
  CHECK(r.key() == sdk::KeyType::Secondary);
  CHECK(r.years() == 2);
  CHECK(r.today() == sdk::Date(20000));
  CHECK(r.cert_not_after() == sdk::Date(19950));
  CHECK_FALSE(r.first_issued());  // never guessed from cert_not_before (audit C10)
  CHECK(r.days_to_expiry() == -50);
  CHECK(r.defect() == sdk::Defect::Other);
  CHECK(r.has(sdk::Circumstance::OpenBid));
  CHECK(r.has(sdk::Circumstance::Delegated));
  CHECK_FALSE(r.has(sdk::Circumstance::Registered));
  raw.first_issued = 19000;
  CHECK(r.first_issued() == sdk::Date(19000));
  raw.cert_not_before = CAHUB_NO_DATE;
  raw.cert_not_after = CAHUB_NO_DATE;
  CHECK_FALSE(r.days_to_expiry());
}
