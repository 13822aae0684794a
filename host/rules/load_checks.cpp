#include "rules/load_checks.hpp"

#include <algorithm>
#include <string>

#include "rules/script_failure.hpp"

namespace cahub::rules {
namespace {

template <typename E> std::string code_names_in(std::uint32_t bits) {
  std::string out;
  for (std::size_t i = 0; i < code_count<E>(); ++i)
    if (bits & (1u << i)) out += (out.empty() ? "" : ", ") + std::string(CodeList<E>::codes[i]);
  return out;
}

std::string years_in(std::uint64_t bits) {
  std::string out;
  for (int y = 1; y <= kMaxYears; ++y)
    if (bits & year_bit(y)) out += (out.empty() ? "" : ", ") + std::to_string(y);
  return out.empty() ? "not published" : out;
}

class ScriptChecker {
 public:
  ScriptChecker(ScriptDeclarations& d, const RegionDeclaration& region) : d_(d), region_(region) {
    offered_years_ = region.years_bits;
    for (const auto& y : d.years_offered)
      for (int n : y.years) offered_years_ |= year_bit(n);
  }

  // Everything an entry names must be something region{} lists.
  void check_listed(const Declared& e, const char* kind) {
    const Selector& s = e.selector;
    if (s.written & Selector::kBusiness) businesses(e, kind, "business", s.businesses);
    if (s.written & Selector::kChannel) channels(e, kind, "channel", s.channels);
    if (s.written & Selector::kApplicant) applicants(e, kind, "applicant", s.applicants);
    if (s.written & Selector::kYears) years(e, kind, "years", s.years);
    if (s.written & Selector::kCa) cas(e, kind, "ca", s.cas);
    for (const Condition* c : {&e.when, &e.unless}) {
      const std::string role = c == &e.when ? "when." : "unless.";
      for (const Predicate& p : c->all_of) {
        switch (p.attribute) {
          case Attribute::Business: businesses(e, kind, role + "business", static_cast<std::uint32_t>(p.bits)); break;
          case Attribute::Channel: channels(e, kind, role + "channel", static_cast<std::uint32_t>(p.bits)); break;
          case Attribute::Applicant: applicants(e, kind, role + "applicant", static_cast<std::uint32_t>(p.bits)); break;
          case Attribute::Years: years(e, kind, role + "years", p.bits); break;
          case Attribute::Ca: cas(e, kind, role + "ca", p.texts); break;
          default: break;
        }
      }
    }
  }

  void problem(int line, const std::string& message) {
    d_.findings.push_back({d_.file, line, bounded_script_text(message, kMaxFindingBytes)});
  }

 private:
  // A CA the region does not accept can never reach this entry: almost surely a typo.
  void cas(const Declared& e, const char* kind, const std::string& what, const std::vector<std::string>& ids) {
    for (const auto& id : ids)
      if (std::find(region_.accepts.begin(), region_.accepts.end(), id) == region_.accepts.end()) {
        std::string accepted;
        for (const auto& a : region_.accepts) accepted += (accepted.empty() ? "" : ", ") + a;
        problem(e.line, std::string(kind) + ": " + what + " names " + id + ", which region{} does not list in accepts (" +
                            accepted + ")");
      }
  }
  void businesses(const Declared& e, const char* kind, const std::string& what, std::uint32_t bits) {
    if (const auto extra = bits & ~region_.businesses)
      problem(e.line, std::string(kind) + ": " + what + " names " + code_names_in<Business>(extra) +
                          ", which region{} does not list in businesses (" + code_names_in<Business>(region_.businesses) + ")");
  }
  void channels(const Declared& e, const char* kind, const std::string& what, std::uint32_t bits) {
    if (const auto extra = bits & ~region_.channels)
      problem(e.line, std::string(kind) + ": " + what + " names " + code_names_in<Channel>(extra) +
                          ", which region{} does not list in channels (" + code_names_in<Channel>(region_.channels) + ")");
  }
  void applicants(const Declared& e, const char* kind, const std::string& what, std::uint32_t bits) {
    if (const auto extra = bits & ~region_.applicants)
      problem(e.line, std::string(kind) + ": " + what + " names " + code_names_in<ApplicantKind>(extra) +
                          ", which region{} does not list in applicants (" +
                          code_names_in<ApplicantKind>(region_.applicants) + ")");
  }
  void years(const Declared& e, const char* kind, const std::string& what, std::uint64_t bits) {
    if (const auto extra = bits & ~offered_years_)
      problem(e.line, std::string(kind) + ": " + what + " names " + years_in(extra) + ", which region{} does not list in years (" +
                          years_in(region_.years_bits) + ")" + (d_.years_offered.empty() ? "" : " and no years_offered{} offers"));
  }

  ScriptDeclarations& d_;
  const RegionDeclaration& region_;
  std::uint64_t offered_years_ = 0;  // region{}'s years and every years_offered{}'s
};

// Reports the later of two entries that would always apply together and say the same thing.
template <typename Entry, typename Same>
void report_duplicates(ScriptDeclarations& d, const std::vector<Entry>& entries, const char* kind, Same same) {
  for (std::size_t i = 1; i < entries.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (entries[i].same_conditions(entries[j]) && same(entries[i], entries[j])) {
        d.findings.push_back({d.file, entries[i].line,
                              std::string(kind) + ": duplicate entry: same code, selectors and conditions" +
                                  (std::string_view(kind) == "fee" ? " and effective date" : "") + " as " +
                                  entries[j].source});
        break;
      }
}

// A region that accepts a CA but says nothing of what the CA does there would refuse every
// request for it in silence; the administrator is told instead (issue: "a `cahub rules check`
// finding, not a silent refusal").
void check_every_ca_offers(ScriptDeclarations& d, const RegionDeclaration& region) {
  for (const auto& ca : region.accepts) {
    const bool covered = std::any_of(d.offers.begin(), d.offers.end(), [&](const OfferEntry& o) {
      return o.selector.cas.empty() || std::binary_search(o.selector.cas.begin(), o.selector.cas.end(), ca);
    });
    if (!covered)
      d.findings.push_back({d.file, region.line,
                            "region: accepts '" + ca + "' but declares nothing it offers there: add offer { ca = \"" + ca +
                                "\", business = { ... }, channel = { ... } } (what " + ca +
                                " does in this region), or remove it from accepts"});
  }
}

}  // namespace

void check_whole_script(ScriptDeclarations& d, std::string_view expected_id) {
  if (d.regions.empty()) {
    d.findings.push_back({d.file, 0,
                          "no region { ... } declaration: every script needs one (id, name, accepts, applicants, "
                          "channels, businesses, years)"});
    return;
  }
  const RegionDeclaration& region = d.regions.front();
  for (std::size_t i = 1; i < d.regions.size(); ++i)
    d.findings.push_back({d.file, d.regions[i].line,
                          "region: declared a second time (first at " + d.file + ":" + std::to_string(region.line) + ")"});
  if (!region.id.empty() && !expected_id.empty() && region.id != expected_id)
    d.findings.push_back({d.file, region.line,
                          "region: id '" + region.id + "' must be the file name without .lua ('" + std::string(expected_id) + "')"});
  // Cross-checks only against a complete region{}: an incomplete one already has its findings.
  if (region.businesses == 0 || region.channels == 0 || region.applicants == 0 ||
      (region.years.empty() && region.years_published))
    return;

  ScriptChecker checker(d, region);
  for (const auto& e : d.fees) checker.check_listed(e, "fee");
  for (const auto& e : d.materials) checker.check_listed(e, "material");
  for (const auto& e : d.refusals) checker.check_listed(e, "refuse");
  for (const auto& e : d.validities) {
    checker.check_listed(e, "validity");
    for (std::size_t i = 0; i < code_count<Business>(); ++i) {
      const auto b = static_cast<Business>(i);
      if ((e.selector.businesses & code_bit(b)) && (region.businesses & code_bit(b)) && !yields_certificate(b))
        checker.problem(e.line, "validity: " + std::string(code_of(b)) +
                                    " does not issue a certificate, so it has no validity to declare");
    }
  }
  for (const auto& e : d.renewal_windows) {
    checker.check_listed(e, "renewal_window");
    if (!(region.businesses & code_bit(Business::Renew)))
      checker.problem(e.line, "renewal_window: region{} does not list the business renew in businesses");
  }

  for (const auto& e : d.offers) checker.check_listed(e, "offer");
  for (const auto& e : d.steps) checker.check_listed(e, "step");
  for (const auto& e : d.reviews) checker.check_listed(e, "review");
  for (const auto& e : d.limits) checker.check_listed(e, "limit");
  check_every_ca_offers(d, region);

  for (std::size_t i = 0; i < d.years_offered.size(); ++i) {
    const YearsOffered& y = d.years_offered[i];
    checker.check_listed(y, "years_offered");
    for (std::size_t j = 0; j < i; ++j)
      for (const auto& ca : y.selector.cas)
        if (std::binary_search(d.years_offered[j].selector.cas.begin(), d.years_offered[j].selector.cas.end(), ca))
          checker.problem(y.line, "years_offered: " + ca + " already has its years at " + d.years_offered[j].source);
  }

  report_duplicates(d, d.fees, "fee", [](const FeeEntry& a, const FeeEntry& b) {
    return a.code == b.code && a.effective == b.effective;
  });
  report_duplicates(d, d.materials, "material", [](const MaterialEntry& a, const MaterialEntry& b) { return a.code == b.code; });
  report_duplicates(d, d.refusals, "refuse", [](const RefusalEntry& a, const RefusalEntry& b) { return a.code == b.code; });
  report_duplicates(d, d.steps, "step", [](const StepEntry& a, const StepEntry& b) { return a.code == b.code; });
  report_duplicates(d, d.limits, "limit", [](const LimitEntry& a, const LimitEntry& b) { return a.code == b.code; });
}

}  // namespace cahub::rules
