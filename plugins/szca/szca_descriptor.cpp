// SZCA's descriptor, quoted from seed 004 (Inner Mongolia). No office, hours or fees are published.
#include "szca.hpp"

namespace szca {

Szca::Szca(cahub::sdk::Host& host)
    : IssuingProvider(host, "SZCA Local Issuing CA (cahub)", "深圳市电子商务安全证书管理有限公司") { host.debug("SZCA rules ready (source: neimenggu guide)"); }

namespace {

constexpr const char* kFactsJson = R"json({
  "hotline": "400-112-3838",
  "online": "https://wt.szca.com/index",
  "online_service": "www.szca.com",
  "online_path": "网上营业厅——业务办理——证书新办——内蒙古政采",
  "uploads": {"types": ["jpg", "pdf"], "max_bytes": 2097152},
  "payment": ["alipay", "wechat", "bank_transfer"],
  "review_working_days_max": 3,
  "order_states": [
    {"state": "rejected", "zh": "未通过", "next": "resubmit"},
    {"state": "accepted", "zh": "成功受理"},
    {"state": "financial_verification_passed", "zh": "金融认证成功"}
  ],
  "delivery": "express, postage paid by the recipient (邮费到付)"
})json";

}  // namespace
}  // namespace szca

CAHUB_PLUGIN(szca::Szca, cahub::sdk::Descriptor{
                             .id = "szca",
                             .name_zh = "深圳市电子商务安全证书管理有限公司",
                             .name_en = "Shenzhen Electronic Commerce Security Certificate Management Co., Ltd. (SZCA)",
                             .version = "1.0.0",
                             .facts_json = szca::kFactsJson,
                             .offers = szca::kOffers,
                             .applicants = szca::kApplicants,
                         })
