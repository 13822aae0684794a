#pragma once
// Reading a JSON body into typed fields, once, where it enters: every field's type, length and
// bounds are checked here, and a mistake is one BadRequest naming the field ("bad_field",
// error.field = "applicant_details.uscc"). Past this point the host passes types, not JSON.
//
// Conventions: a null field is an absent one; text is UTF-8 (the JSON parser refuses anything
// else) without control characters, within a byte limit; integers are whole JSON numbers within
// the signed 64-bit range and the field's own bounds (a float, a string or 2^64-1 is refused, never
// wrapped); unknown fields are refused ("unknown_field"), so a misspelt option is not ignored.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/money.hpp"
#include "domain/vocabulary.hpp"
#include "pipeline/request_error.hpp"

namespace cahub::edge {

// The body as a JSON object, or BadRequest "malformed_json". An empty body reads as {}.
nlohmann::json parse_object(std::string_view text);

struct TextLimit {
  std::size_t max_bytes = 256;  // the providers' own field limit (sdk/issuing/operations.cpp)
  bool multi_line = false;      // notes and reasons may hold line breaks and tabs
};

class Fields {
 public:
  // `object` must be a JSON object (BadRequest otherwise); `prefix` names it in messages
  // ("applicant_details.").
  Fields(const nlohmann::json& object, std::string prefix = {});

  bool has(const char* key) const;
  std::optional<std::string> text(const char* key, TextLimit limit = {}) const;
  std::string required_text(const char* key, TextLimit limit = {}) const;
  std::optional<std::int64_t> integer(const char* key, std::int64_t min, std::int64_t max) const;
  std::optional<bool> flag(const char* key) const;
  // An amount of fen within 0..kOrderCeilingFen.
  std::optional<Fen> fen(const char* key) const;
  // The order's version as the caller saw it: required ("version_required"), 1..2^63-1.
  std::int64_t version() const;
  // A code of the vocabulary: BadRequest "unknown_<what>" listing the codes when it is none.
  template <typename E> std::optional<E> code(const char* key) const {
    const auto text_value = text(key, {64, false});
    if (!text_value) return std::nullopt;
    if (auto e = parse_code<E>(*text_value)) return e;
    std::string known;
    for (auto c : CodeList<E>::codes) known += (known.empty() ? "" : ", ") + std::string(c);
    throw pipeline::BadRequest("unknown_" + std::string(CodeList<E>::what),
                               name(key) + " is '" + *text_value + "'; one of: " + known, name(key));
  }
  // A nested object (BadRequest when the field is something else).
  std::optional<Fields> object(const char* key) const;
  // Refuses any field not in `known` ("unknown_field").
  void only(std::initializer_list<std::string_view> known) const;

  // "applicant_details.name" for "name".
  std::string name(std::string_view key) const { return prefix_ + std::string(key); }

 private:
  const nlohmann::json* find(const char* key) const;
  [[noreturn]] void wrong(const char* key, const std::string& expected) const;

  const nlohmann::json* object_;
  std::string prefix_;
};

}  // namespace cahub::edge
