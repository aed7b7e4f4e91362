// SPDX-License-Identifier: GPL-3.0-or-later
#include "progressview.h"

#include "cli.h"
#include "texttable.h"

#include "provision/provisioner.h"
#include "provision/provisiontr.h"

#include <sys/ioctl.h>
#include <unistd.h>

using namespace k3snet::provision;

namespace {

constexpr int barWidth = 20;

QString bytesText(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return Cli::tr("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return Cli::tr("%1 KiB").arg(double(bytes) / 1024.0, 0, 'f', 1);
}

} // namespace

ProgressView::ProgressView(QTextStream &stream, int fd, bool verbose, QObject *parent)
    : QObject(parent)
    , m_out(stream)
    , m_fd(fd)
    , m_live(isatty(fd) && qgetenv("TERM") != "dumb")
    , m_verbose(verbose)
{
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        QMutexLocker lock(&m_mutex);
        if (m_dirty && !m_suspended)
            redrawLocked();
    });
}

void ProgressView::attach(Provisioner *p)
{
    connect(p, &Provisioner::started, this, [this](Operation, const QStringList &nodes) { onStarted(nodes); });
    connect(p, &Provisioner::nodeStepChanged, this, &ProgressView::onStep);
    connect(p, &Provisioner::nodeLog, this, &ProgressView::onLog);
    connect(p, &Provisioner::nodeFinished, this, &ProgressView::onNodeFinished);
    connect(p, &Provisioner::finished, this, [this] {
        m_timer.stop();
        QMutexLocker lock(&m_mutex);
        if (m_live && !m_suspended)
            redrawLocked();
        m_drawn = 0; // the final block stays on screen, the summary goes below it
    });
}

int ProgressView::width() const
{
    winsize ws{};
    if (m_live && ::ioctl(m_fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
        return ws.ws_col;
    return 100;
}

ProgressView::Row *ProgressView::row(const QString &node)
{
    for (Row &r : m_rows) {
        if (r.node == node)
            return &r;
    }
    return nullptr;
}

void ProgressView::onStarted(const QStringList &nodes)
{
    QMutexLocker lock(&m_mutex);
    m_rows.clear();
    for (const QString &n : nodes) {
        m_rows.append(Row{n, Step::Connect, 0.0, false, false, {}});
        m_nameWidth = qMax(m_nameWidth, int(n.size()));
    }
    if (m_live) {
        m_dirty = true;
        m_timer.start();
    }
}

void ProgressView::onStep(const QString &node, Step step, double fraction)
{
    QMutexLocker lock(&m_mutex);
    Row *r = row(node);
    if (!r)
        return;
    const bool changed = r->step != step || !r->started;
    r->started = true;
    r->step = step;
    r->fraction = fraction;
    m_dirty = true;
    if (!m_live && changed && step != Step::Done)
        writeLocked(QStringLiteral("%1: %2").arg(node, stepName(step)));
}

void ProgressView::onLog(const QString &node, const QString &line)
{
    // Warnings always show; the rest with --verbose (every result carries its full log).
    static const QString warningPrefix = Provisioning::tr("warning: %1").arg(QString());
    if (!m_verbose && !line.startsWith(warningPrefix))
        return;
    printLine(QStringLiteral("%1: %2").arg(node, line));
}

void ProgressView::onNodeFinished(const NodeResult &result)
{
    QMutexLocker lock(&m_mutex);
    if (Row *r = row(result.node)) {
        r->finished = true;
        r->result = result;
        r->fraction = 1.0;
    }
    m_dirty = true;
    if (!m_live)
        writeLocked(QStringLiteral("%1: %2 - %3").arg(result.node, outcomeName(result.outcome), result.message));
}

void ProgressView::printLine(const QString &line)
{
    QMutexLocker lock(&m_mutex);
    if (m_live && !m_suspended)
        eraseLocked();
    writeLocked(line);
    if (m_live && !m_suspended)
        redrawLocked();
}

void ProgressView::writeLocked(const QString &line)
{
    // While a prompt has the terminal, nothing else may write to it.
    if (m_suspended) {
        m_held << line;
        return;
    }
    m_out << line << Qt::endl;
}

void ProgressView::suspend()
{
    QMutexLocker lock(&m_mutex);
    if (m_live)
        eraseLocked();
    m_suspended = true;
}

void ProgressView::resume()
{
    QMutexLocker lock(&m_mutex);
    m_suspended = false;
    for (const QString &line : std::as_const(m_held))
        m_out << line << '\n';
    m_held.clear();
    if (m_live)
        redrawLocked();
    m_out.flush();
}

void ProgressView::eraseLocked()
{
    if (m_drawn > 0)
        m_out << "\x1b[" << m_drawn << "A\r\x1b[J";
    m_out.flush();
    m_drawn = 0;
}

QString ProgressView::rowText(const Row &r) const
{
    const QString name = r.node.leftJustified(m_nameWidth);
    QString text;
    if (r.finished) {
        const QString mark = r.result.ok() ? QStringLiteral("\u2713") : QStringLiteral("\u2717");
        text = QStringLiteral("%1  %2 %3: %4").arg(name, mark, outcomeName(r.result.outcome), r.result.message);
    } else {
        const int filled = qBound(0, int(r.fraction * barWidth + 0.5), barWidth);
        const QString bar = QString(filled, QChar(0x2588)) + QString(barWidth - filled, QChar(0x2591));
        text = QStringLiteral("%1  %2 %3%  %4").arg(name, bar).arg(int(r.fraction * 100), 3).arg(stepName(r.step));
    }
    // A wrapped line would break the cursor arithmetic of the redraw.
    const int max = width() - 1;
    if (text.size() > max)
        text = text.left(max - 1) + QChar(0x2026);
    return text;
}

void ProgressView::redrawLocked()
{
    if (m_drawn > 0)
        m_out << "\x1b[" << m_drawn << "A";
    for (const Row &r : m_rows)
        m_out << "\r\x1b[2K" << rowText(r) << '\n';
    m_out.flush();
    m_drawn = int(m_rows.size());
    m_dirty = false;
}

void ProgressView::printSummary(QTextStream &out, const ProvisionReport &report)
{
    TextTable table({Cli::tr("NODE"), Cli::tr("RESULT"), Cli::tr("STEP"), Cli::tr("UPLOADED"), Cli::tr("TIME"),
        Cli::tr("DETAILS")});
    for (const NodeResult &r : report.nodes) {
        table.addRow({r.node, outcomeName(r.outcome), r.ok() ? QString() : stepName(r.lastStep),
            r.uploadedBytes > 0 ? bytesText(r.uploadedBytes) : QStringLiteral("-"),
            Cli::tr("%1 s").arg(double(r.elapsedMs) / 1000.0, 0, 'f', 1), r.message});
    }
    out << '\n';
    table.print(out);
    for (const NodeResult &r : report.nodes) {
        if (!r.agentError.isEmpty() && !r.message.contains(r.agentError))
            out << Cli::tr("%1: the agent said: %2").arg(r.node, r.agentError) << '\n';
    }
    const int failed = report.failedCount();
    out << '\n'
        << (failed == 0 ? Cli::tr("%n node(s), all ok", nullptr, int(report.nodes.size()))
                        : Cli::tr("%1 of %2 nodes failed").arg(failed).arg(report.nodes.size()));
    if (report.cancelled)
        out << Cli::tr(" (cancelled)");
    out << Cli::tr(", %1 s").arg(double(report.elapsedMs) / 1000.0, 0, 'f', 1) << '\n';
    out.flush();
}
