// The region's agreement with each CA it accepts (docs/rules.md §4.8–4.11): what the CA does
// here (offer{}), the steps of the procedure (step{}), how long the CA reviews (review{}), and
// the limits across orders (limit{}). A plugin knows none of this: it is the same in every
// region, and what one region says of a CA must never reach another region's customers.
#include <algorithm>

#include "rules/compiled_rules.hpp"
#include "rules/rule_matching.hpp"

namespace cahub::rules {
namespace {

template <typename E> std::vector<E> codes_in(std::uint32_t bits) {
  std::vector<E> out;
  for (std::size_t i = 0; i < code_count<E>(); ++i)
    if (bits >> i & 1u) out.push_back(static_cast<E>(i));
  return out;
}

// The request's facts that a limit's selectors test (limits take no when/unless and no years).
bool limit_applies(const LimitEntry& l, const QuoteRequest& r) {
  const Selector& s = l.selector;
  return (s.businesses & code_bit(r.business)) && (s.channels & code_bit(r.channel)) &&
         (s.applicants & code_bit(r.applicant)) && (s.keys & code_bit(r.key)) &&
         (s.cas.empty() || std::binary_search(s.cas.begin(), s.cas.end(), r.ca));
}

}  // namespace

bool RegionRules::offered(std::string_view ca, Business business, Channel channel, ApplicantKind applicant) const {
  const Compiled& c = *compiled_;
  const auto& accepts = c.region.accepts;
  const auto it = std::find(accepts.begin(), accepts.end(), ca);
  if (it == accepts.end()) return false;
  const auto& bits = c.offer_bits[static_cast<std::size_t>(it - accepts.begin())];
  return (bits[static_cast<std::size_t>(channel)][static_cast<std::size_t>(applicant)] & code_bit(business)) != 0;
}

std::vector<CaOffers> RegionRules::offers_by_ca() const {
  const Compiled& c = *compiled_;
  std::vector<CaOffers> out;
  for (std::size_t i = 0; i < c.region.accepts.size(); ++i) {
    CaOffers o{c.region.accepts[i], {}, {}};
    std::uint32_t applicants = 0;
    for (std::size_t ch = 0; ch < code_count<Channel>(); ++ch) {
      std::uint32_t businesses = 0;
      for (std::size_t a = 0; a < code_count<ApplicantKind>(); ++a) {
        // Only what region{} lists is offered, whatever an offer's defaults cover.
        const std::uint32_t here = c.offer_bits[i][ch][a] & c.region.businesses;
        if (!(c.region.channels >> ch & 1u) || !(c.region.applicants >> a & 1u) || here == 0) continue;
        businesses |= here;
        applicants |= 1u << a;
      }
      if (businesses) o.by_channel.emplace_back(static_cast<Channel>(ch), codes_in<Business>(businesses));
    }
    o.applicants = codes_in<ApplicantKind>(applicants);
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<OrderLimit> RegionRules::limits_for(const QuoteRequest& request) const {
  std::vector<OrderLimit> out;
  for (const LimitEntry& l : compiled_->order_limits) {
    if (!limit_applies(l, request)) continue;
    // What counts is what the limit names within what region{} lists: readable in messages and
    // in `rules diff`, and the same orders either way.
    const Selector& s = l.selector;
    const RegionDeclaration& region = compiled_->region;
    out.push_back(OrderLimit{l.code, l.zh, l.en, l.source, l.counts, l.across, l.at_most,
                             codes_in<Business>(s.businesses & region.businesses),
                             codes_in<Channel>(s.channels & region.channels),
                             codes_in<ApplicantKind>(s.applicants & region.applicants), codes_in<KeyType>(s.keys)});
  }
  return out;
}

void RegionRules::describe_procedure(const RuleInput& in, Quote& quote) const {
  const Compiled& c = *compiled_;
  RuleEvaluation eval(c, in);
  quote.steps.reserve(quote.steps.size() + std::min<std::size_t>(c.steps.size(), 8));
  for (const StepEntry& e : c.steps)
    if (eval.applies(e)) quote.steps.push_back(Note{e.code, e.zh, e.en, e.source});
  for (const ReviewEntry& e : c.reviews) {
    if (!eval.applies(e)) continue;
    quote.requires_review = true;
    quote.review_working_days_min = e.min_days;
    quote.review_working_days_max = e.max_days;
    break;  // the first review that applies is the one in force
  }
  for (const LimitEntry& l : c.order_limits)
    if (limit_applies(l, in.request)) quote.limits.push_back(Note{l.code, l.zh, l.en, l.source});
}

}  // namespace cahub::rules
