// A plugin file that another user could have written is refused before dlopen (its constructors
// would run as cahub's user the moment it loads), with the file or folder named; the others load.
#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <sstream>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "../support/scratch_folder.hpp"
#include "plugin_test_support.hpp"
#include "plugins/plugin_file_trust.hpp"
#include "plugins/plugin_registry.hpp"

using namespace cahub::plugins;
using cahub::testing::ScratchFolder;
namespace fs = std::filesystem;

namespace {

const std::string kWhy = "; a plugin file and its folders must be writable only by root or cahub's user";

// A copy of a fixture plugin in `folder` (created 0755), under a name no other test loads, so
// that dlopen(RTLD_NOLOAD) can tell whether this very file was ever loaded.
fs::path copy_plugin(const fs::path& folder, const std::string& fixture_name, const std::string& as) {
  fs::create_directories(folder);
  fs::permissions(folder, fs::perms(0755), fs::perm_options::replace);
  const fs::path copy = folder / as;
  fs::copy_file(test::fixture(fixture_name), copy, fs::copy_options::overwrite_existing);
  fs::permissions(copy, fs::perms(0755), fs::perm_options::replace);
  return copy;
}

bool was_loaded(const fs::path& file) {
  void* handle = ::dlopen(file.c_str(), RTLD_NOLOAD | RTLD_LAZY);
  if (handle) ::dlclose(handle);  // drops only the reference RTLD_NOLOAD took
  return handle != nullptr;
}

std::string only_reason(const PluginRegistry& registry) {
  REQUIRE(registry.refused().size() == 1);
  return registry.refused().front().reason;
}

}  // namespace

TEST_CASE("a plugin in folders only root or cahub's user can write loads", "[registry][trust]") {
  ScratchFolder scratch;
  const fs::path plugin = copy_plugin(scratch / "plugins", "good.so", "trusted_good.so");
  PluginRegistry registry;
  CHECK(registry.load_folder(scratch / "plugins", test::var_dir()) == 1);
  CHECK(registry.refused().empty());
  CHECK(was_loaded(plugin));
  CHECK(untrusted_plugin_path(plugin, plugin.parent_path(), ::geteuid()).empty());
}

TEST_CASE("a world-writable plugin folder is refused before dlopen, and says so in the log", "[registry][trust]") {
  ScratchFolder scratch;
  const fs::path plugin = copy_plugin(scratch / "plugins", "good.so", "open_folder_good.so");
  fs::permissions(scratch / "plugins", fs::perms(0777), fs::perm_options::replace);

  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  PluginRegistry registry;
  registry.load_folder(scratch / "plugins", test::var_dir());  // makes the "plugins" logger
  spdlog::get("plugins")->sinks().push_back(sink);
  PluginRegistry again;
  CHECK(again.load_folder(scratch / "plugins", test::var_dir()) == 0);
  spdlog::get("plugins")->sinks().pop_back();

  const std::string expected = "open_folder_good.so: refused before loading: folder " +
                               fs::canonical(scratch / "plugins").string() + " is world-writable (mode 0777)" + kWhy;
  CHECK(only_reason(again) == expected);
  CHECK(again.loaded().empty());
  CHECK_FALSE(was_loaded(plugin));  // its constructors never ran
  CHECK_THAT(captured.str(), Catch::Contains("skipped plugin: " + expected));
  CHECK_THAT(again.render_table(), Catch::Contains("refused:\n    " + expected));
  CHECK(again.describe().at("refused").at(0).at("reason") == expected);
}

TEST_CASE("a world- or group-writable plugin file or folder is refused with its mode", "[registry][trust]") {
  ScratchFolder scratch;
  const fs::path plugin = copy_plugin(scratch / "plugins", "good.so", "writable_good.so");
  const std::string folder = fs::canonical(scratch / "plugins").string();
  PluginRegistry registry;
  SECTION("a 0666 file") {
    fs::permissions(plugin, fs::perms(0666), fs::perm_options::replace);
    CHECK(registry.load_one(plugin, test::var_dir()) == "writable_good.so: refused before loading: file " + folder +
                                                             "/writable_good.so is world-writable (mode 0666)" + kWhy);
  }
  SECTION("a group-writable file") {
    fs::permissions(plugin, fs::perms(0775), fs::perm_options::replace);
    CHECK_THAT(registry.load_one(plugin, test::var_dir()), Catch::Contains("is group-writable (mode 0775)"));
  }
  SECTION("a group-writable plugins folder") {
    fs::permissions(scratch / "plugins", fs::perms(0775), fs::perm_options::replace);
    CHECK_THAT(registry.load_one(plugin, test::var_dir()),
               Catch::Contains("folder " + folder + " is group-writable (mode 0775)"));
  }
  SECTION("a sticky world-writable plugins folder: others could still add a library") {
    fs::permissions(scratch / "plugins", fs::perms(01777), fs::perm_options::replace);
    CHECK_THAT(registry.load_one(plugin, test::var_dir()),
               Catch::Contains("folder " + folder + " is world-writable (mode 1777)"));
  }
  SECTION("a group-writable folder above the plugins folder") {
    fs::permissions(scratch.path(), fs::perms(0775), fs::perm_options::replace);
    CHECK_THAT(registry.load_one(plugin, test::var_dir()),
               Catch::Contains("folder " + fs::canonical(scratch.path()).string() + " is group-writable (mode 0775)"));
  }
  CHECK(registry.loaded().empty());
  CHECK_FALSE(was_loaded(plugin));
}

TEST_CASE("a symlinked plugin is judged by its real file and folders", "[registry][trust]") {
  ScratchFolder scratch;
  const fs::path real = copy_plugin(scratch / "elsewhere", "good.so", "linked_good.so");
  fs::permissions(scratch / "elsewhere", fs::perms(0777), fs::perm_options::replace);
  fs::create_directories(scratch / "plugins");
  fs::permissions(scratch / "plugins", fs::perms(0755), fs::perm_options::replace);
  fs::create_symlink(real, scratch / "plugins" / "linked_good.so");
  PluginRegistry registry;
  CHECK(registry.load_folder(scratch / "plugins", test::var_dir()) == 0);
  CHECK_THAT(only_reason(registry), Catch::Contains("folder " + fs::canonical(scratch / "elsewhere").string() +
                                                    " is world-writable (mode 0777)"));
  CHECK_FALSE(was_loaded(real));
}

TEST_CASE("a plugin owned by another user than root or cahub's is refused", "[registry][trust]") {
  ScratchFolder scratch;
  const fs::path plugin = copy_plugin(scratch / "plugins", "good.so", "foreign_good.so");
  if (::geteuid() == 0) {
    // As root: give the file to another user; the server (root) must not run it.
    REQUIRE(::chown(plugin.c_str(), 54321, static_cast<gid_t>(-1)) == 0);
    CHECK(untrusted_plugin_path(plugin, plugin.parent_path(), 0) ==
          "file " + fs::canonical(plugin).string() + " is owned by user 54321, not by root or cahub's user 0 (root)");
    PluginRegistry registry;
    CHECK(registry.load_folder(scratch / "plugins", test::var_dir()) == 0);
    CHECK_THAT(only_reason(registry), Catch::Contains("is owned by user 54321"));
    CHECK_FALSE(was_loaded(plugin));
  } else {
    // As anyone else: a server running as another uid sees our files as another user's.
    const uid_t server = ::geteuid() + 1;
    CHECK_THAT(untrusted_plugin_path(plugin, plugin.parent_path(), server),
               Catch::Contains("is owned by user " + std::to_string(::geteuid())));
  }
}

TEST_CASE("a refused folder does not stop the plugins of another", "[registry][trust]") {
  ScratchFolder scratch;
  copy_plugin(scratch / "open", "flaky.so", "open_flaky.so");
  fs::permissions(scratch / "open", fs::perms(0777), fs::perm_options::replace);
  copy_plugin(scratch / "closed", "good.so", "closed_good.so");
  PluginRegistry registry;
  CHECK(registry.load_folder(scratch / "open", test::var_dir()) == 0);
  CHECK(registry.load_folder(scratch / "closed", test::var_dir()) == 1);
  CHECK(registry.ids() == std::vector<std::string>{"good"});
  CHECK_THAT(only_reason(registry), Catch::StartsWith("open_flaky.so: refused before loading: folder "));
}

TEST_CASE("a plugin path that does not resolve is refused, not loaded", "[registry][trust]") {
  CHECK_THAT(untrusted_plugin_path("/nonexistent/x.so", "/nonexistent", ::geteuid()),
             Catch::StartsWith("cannot resolve file /nonexistent/x.so: "));
}
