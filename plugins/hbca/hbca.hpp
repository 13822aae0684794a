#pragma once
// The HBCA provider (湖北省数字证书认证管理中心有限公司): what it offers and the class holding its rules.
// Source: seed 001, the Qinghai public resource trading guide, the only source naming HBCA. Its renewal
// window ("到期前30天内") and the bidding lock are that platform's rules for every CA it accepts, so they
// live in the region script, not here.

#include <cahub/issuing.hpp>
#include <cahub/plugin.hpp>

namespace hbca {

using cahub::sdk::Applicant;
using cahub::sdk::Business;
using cahub::sdk::Channel;

// "CA数字证书办理有现场办理和线上办理两种方式": new ("初次办理"), renew ("延期（续期）"… "到相应CA数字证书窗口办理
// 或申请单位在相应网址在线自行延期（续期）"), change ("信息变更"), lost and damaged reissue ("遗失补办、损坏补办")
// onsite and online; unlock only as "密码解锁（现场解锁）", so onsite. Nothing else is mentioned.
inline constexpr cahub::sdk::Offers kOffers = {
    {Channel::Onsite,
     {Business::New, Business::Renew, Business::ReissueLost, Business::ReissueDamaged, Business::Change,
      Business::Unlock}},
    {Channel::Online,
     {Business::New, Business::Renew, Business::ReissueLost, Business::ReissueDamaged, Business::Change}},
};

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
