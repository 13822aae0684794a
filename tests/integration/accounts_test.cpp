// Sessions and accounts on the real binary and the real `cahub serve` (issue 15): signing out
// revokes the token; administrators list, disable and enable accounts over HTTP and on the
// command line, and disabling ends sessions for good; only the first account is made without an
// administrator; new passwords are refused when short, when they contain the login, when common.

#include <catch2/catch.hpp>

#include "integration/cahub_cli.hpp"
#include "integration/staff_session.hpp"
#include "integration/staffed_server.hpp"
#include "support/process.hpp"

using namespace cahub::testing;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

// `cahub ARGS --config CONFIG` with only the environment given (no CAHUB_TOKEN or CAHUB_PASSWORD
// of the test's own).
RunResult cahub_with(const std::string& config, std::vector<std::string> args, const std::string& input = {},
                     const std::vector<std::string>& environment = {}) {
  std::vector<std::string> full{"-u", "CAHUB_TOKEN", "-u", "CAHUB_PASSWORD"};
  full.insert(full.end(), environment.begin(), environment.end());
  full.push_back(CAHUB_BINARY);
  full.insert(full.end(), args.begin(), args.end());
  full.insert(full.end(), {"--config", config});
  return run("env", full, std::chrono::seconds(120), input);
}

std::string error_code(const json& body) { return body.at("error").at("code").get<std::string>(); }

}  // namespace

TEST_CASE("a signed-out token gets 401, and the other sessions go on") {
  StaffedServer s;
  const std::string token = s.sign_in("wang.fang");
  const std::string other = s.sign_in("wang.fang");
  CHECK(s.call("GET", "/v1/me", token).first == 200);
  const auto [status, body] = s.call("POST", "/v1/logout", token);
  CHECK(status == 200);
  CHECK(body == json{{"signed_out", true}});
  const auto [after, refused] = s.call("GET", "/v1/me", token);
  CHECK(after == 401);
  CHECK(error_code(refused) == "bad_token");
  CHECK(s.call("GET", "/v1/orders", token).first == 401);
  CHECK(s.call("POST", "/v1/logout", token).first == 401);  // once only
  CHECK(s.call("GET", "/v1/me", other).first == 200);
  CHECK(s.call("POST", "/v1/logout", "").first == 401);
}

TEST_CASE("administrators list, add, disable and enable accounts over HTTP, and others get 403") {
  StaffedServer s;
  const std::string admin = s.sign_in("chen.jie");
  const std::string clerk = s.sign_in("wang.fang");
  const std::string reviewer = s.sign_in("zhao.li");

  const auto [listed, list] = s.call("GET", "/v1/staff", admin);
  REQUIRE(listed == 200);
  REQUIRE(list.at("staff").size() == 3);
  CHECK(list["staff"][0]["login"] == "chen.jie");
  CHECK(list["staff"][0]["role"] == "admin");
  CHECK(list["staff"][0]["disabled"] == false);

  const json li_na = {{"login", "li.na"}, {"name", "李娜"}, {"role", "clerk"}, {"password", "a long passphrase"}};
  for (const std::string& token : {clerk, reviewer}) {
    CHECK(error_code(s.call("GET", "/v1/staff", token).second) == "forbidden");
    const auto [status, body] = s.call("POST", "/v1/staff", token, li_na);
    CHECK(status == 403);
    CHECK(error_code(body) == "forbidden");
    CHECK(s.call("POST", "/v1/staff/wang.fang/disable", token).first == 403);
    CHECK(s.call("POST", "/v1/staff/wang.fang/enable", token).first == 403);
  }

  const auto [created, account] = s.call("POST", "/v1/staff", admin, li_na);
  CHECK(created == 201);
  CHECK(account.at("login") == "li.na");
  CHECK(account.at("role") == "clerk");
  CHECK(account.at("disabled") == false);
  CHECK_FALSE(account.at("created_at").get<std::string>().empty());
  CHECK(account.dump().find("passphrase") == std::string::npos);
  CHECK(s.call("POST", "/v1/staff", admin, li_na).first == 409);
  json bad_role = li_na;
  bad_role["login"] = "zhou.qi";
  bad_role["role"] = "root";
  CHECK(error_code(s.call("POST", "/v1/staff", admin, bad_role).second) == "unknown_role");
  CHECK(error_code(s.call("POST", "/v1/staff/nobody/disable", admin).second) == "unknown_staff");
  CHECK(s.sign_in("li.na").size() == 64);
}

TEST_CASE("a disabled account's tokens get 401, and stay 401 once it is enabled again") {
  StaffedServer s;
  const std::string admin = s.sign_in("chen.jie");
  const std::string before = s.sign_in("wang.fang");
  const std::string also_before = s.sign_in("wang.fang");

  const auto [disabled, account] = s.call("POST", "/v1/staff/wang.fang/disable", admin);
  REQUIRE(disabled == 200);
  CHECK(account.at("disabled") == true);
  CHECK(s.call("GET", "/v1/me", before).first == 401);
  CHECK(s.call("GET", "/v1/orders", also_before).first == 401);
  auto refused = s.client->Post("/v1/login", json{{"login", "wang.fang"}, {"password", "a long passphrase"}}.dump(),
                                "application/json");
  REQUIRE(refused);
  CHECK(refused->status == 401);

  const auto [enabled, again] = s.call("POST", "/v1/staff/wang.fang/enable", admin);
  REQUIRE(enabled == 200);
  CHECK(again.at("disabled") == false);
  CHECK(s.call("GET", "/v1/me", before).first == 401);
  CHECK(s.call("GET", "/v1/me", also_before).first == 401);
  CHECK(s.call("GET", "/v1/me", s.sign_in("wang.fang")).first == 200);  // a new sign-in works

  // The last enabled administrator stays.
  const auto [last, why] = s.call("POST", "/v1/staff/chen.jie/disable", admin);
  CHECK(last == 409);
  CHECK(error_code(why) == "last_admin");
}

TEST_CASE("new passwords are refused when short, when they contain the login, when common: over HTTP") {
  StaffedServer s;
  const std::string admin = s.sign_in("chen.jie");
  const auto refusal = [&](const std::string& password) {
    const auto [status, body] = s.call("POST", "/v1/staff", admin,
                                       {{"login", "li.na"}, {"name", "李娜"}, {"role", "clerk"}, {"password", password}});
    CHECK(status == 400);
    return error_code(body);
  };
  CHECK(refusal("eleven char") == "password_too_short");
  CHECK(refusal("hello Li.Na, welcome") == "password_contains_login");
  CHECK(refusal("qwerty123456") == "password_common");
  CHECK(refusal(std::string(12, ' ')) == "password_repetitive");
  CHECK(s.call("GET", "/v1/staff", admin).second.at("staff").size() == 3);
}

TEST_CASE("on the command line, only the first account is made without an administrator") {
  ScratchFolder var;
  const std::string config = var.write("cahub.toml", "[paths]\nvar = \"" + var.path().string() + "\"\ndatabase = \"" +
                                                         var.file("cahub.db") + "\"\n").string();
  const std::string pass = std::string(kStaffPassphrase) + "\n";
  db_init({"--config", config});
  // The first account must be an administrator, who could add the others.
  const RunResult clerk_first = cahub_with(config, {"staff", "add", "wang.fang", "--name", "王芳", "--role", "clerk"}, pass);
  CHECK(clerk_first.exit_code == 2);
  CHECK_THAT(clerk_first.err, Contains("first_account_admin"));
  REQUIRE(cahub_with(config, {"staff", "add", "chen.jie", "--name", "陈杰", "--role", "admin"}, pass).exit_code == 0);

  // A second, without anyone signed in: refused, whatever the role.
  for (const char* role : {"admin", "clerk"}) {
    const RunResult second = cahub_with(config, {"staff", "add", "li.na", "--name", "李娜", "--role", role}, pass);
    CHECK(second.exit_code == 7);
    CHECK_THAT(second.err, Contains("sign_in_required"));
  }
  // As the administrator, with the password in CAHUB_PASSWORD, or both passwords on stdin.
  REQUIRE(cahub_with(config, {"staff", "add", "wang.fang", "--name", "王芳", "--role", "clerk", "--as", "chen.jie"}, pass,
                     {"CAHUB_PASSWORD=" + std::string(kStaffPassphrase)})
              .exit_code == 0);
  const RunResult two_lines = cahub_with(config, {"staff", "add", "zhao.li", "--name", "赵丽", "--role", "reviewer", "--as",
                                                  "chen.jie"},
                                         pass + "another long passphrase\n");
  INFO(two_lines.err);
  REQUIRE(two_lines.exit_code == 0);
  CHECK(cahub_with(config, {"staff", "sign-in", "zhao.li"}, "another long passphrase\n").exit_code == 0);

  // A clerk is no administrator, by password or by token.
  const RunResult by_clerk = cahub_with(config, {"staff", "add", "li.na", "--name", "李娜", "--role", "admin", "--as",
                                                 "wang.fang"},
                                        pass, {"CAHUB_PASSWORD=" + std::string(kStaffPassphrase)});
  CHECK(by_clerk.exit_code == 6);
  CHECK_THAT(by_clerk.err, Contains("forbidden"));
  const RunResult clerk_token = cahub_with(config, {"staff", "sign-in", "wang.fang"}, pass);
  REQUIRE(clerk_token.exit_code == 0);
  const std::string token = clerk_token.out.substr(0, 64);
  CHECK(cahub_with(config, {"staff", "add", "li.na", "--name", "李娜", "--role", "admin"}, pass, {"CAHUB_TOKEN=" + token})
            .exit_code == 6);
  CHECK(cahub_with(config, {"staff", "disable", "chen.jie"}, {}, {"CAHUB_TOKEN=" + token}).exit_code == 6);
  CHECK(cahub_with(config, {"audit", "verify"}).exit_code == 0);
}

TEST_CASE("the command line lists, disables and enables accounts, and refuses weak passwords") {
  ScratchFolder var;
  const std::string config = var.write("cahub.toml", "[paths]\nvar = \"" + var.path().string() + "\"\ndatabase = \"" +
                                                         var.file("cahub.db") + "\"\n").string();
  db_init({"--config", config});
  REQUIRE(run_staff_add(config, "chen.jie", "admin").exit_code == 0);
  REQUIRE(run_staff_add(config, "wang.fang", "clerk", "chen.jie").exit_code == 0);
  const std::vector<std::string> as_admin{"CAHUB_PASSWORD=" + std::string(kStaffPassphrase)};

  // Weak passwords, each with its code, and nothing stored.
  for (const auto& [password, code] : {std::pair{"eleven char", "password_too_short"},
                                       std::pair{"LI.NA is my login", "password_contains_login"},
                                       std::pair{"1qaz2wsx3edc", "password_common"}}) {
    const RunResult r = cahub_with(config, {"staff", "add", "li.na", "--name", "李娜", "--role", "clerk", "--as", "chen.jie"},
                                   std::string(password) + "\n", as_admin);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains(code));
  }

  const RunResult token_run = cahub_with(config, {"staff", "sign-in", "wang.fang"}, std::string(kStaffPassphrase) + "\n");
  REQUIRE(token_run.exit_code == 0);
  const std::string token = token_run.out.substr(0, 64);
  const RunResult disabled = cahub_with(config, {"staff", "disable", "wang.fang", "--as", "chen.jie"}, {}, as_admin);
  INFO(disabled.err);
  REQUIRE(disabled.exit_code == 0);
  CHECK(disabled.out == "disabled clerk wang.fang\n");
  const RunResult listed = cahub_with(config, {"staff", "list", "--json"});
  REQUIRE(listed.exit_code == 0);
  const json staff = json::parse(listed.out).at("staff");
  REQUIRE(staff.size() == 2);
  CHECK(staff[1]["login"] == "wang.fang");
  CHECK(staff[1]["disabled"] == true);
  CHECK_THAT(cahub_with(config, {"staff", "list"}).out, Contains("disabled"));
  // Its token is refused, and stays refused once the account is enabled again.
  CHECK(cahub_with(config, {"staff", "sign-out"}, {}, {"CAHUB_TOKEN=" + token}).exit_code == 7);
  REQUIRE(cahub_with(config, {"staff", "enable", "wang.fang", "--as", "chen.jie"}, {}, as_admin).exit_code == 0);
  CHECK(cahub_with(config, {"staff", "sign-out"}, {}, {"CAHUB_TOKEN=" + token}).exit_code == 7);

  // The last administrator stays; an unknown login is not found.
  const RunResult last = cahub_with(config, {"staff", "disable", "chen.jie", "--as", "chen.jie"}, {}, as_admin);
  CHECK(last.exit_code == 5);
  CHECK_THAT(last.err, Contains("last_admin"));
  CHECK(cahub_with(config, {"staff", "enable", "nobody", "--as", "chen.jie"}, {}, as_admin).exit_code == 4);

  // Signing out on the command line ends the session.
  const RunResult fresh = cahub_with(config, {"staff", "sign-in", "wang.fang"}, std::string(kStaffPassphrase) + "\n");
  REQUIRE(fresh.exit_code == 0);
  const std::string again = fresh.out.substr(0, 64);
  CHECK(cahub_with(config, {"staff", "sign-out"}, {}, {"CAHUB_TOKEN=" + again}).exit_code == 0);
  CHECK(cahub_with(config, {"staff", "sign-out"}, {}, {"CAHUB_TOKEN=" + again}).exit_code == 7);
  CHECK(cahub_with(config, {"staff", "sign-out"}).exit_code == 7);

  const RunResult audit = cahub_with(config, {"audit", "verify"});
  CHECK(audit.exit_code == 0);
}
