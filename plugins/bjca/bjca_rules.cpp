// BJCA's own rules: only what BJCA states as its policy wherever it issues, quoted from BJCA's own
// operation manual (seed 003, "请随时与我司客服联系"). Each platform's procedure with BJCA
// (verification routes, PIN delivery, review times, offices, mail-in addresses, online renewal
// windows) is that region's script's (offer{}, step{}, review{}, limit{}). So are two notes that
// read like BJCA's but are about the platform: the bidding lock ("还未开标的请不要办理证书更新、
// 信息变更", a tip about bidding there, which Qinghai states for every CA) and "原有证书将会自动吊销"
// after a lost-key reissue (what every reissue does in cahub's issuing, stated by the guides that say it).
#include "bjca.hpp"

namespace bjca {
namespace {

using cahub::sdk::Assessment;
using cahub::sdk::Defect;
using cahub::sdk::Request;

// "证书介质质保期为一年，自证书初次发放日起计算"; "证书介质在质保期内的：证书免费办理". Only the medium's
// first issue counts: a renewal reuses the medium ("使用原有证书介质USBkey"), so the current
// certificate's start is not it (audit C10). Without that date the warranty is not established.
void medium_warranty(const Request& r, Assessment& out) {
  if (r.defect() == Defect::Other) return;  // "非质量问题的…需要支付证书介质费用"
  const auto first = r.first_issued();
  if (!first) {
    out.require_step("warranty_unknown",
                     "介质质保期为一年，自证书初次发放日起计算：介质初次发放日期未知，经检测属于质量问题的，"
                     "在质保期内免费补办，否则收取介质费",
                     "The medium's warranty runs one year from its first issue, which is not known here: a "
                     "quality defect found by inspection is replaced free only within that year");
    return;
  }
  if (r.defect() == Defect::Quality && r.today() < first->plus_years(1)) out.warranty_covers_medium();
}

}  // namespace

void Bjca::assess(const Request& r, Assessment& out) const {
  // The host refuses what the descriptor cannot carry out before it asks; this is for a host that
  // asks anyway.
  if (!kCapabilities.can_carry_out(r.business())) {
    out.refuse("cannot_carry_out", "北京CA不能办理此项业务", "BJCA cannot carry out this business");
    return;
  }
  if (!kApplicants.serves(r.applicant())) {
    out.refuse("applicant_not_served", "北京CA不受理此类申请人", "BJCA does not serve this kind of applicant");
    return;
  }
  switch (r.business()) {
    case Business::ReissueDamaged: medium_warranty(r, out); break;
    case Business::Unlock:
      // "为保护证书不被恶意使用，智能密码钥匙（USBKEY）具有锁死功能，连续输错10次密码，智能密码钥匙
      // （USBKEY）将被锁死": a property of BJCA's key.
      out.require_step("pin_lock", "连续输错10次密码，USBKEY将被锁死，必须办理解锁后才能使用",
                       "10 wrong PINs in a row lock the USB key; it must be unlocked before use");
      break;
    default: break;
  }
}

}  // namespace bjca
