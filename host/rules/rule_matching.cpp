#include "rules/rule_matching.hpp"

#include <algorithm>

#include "rules/function_conditions.hpp"

namespace cahub::rules {
namespace {

bool has_bit(std::uint64_t bits, unsigned index) { return index < 64 && ((bits >> index) & 1u); }

bool listed(const std::vector<std::int64_t>& numbers, std::int64_t value) {
  return std::binary_search(numbers.begin(), numbers.end(), value);
}

bool listed_date(const std::vector<std::int64_t>& days, const std::optional<Date>& d) {
  return d && listed(days, d->days());
}

bool listed_number(const Predicate& p, const std::optional<int>& n) {
  if (!n) return false;
  if (p.at_least || p.at_most) return (!p.at_least || *n >= *p.at_least) && (!p.at_most || *n <= *p.at_most);
  return listed(p.numbers, *n);
}

}  // namespace

bool Predicate::holds(const RequestFacts& f) const {
  switch (attribute) {
    case Attribute::Business: return has_bit(bits, static_cast<unsigned>(f.business));
    case Attribute::Channel: return has_bit(bits, static_cast<unsigned>(f.channel));
    case Attribute::Applicant: return has_bit(bits, static_cast<unsigned>(f.applicant));
    case Attribute::Key: return has_bit(bits, static_cast<unsigned>(f.key));
    case Attribute::Years: return f.years > 0 && has_bit(bits, static_cast<unsigned>(f.years));
    case Attribute::Today: return listed(numbers, f.today.days());
    case Attribute::DaysToExpiry: return listed_number(*this, f.days_to_expiry);
    case Attribute::DaysSinceExpiry: return listed_number(*this, f.days_since_expiry);
    case Attribute::CertNotBefore: return listed_date(numbers, f.cert_not_before);
    case Attribute::CertNotAfter: return listed_date(numbers, f.cert_not_after);
    case Attribute::FirstIssued: return listed_date(numbers, f.first_issued);
    case Attribute::Defect: return f.defect && has_bit(bits, static_cast<unsigned>(*f.defect));
    case Attribute::FormerCa: return std::binary_search(texts.begin(), texts.end(), f.former_ca);
    case Attribute::Ca: return std::binary_search(texts.begin(), texts.end(), f.ca);
    default:  // the boolean attributes: bit 0 allows false, bit 1 allows true
      return has_bit(bits, f.flag(attribute) ? 1u : 0u);
  }
}

RuleEvaluation::RuleEvaluation(const RegionRules::Compiled& compiled, const RuleInput& in)
    : compiled_(compiled), facts_(RequestFacts::of(in, [&] {
        const auto& years = compiled.years_for(in.request.ca);
        return years.empty() ? 0 : years.front();
      }())) {}

bool RuleEvaluation::applies(const Declared& entry) {
  if (!entry.selector.matches(facts_)) return false;
  if (entry.when.form != Condition::Form::Absent && !holds(entry.when, entry, "when")) return false;
  if (entry.unless.form != Condition::Form::Absent && holds(entry.unless, entry, "unless")) return false;
  return true;
}

bool RuleEvaluation::holds(const Condition& condition, const Declared& entry, std::string_view role) {
  if (condition.form == Condition::Form::Table)
    return std::all_of(condition.all_of.begin(), condition.all_of.end(),
                       [&](const Predicate& p) { return p.holds(facts_); });
  if (!functions_) functions_ = &FunctionConditions::for_this_thread(compiled_);
  return functions_->evaluate(condition.function_slot, facts_, q_current_, entry.source, role);
}

}  // namespace cahub::rules
