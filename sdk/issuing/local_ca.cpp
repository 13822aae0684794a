// The local issuing CA: an OpenSSL 3 CA living in a plugin's state folder.
//
//   <state_dir>/ca.key.pem        the CA's private key (0600): sealed with the operator's
//                                 key-encryption key when one is configured (ca_key_file.cpp)
//   <state_dir>/ca.cert.pem       its self-signed root
//   <state_dir>/crl.pem           the current CRL, re-signed on every freeze, unfreeze and revoke
//   <state_dir>/ledger.sqlite     every certificate issued (certificate_ledger.hpp)
//   <state_dir>/ca.lock           serialises set-up and CRL publication across processes
//
// No subscriber's private key is kept. An e-seal's key belongs to its holder: the sources have the
// key made in and delivered with the holder's medium, "用户身份审核通过则办理数字证书及电子签章，并
// 将密钥（介质）交付给用户" (NMGCA's procedure, seeds/004), and the holder alone answers for it,
// "用户应当妥善保管与数字证书关联的私钥和密码，不得泄漏或交付他人" (seeds/004); BJCA issues "UKEY证书"
// only, "不支持【云证书】" (seeds/003), i.e. never a key held for the holder. So the CA certifies the
// medium's key from its certificate request (csr_pem), or, when the counter has no medium
// tooling, makes the pair and hands the private key over once in the issue answer, keeping none.
//
// Ordering is what keeps it whole: a status change and the CRL that shows it are written under
// the folder lock inside one ledger transaction, the CRL first, so a crash leaves either the old
// status with the old CRL, or a CRL that already lists a certificate whose change was not
// committed (cautious, and corrected by the next publication, which every open does).
#include <sys/stat.h>

#include <cctype>
#include <ctime>
#include <filesystem>
#include <mutex>

#include <cahub/issuing.hpp>

#include "ca_key_file.hpp"
#include "certificate_ledger.hpp"
#include "key_algorithm.hpp"
#include "state_files.hpp"
#include "x509_builder.hpp"

namespace cahub::sdk::issuing {
namespace {

namespace fs = std::filesystem;
using namespace detail;

constexpr unsigned kPublic = 0644;

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
  explicit LocalCa(LocalCaSettings settings) : settings_(std::move(settings)), dir_(settings_.state_dir) {
    if (settings_.state_dir.empty()) refuse("the local CA needs a state folder");
    if (settings_.crl_valid_days < 1 || settings_.crl_valid_days > 366)
      refuse("crl_valid_days must be between 1 and 366, got " + std::to_string(settings_.crl_valid_days));
    chosen_ = choose_algorithm(settings_.key_algorithm);  // a bad setting fails at load, not at first issue
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

    if (auto earlier = ledger_->find_by_order(order.order_id, order.business)) {
      if (!same_subject(earlier->subject, order.subject) || earlier->not_before != order.not_before ||
          earlier->not_after != order.not_after || earlier->key != order.key ||
          !same_holder_key(*earlier, holder_key.get()) ||
          earlier->previous_serial != (order.previous_serial.empty() ? "" : normalised_serial(order.previous_serial)))
        refuse("order " + order.order_id + " already has certificate " + earlier->serial +
               " issued with other details; a retry must repeat the same request");
      earlier->replayed = true;
      return *earlier;
    }

    std::string previous_serial;
    if (needs_previous(order.business) && order.previous_serial.empty())
      refuse("previous_serial is required for this business");
    if (order.business == Business::New && !order.previous_serial.empty())
      refuse("a new certificate has no previous_serial");
    if (!order.previous_serial.empty()) {
      previous_serial = normalised_serial(order.previous_serial);
      const auto previous = ledger_->find(previous_serial);
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
    }

    const bool made_key = !holder_key;
    PkeyPtr subscriber_key = made_key ? generate_key(algorithm_) : std::move(holder_key);

    std::string serial = random_serial_hex();
    while (ledger_->serial_exists(serial)) serial = random_serial_hex();  // 2^-127 a draw, but recorded means unique
    X509Ptr certificate = make_certificate(*ca_key_, *root_, algorithm_, *subscriber_key, order.subject, serial,
                                           order.not_before, order.not_after);

    CertificateRecord record;
    record.serial = serial;
    record.order_id = order.order_id;
    record.business = order.business;
    record.subject = order.subject;
    record.key = order.key;
    record.not_before = order.not_before;
    record.not_after = order.not_after;
    record.previous_serial = previous_serial;
    record.certificate_pem = certificate_pem(*certificate);

    record.key_made_by_ca = made_key;
    const std::time_t now = std::time(nullptr);
    if (supersedes_previous(order.business)) {
      FolderLock lock(dir_ / "ca.lock");
      ledger_->in_transaction([&] {
        ledger_->insert(record, now);
        ledger_->set_status(previous_serial, CertificateStatus::Revoked, RevocationReason::Superseded, now);
        publish_crl_in_transaction(now);
      });
    } else {
      ledger_->in_transaction([&] { ledger_->insert(record, now); });
    }
    CertificateRecord issued = *ledger_->find(serial);
    // Only now, once recorded: the one copy of the key leaves with this answer and is not written anywhere.
    if (made_key) issued.subscriber_key_pem = private_key_pem(*subscriber_key);
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
    auto found = ledger_->find(wanted);
    if (!found) throw ProviderError(CAHUB_ERROR_NOT_FOUND, "no certificate with serial " + wanted);
    return *found;
  }

  CertificateRecord find_by_order(std::string_view order_id, Business business) override {
    std::lock_guard guard(mutex_);
    ready();
    auto found = ledger_->find_by_order(order_id, business);
    if (!found) throw ProviderError(CAHUB_ERROR_NOT_FOUND, "no certificate for order " + std::string(order_id));
    return *found;
  }

  CaPublication publication() override {
    std::lock_guard guard(mutex_);
    ready();
    CaPublication p;
    p.algorithm = algorithm_;
    p.root_file = fs::absolute(dir_ / "ca.cert.pem").string();
    p.crl_file = fs::absolute(dir_ / "crl.pem").string();
    p.root_pem = read_file(p.root_file);
    p.crl_pem = read_file(p.crl_file);
    return p;
  }

 private:
  // Loads the CA, creating its key and root on first use. Caller holds mutex_.
  void ready() {
    if (ledger_) return;
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) throw ProviderError(CAHUB_ERROR_PROVIDER, "cannot create " + dir_.string() + ": " + ec.message());
    FolderLock lock(dir_ / "ca.lock");
    const CaKeyFile key_file(dir_ / "ca.key.pem", ca_key_purpose(), settings_.sealer, settings_.notice);
    const fs::path root_file = dir_ / "ca.cert.pem";
    PkeyPtr key = key_file.exists() ? key_file.read() : key_file.create(chosen_);
    const KeyAlgorithm algorithm = algorithm_of(*key);
    X509Ptr root;
    if (fs::exists(root_file)) {
      root = read_certificate_pem(read_file(root_file), "cannot read the CA root " + root_file.string());
      if (X509_check_private_key(root.get(), key.get()) != 1)
        throw_openssl("the CA root " + root_file.string() + " does not match the CA key " + key_file.path().string());
    } else {  // first use, or a set-up interrupted after the key was written
      root = make_root(*key, algorithm, settings_.common_name, settings_.organization, std::time(nullptr));
      write_file_atomically(root_file, certificate_pem(*root), kPublic);
    }
    auto ledger = std::make_unique<CertificateLedger>(dir_ / "ledger.sqlite");
    ca_key_ = std::move(key);
    root_ = std::move(root);
    algorithm_ = algorithm;
    ledger_ = std::move(ledger);
    // Every open publishes, so a CRL left stale by a crash is current again before anyone asks.
    ledger_->in_transaction([&] { publish_crl_in_transaction(std::time(nullptr)); });
  }

  // What the CA key is sealed for: this CA, by id, so that its file opens in no other CA's folder.
  std::string ca_key_purpose() const {
    return "cahub.local_ca.key/1:" + (settings_.ca_id.empty() ? settings_.common_name : settings_.ca_id);
  }

  // Signs and writes the CRL for the ledger as the current transaction sees it. Caller holds the
  // folder lock and an open transaction.
  void publish_crl_in_transaction(std::time_t now) {
    std::vector<CrlEntry> entries;
    for (const auto& listed : ledger_->listed_on_crl())
      entries.push_back({listed.serial, listed.when, listed.crl_reason});
    CrlPtr crl = make_crl(*ca_key_, *root_, algorithm_, entries, ledger_->next_crl_number(), now,
                          settings_.crl_valid_days);
    write_file_atomically(dir_ / "crl.pem", crl_pem(*crl), kPublic);
  }

  template <typename Check>
  CertificateRecord change_status(std::string_view serial, Check check, CertificateStatus to) {
    std::lock_guard guard(mutex_);
    ready();
    const std::string wanted = normalised_serial(serial);
    FolderLock lock(dir_ / "ca.lock");
    const std::time_t now = std::time(nullptr);
    ledger_->in_transaction([&] {
      const auto current = ledger_->find(wanted);  // read inside the transaction: another process may have changed it
      if (!current) throw ProviderError(CAHUB_ERROR_NOT_FOUND, "no certificate with serial " + wanted);
      const std::optional<RevocationReason> reason = check(*current);
      ledger_->set_status(wanted, to, reason, now);
      publish_crl_in_transaction(now);
    });
    return *ledger_->find(wanted);
  }

  LocalCaSettings settings_;
  fs::path dir_;
  KeyAlgorithm chosen_ = KeyAlgorithm::EcdsaP256;  // for a CA created now
  std::mutex mutex_;
  std::unique_ptr<CertificateLedger> ledger_;  // set once ready() has run
  PkeyPtr ca_key_;
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
