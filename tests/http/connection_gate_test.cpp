// The caps on open connections, in all and per address.
#include <catch2/catch.hpp>

#include "http/connection_gate.hpp"

using cahub::http::ConnectionGate;

TEST_CASE("an address is refused at its cap and admitted again once one of its connections closes") {
  ConnectionGate gate(10, 2);
  CHECK(gate.admit("10.0.0.1").empty());
  CHECK(gate.admit("10.0.0.1").empty());
  CHECK(gate.admit("10.0.0.1") == "address_full");
  CHECK(gate.admit("10.0.0.2").empty());  // another address is not held back
  CHECK(gate.open() == 3);
  gate.release("10.0.0.1");
  CHECK(gate.admit("10.0.0.1").empty());
  CHECK(gate.open_from("10.0.0.1") == 2);
}

TEST_CASE("the server is refused at its total cap, and releases leave no trace of an address") {
  ConnectionGate gate(3, 3);
  for (const char* a : {"a", "b", "c"}) CHECK(gate.admit(a).empty());
  CHECK(gate.admit("d") == "server_full");
  CHECK(gate.open_from("d") == 0);
  for (const char* a : {"a", "b", "c"}) gate.release(a);
  CHECK(gate.open() == 0);
  gate.release("never-admitted");  // a stray release changes nothing
  CHECK(gate.open() == 0);
  CHECK(gate.admit("d").empty());
}
