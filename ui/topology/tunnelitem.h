// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topology/topologyitem.h"

#include <QCoreApplication>
#include <QPainterPath>

namespace k3snet {

class NodeItem;

// The VXLAN tunnel between two nodes' VTEPs, a dashed curve below the nodes. It is drawn in
// the highlight colour when it or one of its nodes is selected. Its geometry is computed from
// the two nodes when the scene lays them out (updatePath), never while painting.
class TunnelItem : public TopologyItem
{
    Q_DECLARE_TR_FUNCTIONS(TunnelItem)

public:
    enum
    {
        Type = TunnelType
    };

    // slotA/slotB: which of its ports each node uses (see NodeItem::tunnelPort); depthA/B:
    // how far the curve runs away from each node before it bends towards the other.
    TunnelItem(NodeItem *a, NodeItem *b, int slotA, int slotB, int slotCount, qreal depthA,
        qreal depthB, const QString &toolTip);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    NodeItem *nodeA() const { return m_a; }
    NodeItem *nodeB() const { return m_b; }
    // Follows the nodes' ports; a hidden tunnel (most of them, in a grid) waits until shown.
    void updatePath();
    bool isHighlighted() const;

    static QString keyFor(const QString &nodeA, const QString &nodeB);

    QString accessibleText() const override;

private:
    NodeItem *m_a;
    NodeItem *m_b;
    int m_slotA;
    int m_slotB;
    int m_slotCount;
    qreal m_depthA;
    qreal m_depthB;
    QPainterPath m_path;
    QRectF m_bounds{-4, -4, 8, 8}; // of m_path with room for the pen: asked for far more often than made
    QPointF m_from, m_to; // the ends the path was made for
    int m_directions = 0;
    bool m_stale = false; // the nodes moved while the tunnel was hidden
};

} // namespace k3snet
