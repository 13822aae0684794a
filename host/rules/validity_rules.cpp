// RegionRules::compute_validity: the dates of the certificate a business issues, from the first
// validity entry that applies.
#include "rules/compiled_rules.hpp"
#include "rules/rule_matching.hpp"

namespace cahub::rules {
namespace {

// The pipeline validates requests before the rules see them, so a missing date here means a
// request reached a stage it should not have: a clear error, never a made-up validity.
[[noreturn]] void missing_date(const ValidityEntry& e, const char* which) {
  throw RuleError(e.source + ": validity from " + from_code(e.from) + " needs the current certificate's " + which +
                  ", which the request does not give");
}

}  // namespace

void RegionRules::compute_validity(const RuleInput& in, Quote& quote) const {
  RuleEvaluation eval(*compiled_, in);
  const RequestFacts& f = eval.facts();
  if (!yields_certificate(f.business)) return;
  // No period published: the start is known, the end is not, and the quote says so.
  const std::optional<int> years = f.years > 0 ? std::optional<int>(f.years) : std::nullopt;
  auto extended = [&](Date from) { return years ? std::optional<Date>(from.plus_years(*years)) : std::nullopt; };
  for (const ValidityEntry& e : compiled_->validities) {
    if (!eval.applies(e)) continue;
    Validity v;
    switch (e.from) {
      case ValidityFrom::Today:
        v = {f.today, extended(f.today), "today", e.source, {}, {}};
        break;
      case ValidityFrom::OldExpiryOrToday:
        if (!f.cert_not_after) missing_date(e, "not_after");
        if (*f.cert_not_after < f.today)  // expired: a new term from today
          v = {f.today, extended(f.today), "today", e.source, {}, {}};
        else
          v = {f.today, extended(*f.cert_not_after), "old_expiry", e.source, {}, {}};
        break;
      case ValidityFrom::Keep:
        if (!f.cert_not_before) missing_date(e, "not_before");
        if (!f.cert_not_after) missing_date(e, "not_after");
        v = {*f.cert_not_before, *f.cert_not_after, "kept", e.source, {}, {}};
        break;
    }
    v.convention = e.convention;
    if (!v.not_after)
      v.not_published = compiled_->file + ":" + std::to_string(compiled_->region.line) +
                        ": the validity period is not published (region{} years = \"not published\"), so the "
                        "certificate's end date cannot be given; the CA states it when issuing";
    quote.validity = std::move(v);
    return;
  }
}

}  // namespace cahub::rules
