#include "rules/rule_book.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <stdexcept>
#include <system_error>

#include <nlohmann/json.hpp>

#include "domain/vocabulary.hpp"
#include "rules/rules_log.hpp"

namespace cahub::rules {
namespace {

// Unique across every book, so that a thread's cached snapshot can never be mistaken for
// another book's (or a later book's at the same address).
std::atomic<std::uint64_t> g_last_generation{0};

// One cached snapshot per thread: a thread serves one book at a time, and a miss costs one
// locked copy of a pointer.
struct ThreadSnapshot {
  std::uint64_t generation = 0;
  std::shared_ptr<const RuleBookSnapshot> snapshot;
};
thread_local ThreadSnapshot t_snapshot;

bool is_region_script(const std::filesystem::path& p) {
  const std::string name = p.filename().string();
  return name.ends_with(".lua") && !name.ends_with(".spec.lua");
}

void log_refusal(const std::filesystem::path& file, const std::vector<Finding>& findings, bool previous_live) {
  auto log = rules_logger();
  log->error("{}: refused, {} problem(s){}", file.string(), findings.size(),
             previous_live ? "; the previous version stays live" : "");
  for (const auto& f : findings) log->error("  {}", f.text());
}

template <typename E> nlohmann::ordered_json offered(const RegionRules& r, bool (RegionRules::*has)(E) const) {
  auto list = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < code_count<E>(); ++i)
    if ((r.*has)(static_cast<E>(i))) list.push_back(code_of(static_cast<E>(i)));
  return list;
}

// ISO 8601 in UTC with milliseconds, as logs and clients read it.
std::string utc_text(WallClock::time_point at) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[96];  // room for any int the format could print
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buf;
}

nlohmann::ordered_json finding_texts(const std::vector<Finding>& findings) {
  auto texts = nlohmann::ordered_json::array();
  for (const auto& f : findings) texts.push_back(f.text());
  return texts;
}

// The region a file provides (or would provide): its file name without ".lua".
std::string region_of(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  return name.ends_with(".lua") ? name.substr(0, name.size() - 4) : name;
}

// The region's release in force, and those still to come (each in force from its day on).
nlohmann::ordered_json release_json(const LiveRegion& live, const TimedRules& shown, Date today) {
  const auto day_json = [](const std::optional<Date>& d) {
    return d ? nlohmann::ordered_json(d->iso()) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json scheduled = nlohmann::ordered_json::array();
  for (const TimedRules& t : live.timeline)
    if (t.release && t.release->number > shown.release->number && t.release->effective_from &&
        *t.release->effective_from > today)
      scheduled.push_back({{"number", t.release->number}, {"effective_from", day_json(t.release->effective_from)}});
  return {{"number", shown.release->number},
          {"effective_from", day_json(shown.release->effective_from)},
          {"scheduled", std::move(scheduled)}};
}

}  // namespace

RuleBook::RuleBook(SandboxLimits limits) : limits_(limits) {
  auto empty = std::make_shared<RuleBookSnapshot>();
  empty->generation = ++g_last_generation;
  generation_.store(empty->generation, std::memory_order_release);
  current_ = std::move(empty);
}

void RuleBook::change(const std::function<void(RuleBookSnapshot&)>& edit) {
  // Writers are rare (an administrator saving a file) and take writers_ for the whole
  // copy-edit-publish, so that two changes at once cannot lose one another.
  std::lock_guard writing(writers_);
  std::shared_ptr<RuleBookSnapshot> next;
  {
    std::lock_guard lock(mutex_);
    next = std::make_shared<RuleBookSnapshot>(*current_);
  }
  edit(*next);
  next->generation = ++g_last_generation;
  std::shared_ptr<const RuleBookSnapshot> old;
  {
    std::lock_guard lock(mutex_);
    old = std::exchange(current_, std::move(next));
    generation_.store(current_->generation, std::memory_order_release);
  }
  // `old` is released here, outside both locks (it may hold the last reference to a region's rules).
}

const RuleBookSnapshot& RuleBook::on_this_thread() const {
  ThreadSnapshot& mine = t_snapshot;
  if (mine.generation != generation_.load(std::memory_order_acquire)) {
    std::lock_guard lock(mutex_);
    mine.snapshot = current_;
    mine.generation = current_->generation;
  }
  return *mine.snapshot;
}

std::shared_ptr<const RuleBookSnapshot> RuleBook::snapshot() const {
  on_this_thread();
  return t_snapshot.snapshot;
}

std::size_t RuleBook::load_folder(const std::filesystem::path& folder) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    // Links and other non-regular entries are listed too: the loader refuses them with
    // "ignored: ...", so the operator sees them in GET /v1/rules and the log.
    if (is_region_script(it->path())) files.push_back(it->path());
  if (ec) throw std::runtime_error("cannot read the rules folder " + folder.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());

  // Loaded before the swap: quotes go on with the old rules meanwhile.
  RuleBookSnapshot loaded_all;
  for (const auto& file : files) {
    LoadResult loaded = RegionRules::load_file(file, limits_);
    const auto now = WallClock::now();
    if (loaded.rules) {
      const std::string id = loaded.rules->id();  // the id is the file name: unique
      loaded_all.regions[id] = LiveRegion{{TimedRules{std::move(loaded.rules), std::nullopt}}, file, now};
    } else {
      log_refusal(file, loaded.findings, false);
      loaded_all.refused[file] = RefusedScript{file, std::move(loaded.findings), now};
    }
  }
  const std::size_t count = loaded_all.regions.size();
  change([&](RuleBookSnapshot& next) {
    next.regions = std::move(loaded_all.regions);
    next.refused = std::move(loaded_all.refused);
  });
  return count;
}

std::vector<Finding> RuleBook::reload_file(const std::filesystem::path& file) {
  LoadResult loaded = RegionRules::load_file(file, limits_);  // the slow part, outside every lock
  const auto now = WallClock::now();
  change([&](RuleBookSnapshot& next) {
    if (loaded.rules) {
      const std::string id = loaded.rules->id();
      rules_logger()->info("{}: region {} loaded (sha256 {})", file.string(), id, loaded.rules->content_sha256());
      next.regions[id] = LiveRegion{{TimedRules{loaded.rules, std::nullopt}}, file, now};
      next.refused.erase(file);
    } else {
      const auto live = next.regions.find(region_of(file));
      log_refusal(file, loaded.findings, live != next.regions.end() && live->second.file == file);
      next.refused[file] = RefusedScript{file, loaded.findings, now};
    }
  });
  return std::move(loaded.findings);
}

std::string RuleBook::remove_file(const std::filesystem::path& file) {
  std::string removed;
  change([&](RuleBookSnapshot& next) {
    next.refused.erase(file);
    const auto live = next.regions.find(region_of(file));
    if (live != next.regions.end() && live->second.file == file) {
      removed = live->first;
      next.regions.erase(live);
    }
  });
  if (!removed.empty()) rules_logger()->warn("{}: deleted; region {} is no longer served", file.string(), removed);
  return removed;
}

const TimedRules* LiveRegion::in_force(Date day) const {
  for (auto it = timeline.rbegin(); it != timeline.rend(); ++it)
    if (!it->release || !it->release->effective_from || *it->release->effective_from <= day) return &*it;
  return nullptr;
}

TimedRules RuleBook::find(std::string_view region_id, Date day) const {
  const RuleBookSnapshot& snap = on_this_thread();
  const auto it = snap.regions.find(region_id);
  if (it == snap.regions.end()) return {};
  const TimedRules* in_force = it->second.in_force(day);
  return in_force ? *in_force : TimedRules{};
}

std::shared_ptr<const RegionRules> RuleBook::find(std::string_view region_id) const {
  return find(region_id, Date::today_utc8()).rules;
}

std::size_t RuleBook::load_releases(const std::vector<PublishedRelease>& releases) {
  // What is loaded already is reused: a poll that finds the store unchanged loads nothing.
  const auto before = snapshot();
  const auto reuse = [&](const PublishedRelease& p) -> std::shared_ptr<const RegionRules> {
    const auto live = before->regions.find(p.region);
    if (live == before->regions.end()) return nullptr;
    for (const TimedRules& t : live->second.timeline)
      if (t.release == p.mark && t.rules->content_sha256() == script_sha256(p.script)) return t.rules;
    return nullptr;
  };
  RuleBookSnapshot loaded_all;
  for (const PublishedRelease& p : releases) {  // ascending by region, then number
    std::shared_ptr<const RegionRules> rules = reuse(p);
    const auto now = WallClock::now();
    if (!rules) {
      LoadResult loaded = RegionRules::load_text(p.region + ".lua", p.script, limits_);
      if (!loaded.rules) {
        const std::filesystem::path label = p.region + ".lua (release " + std::to_string(p.mark.number) + ")";
        log_refusal(label, loaded.findings, loaded_all.regions.count(p.region) > 0);
        loaded_all.refused[label] = RefusedScript{label, std::move(loaded.findings), now};
        continue;
      }
      rules = std::move(loaded.rules);
      rules_logger()->info("region {} release {} loaded (sha256 {})", p.region, p.mark.number, rules->content_sha256());
    }
    LiveRegion& region = loaded_all.regions[p.region];
    if (region.timeline.empty()) region.loaded_at = now;
    region.timeline.push_back(TimedRules{std::move(rules), p.mark});
  }
  const std::size_t count = loaded_all.regions.size();
  change([&](RuleBookSnapshot& next) {
    next.regions = std::move(loaded_all.regions);
    next.refused = std::move(loaded_all.refused);
  });
  return count;
}

std::vector<std::string> RuleBook::ids() const {
  const RuleBookSnapshot& snap = on_this_thread();
  std::vector<std::string> out;
  for (const auto& [id, live] : snap.regions) out.push_back(id);
  return out;
}

std::vector<RefusedScript> RuleBook::refused() const {
  const auto snap = snapshot();
  std::vector<RefusedScript> out;
  for (const auto& [file, refusal] : snap->refused) out.push_back(refusal);
  return out;
}

nlohmann::ordered_json RuleBook::describe(Date today) const {
  const auto snap = snapshot();
  nlohmann::ordered_json out;
  out["generation"] = snap->generation;
  out["regions"] = nlohmann::ordered_json::array();
  for (const auto& [id, live] : snap->regions) {
    // A region whose first release starts later is described by that release (it is all there is).
    const TimedRules* in_force = live.in_force(today);
    const TimedRules& shown = in_force ? *in_force : live.timeline.front();
    const RegionRules& r = *shown.rules;
    nlohmann::ordered_json region{{"id", id},
                                  {"name", r.name()},
                                  {"name_en", r.name_en()},
                                  {"file", r.file()},
                                  {"loaded_at", utc_text(live.loaded_at)},
                                  {"sha256", r.content_sha256()}};
    if (shown.release) region["release"] = release_json(live, shown, today);
    region.update(nlohmann::ordered_json{{"accepts", r.accepted_cas()},
                                  {"applicants", offered<ApplicantKind>(r, &RegionRules::serves)},
                                  {"channels", offered<Channel>(r, &RegionRules::offers_channel)},
                                  {"businesses", offered<Business>(r, &RegionRules::offers)},
                                  {"years", r.years_published() ? nlohmann::ordered_json(r.allowed_years())
                                                                : nlohmann::ordered_json("not published")}});
    if (const auto by_ca = r.years_by_ca(); !by_ca.empty()) {
      nlohmann::ordered_json years = nlohmann::ordered_json::object();
      for (const auto& [ca, list] : by_ca) years[ca] = list;
      region["years_by_ca"] = std::move(years);
    }
    // What each accepted CA does here (offer{}): channel -> businesses, and the applicants.
    nlohmann::ordered_json offers = nlohmann::ordered_json::object();
    for (const CaOffers& o : r.offers_by_ca()) {
      nlohmann::ordered_json channels = nlohmann::ordered_json::object();
      for (const auto& [channel, businesses] : o.by_channel) {
        auto& list = channels[std::string(code_of(channel))] = nlohmann::ordered_json::array();
        for (Business b : businesses) list.push_back(code_of(b));
      }
      nlohmann::ordered_json applicants = nlohmann::ordered_json::array();
      for (ApplicantKind a : o.applicants) applicants.push_back(code_of(a));
      offers[o.ca] = {{"channels", std::move(channels)}, {"applicants", std::move(applicants)}};
    }
    region["offers"] = std::move(offers);
    // An edit of this region's file that failed its check: this version goes on serving.
    if (const auto refusal = snap->refused.find(live.file); refusal != snap->refused.end())
      region["refused_reload"] = {{"refused_at", utc_text(refusal->second.refused_at)},
                                  {"findings", finding_texts(refusal->second.findings)}};
    out["regions"].push_back(std::move(region));
  }
  out["refused"] = nlohmann::ordered_json::array();
  for (const auto& [file, refusal] : snap->refused) {
    nlohmann::ordered_json entry{{"file", file.filename().string()},
                                 {"refused_at", utc_text(refusal.refused_at)},
                                 {"findings", finding_texts(refusal.findings)}};
    const auto live = snap->regions.find(region_of(file));
    if (live != snap->regions.end() && live->second.file == file) entry["still_serving"] = live->first;
    out["refused"].push_back(std::move(entry));
  }
  return out;
}

}  // namespace cahub::rules
