#pragma once
// Money is integer fen (1 CNY = 100 fen) everywhere: in scripts, quotes, the store and the API.

#include <cstdint>
#include <string>

namespace cahub {

using Fen = std::int64_t;

// "260.00" for 26000 fen; for people, never parsed back.
std::string format_cny(Fen amount);

}  // namespace cahub
