#pragma once
// The CFCA provider (中金金融认证中心有限公司), served in Inner Mongolia by 江苏翔晟信息技术股份有限公司
// (share-sun): what it can carry out and the class holding its rules. Source: seed 004 (Inner Mongolia), the
// share-sun notice of 2021-03-01 and its service agreement.

#include <cahub/issuing.hpp>
#include <cahub/plugin.hpp>

namespace cfca {

using cahub::sdk::Applicant;
using cahub::sdk::Business;

// What CFCA can carry out: the SDK's local issuing CA issues (new, add, renew, both reissues,
// change), freezes, unfreezes and revokes. No source says CFCA unlocks a key. Which of these a
// platform offers, and how, is its region script's offer{} (neimenggu.lua).
inline constexpr cahub::sdk::Capabilities kCapabilities = cahub::sdk::issuing::kIssuingCapabilities;

// "单位数字证书及电子签章申请……个人数字证书及电子签章申请"; the form: "□企业用户 □个人用户".
inline constexpr cahub::sdk::Applicants kApplicants = {Applicant::Org, Applicant::Person};

// Issues through the SDK's local issuing CA (its state folder under var/ca/cfca/) until a live
// CFCA connector replaces it.
class Cfca final : public cahub::sdk::issuing::IssuingProvider {
 public:
  explicit Cfca(cahub::sdk::Host& host);
  // [thread-safe] Pure function of the request: no state, no I/O.
  void assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const override;
  // One certificate carries one e-seal, unless the applicant acknowledged combining them.
  void check_issue(const cahub::sdk::issuing::IssueOrder& order, cahub::sdk::issuing::Connector& ca) const override;
};

}  // namespace cfca
