// The capping allocator: exact accounting through malloc, realloc and free, refusal past the
// limit, and shrinking never refused (Lua assumes it cannot fail).
#include <catch2/catch.hpp>

#include "rules/memory_cap.hpp"

using cahub::rules::LuaMemoryBudget;
using cahub::rules::MemoryCap;

TEST_CASE("the memory cap counts exactly what Lua holds") {
  LuaMemoryBudget budget;
  MemoryCap cap(1000, 1u << 30, budget);
  void* a = MemoryCap::allocate(&cap, nullptr, 5 /* a type tag, not a size */, 100);
  REQUIRE(a);
  CHECK(cap.in_use() == 100);
  void* b = MemoryCap::allocate(&cap, nullptr, 0, 300);
  REQUIRE(b);
  CHECK(cap.in_use() == 400);
  a = MemoryCap::allocate(&cap, a, 100, 250);  // grow
  REQUIRE(a);
  CHECK(cap.in_use() == 550);
  a = MemoryCap::allocate(&cap, a, 250, 50);  // shrink
  REQUIRE(a);
  CHECK(cap.in_use() == 350);
  CHECK(MemoryCap::allocate(&cap, b, 300, 0) == nullptr);  // free
  CHECK(cap.in_use() == 50);
  CHECK(MemoryCap::allocate(&cap, a, 50, 0) == nullptr);
  CHECK(cap.in_use() == 0);
}

TEST_CASE("the memory cap refuses growth past the limit but never a shrink") {
  LuaMemoryBudget budget;
  MemoryCap cap(1000, 1u << 30, budget);
  void* a = MemoryCap::allocate(&cap, nullptr, 0, 900);
  REQUIRE(a);
  CHECK(MemoryCap::allocate(&cap, nullptr, 0, 101) == nullptr);  // 1001 > 1000
  CHECK(cap.in_use() == 900);
  void* b = MemoryCap::allocate(&cap, nullptr, 0, 100);  // exactly at the limit
  REQUIRE(b);
  CHECK(cap.in_use() == 1000);
  CHECK(MemoryCap::allocate(&cap, a, 900, 901) == nullptr);  // growth refused, block kept
  CHECK(cap.in_use() == 1000);
  a = MemoryCap::allocate(&cap, a, 900, 10);
  REQUIRE(a);
  CHECK(cap.in_use() == 110);
  MemoryCap::allocate(&cap, a, 10, 0);
  MemoryCap::allocate(&cap, b, 100, 0);
  CHECK(cap.in_use() == 0);
}

TEST_CASE("the process budget refuses what would pass its limit and takes nothing then") {
  LuaMemoryBudget budget;
  CHECK(budget.take(10, 15));
  CHECK_FALSE(budget.take(6, 15));
  CHECK(budget.taken() == 10);
  CHECK(budget.take(5, 15));
  CHECK_FALSE(budget.take(SIZE_MAX, SIZE_MAX));  // no wrap-around
  budget.give_back(15);
  CHECK(budget.taken() == 0);
}

TEST_CASE("a cap takes its bytes from the budget in chunks and gives them all back") {
  LuaMemoryBudget budget;
  {
    MemoryCap cap(1u << 20, 1u << 30, budget);
    void* a = MemoryCap::allocate(&cap, nullptr, 0, 100);
    REQUIRE(a);
    CHECK(budget.taken() == MemoryCap::kReserveChunk);  // one chunk, not per allocation
    void* big = MemoryCap::allocate(&cap, nullptr, 0, 500'000);
    REQUIRE(big);
    CHECK(budget.taken() >= 500'100);
    CHECK(budget.taken() < 500'100 + MemoryCap::kReserveChunk);
    MemoryCap::allocate(&cap, big, 500'000, 0);  // freed: all but a little goes back
    CHECK(budget.taken() <= 3 * MemoryCap::kReserveChunk);
    MemoryCap::allocate(&cap, a, 100, 0);
  }
  CHECK(budget.taken() == 0);
}

TEST_CASE("two caps together cannot pass the total, each within its own limit") {
  LuaMemoryBudget budget;
  MemoryCap first(1000, 1500, budget);
  MemoryCap second(1000, 1500, budget);
  void* a = MemoryCap::allocate(&first, nullptr, 0, 900);
  REQUIRE(a);
  CHECK(MemoryCap::allocate(&second, nullptr, 0, 900) == nullptr);  // 1800 > 1500 in all
  CHECK(second.last_refusal() == MemoryCap::Refusal::Process);
  CHECK(second.in_use() == 0);
  void* b = MemoryCap::allocate(&second, nullptr, 0, 600);
  REQUIRE(b);
  CHECK(MemoryCap::allocate(&first, nullptr, 0, 200) == nullptr);  // per state: 1100 > 1000
  CHECK(first.last_refusal() == MemoryCap::Refusal::State);
  MemoryCap::allocate(&first, a, 900, 0);
  MemoryCap::allocate(&second, b, 600, 0);
}
