// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/membership/clusterkey.h"

#include "agent/system/errors.h"
#include "agent/system/uniquefd.h"

#include <cerrno>
#include <cstdio>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace k3snet::agent {

namespace {

// A key is a few dozen bytes; anything much larger is not a key file.
constexpr std::size_t maxKeyFileBytes = 4096;

std::string createHint(const std::string &path)
{
    return "create it on one node with `umask 077; head -c 32 /dev/urandom | base64 > " + path
        + "` and copy it to every node, or provision the cluster from the app, which pushes it";
}

std::string octalMode(mode_t mode)
{
    char text[8];
    std::snprintf(text, sizeof text, "%04o", unsigned(mode & 07777));
    return text;
}

} // namespace

std::string loadClusterKey(const std::string &path)
{
    const std::string what = "cluster key " + path;
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (!fd) {
        const int err = errno;
        if (err == ENOENT)
            throw std::runtime_error(what + " does not exist: " + createHint(path));
        throw std::runtime_error("cannot open " + what + ": " + errnoText(err));
    }
    // Checked on the open file, so a rename between the check and the read changes nothing.
    struct stat st
    {
    };
    if (::fstat(fd.get(), &st) != 0)
        throw std::runtime_error("cannot stat " + what + ": " + errnoText(errno));
    if (!S_ISREG(st.st_mode))
        throw std::runtime_error(what + " is not a regular file: " + createHint(path));
    if ((st.st_mode & 077) != 0)
        throw std::runtime_error(what + " is readable or writable by group or others (mode "
            + octalMode(st.st_mode)
            + "), so anyone on the node could forge heartbeats: run `chmod 600 " + path + "`");
    if (std::size_t(st.st_size) > maxKeyFileBytes)
        throw std::runtime_error(what + " is " + std::to_string(st.st_size)
            + " bytes, more than a key file can be (at most " + std::to_string(maxKeyFileBytes)
            + "): " + createHint(path));

    std::string key;
    char buffer[512];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw std::runtime_error("cannot read " + what + ": " + errnoText(errno));
        if (n == 0)
            break;
        key.append(buffer, std::size_t(n));
        if (key.size() > maxKeyFileBytes)
            throw std::runtime_error(what + " grew past " + std::to_string(maxKeyFileBytes)
                + " bytes while it was read: " + createHint(path));
    }
    while (!key.empty()
        && (key.back() == ' ' || key.back() == '\t' || key.back() == '\n' || key.back() == '\r'
            || key.back() == '\v' || key.back() == '\f'))
        key.pop_back();
    if (key.size() < minClusterKeyBytes)
        throw std::runtime_error(what + " holds " + std::to_string(key.size())
            + " bytes after trailing whitespace, fewer than the "
            + std::to_string(minClusterKeyBytes) + " a key needs: " + createHint(path));
    return key;
}

} // namespace k3snet::agent
