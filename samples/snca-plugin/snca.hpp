#pragma once
// The SNCA provider (陕西省数字证书认证中心股份有限公司, 内蒙古一证通 in Inner Mongolia): what it
// offers and the class holding its rules. Source: seed 004 (Inner Mongolia government procurement),
// "陕西CA办理流程及表单": the handling notes, the fee table, the three-part application form and the
// user responsibility statement. Fees and materials are the region script's (rules/neimenggu.lua).

#include <cahub/issuing.hpp>
#include <cahub/plugin.hpp>

namespace snca {

using cahub::sdk::Applicant;
using cahub::sdk::Business;
using cahub::sdk::Channel;

// The application form's business types: "□ 新申请 □延期 □变更 □ 挂起 □补办 □注销" (new, renew,
// change, freeze, reissue, revoke), handled onsite ("现场办理需要企业提交的相关资料"); unlock onsite or
// online through support ("现场解锁或者联系CA客服进行网上解锁"). Online handling exists ("网上办理用户
// 以自提或到付方式邮寄给用户") and online change is offered free ("提供免费的在线解锁、证书变更等业务"),
// but the source does not list which other businesses go online, so only those two are offered there.
// Unfreeze and add are not mentioned.
inline constexpr cahub::sdk::Offers kOffers = {
    {Channel::Onsite,
     {Business::New, Business::Renew, Business::Change, Business::Freeze, Business::ReissueLost,
      Business::ReissueDamaged, Business::Revoke, Business::Unlock}},
    {Channel::Online, {Business::Change, Business::Unlock}},
};

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
