// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status/clusterstatus.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace k3snet {

// The Live Status panel: one row per node with what its agent said at the last refresh
// (state, version, the addresses it answers ARP for, its problems), and below, every conflict
// and split announcement. The topology shows the same as marks.
class LiveStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit LiveStatusWidget(QWidget *parent = nullptr);

    void setStatus(const status::ClusterStatus &status);
    void setBusy(const QString &text);
    void setMessage(const QString &text);
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
    QLabel *m_note;
};

} // namespace k3snet
