// NMGCA's descriptor, quoted from seed 004 (Inner Mongolia). Fees and review time are not published.
#include "nmgca.hpp"

namespace nmgca {

Nmgca::Nmgca(cahub::sdk::Host& host)
    : IssuingProvider(host, "NMGCA Local Issuing CA (cahub)", "内蒙古数字证书认证有限公司") { host.debug("NMGCA rules ready (source: neimenggu guide)"); }

namespace {

constexpr const char* kFactsJson = R"json({
  "hotline": "0471-962366",
  "website": "https://www.nmgca.com.cn",
  "online": "http://ws.nmgca.com:8880/",
  "office": {"address": "呼和浩特市赛罕区如意开发区腾飞路绿地腾飞大厦E座23层2318", "phone": "0471-962366"},
  "offices": [
    {"city": "呼和浩特", "phone": "0471-962366", "address": "呼和浩特市赛罕区如意开发区腾飞路绿地腾飞大厦E座23层2318"},
    {"city": "包头", "phone": "0471-962366", "address": "包头九原区建华南路与纬五路交叉口南200米路东包头市公共资源交易中心3楼内蒙CA窗口"},
    {"city": "乌兰察布", "phone": "15848441632", "address": "青瓦台公共资源交易中心3楼最西侧343技术服务办公室"},
    {"city": "兴安盟", "phone": "18586098032", "address": "兴安盟公共资源交易中心105室（原兴安盟公安局院内）"},
    {"city": "锡林浩特", "phone": "0479-8108426", "address": "锡林浩特市公共资源交易中心一楼东侧5号窗口"},
    {"city": "鄂尔多斯", "phone": "18648373511", "address": "鄂尔多斯市康巴什新区湖滨路鄂尔多斯市公共资源交易中心8楼803"},
    {"city": "赤峰", "phone": "0476-8302944", "address": "赤峰市新城区宝山路36号（北方时代建筑设计院C座）"},
    {"city": "满洲里", "phone": "18947555445", "address": "满洲里世纪大道财政局4楼8号窗口"},
    {"city": "乌海市", "phone": "18404819919", "address": "内蒙古乌海市海勃湾区蒙中医院南德顺祥庭小区东门3-14号外围商铺 金蝶软件服务中心"},
    {"city": "巴彦淖尔市", "phone": "18586098007", "address": "巴彦淖尔市临河区开源路财政局413"}
  ],
  "online_consulting": "微信公众号“内蒙古数字科技服务中心”-关于我们-智能客服",
  "uploads": {"types": ["jpeg", "jpg", "png", "bmp"], "max_bytes": 1048576},
  "unit_certificate_applications_per_unit": 1,
  "payment": {"methods": ["bank_transfer", "wechat"], "after_state": "资料审核通过", "times": 1},
  "support": "5*8"
})json";

}  // namespace
}  // namespace nmgca

CAHUB_PLUGIN(nmgca::Nmgca, cahub::sdk::Descriptor{
                               .id = "nmgca",
                               .name_zh = "内蒙古数字证书认证有限公司",
                               .name_en = "Inner Mongolia Digital Certificate Authentication Co., Ltd. (NMGCA)",
                               .version = "1.0.0",
                               .facts_json = nmgca::kFactsJson,
                               .offers = nmgca::kOffers,
                               .applicants = nmgca::kApplicants,
                           })
