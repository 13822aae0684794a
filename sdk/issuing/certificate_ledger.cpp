#include "certificate_ledger.hpp"

#include <array>
#include <utility>

namespace cahub::sdk::issuing::detail {
namespace {

constexpr int kSchemaVersion = 1;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS certificates (
  serial          TEXT PRIMARY KEY,          -- upper-case hex
  order_id        TEXT NOT NULL,
  business        INTEGER NOT NULL,          -- CAHUB_BUSINESS_*
  applicant       INTEGER NOT NULL,          -- CAHUB_APPLICANT_*
  unit_name       TEXT NOT NULL,
  uscc            TEXT NOT NULL,
  person_name     TEXT NOT NULL,
  id_number       TEXT NOT NULL,
  key_type        INTEGER NOT NULL,
  not_before      INTEGER NOT NULL,          -- days since 1970-01-01, China time
  not_after       INTEGER NOT NULL,
  status          INTEGER NOT NULL,          -- 0 active, 1 frozen, 2 revoked
  reason          INTEGER,                   -- RFC 5280 CRLReason when revoked
  changed_at      INTEGER,                   -- unix time of the last status change
  issued_at       INTEGER NOT NULL,
  previous_serial TEXT NOT NULL,
  certificate_pem TEXT NOT NULL,
  key_file        TEXT NOT NULL             -- 'handed_over' when the CA made the key pair and gave the
                                             -- private key out once; '' for the holder's own key. (Named
                                             -- for what older versions kept here: a key file's path.)
);
CREATE INDEX IF NOT EXISTS certificates_by_order ON certificates(order_id, business);
CREATE TABLE IF NOT EXISTS crl_numbers (last INTEGER NOT NULL);
)sql";


[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw ProviderError(CAHUB_ERROR_PROVIDER, "certificate ledger: " + what + ": " + (db ? sqlite3_errmsg(db) : "?"));
}

}  // namespace

struct CertificateLedger::Statement {
  Statement(sqlite3* db, const char* sql) : db(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) fail(db, "prepare");
  }
  ~Statement() { sqlite3_finalize(stmt); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, std::string_view text) {
    sqlite3_bind_text(stmt, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, std::int64_t value) {
    sqlite3_bind_int64(stmt, i, value);
    return *this;
  }
  Statement& bind_null(int i) {
    sqlite3_bind_null(stmt, i);
    return *this;
  }
  // True while there is a row.
  bool step() {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db, "step");
  }

  sqlite3* db;
  sqlite3_stmt* stmt = nullptr;
};

CertificateLedger::CertificateLedger(const std::filesystem::path& file) : file_(file) {
  if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw ProviderError(CAHUB_ERROR_PROVIDER, "cannot open the certificate ledger " + file.string() + ": " + message);
  }
  try {
    sqlite3_busy_timeout(db_, 10'000);
    execute("PRAGMA journal_mode = WAL");
    execute("PRAGMA synchronous = FULL");
    Statement version(db_, "PRAGMA user_version");
    version.step();
    const int found = sqlite3_column_int(version.stmt, 0);
    if (found > kSchemaVersion)
      throw ProviderError(CAHUB_ERROR_PROVIDER, "certificate ledger " + file.string() + " has schema version " +
                                                    std::to_string(found) + ", newer than this plugin's " +
                                                    std::to_string(kSchemaVersion));
    if (found < kSchemaVersion) {
      in_transaction([&] {
        execute(kSchema);
        execute(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
      });
    }
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

CertificateLedger::~CertificateLedger() { sqlite3_close(db_); }

void CertificateLedger::execute(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    throw ProviderError(CAHUB_ERROR_PROVIDER, "certificate ledger " + file_.string() + ": " + message);
  }
}

void CertificateLedger::in_transaction(const std::function<void()>& body) {
  execute("BEGIN IMMEDIATE");
  try {
    body();
    execute("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

CertificateRecord CertificateLedger::read_row(sqlite3_stmt* row) {
  auto text = [&](int column) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(row, column));
    return std::string(p ? p : "");
  };
  CertificateRecord r;
  r.serial = text(0);
  r.order_id = text(1);
  r.business = static_cast<Business>(sqlite3_column_int(row, 2));
  r.subject.kind = static_cast<Applicant>(sqlite3_column_int(row, 3));
  r.subject.unit_name = text(4);
  r.subject.uscc = text(5);
  r.subject.person_name = text(6);
  r.subject.id_number = text(7);
  r.key = static_cast<KeyType>(sqlite3_column_int(row, 8));
  r.not_before = Date(sqlite3_column_int(row, 9));
  r.not_after = Date(sqlite3_column_int(row, 10));
  r.status = static_cast<CertificateStatus>(sqlite3_column_int(row, 11));
  if (sqlite3_column_type(row, 12) != SQLITE_NULL)
    r.revocation_reason = static_cast<RevocationReason>(sqlite3_column_int(row, 12));
  if (sqlite3_column_type(row, 13) != SQLITE_NULL) r.status_changed_at = utc_timestamp(sqlite3_column_int64(row, 13));
  r.previous_serial = text(14);
  r.certificate_pem = text(15);
  r.key_made_by_ca = !text(16).empty();
  return r;
}

namespace {
constexpr const char* kColumns =
    "serial, order_id, business, applicant, unit_name, uscc, person_name, id_number, key_type, not_before, "
    "not_after, status, reason, changed_at, previous_serial, certificate_pem, key_file";
}

std::optional<CertificateRecord> CertificateLedger::find(std::string_view serial) {
  Statement s(db_, (std::string("SELECT ") + kColumns + " FROM certificates WHERE serial = ?").c_str());
  s.bind(1, serial);
  if (!s.step()) return std::nullopt;
  return read_row(s.stmt);
}

std::optional<CertificateRecord> CertificateLedger::find_by_order(std::string_view order_id, Business business) {
  Statement s(db_, (std::string("SELECT ") + kColumns +
                    " FROM certificates WHERE order_id = ? AND business = ? ORDER BY issued_at LIMIT 1")
                       .c_str());
  s.bind(1, order_id).bind(2, static_cast<std::int64_t>(business));
  if (!s.step()) return std::nullopt;
  return read_row(s.stmt);
}

bool CertificateLedger::serial_exists(std::string_view serial) {
  Statement s(db_, "SELECT 1 FROM certificates WHERE serial = ?");
  s.bind(1, serial);
  return s.step();
}

void CertificateLedger::insert(const CertificateRecord& r, std::time_t issued_at) {
  Statement s(db_,
              "INSERT INTO certificates (serial, order_id, business, applicant, unit_name, uscc, person_name, "
              "id_number, key_type, not_before, not_after, status, reason, changed_at, issued_at, previous_serial, "
              "certificate_pem, key_file) VALUES (?,?,?,?,?,?,?,?,?,?,?,0,NULL,NULL,?,?,?,?)");
  s.bind(1, r.serial).bind(2, r.order_id).bind(3, static_cast<std::int64_t>(r.business));
  s.bind(4, static_cast<std::int64_t>(r.subject.kind)).bind(5, r.subject.unit_name).bind(6, r.subject.uscc);
  s.bind(7, r.subject.person_name).bind(8, r.subject.id_number).bind(9, static_cast<std::int64_t>(r.key));
  s.bind(10, static_cast<std::int64_t>(r.not_before.days())).bind(11, static_cast<std::int64_t>(r.not_after.days()));
  s.bind(12, static_cast<std::int64_t>(issued_at)).bind(13, r.previous_serial).bind(14, r.certificate_pem);
  s.bind(15, std::string(r.key_made_by_ca ? "handed_over" : ""));
  s.step();
}

void CertificateLedger::set_status(std::string_view serial, CertificateStatus status,
                                   std::optional<RevocationReason> reason, std::time_t when) {
  Statement s(db_, "UPDATE certificates SET status = ?, reason = ?, changed_at = ? WHERE serial = ?");
  s.bind(1, static_cast<std::int64_t>(status));
  if (reason)
    s.bind(2, static_cast<std::int64_t>(*reason));
  else
    s.bind_null(2);
  s.bind(3, static_cast<std::int64_t>(when)).bind(4, serial);
  s.step();
  if (sqlite3_changes(db_) != 1) fail(db_, "no certificate " + std::string(serial));
}

std::vector<ListedOnCrl> CertificateLedger::listed_on_crl() {
  Statement s(db_, "SELECT serial, changed_at, status, reason FROM certificates WHERE status <> 0 ORDER BY serial");
  std::vector<ListedOnCrl> out;
  while (s.step()) {
    const auto status = static_cast<CertificateStatus>(sqlite3_column_int(s.stmt, 2));
    const int reason = status == CertificateStatus::Frozen ? 6 : sqlite3_column_int(s.stmt, 3);
    out.push_back({reinterpret_cast<const char*>(sqlite3_column_text(s.stmt, 0)),
                   static_cast<std::time_t>(sqlite3_column_int64(s.stmt, 1)), reason});
  }
  return out;
}

std::int64_t CertificateLedger::next_crl_number() {
  std::int64_t number = 1;
  Statement read(db_, "SELECT last FROM crl_numbers");
  if (read.step()) {
    number = sqlite3_column_int64(read.stmt, 0) + 1;
    Statement write(db_, "UPDATE crl_numbers SET last = ?");
    write.bind(1, number).step();
  } else {
    Statement write(db_, "INSERT INTO crl_numbers (last) VALUES (?)");
    write.bind(1, number).step();
  }
  return number;
}

std::vector<LedgerEntry> CertificateLedger::every_entry() {
  Statement s(db_, (std::string("SELECT ") + kColumns + ", issued_at FROM certificates ORDER BY serial").c_str());
  std::vector<LedgerEntry> out;
  while (s.step()) {
    LedgerEntry e;
    e.record = read_row(s.stmt);
    e.issued_at = static_cast<std::time_t>(sqlite3_column_int64(s.stmt, 17));
    if (sqlite3_column_type(s.stmt, 13) != SQLITE_NULL)
      e.changed_at = static_cast<std::time_t>(sqlite3_column_int64(s.stmt, 13));
    out.push_back(std::move(e));
  }
  return out;
}

std::int64_t CertificateLedger::last_crl_number() {
  Statement read(db_, "SELECT last FROM crl_numbers");
  return read.step() ? sqlite3_column_int64(read.stmt, 0) : 0;
}

std::string utc_timestamp(std::time_t when) {
  std::tm parts{};
  gmtime_r(&when, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

}  // namespace cahub::sdk::issuing::detail
