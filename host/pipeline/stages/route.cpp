// Stage 2: which region script and which CA plugin answer this request, and whether they may.
#include <algorithm>
#include <string>
#include <utility>

#include "domain/labels.hpp"
#include "pipeline/request_error.hpp"
#include "pipeline/stages/stages.hpp"
#include "plugins/plugin_registry.hpp"
#include "rules/region_rules.hpp"
#include "rules/rule_book.hpp"

namespace cahub::pipeline {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "none" : out;
}

std::string years_list(const std::vector<int>& years) {
  std::string out;
  for (int y : years) out += (out.empty() ? "" : ", ") + std::to_string(y);
  return out;
}

// The channels on which the region does offer this business with this CA to this applicant, as
// the end of the refusal ("；可通过现场、邮寄办理"), so the clerk sees the way that exists; empty
// when there is none.
std::pair<std::string, std::string> other_channels(const rules::RegionRules& region, const QuoteRequest& r) {
  std::string zh, en;
  for (std::size_t i = 0; i < code_count<Channel>(); ++i) {
    const auto ch = static_cast<Channel>(i);
    if (ch == r.channel || !region.offers_channel(ch) || !region.offered(r.ca, r.business, ch, r.applicant)) continue;
    zh += (zh.empty() ? "" : "、") + std::string(label_of(ch).zh);
    en += (en.empty() ? "" : ", ") + std::string(label_of(ch).en);
  }
  if (zh.empty()) return {};
  return {"；可通过" + zh + "方式办理", "; offered here: " + en};
}

}  // namespace

StageOutcome route(QuoteContext& ctx, const rules::RuleBook& rule_book, const plugins::PluginRegistry& plugins) {
  const QuoteRequest& r = ctx.request;
  // The rules in force on the quote's date: a release scheduled for next month prices quotes dated
  // next month, and those dated before keep today's.
  rules::TimedRules in_force = rule_book.find(r.region, r.today);
  ctx.region = std::move(in_force.rules);
  if (!ctx.region) {
    const auto ids = rule_book.ids();
    if (std::find(ids.begin(), ids.end(), r.region) != ids.end())
      throw BadRequest("no_rules_in_force", "region '" + r.region + "' has no rules in force on " + r.today.iso() +
                                                " (its first release takes effect later)");
    throw BadRequest("unknown_region", "unknown region '" + r.region + "' (loaded: " + joined(ids) + ")");
  }
  ctx.quote.rules.sha256 = ctx.region->content_sha256();
  if (in_force.release) ctx.quote.rules.release = in_force.release->number;
  ctx.provider = plugins.find(r.ca);
  if (!ctx.provider)
    throw BadRequest("unknown_ca", "unknown CA '" + r.ca + "' (loaded plugins: " + joined(plugins.ids()) + ")");

  // A CA may offer its own periods (years_offered{}); the message then names it.
  const auto& allowed = ctx.region->allowed_years(r.ca);
  const std::string with_ca = &allowed == &ctx.region->allowed_years() ? "" : " with " + r.ca;
  if (!ctx.region->years_published(r.ca)) {
    // Not published is an answer, as an unpriced fee is: the quote says so, keeps what was asked
    // for, and a reviewer's terms set the period on the order.
    ctx.quote.years = 0;
    ctx.quote.years_requested = r.years;
    ctx.request.years = 0;  // no later stage may date or price by years nobody published
  } else if (r.years == 0) {
    ctx.quote.years = allowed.front();
  } else if (std::find(allowed.begin(), allowed.end(), r.years) == allowed.end()) {
    throw BadRequest("years_not_allowed", r.region + " allows a validity of " + years_list(allowed) + " year(s)" + with_ca +
                                              ", not " + std::to_string(r.years));
  } else {
    ctx.quote.years = r.years;
  }

  // Not errors but answers: the clerk needs to see why this combination cannot be served.
  const std::string region_source = ctx.region->file();
  const std::string provider_source = "plugin:" + r.ca;
  const Label b = label_of(r.business), c = label_of(r.channel), a = label_of(r.applicant);
  Quote& q = ctx.quote;
  if (!ctx.region->accepts(r.ca))
    q.refuse({"ca_not_accepted", "本平台不接受该CA（" + r.ca + "）的证书",
              ctx.region->name_en() + " does not accept certificates from " + r.ca, region_source});
  if (!ctx.region->offers(r.business))
    q.refuse({"business_not_offered", "本平台不办理" + std::string(b.zh) + "业务",
              ctx.region->name_en() + " does not offer " + std::string(b.en), region_source});
  if (!ctx.region->serves(r.applicant))
    q.refuse({"applicant_not_served", "本平台不受理" + std::string(a.zh) + "申请",
              ctx.region->name_en() + " does not serve applicants of kind " + std::string(a.en), region_source});
  if (!ctx.region->offers_channel(r.channel))
    q.refuse({"channel_not_offered", "本平台不提供" + std::string(c.zh) + "办理",
              ctx.region->name_en() + " does not offer handling " + std::string(c.en), region_source});
  // What the CA does here is the region's agreement (offer{}); whether it can do it at all is
  // the provider's capability. Each is checked only when everything before it passed, so the
  // clerk reads the one reason that matters rather than its consequences.
  if (q.eligible && !ctx.region->offered(r.ca, r.business, r.channel, r.applicant)) {
    const auto [zh_elsewhere, en_elsewhere] = other_channels(*ctx.region, r);
    q.refuse({"not_offered_by_ca_here",
              "本平台未公布" + r.ca + "以" + std::string(c.zh) + "方式为" + std::string(a.zh) + "办理" + std::string(b.zh) + "业务" +
                  zh_elsewhere,
              ctx.region->name_en() + " publishes no " + std::string(b.en) + " " + std::string(c.en) + " with " + r.ca +
                  " for applicants of kind " + std::string(a.en) + en_elsewhere,
              region_source});
  }
  if (q.eligible && !ctx.provider->can_carry_out(r.business))
    q.refuse({"provider_cannot_carry_out", "该CA不能办理" + std::string(b.zh) + "业务",
              r.ca + " cannot carry out " + std::string(b.en), provider_source});
  if (q.eligible && !ctx.provider->serves(r.applicant))
    q.refuse({"provider_does_not_serve", "该CA不受理" + std::string(a.zh) + "证书申请",
              r.ca + " does not issue certificates to applicants of kind " + std::string(a.en), provider_source});
  return q.eligible ? StageOutcome::Passed : StageOutcome::Refused;
}

}  // namespace cahub::pipeline
