#include "exposition_checker.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>

#include "observability/utf8.hpp"

namespace cahub::observability::testing {
namespace {

[[noreturn]] void fail(std::size_t line, const std::string& what) {
  throw std::runtime_error("line " + std::to_string(line) + ": " + what);
}

bool is_name(std::string_view s, bool metric) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool ok = std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
                    (metric && c == ':') || (i > 0 && std::isdigit(static_cast<unsigned char>(c)));
    if (!ok) return false;
  }
  return true;
}

bool parse_number(std::string_view s, double& value) {
  if (s == "+Inf") return value = std::numeric_limits<double>::infinity(), true;
  if (s == "-Inf") return value = -std::numeric_limits<double>::infinity(), true;
  if (s == "NaN") return value = std::numeric_limits<double>::quiet_NaN(), true;
  if (s.empty() || std::isspace(static_cast<unsigned char>(s[0]))) return false;
  const std::string text(s);
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(value);
}

// One label value after `="`, up to its closing quote; advances `at` past the quote.
std::string label_value(std::string_view line, std::size_t& at, std::size_t n) {
  std::string value;
  while (true) {
    if (at >= line.size()) fail(n, "unterminated label value");
    const char c = line[at++];
    if (c == '"') return value;
    if (c == '\n') fail(n, "raw line feed in a label value");
    if (c != '\\') {
      value += c;
      continue;
    }
    if (at >= line.size()) fail(n, "dangling backslash");
    const char e = line[at++];
    if (e == '\\')
      value += '\\';
    else if (e == '"')
      value += '"';
    else if (e == 'n')
      value += '\n';
    else
      fail(n, std::string("unknown escape \\") + e);
  }
}

// `{a="1",b="2"}` at `at` (which is on the brace); advances past the closing brace.
std::vector<std::pair<std::string, std::string>> labels_at(std::string_view line, std::size_t& at,
                                                           std::size_t n) {
  std::vector<std::pair<std::string, std::string>> labels;
  std::set<std::string> seen;
  ++at;
  while (at < line.size() && line[at] != '}') {
    const std::size_t eq = line.find('=', at);
    if (eq == std::string_view::npos) fail(n, "label without =");
    const std::string name(line.substr(at, eq - at));
    if (!is_name(name, false)) fail(n, "bad label name '" + name + "'");
    if (!seen.insert(name).second) fail(n, "repeated label " + name);
    if (eq + 1 >= line.size() || line[eq + 1] != '"') fail(n, "label value not quoted");
    at = eq + 2;
    labels.emplace_back(name, label_value(line, at, n));
    if (at < line.size() && line[at] == ',')
      ++at;
    else if (at >= line.size() || line[at] != '}')
      fail(n, "expected , or } after a label");
  }
  if (at >= line.size()) fail(n, "unterminated label set");
  ++at;
  return labels;
}

Sample sample_line(std::string_view line, std::size_t n, std::string& series) {
  Sample sample;
  std::size_t at = 0;
  while (at < line.size() && line[at] != '{' && line[at] != ' ') ++at;
  sample.name = std::string(line.substr(0, at));
  if (!is_name(sample.name, true)) fail(n, "bad metric name '" + sample.name + "'");
  if (at < line.size() && line[at] == '{') sample.labels = labels_at(line, at, n);
  series = std::string(line.substr(0, at));
  if (at >= line.size() || line[at] != ' ') fail(n, "expected one space before the value");
  std::string_view rest = line.substr(at + 1);
  if (const std::size_t space = rest.find(' '); space != std::string_view::npos) {
    double timestamp = 0;
    if (!parse_number(rest.substr(space + 1), timestamp)) fail(n, "bad timestamp");
    rest = rest.substr(0, space);
  }
  if (!parse_number(rest, sample.value)) fail(n, "bad value '" + std::string(rest) + "'");
  return sample;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Labels without `le`, sorted: what identifies one histogram series across its lines.
std::string series_key(const std::string& family, const Sample& sample) {
  std::map<std::string, std::string> sorted(sample.labels.begin(), sample.labels.end());
  sorted.erase("le");
  std::string key = family + "{";
  for (const auto& [name, value] : sorted) key += name + "=" + value + ",";
  return key + "}";
}

struct HistogramSeries {
  std::vector<std::pair<double, double>> buckets;  // (le, cumulative count) as written
  std::optional<double> count;
  bool has_sum = false;
};

void check_histogram(const std::string& key, const HistogramSeries& h) {
  const auto fail_series = [&key](const std::string& what) {
    throw std::runtime_error("histogram " + key + ": " + what);
  };
  if (h.buckets.empty()) fail_series("no buckets");
  for (std::size_t i = 1; i < h.buckets.size(); ++i) {
    if (!(h.buckets[i].first > h.buckets[i - 1].first)) fail_series("le not increasing");
    if (h.buckets[i].second < h.buckets[i - 1].second) fail_series("buckets not cumulative");
  }
  if (!std::isinf(h.buckets.back().first)) fail_series("last bucket is not le=\"+Inf\"");
  if (!h.count) fail_series("no _count");
  if (*h.count != h.buckets.back().second) fail_series("+Inf bucket differs from _count");
  if (!h.has_sum) fail_series("no _sum");
}

class Checker {
 public:
  void line(std::string_view text, std::size_t n) {
    if (text.empty()) return;
    if (text[0] == '#') return comment(text, n);
    sample(text, n);
  }
  Exposition finish();

 private:
  void comment(std::string_view text, std::size_t n);
  void sample(std::string_view text, std::size_t n);
  std::string family_of(const std::string& name, std::size_t n) const;

  Exposition out_;
  std::set<std::string> helped_;
  std::set<std::string> sampled_;  // families whose samples have begun
  std::set<std::string> series_;   // name + sorted labels, to catch duplicates
  std::string current_;            // the family of the previous sample
};

void Checker::comment(std::string_view text, std::size_t n) {
  const bool help = text.rfind("# HELP ", 0) == 0;
  const bool type = text.rfind("# TYPE ", 0) == 0;
  if (!help && !type) return;  // any other comment is ignored by the format
  std::string_view rest = text.substr(7);
  const std::size_t space = rest.find(' ');
  const std::string name(rest.substr(0, space));
  const std::string_view tail = space == std::string_view::npos ? "" : rest.substr(space + 1);
  if (!is_name(name, true)) fail(n, "bad family name '" + name + "'");
  if (sampled_.count(name)) fail(n, "HELP or TYPE of " + name + " after its samples");
  if (help) {
    if (!helped_.insert(name).second) fail(n, "second HELP of " + name);
    for (std::size_t i = 0; i < tail.size(); ++i) {
      if (tail[i] != '\\') continue;
      if (i + 1 >= tail.size() || (tail[i + 1] != '\\' && tail[i + 1] != 'n'))
        fail(n, "bad escape in HELP");
      ++i;
    }
    return;
  }
  static const std::set<std::string_view> kinds = {"counter", "gauge", "histogram", "summary",
                                                   "untyped"};
  if (!kinds.count(tail)) fail(n, "bad TYPE '" + std::string(tail) + "'");
  if (!out_.types.emplace(name, std::string(tail)).second) fail(n, "second TYPE of " + name);
  out_.families.push_back(name);
}

std::string Checker::family_of(const std::string& name, std::size_t n) const {
  if (const auto own = out_.types.find(name); own != out_.types.end()) {
    if (own->second == "histogram" || own->second == "summary") fail(n, "bare sample of " + name);
    return name;
  }
  for (const std::string_view suffix : {"_bucket", "_sum", "_count"}) {
    if (!ends_with(name, suffix)) continue;
    const std::string base = name.substr(0, name.size() - suffix.size());
    const auto found = out_.types.find(base);
    if (found == out_.types.end()) continue;
    if (found->second == "histogram") return base;
    if (found->second == "summary" && suffix != "_bucket") return base;
  }
  fail(n, "sample " + name + " before any TYPE of its family");
}

void Checker::sample(std::string_view text, std::size_t n) {
  std::string series;
  Sample s = sample_line(text, n, series);
  const std::string family = family_of(s.name, n);
  if (!helped_.count(family)) fail(n, "sample of " + family + " before its HELP");
  if (family != current_ && !sampled_.insert(family).second) fail(n, family + " is not contiguous");
  current_ = family;
  const std::string& type = out_.types.at(family);
  const bool bucket = type == "histogram" && s.name == family + "_bucket";
  const bool has_le =
      std::any_of(s.labels.begin(), s.labels.end(), [](const auto& l) { return l.first == "le"; });
  if (bucket != has_le) fail(n, bucket ? "bucket without le" : "le outside a bucket");
  if (type == "counter" && !(s.value >= 0)) fail(n, "counter below zero or NaN");
  std::map<std::string, std::string> sorted(s.labels.begin(), s.labels.end());
  std::string key = s.name;
  for (const auto& [name, value] : sorted) key += "\n" + name + "=" + value;
  if (!series_.insert(key).second) fail(n, "series repeated: " + series);
  out_.by_series[series] = s.value;
  out_.samples.push_back(std::move(s));
}

Exposition Checker::finish() {
  std::map<std::string, HistogramSeries> histograms;
  for (const Sample& s : out_.samples) {
    for (const auto& [family, type] : out_.types) {
      const bool own =
          s.name == family + "_bucket" || s.name == family + "_sum" || s.name == family + "_count";
      if (type != "histogram" || !own) continue;
      HistogramSeries& h = histograms[series_key(family, s)];
      if (s.name == family + "_count") h.count = s.value;
      if (s.name == family + "_sum") h.has_sum = true;
      if (s.name != family + "_bucket") continue;
      double le = 0;
      for (const auto& [name, value] : s.labels)
        if (name == "le" && !parse_number(value, le)) throw std::runtime_error("bad le " + value);
      h.buckets.emplace_back(le, s.value);
    }
  }
  for (const auto& [key, h] : histograms) check_histogram(key, h);
  return std::move(out_);
}

}  // namespace

Exposition check_exposition(const std::string& text) {
  if (repair_utf8(text) != text) throw std::runtime_error("not UTF-8");
  if (!text.empty() && text.back() != '\n') throw std::runtime_error("no line feed at the end");
  Checker checker;
  std::size_t n = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = text.find('\n', begin);
    checker.line(std::string_view(text).substr(begin, end - begin), ++n);
    begin = end + 1;
  }
  return checker.finish();
}

double Exposition::value(const std::string& series) const {
  const auto found = by_series.find(series);
  if (found == by_series.end()) throw std::runtime_error("no series " + series);
  return found->second;
}

}  // namespace cahub::observability::testing
