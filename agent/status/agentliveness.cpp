// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/status/agentliveness.h"

#include "agent/system/files.h"

#include <cerrno>
#include <charconv>
#include <csignal>
#include <string_view>

#include <unistd.h>

namespace k3snet::agent {

namespace {

// The name every k3snet-agent process has in /proc (the kernel keeps 15 bytes of it).
constexpr std::string_view agentComm = "k3snet-agent";

struct StatFields
{
    std::string comm;
    char state = '?';
    std::uint64_t startTicks = 0;
};

// /proc/PID/stat: "pid (comm) state ppid ... starttime(22) ...". The name may hold spaces and
// parentheses, so the fields after it are counted from the last ')'.
std::optional<StatFields> parseStat(std::string_view text)
{
    const std::size_t open = text.find('(');
    const std::size_t close = text.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return std::nullopt;
    StatFields f;
    f.comm = std::string(text.substr(open + 1, close - open - 1));
    std::string_view rest = text.substr(close + 1);
    int field = 2;
    bool haveStart = false;
    while (!rest.empty()) {
        const std::size_t start = rest.find_first_not_of(" \n");
        if (start == std::string_view::npos)
            break;
        rest.remove_prefix(start);
        const std::size_t end = std::min(rest.find_first_of(" \n"), rest.size());
        const std::string_view token = rest.substr(0, end);
        rest.remove_prefix(end);
        ++field;
        if (field == 3) {
            if (token.size() != 1)
                return std::nullopt;
            f.state = token[0];
        } else if (field == 22) {
            const auto [p, ec]
                = std::from_chars(token.data(), token.data() + token.size(), f.startTicks);
            if (ec != std::errc() || p != token.data() + token.size())
                return std::nullopt;
            haveStart = true;
            break;
        }
    }
    if (!haveStart)
        return std::nullopt;
    return f;
}

std::string readLink(const char *path)
{
    char buf[256];
    const ssize_t n = ::readlink(path, buf, sizeof buf);
    return n > 0 && std::size_t(n) < sizeof buf ? std::string(buf, std::size_t(n)) : std::string();
}

AgentLiveness verdict(AgentLiveness::State state, std::string why)
{
    return AgentLiveness{state, std::move(why)};
}

} // namespace

const char *AgentLiveness::stateName(State state)
{
    switch (state) {
    case State::Running:
        return "running";
    case State::NotRunning:
        return "not running";
    case State::Unknown:
        return "unknown";
    }
    return "unknown";
}

AgentLiveness::Identity AgentLiveness::self()
{
    Identity id;
    id.pid = long(::getpid());
    id.pidNamespace = readLink("/proc/self/ns/pid");
    if (const auto text = readSmallFile("/proc/self/stat", 4096)) {
        if (const auto f = parseStat(*text))
            id.startTicks = f->startTicks;
    }
    return id;
}

AgentLiveness::View AgentLiveness::look(long pid)
{
    View v;
    v.ownPid = long(::getpid());
    const std::string self = readLink("/proc/self");
    long procSelf = -1;
    if (!self.empty()) {
        const auto [p, ec] = std::from_chars(self.data(), self.data() + self.size(), procSelf);
        if (ec != std::errc() || p != self.data() + self.size())
            procSelf = -1;
    }
    v.procSelf = procSelf;
    v.ownPidNamespace = readLink("/proc/self/ns/pid");
    if (pid > 0) {
        // Signal 0 only checks: ESRCH is "no such process" in this PID namespace.
        v.signalError = ::kill(pid_t(pid), 0) == 0 ? 0 : errno;
        v.stat = readSmallFile("/proc/" + std::to_string(pid) + "/stat", 4096);
    }
    return v;
}

AgentLiveness AgentLiveness::judge(const Identity &recorded, const View &view)
{
    using S = State;
    const std::string pid = std::to_string(recorded.pid);
    if (recorded.pid <= 0)
        return verdict(S::Unknown, "the status file names no agent pid");
    // A pid from another PID namespace names some other process here, or none: neither says
    // anything about the agent.
    if (!recorded.pidNamespace.empty() && !view.ownPidNamespace.empty()
        && recorded.pidNamespace != view.ownPidNamespace)
        return verdict(S::Unknown,
            "the agent ran in PID namespace " + recorded.pidNamespace + " and this command runs in "
                + view.ownPidNamespace + ", where pid " + pid
                + " is not the agent's; run status in the agent's namespace");
    if (view.procSelf != view.ownPid)
        return verdict(S::Unknown,
            view.procSelf < 0
                ? std::string("/proc cannot be read here, so pid " + pid + " cannot be looked up")
                : "/proc here belongs to another PID namespace (it shows this "
                  "command as pid "
                    + std::to_string(view.procSelf) + ", not " + std::to_string(view.ownPid)
                    + "), so pid " + pid + " cannot be looked up");
    if (recorded.pid == view.ownPid)
        return verdict(S::NotRunning, "pid " + pid + " is now this status command");
    if (view.signalError == ESRCH)
        return verdict(S::NotRunning, "no process has pid " + pid);
    if (!view.stat)
        return verdict(S::Unknown,
            "process " + pid + " exists but /proc/" + pid
                + " cannot be read here (hidepid?), so whether it is the agent cannot be told");
    const auto f = parseStat(*view.stat);
    if (!f)
        return verdict(S::Unknown, "/proc/" + pid + "/stat cannot be read as a process status");
    if (f->state == 'Z' || f->state == 'X')
        return verdict(S::NotRunning, "process " + pid + " has exited (not reaped yet)");
    if (std::string_view(f->comm).substr(0, agentComm.size()) != agentComm)
        return verdict(S::NotRunning,
            "pid " + pid + " now belongs to \"" + f->comm + "\" (the pid was reused)");
    if (recorded.startTicks != 0 && f->startTicks != recorded.startTicks)
        return verdict(S::NotRunning,
            "pid " + pid
                + " is another k3snet-agent process, started at another time (the pid was reused)");
    return verdict(S::Running, "pid " + pid + " is the k3snet-agent that wrote the status");
}

} // namespace k3snet::agent
