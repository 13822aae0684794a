#pragma once
// The BJCA provider: what it can carry out (shared by the descriptor and the rules, so the two cannot
// disagree) and the class that holds its rules.

#include <cahub/issuing.hpp>
#include <cahub/plugin.hpp>

namespace bjca {

using cahub::sdk::Applicant;
using cahub::sdk::Business;

// What BJCA can carry out: the SDK's local issuing CA issues (new, add, renew, both reissues,
// change), freezes, unfreezes and revokes; BJCA also unlocks its keys: "5.证书解锁 … BJCA客服人员审核资料
// 后进行授权" and "受理点解锁" (seed 003). Which of these a platform offers, on which channel, is its
// region script's offer{} (central.lua, qinghai.lua, neimenggu.lua).
inline constexpr cahub::sdk::Capabilities kCapabilities = cahub::sdk::issuing::kIssuingCapabilities.with(Business::Unlock);

// Units, and persons: Qinghai's bid-evaluation experts hold BJCA person certificates (seed 001).
inline constexpr cahub::sdk::Applicants kApplicants = {Applicant::Org, Applicant::Person};

// Issues through the SDK's local issuing CA (its state folder under var/ca/bjca/) until a live
// BJCA connector replaces it.
class Bjca final : public cahub::sdk::issuing::IssuingProvider {
 public:
  explicit Bjca(cahub::sdk::Host& host);
  // [thread-safe] Pure function of the request: no state, no I/O.
  void assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const override;
};

}  // namespace bjca
