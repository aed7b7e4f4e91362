// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status/clusterstatus.h"

#include <QGraphicsObject>

namespace k3snet {

class TopologyScene;

// What the agents said, drawn over the plan: a dot in a node's corner (up, degraded, down,
// unreachable, no agent) and a dot on each address chip saying whether the node it is drawn
// under really answers ARP for it, or who else does, or that a foreign host claims it. A child
// of the item it marks, so it moves with it; the tooltip says it in words.
class LiveMarkItem : public QGraphicsObject
{
    Q_OBJECT

public:
    enum class Kind {
        Good,    // up / announced by the planned node
        Warning, // degraded / announced by another node
        Bad,     // down, unreachable / nobody or several nodes announce it, a foreign host
        Neutral, // no agent, not asked
    };

    LiveMarkItem(Kind kind, const QString &text, QGraphicsItem *parent);
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    Kind kind() const { return m_kind; }
    QString text() const { return toolTip(); }

    // Puts a mark on every node and address chip of the scene, replacing earlier marks;
    // an empty status removes them all.
    static void applyTo(TopologyScene *scene, const status::ClusterStatus &status);

private:
    Kind m_kind;
};

} // namespace k3snet
