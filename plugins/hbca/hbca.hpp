#pragma once
// The HBCA provider (湖北省数字证书认证管理中心有限公司): what it can carry out and the class holding its rules.
// Source: seed 001, the Qinghai public resource trading guide, the only source naming HBCA. Its renewal
// window ("到期前30天内") and the bidding lock are that platform's rules for every CA it accepts, so they
// live in the region script, not here.

#include <cahub/issuing.hpp>
#include <cahub/plugin.hpp>

namespace hbca {

using cahub::sdk::Applicant;
using cahub::sdk::Business;

// What HBCA can carry out: the SDK's local issuing CA issues (new, add, renew, both reissues,
// change), freezes, unfreezes and revokes; HBCA also unlocks its keys: "密码解锁（现场解锁）" (seed 001).
// Which of these a platform offers, and how, is its region script's offer{} (qinghai.lua).
inline constexpr cahub::sdk::Capabilities kCapabilities = cahub::sdk::issuing::kIssuingCapabilities.with(Business::Unlock);

// "企业办理所需资料" and "个人（评标专家）办理所需资料".
inline constexpr cahub::sdk::Applicants kApplicants = {Applicant::Org, Applicant::Person};

// Issues through the SDK's local issuing CA (its state folder under var/ca/hbca/) until a live
// HBCA connector replaces it.
class Hbca final : public cahub::sdk::issuing::IssuingProvider {
 public:
  explicit Hbca(cahub::sdk::Host& host);
  // [thread-safe] Pure function of the request: no state, no I/O.
  void assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const override;
};

}  // namespace hbca
