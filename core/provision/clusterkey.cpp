// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/clusterkey.h"

#include "provision/provisiontr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/rand.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace k3snet::provision {

namespace {

constexpr int keyBytes = 32;
constexpr qint64 maxKeyFileBytes = 4096;

QString osError(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

std::optional<ClusterKey> readKey(const QString &path, QString *error)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        *error = Provisioning::tr("%1: %2").arg(path, osError(errno));
        return std::nullopt;
    }
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        *error = Provisioning::tr("%1: the cluster key is readable by others (mode %2); run chmod 600 %1")
                     .arg(path, QString::number(st.st_mode & 07777, 8));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Provisioning::tr("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray text = file.read(maxKeyFileBytes + 1);
    const auto decoded = QByteArray::fromBase64Encoding(text.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (text.size() > maxKeyFileBytes || !decoded || decoded.decoded.size() < keyBytes) {
        *error = Provisioning::tr("%1: not a cluster key (one line of base64, at least %2 bytes); move it away to "
                                  "have a new one generated")
                     .arg(path)
                     .arg(keyBytes);
        return std::nullopt;
    }
    return ClusterKey{path, text, false};
}

} // namespace

QString clusterKeyPathFor(const QString &projectFile)
{
    const QFileInfo info(projectFile);
    QString name = info.fileName();
    for (const QString &suffix : {QStringLiteral(".k3snet.yaml"), QStringLiteral(".yaml"), QStringLiteral(".yml")}) {
        if (name.endsWith(suffix) && name.size() > suffix.size()) {
            name.chop(suffix.size());
            break;
        }
    }
    return info.dir().filePath(name + QStringLiteral(".key"));
}

std::optional<ClusterKey> loadOrCreateClusterKey(const QString &path, QString *error)
{
    if (QFileInfo::exists(path))
        return readKey(path, error);
    unsigned char raw[keyBytes];
    if (RAND_bytes(raw, keyBytes) != 1) {
        *error = Provisioning::tr("cannot generate a cluster key: the system's random generator failed");
        return std::nullopt;
    }
    QByteArray text = QByteArray(reinterpret_cast<const char *>(raw), keyBytes).toBase64() + '\n';
    ::explicit_bzero(raw, sizeof raw);
    const QByteArray name = QFile::encodeName(path);
    // O_EXCL: two runs that start at once cannot both create (and push) different keys.
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return readKey(path, error);
        *error = Provisioning::tr("cannot create the cluster key %1: %2").arg(path, osError(errno));
        return std::nullopt;
    }
    qsizetype written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.constData() + written, size_t(text.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        written += n;
    }
    const bool ok = written == text.size() && ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!ok) {
        ::unlink(name.constData());
        *error = Provisioning::tr("cannot write the cluster key %1: %2").arg(path, osError(err));
        return std::nullopt;
    }
    return ClusterKey{path, text, true};
}

} // namespace k3snet::provision
