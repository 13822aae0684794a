// HBCA's descriptor, quoted from seed 001 (Qinghai). The source gives no head office, website or hours
// for HBCA: they are left out.
#include "hbca.hpp"

namespace hbca {

Hbca::Hbca(cahub::sdk::Host& host)
    : IssuingProvider(host, "HBCA Local Issuing CA (cahub)", "湖北省数字证书认证管理中心有限公司") {
  host.debug("HBCA rules ready (source: qinghai guide)");
}

namespace {

// Facts true wherever HBCA issues: "售后服务电话：…4008708080（湖北省数字证书认证管理中心有限公司）"
// (seed 001), the company's nationwide after-sales line. The consultation phone 0971-5115239 and the
// QQ group 980618660 are listed for the Qinghai platform with a Xining number, and the online
// address carries Qinghai's project (projectNo=205): they are qinghai.lua's, like the window.
constexpr const char* kFactsJson = R"json({
  "after_sales": "4008708080"
})json";

}  // namespace
}  // namespace hbca

CAHUB_PLUGIN(hbca::Hbca, cahub::sdk::Descriptor{
                             .id = "hbca",
                             .name_zh = "湖北省数字证书认证管理中心有限公司",
                             .name_en = "Hubei Digital Certificate Authority Management Center Co., Ltd. (HBCA)",
                             .version = "2.0.0",
                             .facts_json = hbca::kFactsJson,
                             .capabilities = hbca::kCapabilities,
                             .applicants = hbca::kApplicants,
                         })
