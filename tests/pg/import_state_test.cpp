// `cahub plugins import-state` on the real binary (issue 17): a service point that kept its CAs in
// <var>/ca on SQLite moves to a shared PostgreSQL store, and its CA goes with it, once: the same
// root, every certificate and status, the CRL numbering, the key sealed on the way in.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/scratch_folder.hpp"
#include "support/scratch_pg_database.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;

namespace {

constexpr const char* kKek = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

json issue_request(const std::string& order_id, const std::string& uscc) {
  return {{"op", "issue"},
          {"order_id", order_id},
          {"business", "new"},
          {"subject", {{"kind", "org"}, {"unit_name", "迁移测试单位"}, {"uscc", uscc}}},
          {"not_before", "2026-12-01"},
          {"not_after", "2027-11-30"}};
}

// One service point's folder, configured for SQLite (its CAs in var/ca) or for the shared store.
struct ServicePoint {
  ScratchFolder folder;
  ScratchPgDatabase database;
  std::string sqlite_config, shared_config;

  ServicePoint() {
    const auto kek = folder.write("kek", std::string(kKek) + "\n");
    std::filesystem::permissions(kek, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace);
    const std::string paths = "[paths]\nvar = \"" + (folder / "var").string() + "\"\ndatabase = \"" +
                              (folder / "cahub.db").string() + "\"\n";
    sqlite_config = folder.write("sqlite.toml", paths).string();
    shared_config = folder.write("shared.toml", paths + "[store]\nurl = \"" + database.url() + "\"\n[keys]\nkek_file = \"" +
                                                    kek.string() + "\"\n")
                        .string();
  }

  RunResult cahub(const std::string& config, std::vector<std::string> args) {
    args.insert(args.end(), {"--config", config, "--plugins", CAHUB_PLUGINS_DIR, "--rules", CAHUB_RULES_DIR});
    return run(CAHUB_BINARY, args);
  }
  json operate(const std::string& config, const json& request) {
    const RunResult r = cahub(config, {"plugins", "operate", "bjca", request.dump()});
    INFO(request.dump() << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
};

}  // namespace

TEST_CASE("plugins import-state moves a CA kept in var/ca into the shared store once, and it goes on there") {
  ServicePoint point;
  // On SQLite, as before: the CA and its ledger in var/ca/bjca, the key unsealed (no KEK there).
  const std::string kept = point.operate(point.sqlite_config, issue_request("ORD-1", "91110000100000001X")).at("serial");
  const std::string revoked = point.operate(point.sqlite_config, issue_request("ORD-2", "91110000100000002X")).at("serial");
  point.operate(point.sqlite_config, {{"op", "revoke"}, {"serial", revoked}, {"reason", "key_compromise"}});
  const json before = point.operate(point.sqlite_config, {{"op", "ca"}});

  const RunResult refused = point.cahub(point.sqlite_config, {"plugins", "import-state"});
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Contains("only on a shared PostgreSQL store"));

  REQUIRE(point.cahub(point.shared_config, {"db", "init"}).exit_code == 0);
  const RunResult imported = point.cahub(point.shared_config, {"plugins", "import-state"});
  INFO(imported.out << imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK_THAT(imported.out, Contains("bjca: imported 2 certificates"));
  CHECK_THAT(imported.out, Contains("netca: nothing to import"));  // SQLite made its folder, empty

  // On the shared store: the same CA, the same certificates, the revocation still on its CRL.
  const json after = point.operate(point.shared_config, {{"op", "ca"}});
  CHECK(after.at("root_pem") == before.at("root_pem"));
  CHECK(after.at("root_file").is_null());
  CHECK(point.operate(point.shared_config, {{"op", "status"}, {"serial", kept}}).at("status") == "active");
  CHECK(point.operate(point.shared_config, {{"op", "status"}, {"serial", revoked}}).at("status") == "revoked");
  const auto crl_file = point.folder.write("crl.pem", after.at("crl_pem").get<std::string>());
  const RunResult crl = run("openssl", {"crl", "-in", crl_file.string(), "-noout", "-text"});
  CHECK_THAT(crl.out, Contains(revoked));
  CHECK_THAT(crl.out, !Contains(kept));
  // The retry of an order issued before the move is answered from the imported ledger.
  const json replay = point.operate(point.shared_config, issue_request("ORD-1", "91110000100000001X"));
  CHECK(replay.at("serial") == kept);
  CHECK(replay.at("replayed") == true);

  const RunResult again = point.cahub(point.shared_config, {"plugins", "import-state", "bjca"});
  CHECK(again.exit_code == 2);
  CHECK_THAT(again.out, Contains("has this CA already"));
}
