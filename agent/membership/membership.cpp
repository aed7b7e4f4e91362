// SPDX-License-Identifier: GPL-3.0-or-later
// Membership: construction, reconfiguration, goodbye and what the daemon reads. The heartbeat
// thread itself is in membershipthread.cpp.
#include "agent/membership/membership.h"

#include "agent/membership/clusterkey.h"
#include "agent/membership/heartbeatsocket.h"
#include "agent/membership/hmackey.h"
#include "agent/system/errors.h"
#include "agent/system/log.h"

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <mutex>
#include <stdexcept>

#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <unistd.h>

namespace k3snet::agent {

namespace {

using namespace std::chrono_literals;

// Nanoseconds of the wall clock at start: larger after a restart as long as the clock does not
// go back (Pi OS restores the time saved at shutdown with fake-hwclock before NTP), and never
// the same twice within one process.
std::uint64_t chooseIncarnation()
{
    static std::atomic<std::uint64_t> last{0};
    struct timespec ts
    {
    };
    ::clock_gettime(CLOCK_REALTIME, &ts);
    const std::uint64_t now = std::uint64_t(ts.tv_sec) * 1000000000ULL + std::uint64_t(ts.tv_nsec);
    std::uint64_t previous = last.load();
    std::uint64_t next;
    do {
        next = std::max(now, previous + 1);
    } while (!last.compare_exchange_weak(previous, next));
    return next;
}

UniqueFd makeEventFd(const char *what)
{
    UniqueFd fd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
    if (!fd)
        throw std::runtime_error(
            std::string("membership: cannot create ") + what + " (eventfd): " + errnoText(errno));
    return fd;
}

void logNotes(const std::vector<std::string> &notes)
{
    for (const std::string &n : notes)
        log::warning("membership: " + n);
}

} // namespace

Membership::Settings Membership::settingsOf(const model::AgentConfig &config)
{
    Settings s;
    s.self = config.node.name;
    if (!heartbeat::isValidName(s.self))
        throw std::runtime_error("membership: node.name \"" + s.self
            + "\" cannot be sent in a heartbeat (1 to 253 printable characters, no spaces)");
    s.lanIP = config.node.lanIP;
    s.port = config.membership.port;
    s.intervalMs = std::clamp(config.membership.intervalMs, 1, int(heartbeat::maxIntervalMs));
    s.misses = std::clamp(config.membership.misses, 1, 100);
    s.keyFile = config.membership.keyFile;
    for (const auto &peer : config.peers) {
        if (!heartbeat::isValidName(peer.name))
            throw std::runtime_error("membership: peer name \"" + peer.name
                + "\" cannot be sent in a heartbeat (1 to 253 printable characters, no spaces)");
        s.peerNames.push_back(peer.name);
        s.peerAddresses.push_back(peer.lanIP);
    }
    return s;
}

Membership::Membership(const model::AgentConfig &config)
    : Membership(config, Options())
{
}

Membership::Membership(const model::AgentConfig &config, Options options)
    : m_options(options)
    , m_incarnation(chooseIncarnation())
{
    Settings settings = settingsOf(config);
    m_key = std::make_unique<HmacKey>(loadClusterKey(settings.keyFile));
    std::vector<std::string> notes;
    m_socket = std::make_unique<HeartbeatSocket>(settings.lanIP, settings.port, notes);
    m_events = makeEventFd("the membership event descriptor");
    m_wake = makeEventFd("the heartbeat thread's wake-up descriptor");
    m_timer.reset(::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC));
    if (!m_timer)
        throw std::runtime_error(
            "membership: cannot create the heartbeat timer (timerfd): " + errnoText(errno));
    m_txBuffer.resize(heartbeat::maxPacketSize);
    applySettings(std::move(settings));
    m_socket->setDestinations(m_settings.peerAddresses, notes);
    logNotes(notes);
}

Membership::~Membership()
{
    stopThread();
    drainEvents();
}

void Membership::applySettings(Settings settings)
{
    if (m_table.configure(settings.self, settings.peerNames, settings.misses))
        m_changed = true;
    m_peerAddress.assign(m_table.peerCount(), net::Address());
    for (std::size_t i = 0; i < settings.peerNames.size(); ++i) {
        const int index = m_table.indexOf(settings.peerNames[i]);
        if (index >= 0)
            m_peerAddress[std::size_t(index)] = settings.peerAddresses[i];
    }
    if (settings.intervalMs != m_settings.intervalMs)
        m_resetSchedule = true;
    m_settings = std::move(settings);
}

void Membership::start()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_started)
            return;
        m_started = true;
        m_startedAt = MemberTable::Clock::now();
    }
    log::info("membership: node " + m_settings.self + " heartbeats every "
        + std::to_string(m_settings.intervalMs) + " ms to "
        + std::to_string(m_settings.peerNames.size()) + " peers on UDP port "
        + std::to_string(m_settings.port) + ", incarnation " + std::to_string(m_incarnation));
    startThread();
}

void Membership::startThread()
{
    m_stop = false;
    m_thread = std::thread(&Membership::run, this);
}

void Membership::stopThread()
{
    if (!m_thread.joinable())
        return;
    m_stop = true;
    wakeThread();
    m_thread.join();
}

void Membership::wakeThread()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(m_wake.get(), &one, sizeof one);
}

void Membership::signal()
{
    const std::uint64_t one = 1;
    // EAGAIN only when the counter is about to overflow: it is readable then anyway.
    [[maybe_unused]] ssize_t n = ::write(m_events.get(), &one, sizeof one);
}

void Membership::reconfigure(const model::AgentConfig &config)
{
    // Everything that can fail happens before anything changes.
    Settings next = settingsOf(config);
    auto key = std::make_unique<HmacKey>(loadClusterKey(next.keyFile));
    std::vector<std::string> notes;
    std::unique_ptr<HeartbeatSocket> socket;
    if (next.lanIP != m_settings.lanIP || next.port != m_settings.port)
        socket = std::make_unique<HeartbeatSocket>(next.lanIP, next.port, notes);

    const bool restart = socket && m_thread.joinable();
    if (restart)
        stopThread();
    {
        std::lock_guard sendLock(m_sendMutex);
        std::lock_guard lock(m_mutex);
        if (socket)
            m_socket = std::move(socket);
        m_socket->setDestinations(next.peerAddresses, notes);
        m_key = std::move(key);
        applySettings(std::move(next));
        if (m_changed) {
            m_changed = false;
            signal();
        }
    }
    logNotes(notes);
    if (restart)
        startThread();
    else
        wakeThread();
}

void Membership::drainEvents()
{
    std::uint64_t count = 0;
    [[maybe_unused]] ssize_t n = ::read(m_events.get(), &count, sizeof count);
    std::vector<std::pair<LogLevel, std::string>> lines;
    std::size_t dropped = 0;
    {
        std::lock_guard lock(m_mutex);
        lines.swap(m_logQueue);
        dropped = std::exchange(m_logsDropped, 0);
    }
    for (const auto &[level, line] : lines) {
        if (level == LogLevel::Info)
            log::info(line);
        else
            log::warning(line);
    }
    if (dropped > 0)
        log::warning("membership: " + std::to_string(dropped)
            + " log lines of the heartbeat thread were dropped (the daemon read them too late)");
}

void Membership::queueLog(LogLevel level, std::string line)
{
    constexpr std::size_t maxQueued = 256;
    if (m_logQueue.size() >= maxQueued) {
        ++m_logsDropped;
        return;
    }
    m_logQueue.emplace_back(level, std::move(line));
    m_changed = true;
}

std::vector<MemberState> Membership::members() const
{
    std::lock_guard lock(m_mutex);
    return m_table.snapshot(m_lastSent, m_startedAt);
}

MembershipCounters Membership::counters() const
{
    std::lock_guard lock(m_mutex);
    return m_counters;
}

MemberTable::Clock::duration Membership::settleTime() const
{
    const std::chrono::milliseconds interval(m_settings.intervalMs);
    return interval * m_settings.misses + std::max<MemberTable::Clock::duration>(1ms, interval / 2);
}

bool Membership::settled() const
{
    std::lock_guard lock(m_mutex);
    return m_started && MemberTable::Clock::now() - m_startedAt >= settleTime();
}

void Membership::goodbye()
{
    std::lock_guard sendLock(m_sendMutex);
    {
        std::lock_guard lock(m_mutex);
        if (m_leaving)
            return;
        m_leaving = true;
    }
    // Twice, in case the LAN drops one: the second has a higher sequence, so it is no replay.
    std::size_t reached = 0;
    for (int copy = 0; copy < 2; ++copy) {
        std::size_t length = 0;
        {
            std::lock_guard lock(m_mutex);
            heartbeat::Message m;
            m.type = heartbeat::MessageType::Goodbye;
            m.incarnation = m_incarnation;
            m.sequence = ++m_sequence;
            m.intervalMs = std::uint32_t(m_settings.intervalMs);
            m.sender = m_settings.self;
            length = heartbeat::encode(m, {}, *m_key, m_txBuffer);
        }
        if (length == 0)
            break;
        const HeartbeatSocket::SendResult r = m_socket->sendToAll({m_txBuffer.data(), length});
        std::lock_guard lock(m_mutex);
        m_counters.sent += r.sent;
        m_counters.sendErrors += r.failed;
        reached = std::max(reached, r.sent);
    }
    log::info("membership: said goodbye to " + std::to_string(reached) + " of "
        + std::to_string(m_settings.peerNames.size()) + " peers");
}

} // namespace k3snet::agent
