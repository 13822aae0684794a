#pragma once
// Failed sign-ins counted per login and per client address over a sliding window, so that
// guessing passwords through POST /v1/login is slow: after `failures_per_login` failures for one
// login within `window`, further attempts for it are refused without checking the password
// (which is what makes a guess cost the server 600,000 PBKDF2 iterations) until the oldest of
// those failures leaves the window. The same for one address across logins, with a higher
// threshold, because a service point's clerks share an address and one guesser tries many logins.
//
// In memory only: a restart forgets every count, and nothing needs unlocking by hand; a login is
// let through again once the window has passed. A successful sign-in clears its login's failures
// but not its address's, so knowing one password does not buy more guesses at the others.
//
// [thread-safe] Every member may be called from any worker thread at once.

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace cahub::staff {

struct SignInLimits {
  unsigned failures_per_login = 10;
  unsigned failures_per_address = 30;
  std::chrono::seconds window{60};
  // Logins and addresses tracked at once; past it the least recently failed is forgotten. Bounds
  // the memory a flood of made-up logins can take (each key holds at most its threshold's
  // timestamps): pushing out a login being guessed takes this many other failures, which the
  // address threshold spreads over hundreds of addresses a minute.
  std::size_t tracked_keys = 10'000;
};

class SignInThrottle {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  explicit SignInThrottle(SignInLimits limits, Clock clock = std::chrono::steady_clock::now);

  // An admitted attempt. It counts against its login and address while it is being decided, so
  // that attempts running at once cannot together pass the threshold; whichever of failed() or
  // succeeded() is called first decides it, and one decided by neither (the check itself broke:
  // a store error) is forgotten, not counted.
  class Attempt {
   public:
    Attempt(Attempt&& other) noexcept;
    Attempt& operator=(Attempt&&) = delete;
    ~Attempt();
    void failed();     // a wrong password or an unknown login
    void succeeded();  // clears the login's failures

   private:
    friend class SignInThrottle;
    Attempt(SignInThrottle* throttle, std::string login_key, std::string address_key);
    SignInThrottle* throttle_;  // null once decided or moved from
    std::string login_key_;
    std::string address_key_;
  };

  // Lets an attempt for `login` from `address` through; ThrottledError (TooManyRequests,
  // "sign_in_throttled") with the wait until one would be let through when either has used up
  // the window.
  Attempt admit(const std::string& login, const std::string& address);

  // Logins and addresses with failures or undecided attempts now (for tests of the bound).
  std::size_t tracked() const;

 private:
  struct Entry {
    std::deque<std::chrono::steady_clock::time_point> failures;  // in the window, oldest first
    unsigned undecided = 0;
    std::list<std::string>::iterator recency;
  };
  enum class Outcome { Failed, Succeeded, Forgotten };

  Entry& entry(const std::string& key);
  void prune(Entry& entry, std::chrono::steady_clock::time_point now) const;
  std::chrono::seconds wait_for(Entry& entry, unsigned limit, std::chrono::steady_clock::time_point now) const;
  void decide(const std::string& key, unsigned limit, Outcome outcome, std::chrono::steady_clock::time_point now);
  void decide(Attempt& attempt, Outcome outcome);
  void forget_idle(const std::string& key);
  void forget_beyond_bound();

  const SignInLimits limits_;
  const Clock clock_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> recency_;  // least recently touched first
};

}  // namespace cahub::staff
