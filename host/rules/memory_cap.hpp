#pragma once
// The allocator of every sandboxed lua_State: counts the bytes Lua holds and refuses to go past
// SandboxLimits::memory_bytes, so a script that builds an endless table fails with a memory error
// in its own state instead of taking the host's memory (HAProxy's tune.lua.maxmem, but per state).

#include <cstddef>
#include <string>

struct lua_State;

namespace cahub::rules {

class MemoryCap {
 public:
  explicit MemoryCap(std::size_t limit_bytes) : limit_(limit_bytes) {}
  MemoryCap(const MemoryCap&) = delete;
  MemoryCap& operator=(const MemoryCap&) = delete;

  // The lua_Alloc given to lua_newstate, with `ud` = this MemoryCap.
  static void* allocate(void* ud, void* block, std::size_t old_size, std::size_t new_size) noexcept;

  std::size_t in_use() const { return in_use_; }
  std::size_t limit() const { return limit_; }

  // Once the state is fully built, a refusal also records where the script was ("central.lua:7"),
  // because Lua raises memory errors without a position and without calling the message handler.
  void watch(lua_State* L) { state_ = L; }
  // Where the last refusal happened (empty when unknown), and forgets it.
  std::string take_refusal_site();
  void reset_refusal() { refusal_site_.clear(); }

 private:
  void note_refusal() noexcept;

  std::size_t limit_;
  std::size_t in_use_ = 0;
  std::string refusal_site_;
  lua_State* state_ = nullptr;
};

}  // namespace cahub::rules
