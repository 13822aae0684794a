// SNCA's own rules, quoted from seed 004. SNCA refuses nothing beyond what it does not offer; what it
// asks of the applicant are steps. The 30-day renewal window is also the region's rule and lives in
// rules/neimenggu.lua, so it is not repeated here.
#include "snca.hpp"

namespace snca {
namespace {

using cahub::sdk::Assessment;
using cahub::sdk::Request;

// "费用支付：缴纳数字证书费用通过微信、支付宝、刷卡等方式收取。"
void payment(Assessment& out) {
  out.require_step("payment_methods", "数字证书费用通过微信、支付宝、刷卡等方式缴纳",
                   "Pay the certificate fee by WeChat, Alipay or card");
}

// "网上办理用户以自提或到付方式邮寄给用户（邮政或顺丰，不高于23元）"
void online_delivery(Assessment& out) {
  out.require_step("pickup_or_courier", "网上办理的证书自提，或到付邮寄（邮政或顺丰，不高于23元）",
                   "Certificates handled online are picked up, or sent cash-on-delivery (China Post or SF, at most "
                   "23 CNY)");
}

}  // namespace

void Snca::assess(const Request& r, Assessment& out) const {
  if (!kOffers.offers(r.business(), r.channel())) {
    out.refuse("not_offered", "陕西CA（一证通）不通过该渠道办理此项业务",
               "SNCA does not offer this business on this channel");
    return;
  }
  if (!kApplicants.serves(r.applicant())) {
    out.refuse("applicant_not_served", "陕西CA（一证通）受理单位和专家个人",
               "SNCA serves units and (expert) persons only");
    return;
  }
  switch (r.business()) {
    case Business::Unlock:
      // "公司开具法人授权书（加盖公章）现场解锁或者联系CA客服进行网上解锁。"
      out.require_step("unlock_authorisation", "公司开具法人授权书（加盖公章），现场解锁或联系CA客服网上解锁",
                       "The unit issues the legal representative's authorisation (stamped); unlock onsite or "
                       "online through SNCA support");
      break;
    case Business::New:
    case Business::Renew:
    case Business::ReissueLost:
    case Business::ReissueDamaged:
      payment(out);
      break;
    default: break;
  }
  if (r.channel() == Channel::Online) online_delivery(out);
  // "用户必须在证书失效期前30天内向证书受理机构提出数字证书更新请求。否则，证书到期将自动失效"
  if (r.business() == Business::Renew)
    out.require_step("renew_before_expiry", "须在证书失效前30天内申请更新，否则证书到期自动失效",
                     "Apply for renewal within the 30 days before expiry; otherwise the certificate lapses");
}

}  // namespace snca
