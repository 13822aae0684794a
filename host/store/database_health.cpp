#include "store/database_health.hpp"

#include <map>
#include <mutex>

namespace cahub::store {
namespace {

std::string client_message(DatabaseCondition condition) {
  switch (condition) {
    case DatabaseCondition::Missing:
      return "the service point's database was removed while the server ran; nothing was written. An administrator "
             "must restore it (cahub restore) and restart the server";
    case DatabaseCondition::Replaced:
      return "the service point's database was replaced while the server ran; nothing was written. An administrator "
             "must restart the server";
    case DatabaseCondition::ReadOnly:
      return "the service point's database cannot be written; nothing was written. An administrator must make it "
             "writable again";
    case DatabaseCondition::Unreachable:
      return "the service point's database server cannot be reached; what this request wrote was not confirmed "
             "(a retry with the same idempotency key is safe). Try again shortly";
    case DatabaseCondition::TimedOut:
      return "the service point's database did not answer in time; nothing was written. Try again shortly";
    case DatabaseCondition::Sound: break;
  }
  return "the store cannot take writes right now; nothing was written";
}

}  // namespace

std::string_view code_of(DatabaseCondition condition) {
  switch (condition) {
    case DatabaseCondition::Sound: return "ok";
    case DatabaseCondition::Missing: return "missing";
    case DatabaseCondition::Replaced: return "replaced";
    case DatabaseCondition::ReadOnly: return "read_only";
    case DatabaseCondition::Unreachable: return "unreachable";
    case DatabaseCondition::TimedOut: return "timed_out";
  }
  return "unknown";
}

StoreUnavailable::StoreUnavailable(DatabaseCondition condition)
    : CodedError(ErrorKind::Unavailable, "store_unavailable", client_message(condition)), condition_(condition) {}

std::shared_ptr<DatabaseHealth> DatabaseHealth::of(const std::filesystem::path& file) {
  // Weak: a test process opens many scratch databases; an entry lives as long as a connection.
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<DatabaseHealth>> known;
  std::lock_guard lock(mutex);
  std::weak_ptr<DatabaseHealth>& slot = known[file.lexically_normal().string()];
  if (std::shared_ptr<DatabaseHealth> existing = slot.lock()) return existing;
  auto made = std::make_shared<DatabaseHealth>();
  slot = made;
  std::erase_if(known, [](const auto& entry) { return entry.second.expired(); });
  return made;
}

void DatabaseHealth::require_writable() const {
  const DatabaseCondition now = condition();
  if (now != DatabaseCondition::Sound) throw StoreUnavailable(now);
}

}  // namespace cahub::store
