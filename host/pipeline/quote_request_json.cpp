#include "pipeline/quote_request_json.hpp"

#include <nlohmann/json.hpp>

#include "pipeline/request_error.hpp"

namespace cahub::pipeline {
namespace {

using nlohmann::json;

// Codes and ids are short: a region, CA or former CA id longer than this is no id at all.
constexpr std::size_t kLongestId = 64;

const std::string& text_field(const json& body, const char* key) {
  const json& v = body.at(key);
  if (!v.is_string()) throw BadRequest("bad_field", std::string(key) + " must be a string", key);
  const std::string& s = v.get_ref<const std::string&>();
  if (s.size() > kLongestId)
    throw BadRequest("bad_field", std::string(key) + " must be at most " + std::to_string(kLongestId) + " bytes", key);
  return s;
}

template <typename E> E code_field(const json& body, const char* key) {
  const std::string& text = text_field(body, key);
  if (auto e = parse_code<E>(text)) return *e;
  std::string known;
  for (auto c : CodeList<E>::codes) known += (known.empty() ? "" : ", ") + std::string(c);
  throw BadRequest("unknown_" + std::string(CodeList<E>::what),
                   "unknown " + std::string(CodeList<E>::what) + " '" + text + "' (one of: " + known + ")", key);
}

Date date_field(const json& body, const char* key) {
  const std::string& text = text_field(body, key);
  if (auto d = Date::parse(text)) return *d;
  throw BadRequest("bad_date", std::string(key) + " '" + text + "' is not a calendar date in the form YYYY-MM-DD", key);
}

// A client's key, shown in a message: cut after `most` bytes at a character boundary, so that the
// answer stays well-formed UTF-8 (found by tests/fuzz/request_json.cpp: a cut through a Chinese
// key put half a character into the error message).
std::string shown_key(const std::string& key, std::size_t most) {
  if (key.size() <= most) return key;
  std::size_t end = most;
  while (end > 0 && (static_cast<unsigned char>(key[end]) & 0xC0) == 0x80) --end;
  return key.substr(0, end) + "…";
}

bool bool_field(const json& body, const char* key) {
  const json& v = body.at(key);
  if (!v.is_boolean()) throw BadRequest("bad_field", std::string(key) + " must be true or false", key);
  return v.get<bool>();
}

}  // namespace

QuoteRequest parse_quote_request(const json& body, Date today, std::initializer_list<std::string_view> read_elsewhere) {
  if (!body.is_object()) throw BadRequest("bad_request", "a quote request is a JSON object");
  QuoteRequest r;
  r.today = today;
  Circumstances& c = r.circumstances;
  for (const auto& [key, value] : body.items()) {
    const char* k = key.c_str();
    if (value.is_null()) continue;  // an absent option
    bool elsewhere = false;
    for (std::string_view k : read_elsewhere) elsewhere = elsewhere || k == key;
    if (elsewhere) continue;
    if (key == "region") r.region = text_field(body, k);
    else if (key == "ca") r.ca = text_field(body, k);
    else if (key == "business") r.business = code_field<Business>(body, k);
    else if (key == "applicant") r.applicant = code_field<ApplicantKind>(body, k);
    else if (key == "channel") r.channel = code_field<Channel>(body, k);
    else if (key == "key") r.key = code_field<KeyType>(body, k);
    else if (key == "defect") r.defect = code_field<Defect>(body, k);
    else if (key == "years") {
      // A float, a string or an unsigned beyond the signed range is not a number of years.
      const bool whole = value.is_number_integer() && !(value.is_number_unsigned() && value.get<std::uint64_t>() > 10);
      const auto y = whole ? value.get<std::int64_t>() : 0;
      if (!whole || y < 1 || y > 10) throw BadRequest("bad_years", "years must be a whole number from 1 to 10", k);
      r.years = static_cast<int>(y);
    }
    else if (key == "today") r.today = date_field(body, k);
    else if (key == "cert_not_before") r.cert_not_before = date_field(body, k);
    else if (key == "cert_not_after") r.cert_not_after = date_field(body, k);
    else if (key == "first_issued") r.first_issued = date_field(body, k);
    else if (key == "registered") c.registered = bool_field(body, k);
    else if (key == "expert_in_database") c.expert_in_database = bool_field(body, k);
    else if (key == "open_bid") c.open_bid = bool_field(body, k);
    else if (key == "has_master_key") c.has_master_key = bool_field(body, k);
    else if (key == "delegated") c.delegated = bool_field(body, k);
    else if (key == "legal_rep_in_person") c.legal_rep_in_person = bool_field(body, k);
    else if (key == "public_institution") c.public_institution = bool_field(body, k);
    else if (key == "agent_changed") c.agent_changed = bool_field(body, k);
    else if (key == "former_ca") c.former_ca = text_field(body, k);
    else throw BadRequest("unknown_field", "unknown field '" + shown_key(key, 64) + "' in the request");
  }
  if (!body.contains("business") || body.at("business").is_null())
    throw BadRequest("missing_business", "business is required");
  return r;
}

}  // namespace cahub::pipeline
