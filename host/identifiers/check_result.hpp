#pragma once
// The answer of every identifier check: valid, or one failure with a stable reason code and a
// message in English and Chinese that tells the person at the counter what to correct.
//
// Reason codes are wire format (HTTP API, CLI, logs): never rename one, only add.

#include <optional>
#include <string>
#include <string_view>

namespace cahub::identifiers {

enum class Reason {
  Empty,           // nothing was entered
  Length,          // wrong number of characters
  Character,       // a character outside the identifier's alphabet (incl. any non-ASCII character)
  LowerCase,       // lower-case letters where the standard writes capitals
  CheckCharacter,  // the check character does not match the others
  BirthDate,       // resident ID: digits 7–14 are not a real calendar date
  Prefix,          // mobile: does not start with 1
  OrgCode,         // USCC: characters 9–17 are not a valid organisation code
};

// "empty", "length", "character", "lower_case", "check_character", "birth_date", "prefix", "org_code".
std::string_view reason_code(Reason reason);

struct Failure {
  Reason reason;
  std::string message_en;
  std::string message_zh;

  std::string_view code() const { return reason_code(reason); }
};

struct CheckResult {
  std::optional<Failure> failure;  // empty when the identifier is valid

  static CheckResult valid() { return {}; }
  static CheckResult invalid(Reason reason, std::string message_en, std::string message_zh) {
    return {Failure{reason, std::move(message_en), std::move(message_zh)}};
  }

  bool ok() const { return !failure; }
  explicit operator bool() const { return ok(); }
};

}  // namespace cahub::identifiers
