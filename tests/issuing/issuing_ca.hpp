#pragma once
// One bundled plugin with its local issuing CA in a scratch folder, and the `openssl` command line
// to check what it issued.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

#include "domain/date.hpp"
#include "plugins/plugin_registry.hpp"
#include "support/process.hpp"
#include "support/scratch_folder.hpp"

namespace cahub::issuing::test {

using nlohmann::json;

class IssuingCa {
 public:
  explicit IssuingCa(std::string id, const plugins::PluginSettings& settings = {},
                     std::shared_ptr<const sdk::sealing::KeySealer> sealer = nullptr)
      : id_(std::move(id)) {
    plugins::PluginRegistry registry;
    registry.use_key_sealer(std::move(sealer));
    registry.load_folder(CAHUB_PLUGINS_DIR, scratch_ / "var", settings);
    provider_ = registry.find(id_);
    if (!provider_)
      for (const auto& r : registry.refused()) INFO(r.reason);
    REQUIRE(provider_);
  }

  // The plugin's answer, parsed; fails the test when the plugin answered an error.
  json call(const json& request) const { return json::parse(provider_->operate(request.dump())); }

  // The error status a request is answered with (CAHUB_OK when it succeeded).
  cahub_status status_of(const json& request, std::string* message = nullptr) const {
    try {
      (void)provider_->operate(request.dump());
      return CAHUB_OK;
    } catch (const plugins::PluginError& e) {
      if (message) *message = e.what();
      return e.status();
    }
  }

  // A unit certificate from today for `years`, for order `order_id`.
  json issue_new(const std::string& order_id, int years = 1, const std::string& unit = "内蒙古测试科技有限公司") const {
    return call(new_order(order_id, years, unit));
  }
  static json new_order(const std::string& order_id, int years = 1, const std::string& unit = "内蒙古测试科技有限公司") {
    const Date today = Date::today_utc8();
    return {{"op", "issue"},
            {"order_id", order_id},
            {"business", "new"},
            {"subject", {{"kind", "org"}, {"unit_name", unit}, {"uscc", "91150100MA0N000001"}}},
            {"not_before", today.iso()},
            {"not_after", today.plus_years(years).plus_days(-1).iso()}};
  }

  // `openssl verify -CAfile <root> -crl_check -CRLfile <crl> <cert>`: exit code and output.
  testing::RunResult verify(const json& issued) const {
    const json ca = call({{"op", "ca"}});
    const auto cert = scratch_.write("cert-" + issued.at("serial").get<std::string>() + ".pem",
                                     issued.at("certificate_pem").get<std::string>());
    return testing::run("openssl", {"verify", "-CAfile", ca.at("root_file").get<std::string>(), "-crl_check",
                                    "-CRLfile", ca.at("crl_file").get<std::string>(), cert.string()});
  }
  bool verifies(const json& issued) const {
    const auto r = verify(issued);
    INFO(r.out << r.err);
    return r.exit_code == 0 && r.out.find(": OK") != std::string::npos;
  }
  bool verifies_as_revoked(const json& issued) const {
    const auto r = verify(issued);
    INFO(r.out << r.err);
    return r.exit_code != 0 && (r.out + r.err).find("certificate revoked") != std::string::npos;
  }
  // `openssl crl -text` of the current CRL.
  std::string crl_text() const {
    const json ca = call({{"op", "ca"}});
    return testing::run("openssl", {"crl", "-noout", "-text", "-in", ca.at("crl_file").get<std::string>()}).out;
  }
  // `openssl x509 -text` of a certificate.
  std::string certificate_text(const json& issued) const {
    const auto cert = scratch_.write("text.pem", issued.at("certificate_pem").get<std::string>());
    return testing::run("openssl", {"x509", "-noout", "-text", "-nameopt", "utf8", "-in", cert.string()}).out;
  }

  const testing::ScratchFolder& scratch() const { return scratch_; }
  std::filesystem::path state_dir() const { return scratch_ / "var" / "ca" / id_; }
  const plugins::Provider& provider() const { return *provider_; }

 private:
  testing::ScratchFolder scratch_;
  std::string id_;
  std::shared_ptr<const plugins::Provider> provider_;
};

}  // namespace cahub::issuing::test
