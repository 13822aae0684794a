#pragma once
// The access log: one JSON object per answered request, one request per line, so that any log
// tool (jq, Loki, Elasticsearch) reads it without a grammar of its own.
//
//   {"time":"2024-05-01T08:30:05.123Z","remote":"10.0.0.7","method":"GET",
//    "route":"/v1/orders/{id}","path":"/v1/orders/A-17","status":200,"bytes_in":0,
//    "bytes_out":512,"duration_ms":1.234,"request_id":"…","staff":"wang.li"}
//
// What it leaves out, on purpose: the query string (a search by name or resident ID number
// would put a person's data into a file kept for months and copied to other systems), headers
// and bodies (session tokens, personal data). What it writes comes from clients, so every
// field is escaped as JSON and ill-formed UTF-8 is replaced by U+FFFD: a line always parses.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace cahub::observability {

struct AccessRecord {
  std::chrono::system_clock::time_point time;  // when the request arrived, read by the caller
  std::string remote;                          // the client's address as the server saw it
  std::string method;
  std::string route;  // the matched route pattern; empty if none matched (logged as null)
  std::string path;   // the request target; anything from '?' or '#' on is not logged
  int status = 0;
  std::uint64_t bytes_in = 0;   // request body bytes read
  std::uint64_t bytes_out = 0;  // answer body bytes sent
  std::chrono::nanoseconds duration{0};
  std::string request_id;
  std::optional<std::string> staff;  // the signed-in staff member's login, if any (else null)
};

// The record as one JSON object, keys in the order above, without a line feed. duration_ms is
// milliseconds rounded to the microsecond (at most 3 decimals).
std::string access_log_line(const AccessRecord& record);

// Appends access_log_line()s to a file or to standard error. Each line goes out in one write(2)
// under a mutex, and a file is opened O_APPEND, so lines from many threads never interleave
// (nor, on a local file system, with another process appending to the same file).
class AccessLog {
 public:
  struct StandardError {};

  // Opens `file` for appending, creating it with mode 0600 (staff logins and client addresses
  // are for the operator only). An existing file keeps its mode: the operator may have widened
  // it for a log shipper on purpose. Throws std::system_error if it cannot be opened.
  explicit AccessLog(const std::filesystem::path& file);
  // Writes to standard error (under a service manager, the journal).
  explicit AccessLog(StandardError);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // Formats and writes one line. Never throws: a full disk must not fail the request being
  // logged. A line that could not be written is counted in lost_lines(), and the first loss is
  // reported through spdlog. [thread-safe]
  void append(const AccessRecord& record) noexcept;

  std::uint64_t lost_lines() const { return lost_.load(); }

 private:
  bool write_all(std::string_view line, int& error);  // under mutex_

  int fd_;
  bool owns_fd_;
  std::mutex mutex_;
  std::atomic<std::uint64_t> lost_{0};
};

}  // namespace cahub::observability
