// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/lanitem.h"

#include "topology/topologystyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace k3snet {

namespace {
constexpr qreal pad = TopologyStyle::padding;
constexpr qreal gatewayDrop = 22;
} // namespace

LanItem::LanItem(const model::ClusterNetwork &network, const QFont &font)
    : TopologyItem({QStringLiteral("Network/lan"), QStringLiteral("Network/lan.subnet"),
        QStringLiteral("Network/lan.gateway"), QStringLiteral("Network/lan.interface"),
        QStringLiteral("Network/lan.mtu")})
    , m_font(font)
{
    setFlag(ItemIsSelectable);
    setZValue(-2);
    const auto &lan = network.lan;
    const bool hasSubnet = lan.subnet.length() > 0;
    const bool hasGateway = lan.gateway.value() != 0;
    const QString subnet
        = hasSubnet ? QString::fromStdString(lan.subnet.toString()) : tr("subnet not set");
    const QString iface = QString::fromStdString(lan.interface);
    m_gatewayText = hasGateway ? QString::fromStdString(lan.gateway.toString()) : tr("not set");
    m_barText = tr("LAN %1 · %2 · MTU %3").arg(subnet, iface).arg(lan.mtu);
    m_accessibleText = tr("LAN %1, gateway %2, interface %3, MTU %4")
                           .arg(subnet, m_gatewayText, iface)
                           .arg(lan.mtu);
    setToolTip(tr("<b>LAN</b> %1<br>Gateway: %2<br>Interface: %3, MTU %4<br>"
                  "VXLAN overlay: VNI %5, UDP port %6, MTU %7")
                   .arg(subnet, m_gatewayText, iface.toHtmlEscaped())
                   .arg(lan.mtu)
                   .arg(network.vxlan.vni)
                   .arg(network.vxlan.port)
                   .arg(network.effectiveVxlanMtu()));

    const QFontMetricsF bold(TopologyStyle::boldFont(font));
    const QFontMetricsF mono(TopologyStyle::monoFont(font));
    const QFontMetricsF caption(TopologyStyle::boldFont(TopologyStyle::captionFont(font)));
    const qreal gatewayWidth = std::max({caption.horizontalAdvance(tr("Gateway")),
                                   mono.horizontalAdvance(m_gatewayText), qreal(90)})
        + 2 * pad;
    m_gateway = QRectF(
        0, 0, std::ceil(gatewayWidth), std::ceil(caption.height() + mono.height() + 2 * 6 + 2));
    m_bar = QRectF(
        0, m_gateway.bottom() + gatewayDrop, minimumWidth(), std::ceil(bold.height() + 14));
}

qreal LanItem::minimumWidth() const
{
    return QFontMetricsF(TopologyStyle::boldFont(m_font)).horizontalAdvance(m_barText) + 2 * pad
        + 2 * trunkX;
}

void LanItem::setWiring(qreal width, const QList<Row> &rows)
{
    prepareGeometryChange();
    m_bar.setWidth(std::max(width, minimumWidth()));
    m_rows = rows;
}

QRectF LanItem::boundingRect() const
{
    QRectF r = m_gateway.united(m_bar);
    for (const Row &row : m_rows)
        r.setBottom(std::max({r.bottom(), row.nodeEdge, row.busY}));
    return r.adjusted(-3, -3, 3, 3);
}

QPainterPath LanItem::shape() const
{
    QPainterPath path;
    path.addRect(m_gateway);
    path.addRect(m_bar);
    return path;
}

void LanItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette pal = palette();
    const bool selected = option->state & QStyle::State_Selected;
    const QColor wire = TopologyStyle::lineColor(pal);
    const QColor lanColour = TopologyStyle::hueColor(210, pal);
    painter->setRenderHint(QPainter::Antialiasing);

    // Wires: gateway to bar, the trunk, each row's bus and the uplinks.
    painter->setPen(QPen(wire, 2));
    const qreal gatewayX = m_gateway.center().x();
    painter->drawLine(QPointF(gatewayX, m_gateway.bottom()), QPointF(gatewayX, m_bar.top()));
    for (const Row &row : std::as_const(m_rows)) {
        const qreal from = std::max(row.busY, m_bar.bottom());
        if (from > m_bar.bottom() && !row.uplinks.isEmpty()) {
            painter->drawLine(QPointF(trunkX, m_bar.bottom()), QPointF(trunkX, from));
            painter->drawLine(QPointF(trunkX, from), QPointF(row.uplinks.last(), from));
        }
        for (qreal x : row.uplinks)
            painter->drawLine(QPointF(x, from), QPointF(x, row.nodeEdge));
    }

    const QFont caption = TopologyStyle::boldFont(TopologyStyle::captionFont(m_font));
    const QFontMetricsF captionMetrics(caption);

    // Gateway.
    painter->setPen(QPen(selected ? pal.color(QPalette::Highlight) : wire, selected ? 3 : 1.2));
    painter->setBrush(TopologyStyle::wash(lanColour, pal, 0.12));
    painter->drawRoundedRect(
        m_gateway.adjusted(0.5, 0.5, -0.5, -0.5), TopologyStyle::radius, TopologyStyle::radius);
    const bool withText = !TopologyStyle::isTextTooSmall(m_font, option, painter);
    if (withText) {
        painter->setFont(caption);
        painter->setPen(TopologyStyle::mix(pal.color(QPalette::Text), lanColour, 0.6));
        const QRectF inner = m_gateway.adjusted(pad, 6, -pad, -6);
        painter->drawText(QRectF(inner.topLeft(), QSizeF(inner.width(), captionMetrics.height())),
            Qt::AlignLeft | Qt::AlignVCenter, tr("Gateway"));
        painter->setFont(TopologyStyle::monoFont(m_font));
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(inner.adjusted(0, captionMetrics.height() + 2, 0, 0),
            Qt::AlignLeft | Qt::AlignVCenter, m_gatewayText);
    }

    // The bar.
    painter->setPen(
        QPen(selected ? pal.color(QPalette::Highlight) : lanColour, selected ? 3 : 1.5));
    painter->setBrush(TopologyStyle::wash(lanColour, pal, 0.25));
    painter->drawRoundedRect(
        m_bar.adjusted(0.5, 0.5, -0.5, -0.5), m_bar.height() / 2, m_bar.height() / 2);
    if (!withText)
        return;
    painter->setFont(TopologyStyle::boldFont(m_font));
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(
        m_bar.adjusted(2 * trunkX + pad, 0, -pad, 0), Qt::AlignLeft | Qt::AlignVCenter, m_barText);
}

} // namespace k3snet
