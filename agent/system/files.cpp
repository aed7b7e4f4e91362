// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/system/files.h"

#include "agent/system/errors.h"
#include "agent/system/uniquefd.h"
#include "domain/io/atomicfile.h"

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace k3snet::agent {

std::optional<std::string> readSmallFile(const std::string &path, std::size_t maxBytes)
{
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        return std::nullopt;
    std::string content;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return std::nullopt;
        if (n == 0)
            break;
        content.append(buf, std::size_t(n));
        if (content.size() > maxBytes)
            return std::nullopt;
    }
    return content;
}

std::error_code makeParentDirs(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos || slash == 0)
        return {};
    const std::string dir = path.substr(0, slash);
    for (std::size_t pos = 1; pos <= dir.size(); ++pos) {
        if (pos == dir.size() || dir[pos] == '/') {
            const std::string part = dir.substr(0, pos);
            if (::mkdir(part.c_str(), 0755) != 0 && errno != EEXIST)
                return errnoCode(errno);
        }
    }
    return {};
}

std::optional<std::string> writeFileCreatingDirs(
    const std::string &path, const std::string &content)
{
    if (std::error_code ec = makeParentDirs(path))
        return "cannot create the directory of \"" + path + "\": " + errorText(ec);
    return io::writeFileAtomically(path, content);
}

} // namespace k3snet::agent
