// HBCA's descriptor, quoted from seed 001 (Qinghai). The source gives no head office, hours or fees for
// HBCA: they are left out.
#include "hbca.hpp"

namespace hbca {

Hbca::Hbca(cahub::sdk::Host& host)
    : IssuingProvider(host, "HBCA Local Issuing CA (cahub)", "湖北省数字证书认证管理中心有限公司") { host.debug("HBCA rules ready (source: qinghai guide)"); }

namespace {

constexpr const char* kFactsJson = R"json({
  "hotline": "0971-5115239",
  "after_sales": "4008708080",
  "qq_group": "980618660",
  "online": "http://css.hbca.org.cn:8088/hbcaysl/web/businessQuery.jsp?projectNo=205",
  "regions": {
    "qinghai": {
      "phone": "0971-5115239",
      "after_sales": "4008708080",
      "qq_group": "980618660",
      "online": "http://css.hbca.org.cn:8088/hbcaysl/web/businessQuery.jsp?projectNo=205",
      "office": "西宁市西川南路53号文博大厦青海省政务服务监督管理局二楼CA数字证书窗口",
      "online_handling_working_days": 2
    }
  }
})json";

}  // namespace
}  // namespace hbca

CAHUB_PLUGIN(hbca::Hbca, cahub::sdk::Descriptor{
                             .id = "hbca",
                             .name_zh = "湖北省数字证书认证管理中心有限公司",
                             .name_en = "Hubei Digital Certificate Authority Management Center Co., Ltd. (HBCA)",
                             .version = "1.0.0",
                             .facts_json = hbca::kFactsJson,
                             .offers = hbca::kOffers,
                             .applicants = hbca::kApplicants,
                         })
