#pragma once
// Whether a plugin file may be loaded at all: asked before dlopen, because a library's
// constructors run as cahub's user the moment it is loaded, before any descriptor is read.
//
// The rule (sshd's StrictModes, applied to code): the plugin file, the plugins folder and every
// folder between them and the root must be owned by root or by cahub's own user, and writable by
// no one else. A file or folder that another user can write lets that user replace what cahub
// runs. The one exception is a folder *above* the plugins folder that is world-writable with the
// sticky bit and owned by root (/tmp): there other users may add entries but cannot rename or
// remove ours. The plugins folder and the folder holding the real file never get that exception,
// since other users could drop a library of their own into it.
//
// Symbolic links are resolved: the rule applies to the real file and its real folders (what
// dlopen will read), and to the plugins folder's own chain (where the link could be replaced).
//
// Because everything checked is writable only by trusted users, nothing can change between this
// check and dlopen except by those users.

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace cahub::plugins {

// Why `file`, listed in the plugins folder `folder`, must not be loaded by a host running as
// `server_uid`, e.g. "folder /srv/plugins is world-writable (mode 0777)"; "" when it may be.
// `server_uid` is the effective uid in the host; tests pass another to play a second user.
std::string untrusted_plugin_path(const std::filesystem::path& file, const std::filesystem::path& folder,
                                  uid_t server_uid);

}  // namespace cahub::plugins
