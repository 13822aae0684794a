// Access-log lines are JSON whatever the client sent, never carry a query string, and the file
// sink creates its file 0600 and never interleaves lines.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "observability/access_log.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub::observability;
using cahub::testing::read_bytes;
using cahub::testing::ScratchFolder;
using nlohmann::json;
using namespace std::chrono;

namespace {

AccessRecord sample_record() {
  AccessRecord r;
  r.time = sys_days{year{2024} / May / 1} + 8h + 30min + 5s + 123ms;
  r.remote = "10.0.0.7";
  r.method = "GET";
  r.route = "/v1/orders/{id}";
  r.path = "/v1/orders/A-17";
  r.status = 200;
  r.bytes_in = 0;
  r.bytes_out = 512;
  r.duration = 1'234'567ns;
  r.request_id = "req-1";
  r.staff = "wang.li";
  return r;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("an access-log line is one JSON object with every field, time first") {
  const std::string line = access_log_line(sample_record());
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.rfind("{\"time\":", 0) == 0);
  const json j = json::parse(line);
  CHECK(j.size() == 11);
  CHECK(j["time"] == "2024-05-01T08:30:05.123Z");
  CHECK(j["remote"] == "10.0.0.7");
  CHECK(j["method"] == "GET");
  CHECK(j["route"] == "/v1/orders/{id}");
  CHECK(j["path"] == "/v1/orders/A-17");
  CHECK(j["status"] == 200);
  CHECK(j["bytes_in"] == 0);
  CHECK(j["bytes_out"] == 512);
  CHECK(j["duration_ms"].get<double>() == 1.235);
  CHECK(line.find("\"duration_ms\":1.235,") != std::string::npos);
  CHECK(j["request_id"] == "req-1");
  CHECK(j["staff"] == "wang.li");
}

TEST_CASE("the query string and fragment never reach the access log") {
  AccessRecord r = sample_record();
  r.path = "/v1/orders?applicant=%E5%BC%A0%E4%B8%89&resident_id=110101199003077777#top";
  const std::string line = access_log_line(r);
  CHECK(json::parse(line)["path"] == "/v1/orders");
  CHECK(line.find("resident_id") == std::string::npos);
  CHECK(line.find("110101199003077777") == std::string::npos);
  CHECK(line.find('?') == std::string::npos);
  r.path = "/v1/orders#x?y";
  CHECK(json::parse(access_log_line(r))["path"] == "/v1/orders");
}

TEST_CASE("no staff member and no matched route are logged as null") {
  AccessRecord r = sample_record();
  r.staff.reset();
  r.route.clear();
  r.status = 404;
  const json j = json::parse(access_log_line(r));
  CHECK(j["staff"].is_null());
  CHECK(j["route"].is_null());
}

TEST_CASE("durations are milliseconds rounded to the microsecond, never negative") {
  AccessRecord r = sample_record();
  r.duration = 2ms;
  CHECK(json::parse(access_log_line(r))["duration_ms"].get<double>() == 2.0);
  r.duration = 499ns;
  CHECK(json::parse(access_log_line(r))["duration_ms"].get<double>() == 0.0);
  r.duration = -5ms;
  CHECK(json::parse(access_log_line(r))["duration_ms"].get<double>() == 0.0);
  r.duration = 12'345'678'901ns;
  CHECK(json::parse(access_log_line(r))["duration_ms"].get<double>() == 12345.679);
}

TEST_CASE("ill-formed UTF-8 and control characters from a client still make one valid line") {
  AccessRecord r = sample_record();
  r.path = "/v1/orders/\xFF\xC3";
  r.method = "G\x01T";
  r.request_id = "a\nb\r\"c\"\\\t\x7F";
  r.remote = std::string("nul\0byte", 8);
  r.staff = "\xE4\xB8\xAD\xE6\x96";  // a Chinese character, then a truncated one
  const std::string line = access_log_line(r);
  for (const char c : line) CHECK(static_cast<unsigned char>(c) >= 0x20);
  const json j = json::parse(line);
  CHECK(j["path"] == "/v1/orders/\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(j["method"] == "G\x01T");
  CHECK(j["request_id"] == "a\nb\r\"c\"\\\t\x7F");
  CHECK(j["remote"] == std::string("nul\0byte", 8));
  CHECK(j["staff"] == "\xE4\xB8\xAD\xEF\xBF\xBD");
}

TEST_CASE("the access-log file is created 0600 and appended to, never truncated") {
  ScratchFolder folder;
  const auto file = folder / "access.log";
  const mode_t previous = ::umask(0);  // so that only the mode the sink asks for applies
  {
    AccessLog log(file);
    log.append(sample_record());
  }
  ::umask(previous);
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
  {
    AccessLog log(file);
    log.append(sample_record());
    CHECK(log.lost_lines() == 0);
  }
  const auto lines = lines_of(read_bytes(file));
  REQUIRE(lines.size() == 2);
  CHECK(lines[1] == access_log_line(sample_record()));
}

TEST_CASE("an access log that cannot be opened throws, one that cannot be written counts losses") {
  ScratchFolder folder;
  CHECK_THROWS_AS(AccessLog(folder / "missing" / "access.log"), std::system_error);
  AccessLog full("/dev/full");  // every write fails with ENOSPC
  full.append(sample_record());
  full.append(sample_record());
  CHECK(full.lost_lines() == 2);
}

TEST_CASE("lines from 8 threads never interleave") {
  ScratchFolder folder;
  const auto file = folder / "access.log";
  constexpr int threads = 8;
  constexpr int per_thread = 400;
  {
    AccessLog log(file);
    std::vector<std::thread> writers;
    for (int t = 0; t < threads; ++t) {
      writers.emplace_back([&log, t] {
        AccessRecord r = sample_record();
        r.path = "/v1/orders/" + std::string(3000, static_cast<char>('a' + t));  // long lines
        for (int i = 0; i < per_thread; ++i) {
          r.request_id = std::to_string(t) + "-" + std::to_string(i);
          log.append(r);
        }
      });
    }
    for (auto& w : writers) w.join();
  }
  std::map<std::string, int> per_writer;
  const auto lines = lines_of(read_bytes(file));
  REQUIRE(lines.size() == threads * per_thread);
  for (const std::string& line : lines) {
    const json j = json::parse(line);  // an interleaved line would not parse
    const std::string path = j["path"];
    const std::string id = j["request_id"];
    CHECK(path == "/v1/orders/" + std::string(3000, path.back()));
    CHECK(id.substr(0, 1) == std::string(1, static_cast<char>('0' + (path.back() - 'a'))));
    ++per_writer[id.substr(0, 1)];
  }
  CHECK(per_writer.size() == threads);
  for (const auto& [writer, count] : per_writer) CHECK(count == per_thread);
}

TEST_CASE("the standard-error sink writes there and leaves the descriptor open") {
  ScratchFolder folder;
  const auto file = folder / "stderr.log";
  const int saved = ::dup(STDERR_FILENO);
  const int redirected = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  REQUIRE(saved >= 0);
  REQUIRE(redirected >= 0);
  ::dup2(redirected, STDERR_FILENO);
  {
    AccessLog log{AccessLog::StandardError{}};
    log.append(sample_record());
  }
  const bool still_open = ::fcntl(STDERR_FILENO, F_GETFD) != -1;
  ::dup2(saved, STDERR_FILENO);
  ::close(saved);
  ::close(redirected);
  CHECK(still_open);
  CHECK(read_bytes(file) == access_log_line(sample_record()) + "\n");
}
