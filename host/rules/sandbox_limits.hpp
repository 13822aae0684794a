#pragma once
// How much one script may cost. A runaway script is stopped with a clear error; the host goes on.

#include <cstddef>
#include <cstdint>

namespace cahub::rules {

struct SandboxLimits {
  std::uint64_t instructions_per_call = 1'000'000;  // VM instructions per script call
  std::size_t memory_bytes = 16u << 20;             // the lua_State's whole heap
  // Every sandboxed state of the process together (lua_memory_budget.hpp): a state is made per
  // script and per worker thread, so the per-state cap alone does not bound the process.
  // 256 MiB holds 16 full states, or hundreds of the ~200 KiB that a real region script's
  // state takes; past it a load or a request fails with a memory error, the host goes on.
  std::size_t total_memory_bytes = 256u << 20;
  // A backstop for what the instruction count cannot see: a single instruction may copy a
  // string of several MiB (`s .. s`), so a loop of such instructions can run for minutes well
  // inside the instruction budget. Checked every 1,000 instructions (see instruction_budget.hpp).
  std::uint32_t milliseconds_per_call = 1'000;
};

}  // namespace cahub::rules
