// SNCA's own rules, quoted from seed 004. Only one document there is SNCA's own wherever it issues:
// the 数字证书用户责任书 of the issuer (签发方), which "所有申请和使用数字证书的用户均同意并接受". The rest
// of "陕西CA办理流程及表单" is the Inner Mongolia localisation's procedure (内蒙古一证通), so it is
// neimenggu.lua's: paying by WeChat, Alipay or card, pickup or courier at most 23 CNY, unlocking with a
// stamped authorisation on site or through support, the offices and the hotline.
#include "snca.hpp"

namespace snca {

void Snca::assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const {
  // The host refuses what the descriptor cannot carry out before it asks; this is for a host that
  // asks anyway.
  if (!kCapabilities.can_carry_out(r.business())) {
    out.refuse("cannot_carry_out", "陕西CA不能办理此项业务", "SNCA cannot carry out this business");
    return;
  }
  if (!kApplicants.serves(r.applicant())) {
    out.refuse("applicant_not_served", "陕西CA受理单位和专家个人", "SNCA serves units and (expert) persons only");
    return;
  }
  // The issuer's statement, 五: "用户必须在证书失效期前30天内向证书受理机构提出数字证书更新请求。否则，证书
  // 到期将自动失效，签发单位对此不承担任何责任。"
  if (r.business() == Business::Renew)
    out.require_step("renew_before_expiry", "须在证书失效前30天内申请更新，否则证书到期自动失效",
                     "Apply for renewal within the 30 days before expiry; otherwise the certificate lapses");
}

}  // namespace snca
