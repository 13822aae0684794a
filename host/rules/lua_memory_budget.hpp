#pragma once
// What every sandboxed Lua state of the process holds together. Each state is capped on its own
// (SandboxLimits::memory_bytes), but a state is made per script and per worker thread, so N
// scripts x M workers x the per-state cap is no bound at all (the issue saw 195 MB). Every
// MemoryCap takes its bytes from this one budget, bounded by SandboxLimits::total_memory_bytes
// ([rules] total_memory_bytes); past it an allocation fails and Lua raises a memory error in the
// script that asked, which fails that load or that request alone.
//
// Threading: take and give_back are lock-free and safe from any thread. A MemoryCap takes bytes
// in chunks (MemoryCap::kReserveChunk), not per allocation, so the shared counter is touched
// rarely; the budget may thus be reached up to one chunk per state early.

#include <atomic>
#include <cstddef>

namespace cahub::rules {

class LuaMemoryBudget {
 public:
  // The process's budget, shared by every state.
  static LuaMemoryBudget& process();

  LuaMemoryBudget() = default;
  LuaMemoryBudget(const LuaMemoryBudget&) = delete;
  LuaMemoryBudget& operator=(const LuaMemoryBudget&) = delete;

  // Takes `bytes` unless the total taken would pass `limit`; false (and nothing taken) then.
  bool take(std::size_t bytes, std::size_t limit) noexcept;
  // Returns bytes taken earlier.
  void give_back(std::size_t bytes) noexcept;
  // What all states hold now, in bytes (reserved, so at least what Lua uses).
  std::size_t taken() const noexcept { return taken_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::size_t> taken_{0};
};

}  // namespace cahub::rules
