#include "releases/release_source.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "releases/release_desk.hpp"
#include "rules/rules_log.hpp"
#include "rules/script_file_kind.hpp"
#include "store/audit_log.hpp"
#include "store/digest.hpp"
#include "store/read_transaction.hpp"
#include "store/write_transaction.hpp"

namespace cahub::releases {
namespace {

std::vector<std::filesystem::path> region_scripts(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.ends_with(".lua") && !name.ends_with(".spec.lua") && it->is_regular_file(ec) && !it->is_symlink(ec))
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<std::string> read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().size() > kLargestReleaseText) return std::nullopt;
  return text.str();
}

// Release 1 of a region, from its file: published since ever, as the folder served it until now.
Release imported_release(const std::string& region, std::string script, std::optional<std::string> spec,
                         const std::filesystem::path& file, const rules::SandboxLimits& limits) {
  Release r;
  r.region = region;
  r.script_sha256 = store::sha256_hex(script);
  r.evaluation.findings = rules::RegionRules::load_text(region + ".lua", script, limits).findings;
  r.script = std::move(script);
  r.spec = std::move(spec);
  r.reason = "imported from " + file.filename().string() + ", the region's script until the store held its rules";
  r.state = ReleaseState::Published;
  return r;
}

}  // namespace

std::vector<std::string> import_missing_regions(store::SqlStore& store, const std::filesystem::path& folder,
                                                const rules::SandboxLimits& limits) {
  std::vector<std::string> imported;
  const auto known = store::read(store, [](store::SqlConnection& db) { return ReleaseRepository(db).regions(); });
  for (const auto& file : region_scripts(folder)) {
    const std::string region = file.stem().string();
    if (std::binary_search(known.begin(), known.end(), region) || !orders::is_region_id(region)) continue;
    auto script = read_text(file);
    if (!script) continue;
    auto spec_path = file;
    spec_path.replace_extension(".spec.lua");
    Release r = imported_release(region, std::move(*script), read_text(spec_path), file, limits);
    if (!r.evaluation.loads()) {
      rules::rules_logger()->error("{}: not imported into the store: {}", file.string(),
                                   r.evaluation.findings.front().text());
      continue;
    }
    const Release inserted = store::write(store, [&](store::SqlConnection& db) {
      const std::string now = store::now_china_time();
      r.created = {"system", now};
      r.published = Stamp{"system", now};
      Release saved = ReleaseRepository(db).insert(r);
      audit_release(db, now, "system", "rules.imported", saved, saved.reason);
      return saved;
    });
    rules::rules_logger()->info("{}: imported into the store as region {} release {}", file.string(), region,
                                inserted.number);
    imported.push_back(region);
  }
  return imported;
}

StoreFingerprint load_book_from_store(rules::RuleBook& book, store::SqlStore& store) {
  std::vector<rules::PublishedRelease> releases;
  StoreFingerprint fingerprint;
  store.read([&](store::SqlConnection& db) {  // the releases and their fingerprint from one moment
    ReleaseRepository repository(db);
    fingerprint = repository.fingerprint();
    releases = repository.reachable_releases();
  });
  book.load_releases(releases);
  return fingerprint;
}

ReleaseWatcher::ReleaseWatcher(rules::RuleBook& book, std::unique_ptr<store::SqlStore> store,
                               std::chrono::milliseconds interval, StoreFingerprint loaded)
    : book_(book), store_(std::move(store)), seen_(loaded), interval_(interval) {
  if (interval_.count() > 0) thread_ = std::thread([this] { run(); });
}

ReleaseWatcher::~ReleaseWatcher() {
  {
    std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  stop_signal_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool ReleaseWatcher::refresh() {
  std::lock_guard lock(looking_);
  const StoreFingerprint now =
      store::read(*store_, [](store::SqlConnection& db) { return ReleaseRepository(db).fingerprint(); });
  if (now == seen_) return false;
  seen_ = load_book_from_store(book_, *store_);
  return true;
}

void ReleaseWatcher::run() {
  std::unique_lock lock(stop_mutex_);
  while (!stop_signal_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      refresh();
    } catch (const std::exception& e) {
      // A lost or busy database: the book keeps serving what it has; the next poll tries again.
      rules::rules_logger()->warn("rule releases not re-read from the store: {}", e.what());
    }
    lock.lock();
  }
}

}  // namespace cahub::releases
