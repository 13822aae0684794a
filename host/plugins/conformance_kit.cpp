#include "plugins/conformance_kit.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/dll/shared_library.hpp>
#include <cerrno>
#include <climits>
#include <cstring>
#include <functional>
#include <nlohmann/json.hpp>

#include <openssl/rand.h>

#include "domain/date.hpp"
#include "domain/vocabulary.hpp"
#include "store/database.hpp"
#include "store/read_transaction.hpp"

namespace cahub::plugins {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr unsigned kSecondsPerCheck = 60;  // a check that takes longer is a hung plugin

// A check body: returns what it saw when the plugin conforms, throws std::runtime_error with the
// first problem when it does not.
using CheckBody = std::function<std::string()>;

[[noreturn]] void problem(const std::string& text) { throw std::runtime_error(text); }

// Runs `body` in a child process and reports what it said, or how it died.
ConformanceCheck run_isolated(const std::string& name, const CheckBody& body) {
  ConformanceCheck check{name, false, {}};
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) {
    check.detail = std::string("cannot create a pipe: ") + std::strerror(errno);
    return check;
  }
  const pid_t child = ::fork();
  if (child < 0) {
    check.detail = std::string("cannot fork: ") + std::strerror(errno);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return check;
  }
  if (child == 0) {
    ::close(pipe_fds[0]);
    ::alarm(kSecondsPerCheck);
    std::string message;
    char verdict = 'F';
    try {
      message = body();
      verdict = 'P';
    } catch (const std::exception& e) {
      message = e.what();
    } catch (...) {
      message = "an unknown exception reached the host";
    }
    const std::string report = verdict + message;
    std::size_t written = 0;
    while (written < report.size()) {
      const ssize_t n = ::write(pipe_fds[1], report.data() + written, report.size() - written);
      if (n <= 0) break;
      written += static_cast<std::size_t>(n);
    }
    ::_exit(0);  // no destructors, no atexit: the parent owns the plugin's state
  }
  ::close(pipe_fds[1]);
  std::string report;
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    report.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    check.detail = sig == SIGALRM ? "did not finish within " + std::to_string(kSecondsPerCheck) + " s"
                                  : std::string("the plugin crashed the host process (signal ") + std::to_string(sig) +
                                        ", " + ::strsignal(sig) + ")";
    return check;
  }
  if (report.empty()) {
    // A crash handler that exits instead of re-raising (AddressSanitizer's does) ends here too.
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    check.detail = code != 0 ? "the plugin crashed the host process (exit status " + std::to_string(code) + ")"
                             : "the plugin ended the host process (exit status 0) before the check finished";
    return check;
  }
  check.passed = report[0] == 'P';
  check.detail = report.substr(1);
  return check;
}

std::string describe_request(Business b, Channel c, ApplicantKind a) {
  return std::string(code_of(b)) + "/" + std::string(code_of(c)) + "/" + std::string(code_of(a));
}

// A plain request for business b: a certificate that is a year old with a month left, so that
// every business has something to be about.
cahub_assess_request sample_request(Business b, Channel c, ApplicantKind a, Date today) {
  cahub_assess_request r{};
  r.struct_size = sizeof r;
  r.business = static_cast<std::int32_t>(b);
  r.applicant = static_cast<std::int32_t>(a);
  r.channel = static_cast<std::int32_t>(c);
  r.key_type = CAHUB_KEY_MASTER;
  r.years = 1;
  r.today = today.days();
  const bool about_a_certificate = b != Business::New && b != Business::Add;
  r.cert_not_before = about_a_certificate ? today.days() - 335 : CAHUB_NO_DATE;
  r.cert_not_after = about_a_certificate ? today.days() + 30 : CAHUB_NO_DATE;
  r.first_issued = r.cert_not_before;
  r.defect = b == Business::ReissueDamaged ? CAHUB_DEFECT_QUALITY : CAHUB_DEFECT_NONE;
  r.circumstances = CAHUB_CIRC_REGISTERED;
  return r;
}

void check_note(const Note& note, const std::string& where) {
  if (note.code.empty() || note.zh.empty() || note.en.empty())
    problem(where + ": a refusal or step without its code, Chinese or English text (code \"" + note.code + "\")");
}

std::string descriptor_complete(const Provider& p) {
  if (p.name_zh().empty()) problem("name_zh is empty");
  if (p.name_en().empty()) problem("name_en is empty");
  if (p.version().empty()) problem("version is empty");
  // No contact is required any more: who serves a platform's customers (an office, a phone, a
  // service agent) is that region's step{}, and facts_json holds only what a source publishes as
  // the company's own, which may be nothing (HBCA's sources give its after-sales line only).
  // The registry refuses these at load; a kit run on a host that did not would still say so.
  std::size_t capable = 0;
  for (Business b : all_codes<Business>()) capable += p.can_carry_out(b) ? 1 : 0;
  if (capable == 0) problem("can carry out no business (capabilities 0)");
  std::size_t served = 0;
  for (ApplicantKind a : all_codes<ApplicantKind>()) served += p.serves(a) ? 1 : 0;
  if (served == 0) problem("serves no applicant kind");
  return std::to_string(capable) + " businesses it can carry out, " + std::to_string(served) + " applicant kinds, " +
         std::to_string(p.facts().size()) + " facts";
}

std::string every_business_answers(const Provider& p) {
  const Date today = Date::today_utc8();
  std::size_t requests = 0, refusals = 0;
  // Every channel: which one a region offers is its script's, so the plugin must answer them all.
  for (Channel c : all_codes<Channel>())
    for (Business b : all_codes<Business>()) {
      if (!p.can_carry_out(b)) continue;
      for (ApplicantKind a : all_codes<ApplicantKind>()) {
        if (!p.serves(a)) continue;
        const std::string where = describe_request(b, c, a);
        ProviderAssessment answer;
        try {
          answer = p.assess_raw(sample_request(b, c, a, today));
        } catch (const PluginError& e) {
          problem(where + ": " + e.what());
        }
        for (const Note& n : answer.refusals) check_note(n, where);
        for (const Note& n : answer.steps) check_note(n, where);
        ++requests;
        refusals += answer.refused() ? 1 : 0;
      }
    }
  return std::to_string(requests) + " requests answered (" + std::to_string(refusals) + " refused with a reason)";
}

std::string malformed_requests(const Provider& p) {
  // assess with values the host never sends: the plugin may refuse or fail, but must answer.
  cahub_assess_request wild{};
  wild.struct_size = sizeof wild;
  wild.business = 99;
  wild.applicant = -7;
  wild.channel = 42;
  wild.key_type = 5;
  wild.years = -1;
  wild.today = INT32_MIN + 1;
  wild.cert_not_before = INT32_MAX;
  wild.cert_not_after = INT32_MIN + 1;
  wild.first_issued = CAHUB_NO_DATE;
  wild.defect = 17;
  wild.circumstances = 0xffffffffu;
  std::size_t answered = 0;
  try {
    (void)p.assess_raw(wild);
  } catch (const PluginError&) {
  }
  ++answered;

  // operate with text that is not a request: each must be an error result with a message.
  for (const std::string& text : {std::string(), std::string("{"), std::string("[]"), std::string("{\"op\": 42}"),
                                 std::string("{\"op\": \"no_such_operation\"}"), std::string("\xff\xfe not utf-8")}) {
    try {
      (void)p.operate(text);
    } catch (const PluginError& e) {
      if (std::string_view(e.what()).find(':') == std::string_view::npos)
        problem("operate(" + json(text).dump(-1, ' ', false, json::error_handler_t::replace) +
                ") failed without saying why");
      ++answered;
      continue;
    }
    problem("operate(" + json(text).dump(-1, ' ', false, json::error_handler_t::replace) + ") succeeded");
  }
  return std::to_string(answered) + " malformed requests answered with errors, none crashed";
}

cahub_status operate_status(const Provider& p, const json& request) {
  try {
    (void)p.operate(request.dump());
    return CAHUB_OK;
  } catch (const PluginError& e) {
    return e.status();
  }
}

std::string unknown_serials(const Provider& p) {
  const bool has_operations = operate_status(p, {{"op", "ca"}}) != CAHUB_ERROR_UNSUPPORTED;
  const cahub_status expected = has_operations ? CAHUB_ERROR_NOT_FOUND : CAHUB_ERROR_UNSUPPORTED;
  for (const char* op : {"status", "freeze", "unfreeze", "revoke"}) {
    const cahub_status got = operate_status(p, {{"op", op}, {"serial", "0123456789ABCDEF0123456789ABCDEF"}});
    if (got != expected)
      problem(std::string(op) + " of an unknown serial answered " + std::string(status_name(got)) + ", expected " +
              std::string(status_name(expected)));
  }
  return has_operations ? "status, freeze, unfreeze, revoke: not found" : "the plugin has no operations: unsupported";
}

std::string abi_mismatch_refused(const Provider& p) {
  boost::dll::shared_library library(p.file().string(), boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  auto entry = library.get<const cahub_plugin_descriptor*(std::uint16_t, std::uint16_t)>(CAHUB_PLUGIN_ENTRY_NAME);
  const unsigned future_major = CAHUB_ABI_MAJOR + 1;
  const cahub_plugin_descriptor* d = entry(static_cast<std::uint16_t>(future_major), 0);
  if (d == nullptr) return "a host speaking ABI " + std::to_string(future_major) + ".0 gets no descriptor";
  const std::string why = abi_mismatch(d->abi_major, d->abi_minor, future_major, 0);
  if (why.empty())
    problem("asked by a host speaking ABI " + std::to_string(future_major) +
            ".0, the plugin claims to be built for it: a host could not tell it does not fit");
  return "a host speaking ABI " + std::to_string(future_major) + ".0 refuses it: " + why;
}

// get_extension: the host copied and checked the known extensions at load (a malformed one is a
// load refusal); here, that ids it does not know, including future versions of known ones, are
// answered with NULL rather than with some table the host would misread.
std::string extensions_answered(const Provider& p) {
  for (const std::string id : {"cahub.no_such_extension/1", "cahub.upload_limits/999", "", "cahub.upload_limits"})
    if (p.has_extension(id))
      problem("get_extension(" + json(id).dump() + ") answered with a table; unknown ids must be answered with NULL");
  const auto limits = p.upload_limits();
  if (!limits) return "no extensions; unknown ids answered with NULL";
  std::string types;
  for (const auto& t : limits->types) types += (types.empty() ? "" : " ") + t;
  return std::string(CAHUB_EXT_UPLOAD_LIMITS) + ": " + (types.empty() ? "any type" : types) +
         (limits->max_bytes ? ", at most " + std::to_string(*limits->max_bytes) + " bytes" : std::string()) +
         "; unknown ids answered with NULL";
}

std::string expect_status(const json& answer, const char* wanted, const char* step) {
  const std::string got = answer.value("status", "");
  if (got != wanted) problem(std::string(step) + ": status is \"" + got + "\", expected \"" + wanted + "\"");
  return got;
}

std::string issuing_round_trip(const Provider& p) {
  if (operate_status(p, {{"op", "ca"}}) == CAHUB_ERROR_UNSUPPORTED) return "the plugin issues nothing (skipped)";
  const Date today = Date::today_utc8();
  auto call = [&](const json& request, const char* step) {
    try {
      return json::parse(p.operate(request.dump()));
    } catch (const PluginError& e) {
      problem(std::string(step) + ": " + e.what());
    } catch (const json::exception& e) {
      problem(std::string(step) + ": the answer is not JSON (" + e.what() + ")");
    }
  };
  const json issue = {{"op", "issue"},
                      {"order_id", "conformance-1"},
                      {"business", "new"},
                      {"subject", {{"kind", "org"}, {"unit_name", "一致性测试单位"}, {"uscc", "91110000100000000X"}}},
                      {"not_before", today.iso()},
                      {"not_after", today.plus_years(1).plus_days(-1).iso()}};
  const json issued = call(issue, "issue");
  const std::string serial = issued.value("serial", "");
  if (serial.empty()) problem("issue: the answer has no serial");
  if (issued.value("certificate_pem", "").find("BEGIN CERTIFICATE") == std::string::npos)
    problem("issue: the answer has no PEM certificate");
  expect_status(issued, "active", "issue");
  if (!call(issue, "issue again").value("replayed", false) || call(issue, "issue again").value("serial", "") != serial)
    problem("issuing the same order again made a second certificate");
  expect_status(call({{"op", "freeze"}, {"serial", serial}}, "freeze"), "frozen", "freeze");
  expect_status(call({{"op", "unfreeze"}, {"serial", serial}}, "unfreeze"), "active", "unfreeze");
  expect_status(call({{"op", "revoke"}, {"serial", serial}, {"reason", "key_compromise"}}, "revoke"), "revoked",
                "revoke");
  expect_status(call({{"op", "status"}, {"serial", serial}}, "status"), "revoked", "status");
  if (operate_status(p, {{"op", "unfreeze"}, {"serial", serial}}) != CAHUB_ERROR_INVALID_REQUEST)
    problem("unfreezing a revoked certificate was not refused as an invalid request");
  const json ca = call({{"op", "ca"}}, "ca");
  return "issued " + serial + ", froze, unfroze, revoked; CA " + ca.value("key_algorithm", "?");
}

// The same round trip with the plugin loaded as a host sharing its store loads it: its state kept
// by the host (cahub.plugin_state/1, here in a scratch SQLite file) and a key-encryption key set.
// A plugin that asks for the service must keep everything there, nothing in its folder; one that
// does not ask passes, with the reason it only suits one host.
std::string shared_state_round_trip(const fs::path& file, const fs::path& scratch_var, const PluginSettings& settings) {
  const fs::path var = scratch_var / "shared-store";
  fs::create_directories(var);
  store::Database db = store::Database::open_or_create(var / "state.db");
  std::array<std::uint8_t, sdk::sealing::KeyEncryptionKey::kBytes> kek{};
  if (RAND_bytes(kek.data(), static_cast<int>(kek.size())) != 1) problem("cannot draw a scratch key-encryption key");
  PluginRegistry registry;
  registry.use_key_sealer(sdk::sealing::local_key_sealer(sdk::sealing::KeyEncryptionKey(kek)));
  registry.keep_plugin_state([&db]() -> store::SqlStore& { return db; });
  if (std::string why = registry.load_one(file, var, settings); !why.empty()) problem("loading it again: " + why);
  const Provider& p = *registry.loaded().front();
  if (operate_status(p, {{"op", "ca"}}) == CAHUB_ERROR_UNSUPPORTED) return "the plugin issues nothing (skipped)";
  if (!p.keeps_state_with_host())
    return "it keeps its state in its folder (it does not ask for cahub.plugin_state/1): fine for one host, not "
           "for several sharing a store";
  const std::string done = issuing_round_trip(p);
  const std::int64_t records = store::read(db, [](store::SqlConnection& c) {
    auto q = c.query("SELECT count(*) FROM plugin_state");
    return q->next_row() ? q->int64(0) : 0;
  });
  if (records == 0) problem("it asked for the host's state service but kept nothing in it");
  std::error_code ec;
  if (fs::exists(var / "ca" / p.id(), ec))
    problem("it keeps state in " + (var / "ca" / p.id()).string() + " although the host keeps its state");
  return std::to_string(records) + " records kept by the host, none in its folder; " + done;
}

}  // namespace

bool ConformanceReport::passed() const { return failures() == 0; }

std::size_t ConformanceReport::failures() const {
  std::size_t n = 0;
  for (const auto& c : checks) n += c.passed ? 0 : 1;
  return n;
}

ConformanceReport check_plugin(const fs::path& file, const fs::path& scratch_var, const PluginSettings& settings) {
  ConformanceReport report;
  report.plugin = file.filename().string();
  PluginRegistry registry;
  const std::string refused = registry.load_one(file, scratch_var, settings);
  report.checks.push_back({"loads", refused.empty(), refused});
  if (!refused.empty()) return report;
  const std::shared_ptr<const Provider> provider = registry.loaded().front();
  const Provider& p = *provider;
  report.plugin = p.id() + " " + p.version() + " (ABI " + std::to_string(p.abi_major()) + "." +
                  std::to_string(p.abi_minor()) + ")";
  report.checks.back().detail = report.plugin + " from " + file.string();

  const std::pair<const char*, std::function<std::string(const Provider&)>> checks[] = {
      {"descriptor complete", descriptor_complete},
      {"every business it can carry out answers", every_business_answers},
      {"extensions", extensions_answered},
      {"malformed requests come back as errors", malformed_requests},
      {"unknown serials fail cleanly", unknown_serials},
      {"ABI mismatch refused", abi_mismatch_refused},
      {"issue, freeze, unfreeze, revoke", issuing_round_trip},
  };
  for (const auto& [name, body] : checks) report.checks.push_back(run_isolated(name, [&] { return body(p); }));
  report.checks.push_back(run_isolated("the same with its state kept by the host",
                                       [&] { return shared_state_round_trip(file, scratch_var, settings); }));
  return report;
}

std::string render_report(const ConformanceReport& report) {
  std::string out = "plugin " + report.plugin + "\n";
  for (const auto& c : report.checks)
    out += std::string(c.passed ? "  ok    " : "  FAIL  ") + c.name + (c.detail.empty() ? "" : ": " + c.detail) + "\n";
  out += std::to_string(report.checks.size() - report.failures()) + " passed, " + std::to_string(report.failures()) +
         " failed\n";
  return out;
}

}  // namespace cahub::plugins
