// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provision/agentbundle.h"
#include "provision/installplan.h"
#include "provision/noderesult.h"
#include "provision/promptbroker.h"
#include "provision/provisionrequest.h"
#include "provision/remotecommand.h"
#include "provision/sshsession.h"

#include <QElapsedTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace k3snet::provision {

// Where a job reports while it runs; called from the job's worker thread.
class JobSink
{
public:
    virtual ~JobSink() = default;
    virtual void stepChanged(const QString &node, Step step, double fraction) = 0;
    virtual void logLine(const QString &node, const QString &line) = 0;
};

// What the jobs of one run share: the request, the prompts, the agent binaries.
struct RunContext
{
    RunContext(const ProvisionRequest &r, Prompter *prompter)
        : request(r)
        , broker(prompter, &cancelAll)
    {
    }
    ProvisionRequest request;
    std::atomic<bool> cancelAll{false};
    PromptBroker broker;
    AgentBundle bundle;
};

// One node's job for one operation, run on a worker thread from start to end: opens the SSH
// session, gets root, then provisions (detect, upload, verify, install, configure, start,
// health check, and rollback on failure after the switch), reads the status, or uninstalls.
// Never throws; every failure ends in the NodeResult with a message naming the node.
class NodeJob
{
public:
    NodeJob(RunContext &context, const NodeTarget &target, const std::atomic<bool> *cancelled, JobSink *sink);
    NodeResult run();

private:
    // Common steps (nodejob.cpp).
    bool openSession();
    bool verifyHostKey();
    bool authenticate();
    std::optional<SshSession::ExecResult> firstCall(Step step, const QStringList &args, int timeoutMs);
    bool sudoWithPassword();
    enum class Cleanup { No, Yes }; // Yes: runs even after a cancel (rollback, discard)
    SshSession::ExecResult runScript(const QStringList &args, int timeoutMs = 60000, Cleanup cleanup = Cleanup::No,
        const std::function<void(const QByteArray &)> &onLine = {});
    // data with the sudo password line in front when sudo needs it (sudo -S reads it first).
    QByteArray withSecret(const QByteArray &data) const;
    qsizetype secretPrefixSize() const;
    void wipeInput(QByteArray &input) const;
    void enter(Step step, double within = 0.0);
    void log(const QString &line);
    bool cancelled() const { return m_cancelled->load(); }
    void fail(const QString &message, Outcome outcome = Outcome::Failed);
    void readStatus();
    void uninstall();

    // Provisioning (provisionjob.cpp).
    void provision();
    bool detect(const QByteArray &output, InstallPlan *plan);
    bool upload(const InstallPlan &plan);
    void apply(const InstallPlan &plan);
    void checkUnchanged(const InstallPlan &plan, const QByteArray &detectOutput);
    bool healthy(const QByteArray &firstOutput, int timeoutSeconds, Cleanup cleanup, QString *why);
    void commit(const InstallPlan &plan);
    void rollBack(const QString &reason, Outcome outcome);
    void discardStage();
    QByteArray payloadFor(const QString &name) const;

    RunContext &m_context;
    NodeTarget m_target;
    const std::atomic<bool> *m_cancelled;
    JobSink *m_sink;
    std::unique_ptr<SshSession> m_session;
    Privilege m_privilege = Privilege::Sudo;
    std::optional<QByteArray> m_sudoPassword;
    NodeResult m_result;
    QElapsedTimer m_clock;
    // Provisioning state.
    std::shared_ptr<const AgentBundle::Binary> m_binary;
    NodeFacts m_facts;
    QByteArray m_service;   // the unit or the supervisor, whichever the node uses
    QString m_serviceName;  // "unit" or "supervise"
};

} // namespace k3snet::provision
