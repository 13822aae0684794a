// Only regular files in the rules folder are region scripts: a symbolic link or a FIFO named
// *.lua is listed as ignored and never read, so its target's text reaches no one.
#include <sys/stat.h>

#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "rule_test_support.hpp"
#include "rules/rule_book.hpp"
#include "rules/rules_folder_watcher.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub;
using namespace cahub::rules;
using namespace cahub::rules::test;
using cahub::testing::ScratchFolder;
namespace fs = std::filesystem;

namespace {

const std::string kIgnoredLink =
    "ignored: a symbolic link; region scripts must be regular files in the rules folder (links are not followed)";

// A file outside the rules folder that a syntax error would quote if it were read as a script.
const std::string kSecret = "root:TOP-SECRET-HASH:19000:0:99999:7:::\n";

std::string central_priced(int fen) {
  return kRegionHeader + R"(fee { business = "new", channel = "onsite", code = "certificate_set", label = "证书费用（每套）", fen = )" +
         std::to_string(fen) + " }\n";
}

std::vector<std::string> finding_texts(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.text());
  return out;
}

}  // namespace

TEST_CASE("a symlinked script is ignored and its target's text is never served", "[rules][files]") {
  ScratchFolder scratch;
  scratch.write("rules/central.lua", central_priced(26000));
  const fs::path secret = scratch.write("outside/shadow", kSecret);
  fs::create_symlink(secret, scratch / "rules/shadow.lua");
  // A link to a script that would load fine is ignored all the same.
  const fs::path good_elsewhere = scratch.write("outside/central_copy.lua", central_priced(1));
  fs::remove(scratch / "rules/central.lua");
  fs::create_symlink(good_elsewhere, scratch / "rules/central.lua");

  RuleBook book;
  CHECK(book.load_folder(scratch / "rules") == 0);
  CHECK(book.ids().empty());
  const auto refused = book.refused();
  REQUIRE(refused.size() == 2);
  CHECK(finding_texts(refused[0].findings) == std::vector<std::string>{"central.lua: " + kIgnoredLink});
  CHECK(finding_texts(refused[1].findings) == std::vector<std::string>{"shadow.lua: " + kIgnoredLink});

  const std::string served = book.describe().dump();  // what GET /v1/rules answers
  CHECK(served.find("TOP-SECRET") == std::string::npos);
  CHECK(served.find("ignored: a symbolic link") != std::string::npos);
  // `cahub rules check` reads through the same loader.
  CHECK(finding_texts(check_file(scratch / "rules/shadow.lua")) == std::vector<std::string>{"shadow.lua: " + kIgnoredLink});
}

TEST_CASE("a FIFO or a folder named like a script is ignored without blocking", "[rules][files]") {
  ScratchFolder scratch;
  REQUIRE(::mkfifo((scratch / "pipe.lua").c_str(), 0600) == 0);
  fs::create_directories(scratch / "folder.lua");
  CHECK(finding_texts(check_file(scratch / "pipe.lua")) ==
        std::vector<std::string>{"pipe.lua: ignored: a FIFO; region scripts must be regular files in the rules folder "
                                 "(links are not followed)"});
  RuleBook book;
  CHECK(book.load_folder(scratch.path()) == 0);
  REQUIRE(book.refused().size() == 2);
  CHECK_THAT(finding_texts(book.refused()[0].findings).at(0), Catch::StartsWith("folder.lua: ignored: a folder;"));
}

TEST_CASE("a live script swapped for a link is a refused edit: the link is not followed", "[rules][files]") {
  ScratchFolder scratch;
  scratch.write("rules/central.lua", central_priced(26000));
  const fs::path elsewhere = scratch.write("outside/central.lua", central_priced(1));
  RuleBook book;
  REQUIRE(book.load_folder(scratch / "rules") == 1);
  RulesFolderWatcher watcher(book, scratch / "rules", std::chrono::hours(1));

  fs::remove(scratch / "rules/central.lua");
  fs::create_symlink(elsewhere, scratch / "rules/central.lua");
  fs::create_symlink(scratch / "outside/central.lua", scratch / "rules/added.lua");
  CHECK(watcher.look_once() == 2);

  const auto rules = book.find("central");
  REQUIRE(rules);
  Quote q;
  rules->compute_fee(RuleInput{request(Business::New), 1, 0}, q);
  CHECK(q.fee.total_fen == Fen{26000});  // the version in force stays; the link's target is not read
  CHECK(book.ids() == std::vector<std::string>{"central"});
  const auto refused = book.refused();
  REQUIRE(refused.size() == 2);
  CHECK(finding_texts(refused[0].findings) == std::vector<std::string>{"added.lua: " + kIgnoredLink});
  CHECK(finding_texts(refused[1].findings) == std::vector<std::string>{"central.lua: " + kIgnoredLink});
}

TEST_CASE("rules diff reads a version the operator names, even through a link", "[rules][files]") {
  ScratchFolder scratch;
  const fs::path real = scratch.write("central.old.lua", central_priced(26000));
  fs::create_symlink(real, scratch / "linked.lua");
  const LoadResult loaded = RegionRules::load_version(scratch / "linked.lua");
  INFO(finding_texts(loaded.findings).size());
  CHECK(loaded.rules != nullptr);
}
