// The host's plugin state service (plugins/plugin_state_service.cpp, plugin.h
// CAHUB_HOST_PLUGIN_STATE) on both stores, and the SDK's local CA keeping its state there
// (sdk/issuing/host_ca_state.cpp): what lets several hosts issue from one CA (issue 17).
#include <catch2/catch.hpp>

#include <openssl/x509.h>
#include <openssl/pem.h>

#include <atomic>
#include <set>
#include <thread>

#include <cahub/issuing.hpp>
#include <cahub/plugin_state.hpp>
#include <spdlog/spdlog.h>

#include "store_sides.hpp"
#include "plugins/host_services.hpp"
#include "store/postgres/store_location.hpp"

namespace cahub::testing {
namespace {

using Catch::Matchers::Contains;
namespace state = sdk::state;
namespace issuing = sdk::issuing;

constexpr const char* kKek = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

// One plugin instance's view of the host: its context and the table the host would hand it.
struct PluginHost {
  PluginHost(std::string id, std::function<store::SqlStore&()> store,
             std::shared_ptr<const sdk::sealing::KeySealer> sealer = nullptr)
      : context(plugins::make_host_context(spdlog::default_logger(), std::move(id), std::move(sealer), std::move(store))) {
    api.struct_size = sizeof api;
    api.abi_major = CAHUB_ABI_MAJOR;
    api.abi_minor = CAHUB_ABI_MINOR;
    api.host_ctx = context.get();
    api.log = &plugins::log_from_plugin;
    api.state_dir = "";
    api.get_api = &plugins::host_service;
  }
  sdk::Host host() const { return sdk::Host(api); }
  std::shared_ptr<const state::Store> store() const { return state::Store::from_host(host()); }

  std::shared_ptr<plugins::HostContext> context;
  cahub_host_api api{};
};

std::shared_ptr<const sdk::sealing::KeySealer> kek_sealer() {
  return sdk::sealing::local_key_sealer(sdk::sealing::KeyEncryptionKey::parse(kKek));
}

// A local CA as a plugin `id` on this host would open it: its state in the host's database.
std::unique_ptr<issuing::Connector> host_ca(const PluginHost& host, bool sealed = true) {
  issuing::LocalCaSettings s;
  s.common_name = "Test Shared Issuing CA";
  s.organization = "cahub tests";
  s.ca_id = "bjca";
  s.key_algorithm = "ec-p256";
  s.state_store = host.store();
  if (sealed) s.sealer = kek_sealer();
  return issuing::open_local_ca(s);
}

issuing::IssueOrder order_for(const std::string& order_id) {
  issuing::IssueOrder o;
  o.order_id = order_id;
  o.business = sdk::Business::New;
  o.subject.kind = sdk::Applicant::Org;
  o.subject.unit_name = "某某建设有限公司";
  o.subject.uscc = "91110000600037341L";
  o.not_before = sdk::Date(20'000);
  o.not_after = sdk::Date(20'365);
  return o;
}

// The serials a PEM CRL lists, as upper-case hex.
std::set<std::string> crl_serials(const std::string& pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509_CRL* crl = PEM_read_bio_X509_CRL(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  REQUIRE(crl != nullptr);
  std::set<std::string> out;
  const STACK_OF(X509_REVOKED)* revoked = X509_CRL_get_REVOKED(crl);
  for (int i = 0; i < sk_X509_REVOKED_num(revoked); ++i) {
    BIGNUM* bn = ASN1_INTEGER_to_BN(X509_REVOKED_get0_serialNumber(sk_X509_REVOKED_value(revoked, i)), nullptr);
    char* hex = BN_bn2hex(bn);
    out.insert(hex);
    OPENSSL_free(hex);
    BN_free(bn);
  }
  X509_CRL_free(crl);
  return out;
}

template <typename Side>
struct StateFixture {
  Side side;
  std::function<store::SqlStore&()> opener() {
    return [this]() -> store::SqlStore& { return side.sql_store(); };
  }
};

}  // namespace

TEMPLATE_TEST_CASE_METHOD(StateFixture, "plugin state: records are kept per plugin, in key order, all or nothing",
                          "[plugin_state]", SqliteSide, PostgresSide) {
  const PluginHost bjca("bjca", this->opener()), netca("netca", this->opener());
  const auto store = bjca.store();
  REQUIRE(store);
  CHECK(store->max_key_bytes() == 256);

  store->transact([](state::Transaction& t) {
    t.put("cert/B", "second");
    t.put("cert/A", "首个 ✓");
    t.put("crl/number", "7");
  });
  netca.store()->transact([](state::Transaction& t) { t.put("cert/A", "netca's own"); });

  std::vector<std::string> seen;
  store->transact([&](state::Transaction& t) {
    CHECK(t.get("cert/A") == std::optional<std::string>("首个 ✓"));
    CHECK_FALSE(t.get("cert/C"));
    t.scan("cert/", [&](std::string_view k, std::string_view v) { seen.push_back(std::string(k) + "=" + std::string(v)); });
  });
  CHECK(seen == std::vector<std::string>{"cert/A=首个 ✓", "cert/B=second"});

  // A body that throws keeps nothing, and its own error comes back unchanged.
  CHECK_THROWS_WITH(store->transact([](state::Transaction& t) {
                      t.put("cert/A", "overwritten");
                      t.erase("cert/B");
                      throw sdk::ProviderError(CAHUB_ERROR_INVALID_REQUEST, "certificate is revoked");
                    }),
                    "certificate is revoked");
  store->transact([](state::Transaction& t) {
    CHECK(t.get("cert/A") == std::optional<std::string>("首个 ✓"));
    CHECK(t.get("cert/B"));
  });

  // What the host refuses: said once, and the whole transaction goes.
  try {
    store->transact([](state::Transaction& t) {
      t.put("cert/A", "overwritten");
      t.put(std::string(257, 'k'), "x");
    });
    FAIL("a 257-byte key was accepted");
  } catch (const sdk::ProviderError& e) {
    CHECK(e.status() == CAHUB_ERROR_INVALID_REQUEST);
    CHECK_THAT(e.what(), Contains("1 to 256 bytes, got 257"));
  }
  CHECK_THROWS_WITH(store->transact([](state::Transaction& t) { t.put("bad", std::string("\xff\xfe", 2)); }),
                    Contains("UTF-8"));
  store->transact([](state::Transaction& t) { CHECK(t.get("cert/A") == std::optional<std::string>("首个 ✓")); });
  CHECK(count(this->side, "SELECT count(*) FROM plugin_state WHERE plugin = 'bjca'") == 3);
  CHECK(count(this->side, "SELECT count(*) FROM plugin_state WHERE plugin = 'netca'") == 1);
}

TEST_CASE("plugin state: a host offers the service only when it keeps plugin state", "[plugin_state]") {
  const PluginHost without("bjca", {});
  CHECK(without.store() == nullptr);
  CHECK_FALSE(without.context->asked_for_state);
}

TEMPLATE_TEST_CASE_METHOD(StateFixture, "plugin state: two hosts issue from one CA with one ledger and one CRL",
                          "[plugin_state]", SqliteSide, PostgresSide) {
  const PluginHost first_host("bjca", this->opener(), kek_sealer());
  const PluginHost second_host("bjca", this->opener(), kek_sealer());
  auto first = host_ca(first_host), second = host_ca(second_host);

  const auto a = first->issue(order_for("ORD-A"));
  const auto b = second->issue(order_for("ORD-B"));
  CHECK(a.serial != b.serial);
  CHECK(first->publication().root_pem == second->publication().root_pem);  // one CA
  CHECK(second->find(a.serial).order_id == "ORD-A");                      // one ledger

  // A retry of ORD-A at the other host gets the same certificate, without its key again.
  const auto replayed = second->issue(order_for("ORD-A"));
  CHECK(replayed.serial == a.serial);
  CHECK(replayed.replayed);
  CHECK(replayed.subscriber_key_pem.empty());

  second->freeze(a.serial);
  first->revoke(b.serial, issuing::RevocationReason::KeyCompromise);
  const auto crl = first->publication().crl_pem;
  CHECK(crl == second->publication().crl_pem);  // one CRL
  CHECK(crl_serials(crl) == std::set<std::string>{a.serial, b.serial});
  CHECK(first->find(a.serial).status == issuing::CertificateStatus::Frozen);
  CHECK_THROWS_WITH(first->freeze(a.serial), Contains("already frozen"));
  // An order id the host's keys cannot hold is refused by name, and nothing is issued for it.
  CHECK_THROWS_WITH(first->issue(order_for(std::string(241, 'X'))), Contains("order_id has 241 bytes; at most 240"));
  CHECK(count(this->side, "SELECT count(*) FROM plugin_state WHERE key LIKE 'cert/%'") == 2);
  CHECK(first->publication().root_file.empty());  // nothing on this host's disk

  // The key in the database is sealed: no PEM private key in any row.
  CHECK(count(this->side, "SELECT count(*) FROM plugin_state WHERE value LIKE '%PRIVATE KEY%'") == 0);
  CHECK(count(this->side, "SELECT count(*) FROM plugin_state WHERE key = 'ca/key'") == 1);
}

TEMPLATE_TEST_CASE_METHOD(StateFixture, "plugin state: a CA key is never kept in the database unsealed",
                          "[plugin_state]", SqliteSide, PostgresSide) {
  const PluginHost host("bjca", this->opener());
  auto ca = host_ca(host, /*sealed=*/false);
  CHECK_THROWS_WITH(ca->issue(order_for("ORD-A")), Contains("configure a key-encryption key"));
  CHECK(count(this->side, "SELECT count(*) FROM plugin_state") == 0);
  // The key another host sealed cannot be opened without the key-encryption key either.
  host_ca(PluginHost("bjca", this->opener(), kek_sealer()))->issue(order_for("ORD-B"));
  CHECK_THROWS_WITH(host_ca(host, false)->issue(order_for("ORD-C")), Contains("no key-encryption key"));
}

TEMPLATE_TEST_CASE_METHOD(StateFixture, "plugin state: a record changed in the database is refused, not believed",
                          "[plugin_state]", SqliteSide, PostgresSide) {
  const PluginHost host("bjca", this->opener(), kek_sealer());
  auto ca = host_ca(host);
  const auto a = ca->issue(order_for("ORD-A"));
  exec(this->side, "UPDATE plugin_state SET value = replace(value, '\"status\":0', '\"status\":9') WHERE key = 'cert/" +
                       a.serial + "'");
  CHECK_THROWS_WITH(ca->find(a.serial), Contains("malformed"));
}

TEST_CASE_METHOD(StateFixture<PostgresSide>, "plugin state: hosts issuing at once get unique serials and every CRL",
                 "[plugin_state]") {
  constexpr int kHosts = 4, kEach = 6;
  // Each "host" is a thread with its own connection (store::thread_pg_store, as a server worker).
  std::vector<std::string> serials(kHosts * kEach);
  std::atomic<int> failures{0};
  std::vector<std::thread> hosts;
  for (int h = 0; h < kHosts; ++h)
    hosts.emplace_back([&, h] {
      try {
        const auto url = this->side.url;
        const PluginHost host("bjca", [url]() -> store::SqlStore& { return store::thread_pg_store(url); }, kek_sealer());
        auto ca = host_ca(host);
        for (int i = 0; i < kEach; ++i) {
          const auto c = ca->issue(order_for("ORD-" + std::to_string(h) + "-" + std::to_string(i)));
          serials[h * kEach + i] = c.serial;
          if (i % 2 == 0) ca->revoke(c.serial, issuing::RevocationReason::Superseded);
        }
      } catch (const std::exception& e) {
        UNSCOPED_INFO(e.what());
        ++failures;
      }
    });
  for (auto& t : hosts) t.join();
  REQUIRE(failures == 0);
  CHECK(std::set<std::string>(serials.begin(), serials.end()).size() == serials.size());
  const PluginHost reader("bjca", this->opener(), kek_sealer());
  const auto crl = host_ca(reader)->publication().crl_pem;
  std::set<std::string> revoked;
  for (int h = 0; h < kHosts; ++h)
    for (int i = 0; i < kEach; i += 2) revoked.insert(serials[h * kEach + i]);
  CHECK(crl_serials(crl) == revoked);  // no revocation lost to a CRL signed by another host meanwhile
  // Every CRL got a number of its own: one as each CA opened (the hosts' and the reader's), one per
  // revocation. A number two hosts both took would show here as fewer.
  CHECK(count(this->side, "SELECT CAST(value AS BIGINT) FROM plugin_state WHERE key = 'crl/number'") ==
        kHosts + 1 + static_cast<std::int64_t>(revoked.size()));
}

TEMPLATE_TEST_CASE_METHOD(StateFixture, "plugin state: a state folder is imported once, whole",
                          "[plugin_state]", SqliteSide, PostgresSide) {
  ScratchFolder var;
  issuing::LocalCaSettings folder_settings;
  folder_settings.state_dir = (var / "bjca").string();
  folder_settings.common_name = "Test Shared Issuing CA";
  folder_settings.organization = "cahub tests";
  folder_settings.ca_id = "bjca";
  folder_settings.key_algorithm = "ec-p256";
  std::vector<std::string> issued;
  std::string folder_root;
  {
    auto folder_ca = issuing::open_local_ca(folder_settings);  // unsealed, as an older host without a KEK kept it
    for (const char* id : {"ORD-1", "ORD-2", "ORD-3"}) issued.push_back(folder_ca->issue(order_for(id)).serial);
    folder_ca->revoke(issued[1], issuing::RevocationReason::KeyCompromise);
    folder_ca->freeze(issued[2]);
    folder_root = folder_ca->publication().root_pem;
  }

  const PluginHost host("bjca", this->opener(), kek_sealer());
  auto ca = host_ca(host);
  const std::string report = ca->import_state((var / "bjca").string());
  CHECK_THAT(report, Contains("\"imported\":3"));
  CHECK(ca->publication().root_pem == folder_root);
  CHECK(ca->find(issued[1]).status == issuing::CertificateStatus::Revoked);
  CHECK(ca->find(issued[1]).revocation_reason == issuing::RevocationReason::KeyCompromise);
  CHECK(ca->find_by_order("ORD-3", sdk::Business::New).serial == issued[2]);
  CHECK(crl_serials(ca->publication().crl_pem) == std::set<std::string>{issued[1], issued[2]});
  // The CA goes on where the folder stopped: the same key signs, a retry replays.
  CHECK(ca->issue(order_for("ORD-1")).serial == issued[0]);
  ca->unfreeze(issued[2]);
  CHECK(crl_serials(ca->publication().crl_pem) == std::set<std::string>{issued[1]});

  const PluginHost another_host("bjca", this->opener(), kek_sealer());
  auto again = host_ca(another_host);
  CHECK_THROWS_WITH(again->import_state((var / "bjca").string()), Contains("has this CA already"));
}

}  // namespace cahub::testing
