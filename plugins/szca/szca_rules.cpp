// SZCA's own rules. Seed 004's SZCA guide is "内蒙古政采项目数字证书网上新申请": the steps of the
// Inner Mongolia procurement project in SZCA's online hall (real-name mobiles, the agent's liveness
// check, the PIN by transfer memo or by SMS depending on how one pays, "三个工作日内" review, delivery
// "邮费到付"). That is the platform's procedure, so it is neimenggu.lua's (step{}, review{}). The upload
// limits of SZCA's own online hall are the provider's and travel typed (cahub.upload_limits/1,
// szca_descriptor.cpp). SZCA states no other policy.
#include "szca.hpp"

namespace szca {

void Szca::assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const {
  // The host refuses what the descriptor cannot carry out before it asks; this is for a host that
  // asks anyway.
  if (!kCapabilities.can_carry_out(r.business())) {
    out.refuse("cannot_carry_out", "深圳CA不能办理此项业务", "SZCA cannot carry out this business");
    return;
  }
  if (!kApplicants.serves(r.applicant()))
    out.refuse("applicant_not_served", "深圳CA不受理此类申请人", "SZCA does not serve this kind of applicant");
}

}  // namespace szca
