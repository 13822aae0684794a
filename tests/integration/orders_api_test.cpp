// The order API of the real `cahub serve` on loopback, with staff made by `cahub staff add`:
// sign-in, idempotent creation, rejection and resubmission, materials, four-eyes, payment, the
// rest of the lifecycle, a version conflict, and an audit chain that verifies at the end.
#include <catch2/catch.hpp>

#include <httplib.h>
#include <SQLiteCpp/Database.h>

#include "integration/cahub_cli.hpp"
#include "integration/staffed_server.hpp"
#include "integration/test_identities.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;

namespace {

const json kCentralNew = {{"region", "central"},
                          {"ca", "bjca"},
                          {"business", "new"},
                          {"channel", "onsite"},
                          {"applicant_details", {{"name", "福州测试有限公司"}, {"uscc", "91350100M000100Y43"}}}};

}  // namespace

TEST_CASE("the API refuses a caller without a valid session") {
  StaffedServer desk;
  auto none = desk.client->Get("/v1/orders");
  REQUIRE(none);
  CHECK(none->status == 401);
  CHECK(json::parse(none->body)["error"]["code"] == "unauthenticated");
  CHECK(desk.call("GET", "/v1/orders", std::string(64, 'f')).first == 401);
  auto wrong = desk.client->Post("/v1/login", R"({"login":"wang.fang","password":"guess"})", "application/json");
  REQUIRE(wrong);
  CHECK(wrong->status == 401);
  CHECK(json::parse(wrong->body)["error"]["code"] == "bad_credentials");
}

TEST_CASE("a central order from acceptance to completion through the API, audited") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  const std::string reviewer = desk.sign_in("zhao.li");

  auto [created_status, order] = desk.call("POST", "/v1/orders", clerk, kCentralNew, "desk-1");
  INFO(order.dump());
  REQUIRE(created_status == 201);
  const std::string id = order.at("id");
  CHECK(order.at("state") == "submitted");
  CHECK(order.at("total_fen") == 26000);
  CHECK(order.at("accepted_by") == "wang.fang");

  // A retry returns the same order; the same key with another body is a conflict.
  auto [retry_status, retry] = desk.call("POST", "/v1/orders", clerk, kCentralNew, "desk-1");
  CHECK(retry_status == 200);
  CHECK(retry.at("id") == id);
  // The creation's answer is built from what was written, the retry's read back: the same order.
  CHECK(retry == order);
  json other = kCentralNew;
  other["channel"] = "online";
  CHECK(desk.call("POST", "/v1/orders", clerk, other, "desk-1").first == 409);
  // Central's one open order per ID number is a limit of BJCA's online platform and its mail
  // fallback (central.lua limit{}): the counter order does not count, a second online one is
  // blocked, naming the first and the script line.
  auto [online_status, online] = desk.call("POST", "/v1/orders", clerk, other, "desk-2");
  REQUIRE(online_status == 201);
  CHECK(online.at("quote").at("limits")[0].at("code") == "one_open_order");
  auto [blocked_status, blocked] = desk.call("POST", "/v1/orders", clerk, other, "desk-3");
  CHECK(blocked_status == 409);
  CHECK(blocked["error"]["code"] == "one_open_order");
  CHECK_THAT(blocked["error"]["message"].get<std::string>(), Contains(online.at("id").get<std::string>()));
  CHECK_THAT(blocked["error"]["message"].get<std::string>(), Contains("central.lua:"));

  std::tie(std::ignore, order) = desk.act(id, "start_review", reviewer, order);
  std::tie(std::ignore, order) = desk.act(id, "reject", reviewer, order, "营业执照复印件未加盖公章");
  CHECK(order.at("state") == "rejected");
  std::tie(std::ignore, order) = desk.act(id, "resubmit", clerk, order);
  std::tie(std::ignore, order) = desk.act(id, "start_review", reviewer, order);
  auto [missing_status, missing] = desk.act(id, "approve", reviewer, order);
  CHECK(missing_status == 422);
  CHECK(missing["error"]["code"] == "materials_missing");
  const json required = order.at("materials");  // a copy: `order` is replaced in the loop
  for (const auto& m : required)
    std::tie(std::ignore, order) =
        desk.call("POST", "/v1/orders/" + id + "/materials/" + m.at("code").get<std::string>(), clerk,
                  json{{"file_name", "scan.pdf"}, {"file_bytes", 120000}});
  CHECK(order.at("materials_complete") == true);

  auto [clerk_status, clerk_answer] = desk.act(id, "approve", clerk, order);
  CHECK(clerk_status == 403);
  CHECK(clerk_answer["error"]["code"] == "forbidden");

  // Two approvals with the same version: one wins, the other is told someone acted first.
  auto [first_status, approved] = desk.act(id, "approve", reviewer, order);
  auto [second_status, conflict] = desk.act(id, "approve", reviewer, order);
  CHECK(first_status == 200);
  CHECK(second_status == 409);
  CHECK(conflict["error"]["code"] == "version_conflict");
  order = approved;
  CHECK(order.at("state") == "awaiting_payment");

  auto [short_status, short_pay] = desk.call("POST", "/v1/orders/" + id + "/payments", clerk,
                                             json{{"version", order.at("version")}, {"method", "wechat"}, {"amount_fen", 100}});
  CHECK(short_status == 409);
  CHECK(short_pay["error"]["code"] == "amount_mismatch");
  auto [paid_status, paid] = desk.call("POST", "/v1/orders/" + id + "/payments", clerk,
                                       json{{"version", order.at("version")}, {"method", "wechat"}, {"amount_fen", 26000}});
  REQUIRE(paid_status == 201);
  order = paid;
  // Issuing goes through BJCA's plugin: the certificate verifies with openssl against its CA.
  auto [issued_status, issued] = desk.call("POST", "/v1/orders/" + id + "/issue", clerk, json{{"version", order.at("version")}});
  INFO(issued.dump());
  REQUIRE(issued_status == 200);
  // No request from a medium: BJCA's CA made the pair, and this answer is the one place its
  // private key is given; the order as read again has none.
  const std::string holder_key = issued.at("subscriber_key_pem");
  issued.erase("subscriber_key_pem");
  order = issued;
  CHECK(order.at("state") == "issued");
  CHECK_FALSE(desk.call("GET", "/v1/orders/" + id, clerk).second.contains("subscriber_key_pem"));
  CHECK_FALSE(std::filesystem::exists(desk.var / "ca" / "bjca" / "keys"));
  const std::string serial = order.at("certificate").at("serial");
  auto pem = desk.client->Get("/v1/orders/" + id + "/certificate.pem", {{"Authorization", "Bearer " + clerk}});
  REQUIRE(pem);
  CHECK(pem->status == 200);
  const auto cert = desk.var.write("downloaded.pem", pem->body);
  CHECK(run("openssl", {"pkey", "-pubout", "-in", desk.var.write("holder.key", holder_key).string()}).out ==
        run("openssl", {"x509", "-noout", "-pubkey", "-in", cert.string()}).out);
  const auto verified = run("openssl", {"verify", "-CAfile", desk.var.file("ca/bjca/ca.cert.pem"), "-crl_check",
                                        "-CRLfile", desk.var.file("ca/bjca/crl.pem"), cert.string()});
  CHECK(verified.exit_code == 0);
  CHECK_THAT(run("openssl", {"x509", "-in", cert.string(), "-noout", "-serial"}).out, Contains(serial));
  // A relying party fetches the same root and CRL over HTTP, without a token; nothing else is there.
  auto root = desk.client->Get("/v1/cas/bjca/root.pem");
  auto crl = desk.client->Get("/v1/cas/bjca/crl.pem");
  REQUIRE(root);
  REQUIRE(crl);
  CHECK(root->status == 200);
  CHECK(root->body == read_bytes(desk.var.file("ca/bjca/ca.cert.pem")));
  CHECK(crl->status == 200);
  CHECK(crl->body == read_bytes(desk.var.file("ca/bjca/crl.pem")));
  auto unknown_ca = desk.client->Get("/v1/cas/nosuchca/crl.pem");
  REQUIRE(unknown_ca);
  CHECK(unknown_ca->status == 404);
  CHECK(json::parse(unknown_ca->body)["error"]["code"] == "unknown_ca");
  auto other_file = desk.client->Get("/v1/cas/bjca/ca.key.pem");
  REQUIRE(other_file);
  CHECK(other_file->status == 404);
  CHECK(json::parse(other_file->body)["error"]["code"] == "not_found");
  // The registry knows it: it shows up among the certificates expiring within the year.
  const auto expiring = run(CAHUB_BINARY, {"certs", "expiring", "--within", "400d", "--db", desk.var.file("cahub.db")});
  CHECK_THAT(expiring.out, Contains("福州测试有限公司 (91350100M000100Y43)"));
  CHECK_THAT(expiring.out, Contains("bjca  " + serial));
  for (const char* step : {"ready_for_pickup", "complete"}) {
    INFO(step);
    auto [s, next] = desk.act(id, step, clerk, order);
    REQUIRE(s == 200);
    order = next;
  }
  CHECK(order.at("state") == "completed");

  auto [list_status, list] = desk.call("GET", "/v1/orders?state=completed&region=central", clerk);
  CHECK(list_status == 200);
  CHECK(list.at("orders").size() == 1);
  CHECK(list.at("counts").at("completed") == 1);

  auto [audit_status, audit] = desk.call("GET", "/v1/audit/verify", reviewer);
  CHECK(audit_status == 200);
  CHECK(audit.at("intact") == true);
  CHECK(audit.at("events").get<int>() >= 15);
}

TEST_CASE("four eyes through the API: an admin who accepted an order may not approve it") {
  StaffedServer desk;
  const std::string admin = desk.sign_in("chen.jie");
  auto [status, order] = desk.call("POST", "/v1/orders", admin, kCentralNew, "four-eyes");
  REQUIRE(status == 201);
  const std::string id = order.at("id");
  const json required = order.at("materials");  // a copy: `order` is replaced in the loop
  for (const auto& m : required)
    std::tie(std::ignore, order) =
        desk.call("POST", "/v1/orders/" + id + "/materials/" + m.at("code").get<std::string>(), admin, json::object());
  std::tie(std::ignore, order) = desk.act(id, "start_review", admin, order);
  auto [refused_status, refused] = desk.act(id, "approve", admin, order);
  CHECK(refused_status == 403);
  CHECK(refused["error"]["code"] == "four_eyes");
  CHECK(desk.act(id, "approve", desk.sign_in("zhao.li"), order).first == 200);
}

TEST_CASE("order requests with mistakes get one clear error and create nothing") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  CHECK(desk.call("POST", "/v1/orders", clerk, kCentralNew).second["error"]["code"] == "idempotency_key_required");
  json no_uscc = kCentralNew;
  no_uscc["applicant_details"].erase("uscc");
  auto [s1, e1] = desk.call("POST", "/v1/orders", clerk, no_uscc, "k1");
  CHECK(s1 == 400);
  CHECK(e1["error"]["code"] == "bad_uscc_empty");
  json bad_check = kCentralNew;
  bad_check["applicant_details"]["uscc"] = "91350100M000100Y44";  // last character mistyped
  auto [s1b, e1b] = desk.call("POST", "/v1/orders", clerk, bad_check, "k1b");
  CHECK(s1b == 400);
  CHECK(e1b["error"]["code"] == "bad_uscc_check_character");
  json unknown_ca = kCentralNew;
  unknown_ca["ca"] = "acmeca";
  CHECK(desk.call("POST", "/v1/orders", clerk, unknown_ca, "k2").first == 400);
  json not_offered = kCentralNew;
  not_offered["ca"] = "netca";  // central accepts BJCA only: an answer, not an order
  auto [s3, e3] = desk.call("POST", "/v1/orders", clerk, not_offered, "k3");
  CHECK(s3 == 422);
  CHECK(e3["error"]["code"] == "not_eligible");
  CHECK(desk.call("GET", "/v1/orders/ORD-2026-999999", clerk).first == 404);
  CHECK(desk.call("GET", "/v1/orders", clerk).second.at("orders").empty());
}

TEST_CASE("the agent's mobile and the postcode are checked at acceptance when given, and kept") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  auto refused = [&](const char* field, const std::string& value, const std::string& code) {
    json body = kCentralNew;
    body["applicant_details"][field] = value;
    auto [status, error] = desk.call("POST", "/v1/orders", clerk, body, std::string("contact-") + field + value);
    INFO(error.dump());
    CHECK(status == 400);
    CHECK(error["error"]["code"] == code);
    CHECK_THAT(error["error"]["message"].get<std::string>(), Contains(std::string("applicant_details.") + field));
  };
  refused("mobile", "1380013800", "bad_mobile_length");
  refused("mobile", "23800138000", "bad_mobile_prefix");
  refused("postcode", "35000A", "bad_postcode_character");
  refused("postcode", "3500011", "bad_postcode_length");
  json wrong_type = kCentralNew;
  wrong_type["applicant_details"]["mobile"] = 13800138000LL;
  CHECK(desk.call("POST", "/v1/orders", clerk, wrong_type, "contact-number").second["error"]["code"] == "bad_field");
  CHECK(desk.call("GET", "/v1/orders", clerk).second.at("orders").empty());

  json mailed = kCentralNew;
  mailed["channel"] = "mail";
  mailed["applicant_details"]["mobile"] = "13800138000";
  mailed["applicant_details"]["postcode"] = "350001";
  mailed["applicant_details"]["address"] = "福州市鼓楼区测试路1号";
  auto [status, order] = desk.call("POST", "/v1/orders", clerk, mailed, "contact-ok");
  INFO(order.dump());
  REQUIRE(status == 201);
  CHECK(order.at("request").at("applicant_details").at("mobile") == "13800138000");
  CHECK(order.at("request").at("applicant_details").at("postcode") == "350001");
  CHECK(order.at("request").at("applicant_details").at("address") == "福州市鼓楼区测试路1号");
  // Left empty, they are not asked for: not every order is mailed.
  json blank = kCentralNew;
  blank["applicant_details"] = {{"name", "空白测试有限公司"}, {"uscc", uscc_for(5)}, {"mobile", ""}, {"postcode", ""}};
  CHECK(desk.call("POST", "/v1/orders", clerk, blank, "contact-blank").first == 201);
}

TEST_CASE("an order names the certificate it concerns, and the registry checks it") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  json renew = kCentralNew;
  renew["business"] = "renew";
  renew["cert_not_before"] = "2025-12-01";
  renew["cert_not_after"] = "2026-12-01";
  auto [missing_status, missing] = desk.call("POST", "/v1/orders", clerk, renew, "r1");
  CHECK(missing_status == 400);
  CHECK(missing["error"]["code"] == "previous_serial_required");
  json dated = kCentralNew;
  dated["today"] = "2020-01-01";  // an order is accepted today, whatever the body says
  auto [dated_status, dated_error] = desk.call("POST", "/v1/orders", clerk, dated, "r2");
  CHECK(dated_status == 400);
  CHECK(dated_error["error"]["code"] == "bad_field");
  json new_with_serial = kCentralNew;
  new_with_serial["previous_serial"] = "3F0A";
  CHECK(desk.call("POST", "/v1/orders", clerk, new_with_serial, "r3").second["error"]["code"] == "bad_field");
  CHECK(desk.call("GET", "/v1/orders", clerk).second.at("orders").empty());
}

TEST_CASE("uploads are checked against the provider's published type and size limits") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  // Inner Mongolia with NMGCA: uploads of jpeg/jpg/png/bmp up to 1 MB (seed 004).
  const json nmgca = {{"region", "neimenggu"}, {"ca", "nmgca"},  {"business", "new"}, {"channel", "online"},
                      {"applicant", "org"},    {"applicant_details", {{"name", "包头测试有限公司"}, {"uscc", "91350100M000100Y43"}}}};
  auto [status, order] = desk.call("POST", "/v1/orders", clerk, nmgca, "u1");
  INFO(order.dump());
  REQUIRE(status == 201);
  const std::string path = "/v1/orders/" + order.at("id").get<std::string>() + "/materials/" +
                           order.at("materials")[0].at("code").get<std::string>();
  auto [pdf_status, pdf] = desk.call("POST", path, clerk, {{"file_name", "licence.pdf"}, {"file_bytes", 20000}});
  CHECK(pdf_status == 422);
  CHECK(pdf["error"]["code"] == "file_type_not_accepted");
  auto [big_status, big] = desk.call("POST", path, clerk, {{"file_name", "licence.JPG"}, {"file_bytes", 1048577}});
  CHECK(big_status == 422);
  CHECK(big["error"]["code"] == "file_too_large");
  CHECK(desk.call("POST", path, clerk, {{"file_name", "licence.jpg"}}).first == 400);  // size missing
  auto [ok_status, ok] = desk.call("POST", path, clerk, {{"file_name", "licence.JPG"}, {"file_bytes", 1048576}});
  CHECK(ok_status == 200);
  CHECK(ok.at("materials")[0].at("received") == true);
  CHECK(ok.at("materials")[0].at("file_bytes") == 1048576);
}

TEST_CASE("terms fill in only what the sources leave open, by a reviewer with a reason") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  const std::string reviewer = desk.sign_in("zhao.li");
  // Central publishes BJCA's price and one year: nothing to fill in.
  auto [created, priced] = desk.call("POST", "/v1/orders", clerk, kCentralNew, "t1");
  REQUIRE(created == 201);
  const std::string priced_path = "/v1/orders/" + priced.at("id").get<std::string>() + "/terms";
  auto [p_status, p_error] = desk.call("POST", priced_path, reviewer,
                                       {{"version", priced.at("version")}, {"total_fen", 100}, {"reason", "phone"}});
  CHECK(p_status == 422);
  CHECK(p_error["error"]["code"] == "already_priced");
  auto [y_status, y_error] = desk.call("POST", priced_path, reviewer,
                                       {{"version", priced.at("version")}, {"years", 2}, {"reason", "phone"}});
  CHECK(y_status == 422);
  CHECK(y_error["error"]["code"] == "validity_published");

  // Guangdong publishes neither NETCA's price nor a validity period.
  const json guangdong = {{"region", "guangdong"}, {"ca", "netca"}, {"business", "new"}, {"channel", "onsite"},
                          {"applicant_details", {{"name", "广州测试有限公司"}, {"uscc", "91350100M000100Y43"}}}};
  auto [g_created, order] = desk.call("POST", "/v1/orders", clerk, guangdong, "t2");
  REQUIRE(g_created == 201);
  CHECK(order.at("priced") == false);
  const std::string path = "/v1/orders/" + order.at("id").get<std::string>() + "/terms";
  CHECK(desk.call("POST", path, clerk, {{"version", order.at("version")}, {"total_fen", 50000}, {"reason", "x"}}).first == 403);
  auto [no_reason, no_reason_error] = desk.call("POST", path, reviewer, {{"version", order.at("version")}, {"total_fen", 50000}});
  CHECK(no_reason == 422);
  CHECK(no_reason_error["error"]["code"] == "reason_required");
  CHECK(desk.call("POST", path, reviewer, {{"version", order.at("version")}, {"total_fen", "500"}, {"reason", "x"}}).first == 400);
  auto [set_status, set] = desk.call("POST", path, reviewer,
                                     {{"version", order.at("version")}, {"total_fen", 50000}, {"years", 2},
                                      {"reason", "网证通 2026 price list, confirmed by phone"}});
  INFO(set.dump());
  REQUIRE(set_status == 200);
  CHECK(set.at("total_fen") == 50000);
  CHECK(set.at("validity").at("basis") == "set_by_staff");
  CHECK(set.at("terms")[0].at("set_by") == "zhao.li");
  CHECK(set.at("quote").at("fee").at("total_fen").is_null());  // the accepted quote stays as the rules gave it
  // Once set, they are not set again (a different amount is a payment adjustment).
  auto [again, again_error] = desk.call("POST", path, reviewer,
                                        {{"version", set.at("version")}, {"total_fen", 40000}, {"reason", "discount"}});
  CHECK(again == 422);
  CHECK(again_error["error"]["code"] == "already_priced");
  // An old version is a conflict.
  CHECK(desk.call("POST", path, reviewer, {{"version", order.at("version")}, {"years", 1}, {"reason", "x"}}).first == 409);
  CHECK(desk.call("GET", "/v1/audit/verify", reviewer).second.at("intact") == true);
}

TEST_CASE("a material's file is uploaded with the tick, recognised by its content, and downloaded as stored") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  // Shenzhen CA in Inner Mongolia: JPG or PDF up to 2 MB (seed 004).
  const json szca = {{"region", "neimenggu"}, {"ca", "szca"}, {"business", "new"}, {"channel", "online"},
                     {"applicant", "org"},    {"applicant_details", {{"name", "呼和浩特测试有限公司"}, {"uscc", "91350100M000100Y43"}}}};
  auto [status, order] = desk.call("POST", "/v1/orders", clerk, szca, "f1");
  INFO(order.dump());
  REQUIRE(status == 201);
  const std::string code = order.at("materials")[0].at("code");
  const std::string path = "/v1/orders/" + order.at("id").get<std::string>() + "/materials/" + code + "/file";
  const httplib::Headers auth{{"Authorization", "Bearer " + clerk}};
  auto put = [&](const std::string& name, const std::string& body) {
    auto r = desk.client->Put(path + "?name=" + name, auth, body, "application/octet-stream");
    REQUIRE(r);
    return std::pair{r->status, json::parse(r->body)};
  };
  const std::string pdf = "%PDF-1.7\n" + std::string(5000, 'x') + "\n%%EOF\n";
  auto [renamed_status, renamed] = put("licence.jpg", pdf);  // a PDF under a JPEG name
  CHECK(renamed_status == 422);
  CHECK(renamed["error"]["code"] == "file_content_mismatch");
  auto [png_status, png] = put("licence.png", std::string("\x89PNG\r\n\x1A\n", 8) + "data");  // SZCA takes no PNG
  CHECK(png_status == 422);
  CHECK(png["error"]["code"] == "file_type_not_accepted");
  auto [big_status, big] = put("licence.pdf", "%PDF-" + std::string(2 * 1024 * 1024, 'x'));
  CHECK(big_status == 422);
  CHECK(big["error"]["code"] == "file_too_large");
  CHECK(put("", pdf).first == 400);
  CHECK(desk.call("GET", "/v1/orders/" + order.at("id").get<std::string>(), clerk).second.at("materials")[0].at("received") == false);

  auto [ok_status, ok] = put("licence.PDF", pdf);
  REQUIRE(ok_status == 200);
  const json material = ok.at("materials")[0];
  CHECK(material.at("received") == true);
  CHECK(material.at("file_bytes") == pdf.size());
  auto download = desk.client->Get(path, auth);
  REQUIRE(download);
  CHECK(download->status == 200);
  CHECK(download->body == pdf);
  CHECK(download->get_header_value("Content-Type") == "application/pdf");
  CHECK(download->get_header_value("X-Content-SHA256") == material.at("file_sha256"));
  // The digest is the file's: checked with openssl, not with the code that stored it.
  ScratchFolder scratch;
  const RunResult digest = run("openssl", {"dgst", "-sha256", "-r", scratch.write("f.pdf", pdf).string()});
  CHECK(digest.out.substr(0, 64) == material.at("file_sha256"));
  CHECK(desk.call("GET", "/v1/audit/verify", clerk).second.at("intact") == true);
}

TEST_CASE("re-uploading a material's file 20 times keeps only the latest, in the database too") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  const json szca = {{"region", "neimenggu"}, {"ca", "szca"}, {"business", "new"}, {"channel", "online"},
                     {"applicant", "org"},    {"applicant_details", {{"name", "呼和浩特测试有限公司"}, {"uscc", "91350100M000100Y43"}}}};
  auto [status, order] = desk.call("POST", "/v1/orders", clerk, szca, "r1");
  REQUIRE(status == 201);
  const std::string code = order.at("materials")[0].at("code");
  const std::string path = "/v1/orders/" + order.at("id").get<std::string>() + "/materials/" + code + "/file";
  const httplib::Headers auth{{"Authorization", "Bearer " + clerk}};
  std::string last;
  for (int i = 0; i < 20; ++i) {
    last = "%PDF-1.7\n" + std::string(100'000, static_cast<char>('a' + i)) + "\n%%EOF\n";
    auto r = desk.client->Put(path + "?name=licence" + std::to_string(i) + ".pdf", auth, last, "application/octet-stream");
    REQUIRE(r);
    REQUIRE(r->status == 200);
  }
  auto download = desk.client->Get(path, auth);
  REQUIRE(download);
  CHECK(download->body == last);
  {
    SQLite::Database db(desk.var.file("cahub.db"), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM material_files").getInt64() == 1);
    CHECK(db.execAndGet("SELECT sum(bytes) FROM material_files").getInt64() == static_cast<std::int64_t>(last.size()));
    // The trail still names every upload.
    CHECK(db.execAndGet("SELECT count(*) FROM audit_events WHERE kind = 'material.uploaded'").getInt64() == 20);
  }
  CHECK(desk.call("GET", "/v1/audit/verify", clerk).second.at("intact") == true);
}

TEST_CASE("rules across orders: one master key per unit from the registry, NMGCA's one unit application") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  const std::string reviewer = desk.sign_in("zhao.li");

  // Qinghai: a unit holds one master key (seed 001, qinghai.lua limit{}). The registry knows this
  // unit has one, so an order for another master key is refused (409, the limit's code, naming the
  // certificate) without the clerk ticking has_master_key.
  const RunResult imported = run(CAHUB_BINARY, {"certs", "import", "--ca", "bjca", "--region", "qinghai", "--serial",
                                                "0A1B2C", "--not-before", "2026-01-05", "--not-after", "2027-01-04",
                                                "--unit-name", "西宁测试有限公司", "--uscc", "91350100M000100Y43",
                                                "--as", "zhao.li", "--config", desk.var.file("cahub.toml")},
                                 std::chrono::seconds(60), "a long passphrase\n");
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  const json qinghai = {{"region", "qinghai"}, {"ca", "bjca"}, {"business", "new"}, {"channel", "onsite"},
                        {"applicant_details", {{"name", "西宁测试有限公司"}, {"uscc", "91350100M000100Y43"}}}};
  auto [master_status, master] = desk.call("POST", "/v1/orders", clerk, qinghai, "q1");
  CHECK(master_status == 409);
  CHECK(master["error"]["code"] == "one_master_key");
  CHECK_THAT(master["error"]["message"].get<std::string>(), Contains("bjca certificate 0A1B2C (active)"));
  json other_ca = qinghai;
  other_ca["ca"] = "hbca";  // one master key per unit, whichever CA issued it
  CHECK(desk.call("POST", "/v1/orders", clerk, other_ca, "q3").first == 409);
  json secondary = qinghai;
  secondary["key"] = "secondary";
  CHECK(desk.call("POST", "/v1/orders", clerk, secondary, "q2").first == 201);

  // NMGCA takes one unit-certificate application per unit (seed 004, neimenggu.lua limit{}): a
  // cancelled one does not count, a completed one (its certificate issued) does.
  const json nmgca = {{"region", "neimenggu"}, {"ca", "nmgca"}, {"business", "new"}, {"channel", "online"},
                      {"applicant_details", {{"name", "包头测试有限公司"}, {"uscc", uscc_for(4242)}}}};
  auto [c1, first] = desk.call("POST", "/v1/orders", clerk, nmgca, "n1");
  INFO(first.dump());
  REQUIRE(c1 == 201);
  CHECK(desk.act(first.at("id"), "cancel", clerk, first).first == 200);
  auto [c2, order] = desk.call("POST", "/v1/orders", clerk, nmgca, "n2");
  REQUIRE(c2 == 201);
  const std::string id = order.at("id");
  const std::string path = "/v1/orders/" + id;
  const json required = order.at("materials");
  for (const auto& m : required)
    std::tie(std::ignore, order) = desk.call("POST", path + "/materials/" + m.at("code").get<std::string>(), clerk, json::object());
  std::tie(std::ignore, order) = desk.act(id, "start_review", reviewer, order);
  std::tie(std::ignore, order) = desk.act(id, "approve", reviewer, order);
  std::tie(std::ignore, order) = desk.call("POST", path + "/terms", reviewer,
                                           {{"version", order.at("version")}, {"total_fen", 40000}, {"years", 1},
                                            {"reason", "NMGCA price list, by phone"}});
  std::tie(std::ignore, order) = desk.call("POST", path + "/payments", clerk,
                                           {{"version", order.at("version")}, {"method", "wechat"}, {"amount_fen", 40000}});
  // The holder's medium made the key pair: its request is certified, and no key comes back. A
  // request that is not one is refused at the edge; one whose signature fails, by the provider,
  // and the order goes back to paid.
  REQUIRE(run("openssl", {"req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                          desk.var.file("medium.key"), "-subj", "/CN=medium", "-out", desk.var.file("medium.csr")})
              .exit_code == 0);
  const std::string csr = read_bytes(desk.var / "medium.csr");
  auto [not_csr, not_csr_answer] = desk.call("POST", path + "/issue", clerk,
                                             {{"version", order.at("version")}, {"csr_pem", "hello"}});
  CHECK(not_csr == 400);
  CHECK(not_csr_answer["error"]["field"] == "csr_pem");
  auto [forged, forged_answer] = desk.call(
      "POST", path + "/issue", clerk,
      {{"version", order.at("version")},
       {"csr_pem", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"}});
  CHECK(forged == 422);
  CHECK(forged_answer["error"]["code"] == "provider_refused");
  order = desk.call("GET", path, clerk).second;
  REQUIRE(order.at("state") == "paid");
  auto [from_medium_status, from_medium] = desk.call("POST", path + "/issue", clerk,
                                                     {{"version", order.at("version")}, {"csr_pem", csr}});
  INFO(from_medium.dump());
  REQUIRE(from_medium_status == 200);
  CHECK_FALSE(from_medium.contains("subscriber_key_pem"));
  order = from_medium;
  auto medium_pem = desk.client->Get(path + "/certificate.pem", {{"Authorization", "Bearer " + clerk}});
  REQUIRE(medium_pem);
  CHECK(run("openssl", {"x509", "-noout", "-pubkey", "-in", desk.var.write("medium.pem", medium_pem->body).string()}).out ==
        run("openssl", {"pkey", "-pubout", "-in", desk.var.file("medium.key")}).out);
  std::tie(std::ignore, order) = desk.act(id, "ready_for_pickup", clerk, order);
  auto [done, completed] = desk.act(id, "complete", clerk, order);
  REQUIRE(done == 200);
  auto [c3, refused] = desk.call("POST", "/v1/orders", clerk, nmgca, "n3");
  CHECK(c3 == 409);
  CHECK(refused["error"]["code"] == "one_unit_certificate");
  // The completed application is counted through the certificate it issued.
  CHECK_THAT(refused["error"]["message"].get<std::string>(),
             Contains("nmgca certificate " + completed.at("certificate").at("serial").get<std::string>() + " (active)"));
}

TEST_CASE("money waived is a second person's decision: the approver may not also record a payment below the quote") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  const std::string reviewer = desk.sign_in("zhao.li");
  const std::string admin = desk.sign_in("chen.jie");
  auto [created_status, order] = desk.call("POST", "/v1/orders", clerk, kCentralNew, "friend-1");
  REQUIRE(created_status == 201);
  const std::string id = order.at("id");
  std::tie(std::ignore, order) = desk.act(id, "start_review", reviewer, order);
  for (const auto& m : json(order.at("materials")))
    std::tie(std::ignore, order) =
        desk.call("POST", "/v1/orders/" + id + "/materials/" + m.at("code").get<std::string>(), clerk, json::object());
  std::tie(std::ignore, order) = desk.act(id, "approve", reviewer, order);
  REQUIRE(order.at("state") == "awaiting_payment");
  CHECK(order.at("approved_by") == "zhao.li");
  const json friendly = {{"version", order.at("version")}, {"method", "cash"}, {"amount_fen", 0},
                         {"adjustment_reason", "a friend"}};
  auto [own_status, own] = desk.call("POST", "/v1/orders/" + id + "/payments", reviewer, friendly);
  CHECK(own_status == 403);
  CHECK(own["error"]["code"] == "four_eyes");
  // A second person takes the decision, and the trail names both.
  auto [second_status, paid] = desk.call("POST", "/v1/orders/" + id + "/payments", admin, friendly);
  REQUIRE(second_status == 201);
  CHECK(paid.at("payments")[0].at("recorded_by") == "chen.jie");
  CHECK(paid.at("payments")[0].at("adjustment_reason") == "a friend");
}
