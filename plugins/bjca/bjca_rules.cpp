// BJCA's own rules: what BJCA refuses and what it asks of the applicant, whatever the platform.
// Quoted from the central guide (seed 003) unless a note says otherwise; Neimenggu (seed 004)
// differs in review time and in how online unlock works. Fees, materials and validity belong to
// the region scripts, not here.
#include <string>

#include "bjca.hpp"

namespace bjca {
namespace {

using cahub::sdk::Assessment;
using cahub::sdk::Circumstance;
using cahub::sdk::Defect;
using cahub::sdk::Request;

// "证书有效期小于90天或已过期且不超过1年（365天）的用户插入USBKey可申请在线办理更新业务"
constexpr std::int32_t kOnlineRenewalOpensDaysBefore = 90;
// "过期超过1年（365天）未更新的证书，用户需……在线上传资料，通过BJCA审核后下载新证书"
constexpr std::int32_t kExpiredDaysWithoutReview = 365;
// "材料审核时间为收到材料后的3-5个工作日"; Neimenggu: "5个工作日内"
constexpr std::int32_t kReviewMinDays = 3;
constexpr std::int32_t kReviewMaxDays = 5;

bool in_neimenggu(const Request& r) { return r.region_id() == "neimenggu"; }

// ---- Steps shared by several businesses ----

// Online new and reissue (seed 003 §一.2 and §三.2): verify the unit, then the agent; the PIN
// arrives by the route the unit verification chose; BJCA reviews, then ships the key.
void online_application(const Request& r, Assessment& out) {
  out.require_step(
      "unit_verification",
      "企业认证（任选一种）：企业对公打款认证、法定代表人手机号认证、法定代表人银行卡信息认证、法定代表人刷脸认证",
      "Verify the unit, one of: corporate bank payment, legal representative's mobile number, legal "
      "representative's bank card, legal representative's face");
  out.require_step("agent_verification",
                   "经办人认证（任选一种）：经办人手机实名认证、经办人银行卡信息认证、经办人刷脸认证",
                   "Verify the agent, one of: real-name mobile number, bank card, face");
  out.require_step(
      "pin_delivery",
      "获取证书密码：选择企业对公打款认证的，证书密码在对公账户收款1分钱记录附言中查询；选择法定代表人手机号"
      "或银行卡信息认证的，证书密码由法定代表人手机短信查收",
      "PIN delivery: with corporate payment verification the PIN is in the memo of the 0.01 CNY transfer to "
      "the unit's account; with legal representative's mobile or bank card verification it comes by SMS to "
      "the legal representative");
  out.require_step("verification_fallback_mail", "企业认证核验不通过时，可返回修改，或提供纸质材料转为线下邮寄办理",
                   "If unit verification fails, correct the details and retry, or switch to applying by mail with the "
                   "paper materials");
  out.require_step("one_open_order", "同一证件号只能有一个未完成订单：重新发起办理的，需先取消之前中断的订单",
                   "One open order per ID number: cancel an interrupted order before starting again");
  if (in_neimenggu(r)) {
    out.require_step("online_review", "支付完成后等待审核，5个工作日内预留手机收到审核情况通知，审核通过后寄送证书",
                     "After payment BJCA reviews the order within 5 working days and notifies the mobile on record; "
                     "the key is shipped once approved");
    out.review_working_days(0, kReviewMaxDays);  // "within 5": no lower bound published
  } else {
    out.require_step("online_review", "材料审核需3-5个工作日，审核通过后UKEY将在5个工作日内发出",
                     "BJCA reviews the materials in 3-5 working days; the USB key is shipped within 5 working days "
                     "of approval");
    out.review_working_days(kReviewMinDays, kReviewMaxDays);
  }
  out.mark_requires_review();
}

// Onsite and by mail a clerk checks the paper materials before anything is issued.
void paper_review(const Request& r, Assessment& out) {
  out.mark_requires_review();
  if (r.channel() == Channel::Mail) {
    out.require_step("mail_materials",
                     "将申请材料邮寄至北京市西城区裕民东路3号京版信息港一层（100029），电话010-58515511；材料审核时间"
                     "为收到材料后的3-5个工作日",
                     "Mail the materials to BJCA, 北京市西城区裕民东路3号京版信息港一层 (100029), tel. 010-58515511; "
                     "they are reviewed within 3-5 working days of receipt");
    out.review_working_days(kReviewMinDays, kReviewMaxDays);
  }
}

void bring_key(Assessment& out) {
  out.require_step("bring_original_key", "办理时需携带原有数字证书介质USBKey", "Bring the original USB key");
}

// ---- One function per business ----

void renew(const Request& r, Assessment& out) {
  if (r.channel() == Channel::Online) {
    const auto left = r.days_to_expiry();
    if (!left) {
      out.refuse("certificate_expiry_required", "在线更新需提供原证书的有效期截止日期",
                 "certificate expiry date required: whether BJCA renews online depends on it");
      return;
    }
    if (*left >= kOnlineRenewalOpensDaysBefore) {
      out.refuse("online_renewal_window",
                 "证书有效期大于等于90天（还剩" + std::to_string(*left) + "天），暂不能在线更新",
                 "Online renewal opens when fewer than 90 days of validity remain; this certificate has " +
                     std::to_string(*left) + " days left");
      return;
    }
    out.require_step("online_renewal", "插入USBKey，在证书服务平台在线更新；更新后证书密码不变",
                     "Insert the USB key and renew on BJCA's certificate service platform; the PIN stays the same");
    if (-*left > kExpiredDaysWithoutReview) {
      out.require_step("online_renewal_review",
                       "证书过期超过1年（365天），需按照在线鉴证要求准备资料并在线上传，通过BJCA审核后下载新证书",
                       "The certificate expired more than 1 year (365 days) ago: upload verification materials for "
                       "BJCA review, then download the new certificate");
      out.mark_requires_review();
    }
  } else {
    bring_key(out);  // "用户现场更新时必须携带原有数字证书介质USBkey"
  }
  out.require_step("test_after_renewal", "更新数字证书后请先进行数字证书加解密测试，提示测试成功后再进行投标业务",
                   "After renewing, run the certificate encryption/decryption test before bidding");
}

void reissue_lost(const Request& r, Assessment& out) {
  out.require_step("old_certificate_revoked", "办理证书丢失补办业务后，原有证书将会自动吊销，将不能再继续使用",
                   "The old certificate will be revoked automatically and can no longer be used");
  if (r.channel() == Channel::Online)
    online_application(r, out);
  else
    paper_review(r, out);
}

// "证书介质质保期为一年，自证书初次发放日起计算"; only a quality defect found by inspection is
// covered: no light, a light that keeps blinking, or a key the certificate tool cannot read.
void reissue_damaged(const Request& r, Assessment& out) {
  const auto first = r.first_issued();
  if (!first) {
    out.refuse("first_issue_date_required",
               "损坏补办需提供介质初次发放日期（或原证书的生效日期），以判断是否在一年质保期内",
               "first issue date of the medium (or the certificate's start date) required to tell whether it is "
               "within its 1-year warranty");
    return;
  }
  const bool in_warranty = r.today() < first->plus_years(1);
  if (r.defect() == Defect::Quality && in_warranty) out.warranty_covers_medium();
  if (r.channel() == Channel::Online) {
    out.require_step(
        "key_inspection",
        "将原有数字证书介质USBKey邮寄至北京市西城区裕民东路3号京版信息港一层（100029）进行检测鉴定；属于质量"
        "问题并在质保期内的免费办理",
        "Mail the original USB key to BJCA, 北京市西城区裕民东路3号京版信息港一层 (100029), for "
        "inspection; a quality defect within warranty is replaced free");
    online_application(r, out);
  } else {
    out.require_step("key_inspection", "携带原有数字证书介质USBKey进行检测鉴定；属于质量问题并在质保期内的免费办理",
                     "Bring the original USB key for inspection; a quality defect within warranty is replaced free");
    paper_review(r, out);
  }
}

void change(const Request& r, Assessment& out) {
  if (r.channel() == Channel::Online) {
    out.require_step("online_change_scope",
                     "在线信息变更仅支持修改单位名称和经办人信息；如需变更签章，请至现场或邮寄介质到受理点办理",
                     "Online change covers the unit name and the agent only; a seal change needs the onsite counter "
                     "or mailing the key");
    out.require_step("agent_verification",
                     "经办人认证（任选一种）：经办人手机实名认证、经办人银行卡信息认证、经办人刷脸认证",
                     "Verify the agent, one of: real-name mobile number, bank card, face");
  } else {
    bring_key(out);
    paper_review(r, out);
  }
}

void unlock(const Request& r, Assessment& out) {
  out.require_step("pin_lock", "连续输错10次密码，USBKEY将被锁死，必须办理解锁后才能使用",
                   "10 wrong PINs in a row lock the USB key; it must be unlocked before use");
  if (r.channel() == Channel::Online) {
    if (in_neimenggu(r)) {  // seed 004: verified by SMS to the agent, no review
      out.require_step("online_unlock",
                       "插着介质在线申请解锁，核实经办人姓名、手机号，解锁授权码以短信发送，输入后设置新密码",
                       "With the key inserted, confirm the agent's name and mobile; an unlock code comes by SMS, then "
                       "set a new PIN");
    } else {
      out.require_step("online_unlock",
                       "提交在线解锁申请并上传鉴证资料，BJCA客服审核后发送授权邮件，通过邮件中的链接重置密码",
                       "Apply online and upload the verification documents; BJCA reviews them and sends an "
                       "authorisation email whose link resets the PIN");
      out.mark_requires_review();
    }
  } else {
    bring_key(out);
    paper_review(r, out);
  }
}

}  // namespace

void Bjca::assess(const Request& r, Assessment& out) const {
  if (!kOffers.offers(r.business(), r.channel())) {
    // The host already refuses what the descriptor does not offer; this is for a host that asks anyway.
    out.refuse("not_offered", "北京CA不通过该渠道办理此项业务", "BJCA does not offer this business on this channel");
    return;
  }
  if (!kApplicants.serves(r.applicant())) {
    out.refuse("applicant_not_served", "北京CA不受理此类申请人", "BJCA does not serve this kind of applicant");
    return;
  }
  // "如您已经使用即将到期的数字证书参加了投标业务，还未开标的请不要办理证书更新、信息变更等相关业务"
  if ((r.business() == Business::Renew || r.business() == Business::Change) && r.has(Circumstance::OpenBid)) {
    out.refuse("bidding_lock", "还未开标的请不要办理证书更新、信息变更等相关业务，请在投标业务结束后再办理",
               "A bid made with this certificate is not yet opened: do not renew or change the certificate until "
               "the bidding is over, or the bid can no longer be decrypted");
    return;
  }
  switch (r.business()) {
    case Business::New:
      if (r.channel() == Channel::Online)
        online_application(r, out);
      else
        paper_review(r, out);
      break;
    case Business::Renew: renew(r, out); break;
    case Business::ReissueLost: reissue_lost(r, out); break;
    case Business::ReissueDamaged: reissue_damaged(r, out); break;
    case Business::Change: change(r, out); break;
    case Business::Unlock: unlock(r, out); break;
    case Business::Revoke: paper_review(r, out); break;
    default: break;  // not offered: refused above
  }
}

}  // namespace bjca
