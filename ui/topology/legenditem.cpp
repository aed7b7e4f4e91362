// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/legenditem.h"

#include "topology/topologystyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace k3snet {

namespace {
constexpr qreal pad = TopologyStyle::padding;
constexpr qreal markWidth = 34;

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

LegendItem::LegendItem(const model::ClusterNetwork &network,
    const std::vector<plan::PoolPlan> &pools, bool tunnelsOnSelection, const QFont &font)
    : TopologyItem({QStringLiteral("Legend"), QStringLiteral("Network/clusterCIDR"),
        QStringLiteral("Network/serviceCIDR"), QStringLiteral("Network/clusterDNS"),
        QStringLiteral("Network/nodeCIDRMaskSize"), QStringLiteral("Network/vxlan")})
    , m_font(font)
{
    setFlag(ItemIsSelectable);
    setToolTip(tr("Legend: the overlay, the cluster's address ranges and the address pools"));
    const QFontMetricsF fm(font);
    const QFontMetricsF bold(TopologyStyle::boldFont(font));
    m_rowHeight = std::max(fm.height(), bold.height()) + 6;
    setContent(network, pools, tunnelsOnSelection);
}

void LegendItem::setContent(const model::ClusterNetwork &network,
    const std::vector<plan::PoolPlan> &pools, bool tunnelsOnSelection)
{
    QList<Row> rows;
    rows << Row{Mark::Tunnel, -1, tr("VXLAN tunnel"),
        tr("VNI %1 · UDP %2 · MTU %3")
                .arg(network.vxlan.vni)
                .arg(network.vxlan.port)
                .arg(network.effectiveVxlanMtu())
            + (tunnelsOnSelection ? tr(" · select a node to see its tunnels") : QString())};
    rows << Row{Mark::None, -1, tr("Pods"),
        tr("%1, a /%2 per node")
            .arg(fromStd(network.clusterCIDR.toString()))
            .arg(network.nodeCIDRMaskSize)};
    rows << Row{Mark::None, -1, tr("Services"),
        tr("%1, DNS %2")
            .arg(fromStd(network.serviceCIDR.toString()), fromStd(network.clusterDNS.toString()))};
    for (int i = 0; i < int(pools.size()); ++i) {
        const auto &pool = pools[size_t(i)];
        QStringList ranges;
        for (const auto &r : pool.addresses)
            ranges << fromStd(r);
        QString value = ranges.isEmpty() ? tr("no addresses") : ranges.join(QStringLiteral(", "));
        value += tr(" · %1 of %2 used").arg(fromStd(pool.assignedV4), fromStd(pool.sizeV4));
        if (pool.sizeV6 != "0")
            value += tr(", IPv6 %1 of %2").arg(fromStd(pool.assignedV6), fromStd(pool.sizeV6));
        rows << Row{Mark::Pool, i, fromStd(pool.name), value};
    }
    if (rows == m_rows)
        return;

    // Measured once per text: a pool edit changes the usage of one or two pools of fifty.
    const QFontMetricsF fm(m_font);
    const QFontMetricsF bold(TopologyStyle::boldFont(m_font));
    QHash<QString, qreal> captionWidths, valueWidths;
    qreal captionWidth = 0, valueWidth = 0;
    for (const Row &row : std::as_const(rows)) {
        const auto measured = [](QHash<QString, qreal> &now, const QHash<QString, qreal> &before,
                                  const QString &text, const QFontMetricsF &metrics) {
            auto it = before.constFind(text);
            return now[text] = it != before.constEnd() ? *it : metrics.horizontalAdvance(text);
        };
        captionWidth
            = std::max(captionWidth, measured(captionWidths, m_captionWidths, row.caption, bold));
        valueWidth = std::max(valueWidth, measured(valueWidths, m_valueWidths, row.value, fm));
    }
    m_captionWidths = std::move(captionWidths);
    m_valueWidths = std::move(valueWidths);
    const QSizeF size(std::ceil(2 * pad + markWidth + 8 + captionWidth + 14 + valueWidth),
        std::ceil(2 * pad + rows.size() * m_rowHeight));
    if (size != m_size)
        prepareGeometryChange();
    m_rows = std::move(rows);
    m_captionWidth = captionWidth;
    m_size = size;
    update();
}

QString LegendItem::accessibleText() const
{
    return tr("Legend");
}

QString LegendItem::accessibleDescription() const
{
    QStringList lines;
    for (const Row &row : m_rows)
        lines << tr("%1: %2").arg(row.caption, row.value);
    return lines.join(QLatin1Char('\n'));
}

QRectF LegendItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2);
}

void LegendItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette pal = palette();
    const bool selected = option->state & QStyle::State_Selected;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(selected ? pal.color(QPalette::Highlight) : TopologyStyle::lineColor(pal),
        selected ? 3 : 1));
    painter->setBrush(pal.color(QPalette::Base));
    painter->drawRoundedRect(QRectF(QPointF(0, 0), m_size).adjusted(0.5, 0.5, -0.5, -0.5),
        TopologyStyle::radius, TopologyStyle::radius);

    const bool withText = !TopologyStyle::isTextTooSmall(m_font, option, painter);
    if (!withText) {
        // The marks are a few pixels: the pools' colours as plain rectangles (fifty rounded,
        // antialiased ones were an eighth of the frame after an edit that changes the counts).
        painter->setRenderHint(QPainter::Antialiasing, false);
        qreal y = pad;
        for (const Row &row : std::as_const(m_rows)) {
            if (row.mark == Mark::Pool)
                painter->fillRect(QRectF(pad, y, markWidth, m_rowHeight).adjusted(2, 4, -2, -4),
                    TopologyStyle::poolColor(row.poolIndex, pal));
            y += m_rowHeight;
        }
        return;
    }
    const QFont bold = TopologyStyle::boldFont(m_font);
    qreal y = pad;
    for (const Row &row : std::as_const(m_rows)) {
        const QRectF mark(pad, y, markWidth, m_rowHeight);
        if (row.mark == Mark::Tunnel) {
            QPen pen(TopologyStyle::mix(
                         TopologyStyle::vtepColor(pal), TopologyStyle::lineColor(pal), 0.4),
                1.6, Qt::DashLine);
            painter->setPen(pen);
            painter->drawLine(
                QPointF(mark.left(), mark.center().y()), QPointF(mark.right(), mark.center().y()));
        } else if (row.mark == Mark::Pool) {
            const QColor c = TopologyStyle::poolColor(row.poolIndex, pal);
            painter->setPen(QPen(c, 1.2));
            painter->setBrush(TopologyStyle::wash(c, pal, 0.22));
            const QRectF chip = mark.adjusted(2, 4, -2, -4);
            painter->drawRoundedRect(chip, 3, 3);
            painter->setPen(Qt::NoPen);
            painter->setBrush(c);
            painter->drawRoundedRect(QRectF(chip.left(), chip.top(), 5, chip.height()), 2, 2);
        }
        painter->setPen(pal.color(QPalette::Text));
        painter->setFont(bold);
        const QRectF caption(mark.right() + 8, y, m_captionWidth + 1, m_rowHeight);
        painter->drawText(caption, Qt::AlignLeft | Qt::AlignVCenter, row.caption);
        painter->setFont(m_font);
        painter->drawText(QRectF(caption.right() + 14, y,
                              m_size.width() - caption.right() - 14 - pad, m_rowHeight),
            Qt::AlignLeft | Qt::AlignVCenter, row.value);
        y += m_rowHeight;
    }
}

} // namespace k3snet
