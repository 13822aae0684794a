#pragma once
// The host's side of the operation protocol (docs/plugin-sdk.md, "The operation protocol"): typed
// requests to a provider, their JSON, and the provider's answers read back into types. The order
// desk speaks these types; only this file knows the wire's field names.

#include <memory>
#include <optional>
#include <string>

#include "domain/coded_error.hpp"
#include "domain/date.hpp"
#include "domain/vocabulary.hpp"

namespace cahub::plugins {

class PluginRegistry;
class Provider;

// The provider could not be asked or did not do what was asked. `acted_not()` says the provider
// answered that it did nothing (it refused the request, does not know the certificate, or does not
// support the operation): the order may go back to where it was. Otherwise (the provider failed,
// or answered garbage) whether it acted is unknown until its status is asked.
class ProviderProblem : public CodedError {
 public:
  ProviderProblem(ErrorKind kind, std::string code, const std::string& message, bool acted_not)
      : CodedError(kind, std::move(code), message), acted_not_(acted_not) {}
  bool acted_not() const { return acted_not_; }

 private:
  bool acted_not_;
};

struct ProviderSubject {
  ApplicantKind kind = ApplicantKind::Org;
  std::string unit_name, uscc, person_name, id_number;
};

struct IssueRequest {
  std::string order_id;
  Business business = Business::New;
  ProviderSubject subject;
  KeyType key = KeyType::Master;
  Date not_before;
  std::optional<Date> not_after;  // empty: a reissue or change keeps the old certificate's
  std::string previous_serial;
  // The holder's PKCS#10 request from the medium (UKey) that holds the key pair; empty: the
  // provider makes the pair and hands the private key over once (ProviderCertificate).
  std::string csr_pem;
};

// Freeze, unfreeze or revoke the certificate `serial` for the host's order.
struct StatusChange {
  Business business = Business::Freeze;
  std::string serial, order_id;
  std::optional<RevocationReason> reason;  // revoke only
};

// A certificate as the provider's ledger holds it.
struct ProviderCertificate {
  std::string serial;
  std::string status;  // active, frozen, revoked, expired
  Date not_before, not_after;
  std::string certificate_pem;
  // The private key the provider made for the holder, in the answer of the issue that made it
  // only. The host passes it to whoever asked and keeps it nowhere: not in the registry, the
  // audit trail or a log.
  std::string subscriber_key_pem;
  bool key_made_by_ca = false;
};

// The status a change leads to: frozen, active, revoked.
std::string status_after(Business change);

// One CA's provider, asked through the operation protocol. [thread-safe, as Provider is]
class ProviderClient {
 public:
  // ProviderProblem "provider_unavailable" (503) when no plugin for `ca` is loaded.
  ProviderClient(const PluginRegistry& registry, const std::string& ca);

  ProviderCertificate issue(const IssueRequest& request) const;
  ProviderCertificate change_status(const StatusChange& request) const;
  ProviderCertificate status(const std::string& serial) const;
  // What the provider issued for the order, if anything: nullopt when it says it issued nothing.
  std::optional<ProviderCertificate> issued_for(const std::string& order_id, Business business) const;
  // The CA's root and current CRL (PEM), what a relying party checks a certificate against.
  struct Publication {
    std::string root_pem, crl_pem;
  };
  Publication publication() const;

 private:
  std::string answer(const std::string& request_json, const char* what) const;
  ProviderCertificate ask(const std::string& request_json, const char* what) const;
  std::shared_ptr<const Provider> provider_;
  std::string ca_;
};

}  // namespace cahub::plugins
