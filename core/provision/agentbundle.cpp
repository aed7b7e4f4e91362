// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/agentbundle.h"

#include "provision/provisiontr.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

namespace k3snet::provision {

namespace {

constexpr qint64 maxAgentBytes = 128 * 1024 * 1024;

} // namespace

QStringList AgentBundle::candidates(const QString &arch)
{
    QStringList paths;
    const QString fromEnv = qEnvironmentVariable("K3SNET_AGENT_DIR");
    if (!fromEnv.isEmpty())
        paths << QDir(fromEnv).filePath(arch + QStringLiteral("/k3snet-agent"));
    const QString appDir = QCoreApplication::applicationDirPath();
    // <prefix>/lib, lib64 or a Debian multiarch dir (lib/x86_64-linux-gnu): wherever the
    // library dir of the installation is (KDE_INSTALL_LIBDIR), and the build tree's lib/.
    const QDir prefix(QDir::cleanPath(appDir + QStringLiteral("/..")));
    QStringList libDirs{QStringLiteral("lib"), QStringLiteral("lib64")};
    const QStringList multiarch = QDir(prefix.filePath(QStringLiteral("lib")))
                                      .entryList({QStringLiteral("*-linux-gnu*")}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &m : multiarch)
        libDirs << QStringLiteral("lib/") + m;
    for (const QString &lib : libDirs)
        paths << prefix.filePath(lib + QStringLiteral("/k3snet/agents/") + arch + QStringLiteral("/k3snet-agent"));
    if (arch == QLatin1String("x86_64") && QSysInfo::currentCpuArchitecture() == QLatin1String("x86_64"))
        paths << QDir(appDir).filePath(QStringLiteral("k3snet-agent"));
    return paths;
}

int AgentBundle::elfMachineFor(const QString &arch)
{
    if (arch == QLatin1String("aarch64"))
        return 183; // EM_AARCH64
    if (arch == QLatin1String("armhf"))
        return 40; // EM_ARM
    if (arch == QLatin1String("x86_64"))
        return 62; // EM_X86_64
    return 0;
}

QString AgentBundle::checkElf(const QByteArray &bytes, const QString &arch)
{
    if (bytes.size() < 20 || !bytes.startsWith("\x7f" "ELF"))
        return Provisioning::tr("it is not an ELF executable");
    // e_ident[EI_DATA] 1 = little endian, as every architecture k3snet ships for.
    if (bytes.at(5) != 1)
        return Provisioning::tr("it is not a little-endian ELF file");
    const int machine = (static_cast<unsigned char>(bytes.at(19)) << 8) | static_cast<unsigned char>(bytes.at(18));
    if (machine != elfMachineFor(arch))
        return Provisioning::tr("it is built for another architecture (ELF machine %1)").arg(machine);
    return {};
}

std::shared_ptr<const AgentBundle::Binary> AgentBundle::binaryFor(const QString &arch, QString *error)
{
    QMutexLocker lock(&m_mutex);
    if (auto it = m_binaries.constFind(arch); it != m_binaries.constEnd())
        return *it;
    if (auto it = m_errors.constFind(arch); it != m_errors.constEnd()) {
        *error = *it;
        return nullptr;
    }
    const QStringList paths = candidates(arch);
    for (const QString &path : paths) {
        QFileInfo info(path);
        if (!info.isFile())
            continue;
        QString why;
        QFile file(path);
        if (info.size() > maxAgentBytes)
            why = Provisioning::tr("it is larger than %1 MiB").arg(maxAgentBytes / (1024 * 1024));
        else if (!file.open(QIODevice::ReadOnly))
            why = file.errorString();
        auto binary = std::make_shared<Binary>();
        if (why.isEmpty()) {
            binary->bytes = file.readAll();
            why = checkElf(binary->bytes, arch);
        }
        if (!why.isEmpty()) {
            m_errors.insert(arch, Provisioning::tr("the agent for %1 at %2 cannot be used: %3").arg(arch, path, why));
            *error = m_errors.value(arch);
            return nullptr;
        }
        binary->path = path;
        binary->sha256 = QCryptographicHash::hash(binary->bytes, QCryptographicHash::Sha256).toHex();
        binary->release = QString::fromLatin1(binary->sha256.left(16));
        m_binaries.insert(arch, binary);
        return binary;
    }
    m_errors.insert(arch, Provisioning::tr("no k3snet-agent for %1 was found (looked at %2); build it for that "
                                           "architecture or set K3SNET_AGENT_DIR")
                              .arg(arch, paths.join(QStringLiteral(", "))));
    *error = m_errors.value(arch);
    return nullptr;
}

} // namespace k3snet::provision
