#include "edge/desk_requests.hpp"

#include <stdexcept>
#include <vector>

#include "edge/json_fields.hpp"

namespace cahub::edge {
namespace {

// What a reason or a note may hold: a few sentences, line breaks allowed.
constexpr TextLimit kReason{2000, true};
// Files are named by their last path part, as a browser sends it.
constexpr TextLimit kFileName{255, false};
// A material file is at most a few MB (the providers cap uploads at 1 or 2 MB).
constexpr std::int64_t kLargestFileBytes = 64LL * 1024 * 1024;

// A staff account's regions as JSON: "*" for all, or a list of region ids (at most kMostRegions).
constexpr std::size_t kMostRegions = 256;

orders::RegionScope regions_of(const nlohmann::json& value) {
  auto bad = [](const std::string& why) {
    return pipeline::BadRequest("bad_regions", "regions " + why + ": \"*\" for all, or a list of region ids", "regions");
  };
  if (value.is_string() && value.get<std::string>() == "*") return orders::RegionScope::all();
  if (!value.is_array()) throw bad("is neither \"*\" nor a list");
  if (value.size() > kMostRegions) throw bad("lists more than " + std::to_string(kMostRegions));
  std::vector<std::string> ids;
  for (const auto& id : value) {
    if (!id.is_string() || !orders::is_region_id(id.get<std::string>()))
      throw bad("holds " + id.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).substr(0, 80) +
                ", which is not a region id ([a-z][a-z0-9_]*, 64 at most)");
    ids.push_back(id.get<std::string>());
  }
  if (ids.empty()) throw bad("is an empty list");
  return orders::RegionScope::only(std::move(ids));
}

}  // namespace

LoginRequest parse_login(const nlohmann::json& body) {
  const Fields f(body);
  f.only({"login", "password"});
  // The password's length is bounded too: a megabyte of it would cost the slow hash as much.
  return {f.text("login", {64, false}).value_or(""), f.text("password", {1024, false}).value_or("")};
}

NewStaffRequest parse_new_staff(const nlohmann::json& body) {
  const Fields f(body);
  f.only({"login", "name", "role", "password", "regions"});
  NewStaffRequest r{f.required_text("login", {64, false}), f.required_text("name", {128, false}),
                    f.required_text("role", {16, false}), f.required_text("password", {1024, false})};
  if (f.has("regions")) r.regions = regions_of(body.at("regions"));
  return r;
}

orders::RegionScope parse_staff_regions(const nlohmann::json& body) {
  const Fields f(body);
  f.only({"regions"});
  if (!f.has("regions"))
    throw pipeline::BadRequest("bad_regions", "regions is required: \"*\" for all, or a list of region ids", "regions");
  return regions_of(body.at("regions"));
}

orders::RegionScope parse_regions_text(std::string_view text) {
  try {
    return orders::RegionScope::parse(text);
  } catch (const std::invalid_argument& e) {
    throw pipeline::BadRequest("bad_regions", std::string(e.what()) + "; give * for all, or ids separated by commas",
                               "regions");
  }
}

ActionRequest parse_action_request(const nlohmann::json& body) {
  const Fields f(body);
  f.only({"version", "note"});
  return {f.version(), f.text("note", kReason).value_or("")};
}

MaterialReceipt parse_material_receipt(const nlohmann::json& body) {
  const Fields f(body);
  f.only({"file_name", "file_bytes"});
  return {f.text("file_name", kFileName).value_or(""), f.integer("file_bytes", 1, kLargestFileBytes)};
}

PaymentRequest parse_payment(const nlohmann::json& body) {
  const Fields f(body);
  f.only({"version", "method", "amount_fen", "voucher", "adjustment_reason"});
  PaymentRequest p;
  p.version = f.version();
  const auto method = f.code<PaymentMethod>("method");
  const auto amount = f.fen("amount_fen");
  if (!method || !amount)
    throw pipeline::BadRequest("bad_field", "a payment needs method and amount_fen (whole fen)",
                               method ? "amount_fen" : "method");
  p.method = *method;
  p.amount = *amount;
  p.voucher = f.text("voucher", {128, false}).value_or("");
  p.adjustment_reason = f.text("adjustment_reason", kReason).value_or("");
  check_payment(p);
  return p;
}

TermsRequest parse_terms(const nlohmann::json& body) {
  const Fields f(body);
  f.only({"version", "total_fen", "years", "reason"});
  TermsRequest t;
  t.version = f.version();
  t.total = f.fen("total_fen");
  if (const auto years = f.integer("years", 1, 10)) t.years = static_cast<int>(*years);
  t.reason = f.text("reason", kReason).value_or("");
  return t;
}

std::int64_t parse_version(const nlohmann::json& body) {
  const Fields f(body);
  f.only({"version"});
  return f.version();
}

IssueRequest parse_issue(const nlohmann::json& body) {
  const Fields f(body);
  f.only({"version", "csr_pem"});
  IssueRequest r;
  r.version = f.version();
  r.csr_pem = f.text("csr_pem", {kLargestCsrBytes, true}).value_or("");
  // Checked for shape here, for its signature by the provider (which knows the key types it takes).
  if (!r.csr_pem.empty() && r.csr_pem.find("-----BEGIN CERTIFICATE REQUEST-----") == std::string::npos)
    throw pipeline::BadRequest("bad_field", "csr_pem must be a PEM certificate request (BEGIN CERTIFICATE REQUEST)",
                               "csr_pem");
  return r;
}

void check_payment(const PaymentRequest& p) {
  if (p.amount < 0 || p.amount > kOrderCeilingFen)
    throw pipeline::BadRequest("bad_field", "amount_fen must be a whole number of fen from 0 to " +
                                                std::to_string(kOrderCeilingFen), "amount_fen");
  if (p.method == PaymentMethod::BankTransfer && p.voucher.empty())
    throw pipeline::BadRequest("voucher_required", "a bank transfer is recorded with its voucher number", "voucher");
}

void check_terms(const TermsRequest& t) {
  if (t.total && (*t.total < 0 || *t.total > kOrderCeilingFen))
    throw pipeline::BadRequest("bad_field", "total_fen must be a whole number of fen from 0 to " +
                                                std::to_string(kOrderCeilingFen), "total_fen");
  if (t.years && (*t.years < 1 || *t.years > 10))
    throw pipeline::BadRequest("bad_field", "years must be a whole number from 1 to 10", "years");
}

}  // namespace cahub::edge
