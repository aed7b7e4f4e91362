// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/sshsession.h"

#include "provision/provisiontr.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>

#include <mutex>

namespace k3snet::provision {

namespace {

constexpr qint64 chunkBytes = 32 * 1024;
constexpr qint64 maxOutputBytes = 8 * 1024 * 1024;
constexpr int pollMs = 100;

KnownHostState stateOf(ssh_known_hosts_e e)
{
    switch (e) {
    case SSH_KNOWN_HOSTS_OK: return KnownHostState::Match;
    case SSH_KNOWN_HOSTS_CHANGED: return KnownHostState::Changed;
    case SSH_KNOWN_HOSTS_OTHER: return KnownHostState::OtherType;
    case SSH_KNOWN_HOSTS_UNKNOWN: return KnownHostState::NotFound;
    case SSH_KNOWN_HOSTS_NOT_FOUND: return KnownHostState::NoFile;
    case SSH_KNOWN_HOSTS_ERROR: return KnownHostState::Error;
    }
    return KnownHostState::Error;
}

// A known_hosts file must be read from exactly one place at a time, and written by one thread.
QMutex &knownHostsMutex()
{
    static QMutex mutex;
    return mutex;
}

} // namespace

QString SshSession::ExecResult::failure() const
{
    if (!error.isEmpty())
        return error;
    if (cancelled)
        return Provisioning::tr("cancelled");
    if (timedOut)
        return Provisioning::tr("the command did not finish in time");
    // The node script marks its reasons "error: ..."; otherwise the last line says most.
    const QList<QByteArray> outLines = out.trimmed().split('\n');
    QList<QByteArray> errLines;
    for (const QByteArray &line : err.trimmed().split('\n')) {
        // Our own note and sudo's complaint about /etc/hosts say nothing about the failure.
        if (!line.startsWith("k3snet: login uid") && !line.contains("unable to resolve host") && !line.trimmed().isEmpty())
            errLines << line.trimmed();
    }
    for (const QList<QByteArray> *lines : std::initializer_list<const QList<QByteArray> *>{&outLines, &errLines}) {
        for (const QByteArray &line : *lines) {
            if (line.startsWith("error: "))
                return QString::fromUtf8(line.mid(7)).trimmed();
        }
    }
    if (!errLines.isEmpty())
        return QString::fromUtf8(errLines.last());
    if (!outLines.isEmpty() && !outLines.last().trimmed().isEmpty() && exitStatus != 0)
        return QString::fromUtf8(outLines.last()).trimmed();
    if (exitStatus < 0)
        return Provisioning::tr("the command ended without an exit status (killed, or the connection was lost)");
    return Provisioning::tr("exit status %1").arg(exitStatus);
}

SshSession::SshSession(const std::atomic<bool> *cancelled)
    : m_cancelled(cancelled)
{
    static std::once_flag once;
    std::call_once(once, [] { ssh_init(); });
}

SshSession::~SshSession()
{
    if (m_session) {
        if (m_connected)
            ssh_disconnect(m_session);
        ssh_free(m_session);
    }
}

QString SshSession::sshError() const
{
    return m_session ? QString::fromUtf8(ssh_get_error(m_session)) : QString();
}

bool SshSession::connect(const Endpoint &endpoint, QString *error)
{
    m_host = endpoint.host;
    m_port = endpoint.port > 0 ? endpoint.port : 22;
    m_user = endpoint.user;
    m_session = ssh_new();
    if (!m_session) {
        *error = Provisioning::tr("cannot create an SSH session (out of memory?)");
        return false;
    }
    ssh_set_counters(m_session, &m_socketCounter, &m_rawCounter);
    if (!readConfig(endpoint, error))
        return false;
    // After the configuration, so that nothing in it can change these: k3snet's timeout, and
    // its own host-key checking. inspectHostKey() decides with k3snet's policy from the state
    // of each file; StrictHostKeyChecking and the configuration's known_hosts files must not
    // weaken that, nor may a LogLevel make libssh write packets (passwords) to the terminal.
    const long timeout = endpoint.timeoutSeconds;
    const int yes = 1;
    const int no = 0;
    const int quiet = SSH_LOG_NOLOG;
    const QByteArray userKnownHosts = QFile::encodeName(endpoint.userKnownHosts);
    const QByteArray ownKnownHosts = QFile::encodeName(endpoint.ownKnownHosts);
    if (ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeout) < 0
        || ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &no) < 0
        || ssh_options_set(m_session, SSH_OPTIONS_NODELAY, &yes) < 0
        || ssh_options_set(m_session, SSH_OPTIONS_STRICTHOSTKEYCHECK, &yes) < 0
        || ssh_options_set(m_session, SSH_OPTIONS_LOG_VERBOSITY, &quiet) < 0
        || (!userKnownHosts.isEmpty()
            && ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, userKnownHosts.constData()) < 0)
        || (!ownKnownHosts.isEmpty()
            && ssh_options_set(m_session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, ownKnownHosts.constData())
                < 0)) {
        *error = Provisioning::tr("invalid SSH options for %1@%2:%3: %4")
                     .arg(m_user, m_host)
                     .arg(m_port)
                     .arg(sshError());
        return false;
    }
    if (isCancelled()) {
        *error = Provisioning::tr("cancelled");
        return false;
    }
    if (ssh_connect(m_session) != SSH_OK) {
        *error = Provisioning::tr("cannot connect to %1:%2: %3")
                     .arg(m_host)
                     .arg(m_port)
                     .arg(sshError());
        return false;
    }
    m_connected = true;
    return true;
}

SshSession::HostKey SshSession::inspectHostKey(const QString &userKnownHosts, const QString &ownKnownHosts)
{
    HostKey result;
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(m_session, &key) != SSH_OK || !key) {
        result.error = Provisioning::tr("the server sent no host key: %1").arg(sshError());
        return result;
    }
    unsigned char *hash = nullptr;
    size_t hashLength = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLength) == 0) {
        if (char *fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLength)) {
            result.fingerprint = QString::fromLatin1(fp);
            ssh_string_free_char(fp);
        }
        ssh_clean_pubkey_hash(&hash);
    }
    result.keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
    ssh_key_free(key);
    if (result.fingerprint.isEmpty()) {
        result.error = Provisioning::tr("cannot compute the fingerprint of the host key");
        return result;
    }
    // One file at a time: libssh reads the "user" and the "global" file, both set to it.
    QMutexLocker lock(&knownHostsMutex());
    const auto check = [this](const QString &file) {
        const QByteArray path = QFile::encodeName(file);
        ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, path.constData());
        ssh_options_set(m_session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, path.constData());
        if (!QFileInfo::exists(file))
            return KnownHostState::NoFile;
        return stateOf(ssh_session_is_known_server(m_session));
    };
    result.userFile = check(userKnownHosts);
    result.ownFile = check(ownKnownHosts);
    return result;
}

bool SshSession::recordHostKey(const QString &ownKnownHosts, QString *error)
{
    QMutexLocker lock(&knownHostsMutex());
    const QFileInfo info(ownKnownHosts);
    QDir dir = info.dir();
    if (!dir.exists()) {
        if (!dir.mkpath(QStringLiteral("."))) {
            *error = Provisioning::tr("cannot create %1").arg(dir.path());
            return false;
        }
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const bool existed = info.exists();
    const QByteArray path = QFile::encodeName(ownKnownHosts);
    ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, path.constData());
    if (ssh_session_update_known_hosts(m_session) != SSH_OK) {
        *error = Provisioning::tr("cannot record the host key in %1: %2").arg(ownKnownHosts, sshError());
        return false;
    }
    if (!existed)
        QFile::setPermissions(ownKnownHosts, QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

SshSession::ExecResult SshSession::exec(const QByteArray &command, const ExecOptions &options)
{
    ExecResult r;
    const auto isCancelled = [&] { return !options.ignoreCancel && this->isCancelled(); };
    if (isCancelled()) {
        r.cancelled = true;
        return r;
    }
    ssh_channel channel = ssh_channel_new(m_session);
    if (!channel) {
        r.error = Provisioning::tr("cannot open an SSH channel: %1").arg(sshError());
        return r;
    }
    const auto finish = [&] {
        ssh_channel_close(channel);
        ssh_channel_free(channel);
    };
    if (ssh_channel_open_session(channel) != SSH_OK || ssh_channel_request_exec(channel, command.constData()) != SSH_OK) {
        r.error = Provisioning::tr("cannot run a command on the node: %1").arg(sshError());
        ssh_channel_free(channel);
        return r;
    }
    QElapsedTimer clock;
    clock.start();
    char buffer[16384];
    qsizetype scanned = 0; // stdout up to here was handed to onLine
    const auto lines = [&] {
        if (!options.onLine)
            return;
        for (qsizetype end = r.out.indexOf('\n', scanned); end >= 0; end = r.out.indexOf('\n', scanned)) {
            options.onLine(r.out.mid(scanned, end - scanned));
            scanned = end + 1;
        }
    };
    const auto drain = [&](int isStderr) -> bool {
        for (;;) {
            const int n = ssh_channel_read_nonblocking(channel, buffer, sizeof buffer, isStderr);
            if (n == SSH_EOF || n == SSH_AGAIN)
                return true;
            if (n < 0) {
                r.error = Provisioning::tr("the connection failed: %1").arg(sshError());
                return false;
            }
            if (n == 0)
                return true;
            QByteArray &sink = isStderr ? r.err : r.out;
            if (sink.size() < maxOutputBytes)
                sink.append(buffer, n);
            if (!isStderr)
                lines();
        }
    };

    // Standard input in chunks, reading what the command prints in between (a command that
    // fills its output pipe while we fill its input would otherwise block both sides).
    qint64 written = 0;
    const qint64 total = options.input.size();
    while (written < total) {
        if (isCancelled()) {
            r.cancelled = true;
            finish();
            return r;
        }
        const qint64 n = std::min(chunkBytes, total - written);
        const int w = ssh_channel_write(channel, options.input.constData() + written, uint32_t(n));
        if (w <= 0) {
            // The command may have ended early (sudo refused, disk full): its words say why.
            drain(0);
            drain(1);
            r.error = Provisioning::tr("sending to the node failed after %1 of %2 bytes: %3")
                          .arg(written)
                          .arg(total)
                          .arg(ssh_channel_is_open(channel) ? sshError() : Provisioning::tr("the channel was closed"));
            if (!r.err.trimmed().isEmpty())
                r.error += QStringLiteral(" (") + QString::fromUtf8(r.err.trimmed()) + QLatin1Char(')');
            finish();
            return r;
        }
        written += w;
        if (options.progress)
            options.progress(written);
        if (!drain(0) || !drain(1)) {
            finish();
            return r;
        }
        if (clock.elapsed() > options.timeoutMs) {
            r.timedOut = true;
            finish();
            return r;
        }
    }
    ssh_channel_send_eof(channel);

    while (!ssh_channel_is_eof(channel) && ssh_channel_is_open(channel)) {
        if (isCancelled()) {
            r.cancelled = true;
            finish();
            return r;
        }
        if (clock.elapsed() > options.timeoutMs) {
            r.timedOut = true;
            finish();
            return r;
        }
        int n = ssh_channel_read_timeout(channel, buffer, sizeof buffer, 0, pollMs);
        if (n == SSH_EOF || n == SSH_AGAIN)
            n = 0;
        if (n < 0) {
            r.error = Provisioning::tr("the connection failed: %1").arg(sshError());
            finish();
            return r;
        }
        if (n > 0 && r.out.size() < maxOutputBytes) {
            r.out.append(buffer, n);
            lines();
        }
        if (!drain(1)) {
            finish();
            return r;
        }
    }
    if (!drain(0) || !drain(1)) {
        finish();
        return r;
    }
    r.exitStatus = ssh_channel_get_exit_status(channel);
    finish();
    return r;
}

} // namespace k3snet::provision
