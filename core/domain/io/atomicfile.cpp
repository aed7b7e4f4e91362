// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/io/atomicfile.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <random>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace k3snet::io {

namespace {

std::string reason(int err)
{
    return std::system_category().message(err);
}

std::string quotedPath(const std::string &path)
{
    return "\"" + path + "\"";
}

// Closes the descriptor it owns, so that no early return leaks it.
class FdGuard
{
public:
    explicit FdGuard(int fd)
        : m_fd(fd)
    {
    }
    ~FdGuard()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FdGuard(const FdGuard &) = delete;
    FdGuard &operator=(const FdGuard &) = delete;
    int get() const { return m_fd; }
    // Closes now and reports the result: with NFS and some FUSE file systems, a failed write
    // only shows up here.
    int close()
    {
        const int rc = ::close(m_fd);
        m_fd = -1;
        return rc;
    }

private:
    int m_fd;
};

// Removes the temporary file unless the rename consumed it.
class TempGuard
{
public:
    explicit TempGuard(std::string path)
        : m_path(std::move(path))
    {
    }
    ~TempGuard()
    {
        if (!m_path.empty())
            ::unlink(m_path.c_str());
    }
    TempGuard(const TempGuard &) = delete;
    TempGuard &operator=(const TempGuard &) = delete;
    void release() { m_path.clear(); }

private:
    std::string m_path;
};

std::string directoryOf(const std::string &path)
{
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    if (slash == 0)
        return "/";
    return path.substr(0, slash);
}

// The file a save should replace: the target of a symbolic link, so that a linked project
// file stays linked rather than being replaced by a copy.
std::string resolveTarget(const std::string &path)
{
    struct stat st = {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode))
        return path;
    char resolved[PATH_MAX];
    if (::realpath(path.c_str(), resolved))
        return resolved;
    return path;
}

} // namespace

std::optional<std::string> writeFileAtomically(
    const std::string &requestedPath, std::string_view bytes)
{
    const std::string path = resolveTarget(requestedPath);
    const std::string dir = directoryOf(path);

    struct stat existing = {};
    const bool exists = ::stat(path.c_str(), &existing) == 0;
    if (exists && !S_ISREG(existing.st_mode))
        return "cannot save " + quotedPath(requestedPath) + ": not a regular file";

    // A hidden name next to the target (same file system, so rename is atomic); the base name
    // is cut so that a long file name cannot push the temporary one past NAME_MAX.
    const auto slash = path.find_last_of('/');
    const std::string base
        = (slash == std::string::npos ? path : path.substr(slash + 1)).substr(0, 200);
    std::random_device random;
    std::string tempPath;
    int fd = -1;
    int err = 0;
    for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
        tempPath
            = (dir == "/" ? "" : dir) + "/." + base + ".tmp" + std::to_string(random() % 1000000);
        const mode_t mode = exists ? (existing.st_mode & 07777) : 0666;
        fd = ::open(tempPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        err = errno;
        if (fd < 0 && err != EEXIST)
            break;
    }
    if (fd < 0)
        return "cannot save " + quotedPath(requestedPath) + ": cannot create a temporary file in "
            + quotedPath(dir) + ": " + reason(err);
    FdGuard file(fd);
    TempGuard temp(tempPath);

    if (exists) {
        // open() applied the umask; the saved file keeps exactly the old permissions. Keeping
        // the owner only works for root or for the owner's own groups; elsewhere it is moot.
        if (::fchmod(file.get(), existing.st_mode & 07777) != 0)
            return "cannot save " + quotedPath(requestedPath)
                + ": cannot set permissions: " + reason(errno);
        if (::fchown(file.get(), existing.st_uid, existing.st_gid) != 0) {
            // Not being able to give the file away is normal for non-root users.
        }
    }

    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(file.get(), bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return "cannot write " + quotedPath(requestedPath) + ": " + reason(errno);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(file.get()) != 0)
        return "cannot write " + quotedPath(requestedPath) + ": " + reason(errno);
    if (file.close() != 0)
        return "cannot write " + quotedPath(requestedPath) + ": " + reason(errno);
    if (::rename(tempPath.c_str(), path.c_str()) != 0)
        return "cannot save " + quotedPath(requestedPath) + ": " + reason(errno);
    temp.release();

    // Makes the rename itself durable. Some file systems cannot sync a directory (EINVAL);
    // the file is in place by now, so only a real I/O error is worth reporting.
    const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        FdGuard dirGuard(dirFd);
        if (::fsync(dirFd) != 0 && errno == EIO)
            return "saved " + quotedPath(requestedPath)
                + ", but syncing its directory failed: " + reason(EIO);
    }
    return std::nullopt;
}

} // namespace k3snet::io
