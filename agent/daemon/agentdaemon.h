// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/announce/announcesettings.h"
#include "agent/announce/speaker.h"
#include "agent/daemon/reconciler.h"
#include "agent/dataplane/netlinkmonitor.h"
#include "agent/status/agentstatus.h"
#include "agent/system/eventloop.h"
#include "agent/system/filewatcher.h"
#include "agent/system/signalwatcher.h"
#include "agent/system/timer.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace k3snet::agent {

// `k3snet-agent run`: converges the node on start and keeps it converged, in one epoll loop
// over the rtnetlink event socket, a periodic timer (reconcileIntervalSeconds), a one-shot
// timer that coalesces bursts of events into one reconcile, a signalfd (SIGHUP reloads,
// SIGTERM/SIGINT exit and leave the data plane in place) and inotify on the config file's
// directory (reload on change). A reload whose config fails validation is refused and the
// running state stays. The status file is rewritten after every reconcile.
//
// The same loop runs the L2 announcement of the config's service IPs: the heartbeat
// membership's eventfd (its heartbeats run in a thread of their own) and the speaker's packet
// sockets and timer. When the membership cannot start (no or bad cluster key, port taken) the
// data plane still runs and the status says why nothing is announced. SIGTERM first stops the
// answering and says goodbye to the peers, so that the next node takes over at once.
class AgentDaemon
{
public:
    // announceOverrides: the `run` options for the speaker's timing, laid (with the
    // environment variables) over the config's `announce` section on start and on each reload.
    AgentDaemon(std::string configPath, std::unique_ptr<Reconciler> reconciler,
        AnnounceSettings::Given announceOverrides = {});
    ~AgentDaemon();
    // Returns the process exit code.
    int run();

private:
    void onNetlink();
    void onPeriodic();
    void onSoon();
    void onSignals();
    void onConfigFile();
    void onReloadDue();
    void onMembership();
    void onStatusDue();

    // Starts, reconfigures or retries the membership for the current config and hands the
    // result to the speaker.
    void updateAnnouncement(bool configChanged);
    void stopMembership();
    void scheduleStatus();

    void requestReconcile(const std::string &trigger, std::chrono::milliseconds delay);
    void reconcile(const std::string &trigger);
    void reload(const std::string &why);
    void refreshIdentity();
    void writeStatus();
    void recordError(const std::string &message);
    std::chrono::milliseconds eventDelay() const;

    // The speaker's timing for the current config (the overrides over its `announce`).
    AnnounceSettings announceSettings() const;

    std::string m_configPath;
    std::unique_ptr<Reconciler> m_reconciler;
    AnnounceSettings::Given m_announceOverrides;
    EventLoop m_loop;
    NetlinkMonitor m_monitor;
    Timer m_periodic;
    Timer m_soon;
    Timer m_reloadTimer;
    SignalWatcher m_signals;
    FileWatcher m_configWatch;
    Timer m_statusSoon; // coalesces status writes after announcement changes
    Timer m_statusRefresh; // keeps the membership figures in the status file fresh
    std::unique_ptr<Membership> m_membership;
    std::string m_membershipError;
    Speaker m_speaker;
    AgentStatus m_status;
    std::string m_pendingTrigger;
    std::chrono::milliseconds m_retryDelay{0};
    int m_busyStreak = 0;
    std::vector<std::string> m_lastProblems;
    std::string m_lastStatusError;
};

} // namespace k3snet::agent
