#include "audit/checkpoint_log.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "audit/audit_error.hpp"

namespace cahub::audit {
namespace {

// A checkpoint line is about 330 bytes; the last one is within this many of the end.
constexpr std::streamoff kTail = 4096;

}  // namespace

void CheckpointLog::append(const Checkpoint& c) const {
  const std::string line = to_json_line(c) + "\n";
  const int fd = ::open(file_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    throw AuditAnchorError("checkpoint_file_unwritable", "cannot open " + file_.string() + ": " + std::strerror(errno));
  // One write() of one line with O_APPEND: two writers (a server and `cahub audit checkpoint`)
  // never interleave inside a line.
  struct stat st {};
  const bool ok = ::fstat(fd, &st) == 0 && (st.st_size > 0 || ::fchmod(fd, 0600) == 0) &&
                  ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!ok)
    throw AuditAnchorError("checkpoint_file_unwritable", "cannot append to " + file_.string() + ": " + std::strerror(error));
}

std::vector<CheckpointLog::Line> CheckpointLog::lines() const {
  std::ifstream in(file_);
  if (!in)
    throw AuditAnchorError("checkpoint_file_unreadable", "cannot read the checkpoint file " + file_.string() + ": " +
                                                             std::strerror(errno));
  std::vector<Line> out;
  std::string text;
  for (std::size_t number = 1; std::getline(in, text); ++number)
    if (!text.empty()) out.push_back({number, text});
  return out;
}

std::optional<Checkpoint> CheckpointLog::newest() const {
  std::ifstream in(file_, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  const std::streamoff size = in.tellg();
  const std::streamoff from = size > kTail ? size - kTail : 0;
  in.seekg(from);
  std::string tail(static_cast<std::size_t>(size - from), '\0');
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  while (!tail.empty() && tail.back() == '\n') tail.pop_back();
  if (tail.empty()) return std::nullopt;
  const auto start = tail.rfind('\n');
  try {
    return parse_checkpoint_line(start == std::string::npos ? tail : tail.substr(start + 1));
  } catch (const AuditAnchorError&) {
    return std::nullopt;
  }
}

}  // namespace cahub::audit
