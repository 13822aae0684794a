#include "staff/sign_in_throttle.hpp"

#include <algorithm>
#include <utility>

#include "domain/coded_error.hpp"

namespace cahub::staff {
namespace {

using std::chrono::seconds;
using std::chrono::steady_clock;

// Logins and addresses share one table and one bound; the prefix keeps a login called
// "127.0.0.1" apart from that address.
std::string login_key(const std::string& login) { return "login " + login; }
std::string address_key(const std::string& address) { return "address " + address; }

}  // namespace

SignInThrottle::Attempt::Attempt(SignInThrottle* throttle, std::string login_key, std::string address_key)
    : throttle_(throttle), login_key_(std::move(login_key)), address_key_(std::move(address_key)) {}

SignInThrottle::Attempt::Attempt(Attempt&& other) noexcept
    : throttle_(std::exchange(other.throttle_, nullptr)),
      login_key_(std::move(other.login_key_)),
      address_key_(std::move(other.address_key_)) {}

SignInThrottle::Attempt::~Attempt() {
  if (throttle_) throttle_->decide(*this, Outcome::Forgotten);
}

void SignInThrottle::Attempt::failed() {
  if (throttle_) throttle_->decide(*this, Outcome::Failed);
}

void SignInThrottle::Attempt::succeeded() {
  if (throttle_) throttle_->decide(*this, Outcome::Succeeded);
}

SignInThrottle::SignInThrottle(SignInLimits limits, Clock clock) : limits_(limits), clock_(std::move(clock)) {}

SignInThrottle::Attempt SignInThrottle::admit(const std::string& login, const std::string& address) {
  std::string by_login = login_key(login), by_address = address_key(address);
  const std::lock_guard lock(mutex_);
  const steady_clock::time_point now = clock_();
  Entry& l = entry(by_login);
  Entry& a = entry(by_address);
  const seconds login_wait = wait_for(l, limits_.failures_per_login, now);
  const seconds address_wait = wait_for(a, limits_.failures_per_address, now);
  if (login_wait > seconds::zero() || address_wait > seconds::zero()) {
    forget_idle(by_login);
    forget_idle(by_address);
    const seconds wait = std::max(login_wait, address_wait);
    throw ThrottledError(ErrorKind::TooManyRequests, "sign_in_throttled",
                         std::string("too many failed sign-ins ") +
                             (login_wait >= address_wait ? "for this login" : "from this address") +
                             "; try again in " + std::to_string(wait.count()) + " s",
                         wait);
  }
  ++l.undecided;
  ++a.undecided;
  forget_beyond_bound();
  return Attempt(this, std::move(by_login), std::move(by_address));
}

std::size_t SignInThrottle::tracked() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

// The key's entry, created if new, and moved to the most recently touched end.
SignInThrottle::Entry& SignInThrottle::entry(const std::string& key) {
  auto [it, created] = entries_.try_emplace(key);
  if (created) it->second.recency = recency_.insert(recency_.end(), key);
  else recency_.splice(recency_.end(), recency_, it->second.recency);
  return it->second;
}

void SignInThrottle::prune(Entry& entry, steady_clock::time_point now) const {
  while (!entry.failures.empty() && entry.failures.front() + limits_.window <= now) entry.failures.pop_front();
}

// Zero when one more attempt fits under `limit`; otherwise how long until the failures that stand
// in its way have left the window, rounded up to whole seconds (Retry-After has no fractions).
seconds SignInThrottle::wait_for(Entry& entry, unsigned limit, steady_clock::time_point now) const {
  prune(entry, now);
  const std::size_t taken = entry.failures.size() + entry.undecided;
  if (taken < limit) return seconds::zero();
  const std::size_t must_expire = taken - limit + 1;
  // Only undecided attempts stand in the way: they are decided within one password check.
  if (must_expire > entry.failures.size()) return seconds(1);
  const auto left = entry.failures[must_expire - 1] + limits_.window - now;
  return std::max(seconds(1), std::chrono::ceil<seconds>(left));
}

void SignInThrottle::decide(Attempt& attempt, Outcome outcome) {
  const std::lock_guard lock(mutex_);
  const steady_clock::time_point now = clock_();
  decide(attempt.login_key_, limits_.failures_per_login, outcome, now);
  // Success clears the login only: the address may be one guesser trying many logins.
  decide(attempt.address_key_, limits_.failures_per_address,
         outcome == Outcome::Succeeded ? Outcome::Forgotten : outcome, now);
  attempt.throttle_ = nullptr;
}

void SignInThrottle::decide(const std::string& key, unsigned limit, Outcome outcome, steady_clock::time_point now) {
  const auto found = entries_.find(key);
  // An entry pushed out by the bound while its attempt ran: a failure starts it again.
  if (found == entries_.end() && outcome != Outcome::Failed) return;
  Entry& e = found == entries_.end() ? entry(key) : found->second;
  if (e.undecided > 0) --e.undecided;
  if (outcome == Outcome::Succeeded) e.failures.clear();
  if (outcome == Outcome::Failed) {
    e.failures.push_back(now);
    // Only the latest `limit` failures can ever decide a refusal.
    while (e.failures.size() > limit) e.failures.pop_front();
    recency_.splice(recency_.end(), recency_, e.recency);
  }
  forget_idle(key);
  forget_beyond_bound();
}

void SignInThrottle::forget_idle(const std::string& key) {
  const auto it = entries_.find(key);
  if (it == entries_.end() || !it->second.failures.empty() || it->second.undecided > 0) return;
  recency_.erase(it->second.recency);
  entries_.erase(it);
}

// The least recently touched first; an entry with an attempt under way stays (there are at most
// as many of those as worker threads).
void SignInThrottle::forget_beyond_bound() {
  for (auto it = recency_.begin(); entries_.size() > limits_.tracked_keys && it != recency_.end();) {
    const auto found = entries_.find(*it);
    if (found->second.undecided > 0) {
      ++it;
      continue;
    }
    entries_.erase(found);
    it = recency_.erase(it);
  }
}

}  // namespace cahub::staff
