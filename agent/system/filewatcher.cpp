// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/system/filewatcher.h"

#include "agent/system/errors.h"

#include <cerrno>
#include <cstring>

#include <sys/inotify.h>
#include <unistd.h>

namespace k3snet::agent {

std::error_code FileWatcher::open(const std::string &path)
{
    m_path = path;
    const std::size_t slash = path.rfind('/');
    const std::string dir
        = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
    m_name = slash == std::string::npos ? path : path.substr(slash + 1);
    m_fd.reset(::inotify_init1(IN_CLOEXEC | IN_NONBLOCK));
    if (!m_fd)
        return errnoCode(errno);
    const std::uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
        | IN_ATTRIB | IN_ONLYDIR;
    if (::inotify_add_watch(m_fd.get(), dir.c_str(), mask) < 0) {
        const int err = errno;
        m_fd.reset();
        return errnoCode(err);
    }
    return {};
}

bool FileWatcher::takeChanged()
{
    bool changed = false;
    alignas(struct inotify_event) char buf[4096];
    for (;;) {
        const ssize_t n = ::read(m_fd.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        std::size_t off = 0;
        while (off + sizeof(struct inotify_event) <= std::size_t(n)) {
            struct inotify_event ev;
            std::memcpy(&ev, buf + off, sizeof ev);
            const std::size_t total = sizeof(struct inotify_event) + ev.len;
            if (off + total > std::size_t(n))
                break;
            if (ev.mask & IN_Q_OVERFLOW) {
                changed = true;
            } else if (ev.len > 0) {
                const char *name = buf + off + sizeof(struct inotify_event);
                if (::strnlen(name, ev.len) == m_name.size()
                    && m_name.compare(0, m_name.size(), name, m_name.size()) == 0)
                    changed = true;
            }
            off += total;
        }
    }
    return changed;
}

} // namespace k3snet::agent
