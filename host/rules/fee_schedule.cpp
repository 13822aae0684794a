// RegionRules::compute_fee: the fee entries that apply, with dated versions resolved.
//
// Never a guess: an entry without `fen` is an unpriced line, a code whose versions all start
// after today is an unpriced line, and a request no entry matches has no fee at all. Each of
// these says, in Fee::unpriced, which entry an administrator must fill in.
#include <vector>

#include "domain/vocabulary.hpp"
#include "rules/compiled_rules.hpp"
#include "rules/rule_matching.hpp"

namespace cahub::rules {
namespace {

constexpr int kNoWinner = -1;

// Per-thread scratch, so that a quote allocates nothing here beyond its own fee lines.
struct FeeScratch {
  std::vector<unsigned char> matched;  // per fee entry
  std::vector<int> winner;             // per code group: the version in force, or kNoWinner
  std::vector<int> first_matched;      // per code group: first matching entry, or kNoWinner
};

std::string request_words(const RequestFacts& f) {
  return std::string(code_of(f.business)) + " via " + std::string(code_of(f.channel)) + " (" +
         std::string(code_of(f.applicant)) + ")";
}

// An entry without `effective` has always been in force.
bool later_version(const FeeEntry& a, const FeeEntry& b) {
  if (!b.effective) return a.effective.has_value();
  return a.effective && *a.effective > *b.effective;
}

}  // namespace

void RegionRules::compute_fee(const RuleInput& in, Quote& quote) const {
  const Compiled& c = *compiled_;
  RuleEvaluation eval(c, in);
  const RequestFacts& f = eval.facts();
  thread_local FeeScratch scratch;
  scratch.matched.assign(c.fees.size(), 0);
  scratch.winner.assign(c.versioned_fee_codes.size(), kNoWinner);
  scratch.first_matched.assign(c.versioned_fee_codes.size(), kNoWinner);

  bool any = false;
  for (std::size_t i = 0; i < c.fees.size(); ++i) {
    const FeeEntry& e = c.fees[i];
    if (!eval.applies(e)) continue;
    scratch.matched[i] = 1;
    any = true;
    const auto g = static_cast<std::size_t>(e.code_group);
    if (scratch.first_matched[g] == kNoWinner) scratch.first_matched[g] = static_cast<int>(i);
    if (!c.versioned_fee_codes[g] || (e.effective && *e.effective > f.today)) continue;
    const int w = scratch.winner[g];
    if (w == kNoWinner || later_version(e, c.fees[static_cast<std::size_t>(w)])) scratch.winner[g] = static_cast<int>(i);
  }

  Fee& fee = quote.fee;
  if (!any) {
    fee.total_fen.reset();
    fee.unpriced.push_back(c.file + ": no fee is published for " + request_words(f) +
                           "; an administrator must add a fee entry");
    return;
  }

  for (std::size_t i = 0; i < c.fees.size(); ++i) {
    if (!scratch.matched[i]) continue;
    const FeeEntry& e = c.fees[i];
    const auto g = static_cast<std::size_t>(e.code_group);
    if (c.versioned_fee_codes[g]) {
      const int w = scratch.winner[g];
      if (w == kNoWinner && scratch.first_matched[g] == static_cast<int>(i)) {
        // Every matching version starts after today: name the earliest of them.
        const FeeEntry* first = &e;
        for (std::size_t j = i; j < c.fees.size(); ++j)
          if (scratch.matched[j] && c.fees[j].code_group == e.code_group && *c.fees[j].effective < *first->effective)
            first = &c.fees[j];
        fee.items.push_back({first->code, first->label, std::nullopt, first->source});
        fee.unpriced.push_back(first->source + ": fee " + first->code + " (" + first->label + ") has no version in force on " +
                               f.today.iso() + "; its first version takes effect on " + first->effective->iso());
        continue;
      }
      if (w != static_cast<int>(i)) continue;
    }
    if (!e.fen) {
      fee.items.push_back({e.code, e.label, std::nullopt, e.source});
      fee.unpriced.push_back(e.source + ": fee " + e.code + " (" + e.label + ") for " + request_words(f) +
                             " is not published; an administrator must fill in fen");
      continue;
    }
    if (e.per_year && f.years == 0) {  // a yearly price times an unknown number of years
      fee.items.push_back({e.code, e.label, std::nullopt, e.source});
      fee.unpriced.push_back(e.source + ": fee " + e.code + " (" + e.label +
                             ") is priced per year and the validity period is not published");
      continue;
    }
    const Fen amount = e.per_year ? *e.fen * f.years : *e.fen;
    fee.items.push_back({e.code, e.label, amount, e.source});
  }

  Fen total = 0;
  for (const FeeItem& item : fee.items) {
    if (!item.amount_fen) {
      fee.total_fen.reset();
      return;
    }
    total += *item.amount_fen;
  }
  fee.total_fen = fee.items.empty() ? std::nullopt : std::optional<Fen>(total);
}

}  // namespace cahub::rules
