#pragma once
// What the pipeline answers. Every line says which rule produced it (`source`: "central.lua:42"
// for a script, "plugin:bjca" for a provider rule), which is what `--explain` prints.

#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/money.hpp"

namespace cahub {

// A reason the request cannot go ahead, or a step the applicant must take: always in both
// languages because clerks read Chinese and the platform vendors' logs are in English.
struct Note {
  std::string code;
  std::string zh;
  std::string en;
  std::string source;
};

struct FeeItem {
  std::string code;
  std::string label;
  std::optional<Fen> amount_fen;  // nullopt: unpriced, an administrator must fill it in
  std::string source;
};

struct Fee {
  std::vector<FeeItem> items;
  // nullopt when any item is unpriced or when the region publishes no fee for the request.
  std::optional<Fen> total_fen;
  // For people: which table entry an administrator must fill, e.g.
  // "central.lua: fee for renew via online is not published".
  std::vector<std::string> unpriced;
};

struct MaterialLine {
  std::string code;
  std::string name;  // Chinese name as the source prints it
  int copies = 1;
  bool stamped = false;         // 加盖公章
  bool signed_by_hand = false;  // 签字
  bool original_shown = false;  // original shown at the counter, or the original itself (a USB key)
  std::string note;
  std::string source;
};

struct Validity {
  Date not_before;
  // nullopt when the region publishes no validity period (region{} years = "not published"):
  // the end is not guessed; `not_published` says so and why.
  std::optional<Date> not_after;
  std::string basis;  // "today", "old_expiry", "kept": how the dates were reached
  std::string source;
  std::string not_published;  // e.g. "guangdong.lua:6: the validity period is not published ..."
  // The service point's convention where the source gives no date rule (validity{} convention):
  // shown so that nobody mistakes it for a published rule. Empty when the rule is published.
  std::string convention;
};

// Which rules answered (issue #16: "each quote and each frozen order records the release it was
// computed under"): the region script's SHA-256, and its release number when the rules come from
// the store (none: from the rules folder).
struct RulesUsed {
  std::string sha256;
  std::optional<std::int64_t> release;
};

struct Quote {
  RulesUsed rules;
  bool eligible = true;
  std::vector<Note> reasons;  // non-empty exactly when !eligible
  std::vector<Note> steps;    // the provider's own notes, then the region's step{} entries
  std::vector<Note> limits;   // the region's limit{} entries across orders that apply
  Fee fee;
  std::vector<MaterialLine> materials;
  std::optional<Validity> validity;
  bool requires_review = false;
  int years = 0;                   // validity years applied
  // Years the request asked for where the CA's validity is not published: the quote answers
  // (validity not published) rather than refusing, and a reviewer's terms set it on the order.
  int years_requested = 0;
  int review_working_days_min = 0; // review{} in force: "within max" when min is 0
  int review_working_days_max = 0; // 0 when not published

  void refuse(Note reason) {
    eligible = false;
    reasons.push_back(std::move(reason));
  }
};

}  // namespace cahub
