// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/reconciler.h"

#include "agent/dataplane/linkoperations.h"
#include "agent/system/errors.h"

namespace k3snet::agent {

bool Reconciler::Inspection::converged() const
{
    return readError.empty() && dataplaneProblems.empty() && firewallProblems.empty()
        && cniProblems.empty();
}

std::unique_ptr<Reconciler> Reconciler::create(const model::AgentConfig &config, std::string &why)
{
    auto desired = DesiredState::fromConfig(config, why);
    if (!desired)
        return nullptr;
    std::unique_ptr<Reconciler> r(new Reconciler(config, std::move(*desired)));
    if (std::error_code ec = r->m_socket.open()) {
        why = "cannot open an rtnetlink socket: " + r->m_socket.lastError() + " (" + errorText(ec)
            + ")";
        return nullptr;
    }
    return r;
}

Reconciler::Reconciler(const model::AgentConfig &config, DesiredState desired)
    : m_config(config)
    , m_desired(std::move(desired))
    , m_reader(m_socket)
    , m_applier(m_socket)
    , m_nat(config.cni.firewall)
    , m_cni(config)
{
    m_watch.vxlanName = m_desired.vxlan.name;
    m_watch.bridgeName = m_desired.bridge.name;
    m_watch.underlayName = m_desired.vxlan.underlay;
}

NatSpec Reconciler::natSpec() const
{
    return NatSpec{m_config.clusterCIDR, m_config.podCIDR, m_config.cni.masquerade};
}

void Reconciler::updateWatch(const KernelState &state)
{
    m_watch.vxlan = state.vxlan ? state.vxlan->ifindex : 0;
    m_watch.bridge = state.bridge ? state.bridge->ifindex : 0;
    m_watch.underlay = state.underlay ? state.underlay->ifindex : 0;
}

bool Reconciler::readKernel(KernelState &state, ApplyLog &log)
{
    std::string error;
    if (m_reader.read(m_desired, state, error)) {
        log.failed(error);
        return false;
    }
    updateWatch(state);
    return true;
}

Reconciler::Result Reconciler::reconcile()
{
    Result result;
    ApplyLog &log = result.log;
    KernelState state;
    if (!readKernel(state, log))
        return result;
    DataplaneDiff diff = diffDataplane(m_desired, state);

    if (m_applier.applyLinks(m_desired, diff, state, log)) {
        // A new device has a new ifindex and starts without entries: diff the peers anew.
        if (!readKernel(state, log))
            return result;
        diff = diffDataplane(m_desired, state);
    }
    if (state.vxlan && !diff.vxlan.rebuilds())
        m_applier.applyPeers(m_desired, diff, state.vxlan->ifindex, log);

    m_nat.ensure(natSpec(), log);
    m_cni.ensure(log);

    if (!log.changes.empty() || !log.errors.empty()) {
        KernelState after;
        ApplyLog verifyLog;
        if (readKernel(after, verifyLog))
            result.problems = diffDataplane(m_desired, after).describe(m_desired);
        else
            result.problems = verifyLog.errors;
    } else {
        result.problems = diff.describe(m_desired);
    }
    return result;
}

Reconciler::Inspection Reconciler::inspect(bool withFirewall)
{
    Inspection in;
    std::string error;
    if (m_reader.read(m_desired, in.kernel, error)) {
        in.readError = error;
    } else {
        in.diff = diffDataplane(m_desired, in.kernel);
        in.dataplaneProblems = in.diff.describe(m_desired);
        updateWatch(in.kernel);
    }
    if (withFirewall)
        in.firewallProblems = m_nat.check(natSpec());
    in.cniProblems = m_cni.check();
    return in;
}

void Reconciler::retireObsolete(const model::AgentConfig &previous, ApplyLog &log)
{
    LinkOperations links(m_socket);
    auto retireLink
        = [&](const std::string &oldName, const std::string &newName, const char *kind) {
              if (oldName == newName || oldName.empty())
                  return;
              std::optional<LinkState> link;
              std::string error;
              if (m_reader.readLink(oldName, link, error) || !link || link->kind != kind)
                  return;
              if (links.remove(link->ifindex))
                  log.failed("deleting " + oldName
                      + ", which the previous config named, failed: " + m_socket.lastError());
              else
                  log.changed("deleted " + oldName + ": the config now names " + newName);
          };
    retireLink(previous.vxlan.device, m_config.vxlan.device, "vxlan");
    retireLink(previous.bridge, m_config.bridge, "bridge");

    const CniFiles old(previous);
    const bool conflistMoved = old.conflistPath() != m_cni.conflistPath();
    const bool subnetEnvMoved = old.subnetEnvPath() != m_cni.subnetEnvPath();
    if (conflistMoved || subnetEnvMoved)
        old.remove(log, conflistMoved, subnetEnvMoved);
    if (previous.cni.firewall != m_config.cni.firewall)
        m_nat.removeFromOther(log);
}

} // namespace k3snet::agent
