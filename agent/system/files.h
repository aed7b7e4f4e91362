// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <system_error>

namespace k3snet::agent {

// The content of a small file, or nullopt when it cannot be read or exceeds maxBytes.
std::optional<std::string> readSmallFile(const std::string &path, std::size_t maxBytes = 1 << 20);

// mkdir -p of the directory path lives in (mode 0755, as /etc/cni/net.d and /run/flannel).
std::error_code makeParentDirs(const std::string &path);

// Writes a file atomically (domain/io/atomicfile.h) after creating its directory; nullopt on
// success, else a message naming the path and the reason.
std::optional<std::string> writeFileCreatingDirs(
    const std::string &path, const std::string &content);

} // namespace k3snet::agent
