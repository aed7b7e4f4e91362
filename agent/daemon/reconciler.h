// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/cni/cnifiles.h"
#include "agent/dataplane/applylog.h"
#include "agent/dataplane/dataplaneapplier.h"
#include "agent/dataplane/dataplanediff.h"
#include "agent/dataplane/desiredstate.h"
#include "agent/dataplane/kernelreader.h"
#include "agent/dataplane/netlinkmonitor.h"
#include "agent/dataplane/netlinksocket.h"
#include "agent/firewall/natmanager.h"
#include "domain/model/agentconfig.h"

#include <memory>
#include <string>
#include <system_error>
#include <vector>

namespace k3snet::agent {

// Converges one node to its AgentConfig: reads the kernel, diffs, applies only the
// differences (data plane, NAT rules, CNI files), and says what is still wrong. Also the
// read-only inspection behind `status`, so that both always judge the same way.
class Reconciler
{
public:
    struct Result
    {
        ApplyLog log;
        std::vector<std::string> problems; // what still differs afterwards (blockers included)
        bool ok() const { return log.errors.empty() && problems.empty(); }
    };

    struct Inspection
    {
        std::string readError; // the kernel could not be read
        KernelState kernel;
        DataplaneDiff diff;
        std::vector<std::string> dataplaneProblems;
        std::vector<std::string> firewallProblems;
        std::vector<std::string> cniProblems;
        bool converged() const;
    };

    // The config must be valid; a config the data plane cannot build fails (why says why).
    static std::unique_ptr<Reconciler> create(const model::AgentConfig &config, std::string &why);

    const model::AgentConfig &config() const { return m_config; }
    const DesiredState &desired() const { return m_desired; }
    NatSpec natSpec() const;
    NatManager &nat() { return m_nat; }
    const CniFiles &cniFiles() const { return m_cni; }

    Result reconcile();
    Inspection inspect(bool withFirewall);
    // The objects the event monitor should watch, from the last read.
    NetlinkMonitor::Watch watch() const { return m_watch; }

    // Removes what an earlier config created and this one no longer names (a renamed device
    // or bridge, moved CNI files, the other firewall backend).
    void retireObsolete(const model::AgentConfig &previous, ApplyLog &log);

private:
    Reconciler(const model::AgentConfig &config, DesiredState desired);
    bool readKernel(KernelState &state, ApplyLog &log);
    void updateWatch(const KernelState &state);

    model::AgentConfig m_config;
    DesiredState m_desired;
    NetlinkSocket m_socket;
    KernelReader m_reader;
    DataplaneApplier m_applier;
    NatManager m_nat;
    CniFiles m_cni;
    NetlinkMonitor::Watch m_watch;
};

} // namespace k3snet::agent
