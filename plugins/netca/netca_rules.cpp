// NETCA's own rules, quoted from seed 002 (Guangdong). Materials and fees belong to the region script;
// here are only what NETCA refuses and the steps it asks of the applicant.
#include "netca.hpp"

namespace netca {
namespace {

using cahub::sdk::Assessment;
using cahub::sdk::Circumstance;
using cahub::sdk::Request;

// ---- Steps ----

// "选择邮寄办理须提前公对公汇款，并提供汇款单复印件"; mailing address and "双程快递费由贵单位支付，不接受挂号信".
void mail_steps(Assessment& out) {
  out.require_step("mail_prior_transfer",
                   "选择邮寄办理须提前公对公汇款，并提供汇款单复印件（汇款单位必须是办理CA的单位，并且备注“办理广东政府"
                   "采购CA”）",
                   "Applying by mail needs a corporate bank transfer made in advance; enclose a copy of the transfer "
                   "slip (the payer must be the applying unit, memo 办理广东政府采购CA)");
  out.require_step("mail_materials",
                   "将材料邮寄至广州市越秀区建设五马路一号德安大厦一楼大厅，广东省电子商务认证有限公司（网证通）蔡先生"
                   "（收）4008301330；双程快递费由贵单位支付，不接受挂号信",
                   "Mail the materials to NETCA, 广州市越秀区建设五马路一号德安大厦一楼大厅, attn. 蔡先生, 4008301330; "
                   "courier costs both ways are paid by the unit; registered letters are not accepted");
}

// The application form carries an acceptance block: "受理审核（以下由证书受理员填写）……受理员……复核员".
void paper_review(const Request& r, Assessment& out) {
  out.mark_requires_review();
  if (r.channel() == Channel::Mail) mail_steps(out);
}

// "原CA usbkey" / "原数字证书 usbkey" (renewal after expiry, change, unlock).
void bring_key(Assessment& out) {
  out.require_step("bring_original_key", "需提交原数字证书USBKey", "Hand in the original USB key");
}

// ---- Channel refusals with the source's reason ----

void refuse_channel(const Request& r, Assessment& out) {
  switch (r.business()) {
    case Business::ReissueLost:
    case Business::ReissueDamaged:
      out.refuse("onsite_or_mail_only", "补办只能选择现场或者邮寄办理方式",
                 "A reissue (lost or damaged key) is handled onsite or by mail only");
      break;
    case Business::Change:
      out.refuse("onsite_or_mail_only", "变更只能选择现场或者邮寄办理方式",
                 "A change is handled onsite or by mail only");
      break;
    case Business::New:
      out.refuse("onsite_or_mail_only",
                 "新申请在线填写资料后，须带齐纸质资料和付款凭证前往网证通前台办理，或者邮寄给网证通",
                 "A new application is filled in online, then the paper materials and payment proof are brought to "
                 "NETCA's counter or mailed to NETCA");
      break;
    case Business::Renew:
      out.refuse("renewal_channel",
                 "未过期的证书在【网证通安全客户端】-【证书续期】自助续期；过期后只能选择现场或者邮寄办理",
                 "A certificate that has not expired is renewed in the NETCA client (self-service); once expired, "
                 "onsite or by mail only");
      break;
    case Business::Unlock:
      out.refuse("unlock_channel",
                 "解锁在【网证通安全客户端】-【忘记密码】自助办理；经办人已变更的只能选择现场或者邮寄办理",
                 "Unlock is self-service in the NETCA client (forgot password); if the agent has changed, onsite or "
                 "by mail only");
      break;
    case Business::Add:
      out.refuse("add_online_only", "增加机构数字证书个数须在线申请，并插入原数字证书进行签名",
                 "Adding certificates is applied for online, signed with the unit's existing NETCA certificate");
      break;
    default:
      out.refuse("not_offered", "网证通不通过该渠道办理此项业务", "NETCA does not offer this business on this channel");
      break;
  }
}

// ---- One function per business ----

void apply_new(const Request& r, Assessment& out) {
  out.require_step(
      "online_form",
      "在线填写资料（https://bpms.cnca.net/usercertservice/index.jsp?serviceId=560a9955b61a2150），导出申请"
      "表盖章后扫描，与附件资料一并上传",
      "Fill in the application online, print the form, stamp it, scan it and upload it with the other "
      "attachments");
  out.require_step("corporate_transfer",
                   "填写银行汇款信息，提前公对公转账至网证通（汇款单位必须是办理CA的单位，备注“办理广东政府采购CA”）",
                   "Pay NETCA in advance by corporate bank transfer (the payer must be the applying unit, memo "
                   "办理广东政府采购CA)");
  if (r.channel() == Channel::Onsite)
    out.require_step(
        "no_corporate_transfer_onsite",
        "无法公对公银行汇款的单位，只能选择到网证通前台现场办理，并且要带齐所需纸质资料和营业执照副本原件前往",
        "A unit that cannot pay by corporate bank transfer must apply at NETCA's counter in person, with "
        "all paper materials and the original business licence (duplicate)");
  paper_review(r, out);
}

// "此办理方式须已有同名网证通有效数字证书进行签名，如果未有数字证书或者数字证书已过期，请按照上述第一种方式办理"
void add(Assessment& out) {
  out.require_step(
      "sign_with_same_name_certificate",
      "在线申请过程中需插入本单位同名的网证通有效数字证书进行签名；如果未有数字证书或者数字证书已过期，请按新"
      "申请办理",
      "Sign the request with the valid NETCA certificate of the same unit name; otherwise apply as new");
  out.require_step("online_payment_no_paper", "在线支付（不一定要公对公汇款），无须提交纸质材料，等待审核即可",
                   "Pay online (not necessarily by corporate transfer); no paper materials, wait for the review");
  out.require_step("delivery_by_mail", "网证通人员审核在线申请，核对信息，把数字证书邮寄给用户并开具电子发票",
                   "NETCA reviews the online application, then mails the certificate and issues an e-invoice");
  out.mark_requires_review();
}

void renew(const Request& r, Assessment& out) {
  const auto left = r.days_to_expiry();
  if (r.channel() == Channel::SelfService) {
    if (!left) {
      out.refuse("certificate_expiry_required", "自助续期需提供原证书的有效期截止日期",
                 "certificate expiry date required: NETCA renews in self-service only a certificate that has not "
                 "expired");
      return;
    }
    if (*left < 0) {
      out.refuse("expired_renewal_onsite_or_mail", "数字证书过期后只能选择现场或者邮寄办理方式",
                 "An expired certificate is renewed onsite or by mail only");
      return;
    }
    out.require_step("self_service_renewal", "在【网证通安全客户端】-【证书续期】在线续期，无须提交任何资料",
                     "Renew in the NETCA security client (证书续期); no materials are needed");
    return;
  }
  if (left && *left >= 0)
    out.require_step("self_service_renewal_available",
                     "数字证书未过期，可以选择在【网证通安全客户端】-【证书续期】在线续期，无须提交任何资料",
                     "The certificate has not expired: it can be renewed in the NETCA client without any materials");
  bring_key(out);
  paper_review(r, out);
}

void unlock(const Request& r, Assessment& out) {
  if (r.channel() == Channel::SelfService) {
    if (r.has(Circumstance::AgentChanged)) {
      out.refuse("agent_changed_unlock", "数字证书经办人已变更的单位无法自动解锁，只能选择现场或者邮寄办理方式",
                 "The agent has changed: the key cannot be unlocked in self-service; apply onsite or by mail");
      return;
    }
    out.require_step("self_service_unlock", "驱动【网证通安全客户端】-【忘记密码】-【经办人获取手机验证码】自动解锁",
                     "In the NETCA security client choose 忘记密码 (forgot password); the agent receives an SMS code "
                     "and the key unlocks");
    return;
  }
  bring_key(out);
  paper_review(r, out);
}

}  // namespace

void Netca::assess(const Request& r, Assessment& out) const {
  if (!kApplicants.serves(r.applicant())) {
    out.refuse("applicant_not_served", "网证通此指南仅受理机构数字证书",
               "NETCA (this guide) serves unit certificates only");
    return;
  }
  if (!kOffers.offers(r.business(), r.channel())) {
    refuse_channel(r, out);
    return;
  }
  switch (r.business()) {
    case Business::New: apply_new(r, out); break;
    case Business::Add: add(out); break;
    case Business::Renew: renew(r, out); break;
    case Business::ReissueLost:
    case Business::ReissueDamaged: paper_review(r, out); break;
    case Business::Change:
      bring_key(out);
      paper_review(r, out);
      break;
    case Business::Unlock: unlock(r, out); break;
    default: break;  // not offered: refused above
  }
}

// "增加机构数字证书个数须在线申请，并插入原数字证书进行签名" (seed 002): the unit signs the add
// application with a NETCA certificate it already holds, so that certificate must be NETCA's, in
// force and in the same unit's name.
void Netca::check_issue(const cahub::sdk::issuing::IssueOrder& order, cahub::sdk::issuing::Connector& ca) const {
  using cahub::sdk::ProviderError;
  using cahub::sdk::issuing::CertificateStatus;
  if (order.business != Business::Add) return;
  if (order.previous_serial.empty())
    throw ProviderError(CAHUB_ERROR_INVALID_REQUEST,
                        "增加证书须使用本单位有效的网证通证书签名 / adding certificates needs the serial of the unit's "
                        "valid NETCA certificate (previous_serial)");
  const auto held = ca.find(order.previous_serial);  // NOT_FOUND: not a NETCA certificate
  if (held.status != CertificateStatus::Active || held.not_after < order.not_before)
    throw ProviderError(CAHUB_ERROR_INVALID_REQUEST, "certificate " + held.serial +
                                                         " is not in force; adding certificates needs a valid NETCA "
                                                         "certificate of the same unit");
  if (held.subject.unit_name != order.subject.unit_name || held.subject.uscc != order.subject.uscc)
    throw ProviderError(CAHUB_ERROR_INVALID_REQUEST, "certificate " + held.serial + " is in another unit's name (" +
                                                         held.subject.unit_name + ")");
}

}  // namespace netca
