#include "rules/rules_diff.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include <cahub/plugin.h>  // CAHUB_FACT_*: what a provider may report
#include <nlohmann/json.hpp>

#include "domain/labels.hpp"
#include "domain/money.hpp"
#include "rules/compiled_rules.hpp"
#include "rules/rule_matching.hpp"

namespace cahub::rules {
namespace {

constexpr const char* kNothing = "—";

// A circumstance both versions may treat differently, with the values worth asking about.
struct Variable {
  Attribute attribute;
  std::vector<std::string> values;  // the first is the common case
};

// Which circumstances the when/unless tables of either version test.
std::vector<Variable> circumstances_tested(const RegionRules::Compiled& a, const RegionRules::Compiled& b) {
  std::map<Attribute, std::set<std::string>> texts;
  std::set<Attribute> seen;
  auto visit = [&](const Declared& e) {
    for (const Condition* c : {&e.when, &e.unless})
      for (const Predicate& p : c->all_of) {
        seen.insert(p.attribute);
        for (const auto& t : p.texts) texts[p.attribute].insert(t);
      }
  };
  for (const auto* c : {&a, &b}) {
    for (const auto& e : c->fees) visit(e);
    for (const auto& e : c->materials) visit(e);
    for (const auto& e : c->refusals) visit(e);
    for (const auto& e : c->validities) visit(e);
    for (const auto& e : c->renewal_windows) visit(e);
    for (const auto& e : c->steps) visit(e);
    for (const auto& e : c->reviews) visit(e);
  }
  std::vector<Variable> out;
  for (Attribute at : seen) {
    switch (at) {
      case Attribute::Registered:
      case Attribute::ExpertInDatabase: out.push_back({at, {"yes", "no"}}); break;
      case Attribute::Expired:
      case Attribute::OpenBid:
      case Attribute::HasMasterKey:
      case Attribute::Delegated:
      case Attribute::LegalRepInPerson:
      case Attribute::PublicInstitution:
      case Attribute::AgentChanged:
      case Attribute::WarrantyCoversMedium:
      case Attribute::ProviderRequiresReview: out.push_back({at, {"no", "yes"}}); break;
      case Attribute::Defect: out.push_back({at, {"quality", "other"}}); break;
      case Attribute::FormerCa: {
        Variable v{at, {""}};
        for (const auto& t : texts[at]) v.values.push_back(t);
        out.push_back(std::move(v));
        break;
      }
      default: break;  // the request's own codes are enumerated anyway; numbers and dates are not varied
    }
  }
  return out;
}

// One request both versions are asked, in the rule engine's terms.
struct Asked {
  QuoteRequest request;
  int years = 0;
  std::uint32_t provider_facts = 0;
};

Asked make_request(const std::string& region, const std::string& ca, Business b, ApplicantKind a, Channel c, int years,
                   KeyType k, Date today, const std::vector<Variable>& vars, const std::vector<std::size_t>& choice) {
  Asked asked;
  QuoteRequest& r = asked.request;
  r.region = region;
  r.ca = ca;
  r.business = b;
  r.applicant = a;
  r.channel = c;
  r.key = k;
  r.years = years;
  r.today = today;
  asked.years = years;
  bool expired = false;
  for (std::size_t i = 0; i < vars.size(); ++i) {
    const std::string& v = vars[i].values[choice[i]];
    const bool yes = v == "yes";
    Circumstances& s = r.circumstances;
    switch (vars[i].attribute) {
      case Attribute::Registered: s.registered = yes; break;
      case Attribute::ExpertInDatabase: s.expert_in_database = yes; break;
      case Attribute::OpenBid: s.open_bid = yes; break;
      case Attribute::HasMasterKey: s.has_master_key = yes; break;
      case Attribute::Delegated: s.delegated = yes; break;
      case Attribute::LegalRepInPerson: s.legal_rep_in_person = yes; break;
      case Attribute::PublicInstitution: s.public_institution = yes; break;
      case Attribute::AgentChanged: s.agent_changed = yes; break;
      case Attribute::FormerCa: s.former_ca = v; break;
      case Attribute::Expired: expired = yes; break;
      case Attribute::Defect: r.defect = *parse_code<Defect>(v); break;
      case Attribute::WarrantyCoversMedium: if (yes) asked.provider_facts |= CAHUB_FACT_WARRANTY_COVERS_MEDIUM; break;
      case Attribute::ProviderRequiresReview: if (yes) asked.provider_facts |= CAHUB_FACT_REQUIRES_REVIEW; break;
      default: break;
    }
  }
  if (b != Business::New) {
    // Expiring today (inside every renewal window, so a window never hides a refusal), or
    // expired a month ago.
    r.cert_not_after = expired ? today.plus_days(-30) : today;
    r.cert_not_before = r.cert_not_after->plus_days(-365);
  }
  return asked;
}

std::string money_text(const std::optional<Fen>& fen) { return fen ? format_cny(*fen) : "unpriced"; }

std::string material_text(const MaterialLine& m) {
  std::string t = m.name + " ×" + std::to_string(m.copies);
  if (m.stamped) t += " stamped";
  if (m.signed_by_hand) t += " signed";
  if (m.original_shown) t += " original";
  return t;
}

// What one version answers, by "aspect\x1Fitem".
using Answer = std::map<std::string, std::string>;

void answer_stage(Answer& out, const char* stage, const std::function<void()>& run) {
  try {
    run();
  } catch (const RuleError& e) {
    out[std::string("error\x1F") + stage] = e.what();
  }
}

std::string limit_text(const OrderLimit& l) {
  const std::string what = l.counts == LimitCounts::Held     ? "open order(s) and certificate(s) held"
                           : l.counts == LimitCounts::Issued ? "open order(s) and certificate(s) issued, expired ones included"
                                                             : "open order(s)";
  return "at most " + std::to_string(l.at_most) + " " + what + " per applicant" +
         (l.across == LimitAcross::Region ? " across the region's CAs" : " and CA");
}

// The region's procedure with the CA: steps (by code, their Chinese text), the review time in
// force, and the limits across orders that apply.
void agreement_answer(const RegionRules& rules, const RuleInput& in, Answer& out) {
  Quote q;
  rules.describe_procedure(in, q);
  for (const Note& s : q.steps) out["step\x1F" + s.code] = s.zh;
  out["review\x1F" + std::string(code_of(in.request.business))] =
      !q.requires_review ? "none"
      : q.review_working_days_max == 0 ? "not published"
      : q.review_working_days_min == q.review_working_days_max ? std::to_string(q.review_working_days_max) + " working days"
      : (q.review_working_days_min > 0 ? std::to_string(q.review_working_days_min) + "-" : std::string("within ")) +
            std::to_string(q.review_working_days_max) + " working days";
  for (const OrderLimit& l : rules.limits_for(in.request)) out["limit\x1F" + l.code] = limit_text(l);
}

Answer answer(const RegionRules& rules, const Asked& asked) {
  Answer out;
  const RuleInput in{asked.request, asked.years, asked.provider_facts};
  Quote q;
  answer_stage(out, "fee", [&] { rules.compute_fee(in, q); });
  for (const FeeItem& item : q.fee.items) {
    std::string& v = out["fee\x1F" + item.code];
    v += (v.empty() ? "" : " + ") + money_text(item.amount_fen);
  }
  answer_stage(out, "materials", [&] { rules.list_materials(in, q); });
  for (const MaterialLine& m : q.materials) out["material\x1F" + m.code] = material_text(m);

  const RegionRules::Compiled& c = rules.compiled();
  const QuoteRequest& r = asked.request;
  out["offer\x1F" + std::string(code_of(r.business))] =
      rules.offered(r.ca, r.business, r.channel, r.applicant) ? "offered" : "not offered";
  answer_stage(out, "procedure", [&] { agreement_answer(rules, in, out); });
  answer_stage(out, "eligibility", [&] {
    RuleEvaluation eval(c, in);
    for (const RefusalEntry& e : c.refusals)
      if (eval.applies(e)) out["refusal\x1F" + e.code] = "refused";
    if (asked.request.business == Business::Renew) {
      std::string window = "none";
      for (const RenewalWindowEntry& w : c.renewal_windows)
        if (eval.applies(w)) {
          window = std::to_string(w.days_before_expiry) + " days before expiry";
          break;
        }
      out["renewal window\x1Frenew"] = window;
    }
    if (yields_certificate(asked.request.business)) {
      std::string basis = "not declared";
      for (const ValidityEntry& v : c.validities)
        if (eval.applies(v)) {
          basis = std::string("from = ") + from_code(v.from);  // the words the script uses (docs/rules.md §4.5)
          break;
        }
      out["validity\x1F" + std::string(code_of(asked.request.business))] = basis;
    }
  });
  return out;
}

template <typename E> std::vector<E> both_offer(std::uint32_t a, std::uint32_t b) {
  std::vector<E> out;
  for (std::size_t i = 0; i < code_count<E>(); ++i)
    if ((a & b) & (1u << i)) out.push_back(static_cast<E>(i));
  return out;
}

template <typename E> std::string code_list(std::uint32_t bits) {
  std::string out;
  for (std::size_t i = 0; i < code_count<E>(); ++i)
    if (bits & (1u << i)) out += (out.empty() ? "" : ", ") + std::string(code_of(static_cast<E>(i)));
  return out.empty() ? kNothing : out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? kNothing : out;
}

std::string years_text(const std::vector<int>& years) {
  std::vector<std::string> y;
  for (int n : years) y.push_back(std::to_string(n));
  return y.empty() ? "not published" : joined(y);
}

void region_changes(const RegionRules::Compiled& ca_, const RegionRules::Compiled& cb, std::vector<CustomerChange>& out) {
  const RegionDeclaration& a = ca_.region;
  const RegionDeclaration& b = cb.region;
  auto row = [&](const char* item, const std::string& old_value, const std::string& new_value) {
    if (old_value != new_value)
      out.push_back({"region", item, "changed", "any", "any", "any", "any", "any", "any", "", "", old_value, new_value});
  };
  std::vector<std::string> old_cas = a.accepts, new_cas = b.accepts;
  std::sort(old_cas.begin(), old_cas.end());
  std::sort(new_cas.begin(), new_cas.end());
  row("accepts", joined(old_cas), joined(new_cas));
  row("businesses", code_list<Business>(a.businesses), code_list<Business>(b.businesses));
  row("applicants", code_list<ApplicantKind>(a.applicants), code_list<ApplicantKind>(b.applicants));
  row("channels", code_list<Channel>(a.channels), code_list<Channel>(b.channels));
  row("years", years_text(a.years), years_text(b.years));
  // A CA's own validity periods (years_offered{}), for the CAs both versions accept.
  for (const auto& ca : old_cas)
    if (std::binary_search(new_cas.begin(), new_cas.end(), ca)) {
      const std::string old_years = years_text(ca_.years_for(ca)), new_years = years_text(cb.years_for(ca));
      if (old_years != new_years)
        out.push_back({"region", "years", "changed", ca, "any", "any", "any", "any", "any", "", "", old_years, new_years});
    }
}

// Rows that differ the same way, collected over the dimensions that are shown merged.
struct Group {
  std::set<std::string> applicants, channels, years, keys, dates;
  std::set<std::pair<std::string, std::string>> cells;  // (applicant, channel) pairs seen
  std::vector<std::set<std::string>> circumstances;  // per variable: the values it was seen with
};

template <typename E> std::string shown(const std::set<std::string>& seen, const std::vector<E>& all) {
  if (seen.size() == all.size()) return "any";
  return joined({seen.begin(), seen.end()});
}

// Applicants and channels are shown as two lists, which reads as every pair of them. When the
// change did not happen for every pair (NMGCA renewal no longer offered to units on site, still
// offered to them online), the group is split into one row per applicant kind.
std::vector<Group> by_applicant_where_needed(const Group& g) {
  if (g.cells.size() == g.applicants.size() * g.channels.size()) return {g};
  std::vector<Group> parts;
  for (const auto& applicant : g.applicants) {
    Group part = g;
    part.applicants = {applicant};
    part.channels.clear();
    part.cells.clear();
    for (const auto& [a, c] : g.cells)
      if (a == applicant) part.channels.insert(c), part.cells.emplace(a, c);
    parts.push_back(std::move(part));
  }
  return parts;
}

// The dimensions a diff walked, to tell "any" from a list.
struct Dimensions {
  std::vector<ApplicantKind> applicants;
  std::vector<Channel> channels;
  std::vector<KeyType> keys;
  std::function<std::vector<int>(const std::string&)> years_of;
};

using GroupKey = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string, std::string>;

CustomerChange row_of(const GroupKey& key, const Group& g, const std::vector<Variable>& vars, const Dimensions& dims,
                      std::size_t day_count) {
  const auto& [aspect, item, ov, nv, ca, business, unused] = key;
  (void)unused;
  CustomerChange row;
  row.aspect = aspect;
  row.item = item;
  row.change = ov == kNothing ? "added" : nv == kNothing ? "removed" : "changed";
  row.ca = ca;
  row.business = business;
  row.applicant = shown(g.applicants, dims.applicants);
  row.channel = shown(g.channels, dims.channels);
  row.years = shown(g.years, dims.years_of(ca));
  row.key = shown(g.keys, dims.keys);
  for (std::size_t i = 0; i < vars.size(); ++i) {
    if (g.circumstances[i].size() == vars[i].values.size()) continue;
    std::vector<std::string> vals;
    for (const auto& v : g.circumstances[i]) vals.push_back(v.empty() ? "none" : v);
    row.when += (row.when.empty() ? "" : ", ") + std::string(attribute_info(vars[i].attribute).name) + " " + joined(vals);
  }
  if (g.dates.size() < day_count) row.from = *g.dates.begin();
  row.old_value = ov;
  row.new_value = nv;
  return row;
}

// One request both versions were asked, as the rows name it.
struct Cell {
  const std::string& ca;
  Business business;
  ApplicantKind applicant;
  Channel channel;
  int years;
  KeyType key;
  Date day;
};

// Every item the two answers give differently, added to the group of rows that differ the same way.
void record_differences(const Answer& old_answer, const Answer& new_answer, const Cell& at, const std::vector<Variable>& vars,
                        const std::vector<std::size_t>& choice, std::map<GroupKey, Group>& groups) {
  std::set<std::string> items;
  for (const auto& [item, v] : old_answer) items.insert(item);
  for (const auto& [item, v] : new_answer) items.insert(item);
  for (const auto& item : items) {
    const auto o = old_answer.find(item), n = new_answer.find(item);
    const std::string ov = o == old_answer.end() ? kNothing : o->second;
    const std::string nv = n == new_answer.end() ? kNothing : n->second;
    if (ov == nv) continue;
    const auto sep = item.find('\x1F');
    Group& g = groups[{item.substr(0, sep), item.substr(sep + 1), ov, nv, at.ca, std::string(code_of(at.business)), ""}];
    g.applicants.insert(std::string(code_of(at.applicant)));
    g.channels.insert(std::string(code_of(at.channel)));
    g.cells.emplace(code_of(at.applicant), code_of(at.channel));
    g.years.insert(at.years ? std::to_string(at.years) : "not published");
    g.keys.insert(std::string(code_of(at.key)));
    g.dates.insert(at.day.iso());
    g.circumstances.resize(vars.size());
    for (std::size_t i = 0; i < vars.size(); ++i) g.circumstances[i].insert(vars[i].values[choice[i]]);
  }
}

// The same change for several CAs reads as one row; for every CA both versions accept, "any".
std::vector<CustomerChange> merged_across_cas(std::vector<CustomerChange> changes, std::size_t ca_count) {
  std::vector<CustomerChange> merged;
  for (auto& c : changes) {
    auto same = std::find_if(merged.begin(), merged.end(), [&](const CustomerChange& m) {
      return m.aspect == c.aspect && m.item == c.item && m.old_value == c.old_value && m.new_value == c.new_value &&
             m.business == c.business && m.applicant == c.applicant && m.channel == c.channel && m.years == c.years &&
             m.key == c.key && m.when == c.when && m.from == c.from && m.aspect != "region";
    });
    if (same == merged.end()) merged.push_back(std::move(c));
    else same->ca += ", " + c.ca;
  }
  for (auto& m : merged)
    if (m.aspect != "region" && m.ca.find(", ") != std::string::npos &&
        static_cast<std::size_t>(std::count(m.ca.begin(), m.ca.end(), ',') + 1) == ca_count)
      m.ca = "any";
  return merged;
}

}  // namespace

std::vector<CustomerChange> diff_for_customers(const RegionRules& old_rules, const RegionRules& new_rules, Date today) {
  const RegionRules::Compiled& a = old_rules.compiled();
  const RegionRules::Compiled& b = new_rules.compiled();
  std::vector<CustomerChange> changes;
  region_changes(a, b, changes);

  std::vector<std::string> cas;
  for (const auto& ca : a.region.accepts)
    if (std::find(b.region.accepts.begin(), b.region.accepts.end(), ca) != b.region.accepts.end()) cas.push_back(ca);
  std::sort(cas.begin(), cas.end());
  const auto businesses = both_offer<Business>(a.region.businesses, b.region.businesses);
  const auto applicants = both_offer<ApplicantKind>(a.region.applicants, b.region.applicants);
  const auto channels = both_offer<Channel>(a.region.channels, b.region.channels);
  const std::vector<KeyType> keys{KeyType::Master, KeyType::Secondary};
  // The years both versions offer a CA's customers; 0 alone when neither publishes any.
  auto years_of = [&](const std::string& ca) {
    std::vector<int> years;
    const auto& new_years = b.years_for(ca);
    for (int y : a.years_for(ca))
      if (std::find(new_years.begin(), new_years.end(), y) != new_years.end()) years.push_back(y);
    if (years.empty()) years.push_back(0);
    return years;
  };

  // Today, and each day a dated fee version starts: prices change only on those days.
  std::set<Date> day_set{today};
  for (const auto* c : {&a, &b})
    for (const auto& f : c->fees)
      if (f.effective) day_set.insert(*f.effective);
  const std::vector<Date> days(day_set.begin(), day_set.end());

  const std::vector<Variable> vars = circumstances_tested(a, b);
  const Dimensions dims{applicants, channels, keys, years_of};
  std::map<GroupKey, Group> groups;  // aspect, item, old, new, ca, business, (reserved)

  std::vector<std::size_t> choice(vars.size(), 0);
  for (const auto& ca : cas)
    for (Business bu : businesses)
      for (ApplicantKind ap : applicants)
        for (Channel ch : channels)
          for (int y : years_of(ca))
            for (KeyType k : keys)
              for (Date day : days) {
                std::fill(choice.begin(), choice.end(), 0);
                for (;;) {
                  const Asked asked = make_request(a.region.id, ca, bu, ap, ch, y, k, day, vars, choice);
                  const Answer old_answer = answer(old_rules, asked), new_answer = answer(new_rules, asked);
                  if (old_answer != new_answer) {
                    const Cell cell{ca, bu, ap, ch, y, k, day};
                    record_differences(old_answer, new_answer, cell, vars, choice, groups);
                  }
                  // Next combination of circumstances (odometer).
                  std::size_t i = 0;
                  while (i < vars.size() && ++choice[i] == vars[i].values.size()) choice[i++] = 0;
                  if (i == vars.size()) break;
                }
              }

  for (const auto& [key, g] : groups)
    for (const Group& part : by_applicant_where_needed(g)) changes.push_back(row_of(key, part, vars, dims, days.size()));
  return merged_across_cas(std::move(changes), cas.size());
}

namespace {

// Columns line up in a terminal: a CJK character takes two cells.
std::size_t cells(const std::string& s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    n += len >= 3 && s.compare(i, 3, kNothing) != 0 ? 2 : 1;
    i += len;
  }
  return n;
}

}  // namespace

std::string render_changes(const std::vector<CustomerChange>& changes) {
  if (changes.empty()) return "no changes for customers\n";
  const std::vector<std::string> head{"what", "item", "change", "CA", "business", "applicant", "channel", "years", "key",
                                      "when", "from", "old", "new"};
  std::vector<std::vector<std::string>> rows{head};
  for (const auto& c : changes)
    rows.push_back({c.aspect, c.item, c.change, c.ca, c.business, c.applicant, c.channel, c.years, c.key,
                    c.when.empty() ? "" : c.when, c.from, c.old_value, c.new_value});
  std::vector<std::size_t> width(head.size(), 0);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], cells(r[i]));
  std::string out;
  for (std::size_t n = 0; n < rows.size(); ++n) {
    std::string line;
    for (std::size_t i = 0; i < rows[n].size(); ++i) {
      line += rows[n][i];
      if (i + 1 < rows[n].size()) line += std::string(width[i] - cells(rows[n][i]) + 2, ' ');
    }
    out += line + "\n";
    if (n == 0) {
      std::size_t total = 0;
      for (auto w : width) total += w + 2;
      out += std::string(total - 2, '-') + "\n";
    }
  }
  out += std::to_string(changes.size()) + " change(s) for customers\n";
  return out;
}

nlohmann::ordered_json changes_to_json(const std::vector<CustomerChange>& changes) {
  auto list = nlohmann::ordered_json::array();
  for (const auto& c : changes)
    list.push_back({{"aspect", c.aspect}, {"item", c.item}, {"change", c.change}, {"ca", c.ca},
                    {"business", c.business}, {"applicant", c.applicant}, {"channel", c.channel},
                    {"years", c.years}, {"key", c.key}, {"when", c.when}, {"from", c.from},
                    {"old", c.old_value}, {"new", c.new_value}});
  return {{"changes", list}};
}

}  // namespace cahub::rules
