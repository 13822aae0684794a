#include "staff/sign_in_guard.hpp"

namespace cahub::staff {

Session SignInGuard::sign_in(StaffDirectory& directory, const std::string& login, const std::string& password,
                             const std::string& address, std::chrono::minutes lifetime) {
  // The throttle first: a refused guess costs neither a hash nor a wait for a turn.
  SignInThrottle::Attempt attempt = throttle_.admit(login, address);
  StaffMember member;
  {
    const PasswordCheckTurns::Turn turn = turns_.take();
    try {
      member = directory.authenticate(login, password);
    } catch (const StaffError& e) {
      if (e.code() == "bad_credentials") attempt.failed();
      throw;
    }
  }
  // The turn bounds the hash, not the write: a session insert waiting on the store's write lock
  // holds no turn another sign-in needs.
  Session session = directory.open_session(member, lifetime);
  attempt.succeeded();
  return session;
}

}  // namespace cahub::staff
