#include "edge/json_fields.hpp"

#include <limits>

namespace cahub::edge {

using nlohmann::json;

json parse_object(std::string_view text) {
  if (text.empty()) return json::object();
  // No exceptions from the parser: its messages quote byte offsets and library names, which say
  // nothing to a client. One sentence instead.
  json body = json::parse(text, nullptr, false);
  if (body.is_discarded()) throw pipeline::BadRequest("malformed_json", "the request body is not valid JSON");
  if (!body.is_object()) throw pipeline::BadRequest("malformed_json", "the request body must be a JSON object");
  return body;
}

Fields::Fields(const json& object, std::string prefix) : object_(&object), prefix_(std::move(prefix)) {
  if (!object.is_object()) {
    const std::string whole = prefix_.empty() ? "the request" : prefix_.substr(0, prefix_.size() - 1);
    throw pipeline::BadRequest("bad_field", whole + " must be a JSON object", whole);
  }
}

const json* Fields::find(const char* key) const {
  const auto it = object_->find(key);
  if (it == object_->end() || it->is_null()) return nullptr;
  return &*it;
}

bool Fields::has(const char* key) const { return find(key) != nullptr; }

void Fields::wrong(const char* key, const std::string& expected) const {
  throw pipeline::BadRequest("bad_field", name(key) + " must be " + expected, name(key));
}

std::optional<std::string> Fields::text(const char* key, TextLimit limit) const {
  const json* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) wrong(key, "a string");
  const std::string& s = v->get_ref<const std::string&>();
  if (s.size() > limit.max_bytes) wrong(key, "at most " + std::to_string(limit.max_bytes) + " bytes long");
  for (unsigned char c : s) {
    const bool allowed_break = limit.multi_line && (c == '\n' || c == '\r' || c == '\t');
    if ((c < 0x20 || c == 0x7f) && !allowed_break) wrong(key, "text without control characters");
  }
  return s;
}

std::string Fields::required_text(const char* key, TextLimit limit) const {
  auto s = text(key, limit);
  if (!s || s->empty()) throw pipeline::BadRequest("bad_field", name(key) + " is required", name(key));
  return *s;
}

std::optional<std::int64_t> Fields::integer(const char* key, std::int64_t min, std::int64_t max) const {
  const json* v = find(key);
  if (!v) return std::nullopt;
  const std::string range = "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
  // A float (2.5, 1e30) or a string is not a whole number; an unsigned beyond 2^63-1 would wrap.
  if (!v->is_number_integer()) wrong(key, range);
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) wrong(key, range);
  const std::int64_t n = v->is_number_unsigned() ? static_cast<std::int64_t>(v->get<std::uint64_t>())
                                                 : v->get<std::int64_t>();
  if (n < min || n > max) wrong(key, range);
  return n;
}

std::optional<bool> Fields::flag(const char* key) const {
  const json* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) wrong(key, "true or false");
  return v->get<bool>();
}

std::optional<Fen> Fields::fen(const char* key) const {
  const json* v = find(key);
  if (v && !v->is_number_integer())
    wrong(key, "a whole number of fen (26000 means 260.00 CNY), from 0 to " + std::to_string(kOrderCeilingFen));
  return integer(key, 0, kOrderCeilingFen);
}

std::int64_t Fields::version() const {
  if (!has("version"))
    throw pipeline::BadRequest("version_required", "send the order's version as you saw it: {\"version\": N}", "version");
  return *integer("version", 1, std::numeric_limits<std::int64_t>::max());
}

std::optional<Fields> Fields::object(const char* key) const {
  const json* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_object()) wrong(key, "a JSON object");
  return Fields(*v, name(key) + ".");
}

void Fields::only(std::initializer_list<std::string_view> known) const {
  for (const auto& [key, value] : object_->items()) {
    bool listed = false;
    for (std::string_view k : known) listed = listed || k == key;
    if (listed) continue;
    std::string names;
    for (std::string_view k : known) names += (names.empty() ? "" : ", ") + std::string(k);
    // The key is the client's own text: shown only when short, so the answer stays one line.
    const std::string shown = key.size() <= 64 ? "'" + prefix_ + key + "'" : "a field";
    throw pipeline::BadRequest("unknown_field", "unknown field " + shown + " (known: " + names + ")",
                               key.size() <= 64 ? prefix_ + key : std::string());
  }
}

}  // namespace cahub::edge
