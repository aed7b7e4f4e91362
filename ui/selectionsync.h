// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QAbstractItemView;

namespace k3snet {

class TopologyScene;

// Keeps the selection of the object tables and of the topology in step, by stable object id
// (the models' ObjectKeyRole, the items' keys): selecting a row selects the items showing its
// object, and selecting items selects the rows of their objects in every table.
class SelectionSync : public QObject
{
    Q_OBJECT

public:
    SelectionSync(TopologyScene *scene, QObject *parent = nullptr);

    // view's model (or the proxy it shows) must give ObjectKeyRole (Qt::UserRole + 1).
    void addView(QAbstractItemView *view);
    // Selects in view what the topology has selected (a view shown again after its model
    // was suspended).
    void resync(QAbstractItemView *view);

private:
    void viewSelectionChanged(QAbstractItemView *view);
    void sceneSelectionChanged();
    void selectInView(QAbstractItemView *view, const QStringList &keys);

    TopologyScene *m_scene;
    QList<QPointer<QAbstractItemView>> m_views;
    bool m_syncing = false;
};

} // namespace k3snet
