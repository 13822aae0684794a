#pragma once
// The closed code lists of the domain (../shared/DOMAIN.md §1). Codes are the wire format used by
// the CLI, the HTTP API, rule scripts and the plugin ABI; the enums are what C++ code switches on.

#include <array>
#include <optional>
#include <string_view>

namespace cahub {

enum class Business { New, Add, Renew, ReissueLost, ReissueDamaged, Change, Unlock, Freeze, Unfreeze, Revoke };
enum class Channel { Onsite, Mail, Online, SelfService };
enum class ApplicantKind { Org, Person, OrgPerson };
enum class KeyType { Master, Secondary };
// What is wrong with a damaged medium: only a quality defect can be covered by a warranty.
enum class Defect { Quality, Other };
// Why a certificate is revoked: the provider's codes (sdk/include/cahub/issuing.hpp, RFC 5280's
// CRLReason), refused at acceptance when unknown rather than at carry-out.
enum class RevocationReason { Unspecified, KeyCompromise, AffiliationChanged, Superseded, CessationOfOperation };
// How the customer paid (the service points' counters take these).
enum class PaymentMethod { Wechat, Alipay, BankTransfer, Card, Cash };

template <typename E> struct CodeList;  // specialised below: code strings in enum order

template <> struct CodeList<Business> {
  static constexpr std::array<std::string_view, 10> codes{
      "new", "add", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "freeze", "unfreeze", "revoke"};
  static constexpr std::string_view what = "business";
};
template <> struct CodeList<Channel> {
  static constexpr std::array<std::string_view, 4> codes{"onsite", "mail", "online", "self_service"};
  static constexpr std::string_view what = "channel";
};
template <> struct CodeList<ApplicantKind> {
  static constexpr std::array<std::string_view, 3> codes{"org", "person", "org_person"};
  static constexpr std::string_view what = "applicant";
};
template <> struct CodeList<KeyType> {
  static constexpr std::array<std::string_view, 2> codes{"master", "secondary"};
  static constexpr std::string_view what = "key";
};
template <> struct CodeList<Defect> {
  static constexpr std::array<std::string_view, 2> codes{"quality", "other"};
  static constexpr std::string_view what = "defect";
};

template <> struct CodeList<RevocationReason> {
  static constexpr std::array<std::string_view, 5> codes{"unspecified", "key_compromise", "affiliation_changed",
                                                          "superseded", "cessation_of_operation"};
  static constexpr std::string_view what = "revocation_reason";
};
template <> struct CodeList<PaymentMethod> {
  static constexpr std::array<std::string_view, 5> codes{"wechat", "alipay", "bank_transfer", "card", "cash"};
  static constexpr std::string_view what = "payment_method";
};

template <typename E> constexpr std::string_view code_of(E value) {
  return CodeList<E>::codes[static_cast<std::size_t>(value)];
}

template <typename E> constexpr std::optional<E> parse_code(std::string_view text) {
  const auto& codes = CodeList<E>::codes;
  for (std::size_t i = 0; i < codes.size(); ++i)
    if (codes[i] == text) return static_cast<E>(i);
  return std::nullopt;
}

template <typename E> constexpr std::size_t code_count() { return CodeList<E>::codes.size(); }

// Every value of E in code order, for loops over a whole list.
template <typename E> constexpr std::array<E, CodeList<E>::codes.size()> all_codes() {
  std::array<E, CodeList<E>::codes.size()> values{};
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<E>(i);
  return values;
}

// Businesses that end in a newly issued certificate (and so have a resulting validity).
constexpr bool yields_certificate(Business b) {
  switch (b) {
    case Business::New: case Business::Add: case Business::Renew: case Business::ReissueLost:
    case Business::ReissueDamaged: case Business::Change:
      return true;
    default:
      return false;
  }
}

// Businesses that act on an existing certificate, so the request must describe it.
constexpr bool concerns_existing_certificate(Business b) { return b != Business::New && b != Business::Add; }

// Businesses the provider carries out by changing an existing certificate's status.
constexpr bool changes_certificate_status(Business b) {
  return b == Business::Freeze || b == Business::Unfreeze || b == Business::Revoke;
}

// Businesses whose new certificate keeps the old one's last day (a reissue or change replaces the
// certificate; it does not extend it).
constexpr bool keeps_validity(Business b) {
  return b == Business::ReissueLost || b == Business::ReissueDamaged || b == Business::Change;
}

}  // namespace cahub
