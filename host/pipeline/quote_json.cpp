#include "pipeline/quote_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/labels.hpp"
#include "domain/money.hpp"

namespace cahub::pipeline {
namespace {

using nlohmann::json;

json note_json(const Note& n, bool explain) {
  json j{{"code", n.code}, {"zh", n.zh}, {"en", n.en}};
  if (explain) j["source"] = n.source;
  return j;
}

}  // namespace

json quote_to_json(const QuoteContext& ctx, bool explain) {
  const QuoteRequest& r = ctx.request;
  const Quote& q = ctx.quote;
  json out;
  out["region"] = r.region;
  out["ca"] = r.ca;
  out["business"] = code_of(r.business);
  out["applicant"] = code_of(r.applicant);
  out["channel"] = code_of(r.channel);
  out["key"] = code_of(r.key);
  out["today"] = r.today.iso();
  out["rules"] = {{"region", r.region},
                  {"release", q.rules.release ? json(*q.rules.release) : json(nullptr)},
                  {"sha256", q.rules.sha256}};
  out["years"] = q.years > 0 ? json(q.years) : json(nullptr);  // null: not published
  if (q.years_requested > 0) out["years_requested"] = q.years_requested;
  out["eligible"] = q.eligible;
  // `reasons` stays a plain list of sentences for people and simple clients; the details carry
  // the stable codes that programs should match on.
  out["reasons"] = json::array();
  out["reason_details"] = json::array();
  for (const auto& n : q.reasons) {
    out["reasons"].push_back(n.zh + "（" + n.en + "）");
    out["reason_details"].push_back(note_json(n, explain));
  }
  out["steps"] = json::array();
  for (const auto& n : q.steps) out["steps"].push_back(note_json(n, explain));
  out["limits"] = json::array();
  for (const auto& n : q.limits) out["limits"].push_back(note_json(n, explain));

  json fee;
  fee["currency"] = "CNY";
  fee["total_fen"] = q.fee.total_fen ? json(*q.fee.total_fen) : json(nullptr);
  fee["unpriced"] = q.fee.unpriced;
  fee["items"] = json::array();
  for (const auto& item : q.fee.items) {
    json i{{"code", item.code}, {"label", item.label},
           {"amount_fen", item.amount_fen ? json(*item.amount_fen) : json(nullptr)}};
    if (explain) i["source"] = item.source;
    fee["items"].push_back(std::move(i));
  }
  out["fee"] = std::move(fee);

  out["materials"] = json::array();
  for (const auto& m : q.materials) {
    json j{{"code", m.code},         {"name", m.name},           {"copies", m.copies},
           {"stamped", m.stamped},   {"signed", m.signed_by_hand}, {"original", m.original_shown}};
    if (!m.note.empty()) j["note"] = m.note;
    if (explain) j["source"] = m.source;
    out["materials"].push_back(std::move(j));
  }

  if (q.validity) {
    json v{{"not_before", q.validity->not_before.iso()},
           {"not_after", q.validity->not_after ? json(q.validity->not_after->iso()) : json(nullptr)},
           {"basis", q.validity->basis}};
    if (!q.validity->not_published.empty()) v["not_published"] = q.validity->not_published;
    if (!q.validity->convention.empty()) v["convention"] = q.validity->convention;
    if (explain) v["source"] = q.validity->source;
    out["validity"] = std::move(v);
  } else {
    out["validity"] = nullptr;
  }
  out["requires_review"] = q.requires_review;
  out["review_working_days"] = q.review_working_days_max ? json(q.review_working_days_max) : json(nullptr);
  // "3-5 working days" has a lower bound, "within 5" has none: null then.
  out["review_working_days_min"] = q.review_working_days_min ? json(q.review_working_days_min) : json(nullptr);

  if (explain) {
    json trail = json::array();
    for (std::size_t i = 0; i < kStageNames.size(); ++i)
      trail.push_back({{"stage", kStageNames[i]}, {"outcome", kOutcomeNames[static_cast<std::size_t>(ctx.trail[i])]}});
    out["stages"] = std::move(trail);
  }
  return out;
}

std::string quote_to_text(const QuoteContext& ctx, bool explain) {
  const QuoteRequest& r = ctx.request;
  const Quote& q = ctx.quote;
  auto src = [&](const std::string& s) { return explain && !s.empty() ? "   [" + s + "]" : std::string(); };
  std::string out;
  out += r.region + " / " + r.ca + " / " + std::string(label_of(r.business).zh) + " " +
         std::string(code_of(r.business)) + " / " + std::string(code_of(r.applicant)) + " / " +
         std::string(code_of(r.channel)) + " / " +
         (q.years > 0 ? std::to_string(q.years) + " 年" : std::string("有效期未公布 validity not published")) +
         ", today " + r.today.iso() + "\n";
  out += q.eligible ? "可以办理 eligible\n" : "不能办理 not eligible\n";
  for (const auto& n : q.reasons) out += "  ✗ " + n.zh + " — " + n.en + src(n.source) + "\n";
  if (!q.fee.items.empty() || !q.fee.unpriced.empty()) out += "费用 fee:\n";
  for (const auto& i : q.fee.items)
    out += "  " + i.label + "  " + (i.amount_fen ? format_cny(*i.amount_fen) + " 元" : std::string("未定价 unpriced")) +
           src(i.source) + "\n";
  out += "  合计 total: " + (q.fee.total_fen ? format_cny(*q.fee.total_fen) + " 元" : std::string("未定价 unpriced")) + "\n";
  for (const auto& u : q.fee.unpriced) out += "  ! " + u + "\n";
  if (!q.materials.empty()) out += "材料 materials:\n";
  for (const auto& m : q.materials) {
    out += "  " + m.name + " ×" + std::to_string(m.copies);
    if (m.stamped) out += "（加盖公章）";
    if (m.signed_by_hand) out += "（签字）";
    if (m.original_shown) out += "（原件）";
    out += src(m.source) + "\n";
  }
  if (q.validity) {
    out += "有效期 validity: " + q.validity->not_before.iso() + " → " +
           (q.validity->not_after ? q.validity->not_after->iso() : std::string("未公布 not published")) + " (" +
           q.validity->basis + ")" + src(q.validity->source) + "\n";
    if (!q.validity->not_published.empty()) out += "  ! " + q.validity->not_published + "\n";
    if (!q.validity->convention.empty()) out += "  本服务点惯例 convention: " + q.validity->convention + "\n";
  }
  for (const auto& s : q.steps) out += "  → " + s.zh + " — " + s.en + src(s.source) + "\n";
  for (const auto& l : q.limits) out += "  限 " + l.zh + " — " + l.en + src(l.source) + "\n";
  out += std::string("需审核 requires review: ") + (q.requires_review ? "yes" : "no");
  if (q.review_working_days_max > 0)
    out += q.review_working_days_min > 0 && q.review_working_days_min != q.review_working_days_max
               ? ", " + std::to_string(q.review_working_days_min) + "-" + std::to_string(q.review_working_days_max) + " 个工作日 working days"
               : ", " + std::to_string(q.review_working_days_max) + " 个工作日内 working days";
  out += "\n";
  return out;
}

}  // namespace cahub::pipeline
