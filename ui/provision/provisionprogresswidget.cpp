// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/provisionprogresswidget.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace k3snet {

using namespace provision;

namespace {
enum Column { NodeColumn, StepColumn, ProgressColumn, ResultColumn };
}

ProvisionProgressWidget::ProvisionProgressWidget(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget)
    , m_log(new QPlainTextEdit)
{
    m_tree->setObjectName(QStringLiteral("progressTree"));
    m_tree->setAccessibleName(tr("Progress per node"));
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderLabels({tr("Node"), tr("Step"), tr("Progress"), tr("Result")});
    m_tree->header()->setSectionResizeMode(NodeColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(StepColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(ProgressColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(ResultColumn, QHeaderView::ResizeToContents);

    m_log->setObjectName(QStringLiteral("nodeLog"));
    m_log->setAccessibleName(tr("Log of the selected node"));
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("Select a node to see its log."));
    m_log->setMaximumBlockCount(5000);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_log);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &ProvisionProgressWidget::showLogOfSelection);
}

void ProvisionProgressWidget::reset(const QStringList &nodes)
{
    m_tree->clear();
    m_items.clear();
    m_bars.clear();
    m_logs.clear();
    m_log->clear();
    for (const QString &node : nodes) {
        auto *item = new QTreeWidgetItem(m_tree, {node, tr("waiting"), QString(), QString()});
        auto *bar = new QProgressBar;
        bar->setRange(0, 100);
        bar->setValue(0);
        bar->setAccessibleName(tr("Progress of %1").arg(node));
        m_tree->setItemWidget(item, ProgressColumn, bar);
        m_items.insert(node, item);
        m_bars.insert(node, bar);
    }
}

void ProvisionProgressWidget::setStep(const QString &node, Step step, double fraction)
{
    if (QTreeWidgetItem *item = m_items.value(node))
        item->setText(StepColumn, stepName(step));
    if (QProgressBar *bar = m_bars.value(node))
        bar->setValue(qBound(0, qRound(fraction * 100.0), 100));
}

void ProvisionProgressWidget::appendLog(const QString &node, const QString &line)
{
    m_logs[node].append(line);
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    if (selected.isEmpty())
        m_log->appendPlainText(node + QStringLiteral(": ") + line);
    else if (selected.first()->text(NodeColumn) == node)
        m_log->appendPlainText(line);
}

void ProvisionProgressWidget::setResult(const NodeResult &result)
{
    QTreeWidgetItem *item = m_items.value(result.node);
    if (!item)
        return;
    item->setText(ResultColumn, outcomeName(result.outcome));
    item->setToolTip(ResultColumn, result.message);
    item->setToolTip(NodeColumn, result.message);
    if (result.ok())
        item->setText(StepColumn, stepName(Step::Done));
    if (!result.ok()) {
        // Readable on light and dark palettes alike: saturated mid-tones, not pure red.
        const QColor failed(0xd9, 0x3a, 0x3a), cancelled(0xc0, 0x7a, 0x10);
        item->setForeground(ResultColumn, result.outcome == Outcome::Cancelled ? cancelled : failed);
    }
    if (QProgressBar *bar = m_bars.value(result.node))
        bar->setValue(100);
    QStringList &log = m_logs[result.node];
    if (!result.message.isEmpty() && (log.isEmpty() || log.last() != result.message))
        log.append(result.message);
    showLogOfSelection();
}

QString ProvisionProgressWidget::stepText(const QString &node) const
{
    const QTreeWidgetItem *item = m_items.value(node);
    return item ? item->text(StepColumn) : QString();
}

QString ProvisionProgressWidget::resultText(const QString &node) const
{
    const QTreeWidgetItem *item = m_items.value(node);
    return item ? item->text(ResultColumn) : QString();
}

int ProvisionProgressWidget::progressPercent(const QString &node) const
{
    const QProgressBar *bar = m_bars.value(node);
    return bar ? bar->value() : -1;
}

void ProvisionProgressWidget::showLogOfSelection()
{
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    m_log->clear();
    if (selected.isEmpty()) {
        for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
            for (const QString &line : m_logs.value(it.key()))
                m_log->appendPlainText(it.key() + QStringLiteral(": ") + line);
        return;
    }
    const QString node = selected.first()->text(NodeColumn);
    for (const QString &line : m_logs.value(node))
        m_log->appendPlainText(line);
}

} // namespace k3snet
