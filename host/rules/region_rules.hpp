#pragma once
// A region rule script, loaded, checked and compiled into an immutable form that the pipeline
// stages query. Declarative entries (fee, material, refuse, validity, renewal_window) are matched
// in C++; only entries whose condition is a Lua function call back into Lua, on a lua_State owned
// by the calling thread (one state per worker thread, never shared).
//
// The script language is documented in docs/rules.md; this header is what the host sees.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/quote.hpp"
#include "domain/order_limit.hpp"
#include "domain/quote_request.hpp"
#include "domain/vocabulary.hpp"
#include "rules/sandbox_limits.hpp"

namespace cahub::rules {

// One problem found in a script: `file:line: message`, as `cahub rules check` prints it.
struct Finding {
  std::string file;
  int line = 0;
  std::string message;
  std::string text() const;
};

// A script failed while evaluating one request (a function rule raised, ran away, ran out of
// memory). what() names file:line. The request fails; other requests and scripts are unaffected.
class RuleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a rule sees: the request plus what earlier stages established.
struct RuleInput {
  const QuoteRequest& request;
  int years = 0;                    // validity years in force (after the region's default applied)
  std::uint32_t provider_facts = 0; // CAHUB_FACT_* bits reported by the CA plugin
};

class RegionRules;

// One CA's offers in a region, for GET /v1/rules and the console: per channel, the businesses
// offered there, and the applicant kinds served.
struct CaOffers {
  std::string ca;
  std::vector<std::pair<Channel, std::vector<Business>>> by_channel;
  std::vector<ApplicantKind> applicants;
};

struct LoadResult {
  std::shared_ptr<const RegionRules> rules;  // null when findings hold an error
  std::vector<Finding> findings;
};

class RegionRules {
 public:
  // Loads one script in the sandbox, checks what it declares and compiles it. Never throws for
  // problems in the script: they come back as findings (and a null `rules`).
  static LoadResult load_file(const std::filesystem::path& file, const SandboxLimits& limits = {});
  static LoadResult load_text(std::string chunk_name, std::string source, const SandboxLimits& limits = {});
  // A version of a script kept under another name (neimenggu.old.lua, a copy in /tmp) for
  // `rules diff`: checked like any script except that its region id need not be its file name.
  static LoadResult load_version(const std::filesystem::path& file, const SandboxLimits& limits = {});

  ~RegionRules();
  RegionRules(const RegionRules&) = delete;
  RegionRules& operator=(const RegionRules&) = delete;

  const std::string& id() const;
  const std::string& name() const;     // Chinese display name
  const std::string& name_en() const;
  const std::string& file() const;     // chunk name used in every `file:line`
  // SHA-256 of the script's text, in hex: compare with `sha256sum rules/<id>.lua` to see which
  // version is live.
  const std::string& content_sha256() const;
  const std::vector<std::string>& accepted_cas() const;
  bool accepts(std::string_view ca) const;
  bool offers(Business business) const;
  bool serves(ApplicantKind applicant) const;
  bool offers_channel(Channel channel) const;
  const std::vector<int>& allowed_years() const;  // the first one is the default; empty when not published
  // region{} says years = "not published": quotes carry no validity period and no end date.
  bool years_published() const;
  // The same for a CA's customers: its years_offered{}, else region{}'s.
  const std::vector<int>& allowed_years(std::string_view ca) const;
  bool years_published(std::string_view ca) const { return !allowed_years(ca).empty(); }
  // CA id -> years, for the CAs with a years_offered{} of their own.
  std::vector<std::pair<std::string, std::vector<int>>> years_by_ca() const;

  // offer{}: whether this region declares that `ca` does `business` on `channel` for
  // `applicant` here. Hot path: bit tests only.
  bool offered(std::string_view ca, Business business, Channel channel, ApplicantKind applicant) const;
  // Every accepted CA's offers, in accepts order.
  std::vector<CaOffers> offers_by_ca() const;
  // The limit{} entries that apply to a request (the desk counts them when creating an order).
  std::vector<OrderLimit> limits_for(const QuoteRequest& request) const;

  // The stages. Each appends to `quote`, giving every line a `source` of "file:line".
  // They are thread-safe; they throw RuleError when a function rule fails.
  void assess_eligibility(const RuleInput& in, Quote& quote) const;  // refuse + renewal_window
  // The region's procedure with this CA: its step{} entries, the review{} in force and the
  // limit{} entries that apply (listed so a clerk sees them before accepting).
  void describe_procedure(const RuleInput& in, Quote& quote) const;
  void list_materials(const RuleInput& in, Quote& quote) const;
  void compute_fee(const RuleInput& in, Quote& quote) const;
  void compute_validity(const RuleInput& in, Quote& quote) const;

  struct Compiled;  // the compiled declarations (compiled_rules.hpp, internal to the rule engine)
  explicit RegionRules(std::unique_ptr<Compiled> compiled);
  // For the engine's own tools that read declarations rather than answer requests (rules diff).
  const Compiled& compiled() const { return *compiled_; }

 private:
  std::unique_ptr<Compiled> compiled_;
};

// SHA-256 of a script's text in lower-case hex, as content_sha256() reports it.
std::string script_sha256(std::string_view source);

// `cahub rules check FILE`: every finding of one script, in line order; empty when it loads.
std::vector<Finding> check_file(const std::filesystem::path& file, const SandboxLimits& limits = {});

}  // namespace cahub::rules
