#pragma once
// Runs the real `cahub` binary for integration tests: a command to completion with its output
// and exit code, or `cahub serve` in the background for as long as a test needs it.

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace cahub::testing {

struct RunResult {
  int exit_code = -1;  // 128+N when killed by signal N
  std::string out;
  std::string err;
};

// Runs `program args...` and waits (at most `timeout`, then SIGKILL and a failed result).
// `input` is written to its stdin (else it reads /dev/null); keep it under the pipe buffer (64 KiB).
RunResult run(const std::string& program, const std::vector<std::string>& args,
              std::chrono::seconds timeout = std::chrono::seconds(60), const std::string& input = {});

// `cahub serve --port 0 ...` in the background. The constructor waits for the
// "listening on http://HOST:PORT" line; the destructor stops it with SIGTERM.
class ServerProcess {
 public:
  ServerProcess(const std::string& program, std::vector<std::string> args);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends SIGTERM and waits; returns the exit code (128+N when killed by signal N).
  int stop();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  int stdout_fd_ = -1;
  bool stopped_ = false;
  int exit_code_ = -1;
};

}  // namespace cahub::testing
