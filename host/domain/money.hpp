#pragma once
// Money is integer fen (1 CNY = 100 fen) everywhere: in scripts, quotes, the store and the API.

#include <cstdint>
#include <string>

namespace cahub {

using Fen = std::int64_t;

// The most an order may total, be paid or be priced at: 100,000.00 CNY. The dearest fee line the
// five sources publish is 850.00 CNY (rules/*.lua) and an order has a handful of lines, so an
// amount near the ceiling is a typing error, not a price; and it stays far below 2^53, so every
// JSON client (a browser's Number included) reads it exactly.
constexpr Fen kOrderCeilingFen = 10'000'000;

// "260.00" for 26000 fen; for people, never parsed back.
std::string format_cny(Fen amount);

}  // namespace cahub
