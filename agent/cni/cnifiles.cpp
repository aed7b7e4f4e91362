// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/cni/cnifiles.h"

#include "agent/system/errors.h"
#include "agent/system/files.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <sstream>

#include <unistd.h>

namespace k3snet::agent {

CniFiles::CniFiles(const model::AgentConfig &config)
    : m_config(config)
{
}

std::string CniFiles::conflistPath() const
{
    std::string dir = m_config.cni.confDir;
    while (dir.size() > 1 && dir.back() == '/')
        dir.pop_back();
    return dir + "/" + conflistName;
}

std::string CniFiles::conflist() const
{
    using json = nlohmann::ordered_json;
    // What k3s's flannel template yields once flannel-cni has filled in the delegate:
    // ipMasq false because the node's own NAT rules masquerade (FLANNEL_IPMASQ=true).
    json bridge = {
        {"type", "bridge"},
        {"bridge", m_config.bridge},
        {"isGateway", true},
        {"isDefaultGateway", true},
        {"hairpinMode", true},
        {"forceAddress", true},
        {"ipMasq", false},
        {"mtu", m_config.vxlan.mtu},
        {"ipam",
            {
                {"type", "host-local"},
                {"ranges", json::array({json::array({{{"subnet", m_config.podCIDR.toString()}}})})},
                {"routes", json::array({{{"dst", m_config.clusterCIDR.toString()}}})},
            }},
    };
    json doc = {
        {"name", "cbr0"},
        {"cniVersion", "1.0.0"},
        {"plugins",
            json::array({
                bridge,
                {{"type", "portmap"}, {"capabilities", {{"portMappings", true}}}},
                {{"type", "bandwidth"}, {"capabilities", {{"bandwidth", true}}}},
            })},
    };
    return doc.dump(2) + "\n";
}

std::string CniFiles::subnetEnv() const
{
    const net::Prefix &pod = m_config.podCIDR;
    std::ostringstream out;
    out << "FLANNEL_NETWORK=" << m_config.clusterCIDR.toString() << "\n"
        << "FLANNEL_SUBNET=" << pod.network().next()->toString() << "/" << pod.length() << "\n"
        << "FLANNEL_MTU=" << m_config.vxlan.mtu << "\n"
        << "FLANNEL_IPMASQ=" << (m_config.cni.masquerade ? "true" : "false") << "\n";
    return out.str();
}

bool CniFiles::ensureFile(const std::string &path, const std::string &content, ApplyLog &log) const
{
    const auto existing = readSmallFile(path);
    if (existing && *existing == content)
        return true;
    if (const auto error = writeFileCreatingDirs(path, content)) {
        log.failed("writing " + path + " failed: " + *error);
        return false;
    }
    log.changed(std::string(existing ? "rewrote " : "wrote ") + path);
    return true;
}

void CniFiles::ensure(ApplyLog &log) const
{
    ensureFile(conflistPath(), conflist(), log);
    ensureFile(subnetEnvPath(), subnetEnv(), log);
}

std::vector<std::string> CniFiles::check() const
{
    std::vector<std::string> problems;
    for (const auto &[path, content] :
        {std::pair{conflistPath(), conflist()}, std::pair{subnetEnvPath(), subnetEnv()}}) {
        const auto existing = readSmallFile(path);
        if (!existing)
            problems.push_back(path + " is missing");
        else if (*existing != content)
            problems.push_back(path + " differs from the wanted content");
    }
    return problems;
}

bool CniFiles::remove(ApplyLog &log, bool conflist, bool subnetEnv) const
{
    bool ok = true;
    std::vector<std::string> paths;
    if (conflist)
        paths.push_back(conflistPath());
    if (subnetEnv)
        paths.push_back(subnetEnvPath());
    for (const std::string &path : paths) {
        if (::unlink(path.c_str()) == 0) {
            log.changed("removed " + path);
        } else if (errno != ENOENT) {
            log.failed("removing " + path + " failed: " + errnoText(errno));
            ok = false;
        }
    }
    return ok;
}

} // namespace k3snet::agent
