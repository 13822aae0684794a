// HBCA's own rules. The only source naming HBCA is the Qinghai guide (seed 001), and everything it
// says about handling HBCA certificates is that platform's procedure, so it is qinghai.lua's: the
// window at 西宁市西川南路53号文博大厦, the online address (projectNo=205), colour scans, "2个工作日内
// 办理…邮寄", stamping or signing the forms, bringing the original UKey, online self-renewal and
// on-site unlock. HBCA states no policy of its own there, so assess() says nothing beyond what it
// cannot do.
#include "hbca.hpp"

namespace hbca {

void Hbca::assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const {
  // The host refuses what the descriptor cannot carry out before it asks; this is for a host that
  // asks anyway.
  if (!kCapabilities.can_carry_out(r.business())) {
    out.refuse("cannot_carry_out", "湖北CA不能办理此项业务", "HBCA cannot carry out this business");
    return;
  }
  if (!kApplicants.serves(r.applicant()))
    out.refuse("applicant_not_served", "湖北CA不受理此类申请人", "HBCA does not serve this kind of applicant");
}

}  // namespace hbca
