// Loading a folder of plugins: the good ones load, every bad one is refused with its reason,
// and the host goes on.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <map>
#include <sstream>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "plugin_test_support.hpp"
#include "plugins/plugin_registry.hpp"
#include "store/database.hpp"

using namespace cahub;
using namespace cahub::plugins;
using namespace cahub::plugins::test;

namespace {

const std::string kHostAbi = std::to_string(CAHUB_ABI_MAJOR) + "." + std::to_string(CAHUB_ABI_MINOR);

std::map<std::string, std::string> reasons_by_file(const PluginRegistry& registry) {
  std::map<std::string, std::string> out;
  for (const auto& r : registry.refused()) out[r.file.filename().string()] = r.reason;
  return out;
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// What the good fixture's logger (plugin.good) received while `body` ran. The logger may exist
// already (an earlier test in this process): listen on it either way.
template <typename Body>
std::string good_plugin_log(Body body) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  auto logger = spdlog::get("plugin.good");
  if (!logger) {
    logger = std::make_shared<spdlog::logger>("plugin.good");
    spdlog::register_logger(logger);
  }
  logger->sinks().push_back(sink);
  struct Detach {  // also when a REQUIRE in `body` throws: the sink must not outlive `captured`
    spdlog::logger& logger;
    ~Detach() { logger.sinks().pop_back(); }
  } detach{*logger};
  body();
  return captured.str();
}

}  // namespace

TEST_CASE("good plugins load while bad ones sit in the same folder", "[registry]") {
  PluginRegistry registry;
  REQUIRE(registry.load_folder(fixture_dir(), var_dir()) == 3);
  CHECK(registry.ids() == std::vector<std::string>{"c_plain", "flaky", "good"});
  REQUIRE(registry.find("good"));
  CHECK(registry.find("good")->file() == fixture("good.so"));
  CHECK(registry.find("nope") == nullptr);
  CHECK(registry.refused().size() == 12);  // every *.so but good and flaky; notes.txt is not looked at
}

TEST_CASE("each refusal names the file and why", "[registry]") {
  PluginRegistry registry;
  registry.load_folder(fixture_dir(), var_dir());
  const auto reasons = reasons_by_file(registry);

  CHECK(reasons.at("abi_major_3.so") ==
        "abi_major_3.so: built for plugin ABI 3.0, this host speaks " + kHostAbi + ": it needs a newer cahub host");
  CHECK(reasons.at("abi_newer_minor.so") ==
        "abi_newer_minor.so: built for plugin ABI 2.99, this host speaks " + kHostAbi + ": it needs a newer cahub host");
  CHECK(reasons.at("bad_extension.so") ==
        "bad_extension.so: extension cahub.upload_limits/1 is malformed: type_count is 2 but types is NULL");
  CHECK(reasons.at("no_entry.so") == "no_entry.so: not a cahub plugin (no cahub_plugin_entry symbol)");
  CHECK(reasons.at("null_entry.so") ==
        "null_entry.so: cahub_plugin_entry returned no descriptor for host ABI " + kHostAbi);
  CHECK(reasons.at("ctor_throws.so") ==
        "ctor_throws.so: create() failed with status 5 (internal error): licence file missing");
  CHECK(reasons.at("good_twin.so") == "good_twin.so: plugin id \"good\" is already provided by good.so");
  CHECK(reasons.at("no_assess.so") == "no_assess.so: descriptor has no assess");
  CHECK(reasons.at("bad_id.so") ==
        "bad_id.so: plugin id \"Bad/Id\" is not lower-case ASCII (a-z, 0-9, '_' or '-', starting with a letter, "
        "at most 64)");
  CHECK(starts_with(reasons.at("bad_facts.so"),
                    "bad_facts.so: facts_json is not valid JSON ([json.exception.parse_error"));
  // The loader's own words (dlerror) follow the host's.
  CHECK(starts_with(reasons.at("fake.so"), "fake.so: not a loadable library ("));
  CHECK(reasons.at("fake.so").find("ELF") != std::string::npos);
  CHECK(reasons.count("notes.txt") == 0);
}

TEST_CASE("a plugin built against the 1.1 SDK is refused with what to do, never shimmed", "[registry][abi]") {
  // abi_1_1.so is built against a frozen copy of the 1.1 descriptor (fixtures/abi_1_1.h): offers per
  // channel, no capabilities. Only its three frozen fields are read.
  PluginRegistry registry;
  CHECK(registry.load_one(fixture("abi_1_1.so"), var_dir()) ==
        "abi_1_1.so: built for plugin ABI 1.1, this host speaks " + kHostAbi +
            ": rebuild it against the installed SDK (ABI 2 moved offers to the region scripts' offer{})");
  CHECK(registry.loaded().empty());
  REQUIRE(registry.refused().size() == 1);
  CHECK(registry.refused()[0].file == fixture("abi_1_1.so"));
}

TEST_CASE("abi_mismatch follows cahub_abi_compatible and says what to do", "[registry][abi]") {
  // The header's check: the same major, and a plugin minor no newer than the host's.
  struct Row {
    unsigned host_major, host_minor, plugin_major, plugin_minor;
    bool compatible;
  };
  const Row table[] = {{2, 0, 2, 0, true},  {2, 3, 2, 0, true},  {2, 3, 2, 3, true},  {2, 0, 2, 1, false},
                       {2, 0, 1, 1, false}, {2, 0, 1, 0, false}, {2, 9, 1, 9, false}, {2, 0, 3, 0, false},
                       {3, 0, 2, 0, false}, {1, 1, 1, 0, true},  {0, 0, 0, 0, true},  {65535, 65535, 65535, 0, true}};
  for (const Row& r : table) {
    INFO(r.host_major << "." << r.host_minor << " loading " << r.plugin_major << "." << r.plugin_minor);
    CHECK((cahub_abi_compatible(static_cast<std::uint16_t>(r.host_major), static_cast<std::uint16_t>(r.host_minor),
                                static_cast<std::uint16_t>(r.plugin_major),
                                static_cast<std::uint16_t>(r.plugin_minor)) == 1) == r.compatible);
    CHECK(abi_mismatch(r.plugin_major, r.plugin_minor, r.host_major, r.host_minor).empty() == r.compatible);
  }
  CHECK(abi_mismatch(1, 0, 2, 0) ==
        "built for plugin ABI 1.0, this host speaks 2.0: rebuild it against the installed SDK (ABI 2 moved offers to "
        "the region scripts' offer{})");
  CHECK(abi_mismatch(2, 0, 3, 1) == "built for plugin ABI 2.0, this host speaks 3.1: rebuild it against the installed SDK");
  CHECK(abi_mismatch(2, 1, 2, 0) == "built for plugin ABI 2.1, this host speaks 2.0: it needs a newer cahub host");
  CHECK(abi_mismatch(70000, 0, 2, 0) == "built for plugin ABI 70000.0, this host speaks 2.0: it needs a newer cahub host");
}

TEST_CASE("a second folder with the same plugins refuses them as duplicates", "[registry]") {
  PluginRegistry registry;
  registry.load_folder(fixture_dir(), var_dir());
  CHECK(registry.load_folder(fixture_dir(), var_dir()) == 0);
  CHECK(reasons_by_file(registry).at("good.so") == "good.so: plugin id \"good\" is already provided by good.so");
  CHECK(registry.ids().size() == 3);
}

TEST_CASE("a missing plugin folder is an error, not an empty registry", "[registry]") {
  PluginRegistry registry;
  CHECK_THROWS_WITH(registry.load_folder(fixture_dir() / "no-such-folder", var_dir()),
                    Catch::Contains("is not a directory"));
}

TEST_CASE("the descriptor is copied: names, capabilities, applicants, facts", "[registry]") {
  PluginRegistry registry;
  registry.load_folder(fixture_dir(), var_dir());
  const auto good = registry.find("good");
  REQUIRE(good);
  CHECK(good->name_zh() == "好插件");
  CHECK(good->name_en() == "Good fixture");
  CHECK(good->version() == "1.2.3");
  CHECK(good->abi_major() == CAHUB_ABI_MAJOR);
  CHECK(good->abi_minor() == CAHUB_ABI_MINOR);
  CHECK(good->can_carry_out(Business::New));
  CHECK(good->can_carry_out(Business::Renew));
  CHECK(good->can_carry_out(Business::Revoke));
  CHECK_FALSE(good->can_carry_out(Business::Unlock));
  CHECK_FALSE(good->can_carry_out(Business::Add));
  CHECK_FALSE(good->upload_limits());  // it publishes none
  CHECK_FALSE(good->has_extension(CAHUB_EXT_UPLOAD_LIMITS));
  CHECK_FALSE(good->has_extension("cahub.no_such_extension/1"));
  CHECK(good->serves(ApplicantKind::Org));
  CHECK(good->serves(ApplicantKind::Person));
  CHECK_FALSE(good->serves(ApplicantKind::OrgPerson));
  CHECK(good->facts().at("hotline") == "400-000-0000");
}

TEST_CASE("a plain C plugin: its upload limits arrive typed, unknown extensions are NULL", "[registry][extensions]") {
  PluginRegistry registry;
  registry.load_folder(fixture_dir(), var_dir());
  const auto c = registry.find("c_plain");
  REQUIRE(c);
  CHECK(c->abi_major() == 2);
  CHECK(c->can_carry_out(Business::Unlock));
  CHECK_FALSE(c->can_carry_out(Business::Renew));
  REQUIRE(c->upload_limits());
  CHECK(c->upload_limits()->types.empty());  // any type
  CHECK(c->upload_limits()->max_bytes == 512);
  CHECK(c->upload_limits()->accepts_type("TIFF"));
  CHECK(c->has_extension(CAHUB_EXT_UPLOAD_LIMITS));
  CHECK_FALSE(c->has_extension("cahub.upload_limits/2"));
  CHECK_FALSE(c->has_extension("cahub.no_such_extension/1"));
  const auto described = registry.describe().at("plugins").at(0);
  CHECK(described.at("upload_limits") == nlohmann::ordered_json::parse(R"({"types": [], "max_bytes": 512})"));
  CHECK_THAT(registry.render_table(), Catch::Contains("    uploads       any type, at most 512 bytes\n"));
  const ProviderAssessment a = c->assess(request(Business::Unlock, Channel::Onsite), 1);
  REQUIRE(a.steps.size() == 1);
  CHECK(a.steps[0].code == "pin_lock");
}

TEST_CASE("a malformed extension table refuses the plugin at load", "[registry][extensions]") {
  PluginRegistry registry;
  CHECK(registry.load_one(fixture("bad_extension.so"), var_dir()) ==
        "bad_extension.so: extension cahub.upload_limits/1 is malformed: type_count is 2 but types is NULL");
  CHECK(registry.find("bad_extension") == nullptr);
}

TEST_CASE("each plugin gets a private state folder <var>/ca/<id>", "[registry]") {
  PluginRegistry registry;
  registry.load_folder(fixture_dir(), var_dir());
  const auto good = registry.find("good");
  REQUIRE(good);
  CHECK(good->state_dir() == var_dir() / "ca" / "good");
  struct stat st {};
  REQUIRE(::stat(good->state_dir().c_str(), &st) == 0);
  CHECK(S_ISDIR(st.st_mode));
  CHECK((st.st_mode & 0777) == 0700);
}

TEST_CASE("on a shared store the registry makes no state folders, and warns about a plugin that keeps its own",
          "[registry][plugin_state]") {
  const std::filesystem::path var =
      std::filesystem::temp_directory_path() / ("cahub-shared-var-" + std::to_string(::getpid()));
  std::filesystem::remove_all(var);
  std::filesystem::create_directories(var);
  store::Database db = store::Database::open_or_create(var / "state.db");
  const std::string logged = good_plugin_log([&] {
    PluginRegistry registry;
    registry.keep_plugin_state([&db]() -> store::SqlStore& { return db; });
    registry.load_folder(fixture_dir(), var);
    const auto good = registry.find("good");
    REQUIRE(good);
    // The fixture answers operations but never asks for cahub.plugin_state/1: its state would
    // differ from host to host, and the operator is told at start.
    CHECK_FALSE(good->keeps_state_with_host());
  });
  CHECK_THAT(logged, Catch::Contains("did not ask for the host's state service (cahub.plugin_state/1)"));
  CHECK_FALSE(std::filesystem::exists(var / "ca"));
  std::filesystem::remove_all(var);
}

TEST_CASE("a plugin's log lines go to the spdlog logger plugin.<id>", "[registry]") {
  const std::string logged = good_plugin_log([] {
    PluginRegistry registry;
    registry.load_folder(fixture_dir(), var_dir());
  });
  CHECK_THAT(logged, Catch::Contains("[plugin.good] [info] good fixture created"));
}

TEST_CASE("plugins list --json describes loaded and refused plugins", "[registry]") {
  PluginRegistry registry;
  registry.load_folder(fixture_dir(), var_dir());
  const auto j = registry.describe();
  REQUIRE(j.at("plugins").size() == 3);
  const auto& good = j.at("plugins").at(2);
  CHECK(good.at("id") == "good");
  CHECK(good.at("file") == fixture("good.so").string());
  CHECK(good.at("name_zh") == "好插件");
  CHECK(good.at("name_en") == "Good fixture");
  CHECK(good.at("version") == "1.2.3");
  CHECK(good.at("abi") == kHostAbi);
  CHECK(good.at("capabilities") == nlohmann::json{"new", "renew", "revoke"});
  CHECK_FALSE(good.contains("businesses"));  // ABI 1's offers per channel are the region scripts' now
  CHECK(good.at("applicants") == nlohmann::json{"org", "person"});
  CHECK(good.at("upload_limits").is_null());
  CHECK(good.at("facts").at("hours") == nlohmann::json{"9:00", "17:00"});
  REQUIRE(j.at("refused").size() == 12);
  CHECK(j.at("refused").at(1).at("file") == fixture("abi_major_3.so").string());
  CHECK(j.at("refused").at(1).at("reason") ==
        "abi_major_3.so: built for plugin ABI 3.0, this host speaks " + kHostAbi + ": it needs a newer cahub host");
}

TEST_CASE("plugins list prints a readable table", "[registry]") {
  PluginRegistry registry;
  registry.load_folder(fixture_dir(), var_dir());
  const std::string table = registry.render_table();
  CHECK_THAT(table, Catch::Contains("good  1.2.3  (ABI " + kHostAbi + ")  好插件  Good fixture"));
  CHECK_THAT(table, Catch::Contains("    capabilities  new renew revoke\n"));
  CHECK_THAT(table, Catch::Contains("    applicants    org person\n"));
  CHECK_THAT(table, Catch::Contains("refused:\n"));
  CHECK_THAT(table, Catch::Contains("    abi_major_3.so: built for plugin ABI 3.0"));
  CHECK(PluginRegistry().render_table() == "no plugins loaded\n");
}

TEST_CASE("assess converts the request to the ABI and collects the answer", "[registry][assess]") {
  PluginRegistry registry;
  registry.load_folder(fixture_dir(), var_dir());
  const auto good = registry.find("good");
  REQUIRE(good);

  QuoteRequest r = request(Business::ReissueDamaged, Channel::Mail, "qinghai");
  r.applicant = ApplicantKind::Person;
  r.key = KeyType::Secondary;
  r.cert_not_before = Date::from_days(19000);
  r.cert_not_after = Date::from_days(19365);
  r.defect = Defect::Quality;
  r.circumstances.registered = true;
  r.circumstances.expert_in_database = false;
  r.circumstances.delegated = true;
  r.circumstances.agent_changed = true;

  SECTION("first_issued is not guessed from cert_not_before (audit C10)") {
    const ProviderAssessment a = good->assess(r, 2);
    REQUIRE(a.steps.size() == 1);
    const std::string bits = std::to_string(CAHUB_CIRC_REGISTERED | CAHUB_CIRC_DELEGATED | CAHUB_CIRC_AGENT_CHANGED);
    CHECK(a.steps[0].code == "echo");
    CHECK(a.steps[0].zh ==
          "business=4 applicant=1 channel=1 key=1 years=2 today=" + std::to_string(test_today().days()) +
              " not_before=19000 not_after=19365 first_issued=none defect=0 circumstances=" + bits);
    CHECK(a.steps[0].en == (var_dir() / "ca" / "good").string());  // the state_dir the plugin was given
    CHECK(a.steps[0].source == "plugin:good");
    CHECK(a.refusals.empty());
    CHECK(a.requires_review());
    CHECK_FALSE(a.warranty_covers_medium());
  }
  SECTION("absent dates and defect cross as CAHUB_NO_DATE and CAHUB_DEFECT_NONE") {
    r.cert_not_before.reset();
    r.cert_not_after.reset();
    r.defect.reset();
    r.circumstances = {};
    r.circumstances.registered = false;
    r.circumstances.expert_in_database = false;
    const ProviderAssessment a = good->assess(r, 1);
    CHECK_THAT(a.steps.at(0).zh,
               Catch::EndsWith("not_before=none not_after=none first_issued=none defect=-1 circumstances=0"));
  }
  SECTION("an explicit first_issued crosses as it is") {
    r.first_issued = Date::from_days(18000);
    CHECK_THAT(good->assess(r, 1).steps.at(0).zh, Catch::Contains(" first_issued=18000 "));
  }
  SECTION("refusals carry code, both languages and the plugin as source") {
    r.circumstances.open_bid = true;
    const ProviderAssessment a = good->assess(r, 1);
    REQUIRE(a.refusals.size() == 1);
    CHECK(a.refused());
    CHECK(a.refusals[0].code == "open_bid");
    CHECK(a.refusals[0].zh == "有未开标的投标");
    CHECK(a.refusals[0].en == "a bid is not yet opened");
    CHECK(a.refusals[0].source == "plugin:good");
  }
}

TEST_CASE("operate passes JSON through and errors keep their status", "[registry][operate]") {
  PluginRegistry registry;
  registry.load_folder(fixture_dir(), var_dir());
  const auto good = registry.find("good");
  REQUIRE(good);
  CHECK(good->operate(R"({"op":"issue"})") == R"({"ok":true,"echo":{"op":"issue"}})");
  try {
    good->operate(R"({"op":"revoke","serial":"missing"})");
    FAIL("expected a PluginError");
  } catch (const PluginError& e) {
    CHECK(e.status() == CAHUB_ERROR_NOT_FOUND);
    CHECK(std::string(e.what()) == "plugin good: no certificate with serial 1234");
  }
}
