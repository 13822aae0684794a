// The local issuing CA: an OpenSSL 3 CA whose state lives in the plugin's state folder on this
// host, or in the host's database when several hosts share it (ca_state.hpp).
//
// No subscriber's private key is kept. An e-seal's key belongs to its holder: the sources have the
// key made in and delivered with the holder's medium, "用户身份审核通过则办理数字证书及电子签章，并
// 将密钥（介质）交付给用户" (NMGCA's procedure, seeds/004), and the holder alone answers for it,
// "用户应当妥善保管与数字证书关联的私钥和密码，不得泄漏或交付他人" (seeds/004); BJCA issues "UKEY证书"
// only, "不支持【云证书】" (seeds/003), i.e. never a key held for the holder. So the CA certifies the
// medium's key from its certificate request (csr_pem), or, when the counter has no medium
// tooling, makes the pair and hands the private key over once in the issue answer, keeping none.
//
// Every change is one transaction of the CA's state, and a status change publishes its CRL in the
// same transaction, so the ledger and the CRL never disagree.
#include <sys/stat.h>

#include <cctype>
#include <ctime>
#include <filesystem>
#include <mutex>

#include <cahub/issuing.hpp>

#include "ca_state.hpp"
#include "certificate_ledger.hpp"
#include "key_algorithm.hpp"
#include "x509_builder.hpp"

namespace cahub::sdk::issuing {
namespace {

namespace fs = std::filesystem;
using namespace detail;

bool issues_certificate(Business b) {
  switch (b) {
    case Business::New:
    case Business::Add:
    case Business::Renew:
    case Business::ReissueLost:
    case Business::ReissueDamaged:
    case Business::Change: return true;
    default: return false;
  }
}

bool needs_previous(Business b) { return issues_certificate(b) && b != Business::New && b != Business::Add; }
bool supersedes_previous(Business b) {
  return b == Business::ReissueLost || b == Business::ReissueDamaged || b == Business::Change;
}

[[noreturn]] void refuse(const std::string& message) { throw ProviderError(CAHUB_ERROR_INVALID_REQUEST, message); }

// Serials travel as hex; accept either case, answer in upper case as openssl prints them.
std::string normalised_serial(std::string_view serial) {
  if (serial.empty() || serial.size() > 40) refuse("serial must be 1 to 40 hexadecimal digits");
  std::string out;
  for (char c : serial) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) refuse("serial must be hexadecimal, got \"" + std::string(serial) + "\"");
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// A retry must bring the same key as the issue it repeats: the holder's own (the certificate's
// public key), or none when the CA made the pair. The private key is not handed over again.
bool same_holder_key(const CertificateRecord& earlier, EVP_PKEY* holder_key) {
  if (!holder_key) return earlier.key_made_by_ca;
  if (earlier.key_made_by_ca) return false;
  const X509Ptr certificate = read_certificate_pem(earlier.certificate_pem, "cannot read certificate " + earlier.serial);
  return EVP_PKEY_eq(X509_get0_pubkey(certificate.get()), holder_key) == 1;
}

bool same_identity(const Subject& a, const Subject& b) {
  return a.kind == b.kind && a.uscc == b.uscc && a.id_number == b.id_number;
}
bool same_subject(const Subject& a, const Subject& b) {
  return same_identity(a, b) && a.unit_name == b.unit_name && a.person_name == b.person_name;
}

class LocalCa final : public Connector {
 public:
  explicit LocalCa(LocalCaSettings settings) : settings_(std::move(settings)) {
    if (!settings_.state_store && settings_.state_dir.empty()) refuse("the local CA needs a state folder");
    if (settings_.crl_valid_days < 1 || settings_.crl_valid_days > 366)
      refuse("crl_valid_days must be between 1 and 366, got " + std::to_string(settings_.crl_valid_days));
    chosen_ = choose_algorithm(settings_.key_algorithm);  // a bad setting fails at load, not at first issue
    state_ = settings_.state_store ? host_ca_state(settings_, settings_.state_store) : folder_ca_state(settings_);
  }

  CertificateRecord issue(const IssueOrder& order) override {
    std::lock_guard guard(mutex_);
    ready();
    if (!issues_certificate(order.business)) refuse("this business issues no certificate");
    if (order.order_id.empty()) refuse("order_id is required");
    if (order.not_after < order.not_before) refuse("not_after is before not_before");

    PkeyPtr holder_key;  // the holder's own key, from the medium; null: the CA makes one
    if (!order.csr_pem.empty()) holder_key = read_csr_key(order.csr_pem);
    else if (!order.public_key_pem.empty()) holder_key = read_public_key_pem(order.public_key_pem);
    const bool made_key = !holder_key;
    // Made outside the transaction, so a transaction run again (host state) certifies the same key.
    PkeyPtr subscriber_key = made_key ? generate_key(algorithm_) : std::move(holder_key);

    CertificateRecord issued;
    state_->transact([&](CaRecords& records) {
      if (auto earlier = records.find_by_order(order.order_id, order.business)) {
        issued = replay(order, std::move(*earlier), made_key ? nullptr : subscriber_key.get());
        return;
      }
      const std::string previous_serial = check_previous(order, records);
      std::string serial = random_serial_hex();
      while (records.serial_exists(serial)) serial = random_serial_hex();  // 2^-127 a draw, but recorded means unique
      X509Ptr certificate = make_certificate(*ca_key_, *root_, algorithm_, *subscriber_key, order.subject, serial,
                                             order.not_before, order.not_after);
      issued = record_of(order, serial, previous_serial, *certificate, made_key);
      const std::time_t now = std::time(nullptr);
      records.insert(issued, now);
      if (supersedes_previous(order.business)) {
        records.set_status(previous_serial, CertificateStatus::Revoked, RevocationReason::Superseded, now);
        publish_crl(records, now);
      }
      issued = *records.find(serial);
    });
    // Only now, once recorded: the one copy of the key leaves with this answer and is not written anywhere.
    if (made_key && !issued.replayed) issued.subscriber_key_pem = private_key_pem(*subscriber_key);
    return issued;
  }

  CertificateRecord freeze(std::string_view serial) override {
    return change_status(serial, [](const CertificateRecord& c) -> std::optional<RevocationReason> {
      if (c.status == CertificateStatus::Frozen) refuse("certificate " + c.serial + " is already frozen");
      if (c.status == CertificateStatus::Revoked) refuse("certificate " + c.serial + " is revoked");
      return std::nullopt;
    }, CertificateStatus::Frozen);
  }

  CertificateRecord unfreeze(std::string_view serial) override {
    return change_status(serial, [](const CertificateRecord& c) -> std::optional<RevocationReason> {
      if (c.status == CertificateStatus::Active) refuse("certificate " + c.serial + " is not frozen");
      if (c.status == CertificateStatus::Revoked) refuse("certificate " + c.serial + " is revoked");
      return std::nullopt;
    }, CertificateStatus::Active);
  }

  CertificateRecord revoke(std::string_view serial, RevocationReason reason) override {
    return change_status(serial, [reason](const CertificateRecord& c) -> std::optional<RevocationReason> {
      if (c.status == CertificateStatus::Revoked) refuse("certificate " + c.serial + " is already revoked");
      return reason;
    }, CertificateStatus::Revoked);
  }

  CertificateRecord find(std::string_view serial) override {
    std::lock_guard guard(mutex_);
    ready();
    const std::string wanted = normalised_serial(serial);
    std::optional<CertificateRecord> found;
    state_->transact([&](CaRecords& records) { found = records.find(wanted); });
    if (!found) throw ProviderError(CAHUB_ERROR_NOT_FOUND, "no certificate with serial " + wanted);
    return *found;
  }

  CertificateRecord find_by_order(std::string_view order_id, Business business) override {
    std::lock_guard guard(mutex_);
    ready();
    std::optional<CertificateRecord> found;
    state_->transact([&](CaRecords& records) { found = records.find_by_order(order_id, business); });
    if (!found) throw ProviderError(CAHUB_ERROR_NOT_FOUND, "no certificate for order " + std::string(order_id));
    return *found;
  }

  CaPublication publication() override {
    std::lock_guard guard(mutex_);
    ready();
    CaPublication p = state_->publication();
    p.algorithm = algorithm_;
    return p;
  }

  std::string import_state(const std::string& folder) override {
    std::lock_guard guard(mutex_);
    if (ca_key_) refuse("this CA is open already; import before it issues anything");
    std::string report = state_->import_folder(folder);
    ready();  // publishes a CRL numbered after the folder's last
    return report;
  }

 private:
  // Loads the CA, creating its key and root on first use. Caller holds mutex_.
  void ready() {
    if (ca_key_) return;
    CaKeys keys = state_->open(chosen_);
    algorithm_ = keys.algorithm;
    root_ = std::move(keys.root);
    ca_key_ = std::move(keys.key);
    // Every open publishes, so a CRL left stale by a crash is current again before anyone asks.
    try {
      state_->transact([&](CaRecords& records) { publish_crl(records, std::time(nullptr)); });
    } catch (...) {
      ca_key_.reset();  // not ready: the next call opens again
      throw;
    }
  }

  // The answer to an order issued before: the same certificate, when the retry repeats the request.
  CertificateRecord replay(const IssueOrder& order, CertificateRecord earlier, EVP_PKEY* holder_key) const {
    if (!same_subject(earlier.subject, order.subject) || earlier.not_before != order.not_before ||
        earlier.not_after != order.not_after || earlier.key != order.key || !same_holder_key(earlier, holder_key) ||
        earlier.previous_serial != (order.previous_serial.empty() ? "" : normalised_serial(order.previous_serial)))
      refuse("order " + order.order_id + " already has certificate " + earlier.serial +
             " issued with other details; a retry must repeat the same request");
    earlier.replayed = true;
    return earlier;
  }

  // The certificate an order renews, reissues or changes, checked; "" for new and add without one.
  static std::string check_previous(const IssueOrder& order, CaRecords& records) {
    if (needs_previous(order.business) && order.previous_serial.empty())
      refuse("previous_serial is required for this business");
    if (order.business == Business::New && !order.previous_serial.empty())
      refuse("a new certificate has no previous_serial");
    if (order.previous_serial.empty()) return {};
    const std::string previous_serial = normalised_serial(order.previous_serial);
    const auto previous = records.find(previous_serial);
    if (!previous) throw ProviderError(CAHUB_ERROR_NOT_FOUND, "no certificate with serial " + previous_serial);
    if (previous->status == CertificateStatus::Revoked) refuse("certificate " + previous_serial + " is revoked");
    if (previous->status == CertificateStatus::Frozen)
      refuse("certificate " + previous_serial + " is frozen; unfreeze it first");
    // A change may rename the unit or replace the person; everything else stays with its holder.
    if (order.business == Business::Change ? previous->subject.kind != order.subject.kind
                                           : !same_identity(previous->subject, order.subject))
      refuse("certificate " + previous_serial + " belongs to another subject");
    if (supersedes_previous(order.business) && order.not_after != previous->not_after)
      refuse("a reissue or change keeps the old validity: not_after must be " + iso_date(previous->not_after) +
             ", got " + iso_date(order.not_after));
    return previous_serial;
  }

  static CertificateRecord record_of(const IssueOrder& order, const std::string& serial,
                                     const std::string& previous_serial, X509& certificate, bool made_key) {
    CertificateRecord record;
    record.serial = serial;
    record.order_id = order.order_id;
    record.business = order.business;
    record.subject = order.subject;
    record.key = order.key;
    record.not_before = order.not_before;
    record.not_after = order.not_after;
    record.previous_serial = previous_serial;
    record.certificate_pem = certificate_pem(certificate);
    record.key_made_by_ca = made_key;
    return record;
  }

  // Signs the CRL for the ledger as the current transaction sees it, and publishes it with it.
  void publish_crl(CaRecords& records, std::time_t now) {
    std::vector<CrlEntry> entries;
    for (const auto& listed : records.listed_on_crl()) entries.push_back({listed.serial, listed.when, listed.crl_reason});
    CrlPtr crl = make_crl(*ca_key_, *root_, algorithm_, entries, records.next_crl_number(), now, settings_.crl_valid_days);
    records.publish_crl(crl_pem(*crl));
  }

  template <typename Check>
  CertificateRecord change_status(std::string_view serial, Check check, CertificateStatus to) {
    std::lock_guard guard(mutex_);
    ready();
    const std::string wanted = normalised_serial(serial);
    const std::time_t now = std::time(nullptr);
    CertificateRecord changed;
    state_->transact([&](CaRecords& records) {
      const auto current = records.find(wanted);  // read inside the transaction: another process may have changed it
      if (!current) throw ProviderError(CAHUB_ERROR_NOT_FOUND, "no certificate with serial " + wanted);
      const std::optional<RevocationReason> reason = check(*current);
      records.set_status(wanted, to, reason, now);
      publish_crl(records, now);
      changed = *records.find(wanted);
    });
    return changed;
  }

  LocalCaSettings settings_;
  KeyAlgorithm chosen_ = KeyAlgorithm::EcdsaP256;  // for a CA created now
  std::unique_ptr<CaState> state_;
  std::mutex mutex_;
  PkeyPtr ca_key_;  // set once ready() has run
  X509Ptr root_;
  KeyAlgorithm algorithm_ = KeyAlgorithm::EcdsaP256;  // the existing CA's
};

}  // namespace

std::unique_ptr<Connector> open_local_ca(const LocalCaSettings& settings) { return std::make_unique<LocalCa>(settings); }

IssuingProvider::IssuingProvider(const Host& host, std::string root_common_name, std::string root_organization)
    : connector_(open_local_ca(LocalCaSettings::from_host(host, std::move(root_common_name), std::move(root_organization)))) {}

IssuingProvider::IssuingProvider(std::unique_ptr<Connector> connector) : connector_(std::move(connector)) {
  if (!connector_) throw ProviderError(CAHUB_ERROR_INVALID_REQUEST, "IssuingProvider needs a connector");
}

void IssuingProvider::check_issue(const IssueOrder&, Connector&) const {}

std::string IssuingProvider::operate(std::string_view request_json) {
  return issuing::operate(*connector_, request_json,
                          [this](const IssueOrder& order, Connector& connector) { check_issue(order, connector); });
}

LocalCaSettings LocalCaSettings::from_host(const Host& host, std::string common_name, std::string organization) {
  LocalCaSettings s;
  s.state_dir = std::string(host.state_dir());
  s.ca_id = fs::path(s.state_dir).filename().string();  // the host's <var>/ca/<plugin id>
  s.sealer = sealing::host_key_sealer(host);
  s.state_store = state::Store::from_host(host);
  s.notice = [host](const std::string& line) { host.warn(line); };  // a copy: Host holds only the host's pointers
  s.common_name = std::move(common_name);
  s.organization = std::move(organization);
  if (const auto algorithm = host.setting("key_algorithm")) s.key_algorithm = std::string(*algorithm);
  if (const auto days = host.setting("crl_valid_days")) {
    int value = 0;
    for (char c : *days) {
      if (c < '0' || c > '9' || value > 10000) refuse("crl_valid_days must be a number of days, got \"" + std::string(*days) + "\"");
      value = value * 10 + (c - '0');
    }
    s.crl_valid_days = value;
  }
  return s;
}

}  // namespace cahub::sdk::issuing
