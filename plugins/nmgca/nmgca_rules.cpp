// NMGCA's own rules. Seed 004's guide to NMGCA's online platform describes how a unit applies for
// the Inner Mongolia procurement platform: the real-name and unit checks (a public institution
// skips them and uploads stamped forms), the e-contract, paying once after "资料审核通过", and
// "单位证书只允许申请1条". That is the platform's procedure and its limit across orders, so it is
// neimenggu.lua's (step{}, limit{}). The upload limits of NMGCA's own system are the provider's and
// travel typed (cahub.upload_limits/1, nmgca_descriptor.cpp). NMGCA states no other policy.
#include "nmgca.hpp"

namespace nmgca {

void Nmgca::assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const {
  // The host refuses what the descriptor cannot carry out before it asks; this is for a host that
  // asks anyway.
  if (!kCapabilities.can_carry_out(r.business())) {
    out.refuse("cannot_carry_out", "内蒙古CA不能办理此项业务", "NMGCA cannot carry out this business");
    return;
  }
  if (!kApplicants.serves(r.applicant()))
    out.refuse("applicant_not_served", "内蒙古CA不受理此类申请人", "NMGCA does not serve this kind of applicant");
}

}  // namespace nmgca
