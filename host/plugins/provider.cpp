#include "plugins/provider.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cctype>
#include <new>
#include <nlohmann/json.hpp>

#include "plugins/boundary.hpp"
#include "plugins/host_services.hpp"

namespace cahub::plugins {

// The host's enums and the ABI's codes are one list in one order (DOMAIN.md §1); converting is
// a cast only because these hold.
static_assert(static_cast<int>(Business::New) == CAHUB_BUSINESS_NEW);
static_assert(static_cast<int>(Business::Add) == CAHUB_BUSINESS_ADD);
static_assert(static_cast<int>(Business::Renew) == CAHUB_BUSINESS_RENEW);
static_assert(static_cast<int>(Business::ReissueLost) == CAHUB_BUSINESS_REISSUE_LOST);
static_assert(static_cast<int>(Business::ReissueDamaged) == CAHUB_BUSINESS_REISSUE_DAMAGED);
static_assert(static_cast<int>(Business::Change) == CAHUB_BUSINESS_CHANGE);
static_assert(static_cast<int>(Business::Unlock) == CAHUB_BUSINESS_UNLOCK);
static_assert(static_cast<int>(Business::Freeze) == CAHUB_BUSINESS_FREEZE);
static_assert(static_cast<int>(Business::Unfreeze) == CAHUB_BUSINESS_UNFREEZE);
static_assert(static_cast<int>(Business::Revoke) == CAHUB_BUSINESS_REVOKE);
static_assert(code_count<Business>() == CAHUB_BUSINESS_COUNT);
static_assert(static_cast<int>(Channel::Onsite) == CAHUB_CHANNEL_ONSITE);
static_assert(static_cast<int>(Channel::Mail) == CAHUB_CHANNEL_MAIL);
static_assert(static_cast<int>(Channel::Online) == CAHUB_CHANNEL_ONLINE);
static_assert(static_cast<int>(Channel::SelfService) == CAHUB_CHANNEL_SELF_SERVICE);
static_assert(code_count<Channel>() == CAHUB_CHANNEL_COUNT);
static_assert(static_cast<int>(ApplicantKind::Org) == CAHUB_APPLICANT_ORG);
static_assert(static_cast<int>(ApplicantKind::Person) == CAHUB_APPLICANT_PERSON);
static_assert(static_cast<int>(ApplicantKind::OrgPerson) == CAHUB_APPLICANT_ORG_PERSON);
static_assert(code_count<ApplicantKind>() == CAHUB_APPLICANT_COUNT);
static_assert(static_cast<int>(KeyType::Master) == CAHUB_KEY_MASTER);
static_assert(static_cast<int>(KeyType::Secondary) == CAHUB_KEY_SECONDARY);
static_assert(static_cast<int>(Defect::Quality) == CAHUB_DEFECT_QUALITY);
static_assert(static_cast<int>(Defect::Other) == CAHUB_DEFECT_OTHER);

namespace {

std::uint32_t circumstance_bits(const Circumstances& c) {
  std::uint32_t bits = 0;
  if (c.registered) bits |= CAHUB_CIRC_REGISTERED;
  if (c.expert_in_database) bits |= CAHUB_CIRC_EXPERT_IN_DATABASE;
  if (c.open_bid) bits |= CAHUB_CIRC_OPEN_BID;
  if (c.has_master_key) bits |= CAHUB_CIRC_HAS_MASTER_KEY;
  if (c.delegated) bits |= CAHUB_CIRC_DELEGATED;
  if (c.legal_rep_in_person) bits |= CAHUB_CIRC_LEGAL_REP_IN_PERSON;
  if (c.public_institution) bits |= CAHUB_CIRC_PUBLIC_INSTITUTION;
  if (c.agent_changed) bits |= CAHUB_CIRC_AGENT_CHANGED;
  return bits;
}

std::int32_t day_or_none(const std::optional<Date>& d) { return d ? d->days() : CAHUB_NO_DATE; }

// Where a plugin's assess() answers go. The callbacks run inside the plugin's call, so they
// must not throw: a failure to copy (out of memory) is remembered and reported after the call.
struct AssessCollector {
  ProviderAssessment* out;
  const std::string* source;
  bool out_of_memory = false;
};

void collect_note(void* ctx, std::vector<Note> ProviderAssessment::*list, const char* code, const char* zh,
                  const char* en) noexcept {
  auto* c = static_cast<AssessCollector*>(ctx);
  try {
    (c->out->*list).push_back(Note{utf8_copy(code), utf8_copy(zh), utf8_copy(en), *c->source});
  } catch (...) {
    c->out_of_memory = true;
  }
}

void on_refuse(void* ctx, const char* code, const char* zh, const char* en) noexcept {
  collect_note(ctx, &ProviderAssessment::refusals, code, zh, en);
}

void on_step(void* ctx, const char* code, const char* zh, const char* en) noexcept {
  collect_note(ctx, &ProviderAssessment::steps, code, zh, en);
}

void on_facts(void* ctx, std::uint32_t facts) noexcept { static_cast<AssessCollector*>(ctx)->out->facts |= facts; }

}  // namespace

std::string_view status_name(cahub_status status) {
  switch (status) {
    case CAHUB_OK: return "ok";
    case CAHUB_ERROR_INVALID_REQUEST: return "invalid request";
    case CAHUB_ERROR_UNSUPPORTED: return "unsupported";
    case CAHUB_ERROR_NOT_FOUND: return "not found";
    case CAHUB_ERROR_PROVIDER: return "provider error";
    case CAHUB_ERROR_INTERNAL: return "internal error";
    default: return "unknown status";
  }
}

Provider::Provider() = default;

Provider::~Provider() {
  // The instance goes first, while the library that holds its code is certainly loaded; the
  // members (library_ last of all) are released only after this body.
  if (created_ && descriptor_.destroy) {
    try {
      descriptor_.destroy(instance_);
    } catch (...) {  // a C++ plugin without the SDK may throw; a destructor must not
    }
  }
}

bool UploadLimits::accepts_type(std::string_view type) const {
  if (types.empty()) return true;
  std::string lower(type);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(types.begin(), types.end(), lower) != types.end();
}

bool Provider::can_carry_out(Business business) const {
  return ((descriptor_.capabilities >> static_cast<unsigned>(business)) & 1u) != 0;
}

bool Provider::serves(ApplicantKind applicant) const {
  return ((descriptor_.applicants >> static_cast<unsigned>(applicant)) & 1u) != 0;
}

std::optional<UploadLimits> Provider::upload_limits() const { return upload_limits_; }

bool Provider::has_extension(const std::string& id) const {
  if (!descriptor_.get_extension) return false;
  try {
    return descriptor_.get_extension(instance_, id.c_str()) != nullptr;
  } catch (...) {  // only a plugin built without the SDK can throw here
    throw PluginError("plugin " + id_ + ": get_extension threw an exception across the C ABI", CAHUB_ERROR_INTERNAL);
  }
}

ProviderAssessment Provider::assess(const QuoteRequest& request, int years) const {
  cahub_assess_request r{};
  r.struct_size = sizeof r;
  r.business = static_cast<std::int32_t>(request.business);
  r.applicant = static_cast<std::int32_t>(request.applicant);
  r.channel = static_cast<std::int32_t>(request.channel);
  r.key_type = static_cast<std::int32_t>(request.key);
  r.years = years;
  r.today = request.today.days();
  r.cert_not_before = day_or_none(request.cert_not_before);
  r.cert_not_after = day_or_none(request.cert_not_after);
  // Never guessed from the certificate's start: a renewal reuses the medium (audit C10).
  r.first_issued = day_or_none(request.first_issued);
  r.defect = request.defect ? static_cast<std::int32_t>(*request.defect) : CAHUB_DEFECT_NONE;
  r.circumstances = circumstance_bits(request.circumstances);
  return assess_raw(r);
}

ProviderAssessment Provider::assess_raw(const cahub_assess_request& r) const {
  ProviderAssessment result;
  AssessCollector collector{&result, &source_};
  const cahub_assessment_sink sink{&collector, &on_refuse, &on_step, &on_facts};
  TextCollector error;  // allocates only if the plugin writes an error
  const cahub_text_sink error_sink = error.sink();

  cahub_status status = CAHUB_OK;
  try {
    status = descriptor_.assess(instance_, &r, &sink, &error_sink);
  } catch (...) {  // only a plugin built without the SDK can get here
    throw PluginError("plugin " + id_ + ": assess threw an exception across the C ABI", CAHUB_ERROR_INTERNAL);
  }
  if (status != CAHUB_OK) throw PluginError(call_failure(id_, "assess", status, error), status);
  if (collector.out_of_memory) throw std::bad_alloc();
  return result;
}

std::string Provider::operate(std::string_view request_json) const {
  if (!descriptor_.operate)
    throw PluginError("plugin " + id_ + ": this provider supports no operations", CAHUB_ERROR_UNSUPPORTED);
  TextCollector out;
  TextCollector error;
  const cahub_text_sink out_sink = out.sink();
  const cahub_text_sink error_sink = error.sink();
  cahub_status status = CAHUB_OK;
  try {
    status = descriptor_.operate(instance_, request_json.data(), request_json.size(), &out_sink, &error_sink);
  } catch (...) {
    throw PluginError("plugin " + id_ + ": operate threw an exception across the C ABI", CAHUB_ERROR_INTERNAL);
  }
  if (status != CAHUB_OK) throw PluginError(call_failure(id_, "operate", status, error), status);
  if (out.out_of_memory) throw std::bad_alloc();
  return utf8_copy(out.text.data(), out.text.size());
}

bool Provider::keeps_state_with_host() const { return host_context_ && host_context_->asked_for_state; }

}  // namespace cahub::plugins
