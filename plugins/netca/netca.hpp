#pragma once
// The NETCA provider (广东省电子商务认证有限公司, 网证通): what it can carry out (shared by the descriptor and the
// rules, so the two cannot disagree) and the class that holds its rules. Source: seed 002, the Guangdong
// government procurement guide.

#include <cahub/issuing.hpp>
#include <cahub/plugin.hpp>

namespace netca {

using cahub::sdk::Applicant;
using cahub::sdk::Business;

// What NETCA can carry out: the SDK's local issuing CA issues (new, add, renew, both reissues,
// change), freezes, unfreezes and revokes; NETCA also unlocks its keys: "解锁 驱动【网证通安全客户端】-
// 【忘记密码】…自动解锁" (seed 002). Which of these a platform offers, and how, is its region script's
// offer{} (guangdong.lua).
inline constexpr cahub::sdk::Capabilities kCapabilities = cahub::sdk::issuing::kIssuingCapabilities.with(Business::Unlock);

// "机构数字证书代表整个单位": the guide covers unit (org) certificates only.
inline constexpr cahub::sdk::Applicants kApplicants = {Applicant::Org};

// Issues through the SDK's local issuing CA (its state folder under var/ca/netca/) until a live
// NETCA connector replaces it.
class Netca final : public cahub::sdk::issuing::IssuingProvider {
 public:
  explicit Netca(cahub::sdk::Host& host);
  // [thread-safe] Pure function of the request: no state, no I/O.
  void assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const override;
  // Adding certificates needs a valid NETCA certificate of the same unit to sign the application.
  void check_issue(const cahub::sdk::issuing::IssueOrder& order, cahub::sdk::issuing::Connector& ca) const override;
};

}  // namespace netca
