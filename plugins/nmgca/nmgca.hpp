#pragma once
// The NMGCA provider (内蒙古数字证书认证有限公司): what it offers and the class holding its rules.
// Source: seed 004 (Inner Mongolia): the CA table, NMGCA's online-platform guide, its office list and its
// application forms.

#include <cahub/issuing.hpp>
#include <cahub/plugin.hpp>

namespace nmgca {

using cahub::sdk::Applicant;
using cahub::sdk::Business;
using cahub::sdk::Channel;

// Online: "数字证书在线受理平台主要实现数字证书的在线申请、信息变更、补办、更新、延期、续费、注销数字证书的功能"
// (补办 unqualified: lost and damaged). Onsite ("现场办理地址", 10 city offices): the forms' business types,
// unit form "初次办理 / 丢失补办 / 信息变更", person form "新办 / 年审 / 变更 / 补办". Unlock, freeze and add
// are not mentioned for NMGCA.
inline constexpr cahub::sdk::Offers kOffers = {
    {Channel::Online,
     {Business::New, Business::Renew, Business::ReissueLost, Business::ReissueDamaged, Business::Change,
      Business::Revoke}},
    {Channel::Onsite,
     {Business::New, Business::Renew, Business::ReissueLost, Business::ReissueDamaged, Business::Change}},
};

// "数字证书申请表与服务协议" (unit) and "数字证书申请表与服务协议（个人）" with NMGCA as 乙方.
inline constexpr cahub::sdk::Applicants kApplicants = {Applicant::Org, Applicant::Person};

// Issues through the SDK's local issuing CA (its state folder under var/ca/nmgca/) until a live
// NMGCA connector replaces it.
class Nmgca final : public cahub::sdk::issuing::IssuingProvider {
 public:
  explicit Nmgca(cahub::sdk::Host& host);
  // [thread-safe] Pure function of the request: no state, no I/O.
  void assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const override;
};

}  // namespace nmgca
