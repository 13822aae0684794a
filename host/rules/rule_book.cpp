#include "rules/rule_book.hpp"

#include <algorithm>
#include <stdexcept>
#include <system_error>

#include <nlohmann/json.hpp>

#include "domain/vocabulary.hpp"
#include "rules/rules_log.hpp"

namespace cahub::rules {
namespace {

bool is_region_script(const std::filesystem::path& p) {
  const std::string name = p.filename().string();
  return name.ends_with(".lua") && !name.ends_with(".spec.lua");
}

void log_refusal(const std::filesystem::path& file, const std::vector<Finding>& findings) {
  auto log = rules_logger();
  log->error("{}: refused, {} problem(s)", file.string(), findings.size());
  for (const auto& f : findings) log->error("  {}", f.text());
}

template <typename E> nlohmann::ordered_json offered(const RegionRules& r, bool (RegionRules::*has)(E) const) {
  auto list = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < code_count<E>(); ++i)
    if ((r.*has)(static_cast<E>(i))) list.push_back(code_of(static_cast<E>(i)));
  return list;
}

}  // namespace

RuleBook::RuleBook(SandboxLimits limits) : limits_(limits) {}

std::size_t RuleBook::load_folder(const std::filesystem::path& folder) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file() && is_region_script(it->path())) files.push_back(it->path());
  if (ec) throw std::runtime_error("cannot read the rules folder " + folder.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());

  // Loaded outside the lock: quotes go on with the old rules until the swap below.
  Regions regions;
  Refusals refused;
  for (const auto& file : files) {
    LoadResult loaded = RegionRules::load_file(file, limits_);
    if (loaded.rules) {
      regions[loaded.rules->id()] = std::move(loaded.rules);  // the id is the file name: unique
    } else {
      log_refusal(file, loaded.findings);
      refused[file] = std::move(loaded.findings);
    }
  }
  const std::size_t count = regions.size();
  {
    std::lock_guard lock(mutex_);
    regions_.swap(regions);
    refused_.swap(refused);
  }
  return count;  // the old maps are released here, outside the lock
}

std::vector<Finding> RuleBook::reload_file(const std::filesystem::path& file) {
  LoadResult loaded = RegionRules::load_file(file, limits_);
  std::shared_ptr<const RegionRules> replaced;
  if (!loaded.rules) log_refusal(file, loaded.findings);
  std::lock_guard lock(mutex_);
  if (loaded.rules) {
    auto& slot = regions_[loaded.rules->id()];
    replaced = std::move(slot);
    slot = std::move(loaded.rules);
    refused_.erase(file);
  } else {
    refused_[file] = loaded.findings;
  }
  return std::move(loaded.findings);
}

std::shared_ptr<const RegionRules> RuleBook::find(std::string_view region_id) const {
  std::lock_guard lock(mutex_);
  const auto it = regions_.find(region_id);
  return it == regions_.end() ? nullptr : it->second;
}

std::vector<std::string> RuleBook::ids() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (const auto& [id, rules] : regions_) out.push_back(id);
  return out;
}

std::vector<RefusedScript> RuleBook::refused() const {
  std::lock_guard lock(mutex_);
  std::vector<RefusedScript> out;
  for (const auto& [file, findings] : refused_) out.push_back({file, findings});
  return out;
}

nlohmann::ordered_json RuleBook::describe() const {
  Regions regions;
  Refusals refused;
  {
    std::lock_guard lock(mutex_);
    regions = regions_;
    refused = refused_;
  }
  nlohmann::ordered_json out;
  out["regions"] = nlohmann::ordered_json::array();
  for (const auto& [id, r] : regions) {
    out["regions"].push_back({{"id", id},
                              {"name", r->name()},
                              {"name_en", r->name_en()},
                              {"file", r->file()},
                              {"accepts", r->accepted_cas()},
                              {"applicants", offered<ApplicantKind>(*r, &RegionRules::serves)},
                              {"channels", offered<Channel>(*r, &RegionRules::offers_channel)},
                              {"businesses", offered<Business>(*r, &RegionRules::offers)},
                              {"years", r->allowed_years()}});
  }
  out["refused"] = nlohmann::ordered_json::array();
  for (const auto& [file, findings] : refused) {
    auto texts = nlohmann::ordered_json::array();
    for (const auto& f : findings) texts.push_back(f.text());
    out["refused"].push_back({{"file", file.filename().string()}, {"findings", texts}});
  }
  return out;
}

}  // namespace cahub::rules
