// NETCA's own rules. The only source naming NETCA is the Guangdong guide (seed 002), and what it says
// about handling NETCA certificates is that platform's agreement, so it is guangdong.lua's: which
// business goes on which channel, the payee and memo ("办理广东政府采购CA"), the mail-in address, the
// counter, the online forms, what the client does for renewal and unlock and when it cannot. What
// stays is the rule NETCA enforces when it issues (check_issue): adding certificates is signed with
// a valid NETCA certificate of the same unit.
#include "netca.hpp"

namespace netca {

void Netca::assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const {
  if (!kApplicants.serves(r.applicant())) {
    out.refuse("applicant_not_served", "网证通此指南仅受理机构数字证书",
               "NETCA (this guide) serves unit certificates only");
    return;
  }
  // The host refuses what the descriptor cannot carry out before it asks; this is for a host that
  // asks anyway.
  if (!kCapabilities.can_carry_out(r.business()))
    out.refuse("cannot_carry_out", "网证通不能办理此项业务", "NETCA cannot carry out this business");
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
