#pragma once
// How much one script may cost. A runaway script is stopped with a clear error; the host goes on.

#include <cstddef>
#include <cstdint>

namespace cahub::rules {

struct SandboxLimits {
  std::uint64_t instructions_per_call = 1'000'000;  // VM instructions per script call
  std::size_t memory_bytes = 16u << 20;             // the lua_State's whole heap
};

}  // namespace cahub::rules
