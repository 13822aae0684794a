// NETCA's descriptor: who it is, how to reach it, what it offers. Every fact is quoted from seed 002
// (Guangdong); anything the source does not publish (fees, review time) is left out.
#include "netca.hpp"

namespace netca {

Netca::Netca(cahub::sdk::Host& host)
    : IssuingProvider(host, "NETCA Local Issuing CA (cahub)", "广东省电子商务认证有限公司") { host.debug("NETCA rules ready (source: guangdong guide)"); }

namespace {

constexpr const char* kFactsJson = R"json({
  "hotline": "400-830-1330",
  "qq": "4008301330",
  "website": "www.cnca.net",
  "office": {
    "name": "广东省电子商务认证有限公司（网证通NETCA）",
    "address": "广州市越秀区建设五马路一号德安大厦一楼大厅（办理前台）"
  },
  "hours": "星期一至星期五（节假日除外），上午9:00－12:00，下午14:00－17:00",
  "hours_en": "Monday to Friday except public holidays, 9:00-12:00 and 14:00-17:00",
  "mail_to": {
    "company": "广东省电子商务认证有限公司（网证通）",
    "recipient": "蔡先生",
    "phone": "4008301330",
    "address": "广州市越秀区建设五马路一号德安大厦一楼大厅",
    "note": "双程快递费由贵单位支付，不接受挂号信"
  },
  "online": {
    "new": "https://bpms.cnca.net/usercertservice/index.jsp?serviceId=560a9955b61a2150",
    "add": "https://bpms.cnca.net/usercertservice/index.jsp?serviceId=ade714e439fe58d2"
  },
  "self_service_client": "网证通安全客户端",
  "payee": {
    "name": "广东省电子商务认证有限公司",
    "bank": "中信银行广州花园支行",
    "account": "7443 9001 8260 0096 874",
    "memo": "办理广东政府采购CA",
    "payer": "汇款单位必须是办理CA的单位"
  },
  "seal_samples": 3
})json";

}  // namespace
}  // namespace netca

CAHUB_PLUGIN(netca::Netca, cahub::sdk::Descriptor{
                               .id = "netca",
                               .name_zh = "广东省电子商务认证有限公司",
                               .name_en = "Guangdong Electronic Commerce Certification Co., Ltd. (NETCA)",
                               .version = "1.0.0",
                               .facts_json = netca::kFactsJson,
                               .offers = netca::kOffers,
                               .applicants = netca::kApplicants,
                           })
