// SPDX-License-Identifier: GPL-3.0-or-later
// NodeJob: the steps every operation shares (session, host key, root), status and uninstall.
#include "provision/nodejob.h"

#include "provision/agenthealth.h"
#include "provision/nodeassets.h"
#include "provision/nodefacts.h"
#include "provision/provisiontr.h"

#include <cstring>

namespace k3snet::provision {

NodeJob::NodeJob(RunContext &context, const NodeTarget &target, const std::atomic<bool> *cancelled, JobSink *sink)
    : m_context(context)
    , m_target(target)
    , m_cancelled(cancelled)
    , m_sink(sink)
{
    m_result.node = target.name;
    // What the project and the command line say; connecting settles the rest (openSession).
    m_result.address = (target.user.isEmpty() ? QString() : target.user + QLatin1Char('@'))
        + target.host + (target.port > 0 ? QStringLiteral(":%1").arg(target.port) : QString());
    m_result.operation = context.request.operation;
}

void NodeJob::enter(Step step, double within)
{
    m_result.lastStep = step;
    if (m_sink)
        m_sink->stepChanged(m_target.name, step, jobFraction(m_result.operation, step, within));
}

void NodeJob::log(const QString &line)
{
    m_result.log << line;
    if (m_sink)
        m_sink->logLine(m_target.name, line);
}

void NodeJob::fail(const QString &message, Outcome outcome)
{
    m_result.outcome = outcome;
    m_result.message = message;
    log(Provisioning::tr("%1 at %2: %3").arg(outcomeName(outcome), stepName(m_result.lastStep), message));
}

NodeResult NodeJob::run()
{
    m_clock.start();
    if (openSession() && verifyHostKey()) {
        switch (m_result.operation) {
        case Operation::Provision:
            provision();
            break;
        case Operation::Status:
            readStatus();
            break;
        case Operation::Uninstall:
            uninstall();
            break;
        }
    }
    if (m_result.ok())
        enter(Step::Done);
    if (m_session) {
        m_result.bytesSent = m_session->bytesSent();
        m_result.bytesReceived = m_session->bytesReceived();
    }
    m_session.reset();
    m_result.elapsedMs = m_clock.elapsed();
    return m_result;
}

bool NodeJob::openSession()
{
    enter(Step::Connect);
    if (cancelled()) {
        fail(Provisioning::tr("cancelled before connecting; nothing was done"), Outcome::Cancelled);
        return false;
    }
    log(Provisioning::tr("connecting to %1").arg(m_result.address));
    m_session = std::make_unique<SshSession>(m_cancelled);
    const ProvisionRequest &r = m_context.request;
    SshSession::Endpoint endpoint;
    endpoint.host = m_target.host;
    endpoint.port = m_target.port;
    endpoint.user = m_target.user;
    endpoint.timeoutSeconds = r.connectTimeoutSeconds;
    endpoint.configFiles = r.sshConfigFiles;
    endpoint.userKnownHosts = r.userKnownHostsFile;
    endpoint.ownKnownHosts = r.ownKnownHostsFile;
    QString error;
    const bool connected = m_session->connect(endpoint, &error);
    if (!m_session->configNote().isEmpty())
        log(m_session->configNote());
    // Where it connected (or tried to), after the SSH configuration.
    if (!m_session->user().isEmpty())
        m_result.address = QStringLiteral("%1@%2:%3")
                               .arg(m_session->user(), m_session->host())
                               .arg(m_session->port());
    if (!connected) {
        if (cancelled())
            fail(Provisioning::tr("cancelled before connecting; nothing was done"), Outcome::Cancelled);
        else
            fail(error);
        return false;
    }
    return true;
}

bool NodeJob::verifyHostKey()
{
    enter(Step::VerifyHostKey);
    const ProvisionRequest &r = m_context.request;
    const SshSession::HostKey key = m_session->inspectHostKey(r.userKnownHostsFile, r.ownKnownHostsFile);
    if (!key.error.isEmpty()) {
        fail(key.error);
        return false;
    }
    // As known_hosts names it: the address connected to (after the SSH configuration's HostName).
    const QString host = m_session->host();
    const int port = m_session->port();
    const QString hostName = port == 22 ? host : QStringLiteral("[%1]:%2").arg(host).arg(port);
    const HostKeyVerdict verdict = decideHostKey(key.userFile, key.ownFile, r.acceptNewHostKeys, m_context.broker.canAsk());
    QString error;
    switch (verdict) {
    case HostKeyVerdict::Trusted:
        log(Provisioning::tr("host key %1 %2 is known").arg(key.keyType, key.fingerprint));
        return true;
    case HostKeyVerdict::AcceptNew:
        if (!m_session->recordHostKey(r.ownKnownHostsFile, &error)) {
            fail(error);
            return false;
        }
        log(Provisioning::tr("new host: accepted its %1 key %2 (--accept-new) and recorded it in %3")
                .arg(key.keyType, key.fingerprint, r.ownKnownHostsFile));
        return true;
    case HostKeyVerdict::Ask: {
        HostKeyQuestion q{
            m_target.name, host, port, key.keyType, key.fingerprint, r.ownKnownHostsFile};
        const HostKeyAnswer answer = m_context.broker.askHostKey(q);
        if (answer == HostKeyAnswer::Reject) {
            fail(cancelled() ? Provisioning::tr("cancelled; nothing was done")
                             : Provisioning::tr("the host key %1 was not accepted; nothing was sent").arg(key.fingerprint),
                cancelled() ? Outcome::Cancelled : Outcome::Failed);
            return false;
        }
        if (answer == HostKeyAnswer::AcceptAndRecord) {
            if (!m_session->recordHostKey(r.ownKnownHostsFile, &error)) {
                fail(error);
                return false;
            }
            log(Provisioning::tr("host key %1 %2 accepted and recorded in %3").arg(key.keyType, key.fingerprint, r.ownKnownHostsFile));
        } else {
            log(Provisioning::tr("host key %1 %2 accepted for this run").arg(key.keyType, key.fingerprint));
        }
        return true;
    }
    case HostKeyVerdict::RefuseUnknown:
        fail(Provisioning::tr("%1 is not a known host: it presents the %2 key %3. Nothing was sent. Compare the "
                              "fingerprint with the node's (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on its "
                              "console), then run again with --accept-new, or answer the question in a terminal.")
                 .arg(hostName, key.keyType, key.fingerprint));
        return false;
    case HostKeyVerdict::RefuseChanged:
    case HostKeyVerdict::RefuseOtherType: {
        QStringList files;
        if (key.userFile == KnownHostState::Changed || key.userFile == KnownHostState::OtherType)
            files << r.userKnownHostsFile;
        if (key.ownFile == KnownHostState::Changed || key.ownFile == KnownHostState::OtherType)
            files << r.ownKnownHostsFile;
        QStringList remove;
        for (const QString &f : files)
            remove << QStringLiteral("ssh-keygen -R %1 -f %2").arg(hostName, f);
        fail(Provisioning::tr("WARNING: THE HOST KEY OF %1 (%2) HAS CHANGED. It now presents the %3 key %4, which "
                              "%5 does not list for it. Someone may be intercepting the connection (man in the "
                              "middle), or the node was reinstalled. Nothing was sent and nothing was changed. "
                              "If the change is expected, remove the old key (%6) and run again.")
                 .arg(m_target.name, hostName, key.keyType, key.fingerprint, files.join(QStringLiteral(", ")),
                     remove.join(QStringLiteral("; "))));
        return false;
    }
    case HostKeyVerdict::Error:
        fail(Provisioning::tr("cannot read the known_hosts files (%1, %2); refusing to connect without them")
                 .arg(r.userKnownHostsFile, r.ownKnownHostsFile));
        return false;
    }
    return false;
}

bool NodeJob::authenticate()
{
    enter(Step::Authenticate);
    QString error;
    SshSession::AuthOptions auth;
    auth.node = m_target.name;
    auth.identityFile = m_context.request.identityFile;
    QStringList authLog;
    const bool ok = m_session->authenticate(auth, m_context.broker, &authLog, &error);
    for (const QString &line : authLog)
        log(line);
    if (!ok)
        fail(error, cancelled() ? Outcome::Cancelled : Outcome::Failed);
    return ok;
}

// Authenticates, then runs the job's first node-script command (in `step`) as root: directly
// when the SSH user is root, through sudo when it needs no password, else with the run's sudo
// password (asked once per run, checked with a no-op before the command runs). nullopt when
// it failed before the command could run; the result of the command otherwise.
std::optional<SshSession::ExecResult> NodeJob::firstCall(Step step, const QStringList &args, int timeoutMs)
{
    if (!authenticate())
        return std::nullopt;
    enter(step);
    SshSession::ExecOptions o;
    o.input = NodeAssets::nodeScript();
    o.timeoutMs = timeoutMs;
    SshSession::ExecResult r = m_session->exec(RemoteCommand::firstNodeScript(args), o);
    if (r.cancelled || !r.error.isEmpty() || r.timedOut) {
        fail(Provisioning::tr("cannot run commands on the node: %1").arg(r.failure()),
            r.cancelled ? Outcome::Cancelled : Outcome::Failed);
        return std::nullopt;
    }
    // Sudo speaks on standard error and runs nothing when it refuses; the script always prints.
    const bool sudoRefused = r.exitStatus != 0 && r.out.trimmed().isEmpty() && r.err.contains("sudo:");
    if (!sudoRefused) {
        m_privilege = r.err.contains("k3snet: login uid 0\n") ? Privilege::Root : Privilege::Sudo;
        if (m_privilege == Privilege::Sudo && r.exitStatus == 0)
            log(Provisioning::tr("sudo works without a password"));
        return r;
    }
    if (r.err.contains("sudo: command not found")) {
        fail(Provisioning::tr("%1 is not root on the node and sudo is not installed there")
                 .arg(m_session->user()));
        return std::nullopt;
    }
    if (!r.err.contains("password is required")) {
        fail(Provisioning::tr("sudo refuses %1 on the node: %2")
                 .arg(m_session->user(), QString::fromUtf8(r.err.trimmed())));
        return std::nullopt;
    }
    if (!sudoWithPassword())
        return std::nullopt;
    return runScript(args, timeoutMs);
}

bool NodeJob::sudoWithPassword()
{
    SecretQuestion q;
    q.kind = SecretQuestion::Kind::SudoPassword;
    q.node = m_target.name;
    q.user = m_session->user();
    q.host = m_session->host();
    for (int attempt = 0; attempt < 2; ++attempt) {
        q.retry = attempt > 0;
        q.text = attempt == 0
            ? Provisioning::tr("sudo password for %1 on %2:").arg(m_session->user(), m_target.name)
            : Provisioning::tr("sudo refused it. sudo password for %1 on %2:")
                  .arg(m_session->user(), m_target.name);
        m_sudoPassword = m_context.broker.secret(q);
        if (!m_sudoPassword && attempt > 0)
            break; // refused once, and nobody to ask again
        if (!m_sudoPassword) {
            fail(cancelled()
                    ? Provisioning::tr("cancelled; nothing was changed")
                    : Provisioning::tr(
                        "sudo on the node needs the password of %1, and none was given; "
                        "nothing was changed (answer in a terminal, use --sudo-password-stdin or "
                        "an askpass program, or allow %1 sudo without a password)")
                          .arg(m_session->user()),
                cancelled() ? Outcome::Cancelled : Outcome::Failed);
            return false;
        }
        if (m_sudoPassword->contains('\n') || m_sudoPassword->contains('\r')) {
            fail(Provisioning::tr("the sudo password holds a line break, which sudo -S cannot read"));
            return false;
        }
        m_privilege = Privilege::SudoWithPassword;
        SshSession::ExecOptions o;
        o.input = withSecret({});
        const SshSession::ExecResult check = m_session->exec(RemoteCommand::sudoCheck(), o);
        wipeInput(o.input);
        if (check.ok()) {
            log(Provisioning::tr("sudo accepted the password"));
            return true;
        }
        if (check.cancelled) {
            fail(Provisioning::tr("cancelled; nothing was changed"), Outcome::Cancelled);
            return false;
        }
        m_context.broker.forget(q);
    }
    m_sudoPassword.reset();
    fail(Provisioning::tr("sudo on the node refused the password of %1; nothing was changed")
             .arg(m_session->user()));
    return false;
}

qsizetype NodeJob::secretPrefixSize() const
{
    return m_privilege == Privilege::SudoWithPassword && m_sudoPassword ? m_sudoPassword->size() + 1 : 0;
}

QByteArray NodeJob::withSecret(const QByteArray &data) const
{
    const qsizetype prefix = secretPrefixSize();
    if (prefix == 0)
        return data;
    // A buffer of our own, never shared with data or the broker's copy: wipeInput() clears it.
    QByteArray input(prefix + data.size(), Qt::Uninitialized);
    std::memcpy(input.data(), m_sudoPassword->constData(), size_t(prefix - 1));
    input[prefix - 1] = '\n';
    if (!data.isEmpty())
        std::memcpy(input.data() + prefix, data.constData(), size_t(data.size()));
    return input;
}

void NodeJob::wipeInput(QByteArray &input) const
{
    // Only a buffer withSecret() made holds the secret; anything else may be shared (the
    // node script, the agent binary) and must stay as it is.
    if (secretPrefixSize() > 0)
        PromptBroker::wipe(input);
}

SshSession::ExecResult NodeJob::runScript(const QStringList &args, int timeoutMs, Cleanup cleanup,
    const std::function<void(const QByteArray &)> &onLine)
{
    SshSession::ExecOptions o;
    o.onLine = onLine;
    o.input = withSecret(NodeAssets::nodeScript());
    o.timeoutMs = timeoutMs;
    o.ignoreCancel = cleanup == Cleanup::Yes;
    SshSession::ExecResult r = m_session->exec(RemoteCommand::nodeScript(args, m_privilege), o);
    wipeInput(o.input);
    return r;
}

void NodeJob::readStatus()
{
    const std::optional<SshSession::ExecResult> first = firstCall(Step::ReadStatus, {QStringLiteral("status")}, 60000);
    if (!first)
        return;
    const SshSession::ExecResult &r = *first;
    if (!r.ok()) {
        fail(Provisioning::tr("cannot read the status: %1").arg(r.failure()), r.cancelled ? Outcome::Cancelled : Outcome::Failed);
        return;
    }
    const AgentHealth h = parseAgentHealth(r.out);
    m_result.agentStatus = h.status;
    m_result.release = h.release;
    if (!h.installed) {
        m_result.outcome = Outcome::NotInstalled;
        m_result.message = Provisioning::tr("no k3snet agent is installed");
    } else if (h.converged()) {
        m_result.outcome = Outcome::Healthy;
        m_result.message = Provisioning::tr("converged (release %1, pid %2)").arg(h.release, h.pid);
    } else {
        m_result.outcome = Outcome::Unhealthy;
        m_result.message = h.problems().join(QStringLiteral("; "));
        m_result.agentError = m_result.message;
    }
    log(Provisioning::tr("status: %1").arg(m_result.message));
}

void NodeJob::uninstall()
{
    const std::optional<SshSession::ExecResult> first = firstCall(Step::Remove, {QStringLiteral("uninstall")}, 120000);
    if (!first)
        return;
    const SshSession::ExecResult &r = *first;
    for (const QByteArray &line : r.out.split('\n')) {
        if (line.startsWith("note="))
            log(QString::fromUtf8(line.mid(5)));
    }
    if (!r.ok()) {
        fail(Provisioning::tr("uninstalling failed: %1").arg(r.failure()), r.cancelled ? Outcome::Cancelled : Outcome::Failed);
        return;
    }
    const QMap<QString, QString> v = parseKeyValues(r.out);
    if (v.value(QStringLiteral("installed")) == QLatin1String("no")) {
        m_result.outcome = Outcome::NotInstalled;
        m_result.message = Provisioning::tr("no k3snet agent was installed; nothing to remove");
    } else {
        m_result.outcome = Outcome::Removed;
        m_result.message = Provisioning::tr("agent, service, configuration, CNI config and NAT rules removed; K3s left as it was");
    }
    log(m_result.message);
}

} // namespace k3snet::provision
