// Issue and carry-out racing a cancel on the same order version, on a real `cahub serve`.
//
// Two clerks press buttons on the same order at the same moment: one "issue" (or "carry out" a
// revocation), the other "cancel". Exactly one may win, and afterwards the order, the registry and
// the CA must tell the same story. The danger is a cancel that commits while the provider is
// already at work: the CA then holds a certificate, or has revoked one, that no order and no
// registry row accounts for, and a relying party sees something the back office denies.
//
// Each case runs kRounds rounds on one server with the staff signed in once. Every round has its
// own applicant, so no limit across orders (rules/central.lua `limit{`) can refuse a round for
// reasons that have nothing to do with the race. Central (BJCA) at the counter is used: its `new`
// is priced and has a published validity, and it takes revocations at the counter.
#include <catch2/catch.hpp>

#include <filesystem>

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <array>
#include <latch>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "integration/staffed_server.hpp"
#include "integration/test_identities.hpp"

using namespace cahub::testing;
using nlohmann::json;

namespace {

constexpr int kRounds = 50;
constexpr const char* kRegion = "central";
constexpr const char* kCa = "bjca";

// What one of the two racing requests got back; status -1 when no answer came at all.
struct Answer {
  int status = -1;
  json body;
};

// A certificate as the CA's own ledger records it (sdk/issuing/certificate_ledger.cpp).
struct LedgerEntry {
  std::string serial;
  int status = -1;  // 0 active, 1 frozen, 2 revoked
};

// An order request at Central's counter for unit number `unit`, a distinct applicant per round.
json counter_request(const std::string& business, int unit) {
  return {{"region", kRegion},
          {"ca", kCa},
          {"business", business},
          {"channel", "onsite"},
          {"applicant", "org"},
          {"applicant_details",
           {{"name", "北京竞态测试" + std::to_string(unit) + "有限公司"}, {"uscc", uscc_for(unit)}}}};
}

// One POST of {"version": V} to `path`, sent only once both racers are ready: the latch lines the
// two requests up so that they really overlap on the server.
Answer post_when_ready(httplib::Client& client, const std::string& path, std::int64_t version, std::latch& start) {
  const std::string body = json{{"version", version}}.dump();
  start.arrive_and_wait();
  Answer answer;
  if (auto r = client.Post(path, body, "application/json")) {
    answer.status = r->status;
    answer.body = json::parse(r->body, nullptr, false);
  }
  return answer;
}

// A server with a clerk and a reviewer signed in, and two more connections for the racing requests.
class RaceDesk {
 public:
  RaceDesk() : clerk_(server_.sign_in("wang.fang")), reviewer_(server_.sign_in("zhao.li")) {
    for (auto& racer : racers_) {
      racer = std::make_unique<httplib::Client>("127.0.0.1", server_.server->port());
      racer->set_bearer_token_auth(clerk_);
      racer->set_keep_alive(true);  // connected before the race, so neither request pays for a connect
      racer->set_read_timeout(60);
      REQUIRE(racer->Get("/healthz"));
    }
  }

  // Creates the order and takes it as far as issue or carry_out may be pressed: paid, or approved
  // when free. The reviewer reviews (four-eyes), the clerk ticks the materials and takes payment.
  json ready_order(const json& request, const std::string& key) {
    const json created = expect(server_.call("POST", "/v1/orders", clerk_, request, key));
    const std::string id = created.at("id");
    json order = expect(server_.act(id, "start_review", reviewer_, created), "under_review");
    for (const auto& m : json(order.at("materials")))
      order = expect(server_.call("POST", "/v1/orders/" + id + "/materials/" + m.at("code").get<std::string>(), clerk_,
                                  json::object()));
    order = expect(server_.act(id, "approve", reviewer_, order));
    // Central publishes no fee for a revocation: the reviewer records it as free, which approves it.
    if (order.at("priced") == false)
      order = expect(server_.call("POST", "/v1/orders/" + id + "/terms", reviewer_,
                                  {{"version", order.at("version")}, {"total_fen", 0},
                                   {"reason", "BJCA charges nothing for a revocation at the counter"}}),
                     "approved");
    if (order.at("state") == "awaiting_payment")
      order = expect(server_.call("POST", "/v1/orders/" + id + "/payments", clerk_,
                                  {{"version", order.at("version")}, {"amount_fen", order.at("total_fen")},
                                   {"method", "cash"}}),
                     "paid");
    return order;
  }

  // Issues without a race: the certificate a revocation round acts on.
  json issue(const json& order) {
    return expect(server_.call("POST", "/v1/orders/" + order.at("id").get<std::string>() + "/issue", clerk_,
                               {{"version", order.at("version")}}),
                  "issued");
  }

  // POST /v1/orders/{id}/{action} and /actions/cancel with the same version, from two threads and
  // two connections at once. Returns {action's answer, cancel's answer}.
  std::pair<Answer, Answer> race_cancel(const std::string& id, const std::string& action, std::int64_t version) {
    std::latch start(2);
    Answer acted, cancelled;
    std::thread actor([&] { acted = post_when_ready(*racers_[0], "/v1/orders/" + id + "/" + action, version, start); });
    std::thread canceller(
        [&] { cancelled = post_when_ready(*racers_[1], "/v1/orders/" + id + "/actions/cancel", version, start); });
    actor.join();
    canceller.join();
    return {acted, cancelled};
  }

  json order(const std::string& id) { return get("/v1/orders/" + id); }

  // The registry's status of `serial`, or nullopt when the registry does not know it.
  std::optional<std::string> registry_status(const std::string& serial) {
    const json found = get("/v1/certificates?q=" + serial);  // held: a range-for over a temporary's member dangles
    for (const auto& c : found.at("certificates"))
      if (c.at("serial") == serial) return c.at("status").get<std::string>();
    return std::nullopt;
  }

  bool has_event(const std::string& id, const std::string& kind) {
    const json events = get("/v1/orders/" + id + "/events").at("events");
    return std::any_of(events.begin(), events.end(), [&](const json& e) { return e.at("kind") == kind; });
  }

  // What a relying party sees: `openssl verify -crl_check` of the order's certificate against the
  // CA's root and its current CRL.
  RunResult relying_party_check(const std::string& order_id) {
    auto pem = server_.client->Get("/v1/orders/" + order_id + "/certificate.pem",
                                   {{"Authorization", "Bearer " + clerk_}});
    REQUIRE(pem);
    REQUIRE(pem->status == 200);
    const auto file = server_.var.write("relying-party-" + order_id + ".pem", pem->body);
    return run("openssl", {"verify", "-CAfile", ca_file("ca.cert.pem"), "-crl_check", "-CRLfile", ca_file("crl.pem"),
                           file.string()});
  }

  // The CA's own record, read beside the running server: what it issued for `order_id`.
  std::vector<LedgerEntry> ledger_for_order(const std::string& order_id) {
    // The CA makes its ledger on its first operation: none yet means it issued nothing.
    if (!std::filesystem::exists(ca_file("ledger.sqlite"))) return {};
    SQLite::Database ledger(ca_file("ledger.sqlite"), SQLite::OPEN_READONLY);
    ledger.setBusyTimeout(10'000);
    SQLite::Statement q(ledger, "SELECT serial, status FROM certificates WHERE order_id = ? ORDER BY issued_at");
    q.bind(1, order_id);
    std::vector<LedgerEntry> out;
    while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt()});
    return out;
  }

  std::optional<int> ledger_status(const std::string& serial) {
    SQLite::Database ledger(ca_file("ledger.sqlite"), SQLite::OPEN_READONLY);
    ledger.setBusyTimeout(10'000);
    SQLite::Statement q(ledger, "SELECT status FROM certificates WHERE serial = ?");
    q.bind(1, serial);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt();
  }

 private:
  static json expect(const std::pair<int, json>& answer, const std::string& state = {}) {
    INFO(answer.second.dump());
    REQUIRE(answer.first / 100 == 2);
    if (!state.empty()) REQUIRE(answer.second.at("state") == state);
    return answer.second;
  }

  json get(const std::string& path) { return expect(server_.call("GET", path, clerk_)); }

  // The SDK keeps each CA's state under the server's var folder: var/ca/<ca>/.
  std::string ca_file(const std::string& name) const { return server_.var.file(std::string("ca/") + kCa + "/" + name); }

  StaffedServer server_;
  std::string clerk_, reviewer_;
  std::array<std::unique_ptr<httplib::Client>, 2> racers_;
};

// What one round found: the order's final state and every way the parties disagree.
struct Verdict {
  std::string state;
  std::vector<std::string> problems;
};

// The winner is answered 200; the loser is refused as a conflict or a refusal with a code a client
// can act on, never a server error.
void judge_answers(const char* winner, const Answer& won, const char* loser, const Answer& lost, Verdict& v) {
  if (won.status != 200)
    v.problems.push_back(std::string(winner) + " won but was answered " + std::to_string(won.status) + " " +
                         won.body.dump());
  const bool coded =
      lost.body.is_object() && lost.body.contains("error") && lost.body["error"].value("code", json()).is_string();
  if ((lost.status != 409 && lost.status != 422) || !coded)
    v.problems.push_back(std::string(loser) + " lost but was answered " + std::to_string(lost.status) + " " +
                         lost.body.dump() + " (want 409 or 422 with an error code)");
}

// The first of openssl verify's "error N at D depth lookup: ..." lines: why it refused, without the
// subject line before it, which names the applicant in escaped UTF-8 and would drown the report.
std::string openssl_says(const RunResult& verified) {
  std::istringstream lines(verified.out + verified.err);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("error ", 0) == 0) return line;
  return verified.out + verified.err;
}

std::string serials_of(const std::vector<LedgerEntry>& entries) {
  std::string out;
  for (const auto& e : entries) out += (out.empty() ? "" : ", ") + e.serial;
  return out;
}

// Issue against cancel: a cancelled order has no certificate at the CA; an issued one has exactly
// the one the order and the registry name, and a relying party accepts it.
Verdict judge_issue_race(RaceDesk& desk, const std::string& id, const Answer& issue, const Answer& cancel) {
  Verdict v;
  const json order = desk.order(id);
  v.state = order.at("state");
  const std::vector<LedgerEntry> at_ca = desk.ledger_for_order(id);
  if (v.state == "cancelled") {
    judge_answers("cancel", cancel, "issue", issue, v);
    if (!at_ca.empty()) v.problems.push_back("cancelled, yet the CA issued " + serials_of(at_ca) + " for it");
  } else if (v.state == "issued") {
    judge_answers("issue", issue, "cancel", cancel, v);
    const std::string serial = order.at("certificate").at("serial");
    if (at_ca.size() != 1 || at_ca[0].serial != serial)
      v.problems.push_back("issued " + serial + ", but the CA holds [" + serials_of(at_ca) + "] for the order");
    const auto registered = desk.registry_status(serial);
    if (registered != "active")
      v.problems.push_back("the registry says " + registered.value_or("nothing") + " of " + serial);
    const RunResult verified = desk.relying_party_check(id);
    if (verified.exit_code != 0)
      v.problems.push_back("openssl verify refuses " + serial + ": " + openssl_says(verified));
  } else {
    v.problems.push_back("the order was left " + v.state + " (want issued or cancelled)");
  }
  return v;
}

// Revocation against cancel: a cancelled order left the certificate good everywhere; a completed
// one revoked it everywhere, with its audit event.
Verdict judge_revoke_race(RaceDesk& desk, const std::string& id, const std::string& holder_order,
                          const std::string& serial, const Answer& carry_out, const Answer& cancel) {
  Verdict v;
  v.state = desk.order(id).at("state");
  const auto registered = desk.registry_status(serial);
  const auto at_ca = desk.ledger_status(serial);
  const RunResult verified = desk.relying_party_check(holder_order);
  const std::string ca_says = at_ca ? std::to_string(*at_ca) : "nothing";
  if (v.state == "cancelled") {
    judge_answers("cancel", cancel, "carry_out", carry_out, v);
    if (verified.exit_code != 0)
      v.problems.push_back("cancelled, yet openssl verify refuses " + serial + ": " + openssl_says(verified));
    if (registered != "active")
      v.problems.push_back("cancelled, yet the registry says " + registered.value_or("nothing"));
    if (at_ca != 0) v.problems.push_back("cancelled, yet the CA's ledger has status " + ca_says + " (0 is active)");
  } else if (v.state == "completed") {
    judge_answers("carry_out", carry_out, "cancel", cancel, v);
    if (verified.exit_code == 0 || (verified.out + verified.err).find("certificate revoked") == std::string::npos)
      v.problems.push_back("revoked, yet openssl verify says: " + openssl_says(verified));
    if (registered != "revoked")
      v.problems.push_back("revoked, yet the registry says " + registered.value_or("nothing"));
    if (at_ca != 2) v.problems.push_back("revoked, yet the CA's ledger has status " + ca_says + " (2 is revoked)");
    if (!desk.has_event(id, "certificate.revoke")) v.problems.push_back("completed without a certificate.revoke event");
  } else {
    v.problems.push_back("the order was left " + v.state + " (want completed or cancelled)");
  }
  return v;
}

// Tallies the rounds: who won, and what each disagreeing round found.
class RaceTally {
 public:
  void add(int round, const Verdict& v) {
    ++outcomes_[v.state];
    if (v.problems.empty()) {
      ++agreeing_;
      return;
    }
    std::ostringstream line;
    line << "round " << round << " (" << v.state << "):";
    for (const auto& p : v.problems) line << "\n    " << p;
    disagreements_ += line.str() + "\n";
  }

  int agreeing() const { return agreeing_; }
  const std::string& disagreements() const { return disagreements_; }
  std::string outcomes() const {
    std::string out;
    for (const auto& [state, n] : outcomes_) out += (out.empty() ? "" : ", ") + state + " " + std::to_string(n);
    return out;
  }

 private:
  int agreeing_ = 0;
  std::map<std::string, int> outcomes_;
  std::string disagreements_;
};

void report(const char* race, const RaceTally& tally) {
  WARN(race << ": " << tally.agreeing() << " of " << kRounds << " rounds agree; final states: " << tally.outcomes());
  INFO(tally.disagreements());
  CHECK(tally.agreeing() == kRounds);
}

}  // namespace

TEST_CASE("issuing and cancelling the same order at once: the order, the registry and the CA agree", "[race]") {
  RaceDesk desk;
  RaceTally tally;
  for (int round = 1; round <= kRounds; ++round) {
    INFO("round " << round);
    const int unit = 71000 + round;
    const json order = desk.ready_order(counter_request("new", unit), "race-issue-" + std::to_string(unit));
    REQUIRE(order.at("state") == "paid");
    const std::string id = order.at("id");
    const auto [issue, cancel] = desk.race_cancel(id, "issue", order.at("version").get<std::int64_t>());
    tally.add(round, judge_issue_race(desk, id, issue, cancel));
  }
  report("issue against cancel", tally);
}

TEST_CASE("revoking and cancelling the same order at once: the order, the registry and the CA agree", "[race]") {
  RaceDesk desk;
  RaceTally tally;
  for (int round = 1; round <= kRounds; ++round) {
    INFO("round " << round);
    const int unit = 72000 + round;
    // The certificate to revoke: issued through a `new` order of the same applicant, without a race.
    const json holder = desk.issue(desk.ready_order(counter_request("new", unit), "race-new-" + std::to_string(unit)));
    const std::string serial = holder.at("certificate").at("serial");
    json request = counter_request("revoke", unit);
    request["previous_serial"] = serial;
    request["revocation_reason"] = "cessation_of_operation";
    const json order = desk.ready_order(request, "race-revoke-" + std::to_string(unit));
    REQUIRE(order.at("state") == "approved");  // free: carried out without payment
    const std::string id = order.at("id");
    const auto [carry_out, cancel] = desk.race_cancel(id, "carry_out", order.at("version").get<std::int64_t>());
    tally.add(round, judge_revoke_race(desk, id, holder.at("id"), serial, carry_out, cancel));
  }
  report("carry-out (revoke) against cancel", tally);
}
