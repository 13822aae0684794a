// Loading a region script: run its top level in a fresh sandbox, read and check what it
// declares, and compile the result into RegionRules::Compiled.
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules/compiled_rules.hpp"
#include "rules/declaration_reader.hpp"
#include "rules/load_checks.hpp"
#include "rules/lua_sandbox.hpp"
#include "rules/region_rules.hpp"
#include "rules/script_findings.hpp"
#include "rules/script_file_kind.hpp"

namespace cahub::rules {
namespace {

std::atomic<std::uint64_t> g_last_generation{0};


std::string expected_id(const std::string& chunk_name) {
  return chunk_name.ends_with(".lua") ? chunk_name.substr(0, chunk_name.size() - 4) : chunk_name;
}

// offer{} entries as bits per accepted CA, channel and applicant kind (route's one lookup).
void compile_offers(RegionRules::Compiled& c) {
  c.offer_bits.assign(c.region.accepts.size(), {});
  for (std::size_t i = 0; i < c.region.accepts.size(); ++i)
    for (const OfferEntry& o : c.offers) {
      const auto& cas = o.selector.cas;
      if (!cas.empty() && !std::binary_search(cas.begin(), cas.end(), c.region.accepts[i])) continue;
      for (std::size_t ch = 0; ch < code_count<Channel>(); ++ch)
        for (std::size_t a = 0; a < code_count<ApplicantKind>(); ++a)
          if ((o.selector.channels >> ch & 1u) && (o.selector.applicants >> a & 1u))
            c.offer_bits[i][ch][a] |= o.selector.businesses;
    }
}

std::unique_ptr<RegionRules::Compiled> compile(ScriptDeclarations& d, std::string script, const SandboxLimits& limits) {
  auto c = std::make_unique<RegionRules::Compiled>();
  c->file = d.file;
  c->sha256 = script_sha256(script);
  c->script = std::move(script);
  c->limits = limits;
  c->region = std::move(d.regions.front());
  c->fees = std::move(d.fees);
  c->materials = std::move(d.materials);
  c->refusals = std::move(d.refusals);
  c->validities = std::move(d.validities);
  c->renewal_windows = std::move(d.renewal_windows);
  c->years_offered = std::move(d.years_offered);
  c->offers = std::move(d.offers);
  c->steps = std::move(d.steps);
  c->reviews = std::move(d.reviews);
  c->order_limits = std::move(d.limits);
  c->function_count = d.function_count;
  compile_offers(*c);
  // Fee codes become small integers so that choosing among dated versions needs no string work.
  std::map<std::string, int, std::less<>> groups;
  for (auto& fee : c->fees) {
    const auto [it, added] = groups.try_emplace(fee.code, static_cast<int>(groups.size()));
    fee.code_group = it->second;
    if (added) c->versioned_fee_codes.push_back(false);
    if (fee.effective) c->versioned_fee_codes[static_cast<std::size_t>(fee.code_group)] = true;
  }
  c->generation = ++g_last_generation;
  return c;
}

}  // namespace

std::string script_sha256(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr) != 1) return "";
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}


namespace {

// `id_from_name`: the region id must be the file name (a live script); otherwise any id will do.
LoadResult load_script(std::string chunk_name, std::string source, const SandboxLimits& limits, bool id_from_name) {
  LoadResult result;
  if (source.starts_with(LUA_SIGNATURE)) {  // said plainly, before Lua's own "attempt to load a binary chunk"
    result.findings.push_back({chunk_name, 1, "precompiled (binary) Lua chunks are refused; give the script as text"});
    return result;
  }
  // Declared before the sandbox: the declaration closures in the state point at it.
  ScriptDeclarations declared;
  declared.file = chunk_name;
  std::unique_ptr<LuaSandbox> sandbox;
  try {
    sandbox = std::make_unique<LuaSandbox>(limits);
  } catch (const std::exception& e) {
    result.findings.push_back({chunk_name, 0, e.what()});
    return result;
  }

  std::optional<Finding> syntax;
  const CallOutcome ran = sandbox->run([&](lua_State* L) -> int {
    LuaSandbox::push_environment(L);
    install_declarations(L, -1, declared);
    const int status = LuaSandbox::load_text(L, chunk_name, source, -1);
    if (status == LUA_ERRSYNTAX) {
      syntax = syntax_finding(chunk_name, lua_tostring(L, -1));
      return 0;
    }
    if (status != LUA_OK) lua_error(L);  // out of memory while compiling: the outcome says so
    lua_call(L, 0, 0);
    declared.closed = true;
    return 0;
  });
  sandbox.reset();  // nothing of the load state is needed again: rule functions run per thread

  if (syntax) {
    result.findings.push_back(*syntax);
    return result;
  }
  if (!ran.ok()) {
    const bool runaway = ran.failure != ScriptFailure::Runtime;
    result.findings.push_back(finding_at(chunk_name, ran.where,
                                         runaway ? ran.message + " while the script's top level ran" : ran.message));
  }
  if (ran.ok()) check_whole_script(declared, id_from_name ? expected_id(chunk_name) : std::string());

  result.findings.insert(result.findings.begin(), declared.findings.begin(), declared.findings.end());
  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.line < b.line; });
  if (!result.findings.empty()) return result;

  result.rules = std::make_shared<const RegionRules>(compile(declared, std::move(source), limits));
  return result;
}

constexpr const char* kRegularOnly = "; region scripts must be regular files in the rules folder (links are not followed)";

// All of `fd`'s bytes, or nullopt with errno set.
std::optional<std::string> read_all(int fd) {
  std::string text;
  char buf[65536];
  for (;;) {
    const ssize_t got = ::read(fd, buf, sizeof buf);
    if (got == 0) return text;
    if (got < 0 && errno != EINTR) return std::nullopt;
    if (got > 0) text.append(buf, static_cast<std::size_t>(got));
  }
}

// The text of `file`, or a finding saying why it cannot be read or is ignored. A live script is
// read only when it is a regular file: a symbolic link could show a clerk a piece of any file the
// server can read (a syntax error quotes the text), and a FIFO or device could block or act when
// opened. lstat says what the entry is without following it; O_NOFOLLOW and fstat close the gap
// if it is swapped for a link in between. `rules diff` reads what the operator named (follow).
std::optional<std::string> read_script(const std::filesystem::path& file, LoadResult& result, bool follow) {
  const std::string name = file.filename().string();
  const auto ignored = [&](const std::string& kind) {
    result.findings.push_back({name, 0, "ignored: " + kind + kRegularOnly});
    return std::nullopt;
  };
  if (std::string kind = not_a_regular_file(file); !follow && !kind.empty()) return ignored(kind);
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
  if (fd < 0 && errno == ELOOP && !follow) return ignored("a symbolic link");
  struct stat st {};
  if (fd >= 0 && ::fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
    ::close(fd);
    return ignored("not a regular file");
  }
  std::optional<std::string> text = fd < 0 ? std::nullopt : read_all(fd);
  const int error = errno;
  if (fd >= 0) ::close(fd);
  if (!text) result.findings.push_back({name, 0, "cannot read " + file.string() + ": " + std::strerror(error)});
  return text;
}

}  // namespace

LoadResult RegionRules::load_text(std::string chunk_name, std::string source, const SandboxLimits& limits) {
  return load_script(std::move(chunk_name), std::move(source), limits, true);
}

LoadResult RegionRules::load_version(const std::filesystem::path& file, const SandboxLimits& limits) {
  LoadResult result;
  auto text = read_script(file, result, true);
  return text ? load_script(file.filename().string(), std::move(*text), limits, false) : result;
}

LoadResult RegionRules::load_file(const std::filesystem::path& file, const SandboxLimits& limits) {
  LoadResult result;
  auto text = read_script(file, result, false);
  return text ? load_script(file.filename().string(), std::move(*text), limits, true) : result;
}

std::vector<Finding> check_file(const std::filesystem::path& file, const SandboxLimits& limits) {
  return RegionRules::load_file(file, limits).findings;
}

}  // namespace cahub::rules
