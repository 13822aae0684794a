// Issue 15, "files and secrets": under umask 000 everything a service point makes — the database
// and its -wal and -shm, the CA plugins' state (keys, ledger and its companions, CRL), the metrics
// token, a backup and a restored copy — is 0600, and every folder 0700.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <string>

#include <httplib.h>

#include "integration/service_point.hpp"

using namespace cahub::testing;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// Every folder under `root` is 0700 and every file 0600 (the names of those seen, for the report).
std::size_t require_private_tree(const fs::path& root) {
  CHECK(mode_of(root) == 0700);
  std::size_t files = 0;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
    INFO(entry.path().string());
    if (entry.is_directory()) {
      CHECK(mode_of(entry.path()) == 0700);
    } else {
      CHECK(mode_of(entry.path()) == 0600);
      ++files;
    }
  }
  return files;
}

}  // namespace

TEST_CASE("under umask 000 the database, its companions, CA state, metrics token and backups are 0600 in 0700 folders") {
  ScratchServicePoint point({.umask_000 = true, .extra_config = "[metrics]\nenabled = true\n"});
  point.init();
  point.add_staff("wang.fang", "clerk");
  // A CA's state as the plugin makes it on first use: key, root, CRL, ledger and its companions.
  const RunResult ca = point.cahub({"plugins", "operate", "bjca", R"({"op":"ca"})"});
  INFO(ca.err);
  REQUIRE(ca.exit_code == 0);
  {
    const auto server = point.serve();
    httplib::Client client("127.0.0.1", server->port());
    (void)sign_in_as(client, "wang.fang");  // a write: the server's -wal has content
    REQUIRE(fs::exists(point.database().string() + "-wal"));
    REQUIRE(fs::exists(point.database().string() + "-shm"));
    CHECK(mode_of(point.database().string() + "-wal") == 0600);
    CHECK(mode_of(point.database().string() + "-shm") == 0600);
  }
  CHECK(mode_of(point.database()) == 0600);
  CHECK(require_private_tree(point.database().parent_path()) >= 2);  // the database and its lock at least
  REQUIRE(fs::exists(point.var() / "metrics.token"));
  REQUIRE(fs::exists(point.var() / "ca" / "bjca" / "ca.key.pem"));
  REQUIRE(fs::exists(point.var() / "ca" / "bjca" / "ledger.sqlite"));
  CHECK(require_private_tree(point.var()) >= 5);

  const RunResult backup = point.cahub({"backup", (point.folder() / "backups" / "monday").string()});
  INFO(backup.err);
  REQUIRE(backup.exit_code == 0);
  CHECK(require_private_tree(point.folder() / "backups") >= 3);

  ScratchServicePoint elsewhere({.umask_000 = true});
  const RunResult restored = elsewhere.cahub({"restore", (point.folder() / "backups" / "monday").string()});
  INFO(restored.err);
  REQUIRE(restored.exit_code == 0);
  CHECK(require_private_tree(elsewhere.database().parent_path()) >= 1);
  CHECK(require_private_tree(elsewhere.var()) >= 3);
}
