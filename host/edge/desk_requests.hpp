#pragma once
// The small requests of the order desk, read once at the edge (HTTP bodies and the CLI's options
// alike go through these types): sign-in, a workflow action, a material received, a payment, the
// terms staff set.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "domain/money.hpp"
#include "domain/vocabulary.hpp"
#include "orders/region_scope.hpp"

namespace cahub::edge {

struct LoginRequest {
  std::string login, password;
};

// POST /v1/staff: an account an administrator adds. The role stays text here (the staff
// directory knows the roles); the password is checked by staff/password_policy.hpp.
struct NewStaffRequest {
  std::string login, name, role, password;
  orders::RegionScope regions = orders::RegionScope::all();  // absent: all, as before regions existed
};

struct ActionRequest {
  std::int64_t version = 0;
  std::string note;  // a rejection's reason
};

struct MaterialReceipt {
  std::string file_name;  // the uploaded file's name, if the clerk names one
  std::optional<std::int64_t> file_bytes;
};

struct PaymentRequest {
  std::int64_t version = 0;
  PaymentMethod method = PaymentMethod::Cash;
  Fen amount = 0;
  std::string voucher;            // required for a bank transfer
  std::string adjustment_reason;  // required when the amount differs from the quote
};

struct TermsRequest {
  std::int64_t version = 0;
  std::optional<Fen> total;
  std::optional<int> years;
  std::string reason;
};

LoginRequest parse_login(const nlohmann::json& body);
NewStaffRequest parse_new_staff(const nlohmann::json& body);
// PUT /v1/staff/{login}/regions: {"regions": "*" | ["neimenggu", ...]} (required).
orders::RegionScope parse_staff_regions(const nlohmann::json& body);
// The regions as `cahub staff add --regions` and `cahub staff regions` take them: "*" or ids
// separated by commas. BadRequest "bad_regions" otherwise, as for the JSON forms.
orders::RegionScope parse_regions_text(std::string_view text);
ActionRequest parse_action_request(const nlohmann::json& body);
MaterialReceipt parse_material_receipt(const nlohmann::json& body);
PaymentRequest parse_payment(const nlohmann::json& body);
TermsRequest parse_terms(const nlohmann::json& body);
// A body that carries only the version (carry_out).
std::int64_t parse_version(const nlohmann::json& body);

// POST /v1/orders/{id}/issue: the version, and the holder's certificate request (PKCS#10 PEM)
// from the medium that holds the key pair, when there is one.
struct IssueRequest {
  std::int64_t version = 0;
  std::string csr_pem;  // empty: the provider makes the key pair and hands the private key over once
};
// The largest certificate request accepted: an RSA-4096 request with a long subject is ~2 KB in
// PEM; SM2 and P-256 ones are under 1 KB.
inline constexpr std::size_t kLargestCsrBytes = 16 * 1024;
IssueRequest parse_issue(const nlohmann::json& body);

// The same checks for values that came from CLI options rather than a body.
void check_payment(const PaymentRequest& p);
void check_terms(const TermsRequest& t);

}  // namespace cahub::edge
