// The rule book: a folder of scripts by region id, bad scripts refused with their findings, and
// one region's rules swapped atomically on reload while earlier holders keep theirs.
#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "rule_test_support.hpp"
#include "rules/rule_book.hpp"

using namespace cahub;
using namespace cahub::rules;
using namespace cahub::rules::test;
using Catch::Matchers::Contains;

namespace {

const std::filesystem::path kBook = std::filesystem::path(CAHUB_RULES_FIXTURES) / "book";

// A scratch copy of the fixture folder that a test may change.
struct ScratchBook {
  std::filesystem::path dir;
  ScratchBook() : dir(std::filesystem::temp_directory_path() / ("cahub-rule-book-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    for (const auto& f : std::filesystem::directory_iterator(kBook)) std::filesystem::copy(f.path(), dir);
  }
  ~ScratchBook() { std::filesystem::remove_all(dir); }
  void write(const std::string& name, const std::string& text) const { std::ofstream(dir / name, std::ios::trunc) << text; }
};

Fen new_onsite_fee(const RegionRules& rules) {
  Quote q;
  rules.compute_fee(RuleInput{request(Business::New), 1, 0}, q);
  REQUIRE(q.fee.total_fen);
  return *q.fee.total_fen;
}

}  // namespace

TEST_CASE("a folder loads by region id and bad scripts are refused with their findings") {
  RuleBook book;
  CHECK(book.load_folder(kBook) == 2);
  CHECK(book.ids() == std::vector<std::string>{"central", "qinghai"});
  const auto central = book.find("central");
  REQUIRE(central);
  CHECK(central->name() == "中直机关采购管理系统");
  CHECK(new_onsite_fee(*central) == 26000);
  CHECK(book.find("qinghai")->accepts("hbca"));
  CHECK_FALSE(book.find("broken"));
  CHECK_FALSE(book.find("nowhere"));

  const auto refused = book.refused();
  REQUIRE(refused.size() == 1);
  CHECK(refused[0].file.filename() == "broken.lua");
  REQUIRE(refused[0].findings.size() == 1);
  CHECK(refused[0].findings[0].text() ==
        "broken.lua:12: fee: fen must be a whole number of fen (26000 means 260.00 CNY), not 260.5");
}

TEST_CASE("describe() lists regions and refused scripts for GET /v1/rules") {
  RuleBook book;
  book.load_folder(kBook);
  const nlohmann::json d = nlohmann::json::parse(book.describe().dump());
  REQUIRE(d["regions"].size() == 2);
  CHECK(d["regions"][0]["id"] == "central");
  CHECK(d["regions"][0]["file"] == "central.lua");
  CHECK(d["regions"][0]["channels"] == nlohmann::json::array({"onsite", "mail", "online"}));
  CHECK(d["regions"][0]["businesses"] == nlohmann::json::array({"new", "renew", "reissue_lost"}));
  CHECK(d["regions"][1]["years"] == nlohmann::json::array({1, 2}));
  CHECK(d["regions"][1]["applicants"] == nlohmann::json::array({"org", "person"}));
  // What each accepted CA does there, from offer{}, as the console's order form reads it.
  const nlohmann::json bjca = d["regions"][0]["offers"]["bjca"];
  CHECK(bjca["channels"]["mail"] == nlohmann::json::array({"new", "renew", "reissue_lost"}));
  CHECK(bjca["channels"].size() == 3);
  CHECK(bjca["applicants"] == nlohmann::json::array({"org"}));
  CHECK(d["regions"][1]["offers"].size() == 2);  // qinghai: bjca and hbca
  REQUIRE(d["refused"].size() == 1);
  CHECK(d["refused"][0]["file"] == "broken.lua");
  CHECK(d["refused"][0]["findings"][0] ==
        "broken.lua:12: fee: fen must be a whole number of fen (26000 means 260.00 CNY), not 260.5");
}

TEST_CASE("reloading a script swaps its region's rules while holders keep the old ones") {
  ScratchBook scratch;
  RuleBook book;
  book.load_folder(scratch.dir);
  const auto before = book.find("central");
  REQUIRE(before);

  std::ifstream original(scratch.dir / "central.lua");
  std::string text((std::istreambuf_iterator<char>(original)), std::istreambuf_iterator<char>());
  text.replace(text.find("fen = 26000"), 11, "fen = 28000");
  scratch.write("central.lua", text);
  CHECK(book.reload_file(scratch.dir / "central.lua").empty());

  const auto after = book.find("central");
  REQUIRE(after);
  CHECK(after != before);
  CHECK(new_onsite_fee(*after) == 28000);
  CHECK(new_onsite_fee(*before) == 26000);  // a quote in progress finishes with what it started with

  // A broken edit is refused and the rules in force stay.
  scratch.write("central.lua", "region {\n");
  const auto findings = book.reload_file(scratch.dir / "central.lua");
  REQUIRE_FALSE(findings.empty());
  CHECK(book.find("central") == after);
  REQUIRE(book.refused().size() == 2);

  // Fixing broken.lua brings its region in and clears its refusal.
  scratch.write("broken.lua", R"(region { id = "broken", name = "修好了", accepts = "bjca", applicants = "org", channels = "onsite", businesses = "new", years = 1 } offer { business = "new" })");
  CHECK(book.reload_file(scratch.dir / "broken.lua").empty());
  CHECK(book.find("broken"));
  REQUIRE(book.refused().size() == 1);
  CHECK(book.refused()[0].file.filename() == "central.lua");
}

TEST_CASE("loading a folder replaces everything loaded before") {
  ScratchBook scratch;
  RuleBook book;
  book.load_folder(scratch.dir);
  std::filesystem::remove(scratch.dir / "qinghai.lua");
  std::filesystem::remove(scratch.dir / "broken.lua");
  CHECK(book.load_folder(scratch.dir) == 1);
  CHECK(book.ids() == std::vector<std::string>{"central"});
  CHECK(book.refused().empty());
}

TEST_CASE("a folder that cannot be read is an error, not an empty book") {
  RuleBook book;
  CHECK_THROWS_WITH(book.load_folder(kBook / "missing"), Contains("cannot read the rules folder"));
}

TEST_CASE("a refused edit of a live script is reported next to the version that goes on serving") {
  ScratchBook scratch;
  RuleBook book;
  book.load_folder(scratch.dir);
  const auto generation = book.snapshot()->generation;
  scratch.write("central.lua", "region {\n");
  REQUIRE_FALSE(book.reload_file(scratch.dir / "central.lua").empty());
  CHECK(book.snapshot()->generation != generation);  // a refusal is news too: GET /v1/rules shows it

  const nlohmann::json d = nlohmann::json::parse(book.describe().dump());
  REQUIRE(d["regions"][0]["id"] == "central");
  CHECK(d["regions"][0]["sha256"].get<std::string>().size() == 64);
  CHECK_THAT(d["regions"][0]["loaded_at"].get<std::string>(), Catch::Matchers::EndsWith("Z"));
  REQUIRE(d["regions"][0].contains("refused_reload"));
  CHECK_THAT(d["regions"][0]["refused_reload"]["findings"][0].get<std::string>(), Contains("central.lua:"));
  CHECK(d["regions"][1].contains("refused_reload") == false);
  bool reported = false;
  for (const auto& r : d["refused"])
    if (r["file"] == "central.lua") reported = r["still_serving"] == "central";
  CHECK(reported);
  CHECK(new_onsite_fee(*book.find("central")) == 26000);
}

TEST_CASE("a deleted script stops its region and forgets its refusal") {
  ScratchBook scratch;
  RuleBook book;
  book.load_folder(scratch.dir);
  CHECK(book.remove_file(scratch.dir / "qinghai.lua") == "qinghai");
  CHECK_FALSE(book.find("qinghai"));
  CHECK(book.remove_file(scratch.dir / "broken.lua").empty());
  CHECK(book.refused().empty());
  CHECK(book.ids() == std::vector<std::string>{"central"});
}

TEST_CASE("readers on other threads see each reload whole and never fail while it happens") {
  ScratchBook scratch;
  RuleBook book;
  book.load_folder(scratch.dir);
  std::ifstream original(scratch.dir / "central.lua");
  const std::string text((std::istreambuf_iterator<char>(original)), std::istreambuf_iterator<char>());
  std::string dearer = text;
  dearer.replace(dearer.find("fen = 26000"), 11, "fen = 28000");

  // Catch's assertions are not thread-safe: the readers only count, the test checks afterwards.
  const QuoteRequest asked = request(Business::New);
  std::atomic<bool> done{false};
  std::atomic<int> missing{0}, odd{0}, seen_new{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 2; ++t)
    readers.emplace_back([&] {
      while (!done) {
        const auto rules = book.find("central");
        if (!rules) {
          ++missing;
          continue;
        }
        Quote q;
        rules->compute_fee(RuleInput{asked, 1, 0}, q);
        const Fen fee = q.fee.total_fen.value_or(-1);
        if (fee == 28000) ++seen_new;
        else if (fee != 26000) ++odd;
      }
    });
  for (int i = 0; i < 20; ++i) {
    scratch.write("central.lua", i % 2 ? text : dearer);
    REQUIRE(book.reload_file(scratch.dir / "central.lua").empty());
    scratch.write("central.lua", "region {\n");  // refused: the last good version stays
    REQUIRE_FALSE(book.reload_file(scratch.dir / "central.lua").empty());
  }
  done = true;
  for (auto& r : readers) r.join();
  CHECK(missing == 0);
  CHECK(odd == 0);
  CHECK(seen_new > 0);
  CHECK(new_onsite_fee(*book.find("central")) == 26000);  // the 20th good write was the original
}
