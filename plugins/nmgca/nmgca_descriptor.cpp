// NMGCA's descriptor, quoted from seed 004 (Inner Mongolia) and kept only when it holds wherever NMGCA
// issues. Fees and review time are not published.
#include "nmgca.hpp"

namespace nmgca {

Nmgca::Nmgca(cahub::sdk::Host& host)
    : IssuingProvider(host, "NMGCA Local Issuing CA (cahub)", "内蒙古数字证书认证有限公司") {
  host.debug("NMGCA rules ready (source: neimenggu guide)");
}

namespace {

// Facts true wherever NMGCA issues (seed 004):
// - hotline: "服务热线：0471-962366";
// - website, online: "用户通过登录内蒙古CA网站（https://www.nmgca.com.cn），点击banner图，进入数字证书在线受理平台
//   登录页，或者直接访问（http://ws.nmgca.com:8880/）进入": the company's site and its own online platform;
// - online_consulting: "关注微信公众号“内蒙古数字科技服务中心”-关于我们-智能客服，输入关键字即可咨询";
// - support: "乙方应为甲方提供5*8技术支持及客户服务的义务" (NMGCA's agreement, NMGCA as 乙方).
// Its upload limits are typed (kUploadLimits below), not a fact: the host acts on them.
// The Hohhot office and the ten city offices, the payment flow and "单位证书只允许申请1条" (a limit across
// orders, limit{}) are the Inner Mongolia platform's (neimenggu.lua).
constexpr const char* kFactsJson = R"json({
  "hotline": "0471-962366",
  "website": "https://www.nmgca.com.cn",
  "online": "http://ws.nmgca.com:8880/",
  "online_consulting": "微信公众号“内蒙古数字科技服务中心”-关于我们-智能客服",
  "support": "5*8"
})json";

// "注：附件大小在1M之内，图片格式：jpeg、jpg、png、bmp" (seed 004, NMGCA's online platform guide): the
// limits of NMGCA's own system, so the same on every platform it serves. 1M read as 1 MiB.
constexpr const char* kUploadTypes[] = {"jpeg", "jpg", "png", "bmp"};
constexpr cahub::sdk::UploadLimits kUploadLimits{kUploadTypes, 1024 * 1024};

}  // namespace

const void* Nmgca::extension(std::string_view id) const { return kUploadLimits.extension(id); }

}  // namespace nmgca

CAHUB_PLUGIN(nmgca::Nmgca, cahub::sdk::Descriptor{
                               .id = "nmgca",
                               .name_zh = "内蒙古数字证书认证有限公司",
                               .name_en = "Inner Mongolia Digital Certificate Authentication Co., Ltd. (NMGCA)",
                               .version = "2.0.0",
                               .facts_json = nmgca::kFactsJson,
                               .capabilities = nmgca::kCapabilities,
                               .applicants = nmgca::kApplicants,
                           })
