// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/system/uniquefd.h"

#include <string>
#include <system_error>

namespace k3snet::agent {

// Watches one file through inotify on its directory, so that every way of replacing it is
// seen: written in place, renamed over (how atomic writers and the provisioner push it),
// deleted and created again.
class FileWatcher
{
public:
    std::error_code open(const std::string &path);
    int fd() const { return m_fd.get(); }
    const std::string &path() const { return m_path; }
    // Drains pending events; true when one of them concerned the file.
    bool takeChanged();

private:
    UniqueFd m_fd;
    std::string m_path;
    std::string m_name;
};

} // namespace k3snet::agent
