// BJCA's descriptor: who it is, how to reach it, what it can carry out. Facts are quoted from the
// sources and kept only when true in every region; anything a source does not publish is left out.
#include "bjca.hpp"

namespace bjca {

Bjca::Bjca(cahub::sdk::Host& host)
    : IssuingProvider(host, "BJCA Local Issuing CA (cahub)", "北京数字认证股份有限公司") {
  host.debug("BJCA rules ready (sources: central, qinghai, neimenggu guides)");
}

namespace {

// Facts true wherever BJCA issues, each from the sentence that makes it the company's:
// - hotline: "如有任何问题，请随时与我司客服联系01058515511" (seed 003, BJCA's own manual: "我司");
// - after_sales: "售后服务电话：4007001900（北京数字认证股份有限公司）" (seed 001) and "服务热线：4007001900"
//   (seed 004): the same company line in two regions;
// - help_site: "北京CA客服帮助网站：http://help.bjca.org.cn/" (seed 003);
// - website: "数字认证公司会通过网站http://www.bjca.cn进行通知和公布" (BJCA's service agreement, seed 004);
// - medium_warranty: "证书介质质保期为一年，自证书初次发放日起计算" and the three "介质质量问题" (seed 003);
// - pin_attempts_before_lock: "连续输错10次密码，智能密码钥匙（USBKEY）将被锁死" (seed 003);
// - revocation_hours_after_approval: "数字认证公司在接到吊销申请后并对申请资料审核无误后，在24小时内吊销
//   用户的数字证书" (BJCA's service agreement, seed 004).
// Each platform's offices, mail-in address, review times and online addresses are its region script's.
constexpr const char* kFactsJson = R"json({
  "hotline": "010-58515511",
  "after_sales": "4007001900",
  "help_site": "http://help.bjca.org.cn/",
  "website": "http://www.bjca.cn",
  "medium_warranty": {"years": 1, "from": "first_issue", "covers": "quality defects: no light, blinking light, not recognised"},
  "pin_attempts_before_lock": 10,
  "revocation_hours_after_approval": 24
})json";

}  // namespace
}  // namespace bjca

CAHUB_PLUGIN(bjca::Bjca, cahub::sdk::Descriptor{
                             .id = "bjca",
                             .name_zh = "北京数字认证股份有限公司",
                             .name_en = "Beijing Certificate Authority (BJCA)",
                             .version = "2.0.0",
                             .facts_json = bjca::kFactsJson,
                             .capabilities = bjca::kCapabilities,
                             .applicants = bjca::kApplicants,
                         })
