#pragma once
// How many password checks run at once. A check is 600,000 PBKDF2 iterations, about half a
// second of one core, on a worker thread that quotes and orders need too: without a bound, a
// handful of clients sending sign-ins hold every worker and the service point stops answering.
//
// `checks` run at once; up to `queued` more wait for a turn, each at most `patience` (two clerks
// signing in at the same moment as two others wait half a second instead of being refused). Past
// that a sign-in is refused at once as `sign_in_busy`. A waiting sign-in holds its worker thread
// too, so `checks + queued` is what a sign-in flood can take of the workers: below
// `server.threads`, the rest keep answering (the defaults, 2 + 1 of 4, leave one).
//
// [thread-safe] take() may be called from any worker thread at once.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <utility>

namespace cahub::staff {

struct PasswordCheckLimits {
  unsigned checks = 2;
  unsigned queued = 1;
  std::chrono::milliseconds patience{2000};
};

class PasswordCheckTurns {
 public:
  explicit PasswordCheckTurns(PasswordCheckLimits limits) : limits_(limits) {}

  // A turn, given back when it is destroyed.
  class Turn {
   public:
    Turn(Turn&& other) noexcept : turns_(std::exchange(other.turns_, nullptr)) {}
    Turn& operator=(Turn&&) = delete;
    ~Turn();

   private:
    friend class PasswordCheckTurns;
    explicit Turn(PasswordCheckTurns* turns) : turns_(turns) {}
    PasswordCheckTurns* turns_;
  };

  // A turn to check a password; ThrottledError (Unavailable, "sign_in_busy", retry after 1 s)
  // when every turn and waiting place is taken, or no turn came free within the patience.
  Turn take();

  // Checks running now (for tests).
  unsigned running() const;

 private:
  void give_back();

  const PasswordCheckLimits limits_;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  unsigned running_ = 0;
  unsigned waiting_ = 0;
};

}  // namespace cahub::staff
