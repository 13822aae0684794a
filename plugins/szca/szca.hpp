#pragma once
// The SZCA provider (深圳市电子商务安全证书管理有限公司): what it offers and the class holding its rules.
// Source: seed 004 (Inner Mongolia), SZCA's guide "内蒙古政采项目数字证书网上新申请".

#include <cahub/issuing.hpp>
#include <cahub/plugin.hpp>

namespace szca {

using cahub::sdk::Applicant;
using cahub::sdk::Business;
using cahub::sdk::Channel;

// The guide covers one business on one channel: "网上营业厅——业务办理——证书新办——内蒙古政采".
inline constexpr cahub::sdk::Offers kOffers = {
    {Channel::Online, {Business::New}},
};

// "(1) 机构证书" and "(2) 机构个人证书".
inline constexpr cahub::sdk::Applicants kApplicants = {Applicant::Org, Applicant::OrgPerson};

// Issues through the SDK's local issuing CA (its state folder under var/ca/szca/) until a live
// SZCA connector replaces it.
class Szca final : public cahub::sdk::issuing::IssuingProvider {
 public:
  explicit Szca(cahub::sdk::Host& host);
  // [thread-safe] Pure function of the request: no state, no I/O.
  void assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const override;
};

}  // namespace szca
