// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/system/log.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

namespace k3snet::agent::log {

namespace {

bool stderrIsJournal()
{
    const char *stream = std::getenv("JOURNAL_STREAM");
    if (!stream)
        return false;
    unsigned long long dev = 0, ino = 0;
    if (std::sscanf(stream, "%llu:%llu", &dev, &ino) != 2)
        return false;
    struct stat st
    {
    };
    if (::fstat(STDERR_FILENO, &st) != 0)
        return false;
    return st.st_dev == dev && st.st_ino == ino;
}

void write(int priority, const char *level, std::string_view message)
{
    static const bool journal = stderrIsJournal();
    std::string line;
    line.reserve(message.size() + 40);
    if (journal) {
        line += '<';
        line += char('0' + priority);
        line += '>';
    } else {
        struct timeval tv
        {
        };
        ::gettimeofday(&tv, nullptr);
        struct tm tm
        {
        };
        ::localtime_r(&tv.tv_sec, &tm);
        char stamp[32];
        const std::size_t n = std::strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
        std::snprintf(stamp + n, sizeof stamp - n, ".%03ld ", long(tv.tv_usec / 1000));
        line += stamp;
        line += level;
        line += ": ";
    }
    // Multi-line messages would become several journal entries; keep one event one line.
    for (char c : message)
        line += (c == '\n') ? ' ' : c;
    line += '\n';
    // One write(2), so lines of concurrent writers never interleave.
    const char *p = line.data();
    std::size_t left = line.size();
    while (left > 0) {
        const ssize_t w = ::write(STDERR_FILENO, p, left);
        if (w <= 0)
            break;
        p += w;
        left -= std::size_t(w);
    }
}

} // namespace

void info(std::string_view message)
{
    write(6, "info", message);
}

void warning(std::string_view message)
{
    write(4, "warning", message);
}

void error(std::string_view message)
{
    write(3, "error", message);
}

} // namespace k3snet::agent::log
