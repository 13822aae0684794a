#include "rules/script_failure.hpp"

namespace cahub::rules {

std::string bounded_script_text(std::string text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  // The marker's own length depends on the count it shows; 40 bytes hold any size_t and the text.
  constexpr std::size_t kMarkerRoom = 40;
  std::size_t keep = max_bytes > kMarkerRoom ? max_bytes - kMarkerRoom : 0;
  while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;  // not inside a character
  const std::size_t dropped = text.size() - keep;
  text.resize(keep);
  text += " \u2026(" + std::to_string(dropped) + " more bytes)";
  return text;
}

}  // namespace cahub::rules
