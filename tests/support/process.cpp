#include "support/process.hpp"

#include <sys/prctl.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace cahub::testing {
namespace {

std::vector<char*> argv_of(const std::string& program, std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  return argv;
}

int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

pid_t spawn(const std::string& program, std::vector<std::string> args, int out_fd, int err_fd, int in_fd = -1) {
  std::vector<char*> argv = argv_of(program, args);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    // A test that dies (a failed REQUIRE in a helper thread, a signal) takes its servers with it,
    // rather than leaving them to hold ports and files for the rest of the run.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    dup2(out_fd, STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    const int in = in_fd >= 0 ? in_fd : open("/dev/null", O_RDONLY);
    dup2(in, STDIN_FILENO);
    execvp(program.c_str(), argv.data());  // a bare name ("openssl") is looked up on PATH
    _exit(127);
  }
  return pid;
}

}  // namespace

RunResult run(const std::string& program, const std::vector<std::string>& args, std::chrono::seconds timeout,
              const std::string& input) {
  // Close-on-exec, so the child keeps only what dup2 gives it: were it to inherit the write end of
  // its own stdin, it would never see end-of-file.
  int out_pipe[2], err_pipe[2], in_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0 || pipe2(in_pipe, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe failed");
  const pid_t pid = spawn(program, args, out_pipe[1], err_pipe[1], in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  close(in_pipe[0]);
  // Small inputs only (a password, a JSON request): they fit the pipe buffer, so no deadlock.
  if (!input.empty() && write(in_pipe[1], input.data(), input.size()) < 0) {
  }
  close(in_pipe[1]);

  RunResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int open_fds = 2;
  bool timed_out = false;
  while (open_fds > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    if (poll(fds, 2, static_cast<int>(left.count())) < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[65536];
      const ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  if (timed_out) kill(pid, SIGKILL);
  for (auto& f : fds)
    if (f.fd >= 0) close(f.fd);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = timed_out ? -1 : exit_code_of(status);
  return result;
}

ServerProcess::ServerProcess(const std::string& program, std::vector<std::string> args) {
  int out_pipe[2];
  if (pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  // The server's log goes to the test's stderr, where ctest --output-on-failure shows it.
  pid_ = spawn(program, std::move(args), out_pipe[1], STDERR_FILENO);
  close(out_pipe[1]);
  stdout_fd_ = out_pipe[0];

  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (line.find('\n') == std::string::npos) {
    pollfd fd{stdout_fd_, POLLIN, 0};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || poll(&fd, 1, static_cast<int>(left.count())) <= 0) break;
    char c[256];
    const ssize_t n = read(stdout_fd_, c, sizeof c);
    if (n <= 0) break;
    line.append(c, static_cast<std::size_t>(n));
  }
  const auto colon = line.rfind(':');
  if (line.rfind("listening on http://", 0) != 0 || colon == std::string::npos) {
    stop();
    throw std::runtime_error("cahub serve did not start; it printed: " + line);
  }
  port_ = std::stoi(line.substr(colon + 1));
}

int ServerProcess::stop() {
  if (stopped_) return exit_code_;
  stopped_ = true;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  if (stdout_fd_ >= 0) close(stdout_fd_);
  exit_code_ = exit_code_of(status);
  return exit_code_;
}

ServerProcess::~ServerProcess() { stop(); }

}  // namespace cahub::testing
