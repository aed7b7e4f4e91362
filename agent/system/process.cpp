// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/system/process.h"

#include "agent/system/errors.h"
#include "agent/system/uniquefd.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

namespace k3snet::agent {

namespace {

bool isExecutableFile(const std::string &path)
{
    struct stat st
    {
    };
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)
        && ::access(path.c_str(), X_OK) == 0;
}

long long nowMs()
{
    struct timespec ts
    {
    };
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

} // namespace

std::string ProcessResult::describe(const std::string &program) const
{
    if (error)
        return program + " could not be run: " + errorText(error);
    std::string text = program + " exited with status " + std::to_string(exitStatus);
    std::string_view out = output;
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.remove_suffix(1);
    if (!out.empty()) {
        // Keep the log line short: the first lines say what went wrong.
        if (out.size() > 400)
            out = out.substr(0, 400);
        text += ": ";
        for (char c : out)
            text += (c == '\n') ? std::string("; ") : std::string(1, c);
    }
    return text;
}

std::string findExecutable(std::string_view name)
{
    if (name.find('/') != std::string_view::npos)
        return isExecutableFile(std::string(name)) ? std::string(name) : std::string();
    std::string dirs;
    if (const char *path = std::getenv("PATH"))
        dirs = path;
    dirs += ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        // Only absolute directories: runProcess runs nothing by a relative path.
        if (end > start && dirs[start] == '/') {
            std::string candidate = dirs.substr(start, end - start) + "/" + std::string(name);
            if (isExecutableFile(candidate))
                return candidate;
        }
        start = end + 1;
    }
    return {};
}

ProcessResult runProcess(
    const std::vector<std::string> &argv, std::string_view input, std::chrono::milliseconds timeout)
{
    ProcessResult result;
    if (argv.empty() || argv.front().empty() || argv.front()[0] != '/') {
        result.error = errnoCode(ENOENT);
        return result;
    }

    // Everything the child needs is built before fork: after it only async-signal-safe calls.
    std::vector<char *> args;
    args.reserve(argv.size() + 1);
    for (const std::string &a : argv)
        args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    char envPath[] = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    char envLang[] = "LC_ALL=C";
    char *envp[] = {envPath, envLang, nullptr};

    int inPipe[2];
    int outPipe[2];
    if (::pipe2(inPipe, O_CLOEXEC) != 0) {
        result.error = errnoCode(errno);
        return result;
    }
    UniqueFd inRead(inPipe[0]), inWrite(inPipe[1]);
    if (::pipe2(outPipe, O_CLOEXEC) != 0) {
        result.error = errnoCode(errno);
        return result;
    }
    UniqueFd outRead(outPipe[0]), outWrite(outPipe[1]);

    const pid_t pid = ::fork();
    if (pid < 0) {
        result.error = errnoCode(errno);
        return result;
    }
    if (pid == 0) {
        // The child: stdin from our pipe, stdout and stderr into the other; O_CLOEXEC closes
        // every other descriptor of the agent (netlink, epoll, signalfd) at exec.
        if (::dup2(inRead.get(), STDIN_FILENO) < 0 || ::dup2(outWrite.get(), STDOUT_FILENO) < 0
            || ::dup2(outWrite.get(), STDERR_FILENO) < 0)
            ::_exit(127);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::signal(SIGPIPE, SIG_DFL);
        ::execve(args[0], args.data(), envp);
        ::_exit(127);
    }

    inRead.reset();
    outWrite.reset();
    ::fcntl(inWrite.get(), F_SETFL, O_NONBLOCK);
    if (input.empty())
        inWrite.reset();

    const long long deadline = nowMs() + timeout.count();
    bool timedOut = false;
    char buf[4096];
    while (outRead) {
        struct pollfd fds[2] = {{outRead.get(), POLLIN, 0}, {inWrite.get(), POLLOUT, 0}};
        const nfds_t n = inWrite ? 2 : 1;
        const long long left = deadline - nowMs();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        const int rc = ::poll(fds, n, int(left));
        if (rc < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (n == 2 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
            const ssize_t w = ::write(inWrite.get(), input.data(), input.size());
            if (w > 0)
                input.remove_prefix(std::size_t(w));
            if (w < 0 && errno != EAGAIN && errno != EINTR)
                input = {};
            if (input.empty())
                inWrite.reset(); // EOF for the child
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t r = ::read(outRead.get(), buf, sizeof buf);
            if (r > 0) {
                if (result.output.size() < maxProcessOutput)
                    result.output.append(buf,
                        std::min<std::size_t>(
                            std::size_t(r), maxProcessOutput - result.output.size()));
            } else if (r == 0 || (errno != EINTR && errno != EAGAIN)) {
                outRead.reset();
            }
        }
    }
    if (timedOut)
        ::kill(pid, SIGKILL);

    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    if (timedOut) {
        result.error = errnoCode(ETIMEDOUT);
        return result;
    }
    if (WIFEXITED(status))
        result.exitStatus = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        result.exitStatus = 128 + WTERMSIG(status);
    if (result.exitStatus == 127 && result.output.empty())
        result.error = errnoCode(ENOEXEC);
    return result;
}

} // namespace k3snet::agent
