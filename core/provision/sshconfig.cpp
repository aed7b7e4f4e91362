// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/sshconfig.h"

#include "provision/provisionrequest.h"
#include "provision/provisiontr.h"
#include "provision/sshsession.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

namespace k3snet::provision {

namespace {

QString optionText(ssh_session session, ssh_options_e option)
{
    char *value = nullptr;
    if (ssh_options_get(session, option, &value) != SSH_OK || !value)
        return {};
    const QString text = QString::fromUtf8(value);
    ssh_string_free_char(value);
    return text;
}

} // namespace

QStringList defaultSshConfigFiles()
{
    return {
        QDir::homePath() + QStringLiteral("/.ssh/config"), QStringLiteral("/etc/ssh/ssh_config")};
}

QStringList sshConfigFilesFor(const QString &option)
{
    if (option.isEmpty())
        return defaultSshConfigFiles();
    if (option == QLatin1String("none"))
        return {};
    return {option};
}

QString expandIdentityPath(
    const QString &value, const QString &host, const QString &remoteUser, int port)
{
    const QString home = QDir::homePath();
    QString in = value;
    if (in == QLatin1String("~"))
        return home;
    if (in.startsWith(QLatin1String("~/")))
        in = home + in.mid(1);
    QString out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QChar c = in.at(i);
        if (c != QLatin1Char('%') || i + 1 >= in.size()) {
            out += c;
            continue;
        }
        const QChar token = in.at(++i);
        switch (token.unicode()) {
        case '%':
            out += QLatin1Char('%');
            break;
        case 'd':
            out += home;
            break;
        case 'u':
            out += localUserName();
            break;
        case 'i':
            out += QString::number(::getuid());
            break;
        case 'h':
            out += host;
            break;
        case 'r':
            out += remoteUser;
            break;
        case 'p':
            out += QString::number(port);
            break;
        default:
            out += QLatin1Char('%');
            out += token;
        }
    }
    return out;
}

// SshSession::connect's first part: the host, port and user it connects with, after the SSH
// configuration. libssh (0.10) lets a configuration's Port replace a port set before it was
// read, and keeps a User set before: so the configuration is read with only the host set,
// and the project's (or the command line's) port and user are set after it.
bool SshSession::readConfig(const Endpoint &endpoint, QString *error)
{
    const QByteArray host = endpoint.host.toUtf8();
    const QByteArray sshDir = QFile::encodeName(QDir::homePath() + QStringLiteral("/.ssh"));
    if (ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData()) < 0
        || ssh_options_set(m_session, SSH_OPTIONS_SSH_DIR, sshDir.constData()) < 0) {
        *error = Provisioning::tr("invalid SSH host \"%1\": %2").arg(endpoint.host, sshError());
        return false;
    }
    // libssh starts with its default key (%d/id_ed25519) first in the list; an IdentityFile
    // of the configuration goes in front of it.
    const QString identityBefore = optionText(m_session, SSH_OPTIONS_IDENTITY);
    QStringList read;
    for (const QString &file : endpoint.configFiles) {
        const QFileInfo info(file);
        if (!info.exists())
            continue;
        if (!info.isFile() || !info.isReadable()) {
            *error = Provisioning::tr("cannot read the SSH configuration %1").arg(file);
            return false;
        }
        if (ssh_options_parse_config(m_session, QFile::encodeName(file).constData()) < 0) {
            *error = Provisioning::tr("the SSH configuration %1 cannot be used: %2")
                         .arg(file, sshError());
            return false;
        }
        read << file;
    }
    const QString resolvedHost = optionText(m_session, SSH_OPTIONS_HOST);
    m_host = resolvedHost.isEmpty() ? endpoint.host : resolvedHost;
    const QString configUser = optionText(m_session, SSH_OPTIONS_USER);
    unsigned int configPort = 22;
    ssh_options_get_port(m_session, &configPort);
    m_port = endpoint.port > 0 ? endpoint.port : int(configPort);
    m_user = !endpoint.user.isEmpty() ? endpoint.user
        : !configUser.isEmpty()       ? configUser
                                      : localUserName();
    const QString identityAfter = optionText(m_session, SSH_OPTIONS_IDENTITY);
    if (!identityAfter.isEmpty() && identityAfter != identityBefore)
        m_configIdentity = expandIdentityPath(identityAfter, m_host, m_user, m_port);

    const unsigned int port = unsigned(m_port);
    const QByteArray user = m_user.toUtf8();
    if (ssh_options_set(m_session, SSH_OPTIONS_PORT, &port) < 0
        || ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData()) < 0) {
        *error = Provisioning::tr("invalid SSH options for %1@%2:%3: %4")
                     .arg(m_user, m_host)
                     .arg(m_port)
                     .arg(sshError());
        return false;
    }

    QStringList changes;
    if (m_host != endpoint.host)
        changes << Provisioning::tr("HostName %1").arg(m_host);
    if (endpoint.port <= 0 && m_port != 22)
        changes << Provisioning::tr("Port %1").arg(m_port);
    else if (endpoint.port > 0 && int(configPort) != 22 && int(configPort) != m_port)
        changes << Provisioning::tr("its Port %1 is overridden by %2").arg(configPort).arg(m_port);
    if (endpoint.user.isEmpty() && !configUser.isEmpty())
        changes << Provisioning::tr("User %1").arg(configUser);
    else if (!endpoint.user.isEmpty() && !configUser.isEmpty() && configUser != endpoint.user)
        changes
            << Provisioning::tr("its User %1 is overridden by %2").arg(configUser, endpoint.user);
    if (!m_configIdentity.isEmpty())
        changes << Provisioning::tr("IdentityFile %1").arg(m_configIdentity);
    if (!changes.isEmpty())
        m_configNote = Provisioning::tr("SSH configuration (%1) for %2: %3")
                           .arg(read.join(QStringLiteral(", ")), endpoint.host,
                               changes.join(QStringLiteral(", ")));
    return true;
}

} // namespace k3snet::provision
