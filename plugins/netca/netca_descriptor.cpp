// NETCA's descriptor: who it is, how to reach it, what it offers. Every fact is quoted from seed 002
// and kept only when it holds wherever NETCA issues.
#include "netca.hpp"

namespace netca {

Netca::Netca(cahub::sdk::Host& host)
    : IssuingProvider(host, "NETCA Local Issuing CA (cahub)", "广东省电子商务认证有限公司") {
  host.debug("NETCA rules ready (source: guangdong guide)");
}

namespace {

// Facts true wherever NETCA issues (seed 002):
// - hotline, qq: "数字证书办理咨询、技术支持及售后服务热线：400-830-1330" and "…售后服务QQ：4008301330", the
//   company's nationwide lines;
// - website: "广东省电子商务认证有限公司网站（www.cnca.net）发布的《网证通电子认证业务规则》（CPS）";
// - self_service_client: "【网证通安全客户端】", NETCA's own client software.
// The counter, its hours, the mail-in address and recipient, the payee with the memo "办理广东政府采购CA",
// the online forms and the form's three seal samples are the Guangdong platform's (guangdong.lua).
constexpr const char* kFactsJson = R"json({
  "hotline": "400-830-1330",
  "qq": "4008301330",
  "website": "www.cnca.net",
  "self_service_client": "网证通安全客户端"
})json";

}  // namespace
}  // namespace netca

CAHUB_PLUGIN(netca::Netca, cahub::sdk::Descriptor{
                               .id = "netca",
                               .name_zh = "广东省电子商务认证有限公司",
                               .name_en = "Guangdong Electronic Commerce Certification Co., Ltd. (NETCA)",
                               .version = "2.0.0",
                               .facts_json = netca::kFactsJson,
                               .capabilities = netca::kCapabilities,
                               .applicants = netca::kApplicants,
                           })
