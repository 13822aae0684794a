/*
 * cahub plugin SDK, issuing side: how a plugin issues, freezes and revokes real X.509 certificates.
 *
 * A provider plugin answers the host's rich operations (plugin.h `operate`) through a Connector:
 * the thing that actually talks to a CA. The SDK ships one, the local issuing CA
 * (open_local_ca): an OpenSSL 3 CA that lives in the plugin's state folder, so that a plugin
 * issues verifiable certificates on a machine that cannot reach its provider. A vendor with a
 * live CA writes another Connector (its remote API) and keeps the rest of the plugin unchanged.
 *
 *   class Acme final : public cahub::sdk::Provider {
 *    public:
 *     explicit Acme(cahub::sdk::Host& host)
 *         : ca_(cahub::sdk::issuing::open_local_ca(cahub::sdk::issuing::LocalCaSettings::from_host(
 *               host, "Acme Local Issuing CA"))) {}
 *     std::string operate(std::string_view json) override {
 *       return cahub::sdk::issuing::operate(*ca_, json);
 *     }
 *    private:
 *     std::unique_ptr<cahub::sdk::issuing::Connector> ca_;
 *   };
 *
 * The operation protocol (JSON objects, the "op" field says which) is documented in
 * docs/plugin-operations.md; operate() below implements all of it on any Connector.
 *
 * Link with cahub::issuing (find_package(cahub-sdk) provides it; it needs OpenSSL 3 and SQLite 3).
 * Everything here may throw cahub::sdk::ProviderError; the SDK's trampolines turn that into a
 * status for the host, so a plugin's operate() can simply let it through.
 */
#ifndef CAHUB_ISSUING_HPP
#define CAHUB_ISSUING_HPP

#include <cahub/key_sealing.hpp>
#include <cahub/plugin.hpp>
#include <cahub/plugin_state.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cahub::sdk::issuing {

// The signature algorithm of a CA and the certificates it issues.
enum class KeyAlgorithm {
  Sm2,        // SM2 keys, SM3 signatures (GM/T 0015): what Chinese CAs issue
  EcdsaP256,  // ECDSA on P-256 with SHA-256
};
// "sm2" / "ec-p256".
std::string_view key_algorithm_code(KeyAlgorithm algorithm) noexcept;

enum class CertificateStatus {
  Active,   // valid as far as the CA is concerned (it may still have expired by date)
  Frozen,   // on the CRL with reason certificateHold; can be unfrozen
  Revoked,  // on the CRL for good
};
std::string_view status_code(CertificateStatus status) noexcept;

// RFC 5280 CRLReason values a revocation may carry (certificateHold is freezing, not revoking).
enum class RevocationReason {
  Unspecified = 0,
  KeyCompromise = 1,
  AffiliationChanged = 3,
  Superseded = 4,
  CessationOfOperation = 5,
};
std::string_view reason_code(RevocationReason reason) noexcept;  // "key_compromise", ...
std::optional<RevocationReason> parse_reason(std::string_view code) noexcept;

// Who the certificate is for. A unit certificate names the unit (and its USCC); a person
// certificate the person (and ID number); an org_person certificate both.
struct Subject {
  Applicant kind = Applicant::Org;
  std::string unit_name;    // 单位名称 (org, org_person)
  std::string uscc;         // 统一社会信用代码 (org, org_person)
  std::string person_name;  // 姓名 (person, org_person)
  std::string id_number;    // 身份证号 (person, org_person)
};

// One certificate to issue, as the host's pipeline decided it.
struct IssueOrder {
  std::string order_id;  // the host's order; issuing again for the same order returns the same certificate
  Business business = Business::New;  // new, add, renew, reissue_lost, reissue_damaged or change
  Subject subject;
  KeyType key = KeyType::Master;
  Date not_before{0};  // first and last valid day (China time), computed by the host
  Date not_after{0};
  // The certificate renewed, reissued or changed (required for those); for add, the unit's
  // existing certificate where the provider asks for one (NETCA); empty for new.
  std::string previous_serial;
  // The subscriber's key pair stays with the holder, on the medium (UKey) that made it; the CA
  // signs its public half and never sees the private one. Give one of:
  //   csr_pem         a PKCS#10 request signed by the medium's key (BEGIN CERTIFICATE REQUEST):
  //                   the CA checks its signature (proof of possession) and certifies its key;
  //   public_key_pem  the medium's public key alone (BEGIN PUBLIC KEY), for a channel that
  //                   proves possession otherwise.
  // Neither: the CA makes the pair and hands the private key over once, in the answer
  // (CertificateRecord::subscriber_key_pem), keeping no copy: the medium written at the counter
  // and delivered to the holder.
  std::string csr_pem;
  std::string public_key_pem;
  // The electronic seals to bind to this certificate: "unit" (单位公章), "legal_rep" (法人签章),
  // "person" (个人签章). Empty when the order binds none.
  std::vector<std::string> seals;
  // The applicant acknowledged in writing that several seals share one certificate (CFCA asks for
  // this when the legal representative's seal goes in the unit key).
  bool combined_seals_acknowledged = false;
};

// What the CA knows of one certificate.
struct CertificateRecord {
  std::string serial;  // upper-case hex, as `openssl x509 -serial` prints it
  std::string order_id;
  Business business = Business::New;
  Subject subject;
  KeyType key = KeyType::Master;
  Date not_before{0};
  Date not_after{0};
  CertificateStatus status = CertificateStatus::Active;
  std::optional<RevocationReason> revocation_reason;  // set when Revoked
  std::string status_changed_at;                      // ISO-8601 UTC time of the last freeze/revoke/unfreeze
  std::string previous_serial;
  std::string certificate_pem;
  // The private key the CA made for this certificate (PKCS#8 PEM), in the answer of the issue
  // that made it and nowhere else: the CA keeps no copy, so a replay (replayed) comes without it.
  std::string subscriber_key_pem;
  bool key_made_by_ca = false;  // the CA made the key pair (and handed the private key over once)
  bool replayed = false;            // issue() found this order's certificate already issued
};

// The CA's public side: what a relying party needs to check a certificate.
struct CaPublication {
  KeyAlgorithm algorithm = KeyAlgorithm::EcdsaP256;
  std::string root_pem;
  std::string root_file;  // absolute paths, for `openssl verify -CAfile ... -CRLfile ...`
  std::string crl_pem;
  std::string crl_file;
};

// The interface to a CA. [thread-safe]: the host calls it from several workers at once, and
// several processes (a server and a CLI) may share one CA's state. Every method either does all
// of its work or none of it, and throws ProviderError: NOT_FOUND for an unknown serial,
// INVALID_REQUEST for what the CA refuses (freezing a revoked certificate), PROVIDER when the CA
// itself fails.
class Connector {
 public:
  virtual ~Connector() = default;
  virtual CertificateRecord issue(const IssueOrder& order) = 0;
  virtual CertificateRecord freeze(std::string_view serial) = 0;
  virtual CertificateRecord unfreeze(std::string_view serial) = 0;
  virtual CertificateRecord revoke(std::string_view serial, RevocationReason reason) = 0;
  virtual CertificateRecord find(std::string_view serial) = 0;
  // The certificate this CA issued for the host's order (issue's order_id and business), or
  // NOT_FOUND when it issued none: how a host that lost the answer (a crash between asking and
  // recording) learns what happened. UNSUPPORTED by default, for connectors that cannot say.
  virtual CertificateRecord find_by_order(std::string_view order_id, Business business) {
    (void)order_id;
    (void)business;
    throw ProviderError(CAHUB_ERROR_UNSUPPORTED, "this connector cannot look certificates up by order");
  }
  virtual CaPublication publication() = 0;
  // Copies the CA kept in state folder `folder` (an older host's <var>/ca/<id>) into where this
  // connector keeps its state, once; answers a JSON summary. UNSUPPORTED by default: only a CA
  // kept in the host's database imports (`cahub ca import`).
  virtual std::string import_state(const std::string& folder) {
    (void)folder;
    throw ProviderError(CAHUB_ERROR_UNSUPPORTED, "this connector has no state to import");
  }
};

// How a local issuing CA is set up.
struct LocalCaSettings {
  std::string state_dir;    // where its key, root, ledger and CRL live (the host's state_dir)...
  // ...unless the host keeps them in its database (plugin_state.hpp): from_host() sets this when
  // the host offers that service, and the CA then keeps everything there, its key sealed.
  std::shared_ptr<const state::Store> state_store;
  std::string common_name;  // the root's CN, e.g. "BJCA Local Issuing CA (cahub)"
  std::string organization; // the root's O, e.g. the provider's Chinese name
  // Which algorithm a new CA uses: "auto" (SM2 when this OpenSSL issues SM2 certificates that its
  // own verifier accepts, else ECDSA P-256), "sm2" or "ec-p256". An existing CA keeps its own.
  std::string key_algorithm = "auto";
  int crl_valid_days = 7;  // nextUpdate of each CRL
  // Names this CA in the sealed key's purpose, so a sealed key file cannot be moved to another
  // CA's folder. from_host(): the plugin's id (the state folder's name). Empty: the common name.
  std::string ca_id;
  // Seals the CA's private key at rest (cahub/key_sealing.hpp). from_host(): the host's sealing
  // service, nullptr when the operator configured no key-encryption key. With a sealer, a plain
  // ca.key.pem found on open is sealed in place (migrated); without one, the key stays plain PEM
  // and a sealed one is refused, since it cannot be opened.
  std::shared_ptr<const sealing::KeySealer> sealer;
  // Told when a plain CA key was found and sealed (migrated) (from_host(): the host's log, as a
  // warning). May be empty.
  std::function<void(const std::string&)> notice;

  // The settings the host passes for this plugin ([plugins.<id>] in cahub.toml: key_algorithm,
  // crl_valid_days) over the defaults, with the state folder, the sealer and the log from the host.
  static LocalCaSettings from_host(const Host& host, std::string common_name, std::string organization);
};

// Opens (and on first use creates) the local issuing CA described by `settings`. Creating the key
// and root happens on the first operation, not here, so loading a plugin stays cheap.
// Throws ProviderError(INVALID_REQUEST) for settings it cannot use.
std::unique_ptr<Connector> open_local_ca(const LocalCaSettings& settings);

// A provider's own conditions on issuing, checked before the connector is asked: throw
// ProviderError(INVALID_REQUEST, reason) to refuse. `find` looks up an existing certificate.
using IssuePolicy = std::function<void(const IssueOrder& order, Connector& connector)>;

// What an IssuingProvider carries out through its connector, as descriptor capabilities: every
// business that issues a certificate (new, add, renew, both reissues, change), freeze, unfreeze and
// revoke. Unlocking a medium's PIN is not a certificate operation: a provider that does it says so
// with kIssuingCapabilities.with(Business::Unlock).
inline constexpr Capabilities kIssuingCapabilities = {
    Business::New,    Business::Add,    Business::Renew,    Business::ReissueLost, Business::ReissueDamaged,
    Business::Change, Business::Freeze, Business::Unfreeze, Business::Revoke};

// A provider whose operations go through a connector: derive from this instead of Provider and
// the protocol below is done. The default connector is the local issuing CA, set up from the
// host's settings for this plugin; a vendor passes another (its live CA) to the second constructor.
class IssuingProvider : public Provider {
 public:
  // [thread-safe] The operation protocol, after this provider's own check_issue().
  std::string operate(std::string_view request_json) override;

 protected:
  // The local issuing CA in the host's state folder, its root named `root_common_name` and
  // `root_organization`. Throws ProviderError for unusable settings (create() then fails).
  IssuingProvider(const Host& host, std::string root_common_name, std::string root_organization);
  explicit IssuingProvider(std::unique_ptr<Connector> connector);

  // The provider's own conditions on an issue, before the connector is asked: throw
  // ProviderError(CAHUB_ERROR_INVALID_REQUEST, reason) to refuse. The default accepts everything.
  // [thread-safe]
  virtual void check_issue(const IssueOrder& order, Connector& connector) const;

  Connector& connector() const noexcept { return *connector_; }

 private:
  std::unique_ptr<Connector> connector_;
};

// The operation protocol on top of a connector: parses `request_json`, checks it, runs it, and
// returns the JSON result object. Ops: issue, freeze, unfreeze, revoke, status, ca, import_state.
std::string operate(Connector& connector, std::string_view request_json, const IssuePolicy& policy = {});

// ISO dates as the protocol carries them ("2026-11-23"); nullopt when `text` is not a real date.
std::optional<Date> parse_iso_date(std::string_view text) noexcept;
std::string iso_date(Date date);

}  // namespace cahub::sdk::issuing

#endif /* CAHUB_ISSUING_HPP */
