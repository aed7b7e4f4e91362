// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/provisioner.h"

#include "provision/nodejob.h"

#include <QDateTime>
#include <QRunnable>

namespace k3snet::provision {

// Forwards the jobs' reports as signals; called on worker threads, so the signals reach the
// provisioner's thread queued.
class Provisioner::Sink : public JobSink
{
public:
    explicit Sink(Provisioner *p)
        : m_p(p)
    {
    }
    void stepChanged(const QString &node, Step step, double fraction) override
    {
        Q_EMIT m_p->nodeStepChanged(node, step, fraction);
    }
    void logLine(const QString &node, const QString &line) override { Q_EMIT m_p->nodeLog(node, line); }

private:
    Provisioner *m_p;
};

Provisioner::Provisioner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Step>();
    qRegisterMetaType<Operation>();
    qRegisterMetaType<NodeResult>();
    qRegisterMetaType<ProvisionReport>();
}

Provisioner::~Provisioner()
{
    cancel();
    m_pool.waitForDone();
}

void Provisioner::setPrompter(Prompter *prompter)
{
    m_prompter = prompter;
}

bool Provisioner::start(const ProvisionRequest &request)
{
    if (m_running || request.nodes.isEmpty())
        return false;
    // Jobs of an earlier run may still be winding down (a cancel's rollback): they keep their
    // own context alive and report to nobody.
    m_pool.waitForDone();
    m_context = std::make_shared<RunContext>(request, m_prompter);
    m_sink = std::make_unique<Sink>(this);
    m_cancelFlags.clear();
    m_indexOf.clear();
    m_results.clear();
    m_done.clear();
    QStringList names;
    for (const NodeTarget &t : request.nodes) {
        m_indexOf.insert(t.name, int(m_cancelFlags.size()));
        m_cancelFlags.push_back(std::make_unique<std::atomic<bool>>(false));
        NodeResult pending;
        pending.node = t.name;
        pending.operation = request.operation;
        m_results << pending;
        m_done << false;
        names << t.name;
    }
    m_remaining = int(request.nodes.size());
    m_running = true;
    const int generation = ++m_generation;
    m_startedAt = QDateTime::currentMSecsSinceEpoch();
    m_pool.setMaxThreadCount(qBound(1, request.jobs, 64));
    Q_EMIT started(request.operation, names);

    for (int i = 0; i < request.nodes.size(); ++i) {
        std::shared_ptr<RunContext> context = m_context;
        const NodeTarget target = request.nodes.at(i);
        const std::atomic<bool> *flag = m_cancelFlags.at(size_t(i)).get();
        JobSink *sink = m_sink.get();
        m_pool.start(QRunnable::create([this, context, target, flag, sink, i, generation] {
            NodeJob job(*context, target, flag, sink);
            const NodeResult result = job.run();
            QMetaObject::invokeMethod(
                this, [this, i, result, generation] { onNodeFinished(generation, i, result); }, Qt::QueuedConnection);
        }));
    }
    return true;
}

void Provisioner::cancel()
{
    if (m_context)
        m_context->cancelAll = true;
    for (auto &flag : m_cancelFlags)
        flag->store(true);
}

void Provisioner::cancelNode(const QString &node)
{
    const auto it = m_indexOf.constFind(node);
    if (it != m_indexOf.constEnd())
        m_cancelFlags.at(size_t(*it))->store(true);
}

void Provisioner::onNodeFinished(int generation, int index, const NodeResult &result)
{
    if (generation != m_generation || index < 0 || index >= m_results.size() || m_done.at(index))
        return;
    m_results[index] = result;
    m_done[index] = true;
    Q_EMIT nodeFinished(result);
    if (--m_remaining > 0)
        return;
    m_report = ProvisionReport();
    m_report.operation = m_context->request.operation;
    m_report.nodes = m_results;
    m_report.cancelled = m_context->cancelAll.load();
    m_report.elapsedMs = QDateTime::currentMSecsSinceEpoch() - m_startedAt;
    m_context->broker.wipe();
    m_running = false;
    Q_EMIT finished(m_report);
}

} // namespace k3snet::provision
