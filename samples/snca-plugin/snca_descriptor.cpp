// SNCA's descriptor: who it is, how to reach it, what it offers. Only what seed 004 publishes; the
// source gives no telephone number for SNCA, so none is listed.
#include "snca.hpp"

namespace snca {

Snca::Snca(cahub::sdk::Host& host)
    : IssuingProvider(host, "SNCA Local Issuing CA (cahub)", "陕西省数字证书认证中心股份有限公司") {
  host.debug("SNCA rules ready (source: neimenggu guide, 陕西CA办理流程及表单)");
}

namespace {

constexpr const char* kFactsJson = R"json({
  "local_name": "内蒙古一证通",
  "website": "http://www.yztca.com",
  "payment_methods": ["wechat", "alipay", "card"],
  "delivery": {"online_orders": "自提或到付邮寄（邮政或顺丰，不高于23元）"},
  "default_validity_years": 1,
  "renewal": {"days_before_expiry": 30},
  "replacement_after_notice_days": 30,
  "subject_types": ["招标人/采购人", "代理机构", "投标人", "专家", "其他"]
})json";

}  // namespace
}  // namespace snca

CAHUB_PLUGIN(snca::Snca, cahub::sdk::Descriptor{
                             .id = "snca",
                             .name_zh = "陕西省数字证书认证中心股份有限公司",
                             .name_en = "Shaanxi Digital Certificate Authority (SNCA)",
                             .version = "1.0.0",
                             .facts_json = snca::kFactsJson,
                             .offers = snca::kOffers,
                             .applicants = snca::kApplicants,
                         })
