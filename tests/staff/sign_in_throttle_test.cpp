// The sign-in throttle on a clock the test moves, the password-check turns with real threads, and
// the guard that puts them in front of the directory.
#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <thread>

#include "staff/sign_in_guard.hpp"
#include "store/database.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub;
using namespace cahub::staff;
using namespace std::chrono_literals;
using cahub::testing::ScratchFolder;

namespace {

struct FakeClock {
  std::chrono::steady_clock::time_point now{std::chrono::hours(1000)};
  SignInThrottle::Clock clock() {
    return [this] { return now; };
  }
};

// The refusal's code and wait, or ("admitted", 0) when the attempt was let through (and failed).
std::pair<std::string, long> fail_once(SignInThrottle& throttle, const std::string& login,
                                       const std::string& address = "10.0.0.1") {
  try {
    throttle.admit(login, address).failed();
    return {"admitted", 0};
  } catch (const ThrottledError& e) {
    CHECK(e.kind() == ErrorKind::TooManyRequests);
    return {e.code(), static_cast<long>(e.retry_after().count())};
  }
}

}  // namespace

TEST_CASE("the eleventh attempt within a minute is refused until the window lets one through") {
  FakeClock time;
  SignInThrottle throttle({}, time.clock());
  for (int i = 0; i < 10; ++i) {
    INFO("failure " << i + 1);
    CHECK(fail_once(throttle, "wang.fang").first == "admitted");
    time.now += 2s;  // the tenth at +18 s
  }
  // At +20 s: the first failure (at 0 s) leaves the window at +60 s.
  CHECK(fail_once(throttle, "wang.fang") == std::pair<std::string, long>{"sign_in_throttled", 40});
  // A refused attempt is not a failure: it does not move the window.
  time.now += 39s;
  CHECK(fail_once(throttle, "wang.fang") == std::pair<std::string, long>{"sign_in_throttled", 1});
  time.now += 1s;
  CHECK(fail_once(throttle, "wang.fang").first == "admitted");
  // That failure took the freed place: the next waits for the second-oldest (at +2 s) to go.
  CHECK(fail_once(throttle, "wang.fang") == std::pair<std::string, long>{"sign_in_throttled", 2});
}

TEST_CASE("another login is not held back by one that is throttled") {
  FakeClock time;
  SignInThrottle throttle({}, time.clock());
  for (int i = 0; i < 10; ++i) fail_once(throttle, "wang.fang");
  CHECK(fail_once(throttle, "wang.fang").first == "sign_in_throttled");
  CHECK_NOTHROW(throttle.admit("zhao.li", "10.0.0.1").succeeded());
}

TEST_CASE("a success clears its login's failures but not its address's") {
  FakeClock time;
  SignInLimits limits;
  limits.failures_per_address = 12;
  SignInThrottle throttle(limits, time.clock());
  for (int i = 0; i < 9; ++i) fail_once(throttle, "wang.fang");
  throttle.admit("wang.fang", "10.0.0.1").succeeded();
  for (int i = 0; i < 3; ++i) CHECK(fail_once(throttle, "wang.fang").first == "admitted");
  // 12 failures from the address now, though the login has only 3 since its success.
  const auto [code, wait] = fail_once(throttle, "wang.fang");
  CHECK(code == "sign_in_throttled");
  CHECK(wait == 60);
}

TEST_CASE("one address trying many logins is refused at the address threshold") {
  FakeClock time;
  SignInThrottle throttle({}, time.clock());
  for (int i = 0; i < 30; ++i) CHECK(fail_once(throttle, "guess" + std::to_string(i)).first == "admitted");
  CHECK(fail_once(throttle, "guess-new").first == "sign_in_throttled");
  // Another address is not.
  CHECK(fail_once(throttle, "guess-new", "10.0.0.2").first == "admitted");
  time.now += 60s;
  CHECK(fail_once(throttle, "guess-new").first == "admitted");
}

TEST_CASE("attempts under way count, so concurrent guesses cannot pass the threshold together") {
  FakeClock time;
  SignInLimits limits;
  limits.failures_per_login = 3;
  SignInThrottle throttle(limits, time.clock());
  SignInThrottle::Attempt first = throttle.admit("wang.fang", "10.0.0.1");
  SignInThrottle::Attempt second = throttle.admit("wang.fang", "10.0.0.1");
  SignInThrottle::Attempt third = throttle.admit("wang.fang", "10.0.0.1");
  CHECK(fail_once(throttle, "wang.fang") == std::pair<std::string, long>{"sign_in_throttled", 1});
  // One whose check broke (no decision) is forgotten, not counted: its place is free again.
  { SignInThrottle::Attempt broken = std::move(third); }
  CHECK(fail_once(throttle, "wang.fang").first == "admitted");
  first.failed();
  second.succeeded();
  CHECK(throttle.tracked() == 1);  // the address's two failures; the login was cleared
}

TEST_CASE("the throttle forgets the least recently failed key past its bound") {
  FakeClock time;
  SignInLimits limits;
  limits.tracked_keys = 100;
  limits.failures_per_address = 1'000'000;
  SignInThrottle throttle(limits, time.clock());
  for (int i = 0; i < 10; ++i) fail_once(throttle, "target");
  CHECK(fail_once(throttle, "target").first == "sign_in_throttled");
  for (int i = 0; i < 1000; ++i) fail_once(throttle, "made-up-" + std::to_string(i));
  CHECK(throttle.tracked() == 100);
  // The price of the bound (SignInLimits::tracked_keys): pushed out, the target starts again.
  CHECK(fail_once(throttle, "target").first == "admitted");
}

TEST_CASE("password checks past the turns and waiting places are refused as sign_in_busy") {
  PasswordCheckTurns turns({.checks = 2, .queued = 1, .patience = 5s});
  std::optional<PasswordCheckTurns::Turn> a(turns.take()), b(turns.take());
  CHECK(turns.running() == 2);
  // The third waits for a turn; while it waits, a fourth has no place and is refused at once.
  auto waiting = std::async(std::launch::async, [&] { return PasswordCheckTurns::Turn(turns.take()); });
  std::this_thread::sleep_for(100ms);
  try {
    (void)turns.take();
    FAIL("a fourth check was let in");
  } catch (const ThrottledError& e) {
    CHECK(e.code() == "sign_in_busy");
    CHECK(e.kind() == ErrorKind::Unavailable);
    CHECK(e.retry_after() == 1s);
  }
  a.reset();
  { const PasswordCheckTurns::Turn third = waiting.get(); CHECK(turns.running() == 2); }
  CHECK(turns.running() == 1);
}

TEST_CASE("a sign-in that waits longer than the patience is refused") {
  PasswordCheckTurns turns({.checks = 1, .queued = 1, .patience = 50ms});
  const PasswordCheckTurns::Turn held = turns.take();
  const auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_AS(turns.take(), ThrottledError);
  CHECK(std::chrono::steady_clock::now() - start >= 50ms);
}

TEST_CASE("the guard counts wrong passwords and refuses the right one once the login is throttled") {
  ScratchFolder scratch;
  store::Database db = store::Database::open_or_create(scratch / "cahub.db");
  StaffDirectory directory(db, 1000);  // fast hashes: the test is about the guard
  const StaffMember admin = directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, "a long passphrase");
  directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, "a long passphrase");
  directory.add(admin, "zhao.li", "赵丽", orders::Role::Reviewer, "a long passphrase");
  SignInLimits limits;
  limits.failures_per_login = 3;
  SignInGuard guard(limits, {});
  const auto wrong = [&](const std::string& login, const std::string& address) {
    CHECK_THROWS_AS(guard.sign_in(directory, login, "wrong password", address, 60min), StaffError);
  };
  for (int i = 0; i < 3; ++i) wrong("wang.fang", "10.0.0.1");
  try {
    guard.sign_in(directory, "wang.fang", "a long passphrase", "10.0.0.1", 60min);
    FAIL("signed in past the throttle");
  } catch (const ThrottledError& e) {
    CHECK(e.code() == "sign_in_throttled");
  }
  CHECK(guard.sign_in(directory, "zhao.li", "a long passphrase", "10.0.0.1", 60min).member.login == "zhao.li");
  // A success clears the login: two wrong, one right, then three wrong are all checked.
  for (int i = 0; i < 2; ++i) wrong("zhao.li", "10.0.0.1");
  CHECK_NOTHROW(guard.sign_in(directory, "zhao.li", "a long passphrase", "10.0.0.2", 60min));
  for (int i = 0; i < 3; ++i) wrong("zhao.li", "10.0.0.2");
}
