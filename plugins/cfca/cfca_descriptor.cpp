// CFCA's descriptor, quoted from seed 004 (Inner Mongolia, share-sun notice of 2021-03-01). Fees are the
// region script's business.
#include "cfca.hpp"

namespace cfca {

Cfca::Cfca(cahub::sdk::Host& host)
    : IssuingProvider(host, "CFCA Local Issuing CA (cahub)", "中金金融认证中心有限公司") { host.debug("CFCA rules ready (source: neimenggu guide, share-sun)"); }

namespace {

constexpr const char* kFactsJson = R"json({
  "hotline": "0472-6862335",
  "service_agent": {
    "name": "江苏翔晟信息技术股份有限公司",
    "headquarters_phone": "025-66085508",
    "website": "http://www.share-sun.com.cn/"
  },
  "online": "http://www.share-sun.com/xsapply/admin/login.aspx?unitname=nmgzcy",
  "online_note": "如无法打开网站，请复制链接，在IE浏览器中打开",
  "offices": [
    {"city": "包头", "address": "内蒙古包头市九原区政务服务中心3楼，翔晟CFCA窗口", "phone": "0472-6862335"},
    {"city": "巴彦淖尔", "address": "内蒙古巴彦淖尔市临河区政务服务中心3楼3106办公室", "phone": "0478-8521210"},
    {"city": "鄂尔多斯", "address": "内蒙古鄂尔多斯市东胜区亿昌商务楼10楼", "phone": "0477-8328806"}
  ],
  "hours": "周一至周五上午9：00-12：00 下午13：30-17：00",
  "hours_en": "Monday to Friday, 9:00-12:00 and 13:30-17:00",
  "since": "2021-03-01"
})json";

}  // namespace
}  // namespace cfca

CAHUB_PLUGIN(cfca::Cfca, cahub::sdk::Descriptor{
                             .id = "cfca",
                             .name_zh = "中金金融认证中心有限公司",
                             .name_en = "China Financial Certification Authority (CFCA)",
                             .version = "1.0.0",
                             .facts_json = cfca::kFactsJson,
                             .offers = cfca::kOffers,
                             .applicants = cfca::kApplicants,
                         })
