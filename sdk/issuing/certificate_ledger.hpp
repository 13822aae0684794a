#pragma once
// The local CA's record of every certificate it issued, in SQLite (<state_dir>/ledger.sqlite):
// the serial is the primary key, so a serial can never be issued twice, and a certificate is
// recorded in the same transaction that supersedes the one it replaces, so an issue either
// happened completely or not at all. Several processes may open the same ledger.

#include <sqlite3.h>

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <cahub/issuing.hpp>

#include "ca_state.hpp"

namespace cahub::sdk::issuing::detail {

class CertificateLedger {
 public:
  // Opens or creates the ledger. Throws ProviderError(PROVIDER) naming the file.
  explicit CertificateLedger(const std::filesystem::path& file);
  ~CertificateLedger();
  CertificateLedger(const CertificateLedger&) = delete;
  CertificateLedger& operator=(const CertificateLedger&) = delete;

  // Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back if it throws.
  void in_transaction(const std::function<void()>& body);

  std::optional<CertificateRecord> find(std::string_view serial);
  // The certificate already issued for this order and business, if any.
  std::optional<CertificateRecord> find_by_order(std::string_view order_id, Business business);
  bool serial_exists(std::string_view serial);

  void insert(const CertificateRecord& record, std::time_t issued_at);
  // Sets status, reason and the time of the change.
  void set_status(std::string_view serial, CertificateStatus status, std::optional<RevocationReason> reason,
                  std::time_t when);

  // Every frozen or revoked certificate, for the CRL.
  std::vector<ListedOnCrl> listed_on_crl();
  // The next CRL number (monotonic, stored in the ledger). Call inside in_transaction(), so that
  // the number is used up only by a CRL whose transaction commits.
  std::int64_t next_crl_number();

  // Every certificate with its times, by serial, and the last CRL number used (0: none yet): what
  // an import into the host's database copies (ca_state.hpp).
  std::vector<LedgerEntry> every_entry();
  std::int64_t last_crl_number();

 private:
  struct Statement;
  void execute(const char* sql);
  CertificateRecord read_row(sqlite3_stmt* row);

  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
};

// "2026-11-23T08:00:00Z"
std::string utc_timestamp(std::time_t when);

}  // namespace cahub::sdk::issuing::detail
