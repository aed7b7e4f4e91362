// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace k3snet::agent {

// The cluster key that authenticates heartbeats: the file's bytes without trailing whitespace,
// at least minKeyBytes of them, from a regular file that only its owner can read (mode 0600 or
// stricter). Throws std::runtime_error with a message that names the file, the problem and
// the fix.
inline constexpr std::size_t minClusterKeyBytes = 32;
std::string loadClusterKey(const std::string &path);

} // namespace k3snet::agent
