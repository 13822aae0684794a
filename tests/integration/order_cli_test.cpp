// `cahub order ...` on the real binary: the lifecycle the API test walks, from the command line,
// and each refusal with its stable code and exit code, with nothing written.
#include <catch2/catch.hpp>

#include "integration/cli_desk.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const std::vector<std::string> kCentralNew = {"--region", "central", "--ca", "bjca", "--business", "new",
                                              "--channel", "onsite", "--unit-name", "福州测试有限公司",
                                              "--uscc", "91350100M000100Y43"};

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string version_of(const json& order) { return std::to_string(order.at("version").get<int>()); }

// The one stderr line of a refusal: "cahub: CODE: ...".
void check_refusal(const RunResult& r, int exit_code, const std::string& code) {
  INFO(r.err);
  CHECK(r.exit_code == exit_code);
  CHECK_THAT(r.err, StartsWith("cahub: " + code + ": "));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(r.out.empty());
}

}  // namespace

TEST_CASE("a central order from acceptance to completion on the command line, audited") {
  CliDesk desk;
  json order = desk.json_as("wang.fang", std::vector<std::string>{"order", "create", "--idempotency-key", "cli-1"} + kCentralNew);
  const std::string id = order.at("id");
  CHECK(order.at("state") == "submitted");
  CHECK(order.at("total_fen") == 26000);
  CHECK(order.at("accepted_by") == "wang.fang");

  // A retry with the same key returns the first order; the text says nothing new was made.
  const RunResult retry = desk.as("wang.fang", std::vector<std::string>{"order", "create", "--idempotency-key", "cli-1"} + kCentralNew);
  CHECK(retry.exit_code == 0);
  CHECK_THAT(retry.out, StartsWith("already created with this idempotency key"));
  CHECK_THAT(retry.out, Contains(id));
  // The same key with another request is a conflict; so is a second open order for the unit.
  check_refusal(desk.as("wang.fang", std::vector<std::string>{"order", "create", "--idempotency-key", "cli-1",
                                                              "--region", "central", "--ca", "bjca", "--business", "new",
                                                              "--channel", "online", "--unit-name", "福州测试有限公司",
                                                              "--uscc", "91350100M000100Y43"}),
                5, "idempotency_conflict");
  // Central's one open order per ID number covers BJCA's online platform (central.lua limit{}).
  const std::vector<std::string> online = {"--region", "central", "--ca", "bjca", "--business", "new", "--channel", "online",
                                           "--unit-name", "福州测试有限公司", "--uscc", "91350100M000100Y43"};
  CHECK(desk.as("wang.fang", std::vector<std::string>{"order", "create", "--idempotency-key", "cli-2"} + online).exit_code == 0);
  check_refusal(desk.as("wang.fang", std::vector<std::string>{"order", "create", "--idempotency-key", "cli-3"} + online),
                5, "one_open_order");

  order = desk.json_as("zhao.li", {"order", "act", id, "start_review", "--version", version_of(order)});
  check_refusal(desk.as("zhao.li", {"order", "act", id, "reject", "--version", version_of(order)}), 6, "reason_required");
  order = desk.json_as("zhao.li", {"order", "act", id, "reject", "--version", version_of(order), "--note", "营业执照复印件未加盖公章"});
  CHECK(order.at("state") == "rejected");
  order = desk.json_as("wang.fang", {"order", "act", id, "resubmit", "--version", version_of(order)});
  order = desk.json_as("zhao.li", {"order", "act", id, "start_review", "--version", version_of(order)});
  check_refusal(desk.as("zhao.li", {"order", "act", id, "approve", "--version", version_of(order)}), 6, "materials_missing");

  // One material with its scan, then the rest; ticking does not change the version.
  order = desk.json_as("wang.fang", {"order", "material", id, "uscc_copy", "--file-name", "uscc.pdf", "--file-bytes", "120000"});
  CHECK(order.at("materials_complete") == false);
  order = desk.json_as("wang.fang", {"order", "material", id, "--all"});
  CHECK(order.at("materials_complete") == true);
  for (const auto& m : order.at("materials")) {
    CHECK(m.at("received_by") == "wang.fang");
    if (m.at("code") == "uscc_copy") CHECK(m.at("file_bytes") == 120000);
  }

  check_refusal(desk.as("wang.fang", {"order", "act", id, "approve", "--version", version_of(order)}), 6, "forbidden");
  const std::string stale = std::to_string(order.at("version").get<int>() - 1);
  check_refusal(desk.as("zhao.li", {"order", "act", id, "approve", "--version", stale}), 5, "version_conflict");
  order = desk.json_as("zhao.li", {"order", "act", id, "approve", "--version", version_of(order)});
  CHECK(order.at("state") == "awaiting_payment");

  check_refusal(desk.as("wang.fang", {"order", "pay", id, "--version", version_of(order), "--method", "wechat",
                                      "--amount-fen", "100"}),
                5, "amount_mismatch");
  check_refusal(desk.as("wang.fang", {"order", "pay", id, "--version", version_of(order), "--method", "bank_transfer",
                                      "--amount-fen", "26000"}),
                2, "voucher_required");  // a transfer needs its voucher
  // --brief: one line a shell script reads the version from.
  const RunResult paid = desk.as("wang.fang", {"order", "pay", id, "--version", version_of(order), "--method",
                                               "bank_transfer", "--voucher", "HX20261123001", "--amount-fen", "26000",
                                               "--brief"});
  INFO(paid.err);
  REQUIRE(paid.exit_code == 0);
  CHECK(paid.out == id + " " + std::to_string(order.at("version").get<int>() + 1) + " paid 26000\n");

  order = desk.json_as("wang.fang", {"order", "show", id});
  // cahub keeps no holder's key: the command says where the one the CA makes goes, or brings the
  // medium's request; neither is refused before the provider is asked.
  check_refusal(desk.as("wang.fang", {"order", "issue", id, "--version", version_of(order)}), 2, "holder_key_required");
  const std::string key_file = desk.var.file("holder.key");
  order = desk.json_as("wang.fang", {"order", "issue", id, "--version", version_of(order), "--key-out", key_file});
  CHECK(order.at("state") == "issued");
  const std::string serial = order.at("certificate").at("serial");
  // The holder's key is in that file only, private from the start, and it is the certificate's.
  CHECK((std::filesystem::status(key_file).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  CHECK_THAT(read_bytes(key_file), StartsWith("-----BEGIN PRIVATE KEY-----"));
  CHECK_FALSE(std::filesystem::exists(desk.var / "ca" / "bjca" / "keys"));

  // The PEM on stdout verifies with openssl against BJCA's CA.
  const RunResult pem = desk.cahub({"order", "certificate", id});
  REQUIRE(pem.exit_code == 0);
  CHECK_THAT(pem.out, StartsWith("-----BEGIN CERTIFICATE-----"));
  const auto cert = desk.var.write("cert.pem", pem.out);
  CHECK(run("openssl", {"verify", "-CAfile", desk.var.file("ca/bjca/ca.cert.pem"), cert.string()}).exit_code == 0);
  CHECK_THAT(run("openssl", {"x509", "-in", cert.string(), "-noout", "-serial"}).out, Contains(serial));
  CHECK(run("openssl", {"pkey", "-in", key_file, "-pubout"}).out ==
        run("openssl", {"x509", "-in", cert.string(), "-noout", "-pubkey"}).out);

  order = desk.json_as("wang.fang", {"order", "act", id, "ready_for_pickup", "--version", version_of(order)});
  order = desk.json_as("zhao.li", {"order", "act", id, "complete", "--version", version_of(order)});
  CHECK(order.at("state") == "completed");

  // The text forms: the order, the queue with its counts, the registry.
  const RunResult shown = desk.cahub({"order", "show", id});
  CHECK_THAT(shown.out, StartsWith(id + "  completed  (version "));
  CHECK_THAT(shown.out, Contains("福州测试有限公司 (91350100M000100Y43)"));
  CHECK_THAT(shown.out, Contains("[x] uscc_copy"));
  CHECK_THAT(shown.out, Contains("certificate  " + serial));
  const RunResult queue = desk.cahub({"order", "list", "--region", "central"});
  CHECK_THAT(queue.out, Contains(id));
  CHECK_THAT(queue.out, Contains("2 orders: completed 1 submitted 1"));  // and the online one above
  const json listed = desk.json_as("zhao.li", {"order", "list", "--state", "completed"});
  CHECK(listed.at("orders").size() == 1);
  CHECK(listed.at("counts").at("completed") == 1);
  CHECK_THAT(desk.cahub({"certs", "list", "--holder", "91350100M000100Y43"}).out, Contains(serial));

  const RunResult audit = desk.cahub({"audit", "verify"});
  CHECK(audit.exit_code == 0);
  CHECK_THAT(audit.out, Contains("audit chain intact"));
}

TEST_CASE("order commands refuse with the API's codes, distinct exit codes, and write nothing") {
  CliDesk desk;
  check_refusal(desk.cahub({"order", "show", "ORD-2026-999999"}), 4, "not_found");
  check_refusal(desk.as("zhao.li", {"order", "act", "ORD-2026-999999", "approve", "--version", "1"}), 4, "not_found");
  check_refusal(desk.as("zhao.li", {"order", "act", "ORD-2026-000001", "bless", "--version", "1"}), 2, "unknown_action");
  check_refusal(desk.cahub({"order", "list", "--state", "lost"}), 2, "unknown_state");

  // A mistyped USCC (last character), an unknown CA, a CA the region does not accept.
  const std::vector<std::string> mistyped = {"--region", "central", "--ca", "bjca", "--business", "new",
                                             "--unit-name", "福州测试有限公司", "--uscc", "91350100M000100Y44"};
  check_refusal(desk.as("wang.fang", std::vector<std::string>{"order", "create", "--idempotency-key", "k1"} + mistyped), 2,
                "bad_uscc_check_character");
  check_refusal(desk.as("wang.fang", {"order", "create", "--idempotency-key", "k2", "--region", "central", "--ca",
                                      "acmeca", "--business", "new", "--unit-name", "福州测试有限公司", "--uscc",
                                      "91350100M000100Y43"}),
                2, "unknown_ca");
  const RunResult not_offered = desk.as("wang.fang", {"order", "create", "--idempotency-key", "k3", "--region", "central",
                                                      "--ca", "netca", "--business", "new", "--unit-name",
                                                      "福州测试有限公司", "--uscc", "91350100M000100Y43"});
  check_refusal(not_offered, 6, "not_eligible");
  check_refusal(desk.as("wang.fang", {"order", "create", "--idempotency-key", "k4", "--json-file", desk.var.file("none.json"),
                                      "--region", "central"}),
                2, "file_and_options");
  desk.var.write("broken.json", "{\"region\": ");
  check_refusal(desk.as("wang.fang", {"order", "create", "--idempotency-key", "k5", "--json-file", desk.var.file("broken.json")}),
                2, "malformed_json");

  // Who acts: nobody, a wrong password, a token that is someone else's.
  check_refusal(desk.cahub(std::vector<std::string>{"order", "create", "--idempotency-key", "k6"} + kCentralNew), 7,
                "sign_in_required");
  check_refusal(desk.cahub(std::vector<std::string>{"order", "create", "--idempotency-key", "k7", "--as", "wang.fang"} +
                               kCentralNew,
                           "not the passphrase\n"),
                7, "bad_credentials");
  check_refusal(desk.as("wang.fang", std::vector<std::string>{"order", "create", "--idempotency-key", "k8", "--as", "zhao.li"} +
                                         kCentralNew),
                7, "token_mismatch");
  CHECK(desk.json_as("zhao.li", {"order", "list"}).at("orders").empty());

  // Four eyes: an admin who accepted an order may not also approve it.
  json order = desk.json_as("chen.jie", std::vector<std::string>{"order", "create", "--idempotency-key", "k9"} + kCentralNew);
  const std::string id = order.at("id");
  check_refusal(desk.as("chen.jie", {"order", "material", id, "uscc_copy", "no_such_material"}), 4, "not_found");
  const json shown = desk.json_as("chen.jie", {"order", "show", id});  // kept: a range-for over a temporary's member dangles
  for (const auto& m : shown.at("materials"))
    CHECK(m.at("received") == false);  // the known code before the unknown one was not ticked either
  order = desk.json_as("chen.jie", {"order", "material", id, "--all"});
  order = desk.json_as("chen.jie", {"order", "act", id, "start_review", "--version", version_of(order)});
  check_refusal(desk.as("chen.jie", {"order", "act", id, "approve", "--version", version_of(order)}), 6, "four_eyes");
  check_refusal(desk.cahub({"order", "certificate", id}), 4, "no_certificate");
  CHECK(desk.json_as("zhao.li", {"order", "act", id, "approve", "--version", version_of(order)}).at("state") ==
        "awaiting_payment");
}

TEST_CASE("an order from a JSON file, acting with a password from CAHUB_PASSWORD or stdin") {
  CliDesk desk;
  desk.var.write("order.json", R"({"region":"qinghai","ca":"hbca","business":"new","channel":"onsite","applicant":"person",
                                   "applicant_details":{"name":"李测试","id_number":"11010519491231002X"}})");
  const RunResult from_stdin = desk.cahub({"order", "create", "--idempotency-key", "file-1", "--json-file",
                                           desk.var.file("order.json"), "--as", "wang.fang", "--brief"},
                                          kPassphrase + "\n");
  INFO(from_stdin.err);
  REQUIRE(from_stdin.exit_code == 0);
  std::istringstream line(from_stdin.out);
  std::string id, version, state;
  line >> id >> version >> state;
  CHECK(state == "submitted");
  const RunResult from_environment = desk.cahub({"order", "act", id, "cancel", "--version", version, "--as", "zhao.li",
                                                 "--note", "申请人改为线上办理", "--json"},
                                                {}, {"CAHUB_PASSWORD=" + kPassphrase});
  INFO(from_environment.err);
  REQUIRE(from_environment.exit_code == 0);
  CHECK(json::parse(from_environment.out).at("state") == "cancelled");
}

TEST_CASE("on the command line: a file uploaded with its tick, terms for an unpriced order, a freeze carried out") {
  CliDesk desk;
  // A certificate SNCA issued before cahub (at its counter), near its expiry.
  const json subject = {{"kind", "org"}, {"unit_name", "济南测试有限公司"}, {"uscc", "91350100M000100Y43"}};
  const RunResult issued = desk.cahub({"plugins", "operate", "snca",
                                       json{{"op", "issue"}, {"order_id", "counter-1"}, {"business", "new"},
                                            {"subject", subject}, {"not_before", "2025-12-20"}, {"not_after", "2026-12-19"}}
                                           .dump()});
  INFO(issued.err);
  REQUIRE(issued.exit_code == 0);
  const std::string serial = json::parse(issued.out).at("serial");

  json order = desk.json_as("wang.fang", {"order", "create", "--idempotency-key", "jinan-freeze", "--region", "jinan",
                                          "--ca", "snca", "--business", "freeze", "--unit-name", "济南测试有限公司",
                                          "--uscc", "91350100M000100Y43", "--previous-serial", serial,
                                          "--cert-not-before", "2025-12-20", "--cert-not-after", "2026-12-19"});
  const std::string id = order.at("id");
  const std::string first_code = order.at("materials")[0].at("code");

  // The file itself: a PDF under a PDF name is stored; a PDF named .jpg is not.
  const auto scan = desk.var.write("scan.pdf", "%PDF-1.4\n" + std::string(2000, 'x') + "\n%%EOF\n");
  const auto renamed = desk.var.write("scan.jpg", "%PDF-1.4\n" + std::string(2000, 'x') + "\n%%EOF\n");
  check_refusal(desk.as("wang.fang", {"order", "upload", id, first_code, renamed.string()}), 6, "file_content_mismatch");
  check_refusal(desk.as("wang.fang", {"order", "upload", id, first_code, desk.var.file("missing.pdf")}), 2, "bad_file");
  order = desk.json_as("wang.fang", {"order", "upload", id, first_code, scan.string()});
  CHECK(order.at("materials")[0].at("file_bytes") == std::filesystem::file_size(scan));
  CHECK(order.at("materials")[0].at("file_sha256").get<std::string>().size() == 64);
  order = desk.json_as("wang.fang", {"order", "material", id, "--all"});

  order = desk.json_as("zhao.li", {"order", "act", id, "start_review", "--version", version_of(order)});
  order = desk.json_as("zhao.li", {"order", "act", id, "approve", "--version", version_of(order)});
  REQUIRE(order.at("priced") == false);  // Jinan publishes no fees (seed 000)
  check_refusal(desk.as("wang.fang", {"order", "terms", id, "--version", version_of(order), "--total-fen", "0",
                                      "--reason", "free"}),
                6, "forbidden");
  check_refusal(desk.as("zhao.li", {"order", "terms", id, "--version", version_of(order), "--reason", "free"}), 2,
                "nothing_to_set");
  order = desk.json_as("zhao.li", {"order", "terms", id, "--version", version_of(order), "--total-fen", "0", "--reason",
                                   "SNCA charges nothing for a freeze, by phone 2026-11-23"});
  CHECK(order.at("state") == "approved");  // nothing to pay

  check_refusal(desk.as("wang.fang", {"order", "act", id, "complete", "--version", version_of(order)}), 6,
                "carry_out_required");
  order = desk.json_as("wang.fang", {"order", "carry-out", id, "--version", version_of(order)});
  CHECK(order.at("state") == "completed");
  const RunResult status = desk.cahub({"plugins", "operate", "snca", json{{"op", "status"}, {"serial", serial}}.dump()});
  REQUIRE(status.exit_code == 0);
  CHECK(json::parse(status.out).at("status") == "frozen");
  CHECK(desk.cahub({"audit", "verify"}).exit_code == 0);
}
