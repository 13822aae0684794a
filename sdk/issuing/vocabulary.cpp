// The codes the operation protocol speaks, and ISO dates: the same words as the host's vocabulary
// (DOMAIN.md §1), so a request built from a host order reads back unchanged.
#include <cstdio>

#include <cahub/issuing.hpp>

namespace cahub::sdk::issuing {

std::string_view key_algorithm_code(KeyAlgorithm algorithm) noexcept {
  return algorithm == KeyAlgorithm::Sm2 ? "sm2" : "ec-p256";
}

std::string_view status_code(CertificateStatus status) noexcept {
  switch (status) {
    case CertificateStatus::Active: return "active";
    case CertificateStatus::Frozen: return "frozen";
    case CertificateStatus::Revoked: return "revoked";
  }
  return "unknown";
}

namespace {
struct ReasonCode {
  RevocationReason reason;
  std::string_view code;
};
constexpr ReasonCode kReasons[] = {
    {RevocationReason::Unspecified, "unspecified"},
    {RevocationReason::KeyCompromise, "key_compromise"},
    {RevocationReason::AffiliationChanged, "affiliation_changed"},
    {RevocationReason::Superseded, "superseded"},
    {RevocationReason::CessationOfOperation, "cessation_of_operation"},
};
}  // namespace

std::string_view reason_code(RevocationReason reason) noexcept {
  for (const auto& r : kReasons)
    if (r.reason == reason) return r.code;
  return "unspecified";
}

std::optional<RevocationReason> parse_reason(std::string_view code) noexcept {
  for (const auto& r : kReasons)
    if (r.code == code) return r.reason;
  return std::nullopt;
}

std::optional<Date> parse_iso_date(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i)
    for (std::size_t k = 0; k < lengths[i]; ++k) {
      const char c = text[starts[i] + k];
      if (c < '0' || c > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (c - '0');
    }
  const int year = parts[0];
  const int month = parts[1];
  const int day = parts[2];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > kDays[month - 1] + (month == 2 && leap ? 1 : 0)) return std::nullopt;
  return Date::from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::string iso_date(Date date) {
  char text[32];  // room for any int year, so the compiler can see nothing is cut
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", date.year(), date.month(), date.day());
  return text;
}

}  // namespace cahub::sdk::issuing
