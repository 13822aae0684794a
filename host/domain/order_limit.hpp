#pragma once
// A limit across orders as a region script declares it (limit{}, docs/rules.md §4.11) and the
// order desk counts it: plain data, so the order store needs nothing of the rule engine.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/vocabulary.hpp"

namespace cahub {

// What a limit{} counts (docs/rules.md §4.11): open orders only; open orders and the certificates
// the applicant still holds (registry rows neither revoked nor expired); or open orders and every
// certificate issued and not revoked, expired ones included (where a lapsed certificate is to be
// renewed, not applied for again).
enum class LimitCounts : std::uint8_t { OpenOrders, Held, Issued };
// Whose orders and certificates count: the same CA's only, or every CA of the region.
enum class LimitAcross : std::uint8_t { Ca, Region };

// A limit{} that applies to one request, as the order desk needs it to count: the orders and
// certificates that count are the same applicant's in this region (and CA, unless across the
// region) whose business, channel, applicant kind and key fall within the limit's selectors.
struct OrderLimit {
  std::string code;
  std::string zh;
  std::string en;
  std::string source;  // "qinghai.lua:88"
  LimitCounts counts = LimitCounts::OpenOrders;
  LimitAcross across = LimitAcross::Ca;
  int at_most = 1;
  std::vector<Business> businesses;
  std::vector<Channel> channels;
  std::vector<ApplicantKind> applicants;
  std::vector<KeyType> keys;
};

}  // namespace cahub
