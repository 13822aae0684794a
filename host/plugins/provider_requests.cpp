#include "plugins/provider_requests.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "errors/error_answer.hpp"
#include "plugins/plugin_registry.hpp"
#include "plugins/provider.hpp"

namespace cahub::plugins {
namespace {

using nlohmann::json;

json subject_json(const ProviderSubject& s) {
  json out = {{"kind", code_of(s.kind)}};
  if (s.kind != ApplicantKind::Person) {
    out["unit_name"] = s.unit_name;
    out["uscc"] = s.uscc;
  }
  if (s.kind != ApplicantKind::Org) {
    out["person_name"] = s.person_name;
    out["id_number"] = s.id_number;
  }
  return out;
}

// A provider failure's own text may name its files: it goes to the log under an incident id, and
// the client gets the id.
[[noreturn]] void failed(const std::string& ca, const char* what, const std::string& detail) {
  const std::string incident = errors::new_incident_id();
  spdlog::error("incident {} provider {} {}: {}", incident, ca, what, detail);
  ProviderProblem problem(ErrorKind::Upstream, "provider_failed",
                          "the " + ca + " provider failed to " + what + "; incident " + incident +
                              " is in the server's log",
                          false);
  problem.with_incident(incident);
  throw problem;
}

Date date_in(const json& answer, const char* key, const std::string& ca, const char* what) {
  const auto it = answer.find(key);
  std::optional<Date> d = it != answer.end() && it->is_string() ? Date::parse(it->get<std::string>()) : std::nullopt;
  if (!d) failed(ca, what, std::string("answer without a valid \"") + key + "\"");
  return *d;
}

// The provider's answer, read as a certificate record; a malformed one is a provider failure.
ProviderCertificate certificate_of(const std::string& text, const std::string& ca, const char* what) {
  const json answer = json::parse(text, nullptr, false);
  if (!answer.is_object()) failed(ca, what, "answer is not a JSON object");
  ProviderCertificate c;
  c.serial = answer.value("serial", json()).is_string() ? answer["serial"].get<std::string>() : "";
  c.status = answer.value("status", json()).is_string() ? answer["status"].get<std::string>() : "";
  if (c.serial.empty() || c.serial.size() > 128) failed(ca, what, "answer without a valid serial");
  if (c.status != "active" && c.status != "frozen" && c.status != "revoked" && c.status != "expired")
    failed(ca, what, "answer with an unknown status");
  c.not_before = date_in(answer, "not_before", ca, what);
  c.not_after = date_in(answer, "not_after", ca, what);
  if (answer.value("certificate_pem", json()).is_string()) c.certificate_pem = answer["certificate_pem"];
  if (answer.value("subscriber_key_pem", json()).is_string()) c.subscriber_key_pem = answer["subscriber_key_pem"];
  c.key_made_by_ca = answer.value("key_made_by_ca", json()).is_boolean() && answer["key_made_by_ca"].get<bool>();
  return c;
}

}  // namespace

std::string status_after(Business change) {
  return change == Business::Freeze ? "frozen" : change == Business::Revoke ? "revoked" : "active";
}

ProviderClient::ProviderClient(const PluginRegistry& registry, const std::string& ca)
    : provider_(registry.find(ca)), ca_(ca) {
  if (!provider_)
    throw ProviderProblem(ErrorKind::Unavailable, "provider_unavailable", "the plugin for " + ca + " is not loaded",
                          true);
}

ProviderCertificate ProviderClient::ask(const std::string& request_json, const char* what) const {
  return certificate_of(answer(request_json, what), ca_, what);
}

std::string ProviderClient::answer(const std::string& request_json, const char* what) const {
  try {
    return provider_->operate(request_json);
  } catch (const PluginError& e) {
    // The host's own state service could not keep the provider's transaction (plugin_state_service.cpp):
    // the database's condition, not the provider's, and whether it committed is unknown.
    if (const std::string text = e.what(), mark = "store_unavailable: "; e.status() == CAHUB_ERROR_PROVIDER) {
      if (const auto at = text.find(mark); at != std::string::npos)
        throw ProviderProblem(ErrorKind::Unavailable, "store_unavailable", text.substr(at + mark.size()), false);
    }
    // The provider's sentence for a refusal is written for people (docs/plugin-sdk.md); a failure's
    // may name its files and goes to the log only.
    switch (e.status()) {
      case CAHUB_ERROR_NOT_FOUND: throw ProviderProblem(ErrorKind::Refused, "certificate_not_found", e.what(), true);
      case CAHUB_ERROR_INVALID_REQUEST: throw ProviderProblem(ErrorKind::Refused, "provider_refused", e.what(), true);
      case CAHUB_ERROR_UNSUPPORTED: throw ProviderProblem(ErrorKind::Refused, "provider_unsupported", e.what(), true);
      default: failed(ca_, what, e.what());
    }
  }
}

ProviderClient::Publication ProviderClient::publication() const {
  const char* what = "publish its root and CRL";
  const json got = json::parse(answer(json{{"op", "ca"}}.dump(), what), nullptr, false);
  Publication p;
  if (got.is_object() && got.value("root_pem", json()).is_string()) p.root_pem = got["root_pem"];
  if (got.is_object() && got.value("crl_pem", json()).is_string()) p.crl_pem = got["crl_pem"];
  if (p.root_pem.rfind("-----BEGIN CERTIFICATE-----", 0) != 0 || p.crl_pem.rfind("-----BEGIN X509 CRL-----", 0) != 0)
    failed(ca_, what, "answer without a PEM root and CRL");
  return p;
}

ProviderCertificate ProviderClient::issue(const IssueRequest& r) const {
  json request = {{"op", "issue"},
                  {"order_id", r.order_id},
                  {"business", code_of(r.business)},
                  {"subject", subject_json(r.subject)},
                  {"key", code_of(r.key)},
                  {"not_before", r.not_before.iso()}};
  if (r.not_after) request["not_after"] = r.not_after->iso();
  if (!r.previous_serial.empty()) request["previous_serial"] = r.previous_serial;
  if (!r.csr_pem.empty()) request["csr_pem"] = r.csr_pem;
  return ask(request.dump(), "issue a certificate");
}

ProviderCertificate ProviderClient::change_status(const StatusChange& r) const {
  json request = {{"op", code_of(r.business)}, {"serial", r.serial}, {"order_id", r.order_id}};
  if (r.business == Business::Revoke)
    request["reason"] = code_of(r.reason.value_or(RevocationReason::Unspecified));
  return ask(request.dump(), "change a certificate's status");
}

ProviderCertificate ProviderClient::status(const std::string& serial) const {
  return ask(json{{"op", "status"}, {"serial", serial}}.dump(), "say a certificate's status");
}

std::optional<ProviderCertificate> ProviderClient::issued_for(const std::string& order_id, Business business) const {
  try {
    return ask(json{{"op", "status"}, {"order_id", order_id}, {"business", code_of(business)}}.dump(),
               "say what it issued for an order");
  } catch (const ProviderProblem& e) {
    if (e.code() == "certificate_not_found") return std::nullopt;
    throw;
  }
}

}  // namespace cahub::plugins
