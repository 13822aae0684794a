// The capping allocator: exact accounting through malloc, realloc and free, refusal past the
// limit, and shrinking never refused (Lua assumes it cannot fail).
#include <catch2/catch.hpp>

#include "rules/memory_cap.hpp"

using cahub::rules::MemoryCap;

TEST_CASE("the memory cap counts exactly what Lua holds") {
  MemoryCap cap(1000);
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
  MemoryCap cap(1000);
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
