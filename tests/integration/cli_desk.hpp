#pragma once
// A scratch service point for the tests of `cahub order` and `cahub certs`: a database with a
// clerk, a reviewer and an admin made by `cahub staff add`, their session tokens from `cahub staff
// sign-in`, and the real binary run against it, on the bundled rules and plugins, as one of them.

#include <map>

#include "integration/cahub_cli.hpp"

namespace cahub::testing {

inline const std::string kPassphrase = "a long passphrase";

struct CliDesk {
  ScratchFolder var;
  std::map<std::string, std::string> tokens;  // login → CAHUB_TOKEN

  CliDesk() {
    var.write("cahub.toml", "[paths]\nvar = \"" + var.path().string() + "\"\ndatabase = \"" + var.file("cahub.db") +
                                "\"\nrules = \"" + CAHUB_RULES_DIR + "\"\nplugins = \"" + CAHUB_PLUGINS_DIR + "\"\n");
    db_init({"--config", var.file("cahub.toml")});
    // The administrator first, on the empty table; the administrator adds the others.
    for (const auto& [login, role] : {std::pair{"chen.jie", "admin"}, std::pair{"wang.fang", "clerk"},
                                      std::pair{"zhao.li", "reviewer"}}) {
      const std::vector<std::string> as_admin = login == std::string("chen.jie")
                                                    ? std::vector<std::string>{}
                                                    : std::vector<std::string>{"CAHUB_PASSWORD=" + kPassphrase};
      std::vector<std::string> add{"staff", "add", login, "--name", login, "--role", role};
      if (!as_admin.empty()) add.insert(add.end(), {"--as", "chen.jie"});
      REQUIRE(cahub(add, kPassphrase + "\n", as_admin).exit_code == 0);
      const RunResult signed_in = cahub({"staff", "sign-in", login}, kPassphrase + "\n");
      REQUIRE(signed_in.exit_code == 0);
      tokens[login] = signed_in.out.substr(0, signed_in.out.find('\n'));
    }
  }

  // `cahub ARGS --config ...` with the environment given (and no CAHUB_TOKEN or CAHUB_PASSWORD
  // from the test's own).
  RunResult cahub(std::vector<std::string> args, const std::string& input = {},
                  const std::vector<std::string>& environment = {}) const {
    std::vector<std::string> full{"-u", "CAHUB_TOKEN", "-u", "CAHUB_PASSWORD"};
    full.insert(full.end(), environment.begin(), environment.end());
    full.push_back(CAHUB_BINARY);
    full.insert(full.end(), args.begin(), args.end());
    full.insert(full.end(), {"--config", var.file("cahub.toml")});
    return run("env", full, std::chrono::seconds(120), input);
  }

  // `cahub ARGS` acting as `login`, through its session token.
  RunResult as(const std::string& login, std::vector<std::string> args) const {
    return cahub(std::move(args), {}, {"CAHUB_TOKEN=" + tokens.at(login)});
  }

  // `cahub ARGS --json` as `login`, which must succeed: the JSON it printed.
  nlohmann::json json_as(const std::string& login, std::vector<std::string> args) const {
    args.push_back("--json");
    const RunResult r = as(login, std::move(args));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
  }
};

}  // namespace cahub::testing
