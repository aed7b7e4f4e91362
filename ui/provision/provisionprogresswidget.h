// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provision/noderesult.h"
#include "provision/step.h"

#include <QHash>
#include <QWidget>

class QPlainTextEdit;
class QProgressBar;
class QTreeWidget;
class QTreeWidgetItem;

namespace k3snet {

// One row per node of a run: the step it is in, a progress bar, and how it ended; below, the
// log of the selected node (every node's, prefixed, when none is selected). Fed by the
// Provisioner's signals; knows nothing of SSH.
class ProvisionProgressWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ProvisionProgressWidget(QWidget *parent = nullptr);

    void reset(const QStringList &nodes);
    void setStep(const QString &node, provision::Step step, double fraction);
    void appendLog(const QString &node, const QString &line);
    void setResult(const provision::NodeResult &result);

    // For tests and the summary: the text shown in a node's columns.
    QString stepText(const QString &node) const;
    QString resultText(const QString &node) const;
    int progressPercent(const QString &node) const;
    QStringList logOf(const QString &node) const { return m_logs.value(node); }

private:
    void showLogOfSelection();

    QTreeWidget *m_tree;
    QPlainTextEdit *m_log;
    QHash<QString, QTreeWidgetItem *> m_items;
    QHash<QString, QProgressBar *> m_bars;
    QHash<QString, QStringList> m_logs;
};

} // namespace k3snet
