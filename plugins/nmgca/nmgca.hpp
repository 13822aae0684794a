#pragma once
// The NMGCA provider (内蒙古数字证书认证有限公司): what it can carry out and the class holding its rules.
// Source: seed 004 (Inner Mongolia): the CA table, NMGCA's online-platform guide, its office list and its
// application forms.

#include <cahub/issuing.hpp>
#include <cahub/plugin.hpp>

namespace nmgca {

using cahub::sdk::Applicant;
using cahub::sdk::Business;

// What NMGCA can carry out: the SDK's local issuing CA issues (new, add, renew, both reissues,
// change), freezes, unfreezes and revokes ("数字证书在线受理平台主要实现数字证书的在线申请、信息变更、
// 补办、更新、延期、续费、注销数字证书的功能", seed 004). No source says NMGCA unlocks a key. Which of
// these a platform offers, and how, is its region script's offer{} (neimenggu.lua).
inline constexpr cahub::sdk::Capabilities kCapabilities = cahub::sdk::issuing::kIssuingCapabilities;

// "数字证书申请表与服务协议" (unit) and "数字证书申请表与服务协议（个人）" with NMGCA as 乙方.
inline constexpr cahub::sdk::Applicants kApplicants = {Applicant::Org, Applicant::Person};

// Issues through the SDK's local issuing CA (its state folder under var/ca/nmgca/) until a live
// NMGCA connector replaces it.
class Nmgca final : public cahub::sdk::issuing::IssuingProvider {
 public:
  explicit Nmgca(cahub::sdk::Host& host);
  // [thread-safe] Pure function of the request: no state, no I/O.
  void assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const override;
  // [thread-safe] cahub.upload_limits/1: the limits of the provider's own online system.
  const void* extension(std::string_view id) const override;
};

}  // namespace nmgca
