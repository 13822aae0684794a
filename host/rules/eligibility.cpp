// RegionRules::assess_eligibility: the refuse entries that apply, then the renewal window.
#include <string>

#include "rules/compiled_rules.hpp"
#include "rules/rule_matching.hpp"

namespace cahub::rules {
namespace {

// The window's refusal is written by the host, not the script, so that every region words it
// the same way and names both the window and the certificate's expiry.
Note renewal_window_refusal(const RenewalWindowEntry& w, Date expiry, int days_left) {
  const std::string window = std::to_string(w.days_before_expiry);
  const std::string left = std::to_string(days_left);
  const std::string on = expiry.iso();
  return Note{"renewal_window",
              "证书有效期至" + on + "，距到期还有" + left + "天；本平台仅在到期前" + window + "天内办理续期，请到期前" +
                  window + "天内再来办理",
              "renewal opens " + window + " days before expiry; the certificate expires on " + on + ", " + left +
                  " days from today",
              w.source};
}

}  // namespace

void RegionRules::assess_eligibility(const RuleInput& in, Quote& quote) const {
  const Compiled& c = *compiled_;
  RuleEvaluation eval(c, in);
  for (const RefusalEntry& e : c.refusals)
    if (eval.applies(e)) quote.refuse(Note{e.code, e.zh, e.en, e.source});

  const RequestFacts& f = eval.facts();
  if (f.business != Business::Renew || !f.cert_not_after) return;
  for (const RenewalWindowEntry& w : c.renewal_windows) {
    if (!eval.applies(w)) continue;
    if (*f.days_to_expiry > w.days_before_expiry) quote.refuse(renewal_window_refusal(w, *f.cert_not_after, *f.days_to_expiry));
    return;  // the first window that applies is the one in force
  }
}

}  // namespace cahub::rules
