#pragma once
// An independent reader of the Prometheus text format 0.0.4, strict enough to fail a test on any
// line a Prometheus server would refuse or misread. It checks that
// - the text is UTF-8 and ends with a line feed;
// - every sample line is `name{label="value",...} value` with valid names, only the escapes
//   \\ \" \n in label values, no repeated label, and a number (or NaN, +Inf, -Inf) as value;
// - every family has exactly one HELP and one TYPE, both before its first sample, its samples
//   are contiguous, and no series appears twice;
// - a histogram's buckets per series have increasing `le`, cumulative (non-decreasing) counts,
//   end at le="+Inf", and that bucket equals the series' `_count`; `_sum` is present;
// - counters are not negative.
// A violation throws std::runtime_error naming the line.

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cahub::observability::testing {

struct Sample {
  std::string name;
  std::vector<std::pair<std::string, std::string>> labels;  // unescaped, in written order
  double value = 0;
};

struct Exposition {
  std::vector<std::string> families;         // in order of their TYPE lines
  std::map<std::string, std::string> types;  // family → counter, gauge, histogram, ...
  std::vector<Sample> samples;               // in written order
  std::map<std::string, double> by_series;   // the line up to its value, as written → value

  // The value of `series` (e.g. `x_total{a="1"}`); throws if there is no such line.
  double value(const std::string& series) const;
  bool has(const std::string& series) const { return by_series.count(series) > 0; }
};

Exposition check_exposition(const std::string& text);

}  // namespace cahub::observability::testing
