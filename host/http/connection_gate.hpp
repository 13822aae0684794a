#pragma once
// How many connections are open, in all and per client address, and whether one more may be.
// Used from the server's one I/O thread only, so it takes no lock.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cahub::http {

class ConnectionGate {
 public:
  ConnectionGate(std::size_t max_total, std::size_t max_per_address)
      : max_total_(max_total), max_per_address_(max_per_address) {}

  // "" when `address` may open one more (it is then counted), or why not: "server_full",
  // "address_full".
  std::string_view admit(const std::string& address);
  void release(const std::string& address);

  std::size_t open() const { return open_; }
  std::size_t open_from(const std::string& address) const;

 private:
  std::size_t max_total_;
  std::size_t max_per_address_;
  std::size_t open_ = 0;
  std::unordered_map<std::string, std::size_t> by_address_;  // only addresses with one open
};

}  // namespace cahub::http
