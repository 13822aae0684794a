#include "edge/release_requests.hpp"

#include "edge/json_fields.hpp"

namespace cahub::edge {
namespace {

constexpr TextLimit kScript{releases::kLargestReleaseText, true};
constexpr TextLimit kReason{2000, true};
constexpr std::int64_t kLargestNumber = std::int64_t{1} << 53;  // exact in every JSON client

}  // namespace

releases::DraftText parse_draft_text(const nlohmann::json& body) {
  const Fields f(body);
  f.only({"script", "spec", "reason", "version"});
  releases::DraftText text;
  text.script = f.required_text("script", kScript);
  text.spec = f.text("spec", kScript);
  text.reason = f.text("reason", kReason).value_or("");  // the desk says reason_required where one is
  return text;
}

releases::Decision parse_decision(const nlohmann::json& body) {
  const Fields f(body);
  f.only({"version", "reason"});
  return {f.version(), f.text("reason", kReason).value_or("")};
}

PublishRequest parse_publish(const nlohmann::json& body) {
  const Fields f(body);
  f.only({"version", "effective_from"});
  PublishRequest out{f.version(), std::nullopt};
  if (const auto day = f.text("effective_from", {10, false})) {
    out.effective_from = Date::parse(*day);
    if (!out.effective_from)
      throw pipeline::BadRequest("bad_date", "effective_from must be a day as YYYY-MM-DD, got '" + *day + "'",
                                 "effective_from");
  }
  return out;
}

RollbackRequest parse_rollback(const nlohmann::json& body) {
  const Fields f(body);
  f.only({"to", "reason"});
  const auto to = f.integer("to", 1, kLargestNumber);
  if (!to) throw pipeline::BadRequest("bad_field", "to: the release to roll back to is required", "to");
  return {*to, f.text("reason", kReason).value_or("")};
}

std::int64_t parse_release_number(const std::string& text) {
  if (text.empty() || text.size() > 16 || text.find_first_not_of("0123456789") != std::string::npos ||
      text.front() == '0')
    throw pipeline::BadRequest("bad_release", "a release number is a whole number from 1, got '" + text + "'");
  const std::int64_t n = std::stoll(text);
  if (n > kLargestNumber) throw pipeline::BadRequest("bad_release", "release number " + text + " is too large");
  return n;
}

}  // namespace cahub::edge
