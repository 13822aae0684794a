// Materials: ticking a required material off, with the uploaded file's name and size, or with
// the file itself, checked against what its first bytes say it is and the provider's limits.
#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string_view>

#include <spdlog/spdlog.h>

#include "desk/order_desk.hpp"
#include "desk/writer_job.hpp"
#include "pipeline/request_error.hpp"
#include "plugins/plugin_registry.hpp"
#include "plugins/provider.hpp"

namespace cahub::desk {
namespace {

using nlohmann::json;

// What a file's first bytes say it is, and the names it may go by: a scan renamed .jpg that is
// really a PDF is refused rather than stored under a false name.
struct MediaType {
  const char* type;
  std::string_view magic;
  std::initializer_list<std::string_view> extensions;
};
constexpr std::string_view kJpegMagic("\xFF\xD8\xFF", 3);
constexpr std::string_view kPngMagic("\x89PNG\r\n\x1A\n", 8);
const MediaType kMediaTypes[] = {{"image/jpeg", kJpegMagic, {"jpg", "jpeg"}},
                                 {"image/png", kPngMagic, {"png"}},
                                 {"image/bmp", "BM", {"bmp"}},
                                 {"application/pdf", "%PDF-", {"pdf"}}};

std::string extension_of(const std::string& file_name) {
  const auto dot = file_name.find_last_of('.');
  std::string ext = dot == std::string::npos ? std::string() : file_name.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

const MediaType& media_type_of(const std::string& file_name, std::string_view content) {
  const std::string ext = extension_of(file_name);
  const MediaType* named = nullptr;
  const MediaType* found = nullptr;
  for (const MediaType& m : kMediaTypes) {
    for (std::string_view e : m.extensions)
      if (e == ext) named = &m;
    if (content.substr(0, m.magic.size()) == m.magic) found = &m;
  }
  if (!found)
    throw orders::WorkflowRefusal("file_type_not_accepted",
                                  "\"" + file_name + "\" is not a JPEG, PNG, BMP or PDF file (by its content)");
  if (named != found)
    throw orders::WorkflowRefusal("file_content_mismatch",
                                  "\"" + file_name + "\" is named ." + ext + " but its content is " + found->type);
  return *found;
}

}  // namespace

void OrderDesk::check_upload(const std::string& ca, const std::string& file_name,
                             std::optional<std::int64_t> file_bytes) const {
  if (file_name.empty()) {
    if (file_bytes) throw pipeline::BadRequest("bad_file", "file_bytes without file_name: name the uploaded file");
    return;
  }
  if (!file_bytes || *file_bytes <= 0)
    throw pipeline::BadRequest("bad_file", "an uploaded file needs its size in bytes (file_bytes > 0)");
  const auto provider = services_.plugins.find(ca);
  if (!provider) return;  // no limits known; issuing will say the provider is missing
  const auto limits = provider->upload_limits();
  if (!limits) return;  // the provider publishes none
  const std::string type = extension_of(file_name);
  if (!limits->accepts_type(type)) {
    std::string listed;
    for (const auto& t : limits->types) listed += (listed.empty() ? "" : ", ") + t;
    throw orders::WorkflowRefusal("file_type_not_accepted",
                                  ca + " accepts " + listed + " uploads; \"" + file_name + "\" is not one of them");
  }
  if (limits->max_bytes && *file_bytes > *limits->max_bytes)
    throw orders::WorkflowRefusal("file_too_large", "\"" + file_name + "\" is " + std::to_string(*file_bytes) +
                                                        " bytes; " + ca + " accepts at most " +
                                                        std::to_string(*limits->max_bytes) + " bytes");
}

orders::Order OrderDesk::receive_material(const std::string& order_id, const std::string& code,
                                          const orders::Actor& actor, const edge::MaterialReceipt& receipt) {
  const orders::Order before = get(order_id, actor.regions);
  orders::check_material_receipt(before.state);  // W10
  check_upload(before.ca, receipt.file_name, receipt.file_bytes);
  write_job(writes_, [&](orders::OrderRepository& repo, store::SqlConnection& db, const std::string& now) {
    if (!repo.tick_material(before.id, code, actor.login, now, receipt.file_name, receipt.file_bytes))
      throw orders::OrderNotFound("order " + before.public_id + " requires no material \"" + code + "\"");
    json payload = {{"order", before.public_id}, {"material", code}};
    if (!receipt.file_name.empty()) payload["file_name"] = receipt.file_name;
    audit(db, now, actor, before.id, "material.received", std::move(payload));
    return 0;
  });
  spdlog::info("order {} material {} received region={} ca={} by {}", before.public_id, code, before.region, before.ca,
               actor.login);
  return get(order_id, actor.regions);
}

orders::Order OrderDesk::upload_material(const std::string& order_id, const std::string& code,
                                         const orders::Actor& actor, const std::string& file_name,
                                         std::string content) {
  const bool control = std::any_of(file_name.begin(), file_name.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
  if (file_name.empty() || file_name.size() > 255 || control || file_name.find_first_of("/\\") != std::string::npos)
    throw pipeline::BadRequest("bad_file", "name the uploaded file (?name=licence.jpg), without a folder or control "
                                           "characters, in at most 255 bytes", "name");
  if (content.empty()) throw pipeline::BadRequest("bad_file", "the uploaded file is empty");
  const orders::Order before = get(order_id, actor.regions);
  orders::check_material_receipt(before.state);  // W10
  check_upload(before.ca, file_name, static_cast<std::int64_t>(content.size()));
  const orders::UploadedFile file{file_name, media_type_of(file_name, content).type, std::move(content)};
  write_job(writes_, [&](orders::OrderRepository& repo, store::SqlConnection& db, const std::string& now) {
    const auto bytes = static_cast<std::int64_t>(file.content.size());
    if (!repo.tick_material(before.id, code, actor.login, now, file.file_name, bytes))
      throw orders::OrderNotFound("order " + before.public_id + " requires no material \"" + code + "\"");
    const std::string sha256 = repo.replace_material_file(before.id, code, file, actor.login, now);
    // The trail pins the very file the material was accepted on (an earlier upload's file is
    // replaced: its event keeps its name, size and digest).
    audit(db, now, actor, before.id, "material.uploaded",
          {{"order", before.public_id}, {"material", code}, {"file_name", file.file_name}, {"file_bytes", bytes},
           {"sha256", sha256}});
    return 0;
  });
  spdlog::info("order {} material {} uploaded ({} bytes, {}) region={} ca={} by {}", before.public_id, code,
               file.content.size(), file.media_type, before.region, before.ca, actor.login);
  return get(order_id, actor.regions);
}

orders::MaterialFile OrderDesk::material_file(const std::string& order_id, const std::string& code,
                                              const orders::RegionScope& regions) {
  (void)get(order_id, regions);  // OrderNotFound for another region's order, before its files are looked at
  return store::read(reads_,
                     [&](store::SqlConnection& db) { return orders::OrderRepository(db).material_file(order_id, code); });
}

}  // namespace cahub::desk
