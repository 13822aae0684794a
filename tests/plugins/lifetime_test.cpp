// The library stays loaded exactly as long as something from it is in use.
#include <dlfcn.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "plugin_test_support.hpp"
#include "plugins/plugin_registry.hpp"

using namespace cahub;
using namespace cahub::plugins;
using namespace cahub::plugins::test;

namespace {

// Asks the dynamic loader, without loading anything, whether `file` is in the process now.
bool is_loaded(const std::filesystem::path& file) {
  void* handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_NOLOAD);
  if (!handle) return false;
  ::dlclose(handle);  // RTLD_NOLOAD still took a reference
  return true;
}

}  // namespace

TEST_CASE("a provider handle outlives its registry and keeps the library loaded", "[lifetime]") {
  REQUIRE_FALSE(is_loaded(fixture("good.so")));
  std::shared_ptr<const Provider> good;
  {
    PluginRegistry registry;
    registry.load_folder(fixture_dir(), var_dir());
    good = registry.find("good");
    REQUIRE(good);
    CHECK(is_loaded(fixture("good.so")));
  }
  // The registry is gone; the handle still works because it holds the library.
  CHECK(is_loaded(fixture("good.so")));
  const ProviderAssessment a = good->assess(request(Business::New, Channel::Onsite), 1);
  CHECK(a.steps.at(0).code == "echo");
  CHECK(good->id() == "good");

  good.reset();  // the last handle: instance destroyed, then the library unloaded
  CHECK_FALSE(is_loaded(fixture("good.so")));
}

TEST_CASE("the library unloads with the registry when no handle is left", "[lifetime]") {
  {
    PluginRegistry registry;
    registry.load_folder(fixture_dir(), var_dir());
    CHECK(is_loaded(fixture("flaky.so")));
  }
  CHECK_FALSE(is_loaded(fixture("flaky.so")));
  CHECK_FALSE(is_loaded(fixture("good.so")));
}

TEST_CASE("refused plugins are unloaded at once", "[lifetime]") {
  PluginRegistry registry;
  registry.load_folder(fixture_dir(), var_dir());
  for (const char* refused : {"abi_1_1.so", "abi_major_3.so", "abi_newer_minor.so", "bad_extension.so", "ctor_throws.so",
                              "good_twin.so", "no_entry.so", "null_entry.so", "bad_facts.so", "bad_id.so",
                              "no_assess.so"}) {
    INFO(refused);
    CHECK_FALSE(is_loaded(fixture(refused)));
  }
}

TEST_CASE("one provider answers many threads at once", "[lifetime][threads]") {
  PluginRegistry registry;
  registry.load_folder(fixture_dir(), var_dir());
  const auto good = registry.find("good");
  REQUIRE(good);
  std::atomic<int> answered{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t)
    workers.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        QuoteRequest r = request(Business::Renew, Channel::Online);
        r.circumstances.open_bid = (i % 2) == 0;
        const ProviderAssessment a = good->assess(r, 1);
        if (a.steps.size() == 1 && a.refusals.size() == (r.circumstances.open_bid ? 1u : 0u)) ++answered;
      }
    });
  for (auto& w : workers) w.join();
  CHECK(answered == 2000);
}
