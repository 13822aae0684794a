#pragma once
// The SNCA provider (陕西省数字证书认证中心股份有限公司, localised in Inner Mongolia as 内蒙古一证通): what
// it can carry out, whom it issues to and the class holding its rules. Source: seed 004 (Inner Mongolia
// government procurement), "陕西CA办理流程及表单". Of it, only the issuer's user responsibility statement
// is SNCA's everywhere; the handling notes, fees, materials, offices and hotline are the localisation's
// and belong to the region script (rules/neimenggu.lua), which declares what SNCA does there with
// offer{}, step{} and review{}.

#include <cahub/issuing.hpp>
#include <cahub/plugin.hpp>

namespace snca {

using cahub::sdk::Applicant;
using cahub::sdk::Business;

// What SNCA can carry out: the SDK's local issuing CA issues (new, add, renew, both reissues,
// change), freezes, unfreezes and revokes, and SNCA also unlocks its keys: "四、解锁 公司开具法人
// 授权书（加盖公章）现场解锁或者联系CA客服进行网上解锁" (seed 004). The application form's business
// types "□ 新申请 □延期 □变更 □ 挂起 □补办 □注销" are all among these. Which of them a platform offers,
// on which channel, is its region script's offer{} (neimenggu.lua).
inline constexpr cahub::sdk::Capabilities kCapabilities = cahub::sdk::issuing::kIssuingCapabilities.with(Business::Unlock);

// The form's subject types: 招标人/采购人, 代理机构, 投标人 (units) and 专家 (experts, persons).
inline constexpr cahub::sdk::Applicants kApplicants = {Applicant::Org, Applicant::Person};

// Issues through the SDK's local issuing CA (its state folder under var/ca/snca/) until a live
// SNCA connector replaces it.
class Snca final : public cahub::sdk::issuing::IssuingProvider {
 public:
  explicit Snca(cahub::sdk::Host& host);
  // [thread-safe] Pure function of the request: no state, no I/O.
  void assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const override;
};

}  // namespace snca
