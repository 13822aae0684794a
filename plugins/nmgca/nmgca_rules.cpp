// NMGCA's own rules, quoted from seed 004 (Inner Mongolia), NMGCA's online-platform guide. The guide
// describes the unit certificate application online; the other businesses and channels carry no rule
// of NMGCA's own. Fees and materials belong to the region script.
#include "nmgca.hpp"

namespace nmgca {
namespace {

using cahub::sdk::Assessment;
using cahub::sdk::Circumstance;
using cahub::sdk::Request;

// 单位证书及电子印章申请 on the online platform.
void unit_online_application(const Request& r, Assessment& out) {
  // "注：单位证书只允许申请1条。" The check across orders is the order store's.
  out.require_step("one_unit_certificate", "单位证书只允许申请1条",
                   "Only one unit-certificate application is allowed per unit");
  if (r.has(Circumstance::PublicInstitution)) {
    // "如果单位为事业单位，则系统提示“企业不存在”……因数据库中无机关事业单位信息，此提示点确定继续操作即可";
    // "事业单位需先点击下载申请表和授权委托书模板，填写好加盖单位公章后上传"
    out.require_step(
        "public_institution_uploads",
        "事业单位不在企业实名数据库中，跳过企业认证（提示“企业不存在”时点确定继续）；需下载申请表和授权委托书模"
        "板，填写好加盖单位公章后上传",
        "A public institution is not in the company database: the unit real-name check is skipped (confirm "
        "the \"company does not exist\" message); download the application form and the authorisation "
        "letter, fill them in, stamp them with the unit seal and upload them");
  } else {
    // "填写申请类型（选择企业申请），经办人的实名认证信息……点击“企业认证”按钮，系统提示实名认证成功"
    out.require_step("real_name_verification", "申请前进行实名认证：填写经办人实名认证信息和企业信息，完成企业认证",
                     "Before applying, pass the real-name check: the agent's details, then the unit's (企业认证)");
  }
  // "阅读内蒙古CA数字证书电子合同，勾选“本人已同意签署合同”"
  out.require_step("e_contract", "阅读并签署内蒙古CA数字证书电子合同", "Read and sign NMGCA's electronic contract");
  // "附件大小在1M之内，图片格式：jpeg、jpg、png、bmp，营业执照副本扫描件必须加盖公章"
  out.require_step("upload_limits",
                   "上传附件大小在1M之内，图片格式：jpeg、jpg、png、bmp；营业执照副本扫描件必须加盖公章",
                   "Uploads: at most 1 MB, jpeg, jpg, png or bmp; the business licence scan must bear the unit seal");
  // "如果订单状态为“资料审核通过”状态，用户可以直接点击后面的“支付”按钮"; "且只允许支付一次"
  out.require_step(
      "pay_after_approval",
      "订单状态为“资料审核通过”（收到审核通过短信）后方可支付，通过银行汇款（上传汇款凭证）或微信支付，且只允"
      "许支付一次",
      "Pay only once the order shows \"materials approved\" (an SMS tells you), by bank remittance (upload "
      "the voucher) or WeChat, and only once");
  out.mark_requires_review();
}

}  // namespace

void Nmgca::assess(const Request& r, Assessment& out) const {
  if (!kOffers.offers(r.business(), r.channel())) {
    out.refuse("not_offered", "内蒙古CA不通过该渠道办理此项业务", "NMGCA does not offer this business on this channel");
    return;
  }
  if (!kApplicants.serves(r.applicant())) {
    out.refuse("applicant_not_served", "内蒙古CA不受理此类申请人", "NMGCA does not serve this kind of applicant");
    return;
  }
  if (r.business() == Business::New && r.channel() == Channel::Online && r.applicant() == Applicant::Org)
    unit_online_application(r, out);
}

}  // namespace nmgca
