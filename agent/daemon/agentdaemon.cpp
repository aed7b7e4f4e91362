// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/agentdaemon.h"

#include "agent/membership/membership.h"
#include "agent/status/agentliveness.h"
#include "agent/system/clock.h"
#include "agent/system/errors.h"
#include "agent/system/files.h"
#include "agent/system/log.h"
#include "domain/io/agentconfig.h"
#include "k3snet_version.h"

#include <algorithm>
#include <csignal>

#include <malloc.h>
#include <unistd.h>

namespace k3snet::agent {

namespace {

using namespace std::chrono_literals;

// How long a relevant netlink event waits before the reconcile it triggers: long enough to
// gather a burst (a device deletion brings dozens of events), short enough that something
// deleted from outside is back well within a second.
constexpr std::chrono::milliseconds coalesceDelay = 50ms;
constexpr std::chrono::milliseconds reloadDelay = 100ms;
// After this many event-triggered reconciles in a row that each changed something, something
// fights the agent; back off instead of spinning with it.
constexpr int busyStreakLimit = 10;
// An announcement change reaches the status file this soon (changes in a burst, one write).
constexpr std::chrono::milliseconds statusDelay = 20ms;
// Heartbeat figures (last heard, losses) in the status file are at most this old.
constexpr std::chrono::milliseconds statusRefreshInterval = 2000ms;

std::chrono::milliseconds intervalOf(const model::AgentConfig &c)
{
    return std::chrono::seconds(std::max(1, c.reconcileIntervalSeconds));
}

} // namespace

AgentDaemon::AgentDaemon(std::string configPath, std::unique_ptr<Reconciler> reconciler,
    AnnounceSettings::Given announceOverrides)
    : m_configPath(std::move(configPath))
    , m_reconciler(std::move(reconciler))
    , m_announceOverrides(std::move(announceOverrides))
    , m_speaker(m_loop, announceSettings())
{
    m_status.version = K3SNET_VERSION_STRING;
    const AgentLiveness::Identity self = AgentLiveness::self();
    m_status.pid = self.pid;
    m_status.pidNamespace = self.pidNamespace;
    m_status.processStart = self.startTicks;
    m_status.startedAt = isoTimeNow();
    m_status.configFile = m_configPath;
    m_status.configLoadedAt = m_status.startedAt;
    refreshIdentity();
}

AgentDaemon::~AgentDaemon()
{
    stopMembership();
}

AnnounceSettings AgentDaemon::announceSettings() const
{
    const model::AgentConfig::Announce &config = m_reconciler->config().announce;
    std::string why;
    if (auto merged = AnnounceSettings::from(m_announceOverrides, config, why))
        return *merged;
    // `run` checked the overrides before starting, and they do not change while it runs.
    log::error("ignoring the speaker timing overrides: " + why);
    return AnnounceSettings::fromConfig(config);
}

void AgentDaemon::refreshIdentity()
{
    const model::AgentConfig &c = m_reconciler->config();
    m_status.node = c.node.name;
    m_status.device = c.vxlan.device;
    m_status.bridge = c.bridge;
    m_status.peers.clear();
    for (const auto &p : c.peers)
        m_status.peers.push_back({p.name, p.lanIP.toString(), p.podCIDR.toString(), p.vtepMAC});
}

int AgentDaemon::run()
{
    auto fatal = [](const std::string &what, std::error_code ec) {
        log::error(what + ": " + errorText(ec));
        return 1;
    };
    if (auto ec = m_loop.open())
        return fatal("cannot create the event loop (epoll)", ec);
    // The event socket is open before the first read, so no change can slip in between.
    if (auto ec = m_monitor.open())
        return fatal("cannot open the rtnetlink event socket", ec);
    if (auto ec = m_signals.open({SIGTERM, SIGINT, SIGHUP}))
        return fatal("cannot watch signals (signalfd)", ec);
    for (Timer *t : {&m_periodic, &m_soon, &m_reloadTimer, &m_statusSoon, &m_statusRefresh}) {
        if (auto ec = t->open())
            return fatal("cannot create a timer (timerfd)", ec);
    }
    m_loop.add(m_monitor.fd(), [this](std::uint32_t) { onNetlink(); });
    m_loop.add(m_periodic.fd(), [this](std::uint32_t) { onPeriodic(); });
    m_loop.add(m_soon.fd(), [this](std::uint32_t) { onSoon(); });
    m_loop.add(m_reloadTimer.fd(), [this](std::uint32_t) { onReloadDue(); });
    m_loop.add(m_signals.fd(), [this](std::uint32_t) { onSignals(); });
    m_loop.add(m_statusSoon.fd(), [this](std::uint32_t) { onStatusDue(); });
    m_loop.add(m_statusRefresh.fd(), [this](std::uint32_t) {
        m_statusRefresh.acknowledge();
        if (m_membership)
            writeStatus();
    });
    if (auto ec = m_speaker.open())
        return fatal("cannot create the L2 speaker's timer (timerfd)", ec);
    m_speaker.setChangeHandler([this] { scheduleStatus(); });
    if (auto ec = m_configWatch.open(m_configPath))
        log::warning("cannot watch " + m_configPath + " for changes (" + errorText(ec)
            + "); reload with SIGHUP");
    else
        m_loop.add(m_configWatch.fd(), [this](std::uint32_t) { onConfigFile(); });

    const model::AgentConfig &c = m_reconciler->config();
    log::info(std::string("k3snet-agent ") + K3SNET_VERSION_STRING + " starting: node "
        + c.node.name + ", config " + m_configPath + ", "
        + std::to_string(m_reconciler->desired().peers.size()) + " peers, device " + c.vxlan.device
        + ", bridge " + c.bridge);
    if (!c.serviceIPs.empty())
        log::info("L2 speaker timing: " + m_speaker.settings().describe());
    {
        ApplyLog startup;
        m_reconciler->nat().removeFromOther(startup);
    }
    m_periodic.startPeriodic(intervalOf(c));
    updateAnnouncement(true);
    m_statusRefresh.startPeriodic(statusRefreshInterval);
    reconcile("startup");

    if (auto ec = m_loop.run())
        return fatal("the event loop failed (epoll_wait)", ec);
    return 0;
}

void AgentDaemon::onNetlink()
{
    const NetlinkMonitor::Events events = m_monitor.drain();
    if (events.overflow) {
        log::warning("netlink event socket overflowed (ENOBUFS): events were lost, reading "
                     "everything again");
        requestReconcile("netlink overflow", coalesceDelay);
    }
    if (events.relevant)
        requestReconcile("netlink: " + events.first, eventDelay());
}

void AgentDaemon::onPeriodic()
{
    m_periodic.acknowledge();
    if (!m_membership)
        updateAnnouncement(false); // the cluster key may have arrived since
    reconcile("timer");
}

void AgentDaemon::onSoon()
{
    m_soon.acknowledge();
    const std::string trigger = m_pendingTrigger.empty() ? std::string("event") : m_pendingTrigger;
    m_pendingTrigger.clear();
    reconcile(trigger);
}

void AgentDaemon::onSignals()
{
    for (int sig : m_signals.take()) {
        if (sig == SIGHUP) {
            reload("SIGHUP");
        } else {
            log::info(std::string("received ") + (sig == SIGTERM ? "SIGTERM" : "SIGINT")
                + ": exiting; the data plane stays in place");
            // Silent first, then the goodbye: when a peer takes over, this node no longer
            // answers.
            m_speaker.shutdown();
            if (m_membership)
                m_membership->goodbye();
            writeStatus();
            m_loop.stop();
            return;
        }
    }
}

void AgentDaemon::onConfigFile()
{
    if (m_configWatch.takeChanged())
        m_reloadTimer.fireWithin(reloadDelay); // editors and atomic writers touch it twice
}

void AgentDaemon::onReloadDue()
{
    m_reloadTimer.acknowledge();
    reload("config file changed");
}

std::chrono::milliseconds AgentDaemon::eventDelay() const
{
    if (m_busyStreak < busyStreakLimit)
        return coalesceDelay;
    const int doublings = std::min(m_busyStreak - busyStreakLimit, 7);
    return std::min(coalesceDelay * (1 << doublings), std::chrono::milliseconds(5000));
}

void AgentDaemon::requestReconcile(const std::string &trigger, std::chrono::milliseconds delay)
{
    if (m_pendingTrigger.empty())
        m_pendingTrigger = trigger;
    m_soon.fireWithin(delay);
}

void AgentDaemon::recordError(const std::string &message)
{
    m_status.addError(isoTimeNow(), message);
}

void AgentDaemon::reconcile(const std::string &trigger)
{
    const auto start = std::chrono::steady_clock::now();
    const std::string time = isoTimeNow();
    Reconciler::Result result = m_reconciler->reconcile();
    m_monitor.setWatch(m_reconciler->watch());
    const auto elapsed = std::chrono::steady_clock::now() - start;
    const long ms = long(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count());

    // Each change and error was logged as it happened; here only what the sequence means.
    if (!result.log.changes.empty())
        log::info("reconcile (" + trigger + "): " + std::to_string(result.log.changes.size())
            + " changes, " + std::to_string(result.log.errors.size()) + " errors, "
            + std::to_string(ms) + " ms");
    if (result.problems != m_lastProblems) {
        for (const std::string &p : result.problems) {
            if (std::find(m_lastProblems.begin(), m_lastProblems.end(), p) == m_lastProblems.end())
                log::warning("not converged: " + p);
        }
        if (result.problems.empty() && result.log.errors.empty())
            log::info(
                "converged: " + std::to_string(m_reconciler->desired().peers.size()) + " peers");
        m_lastProblems = result.problems;
    } else if (result.ok()
        && (!result.log.changes.empty() || trigger == "startup" || trigger == "reload")) {
        log::info("converged: " + std::to_string(m_reconciler->desired().peers.size()) + " peers"
            + (result.log.changes.empty() ? " (nothing to change)" : ""));
    }

    AgentStatus::Reconcile r;
    r.time = time;
    r.trigger = trigger;
    r.ok = result.ok();
    r.durationMs = ms;
    r.changes = result.log.changes;
    r.errors = result.log.errors;
    r.problems = result.problems;
    m_status.lastReconcile = std::move(r);
    ++m_status.reconciles;
    for (const std::string &e : result.log.errors)
        recordError(e);
    if (result.ok())
        m_status.lastConvergedAt = time;
    // A netlink event may concern an interface the speaker answers on.
    m_speaker.rescanInterfaces();
    if (FirewallBackend *b = m_reconciler->nat().backend()) {
        m_status.firewallBackend = b->name();
        if (!result.log.changes.empty() || m_status.firewallListing.empty())
            m_status.firewallListing = b->listing();
    }

    const bool eventTriggered = trigger.rfind("netlink", 0) == 0;
    m_busyStreak
        = result.log.changes.empty() ? 0 : (eventTriggered ? m_busyStreak + 1 : m_busyStreak);
    if (!result.ok()) {
        // Retry sooner than the timer: 1 s, doubling up to the reconcile interval.
        const auto interval = intervalOf(m_reconciler->config());
        m_retryDelay
            = std::min(std::max(std::chrono::milliseconds(1000), m_retryDelay * 2), interval);
        requestReconcile("retry after failure", m_retryDelay);
    } else {
        m_retryDelay = std::chrono::milliseconds(0);
    }
    writeStatus();
    // Give back what the reconcile's transient buffers (dumps, tool output) took.
    ::malloc_trim(0);
}

void AgentDaemon::reload(const std::string &why)
{
    log::info("reloading " + m_configPath + " (" + why + ")");
    const io::AgentConfigLoad load = io::loadAgentConfigFile(m_configPath);
    for (const rules::Diagnostic &d : load.diagnostics) {
        if (d.severity == rules::Severity::Error)
            log::error(d.toString());
        else
            log::warning(d.toString());
    }
    if (!load.config) {
        const std::string message = "reload refused: " + m_configPath
            + " does not pass validation; the agent keeps running with the previous config";
        log::error(message);
        recordError(message);
        writeStatus();
        return;
    }
    if (*load.config == m_reconciler->config()) {
        // A file event with the same content needs nothing; SIGHUP also asks for a resync now.
        if (why == "SIGHUP") {
            log::info("config unchanged; reconciling");
            updateAnnouncement(false);
            reconcile("SIGHUP");
        } else {
            log::info("config unchanged");
        }
        return;
    }
    std::string problem;
    std::unique_ptr<Reconciler> next = Reconciler::create(*load.config, problem);
    if (!next) {
        const std::string message
            = "reload refused: " + problem + "; the agent keeps running with the previous config";
        log::error(message);
        recordError(message);
        writeStatus();
        return;
    }
    const model::AgentConfig previous = m_reconciler->config();
    m_reconciler = std::move(next);
    const model::AgentConfig &now = m_reconciler->config();
    log::info(
        "config reloaded: " + std::to_string(m_reconciler->desired().peers.size()) + " peers");
    ApplyLog retired;
    m_reconciler->retireObsolete(previous, retired);
    for (const std::string &e : retired.errors)
        recordError(e);
    if (now.reconcileIntervalSeconds != previous.reconcileIntervalSeconds)
        m_periodic.startPeriodic(intervalOf(now));
    if (now.statusFile != previous.statusFile)
        ::unlink(previous.statusFile.c_str());
    m_status.configLoadedAt = isoTimeNow();
    m_status.firewallListing.clear();
    refreshIdentity();
    m_lastProblems.clear();
    updateAnnouncement(true);
    reconcile("reload");
}

void AgentDaemon::stopMembership()
{
    if (!m_membership)
        return;
    m_loop.remove(m_membership->eventFd());
    m_speaker.setMembership(nullptr, "membership stopped");
    m_membership.reset();
}

void AgentDaemon::updateAnnouncement(bool configChanged)
{
    const model::AgentConfig &c = m_reconciler->config();
    if (configChanged) {
        // New timing applies from the next deadline the speaker sets (the next gratuitous ARP,
        // probe or recheck); what is already scheduled keeps its time.
        const AnnounceSettings settings = announceSettings();
        if (settings != m_speaker.settings()) {
            log::info("L2 speaker timing: " + settings.describe());
            m_speaker.setSettings(settings);
        }
        m_speaker.configure(c);
    }
    if (c.serviceIPs.empty()) {
        // Nothing to announce: no heartbeats either (and no need for a cluster key).
        if (m_membership)
            log::info("no service IPs in the config: heartbeats stopped");
        stopMembership();
        m_membershipError.clear();
        m_speaker.setMembership(nullptr, {});
        return;
    }
    if (m_membership) {
        if (!configChanged)
            return;
        try {
            m_membership->reconfigure(c);
            m_membershipError.clear();
        } catch (const std::exception &e) {
            // The membership keeps running as it was (reconfigure changes nothing on failure).
            m_membershipError
                = std::string("the new membership settings were refused: ") + e.what();
            log::error(m_membershipError);
            recordError(m_membershipError);
        }
        m_speaker.setMembership(m_membership.get(), m_membershipError);
        return;
    }
    try {
        auto membership = std::make_unique<Membership>(c);
        membership->start();
        if (const auto ec
            = m_loop.add(membership->eventFd(), [this](std::uint32_t) { onMembership(); }))
            throw std::runtime_error("cannot watch the membership's eventfd: " + errorText(ec));
        m_membership = std::move(membership);
        if (!m_membershipError.empty())
            log::info("heartbeat membership started after all");
        m_membershipError.clear();
        log::info("L2 announcement of " + std::to_string(c.serviceIPs.size())
            + " service IPs: heartbeats every " + std::to_string(c.membership.intervalMs)
            + " ms on UDP port " + std::to_string(c.membership.port) + ", a peer is dead after "
            + std::to_string(c.membership.misses) + " missed");
    } catch (const std::exception &e) {
        const std::string message
            = std::string("L2 announcement is off (the data plane runs): ") + e.what();
        if (message != m_membershipError) {
            log::error(message);
            recordError(message);
        }
        m_membershipError = message;
        m_speaker.setMembership(nullptr, e.what());
        scheduleStatus();
        return;
    }
    m_speaker.setMembership(m_membership.get(), {});
    scheduleStatus();
}

void AgentDaemon::onMembership()
{
    m_membership->drainEvents();
    m_speaker.onMembershipEvent();
    scheduleStatus();
}

void AgentDaemon::scheduleStatus()
{
    m_statusSoon.fireWithin(statusDelay);
}

void AgentDaemon::onStatusDue()
{
    m_statusSoon.acknowledge();
    writeStatus();
}

void AgentDaemon::writeStatus()
{
    const std::string &path = m_reconciler->config().statusFile;
    if (path.empty())
        return;
    m_status.announce = m_speaker.status();
    if (const auto error = writeFileCreatingDirs(path, m_status.toJsonText())) {
        // Once per distinct failure: a read-only /run would otherwise fill the journal.
        if (*error != m_lastStatusError)
            log::warning("cannot write the status file: " + *error);
        m_lastStatusError = *error;
    } else {
        m_lastStatusError.clear();
    }
}

} // namespace k3snet::agent
