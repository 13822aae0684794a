// CFCA's descriptor, quoted from seed 004 (share-sun's service agreement). Offices, hours, fees and
// the online address are the region script's business.
#include "cfca.hpp"

namespace cfca {

Cfca::Cfca(cahub::sdk::Host& host)
    : IssuingProvider(host, "CFCA Local Issuing CA (cahub)", "中金金融认证中心有限公司") {
  host.debug("CFCA rules ready (source: neimenggu guide, share-sun)");
}

namespace {

// Facts true wherever CFCA issues through share-sun, each from the sentence that makes it so:
// - service_agent: "江苏翔晟信息技术股份有限公司（以下简称本公司）向您提供相关服务" (share-sun's service
//   agreement, which names no region), "翔晟信息总部025-66085508", and "请关注http://www.share-sun.com.cn/
//   (翔晟公司官方网站)的相关通知" (seed 004).
// The Baotou, Bayannur and Ordos offices and phones, the hours, the online address
// (…unitname=nmgzcy) and the start date 2021-03-01 are Inner Mongolia's (neimenggu.lua).
constexpr const char* kFactsJson = R"json({
  "service_agent": {
    "name": "江苏翔晟信息技术股份有限公司",
    "headquarters_phone": "025-66085508",
    "website": "http://www.share-sun.com.cn/"
  }
})json";

}  // namespace
}  // namespace cfca

CAHUB_PLUGIN(cfca::Cfca, cahub::sdk::Descriptor{
                             .id = "cfca",
                             .name_zh = "中金金融认证中心有限公司",
                             .name_en = "China Financial Certification Authority (CFCA)",
                             .version = "2.0.0",
                             .facts_json = cfca::kFactsJson,
                             .capabilities = cfca::kCapabilities,
                             .applicants = cfca::kApplicants,
                         })
