#pragma once
// Text that reaches a scraper or a log reader must be valid UTF-8 whatever bytes a client sent:
// a Prometheus server rejects the whole scrape on one bad byte, and a JSON parser the whole line.

#include <string>
#include <string_view>

namespace cahub::observability {

// `bytes` with every ill-formed sequence replaced by U+FFFD, one per maximal ill-formed subpart
// (the Unicode standard's recommended practice), so "\xE2\x82" becomes one U+FFFD, not two.
std::string repair_utf8(std::string_view bytes);

}  // namespace cahub::observability
