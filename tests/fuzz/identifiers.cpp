// The identifier checks (host/identifiers/) on any text a clerk could type or paste. Properties:
//   - every check is deterministic, and a failure has a known reason code and two messages, both
//     well-formed UTF-8 whatever the input (they are echoed into JSON and onto terminals);
//   - a valid identifier has the form its standard gives (length, alphabet, check character);
//   - normalisation: text refused only for lower case is, in capitals, no longer refused for it,
//     and the message shows that capital form;
//   - the check characters: any 17 USCC symbols completed with uscc_check_character pass, and
//     changing any one symbol of a valid USCC (or any one digit of a valid resident ID number)
//     makes it fail on its check character, as GB 32100 and ISO 7064 MOD 11-2 guarantee.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "identifiers/mobile.hpp"
#include "identifiers/org_code.hpp"
#include "identifiers/postcode.hpp"
#include "identifiers/resident_id.hpp"
#include "identifiers/uscc.hpp"

using namespace cahub;
using namespace cahub::identifiers;
using cahub::fuzz::expect;

namespace {

using Check = CheckResult (*)(std::string_view);

constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::string_view kKnownCodes[] = {"empty",           "length",     "character", "lower_case",
                                            "check_character", "birth_date", "prefix",    "org_code"};

bool known_code(std::string_view code) {
  for (std::string_view k : kKnownCodes)
    if (k == code) return true;
  return false;
}

bool only(std::string_view text, std::string_view alphabet) {
  return text.find_first_not_of(alphabet) == std::string_view::npos;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// What every check owes its caller, on any input.
CheckResult checked(Check check, std::string_view text, std::string_view what) {
  const CheckResult result = check(text);
  const CheckResult again = check(text);
  expect(result.ok() == again.ok(), "a check is deterministic", what);
  if (result.ok()) return result;
  const Failure& f = *result.failure;
  expect(again.failure->reason == f.reason && again.failure->message_en == f.message_en, "a failure is deterministic", what);
  expect(known_code(f.code()), "a failure's reason code is one of the documented ones", f.code());
  expect(!f.message_en.empty() && !f.message_zh.empty(), "a failure has a message in both languages", what);
  expect(fuzz::valid_utf8(f.message_en) && fuzz::valid_utf8(f.message_zh), "a failure's messages are well-formed UTF-8",
         f.message_en);
  expect((f.reason == Reason::Empty) == text.empty(), "only empty text is refused as empty", what);
  if (f.reason == Reason::LowerCase) {
    const std::string capitals = upper(text);
    expect(f.message_en.find(capitals) != std::string::npos, "a lower-case refusal shows the capital form", f.message_en);
    const CheckResult normalised = check(capitals);
    expect(normalised.ok() || normalised.failure->reason != Reason::LowerCase,
           "the capital form is not refused for lower case", capitals);
  }
  return result;
}

void valid_forms(std::string_view text) {
  if (checked(check_uscc, text, "uscc").ok()) {
    expect(text.size() == 18 && only(text, kUsccAlphabet), "a valid USCC is 18 symbols of its alphabet", text);
    expect(uscc_check_character(text.substr(0, 17)) == text[17], "a valid USCC ends in its check character", text);
    expect(embedded_org_code(text).size() == 9, "a valid USCC embeds a 9-character organisation code", text);
  }
  if (checked(check_embedded_org_code, text, "embedded org code").ok())
    expect(check_uscc(text).ok() && check_org_code(embedded_org_code(text)).ok(),
           "a USCC whose embedded code checks is a valid USCC with a valid organisation code", text);
  if (checked(check_org_code, text, "org code").ok()) {
    expect(text.size() == 9 && only(text.substr(0, 8), "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
           "a valid organisation code is 8 digits or capitals and a check character", text);
    expect(org_code_check_character(text.substr(0, 8)) == text[8], "a valid organisation code ends in its check character", text);
  }
  if (checked(check_resident_id, text, "resident id").ok()) {
    expect(text.size() == 18 && only(text.substr(0, 17), "0123456789") && only(text.substr(17), "0123456789X"),
           "a valid resident ID number is 17 digits and a digit or X", text);
    expect(resident_id_birth_date(text).has_value(), "a valid resident ID number has a real birth date", text);
    expect(resident_id_check_character(text.substr(0, 17)) == text[17], "a valid resident ID number ends in its check character", text);
  }
  if (checked(check_mobile, text, "mobile").ok())
    expect(text.size() == 11 && text[0] == '1' && only(text, "0123456789"), "a valid mobile is 11 digits from 1", text);
  if (checked(check_postcode, text, "postcode").ok())
    expect(text.size() == 6 && only(text, "0123456789"), "a valid postcode is 6 digits", text);
}

// Any 17 symbols of the alphabet, completed with their check character, make a valid USCC; any
// one symbol changed makes it fail on the check character.
void uscc_check_character_detects_substitutions(const std::uint8_t* data, std::size_t size) {
  if (size < 19) return;
  std::string uscc;
  for (std::size_t i = 0; i < 17; ++i) uscc += kUsccAlphabet[data[i] % kUsccAlphabet.size()];
  const auto check = uscc_check_character(uscc);
  expect(check.has_value(), "17 USCC symbols have a check character", uscc);
  uscc += *check;
  expect(check_uscc(uscc).ok(), "a USCC completed with its check character is valid", uscc);
  const std::size_t at = data[17] % 18;
  const char other = kUsccAlphabet[data[18] % kUsccAlphabet.size()];
  if (other == uscc[at]) return;
  std::string changed = uscc;
  changed[at] = other;
  const CheckResult result = check_uscc(changed);
  expect(!result.ok() && result.failure->reason == Reason::CheckCharacter,
         "one USCC symbol changed fails on the check character", changed);
}

void resident_id_check_character_detects_substitutions(const std::uint8_t* data, std::size_t size) {
  if (size < 19) return;
  // A real birth date, so that the check character is what decides.
  std::string id = "110105";
  const unsigned year = 1900 + data[0] % 120, month = 1 + data[1] % 12, day = 1 + data[2] % 28;
  id += std::to_string(year) + (month < 10 ? "0" : "") + std::to_string(month) + (day < 10 ? "0" : "") + std::to_string(day);
  for (std::size_t i = 3; i < 6; ++i) id += static_cast<char>('0' + data[i] % 10);
  id += *resident_id_check_character(id);
  expect(check_resident_id(id).ok(), "17 digits with a real birth date and their check character are valid", id);
  const std::size_t at = data[17] % 18;
  const char other = static_cast<char>('0' + data[18] % 10);
  if (other == id[at] || (at >= 6 && at < 14)) return;  // a changed birth date may be no date at all
  std::string changed = id;
  changed[at] = other;
  const CheckResult result = check_resident_id(changed);
  expect(!result.ok() && result.failure->reason == Reason::CheckCharacter,
         "one digit of a resident ID number changed fails on the check character", changed);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  valid_forms(text);
  uscc_check_character_detects_substitutions(data, size);
  resident_id_check_character_detects_substitutions(data, size);
  return 0;
}
