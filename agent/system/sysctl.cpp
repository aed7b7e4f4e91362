// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/system/sysctl.h"

#include "agent/system/errors.h"
#include "agent/system/uniquefd.h"

#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

namespace k3snet::agent::sysctl {

namespace {

std::string pathOf(const std::string &key)
{
    return "/proc/sys/" + key;
}

} // namespace

std::optional<std::string> read(const std::string &key, std::error_code &ec)
{
    UniqueFd fd(::open(pathOf(key).c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) {
        ec = errnoCode(errno);
        return std::nullopt;
    }
    char buf[256];
    const ssize_t n = ::read(fd.get(), buf, sizeof buf - 1);
    if (n < 0) {
        ec = errnoCode(errno);
        return std::nullopt;
    }
    std::string value(buf, std::size_t(n));
    while (!value.empty() && (value.back() == '\n' || value.back() == ' '))
        value.pop_back();
    ec.clear();
    return value;
}

std::error_code write(const std::string &key, const std::string &value)
{
    UniqueFd fd(::open(pathOf(key).c_str(), O_WRONLY | O_CLOEXEC));
    if (!fd)
        return errnoCode(errno);
    const std::string line = value + "\n";
    const ssize_t n = ::write(fd.get(), line.data(), line.size());
    if (n < 0)
        return errnoCode(errno);
    if (std::size_t(n) != line.size())
        return errnoCode(EIO);
    return {};
}

} // namespace k3snet::agent::sysctl
