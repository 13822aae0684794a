#pragma once
// The SZCA provider (深圳市电子商务安全证书管理有限公司): what it can carry out and the class holding its rules.
// Source: seed 004 (Inner Mongolia), SZCA's guide "内蒙古政采项目数字证书网上新申请".

#include <cahub/issuing.hpp>
#include <cahub/plugin.hpp>

namespace szca {

using cahub::sdk::Applicant;
using cahub::sdk::Business;

// What SZCA can carry out: the SDK's local issuing CA issues (new, add, renew, both reissues,
// change), freezes, unfreezes and revokes. The source describes only new applications and says
// nothing of unlocking. Which of these a platform offers, and how, is its region script's offer{}
// (neimenggu.lua offers new online).
inline constexpr cahub::sdk::Capabilities kCapabilities = cahub::sdk::issuing::kIssuingCapabilities;

// Units, persons under a unit and natural persons: "说明1、上传机构证书、机构个人证书、自然人证书资料时，
// 上传资料略有不同" (seed 004; audit O11). The guide then walks through "(1) 机构证书" and "(2) 机构个人证书".
inline constexpr cahub::sdk::Applicants kApplicants = {Applicant::Org, Applicant::Person, Applicant::OrgPerson};

// Issues through the SDK's local issuing CA (its state folder under var/ca/szca/) until a live
// SZCA connector replaces it.
class Szca final : public cahub::sdk::issuing::IssuingProvider {
 public:
  explicit Szca(cahub::sdk::Host& host);
  // [thread-safe] Pure function of the request: no state, no I/O.
  void assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const override;
  // [thread-safe] cahub.upload_limits/1: the limits of the provider's own online system.
  const void* extension(std::string_view id) const override;
};

}  // namespace szca
