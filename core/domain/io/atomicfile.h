// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace k3snet::io {

// Replaces the file at path with bytes so that, even on a crash or power loss, the file holds
// either its old or its new content, never a mix: the bytes go to a temporary file in the same
// directory, which is synced and renamed over path, then the directory is synced. An existing
// file keeps its permission bits (and its owner, where allowed); a symbolic link at path is
// followed, so the file it points to is replaced. On failure the temporary file is removed,
// the original is left untouched, and the returned message names the path and the OS reason.
std::optional<std::string> writeFileAtomically(const std::string &path, std::string_view bytes);

} // namespace k3snet::io
