#pragma once
// The NETCA provider (广东省电子商务认证有限公司, 网证通): what it offers (shared by the descriptor and the
// rules, so the two cannot disagree) and the class that holds its rules. Source: seed 002, the Guangdong
// government procurement guide.

#include <cahub/issuing.hpp>
#include <cahub/plugin.hpp>

namespace netca {

using cahub::sdk::Applicant;
using cahub::sdk::Business;
using cahub::sdk::Channel;

// Businesses per channel as seed 002 describes them:
// - new: "带齐纸质资料和付款凭证前往前台办理/或者选择邮寄给CA机构网证通" -> onsite, mail;
// - add: online form, signed with the unit's NETCA certificate, "在线支付……无须提交纸质材料" -> online;
// - renew: "数字证书未过期，可以选择在线续期……【网证通安全客户端】-【证书续期】" -> self-service;
//   "数字证书过期后只能选择现场或者邮寄办理方式" -> onsite, mail;
// - reissue (lost/damaged): "补办只能选择现场或者邮寄办理方式" -> onsite, mail;
// - change: "变更只能选择现场或者邮寄办理方式" -> onsite, mail;
// - unlock: "驱动【网证通安全客户端】-【忘记密码】-【经办人获取手机验证码】自动解锁" -> self-service;
//   "经办人已变更的单位无法自动解锁，只能选择现场或者邮寄办理方式" -> onsite, mail.
// The form lists 注销 (revoke) but the guide describes no way to do it; freeze/unfreeze are not mentioned.
inline constexpr cahub::sdk::Offers kOffers = {
    {Channel::Onsite,
     {Business::New, Business::Renew, Business::ReissueLost, Business::ReissueDamaged, Business::Change,
      Business::Unlock}},
    {Channel::Mail,
     {Business::New, Business::Renew, Business::ReissueLost, Business::ReissueDamaged, Business::Change,
      Business::Unlock}},
    {Channel::Online, {Business::Add}},
    {Channel::SelfService, {Business::Renew, Business::Unlock}},
};

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
