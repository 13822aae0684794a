#pragma once
// The BJCA provider: what it offers (shared by the descriptor and the rules, so the two cannot
// disagree) and the class that holds its rules.

#include <cahub/issuing.hpp>
#include <cahub/plugin.hpp>

namespace bjca {

using cahub::sdk::Applicant;
using cahub::sdk::Business;
using cahub::sdk::Channel;

// Businesses per channel as the sources describe BJCA. Central (seed 003): new onsite, online,
// or by mail when online verification fails; renew onsite/online; lost and damaged reissue
// onsite/online; change onsite/online; unlock onsite/online; revoke onsite or by mail.
// Qinghai (001) and Neimenggu (004) add nothing beyond that. No source offers add, freeze or
// unfreeze for BJCA.
inline constexpr cahub::sdk::Offers kOffers = {
    {Channel::Onsite,
     {Business::New, Business::Renew, Business::ReissueLost, Business::ReissueDamaged, Business::Change,
      Business::Unlock, Business::Revoke}},
    {Channel::Online,
     {Business::New, Business::Renew, Business::ReissueLost, Business::ReissueDamaged, Business::Change,
      Business::Unlock}},
    {Channel::Mail, {Business::New, Business::Revoke}},
};

// Units, and persons: Qinghai's bid-evaluation experts hold BJCA person certificates (seed 001).
inline constexpr cahub::sdk::Applicants kApplicants = {Applicant::Org, Applicant::Person};

// Issues through the SDK's local issuing CA (its state folder under var/ca/bjca/) until a live
// BJCA connector replaces it.
class Bjca final : public cahub::sdk::issuing::IssuingProvider {
 public:
  explicit Bjca(cahub::sdk::Host& host);
  // [thread-safe] Pure function of the request: no state, no I/O.
  void assess(const cahub::sdk::Request& r, cahub::sdk::Assessment& out) const override;
};

}  // namespace bjca
