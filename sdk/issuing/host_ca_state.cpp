// A local CA's state in the host's database (CAHUB_HOST_PLUGIN_STATE, ca_state.hpp), so that
// every host sharing the database issues from one CA: one key, one ledger, unique serials, one CRL.
// The records, all text:
//
//   ca/key                     the CA's private key, sealed with the operator's key-encryption key
//                              (never plain: whoever reads the database must not get the CA key)
//   ca/root                    its self-signed root (PEM)
//   crl/pem, crl/number        the published CRL and the last number used
//   cert/<SERIAL>              one certificate (JSON, the ledger's columns)
//   order/<business>/<order>   the serial issued for the host's order and business
//   listed/<SERIAL>            "<unix time> <RFC 5280 reason>" for each frozen or revoked one
//
// One transaction of this CA runs at a time across hosts (the host locks the plugin's id), and a
// CRL is published in the transaction that changed a status, so the CRL and the ledger never
// disagree, on any host.
#include <openssl/crypto.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include <cahub/plugin_state.hpp>

#include "ca_key_file.hpp"
#include "ca_state.hpp"
#include "certificate_ledger.hpp"
#include "state_files.hpp"
#include "x509_builder.hpp"

namespace cahub::sdk::issuing::detail {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kKey = "ca/key", kRoot = "ca/root", kCrl = "crl/pem", kCrlNumber = "crl/number";

std::string cert_key(std::string_view serial) { return "cert/" + std::string(serial); }
std::string listed_key(std::string_view serial) { return "listed/" + std::string(serial); }
// The host's keys have at most 256 bytes (plugin.h); "order/<n>/" takes at most 9 of them.
constexpr std::size_t kLongestOrderId = 240;

std::string order_key(std::string_view order_id, Business business) {
  if (order_id.size() > kLongestOrderId)
    throw ProviderError(CAHUB_ERROR_INVALID_REQUEST,
                        "order_id has " + std::to_string(order_id.size()) + " bytes; at most " +
                            std::to_string(kLongestOrderId) + " when the CA is kept in the host's database");
  return "order/" + std::to_string(static_cast<int>(business)) + "/" + std::string(order_id);
}

[[noreturn]] void malformed(std::string_view key) {
  throw ProviderError(CAHUB_ERROR_PROVIDER, "the CA's record " + std::string(key) +
                                                " in the host's database is malformed; nothing was changed");
}

json entry_json(const CertificateRecord& r, std::time_t issued_at, std::optional<std::time_t> changed_at) {
  return {{"serial", r.serial},
          {"order_id", r.order_id},
          {"business", static_cast<int>(r.business)},
          {"applicant", static_cast<int>(r.subject.kind)},
          {"unit_name", r.subject.unit_name},
          {"uscc", r.subject.uscc},
          {"person_name", r.subject.person_name},
          {"id_number", r.subject.id_number},
          {"key", static_cast<int>(r.key)},
          {"not_before", r.not_before.days()},
          {"not_after", r.not_after.days()},
          {"status", static_cast<int>(r.status)},
          {"reason", r.revocation_reason ? json(static_cast<int>(*r.revocation_reason)) : json(nullptr)},
          {"changed_at", changed_at ? json(static_cast<std::int64_t>(*changed_at)) : json(nullptr)},
          {"issued_at", static_cast<std::int64_t>(issued_at)},
          {"previous_serial", r.previous_serial},
          {"certificate_pem", r.certificate_pem},
          {"key_made_by_ca", r.key_made_by_ca}};
}

// The entry stored under `key`, its every field checked: the database is outside the plugin.
LedgerEntry read_entry(std::string_view key, const std::string& text) {
  const json j = json::parse(text, nullptr, false);
  if (!j.is_object()) malformed(key);
  auto str = [&](const char* name) {
    const auto it = j.find(name);
    if (it == j.end() || !it->is_string()) malformed(key);
    return it->get<std::string>();
  };
  auto number = [&](const char* name, std::int64_t low, std::int64_t high) {
    const auto it = j.find(name);
    if (it == j.end() || !it->is_number_integer()) malformed(key);
    const auto value = it->get<std::int64_t>();
    if (value < low || value > high) malformed(key);
    return value;
  };
  auto nullable = [&](const char* name, std::int64_t low, std::int64_t high) -> std::optional<std::int64_t> {
    const auto it = j.find(name);
    if (it != j.end() && it->is_null()) return std::nullopt;
    return number(name, low, high);
  };
  constexpr std::int64_t kDays = 2'000'000, kTime = std::int64_t{1} << 40;
  LedgerEntry e;
  CertificateRecord& r = e.record;
  r.serial = str("serial");
  r.order_id = str("order_id");
  r.business = static_cast<Business>(number("business", 0, CAHUB_BUSINESS_COUNT - 1));
  r.subject.kind = static_cast<Applicant>(number("applicant", 0, CAHUB_APPLICANT_COUNT - 1));
  r.subject.unit_name = str("unit_name");
  r.subject.uscc = str("uscc");
  r.subject.person_name = str("person_name");
  r.subject.id_number = str("id_number");
  r.key = static_cast<KeyType>(number("key", 0, 1));
  r.not_before = Date(static_cast<std::int32_t>(number("not_before", -kDays, kDays)));
  r.not_after = Date(static_cast<std::int32_t>(number("not_after", -kDays, kDays)));
  r.status = static_cast<CertificateStatus>(number("status", 0, 2));
  if (const auto reason = nullable("reason", 0, 10)) r.revocation_reason = static_cast<RevocationReason>(*reason);
  e.changed_at = nullable("changed_at", 0, kTime);
  if (e.changed_at) r.status_changed_at = utc_timestamp(*e.changed_at);
  e.issued_at = number("issued_at", 0, kTime);
  r.previous_serial = str("previous_serial");
  r.certificate_pem = str("certificate_pem");
  const auto made = j.find("key_made_by_ca");
  if (made == j.end() || !made->is_boolean()) malformed(key);
  r.key_made_by_ca = made->get<bool>();
  if (r.serial != key.substr(5)) malformed(key);  // a record moved to another serial's key
  return e;
}

class HostRecords final : public CaRecords {
 public:
  explicit HostRecords(state::Transaction& t) : t_(t) {}

  std::optional<CertificateRecord> find(std::string_view serial) override {
    auto e = entry(serial);
    if (!e) return std::nullopt;
    return std::move(e->record);
  }
  std::optional<CertificateRecord> find_by_order(std::string_view order_id, Business business) override {
    const auto serial = t_.get(order_key(order_id, business));
    if (!serial) return std::nullopt;
    return find(*serial);
  }
  bool serial_exists(std::string_view serial) override { return t_.get(cert_key(serial)).has_value(); }
  void insert(const CertificateRecord& record, std::time_t issued_at) override {
    put_entry(record, issued_at, std::nullopt);
    t_.put(order_key(record.order_id, record.business), record.serial);
  }
  void set_status(std::string_view serial, CertificateStatus status, std::optional<RevocationReason> reason,
                  std::time_t when) override {
    auto e = entry(serial);
    if (!e) throw ProviderError(CAHUB_ERROR_PROVIDER, "no certificate " + std::string(serial) + " in the ledger");
    e->record.status = status;
    e->record.revocation_reason = reason;
    put_entry(e->record, e->issued_at, when);
    if (status == CertificateStatus::Active)
      t_.erase(listed_key(serial));
    else
      t_.put(listed_key(serial), std::to_string(static_cast<std::int64_t>(when)) + " " +
                                     std::to_string(status == CertificateStatus::Frozen ? 6 : static_cast<int>(*reason)));
  }
  std::vector<ListedOnCrl> listed_on_crl() override {
    std::vector<ListedOnCrl> out;
    t_.scan("listed/", [&](std::string_view key, std::string_view value) {
      ListedOnCrl l{std::string(key.substr(7)), 0, 0};
      const auto space = value.find(' ');
      if (space == std::string_view::npos) malformed(key);
      try {
        l.when = static_cast<std::time_t>(std::stoll(std::string(value.substr(0, space))));
        l.crl_reason = std::stoi(std::string(value.substr(space + 1)));
      } catch (const std::exception&) {
        malformed(key);
      }
      out.push_back(std::move(l));
    });
    return out;
  }
  std::int64_t next_crl_number() override {
    std::int64_t number = 1;
    if (const auto last = t_.get(kCrlNumber)) {
      try {
        number = std::stoll(*last) + 1;
      } catch (const std::exception&) {
        malformed(kCrlNumber);
      }
    }
    t_.put(kCrlNumber, std::to_string(number));
    return number;
  }
  void publish_crl(const std::string& pem) override { t_.put(kCrl, pem); }

  // Import: an entry as the folder's ledger had it, times included.
  void copy_entry(const LedgerEntry& e) {
    put_entry(e.record, e.issued_at, e.changed_at);
    // The first certificate issued for an order is the one a retry finds (the ledger's ORDER BY issued_at).
    if (const std::string key = order_key(e.record.order_id, e.record.business); !t_.get(key)) t_.put(key, e.record.serial);
    if (e.record.status != CertificateStatus::Active)
      t_.put(listed_key(e.record.serial),
             std::to_string(static_cast<std::int64_t>(e.changed_at.value_or(e.issued_at))) + " " +
                 std::to_string(e.record.status == CertificateStatus::Frozen
                                    ? 6
                                    : static_cast<int>(e.record.revocation_reason.value_or(RevocationReason::Unspecified))));
  }

 private:
  std::optional<LedgerEntry> entry(std::string_view serial) {
    const std::string key = cert_key(serial);
    const auto text = t_.get(key);
    if (!text) return std::nullopt;
    return read_entry(key, *text);
  }
  void put_entry(const CertificateRecord& r, std::time_t issued_at, std::optional<std::time_t> changed_at) {
    // Names may come from a ledger another tool wrote: never throw on output.
    t_.put(cert_key(r.serial), entry_json(r, issued_at, changed_at).dump(-1, ' ', false, json::error_handler_t::replace));
  }

  state::Transaction& t_;
};

class HostCaState final : public CaState {
 public:
  HostCaState(const LocalCaSettings& settings, std::shared_ptr<const state::Store> store)
      : settings_(settings), store_(std::move(store)) {}

  CaKeys open(KeyAlgorithm chosen) override {
    CaKeys keys;
    store_->transact([&](state::Transaction& t) {
      const auto sealed = t.get(kKey);
      if (!sealed) {  // first use on any host: this one makes the CA, under the plugin's lock
        keys.key = generate_key(chosen);
        keys.algorithm = algorithm_of(*keys.key);
        keys.root = make_root(*keys.key, keys.algorithm, settings_.common_name, settings_.organization, std::time(nullptr));
        t.put(kKey, seal(*keys.key));
        t.put(kRoot, certificate_pem(*keys.root));
        return;
      }
      keys.key = unseal(*sealed);
      keys.algorithm = algorithm_of(*keys.key);
      const auto root = t.get(kRoot);
      if (!root) malformed(kRoot);
      keys.root = read_certificate_pem(*root, "cannot read the CA root in the host's database");
      if (X509_check_private_key(keys.root.get(), keys.key.get()) != 1)
        throw_openssl("the CA root in the host's database does not match the CA key there");
    });
    return keys;
  }

  void transact(const std::function<void(CaRecords&)>& body) override {
    store_->transact([&](state::Transaction& t) {
      HostRecords records(t);
      body(records);
    });
  }

  CaPublication publication() override {
    CaPublication p;
    store_->transact([&](state::Transaction& t) {
      const auto root = t.get(kRoot);
      const auto crl = t.get(kCrl);
      if (!root) malformed(kRoot);
      if (!crl) malformed(kCrl);
      p.root_pem = *root;
      p.crl_pem = *crl;
    });
    return p;
  }

  std::string import_folder(const fs::path& folder) override {
    const fs::path key_file_path = folder / "ca.key.pem", root_file = folder / "ca.cert.pem";
    if (!fs::exists(key_file_path) || !fs::exists(folder / "ledger.sqlite"))
      throw ProviderError(CAHUB_ERROR_NOT_FOUND, "no local CA in " + folder.string() + " (ca.key.pem and ledger.sqlite)");
    FolderLock lock(folder / "ca.lock");  // a host still serving from the folder cannot change it meanwhile
    const CaKeyFile key_file(key_file_path, ca_key_purpose(settings_), settings_.sealer, settings_.notice);
    const PkeyPtr key = key_file.read();
    const X509Ptr root = read_certificate_pem(read_file(root_file), "cannot read the CA root " + root_file.string());
    if (X509_check_private_key(root.get(), key.get()) != 1)
      throw_openssl("the CA root " + root_file.string() + " does not match the CA key " + key_file_path.string());
    CertificateLedger ledger(folder / "ledger.sqlite");
    std::vector<LedgerEntry> entries = ledger.every_entry();
    std::stable_sort(entries.begin(), entries.end(),
                     [](const LedgerEntry& a, const LedgerEntry& b) { return a.issued_at < b.issued_at; });
    const std::int64_t last_crl = ledger.last_crl_number();
    const std::string sealed = seal(*key);
    store_->transact([&](state::Transaction& t) {
      if (t.get(kKey))
        throw ProviderError(CAHUB_ERROR_INVALID_REQUEST,
                            "the host's database has this CA already; nothing was imported from " + folder.string());
      t.put(kKey, sealed);
      t.put(kRoot, certificate_pem(*root));
      t.put(kCrlNumber, std::to_string(last_crl));
      if (fs::exists(folder / "crl.pem")) t.put(kCrl, read_file(folder / "crl.pem"));
      HostRecords records(t);
      for (const auto& e : entries) records.copy_entry(e);
    });
    return json{{"imported", entries.size()}, {"crl_number", last_crl}, {"root", subject_line(*root)}}.dump();
  }

 private:
  // The key in the database is always sealed: whoever can read the database must not get it.
  std::string seal(EVP_PKEY& key) const {
    if (!settings_.sealer)
      throw ProviderError(CAHUB_ERROR_PROVIDER,
                          "the CA key is kept in the host's database, sealed: configure a key-encryption key "
                          "($CAHUB_KEY_ENCRYPTION_KEY or [keys] kek_file, the same on every host)");
    SecretText pem{private_key_pem(key)};
    try {
      return settings_.sealer->seal(ca_key_purpose(settings_), pem.text);
    } catch (const sealing::SealingError& e) {
      throw ProviderError(CAHUB_ERROR_PROVIDER, "the CA key: " + std::string(e.code()) + ": " + e.what());
    }
  }
  PkeyPtr unseal(const std::string& sealed) const {
    if (!settings_.sealer)
      throw ProviderError(CAHUB_ERROR_PROVIDER,
                          "the CA key in the host's database is sealed, but no key-encryption key is configured: set "
                          "$CAHUB_KEY_ENCRYPTION_KEY or [keys] kek_file to the key the other hosts use");
    try {
      SecretText pem{settings_.sealer->open(ca_key_purpose(settings_), sealed)};
      return read_private_key_pem(pem.text, "cannot read the CA key in the host's database");
    } catch (const sealing::SealingError& e) {
      throw ProviderError(CAHUB_ERROR_PROVIDER,
                          "the CA key in the host's database: " + std::string(e.code()) + ": " + e.what());
    }
  }

  const LocalCaSettings& settings_;
  std::shared_ptr<const state::Store> store_;
};

}  // namespace

std::unique_ptr<CaState> host_ca_state(const LocalCaSettings& settings, std::shared_ptr<const state::Store> store) {
  return std::make_unique<HostCaState>(settings, std::move(store));
}

}  // namespace cahub::sdk::issuing::detail
