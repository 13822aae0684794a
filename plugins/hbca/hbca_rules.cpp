// HBCA's own rules, quoted from seed 001 (Qinghai). Materials, the renewal window and the bidding lock
// belong to the region script.
#include "hbca.hpp"

namespace hbca {
namespace {

using cahub::sdk::Assessment;
using cahub::sdk::Request;

// "待工作人员网上收到资料并确保无误后2个工作日内办理CA数字证书并以邮寄的方式寄至申请人"
constexpr std::int32_t kOnlineHandlingDays = 2;

// "完善所有信息内容打印并盖章（评标专家签字即可）"
void stamp_or_sign(const Request& r, Assessment& out) {
  if (r.applicant() == Applicant::Person)
    out.require_step("sign_forms", "所需资料完善后打印，评标专家签字即可",
                     "Print the completed forms; the expert signs them");
  else
    out.require_step("stamp_forms", "所需资料完善后打印并加盖公章",
                     "Print the completed forms and stamp them with the unit seal");
}

// Online: "将资料扫描上传至相应网址（上传的所有资料为原件的彩色扫描件），待工作人员网上收到资料并确保无误后2个
// 工作日内办理CA数字证书并以邮寄的方式寄至申请人"
void online_application(const Request& r, Assessment& out) {
  stamp_or_sign(r, out);
  out.require_step("online_upload",
                   "将资料扫描上传至湖北CA在线办理网址（http://css.hbca.org.cn:8088/hbcaysl/web/businessQuery.jsp?"
                   "projectNo=205），上传的所有资料为原件的彩色扫描件",
                   "Upload colour scans of the original documents on HBCA's online site");
  out.require_step("online_review_and_mail",
                   "工作人员网上收到资料并确保无误后2个工作日内办理CA数字证书并以邮寄的方式寄至申请人",
                   "Once staff have received the materials online and found them correct, HBCA issues the certificate "
                   "within 2 working days and mails it to the applicant");
  out.mark_requires_review();
  out.review_working_days(0, kOnlineHandlingDays);
}

// Onsite: "递交到青海省政务服务监督管理局二楼相应CA数字证书窗口，递交资料后现场办理并领取CA数字证书"
void onsite_application(const Request& r, Assessment& out) {
  stamp_or_sign(r, out);
  out.require_step(
      "onsite_window",
      "递交资料到西宁市西川南路53号文博大厦青海省政务服务监督管理局二楼CA数字证书窗口，现场办理并领取CA数字证书",
      "Hand in the materials at the CA window, 2nd floor, 青海省政务服务监督管理局, 西宁市西川南路53号文博大厦, "
      "and collect the certificate there");
}

// "办理CA数字证书延期（续期）、信息变更、密码解锁（现场解锁），需携带原CA数字证书及介质（UKey）"
void bring_key(Assessment& out) {
  out.require_step("bring_original_key", "需携带原CA数字证书及介质（UKey）",
                   "Bring the original certificate and its medium (UKey)");
}

void renew(const Request& r, Assessment& out) {
  if (r.channel() == Channel::Online) {
    // "申请单位在相应网址在线自行延期（续期），在线自行延期（续期）无需提交“相关资料”"
    out.require_step("online_self_renewal", "在湖北CA在线办理网址自行延期（续期），无需提交相关资料",
                     "Renew on HBCA's online site yourself; no materials are needed");
    return;
  }
  bring_key(out);
  onsite_application(r, out);
}

}  // namespace

void Hbca::assess(const Request& r, Assessment& out) const {
  if (!kOffers.offers(r.business(), r.channel())) {
    if (r.business() == Business::Unlock)
      out.refuse("unlock_onsite_only", "湖北CA密码解锁为现场解锁，需携带原CA数字证书及介质（UKey）",
                 "HBCA unlocks a PIN onsite only, with the original certificate and UKey");
    else
      out.refuse("not_offered", "湖北CA不通过该渠道办理此项业务", "HBCA does not offer this business on this channel");
    return;
  }
  if (!kApplicants.serves(r.applicant())) {
    out.refuse("applicant_not_served", "湖北CA不受理此类申请人", "HBCA does not serve this kind of applicant");
    return;
  }
  switch (r.business()) {
    case Business::Renew: renew(r, out); break;
    case Business::Change:
    case Business::Unlock:
      if (r.channel() == Channel::Onsite) bring_key(out);
      [[fallthrough]];
    case Business::New:
    case Business::ReissueLost:
    case Business::ReissueDamaged:
      if (r.channel() == Channel::Online)
        online_application(r, out);
      else
        onsite_application(r, out);
      break;
    default: break;  // not offered: refused above
  }
}

}  // namespace hbca
