#pragma once
// The checks that need the whole script, made after its top level ran: exactly one region{}
// whose id is the file name; selectors and `when` tables naming only businesses, channels,
// applicants and years that region{} lists; validity only for businesses that issue a
// certificate; no duplicate entries.

#include <string_view>

#include "rules/declaration_reader.hpp"

namespace cahub::rules {

// Appends findings to `declared.findings`. `expected_id` is the file name without ".lua"; empty
// when any id will do (a version of a script kept under another name).
void check_whole_script(ScriptDeclarations& declared, std::string_view expected_id);

}  // namespace cahub::rules
