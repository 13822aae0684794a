#pragma once
// Where a local issuing CA keeps its state, and what one of its transactions sees of it. Two
// places, one CA (local_ca.cpp):
//
//   folder   the plugin's state folder on this host: ca.key.pem, ca.cert.pem, crl.pem and the
//            SQLite ledger, under a folder lock (folder_ca_state.cpp). One host.
//   host     the host's database, through CAHUB_HOST_PLUGIN_STATE (host_ca_state.cpp): every host
//            sharing the database issues from one CA, with one ledger and one CRL (issue 17).
//
// A transaction is all or nothing, and one runs at a time per CA across processes and hosts; the
// CRL it publishes is part of it. What the CA decides (serials, checks, signatures) stays in
// local_ca.cpp, so both places get the same CA.

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <cahub/issuing.hpp>

#include "key_algorithm.hpp"
#include "openssl_handles.hpp"

namespace cahub::sdk::state {
class Store;
}

namespace cahub::sdk::issuing::detail {

// A frozen or revoked certificate, as the CRL lists it.
struct ListedOnCrl {
  std::string serial;
  std::time_t when;
  int crl_reason;  // RFC 5280 code; 6 = certificateHold
};

// One certificate as the ledger holds it: the record and its times.
struct LedgerEntry {
  CertificateRecord record;
  std::time_t issued_at = 0;
  std::optional<std::time_t> changed_at;  // the last freeze, unfreeze or revoke
};

// What one transaction sees. Throws ProviderError(PROVIDER) when the place fails.
class CaRecords {
 public:
  virtual ~CaRecords() = default;
  virtual std::optional<CertificateRecord> find(std::string_view serial) = 0;
  // The certificate already issued for this order and business, if any.
  virtual std::optional<CertificateRecord> find_by_order(std::string_view order_id, Business business) = 0;
  virtual bool serial_exists(std::string_view serial) = 0;
  virtual void insert(const CertificateRecord& record, std::time_t issued_at) = 0;
  // Sets status, reason and the time of the change of an existing certificate.
  virtual void set_status(std::string_view serial, CertificateStatus status, std::optional<RevocationReason> reason,
                          std::time_t when) = 0;
  // Every frozen or revoked certificate, by serial.
  virtual std::vector<ListedOnCrl> listed_on_crl() = 0;
  // The next CRL number: used up only when the transaction commits.
  virtual std::int64_t next_crl_number() = 0;
  // The CRL signed in this transaction becomes the published one when it commits.
  virtual void publish_crl(const std::string& pem) = 0;
};

// The CA's own key and root.
struct CaKeys {
  PkeyPtr key;
  X509Ptr root;
  KeyAlgorithm algorithm = KeyAlgorithm::EcdsaP256;
};

class CaState {
 public:
  virtual ~CaState() = default;
  // The CA's key and root; on first use makes a key of `chosen` and a root from `settings`.
  virtual CaKeys open(KeyAlgorithm chosen) = 0;
  // Runs `body` in one transaction, exclusive for this CA; rolls back when it throws. May run
  // `body` more than once (host), so `body` keeps its effects inside the transaction.
  virtual void transact(const std::function<void(CaRecords&)>& body) = 0;
  // The root and the CRL as published, with the files they are in (none for the host's database).
  virtual CaPublication publication() = 0;
  // Copies a state folder's CA (key, root, ledger, CRL numbering) into this place once: refused
  // when this place has a CA already. UNSUPPORTED for a folder.
  virtual std::string import_folder(const std::filesystem::path& folder) = 0;
};

std::unique_ptr<CaState> folder_ca_state(const LocalCaSettings& settings);
std::unique_ptr<CaState> host_ca_state(const LocalCaSettings& settings, std::shared_ptr<const state::Store> store);

// What the CA key is sealed for: this CA, by id, so that it opens for no other CA.
std::string ca_key_purpose(const LocalCaSettings& settings);

}  // namespace cahub::sdk::issuing::detail
