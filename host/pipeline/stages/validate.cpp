// Stage 1: the request on its own terms, before any region or provider is consulted.
#include "pipeline/request_error.hpp"
#include "pipeline/stages/stages.hpp"

namespace cahub::pipeline {

StageOutcome validate(QuoteContext& ctx) {
  QuoteRequest& r = ctx.request;
  if (r.region.empty()) throw BadRequest("missing_region", "region is required");
  if (r.ca.empty()) throw BadRequest("missing_ca", "ca is required");
  if (r.years < 0 || r.years > 10)
    throw BadRequest("bad_years", "years must be between 1 and 10, got " + std::to_string(r.years));

  if (r.cert_not_before && r.cert_not_after && *r.cert_not_after < *r.cert_not_before)
    throw BadRequest("bad_certificate_dates", "cert_not_after " + r.cert_not_after->iso() +
                                                  " is before cert_not_before " + r.cert_not_before->iso());
  // No default from cert_not_before: a renewal reuses the medium, so the certificate's start is not
  // the medium's first issue (audit C10); unknown stays unknown.
  if (r.first_issued && *r.first_issued > r.today)
    throw BadRequest("bad_first_issued", "first_issued " + r.first_issued->iso() + " is after today " + r.today.iso());

  // What the business needs to know about the certificate it concerns: renewal extends from its
  // expiry; reissue and change keep its validity, so both ends are needed.
  const std::string business{code_of(r.business)};
  switch (r.business) {
    case Business::Renew:
      if (!r.cert_not_after)
        throw BadRequest("missing_certificate_dates", "renew needs the current certificate's expiry (cert_not_after)");
      break;
    case Business::ReissueLost:
    case Business::ReissueDamaged:
    case Business::Change:
      if (!r.cert_not_before || !r.cert_not_after)
        throw BadRequest("missing_certificate_dates",
                         business + " keeps the current validity: cert_not_before and cert_not_after are required");
      break;
    default:
      break;
  }
  if (r.defect && r.business != Business::ReissueDamaged)
    throw BadRequest("defect_not_applicable", "defect applies to reissue_damaged only, not to " + business);
  return StageOutcome::Passed;
}

}  // namespace cahub::pipeline
