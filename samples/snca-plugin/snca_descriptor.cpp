// SNCA's descriptor: who it is, how to reach it, what it offers. Only what seed 004 publishes, and
// only what holds wherever SNCA issues (see the facts below for the hotline the source does give).
#include "snca.hpp"

namespace snca {

Snca::Snca(cahub::sdk::Host& host)
    : IssuingProvider(host, "SNCA Local Issuing CA (cahub)", "陕西省数字证书认证中心股份有限公司") {
  host.debug("SNCA rules ready (source: neimenggu guide, 陕西CA办理流程及表单)");
}

namespace {

// Facts true wherever SNCA issues, all from the issuer's 数字证书用户责任书 (seed 004), which binds "所有
// 申请和使用数字证书的用户":
// - website: "本责任书如有修订，签发方将在其网站（www.yztca.com）网站公布": the issuer's own site;
// - default_validity_years: "用户数字证书的默认有效期为一年";
// - renewal.days_before_expiry: "用户必须在证书失效期前30天内向证书受理机构提出数字证书更新请求";
// - replacement_after_notice_days: "订户在收到数字证书更换通知后，应在30日内到原证书受理机构更换".
// The source does give a telephone number (audit C12): "服务热线：400-0471-888 公众号：nmgyztca". It
// stands in the Inner Mongolia platform's CA table beside the localisation's online address
// (apply.yztca.com:7777/sncaapply) and its two Hohhot offices: it is the Inner Mongolia localisation's
// (内蒙古一证通), so it belongs to neimenggu.lua, not to this plugin, like the payment ways and delivery.
constexpr const char* kFactsJson = R"json({
  "website": "www.yztca.com",
  "default_validity_years": 1,
  "renewal": {"days_before_expiry": 30},
  "replacement_after_notice_days": 30
})json";

}  // namespace
}  // namespace snca

CAHUB_PLUGIN(snca::Snca, cahub::sdk::Descriptor{
                             .id = "snca",
                             .name_zh = "陕西省数字证书认证中心股份有限公司",
                             .name_en = "Shaanxi Digital Certificate Authority (SNCA)",
                             .version = "2.0.0",
                             .facts_json = snca::kFactsJson,
                             .capabilities = snca::kCapabilities,
                             .applicants = snca::kApplicants,
                         })
