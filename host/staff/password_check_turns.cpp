#include "staff/password_check_turns.hpp"

#include "domain/coded_error.hpp"

namespace cahub::staff {
namespace {

[[noreturn]] void refuse_busy() {
  throw ThrottledError(ErrorKind::Unavailable, "sign_in_busy",
                       "the server is checking as many passwords as it may at once; sign in again in a second",
                       std::chrono::seconds(1));
}

}  // namespace

PasswordCheckTurns::Turn::~Turn() {
  if (turns_) turns_->give_back();
}

PasswordCheckTurns::Turn PasswordCheckTurns::take() {
  std::unique_lock lock(mutex_);
  if (running_ < limits_.checks) {
    ++running_;
    return Turn(this);
  }
  if (waiting_ >= limits_.queued) refuse_busy();
  ++waiting_;
  const bool got = freed_.wait_for(lock, limits_.patience, [this] { return running_ < limits_.checks; });
  --waiting_;
  if (!got) refuse_busy();
  ++running_;
  return Turn(this);
}

unsigned PasswordCheckTurns::running() const {
  const std::lock_guard lock(mutex_);
  return running_;
}

void PasswordCheckTurns::give_back() {
  {
    const std::lock_guard lock(mutex_);
    --running_;
  }
  freed_.notify_one();
}

}  // namespace cahub::staff
