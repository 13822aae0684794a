/*
 * cahub plugin SDK, C++ side: write an ordinary C++ class, register it with one macro.
 *
 *   #include <cahub/plugin.hpp>
 *
 *   class Acme final : public cahub::sdk::Provider {
 *    public:
 *     explicit Acme(cahub::sdk::Host& host);  // may throw: create() then fails with the message
 *     void assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const override;
 *   };
 *
 *   CAHUB_PLUGIN(Acme, cahub::sdk::Descriptor{
 *       .id = "acme", .name_zh = "...", .name_en = "...", .version = "1.0.0",
 *       .facts_json = R"({"hotline": "400-000-0000"})",
 *       .capabilities = {cahub::sdk::Business::New, cahub::sdk::Business::Renew},
 *       .applicants = {cahub::sdk::Applicant::Org}})
 *
 * Which of those businesses a platform offers, on which channel, with which steps and review
 * times, is that region's script (offer{}, step{}, review{}); the plugin says what the provider can
 * do at all and what it states as its own policy everywhere.
 *
 * (Designated initialisers need C++20; in C++17 pass a lambda that fills a Descriptor and
 * returns it: CAHUB_PLUGIN(Acme, [] { cahub::sdk::Descriptor d; d.id = "acme"; ...; return d; }()).)
 *
 * What this header does for you: the macro defines the one exported C symbol, and static
 * trampolines translate every C call into a call on your class. Every trampoline catches every
 * exception: a cahub::sdk::ProviderError becomes its status, any other std::exception becomes
 * CAHUB_ERROR_INTERNAL with what() as the message, anything else CAHUB_ERROR_INTERNAL with
 * "unknown exception". No C++ exception, object or allocation ever crosses into the host.
 *
 * Build a plugin with -fvisibility=hidden (cahub_add_plugin() in the CMake package does), so that
 * this header's inline functions and your classes stay private to your library and only
 * cahub_plugin_entry is exported.
 *
 * Header-only, C++17, depends on <cahub/plugin.h> and the standard library only.
 */
#ifndef CAHUB_PLUGIN_HPP
#define CAHUB_PLUGIN_HPP

#include <cahub/plugin.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace cahub::sdk {

// ---- Closed code lists: the ABI's values, as enums to switch on. ----

enum class Business : std::int32_t {
  New = CAHUB_BUSINESS_NEW,
  Add = CAHUB_BUSINESS_ADD,
  Renew = CAHUB_BUSINESS_RENEW,
  ReissueLost = CAHUB_BUSINESS_REISSUE_LOST,
  ReissueDamaged = CAHUB_BUSINESS_REISSUE_DAMAGED,
  Change = CAHUB_BUSINESS_CHANGE,
  Unlock = CAHUB_BUSINESS_UNLOCK,
  Freeze = CAHUB_BUSINESS_FREEZE,
  Unfreeze = CAHUB_BUSINESS_UNFREEZE,
  Revoke = CAHUB_BUSINESS_REVOKE,
};

enum class Channel : std::int32_t {
  Onsite = CAHUB_CHANNEL_ONSITE,
  Mail = CAHUB_CHANNEL_MAIL,
  Online = CAHUB_CHANNEL_ONLINE,
  SelfService = CAHUB_CHANNEL_SELF_SERVICE,
};

enum class Applicant : std::int32_t {
  Org = CAHUB_APPLICANT_ORG,
  Person = CAHUB_APPLICANT_PERSON,
  OrgPerson = CAHUB_APPLICANT_ORG_PERSON,
};

enum class KeyType : std::int32_t { Master = CAHUB_KEY_MASTER, Secondary = CAHUB_KEY_SECONDARY };

enum class Defect : std::int32_t {
  None = CAHUB_DEFECT_NONE,
  Quality = CAHUB_DEFECT_QUALITY,
  Other = CAHUB_DEFECT_OTHER
};

enum class Circumstance : std::uint32_t {
  Registered = CAHUB_CIRC_REGISTERED,
  ExpertInDatabase = CAHUB_CIRC_EXPERT_IN_DATABASE,
  OpenBid = CAHUB_CIRC_OPEN_BID,
  HasMasterKey = CAHUB_CIRC_HAS_MASTER_KEY,
  Delegated = CAHUB_CIRC_DELEGATED,
  LegalRepInPerson = CAHUB_CIRC_LEGAL_REP_IN_PERSON,
  PublicInstitution = CAHUB_CIRC_PUBLIC_INSTITUTION,
  AgentChanged = CAHUB_CIRC_AGENT_CHANGED,
};

enum class LogLevel : std::int32_t {
  Debug = CAHUB_LOG_DEBUG,
  Info = CAHUB_LOG_INFO,
  Warn = CAHUB_LOG_WARN,
  Error = CAHUB_LOG_ERROR,
};

// ---- Dates ----

// A calendar day (proleptic Gregorian, China time) as the ABI carries it: days since 1970-01-01.
// A value type; every function is constexpr, noexcept and thread-safe.
class Date {
 public:
  constexpr explicit Date(std::int32_t days_since_epoch) noexcept : days_(days_since_epoch) {}

  // The day y-m-d. The caller passes a real date (month 1..12, day within the month); nothing
  // is checked, as in the host, because plugins only build dates from constants.
  static constexpr Date from_ymd(int year, unsigned month, unsigned day) noexcept {
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Date(era * 146097 + static_cast<int>(doe) - 719468);
  }

  constexpr std::int32_t days() const noexcept { return days_; }
  constexpr int year() const noexcept { return civil().year; }
  constexpr unsigned month() const noexcept { return civil().month; }
  constexpr unsigned day() const noexcept { return civil().day; }

  constexpr Date plus_days(std::int32_t n) const noexcept { return Date(days_ + n); }
  // The same month and day n years later; 29 February becomes 28 February in a common year
  // (the host's rule too, so a plugin and a region script agree on "one year from").
  constexpr Date plus_years(int n) const noexcept {
    const Civil c = civil();
    const int y = c.year + n;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return from_ymd(y, c.month, (c.month == 2 && c.day == 29 && !leap) ? 28 : c.day);
  }

  // Days from b to a: positive when a is later.
  friend constexpr std::int32_t operator-(Date a, Date b) noexcept { return a.days_ - b.days_; }
  friend constexpr bool operator==(Date a, Date b) noexcept { return a.days_ == b.days_; }
  friend constexpr bool operator!=(Date a, Date b) noexcept { return a.days_ != b.days_; }
  friend constexpr bool operator<(Date a, Date b) noexcept { return a.days_ < b.days_; }
  friend constexpr bool operator<=(Date a, Date b) noexcept { return a.days_ <= b.days_; }
  friend constexpr bool operator>(Date a, Date b) noexcept { return a.days_ > b.days_; }
  friend constexpr bool operator>=(Date a, Date b) noexcept { return a.days_ >= b.days_; }

 private:
  struct Civil {
    int year;
    unsigned month;
    unsigned day;
  };
  // Howard Hinnant's civil_from_days: exact, no tables, no floating point.
  constexpr Civil civil() const noexcept {
    const int z = days_ + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(yoe) + era * 400 + (m <= 2 ? 1 : 0), m, d};
  }

  std::int32_t days_;
};

// ---- Errors ----

// Throw from operate() (or assess(), or the constructor) to answer with a specific status:
//   throw ProviderError(CAHUB_ERROR_NOT_FOUND, "no certificate with serial 1234");
// The trampoline writes what() to the host's error sink and returns status(). A status of
// CAHUB_OK is not an error and is turned into CAHUB_ERROR_INTERNAL.
class ProviderError : public std::runtime_error {
 public:
  ProviderError(cahub_status status, const std::string& message)
      : std::runtime_error(message), status_(status == CAHUB_OK ? CAHUB_ERROR_INTERNAL : status) {}
  cahub_status status() const noexcept { return status_; }

 private:
  cahub_status status_;
};

// ---- Host services ----

// The host's services for one instance: logging and the private state folder.
// OWNERSHIP: owned by the SDK, lives exactly as long as your Provider instance (it is
// constructed before and destroyed after it); keep a reference or pointer to it freely.
// THREADING: every function is [thread-safe].
class Host {
 public:
  // Copies the host's table, so the host's struct need not outlive create(). Strings in it
  // (state_dir) are the host's and live as long as the instance (plugin.h).
  explicit Host(const cahub_host_api& api) noexcept
      : log_(api.log),
        host_ctx_(api.host_ctx),
        state_dir_(api.state_dir ? api.state_dir : ""),
        abi_major_(api.abi_major),
        abi_minor_(api.abi_minor),
        settings_(api.settings),
        settings_count_(api.settings ? api.settings_count : 0),
        get_api_(api.get_api) {}

  // Writes one line to the host log, tagged by the host with the plugin id. Never throws: a line
  // that cannot be built (out of memory) is dropped, because logging must not fail a request.
  void log(LogLevel level, std::string_view message) const noexcept {
    if (!log_) return;
    try {
      const std::string line(message);  // the ABI wants a NUL-terminated string
      log_(host_ctx_, static_cast<std::int32_t>(level), line.c_str());
    } catch (...) {
    }
  }
  void debug(std::string_view message) const noexcept { log(LogLevel::Debug, message); }
  void info(std::string_view message) const noexcept { log(LogLevel::Info, message); }
  void warn(std::string_view message) const noexcept { log(LogLevel::Warn, message); }
  void error(std::string_view message) const noexcept { log(LogLevel::Error, message); }

  // A folder private to this plugin (its CA key, CRL, serial counter), created by the host.
  // UTF-8; empty if the host gave none. OWNERSHIP: borrowed from the host for the instance's life.
  std::string_view state_dir() const noexcept { return state_dir_; }

  // The operator's setting `key` for this plugin ([plugins.<id>] in cahub.toml), or nullopt.
  // OWNERSHIP: borrowed from the host for the instance's life.
  std::optional<std::string_view> setting(std::string_view key) const noexcept {
    for (std::size_t i = 0; i < settings_count_; ++i)
      if (settings_[i].key && settings_[i].value && key == settings_[i].key) return std::string_view(settings_[i].value);
    return std::nullopt;
  }

  // The ABI the host speaks (compatible with the one this plugin was built against: create()
  // refuses a host for which cahub_abi_compatible() says no).
  std::uint16_t abi_major() const noexcept { return abi_major_; }
  std::uint16_t abi_minor() const noexcept { return abi_minor_; }

  // The host's service table for a versioned id (cahub_host_api.get_api), or nullptr when this
  // host does not offer it. Test the answer: a host offers only the services it knows.
  // OWNERSHIP: the host's, valid for the instance's life.
  const void* api(const char* id) const noexcept { return get_api_ && id ? get_api_(host_ctx_, id) : nullptr; }
  // The host's context, to pass back unchanged to the functions of a service table from api().
  void* context() const noexcept { return host_ctx_; }

 private:
  decltype(cahub_host_api::log) log_;
  void* host_ctx_;
  const char* state_dir_;
  std::uint16_t abi_major_;
  std::uint16_t abi_minor_;
  const cahub_setting* settings_;
  std::size_t settings_count_;
  decltype(cahub_host_api::get_api) get_api_;
};

// ---- One assessment: what the host asks and where the answers go ----

// Read-only view of the host's request for one assess() call.
// OWNERSHIP: borrows the host's struct; valid only during the assess() call that received it
// (copy values out, never keep the Request). THREADING: used by the calling thread only.
// The host is never older than the plugin's ABI minor (it refuses such plugins), so every field
// this SDK knows is present in the struct it receives. There is no region in it: a provider's rules
// are the same on every platform.
class Request {
 public:
  explicit Request(const cahub_assess_request& raw) noexcept : raw_(&raw) {}

  Business business() const noexcept { return static_cast<Business>(raw_->business); }
  Applicant applicant() const noexcept { return static_cast<Applicant>(raw_->applicant); }
  Channel channel() const noexcept { return static_cast<Channel>(raw_->channel); }
  KeyType key() const noexcept { return static_cast<KeyType>(raw_->key_type); }
  // Validity years asked for (the region's default already applied by the host).
  std::int32_t years() const noexcept { return raw_->years; }
  // The host's today (China time). Never read the clock in a plugin: the host decides.
  Date today() const noexcept { return Date(raw_->today); }
  // The certificate the order is about; nullopt when the host does not know it (new, add).
  std::optional<Date> cert_not_before() const noexcept { return date(raw_->cert_not_before); }
  std::optional<Date> cert_not_after() const noexcept { return date(raw_->cert_not_after); }
  // First issue of the medium (warranty), or nullopt when the host does not know it. Never the
  // certificate's start: a renewal reuses the medium, so a renewed certificate's start says nothing
  // about when its medium was first issued (audit C10).
  std::optional<Date> first_issued() const noexcept { return date(raw_->first_issued); }
  // Days from today to the certificate's last valid day: 0 on that day, negative once expired.
  std::optional<std::int32_t> days_to_expiry() const noexcept {
    if (const auto end = cert_not_after()) return *end - today();
    return std::nullopt;
  }
  Defect defect() const noexcept { return static_cast<Defect>(raw_->defect); }
  bool has(Circumstance c) const noexcept { return (raw_->circumstances & static_cast<std::uint32_t>(c)) != 0; }
  std::uint32_t circumstances() const noexcept { return raw_->circumstances; }
  const cahub_assess_request& raw() const noexcept { return *raw_; }

 private:
  static std::optional<Date> date(std::int32_t days) noexcept {
    if (days == CAHUB_NO_DATE) return std::nullopt;
    return Date(days);
  }
  const cahub_assess_request* raw_;
};

// A NUL-terminated UTF-8 string argument: a literal or a std::string, borrowed for the call.
class Text {
 public:
  // Implicit on purpose: refuse("code", "中文", "English") and std::string arguments read naturally.
  Text(const char* s) noexcept : p_(s ? s : "") {}
  Text(const std::string& s) noexcept : p_(s.c_str()) {}
  const char* c_str() const noexcept { return p_; }

 private:
  const char* p_;
};

// Where assess() writes its answer. Every call is forwarded at once to the host, which copies
// what it is given: pass temporaries freely.
// OWNERSHIP: borrows the host's sink; valid only during the assess() call that received it.
// THREADING: use it from the calling thread only. ERRORS: never throws.
class Assessment {
 public:
  explicit Assessment(const cahub_assessment_sink& sink) noexcept : sink_(&sink) {}

  // The provider refuses the request. code: stable ASCII (snake_case) a script or client can
  // match on; zh / en: the reason for clerks and for logs. Refusing is a normal answer.
  void refuse(Text code, Text zh, Text en) noexcept {
    refused_ = true;
    if (sink_->refuse) sink_->refuse(sink_->host_ctx, code.c_str(), zh.c_str(), en.c_str());
  }
  // A note of the provider's own policy, true in every region ("10 wrong PINs lock the key").
  // Never a region's procedure: offices, payees, review times and routes are the scripts' step{}s.
  void require_step(Text code, Text zh, Text en) noexcept {
    if (sink_->require_step) sink_->require_step(sink_->host_ctx, code.c_str(), zh.c_str(), en.c_str());
  }
  // Adds CAHUB_FACT_* bits (bits already set stay set).
  void set_facts(std::uint32_t bits) noexcept {
    facts_ |= bits;
    if (sink_->set_facts) sink_->set_facts(sink_->host_ctx, bits);
  }
  // The provider itself always reviews such a request, whatever the platform
  // (CAHUB_FACT_REQUIRES_REVIEW). A platform's review and its time are the script's review{}.
  void mark_requires_review() noexcept { set_facts(CAHUB_FACT_REQUIRES_REVIEW); }
  // A damaged medium is replaced free under warranty (CAHUB_FACT_WARRANTY_COVERS_MEDIUM).
  void warranty_covers_medium() noexcept { set_facts(CAHUB_FACT_WARRANTY_COVERS_MEDIUM); }

  // What this assessment has said so far (handy for rules that depend on earlier ones).
  bool refused() const noexcept { return refused_; }
  std::uint32_t facts() const noexcept { return facts_; }

 private:
  const cahub_assessment_sink* sink_;
  bool refused_ = false;
  std::uint32_t facts_ = 0;
};

// ---- The class a vendor writes ----

// One CA provider. The SDK creates exactly one instance per load (via the constructor taking
// Host&, or the default constructor) and destroys it before the library is unloaded.
// Constructor and destructor run [main-thread]; a constructor that throws fails create() with
// the exception's message (ProviderError: its status).
class Provider {
 public:
  virtual ~Provider() = default;

  // [thread-safe] The provider's own rules for one request: write refusals, provider-wide notes
  // and facts to `out`. Called concurrently from the host's workers on this one instance, so
  // keep it free of unsynchronised mutable state; it is on the hot path (hundreds of thousands
  // of calls a second): no I/O, no JSON. Throwing fails this request only (the host reports
  // "plugin <id>: <what()>"), other requests go on.
  virtual void assess(const Request& request, Assessment& out) const = 0;

  // [thread-safe] A rich operation (issue, revoke, freeze, ...): a JSON object with an "op"
  // field in, a JSON object out. Throw ProviderError to answer NOT_FOUND, INVALID_REQUEST, etc.
  // The default answers CAHUB_ERROR_UNSUPPORTED for every request.
  virtual std::string operate(std::string_view request_json) {
    (void)request_json;
    throw ProviderError(CAHUB_ERROR_UNSUPPORTED, "this provider supports no operations");
  }

  // [thread-safe] The table for extension `id` (a CAHUB_EXT_* string), or nullptr when this
  // provider does not have it: the default has none. Must not throw (a throw is answered as
  // nullptr). OWNERSHIP: yours; the table must live as long as this instance (static storage is
  // ideal). To publish upload limits, return UploadLimits::extension(id) of a constant (below).
  virtual const void* extension(std::string_view id) const {
    (void)id;
    return nullptr;
  }

 protected:
  Provider() = default;
  Provider(const Provider&) = default;
  Provider& operator=(const Provider&) = default;
};

// ---- The descriptor, readably ----

// The businesses the provider can carry out at all: .capabilities = {Business::New, Business::Renew}
// Out-of-range values are ignored. Which of them a region offers, and how, is its offer{}.
class Capabilities {
 public:
  constexpr Capabilities() noexcept = default;
  constexpr Capabilities(std::initializer_list<Business> businesses) noexcept {  // implicit: `.capabilities = {...}`
    for (Business b : businesses) {
      const auto bit = static_cast<std::int32_t>(b);
      if (bit >= 0 && bit < CAHUB_BUSINESS_COUNT) bits_ |= 1u << bit;
    }
  }
  // These capabilities and `b`: kIssuingCapabilities.with(Business::Unlock).
  constexpr Capabilities with(Business b) const noexcept {
    Capabilities more = *this;
    const auto bit = static_cast<std::int32_t>(b);
    if (bit >= 0 && bit < CAHUB_BUSINESS_COUNT) more.bits_ |= 1u << bit;
    return more;
  }
  // The ABI's bit mask (bit b set when business b can be carried out).
  constexpr std::uint32_t bits() const noexcept { return bits_; }
  constexpr bool can_carry_out(Business b) const noexcept {
    const auto bit = static_cast<std::int32_t>(b);
    return bit >= 0 && bit < CAHUB_BUSINESS_COUNT && ((bits_ >> bit) & 1u) != 0;
  }

 private:
  std::uint32_t bits_ = 0;
};

// The applicant kinds served: .applicants = {Applicant::Org, Applicant::Person}
class Applicants {
 public:
  constexpr Applicants() noexcept = default;
  constexpr Applicants(std::initializer_list<Applicant> kinds) noexcept {  // implicit: `.applicants = {...}`
    for (Applicant a : kinds) {
      const auto bit = static_cast<std::int32_t>(a);
      if (bit >= 0 && bit < CAHUB_APPLICANT_COUNT) bits_ |= 1u << bit;
    }
  }
  constexpr std::uint32_t bits() const noexcept { return bits_; }
  constexpr bool serves(Applicant a) const noexcept {
    const auto bit = static_cast<std::int32_t>(a);
    return bit >= 0 && bit < CAHUB_APPLICANT_COUNT && ((bits_ >> bit) & 1u) != 0;
  }

 private:
  std::uint32_t bits_ = 0;
};

// What the plugin tells the host about itself (see cahub_plugin_descriptor in plugin.h).
// OWNERSHIP: the strings are handed to the host as they are and must live as long as the library
// is loaded: use string literals.
struct Descriptor {
  const char* id = nullptr;       // lower-case ASCII, e.g. "bjca"; the host refuses duplicates
  const char* name_zh = nullptr;  // e.g. "北京数字认证股份有限公司"
  const char* name_en = nullptr;  // e.g. "Beijing Certificate Authority (BJCA)"
  const char* version = nullptr;  // the plugin's own version, e.g. "1.0.0"
  const char* facts_json = "{}";  // a JSON object of facts true in every region (hotline, website,
                                  // stated policy); the host refuses the plugin when it is not JSON
  Capabilities capabilities{};    // what the provider can carry out at all; must not be empty
  Applicants applicants{};
};

// ---- Extensions, readably ----

// The limits of the provider's own online system on uploads (CAHUB_EXT_UPLOAD_LIMITS), as a
// constant a provider answers extension() with:
//   inline constexpr const char* kUploadTypes[] = {"jpg", "pdf"};
//   inline constexpr cahub::sdk::UploadLimits kUploadLimits{kUploadTypes, 2 * 1024 * 1024};
//   const void* extension(std::string_view id) const override { return kUploadLimits.extension(id); }
// types: lower-case file extensions without the dot; max_bytes: 0 when no size is published.
// OWNERSHIP: keep the constant and its array in static storage: the host reads them for the
// instance's life. THREADING: immutable, so [thread-safe].
class UploadLimits {
 public:
  template <std::size_t N>
  constexpr UploadLimits(const char* const (&types)[N], std::int64_t max_bytes) noexcept
      : raw_{static_cast<std::uint32_t>(sizeof(cahub_upload_limits)), types, N, max_bytes} {}
  // Any file type, at most max_bytes.
  constexpr explicit UploadLimits(std::int64_t max_bytes) noexcept
      : raw_{static_cast<std::uint32_t>(sizeof(cahub_upload_limits)), nullptr, 0, max_bytes} {}

  // The table when `id` is CAHUB_EXT_UPLOAD_LIMITS, else nullptr.
  const void* extension(std::string_view id) const noexcept {
    return id == CAHUB_EXT_UPLOAD_LIMITS ? &raw_ : nullptr;
  }
  const cahub_upload_limits& raw() const noexcept { return raw_; }

 private:
  cahub_upload_limits raw_;
};

// ---- The machinery behind CAHUB_PLUGIN (not for direct use) ----
namespace detail {

inline void write(const cahub_text_sink* sink, std::string_view text) noexcept {
  if (sink && sink->write) sink->write(sink->host_ctx, text.data(), text.size());
}

// Runs `body`, turning every exception into a status plus a message on `error`: the one place
// that keeps C++ exceptions from crossing the C boundary.
template <typename Body>
cahub_status guarded(const cahub_text_sink* error, Body&& body) noexcept {
  try {
    return body();
  } catch (const ProviderError& e) {
    write(error, e.what());
    return e.status();
  } catch (const std::exception& e) {
    write(error, e.what());
    return CAHUB_ERROR_INTERNAL;
  } catch (...) {
    write(error, "unknown exception");
    return CAHUB_ERROR_INTERNAL;
  }
}

// What the host's `void* instance` points at. `host` is declared first so that it is built
// before and destroyed after the provider that may keep a reference to it.
template <typename P>
struct Instance {
  explicit Instance(const cahub_host_api& api) : host(api), provider(make(host)) {}
  Host host;
  P provider;

 private:
  static P make(Host& h) {
    if constexpr (std::is_constructible_v<P, Host&>) {
      return P(h);
    } else {
      (void)h;
      return P();
    }
  }
};

template <typename P>
struct Trampolines {
  static_assert(std::is_base_of_v<Provider, P>, "CAHUB_PLUGIN: the class must derive from cahub::sdk::Provider");
  static_assert(std::is_constructible_v<P, Host&> || std::is_default_constructible_v<P>,
                "CAHUB_PLUGIN: the class needs a constructor taking cahub::sdk::Host& (or a default one)");

  static cahub_status create(const cahub_host_api* api, void** instance, const cahub_text_sink* error) noexcept {
    return guarded(error, [&]() -> cahub_status {
      if (!api || !instance) throw ProviderError(CAHUB_ERROR_INVALID_REQUEST, "create: null argument");
      *instance = nullptr;
      if (!cahub_abi_compatible(api->abi_major, api->abi_minor, CAHUB_ABI_MAJOR, CAHUB_ABI_MINOR))
        throw ProviderError(CAHUB_ERROR_INVALID_REQUEST,
                            "create: the host speaks plugin ABI " + std::to_string(api->abi_major) + "." +
                                std::to_string(api->abi_minor) + ", this plugin needs " +
                                std::to_string(CAHUB_ABI_MAJOR) + "." + std::to_string(CAHUB_ABI_MINOR) +
                                " or a newer " + std::to_string(CAHUB_ABI_MAJOR) + ".x");
      *instance = new Instance<P>(*api);
      return CAHUB_OK;
    });
  }

  static void destroy(void* instance) noexcept {
    try {
      delete static_cast<Instance<P>*>(instance);
    } catch (...) {  // a throwing destructor is the vendor's bug; it must still not cross
    }
  }

  static cahub_status assess(void* instance, const cahub_assess_request* request, const cahub_assessment_sink* out,
                             const cahub_text_sink* error) noexcept {
    return guarded(error, [&]() -> cahub_status {
      if (!instance || !request || !out) throw ProviderError(CAHUB_ERROR_INVALID_REQUEST, "assess: null argument");
      const Request r(*request);
      Assessment a(*out);
      static_cast<const Instance<P>*>(instance)->provider.assess(r, a);
      return CAHUB_OK;
    });
  }

  static cahub_status operate(void* instance, const char* request_json, std::size_t request_length,
                              const cahub_text_sink* out, const cahub_text_sink* error) noexcept {
    return guarded(error, [&]() -> cahub_status {
      if (!instance || (!request_json && request_length != 0))
        throw ProviderError(CAHUB_ERROR_INVALID_REQUEST, "operate: null argument");
      const std::string result = static_cast<Instance<P>*>(instance)->provider.operate(
          std::string_view(request_json ? request_json : "", request_length));
      write(out, result);
      return CAHUB_OK;
    });
  }

  // Answers NULL for a NULL id and for anything the provider throws: get_extension cannot fail.
  static const void* get_extension(void* instance, const char* id) noexcept {
    if (!instance || !id) return nullptr;
    try {
      return static_cast<const Instance<P>*>(instance)->provider.extension(id);
    } catch (...) {
      return nullptr;
    }
  }

  static cahub_plugin_descriptor describe(const Descriptor& d) noexcept {
    cahub_plugin_descriptor c{};
    c.struct_size = sizeof(cahub_plugin_descriptor);
    c.abi_major = CAHUB_ABI_MAJOR;
    c.abi_minor = CAHUB_ABI_MINOR;
    c.id = d.id;
    c.name_zh = d.name_zh;
    c.name_en = d.name_en;
    c.version = d.version;
    c.facts_json = d.facts_json;
    c.capabilities = d.capabilities.bits();
    c.applicants = d.applicants.bits();
    c.create = &create;
    c.destroy = &destroy;
    c.assess = &assess;
    c.operate = &operate;
    c.get_extension = &get_extension;
    return c;
  }
};

// The body of cahub_plugin_entry. The descriptor is returned whatever ABI the host states: its
// first three fields are frozen, so the host can always read our ABI and refuse us with a
// message naming both versions, which is more useful than a bare NULL.
template <typename P, typename MakeDescriptor>
const cahub_plugin_descriptor* entry(MakeDescriptor make) noexcept {
  try {
    static const cahub_plugin_descriptor descriptor = Trampolines<P>::describe(make());
    return &descriptor;
  } catch (...) {
    return nullptr;
  }
}

}  // namespace detail
}  // namespace cahub::sdk

// Registers ProviderClass as this library's plugin. Use exactly once per plugin library, at
// namespace scope, after ProviderClass is complete. The second argument is an expression yielding
// a cahub::sdk::Descriptor (variadic only so that its commas need no parentheses).
#define CAHUB_PLUGIN(ProviderClass, ...)                                                                         \
  extern "C" CAHUB_EXPORT const cahub_plugin_descriptor* cahub_plugin_entry(uint16_t host_abi_major,             \
                                                                            uint16_t host_abi_minor);            \
  extern "C" CAHUB_EXPORT const cahub_plugin_descriptor* cahub_plugin_entry(uint16_t host_abi_major,             \
                                                                            uint16_t host_abi_minor) {           \
    (void)host_abi_major;                                                                                        \
    (void)host_abi_minor;                                                                                        \
    return ::cahub::sdk::detail::entry<ProviderClass>([]() -> ::cahub::sdk::Descriptor { return __VA_ARGS__; }); \
  }

#endif /* CAHUB_PLUGIN_HPP */
