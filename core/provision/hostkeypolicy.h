// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace k3snet::provision {

// What one known_hosts file says about the key a server presented (libssh's
// ssh_session_is_known_server, one file at a time).
enum class KnownHostState {
    Match,      // the file has this key for the host
    Changed,    // the file has another key of the same type for the host
    OtherType,  // the file has a key of another type for the host only
    NotFound,   // the file does not name the host
    NoFile,     // there is no such file (yet)
    Error,      // the file could not be read
};

// What the provisioner does with a host key, as OpenSSH with StrictHostKeyChecking=ask
// (or accept-new, when the user asked for it) would.
enum class HostKeyVerdict {
    Trusted,         // a file has exactly this key: go on
    Ask,             // unknown host: ask the user (fingerprint) before going on
    AcceptNew,       // unknown host and --accept-new: record it in k3snet's file, go on
    RefuseUnknown,   // unknown host, nobody to ask and no --accept-new
    RefuseChanged,   // a known host shows another key: stop before authenticating
    RefuseOtherType, // known with a key of another type only: as OpenSSH, refuse
    Error,           // a known_hosts file cannot be read: refuse rather than guess
};

// The verdict from the user's ~/.ssh/known_hosts and k3snet's own file. A match in either
// wins (the other may be stale); otherwise a changed key anywhere refuses, loudly.
HostKeyVerdict decideHostKey(KnownHostState userFile, KnownHostState ownFile, bool acceptNew,
    bool canAsk);

// k3snet's own known_hosts file: $K3SNET_KNOWN_HOSTS if set, else
// $XDG_DATA_HOME/k3snet/known_hosts (~/.local/share/k3snet/known_hosts).
QString ownKnownHostsFile();
// The user's OpenSSH file: $HOME/.ssh/known_hosts. k3snet reads it and never writes it.
QString userKnownHostsFile();

} // namespace k3snet::provision
