#include "identifiers/check_result.hpp"

namespace cahub::identifiers {

std::string_view reason_code(Reason reason) {
  switch (reason) {
    case Reason::Empty: return "empty";
    case Reason::Length: return "length";
    case Reason::Character: return "character";
    case Reason::LowerCase: return "lower_case";
    case Reason::CheckCharacter: return "check_character";
    case Reason::BirthDate: return "birth_date";
    case Reason::Prefix: return "prefix";
    case Reason::OrgCode: return "org_code";
  }
  return "unknown";
}

}  // namespace cahub::identifiers
