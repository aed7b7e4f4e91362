// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/tunnelitem.h"

#include "topology/nodeitem.h"
#include "topology/topologystyle.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
namespace k3snet {

TunnelItem::TunnelItem(NodeItem *a, NodeItem *b, int slotA, int slotB, int slotCount, qreal depthA,
    qreal depthB, const QString &toolTip)
    : TopologyItem({keyFor(a->name(), b->name())})
    , m_a(a)
    , m_b(b)
    , m_slotA(slotA)
    , m_slotB(slotB)
    , m_slotCount(slotCount)
    , m_depthA(depthA)
    , m_depthB(depthB)
{
    setFlag(ItemIsSelectable);
    setToolTip(toolTip);
    // Under the nodes: a tunnel between rows passes behind the boxes it crosses.
    setZValue(-1);
}

QString TunnelItem::keyFor(const QString &nodeA, const QString &nodeB)
{
    return QStringLiteral("Tunnel/") + nodeA + QLatin1Char('~') + nodeB;
}

QString TunnelItem::accessibleText() const
{
    return tr("VXLAN tunnel between %1 and %2").arg(m_a->name(), m_b->name());
}

QVariant TunnelItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemVisibleHasChanged && value.toBool() && m_stale)
        updatePath();
    return TopologyItem::itemChange(change, value);
}

void TunnelItem::updatePath()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const QPointF a = m_a->mapToScene(m_a->tunnelPort(m_slotA, m_slotCount));
    const QPointF b = m_b->mapToScene(m_b->tunnelPort(m_slotB, m_slotCount));
    const int directions = m_a->tunnelDirection() * 2 + m_b->tunnelDirection();
    // Most relayouts move only some nodes; the other tunnels keep their path.
    if (!m_path.isEmpty() && a == m_from && b == m_to && directions == m_directions)
        return;
    m_from = a;
    m_to = b;
    m_directions = directions;
    QPainterPath path(a);
    path.cubicTo(a + QPointF(0, m_a->tunnelDirection() * m_depthA),
        b + QPointF(0, m_b->tunnelDirection() * m_depthB), b);
    prepareGeometryChange();
    m_path = path;
    m_bounds = m_path.boundingRect().adjusted(-4, -4, 4, 4);
}

bool TunnelItem::isHighlighted() const
{
    return isSelected() || m_a->isSelected() || m_b->isSelected();
}

QRectF TunnelItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath TunnelItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    return stroker.createStroke(m_path);
}

void TunnelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette pal = palette();
    const bool highlighted = isHighlighted();
    QPen pen(highlighted
            ? pal.color(QPalette::Highlight)
            : TopologyStyle::mix(TopologyStyle::vtepColor(pal), TopologyStyle::lineColor(pal), 0.4),
        highlighted ? 2.6 : 1.6, Qt::DashLine);
    pen.setCapStyle(Qt::FlatCap);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
}

} // namespace k3snet
