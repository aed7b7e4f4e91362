// SPDX-License-Identifier: GPL-3.0-or-later
// NodeJob::provision: detect what is on the node, upload what differs, then one call that
// verifies it there, switches over, starts and waits for the agent to converge; roll back to
// what ran before if it does not. Four SSH commands for a first install, one for a node that
// is up to date (two more when sudo wants a password).
#include "provision/nodejob.h"

#include "provision/agenthealth.h"
#include "provision/nodeassets.h"
#include "provision/provisiontr.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>

#include <algorithm>

namespace k3snet::provision {

namespace {

// How long the apply call waits on the node for the agent to converge before it returns, and
// how long each later health call waits there: the node polls locally (every 0.2 s), which
// costs no SSH round trip and no sudo per poll.
constexpr int applyWaitSeconds = 5;
constexpr int nodeHealthWaitSeconds = 2;
// Seconds an unchanged node gets to show it is converged (it normally is at once).
constexpr int quickHealthSeconds = 10;

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QString stageFileName(const QString &name)
{
    if (name == QLatin1String("agent"))
        return QStringLiteral("k3snet-agent");
    if (name == QLatin1String("config"))
        return QStringLiteral("agent.yaml");
    if (name == QLatin1String("key"))
        return QStringLiteral("cluster.key");
    if (name == QLatin1String("unit"))
        return QStringLiteral("k3snet-agent.service");
    return QStringLiteral("k3snet-supervise");
}

QString sizeText(qint64 bytes)
{
    return bytes >= 1024 * 1024 ? Provisioning::tr("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1)
                                : Provisioning::tr("%1 KiB").arg(double(bytes) / 1024.0, 0, 'f', 1);
}

} // namespace

QByteArray NodeJob::payloadFor(const QString &name) const
{
    if (name == QLatin1String("agent"))
        return m_binary->bytes;
    if (name == QLatin1String("config"))
        return m_target.agentConfig;
    if (name == QLatin1String("key"))
        return m_context.request.clusterKey;
    return m_service;
}

void NodeJob::provision()
{
    const std::optional<SshSession::ExecResult> first
        = firstCall(Step::Detect, {QStringLiteral("detect"), QStringLiteral("--health")}, 60000);
    if (!first)
        return;
    if (!first->ok()) {
        fail(Provisioning::tr("detecting the node failed: %1").arg(first->failure()),
            first->cancelled ? Outcome::Cancelled : Outcome::Failed);
        return;
    }
    InstallPlan plan;
    if (!detect(first->out, &plan))
        return;
    if (!plan.changesFiles()) {
        checkUnchanged(plan, first->out);
        return;
    }
    QStringList what;
    for (const QString &name : plan.uploads(m_serviceName))
        what << QStringLiteral("%1 (%2)").arg(name, sizeText(payloadFor(name).size()));
    log(Provisioning::tr("to upload: %1").arg(what.isEmpty() ? Provisioning::tr("nothing") : what.join(QStringLiteral(", "))));
    if (!upload(plan))
        return;
    if (cancelled()) {
        discardStage();
        fail(Provisioning::tr("cancelled before the switch; the node is as it was"), Outcome::Cancelled);
        return;
    }
    apply(plan);
}

bool NodeJob::detect(const QByteArray &output, InstallPlan *plan)
{
    QString error;
    const std::optional<NodeFacts> facts = parseNodeFacts(output, &error);
    if (!facts) {
        fail(error);
        return false;
    }
    m_facts = *facts;
    m_result.arch = m_facts.arch;
    const std::optional<QString> arch = agentArchFor(m_facts.arch);
    if (!arch) {
        fail(Provisioning::tr("the node is %1; k3snet-agent is built for aarch64 (64-bit OS), armv7l (32-bit OS on "
                              "a Pi 2 or later) and x86_64 only")
                 .arg(m_facts.arch.isEmpty() ? Provisioning::tr("of an unknown architecture") : m_facts.arch));
        return false;
    }
    m_binary = m_context.bundle.binaryFor(*arch, &error);
    if (!m_binary) {
        fail(error);
        return false;
    }
    m_result.initSystem = m_facts.systemd ? QStringLiteral("systemd") : QStringLiteral("none");
    m_result.release = m_facts.release;
    log(Provisioning::tr("%1, kernel %2, %3, VXLAN: %4, agent: %5")
            .arg(m_facts.arch, m_facts.kernel,
                m_facts.systemd ? Provisioning::tr("systemd") : Provisioning::tr("no systemd (fallback supervisor)"),
                m_facts.vxlan,
                m_facts.installed() ? Provisioning::tr("release %1, %2")
                                          .arg(m_facts.release,
                                              m_facts.running ? Provisioning::tr("running") : Provisioning::tr("stopped"))
                                    : Provisioning::tr("not installed")));
    if (m_facts.vxlan == QLatin1String("no")) {
        fail(Provisioning::tr("the node's kernel has no VXLAN support (CONFIG_VXLAN is not set); k3snet-agent cannot "
                              "build the overlay there"));
        return false;
    }
    const auto warn = [this](const QString &w) {
        m_result.warnings << w;
        log(Provisioning::tr("warning: %1").arg(w));
    };
    if (m_facts.vxlan != QLatin1String("yes"))
        warn(Provisioning::tr("cannot tell whether the kernel has VXLAN (no module, no kernel config found)"));
    if (!m_facts.k3sPath.isEmpty() && !m_facts.k3sFlannelNone)
        warn(Provisioning::tr("K3s is installed without flannel-backend: none; its own flannel would fight k3snet-agent "
                              "over flannel.1 (see k3snetctl export --k3s-config %1)")
                 .arg(m_target.name));
    if (!m_facts.k3sPath.isEmpty() && !m_facts.k3sServicelbDisabled)
        warn(Provisioning::tr("K3s's servicelb is not disabled; it would answer for LoadBalancer IPs too"));
    if (m_facts.pending)
        warn(Provisioning::tr("an earlier run stopped before it finished; its snapshot is kept for rollback"));

    m_service = m_facts.systemd ? NodeAssets::systemdUnit() : NodeAssets::supervisor();
    m_serviceName = m_facts.systemd ? QStringLiteral("unit") : QStringLiteral("supervise");
    const Payload payload{m_binary->release, m_binary->sha256, sha256Hex(m_target.agentConfig),
        sha256Hex(m_context.request.clusterKey), sha256Hex(m_service)};
    *plan = planInstall(m_facts, payload);
    return true;
}

// No file differs: check the agent runs and is converged; start it when it does not run.
void NodeJob::checkUnchanged(const InstallPlan &plan, const QByteArray &detectOutput)
{
    QByteArray firstHealth = detectOutput;
    if (plan.action == InstallPlan::Action::Start) {
        enter(Step::Start);
        const SshSession::ExecResult r = runScript({QStringLiteral("start"), QStringLiteral("ensure")});
        if (!r.ok()) {
            fail(Provisioning::tr("starting the agent failed: %1").arg(r.failure()), r.cancelled ? Outcome::Cancelled : Outcome::Failed);
            return;
        }
        firstHealth.clear();
    }
    enter(Step::HealthCheck);
    QString why;
    const int timeout = plan.action == InstallPlan::Action::Start ? m_context.request.healthTimeoutSeconds : quickHealthSeconds;
    if (!healthy(firstHealth, timeout, Cleanup::No, &why)) {
        if (cancelled()) {
            fail(Provisioning::tr("cancelled; nothing was changed"), Outcome::Cancelled);
            return;
        }
        // The files are the wanted ones: there is nothing older to roll back to.
        m_result.agentError = why;
        fail(Provisioning::tr("nothing needed changing, but the agent is not converged: %1").arg(why));
        return;
    }
    if (m_facts.pending)
        runScript({QStringLiteral("commit")});
    if (plan.action == InstallPlan::Action::Start) {
        m_result.outcome = Outcome::Started;
        m_result.message = Provisioning::tr("nothing changed; the agent was not running and was started; converged");
    } else {
        m_result.outcome = Outcome::UpToDate;
        m_result.message = Provisioning::tr("up to date: nothing uploaded, nothing restarted; converged");
    }
    log(m_result.message);
}

bool NodeJob::upload(const InstallPlan &plan)
{
    enter(Step::Upload, 0.0);
    const QStringList names = plan.uploads(m_serviceName);
    QList<RemoteCommand::StagedFile> files;
    QByteArray data;
    for (const QString &name : names) {
        const QByteArray bytes = payloadFor(name);
        files << RemoteCommand::StagedFile{stageFileName(name), bytes.size(), sha256Hex(bytes)};
        data += bytes;
    }
    const qint64 total = data.size();
    SshSession::ExecOptions o;
    const qsizetype prefix = secretPrefixSize();
    o.input = withSecret(data);
    data.clear();
    // Generous: a Pi on Wi-Fi moves about 1 MiB/s; this waits for 64 KiB/s.
    o.timeoutMs = 60000 + int(total / 64);
    int lastPercent = -1;
    o.progress = [&](qint64 written) {
        const qint64 payload = qMax<qint64>(0, written - prefix);
        const int percent = total > 0 ? int(payload * 100 / total) : 100;
        if (percent != lastPercent) {
            lastPercent = percent;
            enter(Step::Upload, double(percent) / 100.0);
        }
    };
    const SshSession::ExecResult r = m_session->exec(RemoteCommand::receive(files, m_privilege), o);
    wipeInput(o.input);
    if (!r.ok()) {
        discardStage();
        if (r.cancelled)
            fail(Provisioning::tr("cancelled during the upload; nothing was switched, the node is as it was"), Outcome::Cancelled);
        else
            fail(Provisioning::tr("the upload failed: %1; nothing was switched, the node is as it was").arg(r.failure()));
        return false;
    }
    m_result.uploadedBytes += total;
    QStringList what;
    for (const RemoteCommand::StagedFile &f : files)
        what << QStringLiteral("%1 (%2)").arg(f.name, sizeText(f.size));
    log(Provisioning::tr("uploaded and checked on the node: %1").arg(what.join(QStringLiteral(", "))));
    return true;
}

// One call does the switch: verify, install, configure, start and a first wait for the agent;
// the node script reports each step as it begins ("step=install", ...). It is not cut off by a
// cancel (a switch is never left half-done); the cancel rolls back after it.
void NodeJob::apply(const InstallPlan &plan)
{
    enter(Step::Verify);
    const QString mode = plan.action == InstallPlan::Action::Reload ? QStringLiteral("reload")
        : plan.action == InstallPlan::Action::Restart            ? QStringLiteral("restart")
                                                                 : QStringLiteral("ensure");
    const int firstWait = qMin(m_context.request.healthTimeoutSeconds, applyWaitSeconds);
    QStringList args{QStringLiteral("apply"), QStringLiteral("rid=") + m_binary->release, QStringLiteral("mode=") + mode,
        QStringLiteral("wait=%1").arg(firstWait)};
    if (plan.switchRelease)
        args << QStringLiteral("agent=") + QString::fromLatin1(m_binary->sha256);
    for (const QString &name : plan.configured(m_serviceName))
        args << name + QLatin1Char('=') + QString::fromLatin1(sha256Hex(payloadFor(name)));
    bool switched = false;
    QDeadlineTimer healthDeadline;
    const auto onLine = [&](const QByteArray &line) {
        if (line == "step=install") {
            switched = true;
            enter(Step::Install);
        } else if (line == "step=configure") {
            enter(Step::Configure);
        } else if (line == "step=start") {
            enter(Step::Start);
        } else if (line == "step=health") {
            enter(Step::HealthCheck);
            healthDeadline = QDeadlineTimer(qint64(m_context.request.healthTimeoutSeconds) * 1000);
        } else if (line.startsWith("version=")) {
            log(Provisioning::tr("verified on the node: the sha256 of every file; %1 runs there and accepts the "
                                 "configuration")
                    .arg(QString::fromUtf8(line.mid(8))));
        } else if (line.startsWith("switched=")) {
            log(Provisioning::tr("switched to release %1").arg(QString::fromUtf8(line.mid(9))));
        } else if (line.startsWith("placed=")) {
            log(Provisioning::tr("in place: %1").arg(QString::fromUtf8(line.mid(7))));
        }
    };
    const SshSession::ExecResult r = runScript(args, 120000 + firstWait * 1000, Cleanup::Yes, onLine);
    if (!r.ok() && !switched) {
        discardStage();
        fail(Provisioning::tr("verification on the node failed: %1; nothing was switched, the node is as it was")
                 .arg(r.failure()));
        return;
    }
    if (!r.ok())
        return rollBack(Provisioning::tr("%1 failed: %2").arg(stepName(m_result.lastStep), r.failure()), Outcome::RolledBack);
    if (cancelled())
        return rollBack(Provisioning::tr("cancelled"), Outcome::Cancelled);
    log(mode == QLatin1String("reload") ? Provisioning::tr("agent reloaded (SIGHUP)") : Provisioning::tr("agent started"));
    QString why;
    const int remaining = int(qMax<qint64>(0, healthDeadline.remainingTime()) / 1000);
    if (!healthy(r.out, remaining, Cleanup::No, &why)) {
        if (cancelled())
            return rollBack(Provisioning::tr("cancelled"), Outcome::Cancelled);
        m_result.agentError = why;
        return rollBack(Provisioning::tr("the agent did not converge within %1 s: %2")
                            .arg(m_context.request.healthTimeoutSeconds)
                            .arg(why),
            Outcome::RolledBack);
    }
    commit(plan);
}

void NodeJob::commit(const InstallPlan &plan)
{
    const SshSession::ExecResult r = runScript({QStringLiteral("commit")});
    if (!r.ok())
        log(Provisioning::tr("warning: keeping the previous state failed: %1").arg(r.failure()));
    m_result.release = m_binary->release;
    if (plan.fresh) {
        m_result.outcome = Outcome::Installed;
        m_result.message = Provisioning::tr("installed release %1; converged").arg(m_binary->release);
    } else if (plan.switchRelease || plan.key || plan.service) {
        m_result.outcome = Outcome::Updated;
        m_result.message = Provisioning::tr("updated and restarted (release %1); converged").arg(m_binary->release);
    } else {
        m_result.outcome = Outcome::Reconfigured;
        m_result.message = Provisioning::tr("new configuration loaded; converged");
    }
    log(m_result.message);
}

// Whether the agent the service runs is converged: first from `firstOutput` (a health block
// the previous call printed, if any), then asking the node, which waits a little each time,
// until `timeoutSeconds` have passed.
bool NodeJob::healthy(const QByteArray &firstOutput, int timeoutSeconds, Cleanup cleanup, QString *why)
{
    const QDeadlineTimer deadline(qint64(timeoutSeconds) * 1000);
    AgentHealth last = parseAgentHealth(firstOutput);
    while (!last.converged() && !deadline.hasExpired()) {
        if (cleanup == Cleanup::No && cancelled()) {
            *why = Provisioning::tr("cancelled");
            return false;
        }
        const qint64 leftSeconds = (deadline.remainingTime() + 999) / 1000;
        const int wait = int(std::clamp<qint64>(leftSeconds, 1, nodeHealthWaitSeconds));
        const SshSession::ExecResult r
            = runScript({QStringLiteral("health"), QString::number(wait)}, 30000 + wait * 1000, cleanup);
        if (!r.ok()) {
            *why = Provisioning::tr("cannot read the agent's status: %1").arg(r.failure());
            return false;
        }
        last = parseAgentHealth(r.out);
    }
    m_result.agentStatus = last.status;
    if (last.converged())
        return true;
    QStringList reasons = last.problems();
    // The agent's own last words, when it keeps failing to start.
    const SshSession::ExecResult tail = runScript({QStringLiteral("logtail"), QStringLiteral("5")}, 30000, Cleanup::Yes);
    if (tail.ok()) {
        QStringList lines;
        for (const QByteArray &line : tail.out.trimmed().split('\n')) {
            if (!line.trimmed().isEmpty())
                lines << QString::fromUtf8(line.trimmed());
        }
        if (!lines.isEmpty())
            reasons << Provisioning::tr("agent log: %1").arg(lines.join(QStringLiteral(" | ")));
    }
    *why = reasons.join(QStringLiteral("; "));
    return false;
}

void NodeJob::rollBack(const QString &reason, Outcome outcome)
{
    log(Provisioning::tr("rolling back: %1").arg(reason));
    const SshSession::ExecResult r = runScript({QStringLiteral("rollback")}, 120000, Cleanup::Yes);
    if (!r.ok()) {
        fail(Provisioning::tr("%1; the rollback failed too: %2 (the node needs attention: k3snetctl status)")
                 .arg(reason, r.failure()));
        return;
    }
    const QString previous = parseKeyValues(r.out.left(r.out.indexOf("\n---\n"))).value(QStringLiteral("rolledback"));
    if (previous == QLatin1String("none") || previous.isEmpty()) {
        m_result.release.clear();
        fail(Provisioning::tr("%1; this was the first install, so everything it installed was removed again").arg(reason),
            outcome == Outcome::Cancelled ? Outcome::Cancelled : Outcome::Failed);
        return;
    }
    m_result.release = previous;
    QString why;
    if (healthy(r.out, m_context.request.healthTimeoutSeconds, Cleanup::Yes, &why))
        fail(Provisioning::tr("%1; rolled back to release %2 and the previous configuration, which converged again")
                 .arg(reason, previous),
            outcome);
    else
        fail(Provisioning::tr("%1; rolled back to release %2 and the previous configuration, but that does not converge "
                              "either: %3")
                 .arg(reason, previous, why),
            outcome);
}

void NodeJob::discardStage()
{
    if (!m_session)
        return;
    const SshSession::ExecResult r = runScript({QStringLiteral("discard")}, 30000, Cleanup::Yes);
    if (!r.ok())
        log(Provisioning::tr("could not clear the upload stage on the node: %1").arg(r.failure()));
}

} // namespace k3snet::provision
