#include "rules/memory_cap.hpp"

#include <cstdlib>

#include <lua.hpp>

namespace cahub::rules {

MemoryCap::~MemoryCap() { budget_.give_back(reserved_); }

void* MemoryCap::allocate(void* ud, void* block, std::size_t old_size, std::size_t new_size) noexcept {
  auto* cap = static_cast<MemoryCap*>(ud);
  // For a new block Lua passes the kind of object in old_size, not a size.
  const std::size_t held = block ? old_size : 0;
  if (new_size == 0) {
    std::free(block);
    cap->in_use_ -= held;
    cap->settle();
    return nullptr;
  }
  // Lua assumes shrinking never fails, so only growth is weighed against the limits.
  if (new_size > held) {
    if (new_size - held > cap->limit_ - cap->in_use_) {
      cap->note_refusal(Refusal::State);
      return nullptr;
    }
    if (!cap->reserve(cap->in_use_ + (new_size - held))) {
      cap->note_refusal(Refusal::Process);
      return nullptr;
    }
  }
  void* grown = std::realloc(block, new_size);
  if (!grown) return nullptr;  // the process itself is out of memory: Lua raises a memory error
  cap->in_use_ = cap->in_use_ - held + new_size;
  if (new_size < held) cap->settle();
  return grown;
}

bool MemoryCap::reserve(std::size_t needed) noexcept {
  if (needed <= reserved_) return true;
  const std::size_t rounded = (needed + kReserveChunk - 1) / kReserveChunk * kReserveChunk;
  if (budget_.take(rounded - reserved_, total_limit_)) {
    reserved_ = rounded;
    return true;
  }
  // Near the end of the budget a whole chunk may not fit where the bytes asked for do.
  if (!budget_.take(needed - reserved_, total_limit_)) return false;
  reserved_ = needed;
  return true;
}

void MemoryCap::settle() noexcept {
  if (reserved_ - in_use_ <= 2 * kReserveChunk) return;
  const std::size_t keep = (in_use_ + kReserveChunk - 1) / kReserveChunk * kReserveChunk + kReserveChunk;
  budget_.give_back(reserved_ - keep);
  reserved_ = keep;
}

void MemoryCap::note_refusal(Refusal why) noexcept {
  last_refusal_ = why;
  if (!state_) return;
  // Only reads the call-info chain and line tables; it allocates nothing inside the state.
  lua_Debug ar;
  for (int level = 0; lua_getstack(state_, level, &ar); ++level) {
    if (!lua_getinfo(state_, "Sl", &ar) || ar.currentline <= 0) continue;
    try {
      refusal_site_ = std::string(ar.short_src) + ":" + std::to_string(ar.currentline);
    } catch (...) {
      refusal_site_.clear();
    }
    return;
  }
}

std::string MemoryCap::take_refusal_site() {
  std::string site = std::move(refusal_site_);
  refusal_site_.clear();
  return site;
}

}  // namespace cahub::rules
