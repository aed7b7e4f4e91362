// SPDX-License-Identifier: GPL-3.0-or-later
// Whether the agent that wrote a status file still runs (agent/status/agentliveness): the
// judgement from recorded identity and what /proc and kill(pid, 0) show, on real processes (a
// forked child named k3snet-agent: alive, restarted with another start time, a zombie, reaped)
// and on views this test cannot make for real (another PID namespace, a foreign /proc, hidepid,
// garbage in /proc/PID/stat), plus the status file fields that carry the identity. No root.

#include "agent/status/agentliveness.h"
#include "agent/status/agentstatus.h"
#include "checks.h"

#include <cerrno>
#include <csignal>
#include <sstream>
#include <string>

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace k3snet::agent;
using State = AgentLiveness::State;

namespace {

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

// A child that calls itself k3snet-agent (as /proc/PID/comm shows) and waits to be killed; it
// has written one byte to the pipe once it is renamed.
pid_t startFakeAgent()
{
    int fds[2];
    if (::pipe(fds) != 0)
        return -1;
    const pid_t child = ::fork();
    if (child == 0) {
        ::prctl(PR_SET_NAME, "k3snet-agent", 0, 0, 0);
        const char ready = 1;
        (void)!::write(fds[1], &ready, 1);
        for (;;)
            ::pause();
    }
    ::close(fds[1]);
    char ready = 0;
    if (child > 0 && ::read(fds[0], &ready, 1) != 1)
        return -1;
    ::close(fds[0]);
    return child;
}

void testSelf()
{
    const AgentLiveness::Identity self = AgentLiveness::self();
    CHECK(self.pid == long(::getpid()));
    CHECK(self.pidNamespace.rfind("pid:[", 0) == 0);
    CHECK(self.startTicks > 0);
    // A status file naming this very process: a status command whose pid the agent once had.
    const AgentLiveness l = AgentLiveness::of(self);
    CHECK(l.state == State::NotRunning && contains(l.why, "this status command"));
}

void testRealProcesses()
{
    const pid_t child = startFakeAgent();
    CHECK(child > 0);
    if (child <= 0)
        return;
    const std::string ns = AgentLiveness::self().pidNamespace;
    AgentLiveness::Identity id{long(child), ns, 0};
    // Its start time as the agent would record it: field 22 of its stat, read through look().
    AgentLiveness l = AgentLiveness::of(id);
    CHECK(l.state == State::Running); // without a start time, the name decides
    const AgentLiveness::View view = AgentLiveness::look(long(child));
    CHECK(view.signalError == 0 && view.stat.has_value());
    CHECK(view.procSelf == long(::getpid()) && view.ownPidNamespace == ns);

    // The recorded start time: this process is the agent; another start time is a reused pid.
    std::istringstream fields(view.stat->substr(view.stat->rfind(')') + 1));
    std::string field;
    for (int n = 3; n <= 22 && fields >> field; ++n) {
        if (n == 22)
            id.startTicks = std::stoull(field);
    }
    CHECK(id.startTicks > 0);
    l = AgentLiveness::of(id);
    CHECK(l.state == State::Running && contains(l.why, "is the k3snet-agent that wrote"));
    AgentLiveness::Identity other = id;
    other.startTicks = id.startTicks + 1;
    l = AgentLiveness::of(other);
    CHECK(l.state == State::NotRunning && contains(l.why, "another k3snet-agent process"));

    // Another program with a recorded pid: this test's parent (ctest or a shell).
    AgentLiveness::Identity parent{long(::getppid()), ns, 0};
    l = AgentLiveness::of(parent);
    CHECK(l.state == State::NotRunning && contains(l.why, "the pid was reused"));

    // SIGKILL: a zombie until reaped, then gone; both are "not running".
    ::kill(child, SIGKILL);
    siginfo_t info{};
    ::waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT);
    l = AgentLiveness::of(id);
    CHECK(l.state == State::NotRunning && contains(l.why, "has exited"));
    ::waitpid(child, nullptr, 0);
    l = AgentLiveness::of(id);
    CHECK(l.state == State::NotRunning && contains(l.why, "no process has pid"));
}

// Views of situations a test without root cannot create: each must give "unknown", never a
// false "not running".
void testViews()
{
    const std::string stat
        = "4242 (k3snet-agent) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 3 0 777 "
          "1000000 500 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n";
    const AgentLiveness::Identity id{4242, "pid:[4026531836]", 777};
    AgentLiveness::View v;
    v.ownPid = 100;
    v.procSelf = 100;
    v.ownPidNamespace = "pid:[4026531836]";
    v.stat = stat;
    CHECK(AgentLiveness::judge(id, v).state == State::Running);

    // The agent ran in another PID namespace: its pid means nothing here, even if a process
    // with that number is gone.
    AgentLiveness::View w = v;
    w.ownPidNamespace = "pid:[4026532999]";
    w.signalError = ESRCH;
    AgentLiveness l = AgentLiveness::judge(id, w);
    CHECK(l.state == State::Unknown && contains(l.why, "pid:[4026531836]")
        && contains(l.why, "pid:[4026532999]"));
    // /proc of another PID namespace (unshare --pid without a new /proc), or none at all.
    w = v;
    w.procSelf = 7;
    w.signalError = ESRCH;
    l = AgentLiveness::judge(id, w);
    CHECK(l.state == State::Unknown && contains(l.why, "another PID namespace"));
    w.procSelf = -1;
    CHECK(AgentLiveness::judge(id, w).state == State::Unknown);
    // hidepid: the process exists (EPERM or 0) but /proc does not show it.
    w = v;
    w.signalError = EPERM;
    w.stat.reset();
    l = AgentLiveness::judge(id, w);
    CHECK(l.state == State::Unknown && contains(l.why, "hidepid"));
    // Garbage in /proc/PID/stat.
    w = v;
    w.stat = "4242 k3snet-agent S 1";
    CHECK(AgentLiveness::judge(id, w).state == State::Unknown);
    w.stat = "4242 (k3snet-agent) S 1 2 3";
    CHECK(AgentLiveness::judge(id, w).state == State::Unknown);
    // A name with spaces and parentheses: the fields are counted from the last ')'.
    w.stat = "4242 (evil) R 1 (x) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 3 0 777 1\n";
    l = AgentLiveness::judge(id, w);
    CHECK(l.state == State::NotRunning && contains(l.why, "\"evil) R 1 (x\""));
    // A status file without a pid, and an older one without namespace and start time.
    CHECK(AgentLiveness::judge({0, "", 0}, v).state == State::Unknown);
    CHECK(AgentLiveness::judge({4242, "", 0}, v).state == State::Running);
    w = v;
    w.stat = "4242 (k3snet-agent) Z 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 3 0 777 1\n";
    CHECK(AgentLiveness::judge(id, w).state == State::NotRunning);
    CHECK(std::string(AgentLiveness::stateName(State::Unknown)) == "unknown");
}

// The identity travels in the status file; a start time beyond 32 bits survives (armhf).
void testStatusFields()
{
    AgentStatus s;
    s.pid = 4242;
    s.pidNamespace = "pid:[4026531836]";
    s.processStart = 6'000'000'000ULL;
    std::string why;
    const auto back = AgentStatus::parse(s.toJsonText(), why);
    CHECK(back.has_value());
    CHECK(back && back->pid == 4242 && back->pidNamespace == "pid:[4026531836]"
        && back->processStart == 6'000'000'000ULL);
    const auto old = AgentStatus::parse(R"({"kind":"K3snetAgentStatus","pid":7})", why);
    CHECK(old && old->pid == 7 && old->pidNamespace.empty() && old->processStart == 0);
    const auto odd = AgentStatus::parse(
        R"({"kind":"K3snetAgentStatus","pid":7,"pidNamespace":5,"processStart":-3})", why);
    CHECK(odd && odd->pidNamespace.empty() && odd->processStart == 0);
}

} // namespace

int main()
{
    testSelf();
    testRealProcesses();
    testViews();
    testStatusFields();
    return k3snet::tests::checksSummary();
}
