#pragma once
// The allocator of every sandboxed lua_State: counts the bytes Lua holds and refuses to go past
// SandboxLimits::memory_bytes, so a script that builds an endless table fails with a memory error
// in its own state instead of taking the host's memory (HAProxy's tune.lua.maxmem, but per
// state). The bytes also come out of the process's LuaMemoryBudget, bounded by
// SandboxLimits::total_memory_bytes, so that all states together stay bounded too.

#include <cstddef>
#include <string>

#include "rules/lua_memory_budget.hpp"

struct lua_State;

namespace cahub::rules {

class MemoryCap {
 public:
  // Which limit refused the last allocation that failed.
  enum class Refusal { None, State, Process };

  // Bytes are taken from `budget` this many at a time (and given back when more than two such
  // chunks lie unused), so most allocations touch no shared counter.
  static constexpr std::size_t kReserveChunk = 64u << 10;

  MemoryCap(std::size_t limit_bytes, std::size_t total_limit_bytes, LuaMemoryBudget& budget = LuaMemoryBudget::process())
      : limit_(limit_bytes), total_limit_(total_limit_bytes), budget_(budget) {}
  // Gives back what is still reserved: call only after lua_close (then Lua holds nothing).
  ~MemoryCap();
  MemoryCap(const MemoryCap&) = delete;
  MemoryCap& operator=(const MemoryCap&) = delete;

  // The lua_Alloc given to lua_newstate, with `ud` = this MemoryCap.
  static void* allocate(void* ud, void* block, std::size_t old_size, std::size_t new_size) noexcept;

  std::size_t in_use() const { return in_use_; }
  std::size_t limit() const { return limit_; }
  std::size_t total_limit() const { return total_limit_; }
  // Taken from the process budget for this state: in_use() rounded up to chunks.
  std::size_t reserved() const { return reserved_; }
  Refusal last_refusal() const { return last_refusal_; }

  // Once the state is fully built, a refusal also records where the script was ("central.lua:7"),
  // because Lua raises memory errors without a position and without calling the message handler.
  void watch(lua_State* L) { state_ = L; }
  // Where the last refusal happened (empty when unknown), and forgets it.
  std::string take_refusal_site();
  void reset_refusal() {
    refusal_site_.clear();
    last_refusal_ = Refusal::None;
  }

 private:
  void note_refusal(Refusal why) noexcept;
  // Makes reserved_ at least `needed`, from the process budget; false when the budget is spent.
  bool reserve(std::size_t needed) noexcept;
  // Gives back what lies unused beyond two chunks.
  void settle() noexcept;

  std::size_t limit_;
  std::size_t total_limit_;
  LuaMemoryBudget& budget_;
  std::size_t in_use_ = 0;
  std::size_t reserved_ = 0;
  Refusal last_refusal_ = Refusal::None;
  std::string refusal_site_;
  lua_State* state_ = nullptr;
};

}  // namespace cahub::rules
