#pragma once
// A sign-in as the HTTP front runs it: counted per login and address (sign_in_throttle.hpp),
// then a turn to check the password (password_check_turns.hpp), then the check and the session.
// Kept out of the HTTP layer so that it stays the same whatever server library answers.
//
// [thread-safe] sign_in() may be called from any worker thread at once, each with its own
// directory (its own connection).

#include <chrono>
#include <string>

#include "staff/password_check_turns.hpp"
#include "staff/sign_in_throttle.hpp"
#include "staff/staff_directory.hpp"

namespace cahub::staff {

class SignInGuard {
 public:
  SignInGuard(SignInLimits limits, PasswordCheckLimits checks,
              SignInThrottle::Clock clock = std::chrono::steady_clock::now)
      : throttle_(limits, std::move(clock)), turns_(checks) {}

  // The session StaffDirectory::sign_in would open, or: ThrottledError "sign_in_throttled" (429)
  // before any check when the login or `address` has too many recent failures; "sign_in_busy"
  // (503) when no turn to check comes free; StaffError "bad_credentials" (401), counted.
  Session sign_in(StaffDirectory& directory, const std::string& login, const std::string& password,
                  const std::string& address, std::chrono::minutes lifetime);

 private:
  SignInThrottle throttle_;
  PasswordCheckTurns turns_;
};

}  // namespace cahub::staff
