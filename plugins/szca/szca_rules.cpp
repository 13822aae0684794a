// SZCA's own rules for an online new application, quoted from seed 004 (Inner Mongolia). Materials and
// fees belong to the region script.
#include "szca.hpp"

namespace szca {
namespace {

using cahub::sdk::Assessment;
using cahub::sdk::Request;

// "深圳CA工作人员将在三个工作日内核实款项到账情况，并审核申请资料"
constexpr std::int32_t kReviewMaxDays = 3;

void new_online(const Request& r, Assessment& out) {
  const bool org_person = r.applicant() == Applicant::OrgPerson;
  // "经办人手机号需实名登记"; org_person: "申请人和经办人手机号需实名登记"
  if (org_person)
    out.require_step("real_name_mobile", "申请人和经办人手机号需实名登记",
                     "The applicant's and the agent's mobile numbers must be registered under their real names");
  else
    out.require_step("real_name_mobile", "经办人手机号需实名登记",
                     "The agent's mobile number must be registered under the agent's real name");
  // "上传文件格式支持JPG、PDF文件大小不能超过2M"
  out.require_step("upload_limits", "上传文件格式支持JPG、PDF，文件大小不能超过2M",
                   "Uploads: JPG or PDF, at most 2 MB each");
  // "使用手机微信扫一扫功能……上传经办人身份证原件的正、反面照片，并进行经办人活体认证"
  out.require_step("agent_liveness", "经办人在线认证：微信扫码，上传经办人身份证原件正、反面照片，并进行经办人活体认证",
                   "Agent verification: scan the QR code with WeChat, upload photos of both sides of the agent's ID "
                   "card and pass a liveness check");
  // "如付款方式选择支付宝/微信，则需要进行单位金融认证，证书PIN码将以转账交易附言方式发送至对公账户"
  out.require_step(
      "online_payment_financial_verification",
      "如付款方式选择支付宝/微信，则需要进行单位金融认证，证书PIN码将以转账交易附言方式发送至对公账户，请向"
      "贵司财务人员获取",
      "Paying by Alipay or WeChat needs the unit's financial verification: the PIN comes in the memo of a "
      "transfer to the unit's corporate account; ask your finance staff");
  // "如付款方式选择公对公转账，机构证书PIN码将通过短信方式发至经办人手机号码，个人证书PIN码将通过短信方式发至申请人手机号码"
  if (org_person)
    out.require_step("corporate_transfer_pin_sms",
                     "如付款方式选择公对公转账（上传汇款凭证），机构个人证书PIN码将通过短信方式发至申请人手机号码",
                     "Paying by corporate bank transfer (upload the voucher): the PIN comes by SMS to the applicant's "
                     "mobile");
  else
    out.require_step(
        "corporate_transfer_pin_sms",
        "如付款方式选择公对公转账（上传汇款凭证），机构证书PIN码将通过短信方式发至经办人手机号码",
        "Paying by corporate bank transfer (upload the voucher): the PIN comes by SMS to the agent's mobile");
  out.require_step("review",
                   "深圳CA工作人员将在三个工作日内核实款项到账情况并审核申请资料，审核结果以短信通知经办人；未通过的，"
                   "编辑修改后重新提交",
                   "SZCA checks the payment and reviews the materials within 3 working days and notifies the agent by "
                   "SMS; a rejected application is edited and resubmitted");
  out.require_step("delivery", "申请资料审核通过且金融认证通过后，深圳CA制作数字证书并快递寄出（邮费到付）",
                   "Once the materials are approved and the financial verification passed, SZCA makes the certificate "
                   "and ships it, postage paid by the recipient");
  out.mark_requires_review();
  out.review_working_days(0, kReviewMaxDays);
}

}  // namespace

void Szca::assess(const Request& r, Assessment& out) const {
  if (!kOffers.offers(r.business(), r.channel())) {
    out.refuse("not_offered", "深圳CA（内蒙古政采）仅在网上营业厅办理证书新办",
               "SZCA (Inner Mongolia procurement) offers only new certificates, in its online hall");
    return;
  }
  if (!kApplicants.serves(r.applicant())) {
    out.refuse("applicant_not_served", "深圳CA（内蒙古政采）受理机构证书和机构个人证书",
               "SZCA (Inner Mongolia procurement) issues unit certificates and unit-person certificates only");
    return;
  }
  new_online(r, out);
}

}  // namespace szca
