// Hot reload: the watcher notices a changed, added or removed script and hands it to the rule
// book; a half-written file is refused and then taken once it is complete.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include <catch2/catch.hpp>

#include "rule_test_support.hpp"
#include "rules/rule_book.hpp"
#include "rules/rules_folder_watcher.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub;
using namespace cahub::rules;
using namespace cahub::rules::test;
using cahub::testing::ScratchFolder;

namespace {

const std::string kCentral = kRegionHeader +
    R"(fee { business = "new", channel = "onsite", code = "certificate_set", label = "证书费用（每套）", fen = 26000 })" "\n";

std::string priced_at(Fen fen) {
  std::string text = kCentral;
  text.replace(text.find("26000"), 5, std::to_string(fen));
  return text;
}

Fen new_fee(const RuleBook& book) {
  const auto rules = book.find("central");
  REQUIRE(rules);
  Quote q;
  rules->compute_fee(RuleInput{request(Business::New), 1, 0}, q);
  REQUIRE(q.fee.total_fen);
  return *q.fee.total_fen;
}

// A watcher that never wakes by itself in a test: the test calls look_once().
constexpr std::chrono::milliseconds kManual{std::chrono::hours(1)};

// A rules folder holding central.lua, loaded into a book, watched every `interval`.
struct WatchedFolder {
  ScratchFolder folder;
  RuleBook book;
  std::unique_ptr<RulesFolderWatcher> watcher;
  explicit WatchedFolder(std::chrono::milliseconds interval = kManual) {
    folder.write("central.lua", kCentral);
    book.load_folder(folder.path());
    watcher = std::make_unique<RulesFolderWatcher>(book, folder.path(), interval);
  }
  // Saved through a temporary file and a rename, as careful editors do.
  void replace(const std::string& name, const std::string& text) const {
    folder.write(name + ".tmp", text);
    std::filesystem::rename(folder / (name + ".tmp"), folder / name);
  }
};

}  // namespace

TEST_CASE("the watcher reloads a changed script, adds a new one and drops a deleted one") {
  WatchedFolder w;
  auto& [folder, book, watcher_ptr] = w;
  RulesFolderWatcher& watcher = *watcher_ptr;
  CHECK(watcher.look_once() == 0);  // nothing changed since the load

  w.replace("central.lua", priced_at(27000));
  CHECK(watcher.look_once() == 1);
  CHECK(new_fee(book) == 27000);
  CHECK(watcher.look_once() == 0);

  std::string qinghai = kCentral;
  qinghai.replace(qinghai.find("id = \"central\""), 14, "id = \"qinghai\"");
  folder.write("qinghai.lua", qinghai);
  folder.write("qinghai.spec.lua", "not a region script, never loaded");
  CHECK(watcher.look_once() == 1);
  CHECK(book.ids() == std::vector<std::string>{"central", "qinghai"});

  std::filesystem::remove(folder / "qinghai.lua");
  CHECK(watcher.look_once() == 1);
  CHECK(book.ids() == std::vector<std::string>{"central"});
}

TEST_CASE("a script written in place is refused while half written and taken once complete") {
  WatchedFolder w;
  auto& [folder, book, watcher_ptr] = w;
  RulesFolderWatcher& watcher = *watcher_ptr;

  const std::string complete = priced_at(29000);
  std::ofstream in_place(folder / "central.lua", std::ios::binary | std::ios::trunc);
  in_place << complete.substr(0, complete.size() / 2) << std::flush;
  CHECK(watcher.look_once() == 1);
  REQUIRE(book.refused().size() == 1);
  CHECK(new_fee(book) == 26000);  // the version in force stays

  // Modification times can be as coarse as a few milliseconds: let the clock move on.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  in_place << complete.substr(complete.size() / 2) << std::flush;
  in_place.close();
  CHECK(watcher.look_once() == 1);
  CHECK(book.refused().empty());
  CHECK(new_fee(book) == 29000);
}

TEST_CASE("the watcher's own thread picks a change up within its interval") {
  WatchedFolder w(std::chrono::milliseconds(20));
  const RuleBook& book = w.book;
  w.replace("central.lua", priced_at(31000));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (book.find("central")->content_sha256() == RegionRules::load_text("central.lua", kCentral).rules->content_sha256() &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  CHECK(new_fee(book) == 31000);
}
