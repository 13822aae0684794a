#pragma once
// Crossing the C boundary from the host's side: copying what a plugin hands over. Internal to
// host/plugins (not for other areas).

#include <cahub/plugin.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace cahub::plugins {

// A copy of a plugin's UTF-8 text; NULL becomes "", and bytes that are not valid UTF-8 become
// U+FFFD, so that a plugin's bad string can never break the JSON the host writes later.
std::string utf8_copy(const char* text);
std::string utf8_copy(const char* text, std::size_t length);

// A text sink (plugin.h) that appends to `text`. Never throws into the plugin: a failed append
// (out of memory) sets out_of_memory instead. The collector must outlive the call it is given to.
struct TextCollector {
  std::string text;
  bool out_of_memory = false;
  cahub_text_sink sink();
};

// "plugin bjca: <message>", or "plugin bjca: assess failed with status 5 (internal error)" when
// the plugin wrote no message.
std::string call_failure(std::string_view id, std::string_view call, cahub_status status, const TextCollector& error);

}  // namespace cahub::plugins
