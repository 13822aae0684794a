#pragma once
// Deciding whether an entry applies to one request: its selectors (bit tests), then its `when`
// and `unless`. Tables are compiled predicates checked in C++; only a function condition calls
// into Lua, on the calling thread's own state, and only when the selectors already matched.

#include "rules/attributes.hpp"
#include "rules/compiled_rules.hpp"

namespace cahub::rules {

class FunctionConditions;

// One stage call's view of a request. Cheap to make: it allocates nothing.
class RuleEvaluation {
 public:
  RuleEvaluation(const RegionRules::Compiled& compiled, const RuleInput& in);

  const RequestFacts& facts() const { return facts_; }
  // Throws RuleError when a function condition fails.
  bool applies(const Declared& entry);

 private:
  bool holds(const Condition& condition, const Declared& entry, std::string_view role);

  const RegionRules::Compiled& compiled_;
  RequestFacts facts_;
  FunctionConditions* functions_ = nullptr;  // looked up on the first function condition
  bool q_current_ = false;                   // that state's q already holds facts_
};

}  // namespace cahub::rules
