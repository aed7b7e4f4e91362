// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/livestatuswidget.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace k3snet {

using status::NodeState;

LiveStatusWidget::LiveStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 5))
    , m_note(new QLabel)
{
    m_table->setObjectName(QStringLiteral("liveStatusTable"));
    m_table->setAccessibleName(tr("Agent status per node"));
    m_table->setHorizontalHeaderLabels({tr("Node"), tr("Agent"), tr("Version"), tr("Answers ARP for"), tr("Problems")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_note->setObjectName(QStringLiteral("liveStatusNote"));
    m_note->setWordWrap(true);
    m_note->setText(tr("Not checked yet: Cluster ▸ Refresh Status (F5) asks every node's agent over SSH."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_note);
}

void LiveStatusWidget::setStatus(const status::ClusterStatus &s)
{
    QStringList names = s.nodes.keys();
    std::sort(names.begin(), names.end());
    m_table->setRowCount(int(names.size()));
    for (int row = 0; row < names.size(); ++row) {
        const status::NodeLiveStatus &n = s.nodes[names[row]];
        QStringList problems = n.problems;
        if (n.state != NodeState::Up && !n.message.isEmpty())
            problems.prepend(n.message);
        const QStringList cells{n.node, status::nodeStateName(n.state), n.agentVersion,
            n.announcing.join(QStringLiteral(", ")), problems.join(QStringLiteral("; "))};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells[col]);
            item->setToolTip(col == 4 ? problems.join(QLatin1Char('\n')) : cells[col]);
            m_table->setItem(row, col, item);
        }
    }
    m_table->resizeColumnsToContents();

    QStringList notes;
    if (s.isEmpty()) {
        notes.append(tr("Not checked yet: Cluster ▸ Refresh Status (F5) asks every node's agent over SSH."));
    } else {
        notes.append(tr("Checked %1.").arg(QLocale().toString(s.checkedAt.toLocalTime(), QLocale::ShortFormat)));
        for (auto it = s.announcers.cbegin(); it != s.announcers.cend(); ++it)
            if (it->size() > 1)
                notes.append(tr("Split: %1 is answered by %2.").arg(it.key(), it->join(QStringLiteral(", "))));
        for (const status::Conflict &c : s.conflicts)
            if (c.active)
                notes.append(tr("Conflict: %1 is claimed by %2, a host outside the cluster (seen by %3 on %4).")
                                 .arg(c.ip, c.foreignMac, c.seenBy, c.interface));
    }
    m_note->setText(notes.join(QLatin1Char('\n')));
}

void LiveStatusWidget::setBusy(const QString &text)
{
    m_note->setText(text);
}

void LiveStatusWidget::setMessage(const QString &text)
{
    m_note->setText(text);
}

} // namespace k3snet
