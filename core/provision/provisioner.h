// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provision/noderesult.h"
#include "provision/provisionreport.h"
#include "provision/provisionrequest.h"
#include "provision/step.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <vector>

namespace k3snet::provision {

class Prompter;
struct RunContext;

// Provisions k3snet-agent on the nodes of a request over SSH, reads their status, or
// uninstalls it: one NodeJob per node on a bounded pool of worker threads (request.jobs at
// once), so that a slow or failing node holds up no other. Lives in (and emits to) the thread
// that created it, which needs an event loop; every signal arrives there queued, in order per
// node. Cancellable as a whole or per node at any step: a node cancelled before its switch is
// left as it was, one cancelled after it is rolled back.
//
//   Provisioner p;
//   p.setPrompter(&myPrompter); // host keys, passphrases, sudo password (worker threads)
//   connect(&p, &Provisioner::nodeStepChanged, ...); connect(&p, &Provisioner::finished, ...);
//   p.start(makeProvisionRequest(Operation::Provision, project, file, options).request.value());
class Provisioner : public QObject
{
    Q_OBJECT

public:
    explicit Provisioner(QObject *parent = nullptr);
    // Cancels a run still going and waits for its jobs (rollbacks included) to end. A prompter
    // that answers through this object's thread must not be asked then: cancel() first and
    // wait for finished().
    ~Provisioner() override;

    // Not owned; must outlive the run. Called from worker threads, one question at a time.
    void setPrompter(Prompter *prompter);

    // Starts a run; false (and nothing happens) when one is running or the request names no
    // node. The request is copied.
    bool start(const ProvisionRequest &request);
    bool isRunning() const { return m_running; }
    void cancel();
    void cancelNode(const QString &node);
    // The report of the last run that finished.
    const ProvisionReport &lastReport() const { return m_report; }

Q_SIGNALS:
    void started(k3snet::provision::Operation operation, const QStringList &nodes);
    // `fraction` (0..1) of the node's whole job is done; `step` is the one running.
    void nodeStepChanged(const QString &node, k3snet::provision::Step step, double fraction);
    // One line of the node's log (never a secret).
    void nodeLog(const QString &node, const QString &line);
    void nodeFinished(const k3snet::provision::NodeResult &result);
    void finished(const k3snet::provision::ProvisionReport &report);

private:
    class Sink;
    void onNodeFinished(int generation, int index, const k3snet::provision::NodeResult &result);

    Prompter *m_prompter = nullptr;
    QThreadPool m_pool;
    std::shared_ptr<RunContext> m_context;
    std::unique_ptr<Sink> m_sink;
    std::vector<std::unique_ptr<std::atomic<bool>>> m_cancelFlags;
    QHash<QString, int> m_indexOf;
    QList<NodeResult> m_results;
    QList<bool> m_done;
    int m_remaining = 0;
    int m_generation = 0; // results of an earlier run arriving late are ignored
    bool m_running = false;
    qint64 m_startedAt = 0;
    ProvisionReport m_report;
};

} // namespace k3snet::provision
