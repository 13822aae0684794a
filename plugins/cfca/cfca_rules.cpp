// CFCA's own rules, quoted from seed 004 (Inner Mongolia, share-sun notice and service agreement). Fees
// and materials belong to the region script.
#include "cfca.hpp"

namespace cfca {
namespace {

using cahub::sdk::Assessment;
using cahub::sdk::Request;

// "办理数字证书及电子签章所需的证件必须合法有效。如单位证件不在有效期内或未年检、个人身份证件无法进行扫描验证，
// 将导致数字证书及电子签章无法办理。"
void valid_documents(Assessment& out) {
  out.require_step("valid_documents",
                   "所需的证件必须合法有效；单位证件不在有效期内或未年检、个人身份证件无法进行扫描验证的，无法办理",
                   "The documents must be valid: a unit document out of date or not annually inspected, or a personal "
                   "ID that cannot be scanned and verified, means the certificate cannot be issued");
}

// Org applicants: the registered official seal, and one e-seal per certificate.
void unit_seal(Assessment& out) {
  // "提供的公章原件，必须是单位工商注册地公安部门登记备案的单位法定公章……后果由投标单位（供应商）自负"
  out.require_step("registered_official_seal",
                   "办理电子签章提供的公章原件，必须是单位工商注册地公安部门登记备案的单位法定公章",
                   "The seal presented for the e-seal must be the unit's official seal registered with the public "
                   "security bureau where the unit is registered");
  // "一个数字证书对应一个电子签章。原则上单位的公章和法人的手写签名或印章要分开办理。如果用户自愿将法人的手写签名或
  // 印章放到单位锁里，不单独办理法人的数字证书，因此造成的法律纠纷或一切损失由用户承担。"
  out.require_step(
      "one_seal_per_certificate",
      "一个数字证书对应一个电子签章：单位公章和法人的手写签名或印章原则上分开办理；用户自愿将法人签名或印章放"
      "到单位锁里的，由此造成的法律纠纷或一切损失由用户承担",
      "One certificate carries one e-seal: the unit seal and the legal representative's signature or seal "
      "go in separate certificates; putting them in the unit key is at the user's own liability");
}

}  // namespace

void Cfca::assess(const Request& r, Assessment& out) const {
  if (!kOffers.offers(r.business(), r.channel())) {
    out.refuse("not_offered", "CFCA（翔晟）不通过该渠道办理此项业务",
               "CFCA (via share-sun) does not offer this business on this channel");
    return;
  }
  if (!kApplicants.serves(r.applicant())) {
    out.refuse("applicant_not_served", "CFCA（翔晟）受理企业用户和个人用户",
               "CFCA (via share-sun) serves units and persons only");
    return;
  }
  valid_documents(out);
  if (r.applicant() == Applicant::Org) unit_seal(out);
  switch (r.business()) {
    case Business::New:
    case Business::Change:
    case Business::ReissueLost:
    case Business::ReissueDamaged:
      // "数字证书和电子签章公司审核用户资料，用户身份审核通过则办理数字证书及电子签章，并将密钥（介质）交付给用户";
      // change and reissue go "按照以上流程".
      out.require_step("identity_review",
                       "公司审核用户资料，用户身份审核通过则办理数字证书及电子签章，并将密钥（介质）交付给用户",
                       "share-sun reviews the materials; once the identity is approved it issues the certificate and "
                       "e-seal and hands over the key");
      out.mark_requires_review();
      if (r.business() == Business::New)
        out.require_step("activate_on_platform", "办理数字证书及电子签章之后，进入公共资源交易平台进行激活",
                         "After issue, activate the certificate and e-seal on the trading platform");
      break;
    default: break;  // renew: the source publishes only its fee
  }
}

// "一个数字证书对应一个电子签章。原则上单位的公章和法人的手写签名或印章要分开办理。如果用户自愿将法人的手写签名或
// 印章放到单位锁里……由用户承担" (seed 004): more than one seal needs the user's recorded acknowledgement.
void Cfca::check_issue(const cahub::sdk::issuing::IssueOrder& order, cahub::sdk::issuing::Connector&) const {
  if (order.seals.size() > 1 && !order.combined_seals_acknowledged)
    throw cahub::sdk::ProviderError(
        CAHUB_ERROR_INVALID_REQUEST,
        "一个数字证书对应一个电子签章；单位公章和法人签章须分开办理，或由用户书面确认自愿合并 / one certificate "
        "carries one e-seal: issue the unit and legal-representative seals in separate certificates, or record the "
        "user's acknowledgement (combined_seals_acknowledged)");
}

}  // namespace cfca
