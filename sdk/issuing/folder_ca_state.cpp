// A local CA's state in the plugin's state folder on this host (ca_state.hpp):
//
//   <state_dir>/ca.key.pem        the CA's private key (0600): sealed with the operator's
//                                 key-encryption key when one is configured (ca_key_file.cpp)
//   <state_dir>/ca.cert.pem       its self-signed root
//   <state_dir>/crl.pem           the current CRL, re-signed on every freeze, unfreeze and revoke
//   <state_dir>/ledger.sqlite     every certificate issued (certificate_ledger.hpp)
//   <state_dir>/ca.lock           serialises set-up and transactions across processes
//
// A transaction holds the folder lock and a ledger transaction; its CRL is written (atomically)
// inside it, before COMMIT, so a crash leaves either the old status with the old CRL, or a CRL
// that already lists a certificate whose change was not committed (cautious, and corrected by the
// next publication, which every open does).
#include <cahub/issuing.hpp>

#include "ca_key_file.hpp"
#include "ca_state.hpp"
#include "certificate_ledger.hpp"
#include "state_files.hpp"
#include "x509_builder.hpp"

namespace cahub::sdk::issuing::detail {
namespace {

namespace fs = std::filesystem;

constexpr unsigned kPublic = 0644;

// The ledger as CaRecords, with the CRL written to the folder.
class FolderRecords final : public CaRecords {
 public:
  FolderRecords(CertificateLedger& ledger, fs::path crl_file) : ledger_(ledger), crl_file_(std::move(crl_file)) {}
  std::optional<CertificateRecord> find(std::string_view serial) override { return ledger_.find(serial); }
  std::optional<CertificateRecord> find_by_order(std::string_view order_id, Business business) override {
    return ledger_.find_by_order(order_id, business);
  }
  bool serial_exists(std::string_view serial) override { return ledger_.serial_exists(serial); }
  void insert(const CertificateRecord& record, std::time_t issued_at) override { ledger_.insert(record, issued_at); }
  void set_status(std::string_view serial, CertificateStatus status, std::optional<RevocationReason> reason,
                  std::time_t when) override {
    ledger_.set_status(serial, status, reason, when);
  }
  std::vector<ListedOnCrl> listed_on_crl() override { return ledger_.listed_on_crl(); }
  std::int64_t next_crl_number() override { return ledger_.next_crl_number(); }
  void publish_crl(const std::string& pem) override { write_file_atomically(crl_file_, pem, kPublic); }

 private:
  CertificateLedger& ledger_;
  fs::path crl_file_;
};

class FolderCaState final : public CaState {
 public:
  explicit FolderCaState(const LocalCaSettings& settings) : settings_(settings), dir_(settings.state_dir) {}

  CaKeys open(KeyAlgorithm chosen) override {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) throw ProviderError(CAHUB_ERROR_PROVIDER, "cannot create " + dir_.string() + ": " + ec.message());
    FolderLock lock(dir_ / "ca.lock");
    const CaKeyFile key_file(dir_ / "ca.key.pem", ca_key_purpose(settings_), settings_.sealer, settings_.notice);
    const fs::path root_file = dir_ / "ca.cert.pem";
    CaKeys keys;
    keys.key = key_file.exists() ? key_file.read() : key_file.create(chosen);
    keys.algorithm = algorithm_of(*keys.key);
    if (fs::exists(root_file)) {
      keys.root = read_certificate_pem(read_file(root_file), "cannot read the CA root " + root_file.string());
      if (X509_check_private_key(keys.root.get(), keys.key.get()) != 1)
        throw_openssl("the CA root " + root_file.string() + " does not match the CA key " + key_file.path().string());
    } else {  // first use, or a set-up interrupted after the key was written
      keys.root = make_root(*keys.key, keys.algorithm, settings_.common_name, settings_.organization, std::time(nullptr));
      write_file_atomically(root_file, certificate_pem(*keys.root), kPublic);
    }
    ledger_ = std::make_unique<CertificateLedger>(dir_ / "ledger.sqlite");
    return keys;
  }

  void transact(const std::function<void(CaRecords&)>& body) override {
    FolderLock lock(dir_ / "ca.lock");
    FolderRecords records(*ledger_, dir_ / "crl.pem");
    ledger_->in_transaction([&] { body(records); });
  }

  CaPublication publication() override {
    CaPublication p;
    p.root_file = fs::absolute(dir_ / "ca.cert.pem").string();
    p.crl_file = fs::absolute(dir_ / "crl.pem").string();
    p.root_pem = read_file(p.root_file);
    p.crl_pem = read_file(p.crl_file);
    return p;
  }

  std::string import_folder(const fs::path&) override {
    throw ProviderError(CAHUB_ERROR_UNSUPPORTED,
                        "this CA keeps its state in its folder already; import into the host's database from a host "
                        "that shares it (store.url)");
  }

 private:
  const LocalCaSettings& settings_;
  fs::path dir_;
  std::unique_ptr<CertificateLedger> ledger_;  // set by open()
};

}  // namespace

std::string ca_key_purpose(const LocalCaSettings& settings) {
  return "cahub.local_ca.key/1:" + (settings.ca_id.empty() ? settings.common_name : settings.ca_id);
}

std::unique_ptr<CaState> folder_ca_state(const LocalCaSettings& settings) {
  return std::make_unique<FolderCaState>(settings);
}

}  // namespace cahub::sdk::issuing::detail
