// HBCA's own rules. The only source naming HBCA is the Qinghai guide (seed 001), and everything it
// says about handling HBCA certificates is that platform's procedure, so it is qinghai.lua's: the
// window at 西宁市西川南路53号文博大厦, the online address (projectNo=205), colour scans, "2个工作日内
// 办理…邮寄", stamping or signing the forms, bringing the original UKey, online self-renewal and
// on-site unlock. HBCA states no policy of its own there, so assess() says nothing beyond what it
// cannot do.
#include "hbca.hpp"

namespace hbca {

void Hbca::assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const {
  if (!kOffers.offers(r.business(), r.channel())) {
    out.refuse("not_offered", "湖北CA不通过该渠道办理此项业务", "HBCA does not offer this business on this channel");
    return;
  }
  if (!kApplicants.serves(r.applicant()))
    out.refuse("applicant_not_served", "湖北CA不受理此类申请人", "HBCA does not serve this kind of applicant");
}

}  // namespace hbca
