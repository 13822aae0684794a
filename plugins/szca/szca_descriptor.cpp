// SZCA's descriptor, quoted from seed 004 (Inner Mongolia) and kept only when it holds wherever SZCA
// issues. No office, hours or fees are published.
#include "szca.hpp"

namespace szca {

Szca::Szca(cahub::sdk::Host& host)
    : IssuingProvider(host, "SZCA Local Issuing CA (cahub)", "深圳市电子商务安全证书管理有限公司") {
  host.debug("SZCA rules ready (source: neimenggu guide)");
}

namespace {

// Facts true wherever SZCA issues (seed 004):
// - hotline: "服务热线：400-112-3838", the company's nationwide line;
// - online: "经办人登录深圳CA网上营业厅（https://wt.szca.com/index）", SZCA's own online hall;
// - website: "请及时登录www.szca.com-网上营业厅".
// Its upload limits are typed (kUploadLimits below), not a fact: the host acts on them.
// The project path (…证书新办——内蒙古政采), payment ways, review time, order states and delivery are
// the Inner Mongolia platform's procedure (neimenggu.lua).
constexpr const char* kFactsJson = R"json({
  "hotline": "400-112-3838",
  "online": "https://wt.szca.com/index",
  "website": "www.szca.com"
})json";

// "说明2：上传文件格式支持JPG、PDF文件大小不能超过2M" (seed 004): the limits of SZCA's own online hall,
// so the same on every platform it serves. 2M read as 2 MiB.
constexpr const char* kUploadTypes[] = {"jpg", "pdf"};
constexpr cahub::sdk::UploadLimits kUploadLimits{kUploadTypes, 2 * 1024 * 1024};

}  // namespace

const void* Szca::extension(std::string_view id) const { return kUploadLimits.extension(id); }

}  // namespace szca

CAHUB_PLUGIN(szca::Szca, cahub::sdk::Descriptor{
                             .id = "szca",
                             .name_zh = "深圳市电子商务安全证书管理有限公司",
                             .name_en = "Shenzhen Electronic Commerce Security Certificate Management Co., Ltd. (SZCA)",
                             .version = "2.0.0",
                             .facts_json = szca::kFactsJson,
                             .capabilities = szca::kCapabilities,
                             .applicants = szca::kApplicants,
                         })
