#include "plugins/plugin_file_trust.hpp"

#include <pwd.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace cahub::plugins {
namespace fs = std::filesystem;

namespace {

// How strictly one path on the way is judged.
enum class Role {
  File,              // the plugin's real file
  Folder,            // the plugins folder, a folder below it, or the real file's own folder
  Ancestor,          // a folder above those: a root-owned sticky folder (/tmp) is fine here
};

struct Checked {
  fs::path path;
  Role role;
};

std::string mode_text(mode_t mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
  return buf;
}

// "user 1001 (alice)", or "user 1001" when it has no name.
std::string user_text(uid_t uid) {
  std::string out = "user " + std::to_string(uid);
  struct passwd pw {};
  struct passwd* found = nullptr;
  std::vector<char> buf(16384);
  if (::getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) == 0 && found && found->pw_name)
    out += std::string(" (") + found->pw_name + ")";
  return out;
}

std::string check(const Checked& c, uid_t server_uid) {
  const std::string what = (c.role == Role::File ? "file " : "folder ") + c.path.string();
  struct stat st {};
  if (::stat(c.path.c_str(), &st) != 0) return "cannot inspect " + what + ": " + std::strerror(errno);
  if (st.st_uid != 0 && st.st_uid != server_uid)
    return what + " is owned by " + user_text(st.st_uid) + ", not by root or cahub's " + user_text(server_uid);
  const bool sticky_root_folder = S_ISDIR(st.st_mode) && (st.st_mode & S_ISVTX) && st.st_uid == 0;
  if (c.role == Role::Ancestor && sticky_root_folder) return {};
  if (st.st_mode & S_IWOTH) return what + " is world-writable (mode " + mode_text(st.st_mode) + ")";
  if (st.st_mode & S_IWGRP) return what + " is group-writable (mode " + mode_text(st.st_mode) + ")";
  return {};
}

// `inner` is `top` or lies below it.
bool within(const fs::path& inner, const fs::path& top) {
  return std::mismatch(top.begin(), top.end(), inner.begin(), inner.end()).first == top.end();
}

// `path` and every folder above it up to the root, nearest first.
std::vector<fs::path> chain_of(const fs::path& path) {
  std::vector<fs::path> out{path};
  for (fs::path at = path; at.has_relative_path();) {
    at = at.parent_path();
    out.push_back(at);
  }
  return out;
}

}  // namespace

std::string untrusted_plugin_path(const fs::path& file, const fs::path& folder, uid_t server_uid) {
  std::error_code ec;
  const fs::path real_file = fs::canonical(file, ec);
  if (ec) return "cannot resolve file " + file.string() + ": " + ec.message();
  const fs::path real_folder = fs::canonical(folder, ec);
  if (ec) return "cannot resolve folder " + folder.string() + ": " + ec.message();

  // From the file upwards, then the plugins folder's chain, so the reason names the nearest problem.
  std::vector<fs::path> paths = chain_of(real_file);
  for (const fs::path& p : chain_of(real_folder))
    if (std::find(paths.begin(), paths.end(), p) == paths.end()) paths.push_back(p);
  for (const fs::path& p : paths) {
    const Role role = p == real_file ? Role::File
                      : p == real_file.parent_path() || within(p, real_folder) ? Role::Folder
                                                                               : Role::Ancestor;
    if (std::string why = check({p, role}, server_uid); !why.empty()) return why;
  }
  return {};
}

}  // namespace cahub::plugins
