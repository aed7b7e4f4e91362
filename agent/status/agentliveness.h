// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace k3snet::agent {

// Whether the agent that wrote the status file still runs, for `status`. A pid alone proves
// little: pids are reused, and a pid means something only in the PID namespace it was taken
// in. So the agent records its pid, its PID namespace and its start time, and the judgement is
// Running only when that very process is seen alive, NotRunning only when it is proven gone
// (no such process, a zombie, another program, or another k3snet-agent started at another
// time), and Unknown when this process cannot look: the agent ran in another PID namespace,
// /proc here belongs to another PID namespace, or /proc hides the process (hidepid). Unknown
// is never reported as dead; `status` does not call such a node converged either, because
// nothing shows an agent keeps it so (see StatusReport).
struct AgentLiveness
{
    enum class State
    {
        Running,
        NotRunning,
        Unknown
    };
    State state = State::Unknown;
    std::string why; // one line: what was seen

    // What the agent records about itself (status file: pid, pidNamespace, processStart).
    struct Identity
    {
        long pid = 0;
        std::string pidNamespace; // "pid:[4026531836]"; "" when not recorded (older agents)
        std::uint64_t startTicks = 0; // field 22 of /proc/PID/stat; 0 when not recorded
    };
    // What this process sees of a pid.
    struct View
    {
        long ownPid = 0;
        long procSelf = -1; // the pid /proc/self names (-1: unreadable): /proc is ours if == ownPid
        std::string ownPidNamespace; // "" when unreadable
        int signalError = 0; // errno of kill(pid, 0): 0 or EPERM (exists) or ESRCH (no such pid)
        std::optional<std::string> stat; // /proc/PID/stat; nullopt when it cannot be read
    };

    // This process, as the agent records itself.
    static Identity self();
    // This process's view of pid (kill(pid, 0) and /proc; never sends a signal).
    static View look(long pid);
    // Pure: the judgement from what was recorded and what is seen.
    static AgentLiveness judge(const Identity &recorded, const View &view);
    static AgentLiveness of(const Identity &recorded)
    {
        return judge(recorded, look(recorded.pid));
    }

    static const char *stateName(State state); // "running", "not running", "unknown"
};

} // namespace k3snet::agent
