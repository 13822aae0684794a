#pragma once
// "did you mean 'fee'?": the closest known name to a misspelt one, for messages that
// administrators read.

#include <string>
#include <string_view>
#include <vector>

namespace cahub::rules {

// The candidate nearest to `word` by edit distance if it is close enough to be a likely typo
// (at most 2 edits, and fewer than half the word), else empty.
std::string closest_name(std::string_view word, const std::vector<std::string_view>& candidates);

// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace cahub::rules
