// CFCA's own rules. Everything seed 004 says about handling CFCA certificates is the Inner Mongolia
// agreement with its service agent share-sun, so it is neimenggu.lua's: the notice of 2021-03-01
// (valid documents, the registered official seal, the review and hand-over, activation on the
// platform), offices and hours. What stays is the one rule share-sun's service agreement states
// for every user, on the authority of the Electronic Signature Law, and which the provider enforces
// when it issues (check_issue): one certificate carries one e-seal.
#include "cfca.hpp"

namespace cfca {

void Cfca::assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const {
  // The host refuses what the descriptor cannot carry out before it asks; this is for a host that
  // asks anyway.
  if (!kCapabilities.can_carry_out(r.business())) {
    out.refuse("cannot_carry_out", "CFCA不能办理此项业务", "CFCA cannot carry out this business");
    return;
  }
  if (!kApplicants.serves(r.applicant()))
    out.refuse("applicant_not_served", "CFCA（翔晟）受理企业用户和个人用户",
               "CFCA (via share-sun) serves units and persons only");
}

// "根据《电子签名法》针对数字证书的要求，电子签名制作数据用于电子签名时，属于电子签名人专有，即一个数字证书
// 对应一个电子签章。原则上单位的公章和法人的手写签名或印章要分开办理。如果用户自愿将法人的手写签名或印章放到
// 单位锁里，不单独办理法人的数字证书，因此造成的法律纠纷或一切损失由用户承担" (share-sun's service agreement,
// seed 004): more than one seal needs the user's recorded acknowledgement.
void Cfca::check_issue(const cahub::sdk::issuing::IssueOrder& order, cahub::sdk::issuing::Connector&) const {
  if (order.seals.size() > 1 && !order.combined_seals_acknowledged)
    throw cahub::sdk::ProviderError(
        CAHUB_ERROR_INVALID_REQUEST,
        "一个数字证书对应一个电子签章；单位公章和法人签章须分开办理，或由用户书面确认自愿合并 / one certificate "
        "carries one e-seal: issue the unit and legal-representative seals in separate certificates, or record the "
        "user's acknowledgement (combined_seals_acknowledged)");
}

}  // namespace cfca
