// BJCA's descriptor: who it is, how to reach it, what it offers. Facts are quoted from the
// sources (seed 003 central unless noted); anything a source does not publish is left out.
#include "bjca.hpp"

namespace bjca {

Bjca::Bjca(cahub::sdk::Host& host)
    : IssuingProvider(host, "BJCA Local Issuing CA (cahub)", "北京数字认证股份有限公司") { host.debug("BJCA rules ready (sources: central, qinghai, neimenggu guides)"); }

namespace {

constexpr const char* kFactsJson = R"json({
  "hotline": "010-58515511",
  "after_sales": "4007001900",
  "help_site": "http://help.bjca.org.cn/",
  "website": "http://www.bjca.cn",
  "office": {
    "address": "北京市西城区裕民东路3号京版信息港一层",
    "postcode": "100029",
    "phone": "010-58515511"
  },
  "mail_to": {
    "address": "北京市西城区裕民东路3号京版信息港一层（100029）",
    "company": "北京数字认证股份有限公司",
    "phone": "010-58515511"
  },
  "review": {
    "online_working_days": [3, 5],
    "mail_working_days": [3, 5],
    "shipping_working_days": 5,
    "neimenggu_online_working_days_max": 5
  },
  "medium_warranty": {"years": 1, "from": "first_issue", "covers": "quality defects: no light, blinking light, not recognised"},
  "pin_attempts_before_lock": 10,
  "online_renewal": {"days_before_expiry_lt": 90, "days_after_expiry_without_review": 365},
  "revocation_hours_after_approval": 24,
  "regions": {
    "qinghai": {
      "phone": "0971-6138132",
      "after_sales": "4007001900",
      "qq_group": "1074970956",
      "online": "http://help.bjca.cn/qhggzy/yqm/index.html"
    },
    "neimenggu": {
      "phone": "4007001900",
      "address": "呼和浩特市赛罕区绿地领海B座801室",
      "online": "http://help.bjca.cn/nmgcg/online.html"
    }
  }
})json";

}  // namespace
}  // namespace bjca

CAHUB_PLUGIN(bjca::Bjca, cahub::sdk::Descriptor{
                             .id = "bjca",
                             .name_zh = "北京数字认证股份有限公司",
                             .name_en = "Beijing Certificate Authority (BJCA)",
                             .version = "1.0.0",
                             .facts_json = bjca::kFactsJson,
                             .offers = bjca::kOffers,
                             .applicants = bjca::kApplicants,
                         })
