// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/dataplane/applylog.h"
#include "domain/model/agentconfig.h"

#include <string>
#include <vector>

namespace k3snet::agent {

// The two files the node's container runtime and CNI plugins read (flannel-k3s.md §3, §7):
// <cni.confDir>/10-k3snet.conflist, the bridge + host-local chain k3s's flannel template
// produces, and <cni.subnetEnv> in flannel's format (for tools that expect flannel). Both
// are written atomically, and only when their content changes.
class CniFiles
{
public:
    static constexpr const char *conflistName = "10-k3snet.conflist";

    explicit CniFiles(const model::AgentConfig &config);

    std::string conflistPath() const;
    const std::string &subnetEnvPath() const { return m_config.cni.subnetEnv; }
    std::string conflist() const;
    std::string subnetEnv() const;

    void ensure(ApplyLog &log) const;
    // One line per file that is missing or differs.
    std::vector<std::string> check() const;
    // Removes the files (both for uninstall); a missing file is not an error.
    bool remove(ApplyLog &log, bool conflist = true, bool subnetEnv = true) const;

private:
    bool ensureFile(const std::string &path, const std::string &content, ApplyLog &log) const;
    model::AgentConfig m_config;
};

} // namespace k3snet::agent
