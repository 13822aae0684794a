// The readers of request bodies (host/edge/, pipeline/quote_request_json.cpp) on any bytes a client
// could send: every reader runs on every input. Properties:
//   - parse_object gives a JSON object or BadRequest "malformed_json"; a reader gives its typed
//     request or a BadRequest, never another exception;
//   - a BadRequest has a lower-case code, a kind of BadInput, and a message and field that are
//     well-formed UTF-8 (they go into the JSON answer and onto the CLI's terminal), whatever the
//     body held;
//   - what a reader returns is within the bounds its fields promise: years 1..10, amounts within
//     the order ceiling, versions from 1, texts within their byte limits and without control
//     characters, identifiers that pass their checks, a hash of 64 hex digits;
//   - reading is deterministic: the same body gives the same order hash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "edge/desk_requests.hpp"
#include "edge/json_fields.hpp"
#include "edge/order_request_json.hpp"
#include "fuzz_check.hpp"
#include "identifiers/mobile.hpp"
#include "identifiers/postcode.hpp"
#include "identifiers/resident_id.hpp"
#include "identifiers/uscc.hpp"
#include "pipeline/quote_request_json.hpp"

using namespace cahub;
using cahub::fuzz::expect;
using nlohmann::json;

namespace {

const Date kToday = *Date::parse("2026-12-07");

void check_refusal(const CodedError& e, std::string_view reader) {
  expect(e.kind() == ErrorKind::BadInput, "a reader's refusal is BadInput", reader);
  expect(!e.code().empty() && e.code().find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos,
         "a refusal's code is lower-case letters and _", e.code());
  expect(*e.what() != '\0', "a refusal says what is wrong", e.code());
  expect(fuzz::valid_utf8(e.what()), "a refusal's message is well-formed UTF-8", e.what());
  expect(fuzz::valid_utf8(e.field()), "a refusal's field is well-formed UTF-8", e.field());
}

// Runs `read`; a CodedError is checked and swallowed, anything else breaks the property.
template <typename Read> void reading(std::string_view reader, Read read) {
  try {
    read();
  } catch (const CodedError& e) {
    check_refusal(e, reader);
  } catch (const std::exception& e) {
    fuzz::unexpected_exception(reader, e);
  }
}

bool plain_text(std::string_view s, std::size_t max_bytes, bool multi_line = false) {
  if (s.size() > max_bytes) return false;
  for (unsigned char c : s)
    if ((c < 0x20 || c == 0x7f) && !(multi_line && (c == '\n' || c == '\r' || c == '\t'))) return false;
  return true;
}

void check_quote(const QuoteRequest& q) {
  expect(q.years >= 0 && q.years <= 10, "a quote's years are 0 (the default) or 1..10");
  expect(q.region.size() <= 64 && q.ca.size() <= 64 && q.circumstances.former_ca.size() <= 64,
         "a quote's ids are at most 64 bytes");
  for (const auto& d : {q.cert_not_before, q.cert_not_after, q.first_issued})
    expect(!d || (d->year() >= 1900 && d->year() <= 9999), "a quote's dates are in the years 1900..9999");
}

void check_order(const orders::OrderRequest& r, const json& body) {
  check_quote(r.quote);
  expect(r.quote.today == kToday, "an order is quoted today");
  const orders::ApplicantDetails& a = r.applicant;
  expect(!a.name.empty() && plain_text(a.name, 256), "an order's applicant has a plain name", a.name);
  if (r.quote.applicant == ApplicantKind::Person)
    expect(identifiers::check_resident_id(a.id_number).ok(), "a person's ID number checks", a.id_number);
  else
    expect(identifiers::check_uscc(a.uscc).ok(), "a unit's USCC checks", a.uscc);
  expect(a.mobile.empty() || identifiers::check_mobile(a.mobile).ok(), "a mobile given checks", a.mobile);
  expect(a.postcode.empty() || identifiers::check_postcode(a.postcode).ok(), "a postcode given checks", a.postcode);
  expect(plain_text(a.address, 512) && plain_text(a.person_name, 256), "contact texts are plain and bounded");
  expect(plain_text(r.previous_serial, 128), "previous_serial is plain and bounded", r.previous_serial);
  expect(r.previous_serial.empty() != concerns_existing_certificate(r.quote.business),
         "previous_serial is given exactly for a business about an existing certificate");
  expect(!r.revocation_reason || r.quote.business == Business::Revoke, "only a revoke order has a reason");
  expect(r.as_received == body, "the order keeps the body as received");
  expect(r.request_hash.size() == 64 && r.request_hash.find_first_not_of("0123456789abcdef") == std::string::npos,
         "the request hash is 64 lower-case hex digits", r.request_hash);
  expect(edge::parse_order_request(body, kToday).request_hash == r.request_hash, "the order hash is deterministic");
}

void read_desk_requests(const json& body) {
  reading("parse_login", [&] {
    const auto login = edge::parse_login(body);
    expect(plain_text(login.login, 64) && plain_text(login.password, 1024), "a sign-in's texts are plain and bounded");
  });
  reading("parse_action_request", [&] {
    const auto action = edge::parse_action_request(body);
    expect(action.version >= 1 && plain_text(action.note, 2000, true), "an action has a version and a bounded note");
  });
  reading("parse_material_receipt", [&] {
    const auto receipt = edge::parse_material_receipt(body);
    expect(plain_text(receipt.file_name, 255), "a file name is plain and bounded", receipt.file_name);
    expect(!receipt.file_bytes || (*receipt.file_bytes >= 1 && *receipt.file_bytes <= (64LL << 20)),
           "a file's size is 1 byte to 64 MB");
  });
  reading("parse_payment", [&] {
    const auto p = edge::parse_payment(body);
    expect(p.version >= 1 && p.amount >= 0 && p.amount <= kOrderCeilingFen, "a payment's amount is within the ceiling");
    expect(p.method != PaymentMethod::BankTransfer || !p.voucher.empty(), "a bank transfer has its voucher");
    expect(plain_text(p.voucher, 128) && plain_text(p.adjustment_reason, 2000, true), "a payment's texts are bounded");
  });
  reading("parse_terms", [&] {
    const auto t = edge::parse_terms(body);
    expect(t.version >= 1, "terms carry a version");
    expect(!t.total || (*t.total >= 0 && *t.total <= kOrderCeilingFen), "terms' total is within the ceiling");
    expect(!t.years || (*t.years >= 1 && *t.years <= 10), "terms' years are 1..10");
    edge::check_terms(t);  // what the reader accepted, the CLI's check accepts too
  });
  reading("parse_version", [&] { expect(edge::parse_version(body) >= 1, "a version is from 1"); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  json body;
  try {
    body = edge::parse_object(text);
  } catch (const pipeline::BadRequest& e) {
    expect(e.code() == "malformed_json", "a body that is not a JSON object is malformed_json", e.code());
    check_refusal(e, "parse_object");
    return 0;
  } catch (const std::exception& e) {
    fuzz::unexpected_exception("parse_object", e);
  }
  expect(body.is_object(), "parse_object gives an object");
  reading("parse_quote_request", [&] { check_quote(pipeline::parse_quote_request(body, kToday)); });
  reading("parse_order_request", [&] { check_order(edge::parse_order_request(body, kToday), body); });
  read_desk_requests(body);
  return 0;
}
