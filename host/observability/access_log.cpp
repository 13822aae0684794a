#include "observability/access_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "observability/utc_timestamp.hpp"

namespace cahub::observability {
namespace {

// The path without its query string (and a fragment, which a client should not send but
// might): a query can carry a person's name or resident ID number, which must not end up in a
// log kept for months and shipped elsewhere.
std::string_view path_only(std::string_view target) {
  return target.substr(0, target.find_first_of("?#"));
}

// Milliseconds rounded to the microsecond: a double whose shortest form has at most 3 decimals.
double duration_ms(std::chrono::nanoseconds duration) {
  const std::int64_t ns = std::max<std::int64_t>(duration.count(), 0);
  return static_cast<double>((ns + 500) / 1000) / 1000.0;
}

}  // namespace

std::string access_log_line(const AccessRecord& r) {
  nlohmann::ordered_json line;  // ordered: every line reads in the same order, time first
  line["time"] = utc_timestamp(r.time);
  line["remote"] = r.remote;
  line["method"] = r.method;
  line["route"] = r.route.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.route);
  line["path"] = path_only(r.path);
  line["status"] = r.status;
  line["bytes_in"] = r.bytes_in;
  line["bytes_out"] = r.bytes_out;
  line["duration_ms"] = duration_ms(r.duration);
  line["request_id"] = r.request_id;
  line["staff"] = r.staff ? nlohmann::ordered_json(*r.staff) : nlohmann::ordered_json();
  // replace: ill-formed UTF-8 from a client becomes U+FFFD instead of an exception; control
  // characters are escaped by dump() itself, so a line never breaks in two.
  return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

AccessLog::AccessLog(const std::filesystem::path& file)
    : fd_(::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600)), owns_fd_(true) {
  if (fd_ < 0) {
    throw std::system_error(errno, std::generic_category(),
                            "cannot open the access log " + file.string());
  }
}

AccessLog::AccessLog(StandardError) : fd_(STDERR_FILENO), owns_fd_(false) {}

AccessLog::~AccessLog() {
  if (owns_fd_) ::close(fd_);
}

bool AccessLog::write_all(std::string_view line, int& error) {
  // One write(2) carries the whole line; the loop only finishes a write a signal or a nearly
  // full disk cut short, still under the mutex, so no other line gets in between.
  while (!line.empty()) {
    const ssize_t written = ::write(fd_, line.data(), line.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      error = written < 0 ? errno : ENOSPC;
      return false;
    }
    line.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

void AccessLog::append(const AccessRecord& record) noexcept {
  int error = 0;
  try {
    std::string line = access_log_line(record);  // formatted outside the lock
    line += '\n';
    const std::lock_guard lock(mutex_);
    if (write_all(line, error)) return;
  } catch (const std::exception&) {
    error = ENOMEM;  // bad_alloc, or a mutex that could not be locked
  }
  if (lost_.fetch_add(1) == 0) {
    try {
      spdlog::error("access log: a line could not be written ({}); further losses are only counted",
                    std::generic_category().message(error));
    } catch (...) {
    }
  }
}

}  // namespace cahub::observability
