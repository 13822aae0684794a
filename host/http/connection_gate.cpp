#include "http/connection_gate.hpp"

namespace cahub::http {

std::string_view ConnectionGate::admit(const std::string& address) {
  if (open_ >= max_total_) return "server_full";
  std::size_t& mine = by_address_[address];
  if (mine >= max_per_address_) return "address_full";
  ++mine;
  ++open_;
  return {};
}

void ConnectionGate::release(const std::string& address) {
  const auto it = by_address_.find(address);
  if (it == by_address_.end()) return;
  --open_;
  // Forgotten at zero, so the map holds only the addresses with a connection open: bounded by
  // max_total, whatever the number of addresses that ever connected.
  if (--it->second == 0) by_address_.erase(it);
}

std::size_t ConnectionGate::open_from(const std::string& address) const {
  const auto it = by_address_.find(address);
  return it == by_address_.end() ? 0 : it->second;
}

}  // namespace cahub::http
