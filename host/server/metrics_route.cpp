#include "server/metrics_route.hpp"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "http/error_body.hpp"
#include "http/router.hpp"
#include "observability/exposition.hpp"
#include "observability/metrics.hpp"
#include "plugins/plugin_registry.hpp"
#include "rules/rule_book.hpp"
#include "server/authentication.hpp"
#include "store/group_commit.hpp"

namespace cahub::server {
namespace {

constexpr std::size_t kMinTokenLength = 32;

std::string new_token() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("no random bytes for the metrics token");
  static const char* hex = "0123456789abcdef";
  std::string token;
  for (const unsigned char b : bytes) (token += hex[b >> 4]) += hex[b & 15];
  return token;
}

// Made with O_EXCL and 0600, so an existing file is never overwritten and the token is never
// readable by others, whatever the umask.
std::string make_token_file(const std::filesystem::path& file) {
  std::filesystem::create_directories(file.parent_path());
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create the metrics token file " + file.string());
  const std::string token = new_token();
  const std::string line = token + "\n";
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written) throw std::runtime_error("cannot write the metrics token file " + file.string());
  spdlog::info("made the metrics token {} (0600): give it to the scraper as its bearer token", file.string());
  return token;
}

std::string read_token_file(const std::filesystem::path& file) {
  struct stat st{};
  if (::stat(file.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
    spdlog::warn("{} can be read by others than its owner: chmod 600 it", file.string());
  std::ifstream in(file);
  std::string token;
  if (!std::getline(in, token)) throw std::runtime_error("cannot read the metrics token file " + file.string());
  return token;
}

// Read through the orders_queue index, which begins with the state: no table rows are touched.
void count_orders(store::SqlStore& store, std::vector<std::pair<std::string, std::int64_t>>& out) {
  store.read([&](store::SqlConnection& db) {
    auto q = db.query("SELECT state, count(*) FROM orders GROUP BY state ORDER BY state" + db.bytewise());
    while (q->next_row()) out.emplace_back(q->text(0), q->int64(1));
  });
}

bool bearer_matches(const http::Request& req, const std::string& token) {
  const std::string header = req.header("Authorization");
  constexpr std::string_view prefix = "Bearer ";
  if (header.size() != prefix.size() + token.size() || header.compare(0, prefix.size(), prefix) != 0) return false;
  return CRYPTO_memcmp(header.data() + prefix.size(), token.data(), token.size()) == 0;
}

}  // namespace

std::string metrics_token(const std::filesystem::path& var) {
  std::string token;
  if (const char* given = std::getenv("CAHUB_METRICS_TOKEN"); given && *given) {
    token = given;
    if (token.size() < kMinTokenLength) throw std::runtime_error("CAHUB_METRICS_TOKEN is shorter than 32 characters");
    return token;
  }
  const std::filesystem::path file = var / "metrics.token";
  token = std::filesystem::exists(file) ? read_token_file(file) : make_token_file(file);
  if (token.size() < kMinTokenLength) throw std::runtime_error(file.string() + " holds fewer than 32 characters");
  return token;
}

void install_metrics_route(http::Router& routes, const MetricsServices& services) {
  routes.get("/metrics", guarded([&services](const http::Request& req, http::Response& res) {
    if (!bearer_matches(req, services.token)) {
      http::set_error(res, 401, "bad_metrics_token", "send the metrics token as Authorization: Bearer <token>");
      res.set_header("WWW-Authenticate", "Bearer");
      return;
    }
    observability::Snapshot s;
    count_orders(worker_store(services.store), s.orders_by_state);
    if (services.committer) {
      const auto c = services.committer->counts();
      s.commits = observability::CommitCounts{c.commits, c.jobs_committed, c.jobs_failed, c.largest_batch};
    }
    s.regions = static_cast<std::int64_t>(services.rule_book.ids().size());
    s.plugins = static_cast<std::int64_t>(services.plugins.ids().size());
    s.process_start = services.started;
    res.set_content(services.metrics.render(s), observability::exposition_content_type);
  }));
}

}  // namespace cahub::server
