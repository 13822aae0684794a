#pragma once
// The compiled form of a region script (internal to the rule engine): what each declaration
// became once read and checked. Declarative conditions are bit sets and small predicate lists
// matched in C++; only function-valued `when`/`unless` keep a slot that names a Lua function on
// the per-thread state (function_conditions.hpp).

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/vocabulary.hpp"
#include "rules/attributes.hpp"
#include "rules/region_rules.hpp"
#include "rules/sandbox_limits.hpp"

namespace cahub::rules {

template <typename E> constexpr std::uint32_t code_bit(E e) { return 1u << static_cast<unsigned>(e); }
template <typename E> constexpr std::uint32_t every_code() { return (1u << code_count<E>()) - 1; }

// Validity years are kept as bits 1..kMaxYears of a 64-bit set.
constexpr int kMaxYears = 50;
constexpr std::uint64_t year_bit(int years) { return years >= 1 && years <= kMaxYears ? std::uint64_t{1} << years : 0; }
constexpr std::uint64_t kEveryYear = ~std::uint64_t{0};

// The selectors every entry may carry. Absent means "any"; `written` remembers which the script
// wrote, for the check against what region{} lists.
struct Selector {
  enum Written : std::uint8_t { kBusiness = 1, kChannel = 2, kApplicant = 4, kKey = 8, kYears = 16, kCa = 32 };

  std::uint32_t businesses = every_code<Business>();
  std::uint32_t channels = every_code<Channel>();
  std::uint32_t applicants = every_code<ApplicantKind>();
  std::uint32_t keys = every_code<KeyType>();
  std::uint64_t years = kEveryYear;
  std::vector<std::string> cas;  // sorted CA plugin ids; empty = any CA the region accepts
  std::uint8_t written = 0;

  bool matches(const RequestFacts& f) const {
    return (businesses & code_bit(f.business)) && (channels & code_bit(f.channel)) &&
           (applicants & code_bit(f.applicant)) && (keys & code_bit(f.key)) && (years == kEveryYear || (years & year_bit(f.years))) &&
           (cas.empty() || std::binary_search(cas.begin(), cas.end(), f.ca));
  }
  bool operator==(const Selector&) const = default;
};

// One `attribute = value or list of values` of a when/unless table: the attribute must have one
// of the values. An attribute the request does not give (days_to_expiry of a new certificate)
// has none of them.
struct Predicate {
  Attribute attribute = Attribute::Business;
  std::uint64_t bits = 0;             // codes, years; booleans as bit 0 = false, bit 1 = true
  std::vector<std::int64_t> numbers;  // integers, and dates as day numbers
  std::vector<std::string> texts;     // former_ca
  // A whole-number attribute written as a range, { at_least = 366 } or { at_most = 89 }: the
  // bounds (inclusive) instead of `numbers`. Compared in C++, so "more than 365 days" needs no
  // rule function.
  std::optional<std::int64_t> at_least, at_most;

  bool holds(const RequestFacts& f) const;
  bool operator==(const Predicate&) const = default;
};

struct Condition {
  enum class Form : std::uint8_t { Absent, Table, Function };
  Form form = Form::Absent;
  std::vector<Predicate> all_of;  // Table: every predicate holds
  int function_slot = -1;         // Function: index into the per-thread state's function list

  bool operator==(const Condition&) const = default;
};

// What every entry has: where it was declared and when it applies.
struct Declared {
  int line = 0;
  std::string source;  // "central.lua:12", copied into every quote line it produces
  Selector selector;
  Condition when;
  Condition unless;

  bool has_function() const { return when.form == Condition::Form::Function || unless.form == Condition::Form::Function; }
  // Same selectors and declarative conditions (never true for function conditions, which cannot
  // be compared): used to report duplicate entries.
  bool same_conditions(const Declared& other) const {
    return !has_function() && !other.has_function() && selector == other.selector && when == other.when &&
           unless == other.unless;
  }
};

struct FeeEntry : Declared {
  std::string code;
  std::string label;
  std::optional<Fen> fen;  // absent: unpriced, an administrator must fill it in
  bool per_year = false;
  std::optional<Date> effective;
  int code_group = 0;      // index of `code` among the script's distinct fee codes
};

struct MaterialEntry : Declared {
  std::string code;
  std::string name;
  int copies = 1;
  bool stamped = false;
  bool signed_by_hand = false;
  bool original_shown = false;
  std::string note;
};

struct RefusalEntry : Declared {
  std::string code;
  std::string zh;
  std::string en;
};

enum class ValidityFrom : std::uint8_t { Today, OldExpiryOrToday, Keep };

// As a script writes it: validity { from = "today" | "old_expiry_or_today" | "keep" }.
constexpr const char* from_code(ValidityFrom from) {
  switch (from) {
    case ValidityFrom::Today: return "today";
    case ValidityFrom::OldExpiryOrToday: return "old_expiry_or_today";
    case ValidityFrom::Keep: return "keep";
  }
  return "?";
}

struct ValidityEntry : Declared {
  ValidityFrom from = ValidityFrom::Today;
  // The service point's own decision where the source gives no date rule (docs/rules.md §4.5):
  // shown with the quote's validity so nobody takes it for a published rule. Empty: published.
  std::string convention;
};

// offer { ca, business, channel, applicant }: what a CA does in this region. Selectors only, so
// route, `rules diff` and the console can enumerate offers without running a rule.
struct OfferEntry : Declared {};

// step { ..., code, zh, en }: a step of this region's procedure with a CA (office, payee,
// PIN delivery, mail-in address, contacts).
struct StepEntry : Declared {
  std::string code;
  std::string zh;
  std::string en;
};

// review { ..., working_days }: how long the CA reviews in this region; the first that applies
// is in force. min 0 = "within max"; both 0 = reviewed, time not published.
struct ReviewEntry : Declared {
  int min_days = 0;
  int max_days = 0;
};

// limit { ..., code, counts, across, at_most, zh, en }: a rule across orders, counted when an
// order is created (orders/order_limits.hpp).
struct LimitEntry : Declared {
  std::string code;
  std::string zh;
  std::string en;
  LimitCounts counts = LimitCounts::OpenOrders;
  LimitAcross across = LimitAcross::Ca;
  int at_most = 1;
};

struct RenewalWindowEntry : Declared {
  int days_before_expiry = 0;
};

// years_offered { ca = ..., years = { ... } }: the validity periods of some CAs, when they differ
// from region{}'s (Inner Mongolia: CFCA sells 1, 2 or 4 years). `selector.cas` names the CAs.
struct YearsOffered : Declared {
  std::vector<int> years;  // the first is the default for these CAs
};

struct RegionDeclaration {
  int line = 0;
  std::string id;
  std::string name;
  std::string name_en;
  std::string source;
  std::vector<std::string> accepts;
  std::uint32_t applicants = 0;
  std::uint32_t channels = 0;
  std::uint32_t businesses = 0;
  std::vector<int> years;  // the first is the default; empty when not published
  std::uint64_t years_bits = 0;
  bool years_published = true;  // false: years = "not published"
};

struct RegionRules::Compiled {
  std::string file;    // chunk name, "central.lua"
  std::string script;  // the source, run again on each thread that evaluates a rule function
  std::string sha256;  // of the source, hex: which version of the file is live (GET /v1/rules)
  SandboxLimits limits;
  RegionDeclaration region;
  std::vector<FeeEntry> fees;
  std::vector<MaterialEntry> materials;
  std::vector<RefusalEntry> refusals;
  std::vector<ValidityEntry> validities;
  std::vector<RenewalWindowEntry> renewal_windows;
  std::vector<YearsOffered> years_offered;
  std::vector<OfferEntry> offers;
  std::vector<StepEntry> steps;
  std::vector<ReviewEntry> reviews;
  std::vector<LimitEntry> order_limits;
  // offer{} compiled for route: per accepted CA (region.accepts order), per channel and
  // applicant kind, the businesses offered as bits.
  using OfferBits = std::array<std::array<std::uint32_t, code_count<ApplicantKind>()>, code_count<Channel>()>;
  std::vector<OfferBits> offer_bits;
  std::vector<bool> versioned_fee_codes;  // per code_group: some entry of that code has `effective`
  int function_count = 0;
  // Unique per load (never reused, unlike an address): keys the per-thread Lua states.
  std::uint64_t generation = 0;
  // The validity years a CA's customers may choose: its years_offered, else region{}'s (empty
  // when not published).
  const std::vector<int>& years_for(std::string_view ca) const {
    for (const auto& y : years_offered)
      if (std::binary_search(y.selector.cas.begin(), y.selector.cas.end(), ca)) return y.years;
    return region.years;
  }

  Compiled() = default;
  // Closes the per-thread Lua states made for these rules, on every thread
  // (FunctionConditions::forget_generation): unloaded rules keep no memory anywhere.
  ~Compiled();
  Compiled(const Compiled&) = delete;
  Compiled& operator=(const Compiled&) = delete;
};

}  // namespace cahub::rules
