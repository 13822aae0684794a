#pragma once
// Shared by the plugin tests: where the built plugins are, and small request/answer helpers.

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "domain/quote_request.hpp"
#include "plugins/provider.hpp"

namespace cahub::plugins::test {

inline std::filesystem::path fixture_dir() { return CAHUB_TEST_FIXTURE_DIR; }
inline std::filesystem::path fixture(std::string_view file) { return fixture_dir() / file; }
inline std::filesystem::path bjca_dir() { return CAHUB_TEST_BJCA_DIR; }
inline std::filesystem::path var_dir() { return CAHUB_TEST_VAR_DIR; }

// A fixed "today", so that day counts in the tests are the ones written in them.
inline Date test_today() { return *Date::from_ymd(2024, 6, 15); }

inline QuoteRequest request(Business business, Channel channel, std::string region = "central") {
  QuoteRequest r;
  r.region = std::move(region);
  r.ca = "bjca";
  r.business = business;
  r.channel = channel;
  r.today = test_today();
  return r;
}

inline const Note* find_note(const std::vector<Note>& notes, std::string_view code) {
  const auto it = std::find_if(notes.begin(), notes.end(), [&](const Note& n) { return n.code == code; });
  return it == notes.end() ? nullptr : &*it;
}

}  // namespace cahub::plugins::test
