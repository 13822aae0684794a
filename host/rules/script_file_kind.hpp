#pragma once
// What kind of entry a rules-folder file is, without following a symbolic link: only regular
// files are region scripts (see read_script in region_script_loader.cpp and the folder watcher).

#include <filesystem>
#include <string>

namespace cahub::rules {

// "" for a regular file (or one that cannot be looked at: opening it then says why); otherwise
// what it is, for a finding: "a symbolic link", "a folder", "a FIFO", "a socket", "a device".
std::string not_a_regular_file(const std::filesystem::path& file);

}  // namespace cahub::rules
