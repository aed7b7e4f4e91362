// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/pendinggroupitem.h"

#include "topology/topologystyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>

#include <algorithm>

namespace k3snet {

namespace {
constexpr qreal pad = TopologyStyle::padding;
constexpr qreal spacing = 4;
} // namespace

PendingGroupItem::PendingGroupItem(const ServiceIpItem::Infos &services, const QFont &font)
    : TopologyItem({QStringLiteral("Group/pending")})
    , m_font(font)
{
    m_title = tr("Not announced (%n)", nullptr, int(services.size()));
    setToolTip(tr("LoadBalancer services without an address, or whose address no node announces. "
                  "Hover over one to see why."));
    const QFontMetricsF bold(TopologyStyle::boldFont(font));
    qreal width = std::max(qreal(260), bold.horizontalAdvance(m_title) + 2 * pad);
    for (const auto &info : services) {
        auto *chip = new ServiceIpItem(info, font, this);
        width = std::max(width, chip->preferredWidth() + 2 * pad);
        m_chips << chip;
    }
    qreal y = pad + bold.height() + 6;
    for (auto *chip : std::as_const(m_chips)) {
        chip->setWidth(width - 2 * pad);
        chip->setPos(pad, y);
        y += ServiceIpItem::heightFor(font) + spacing;
    }
    m_size = QSizeF(std::ceil(width), std::ceil(y - spacing + pad));
}

QString PendingGroupItem::accessibleText() const
{
    return tr("%n service(s) no node announces", nullptr, int(m_chips.size()));
}

QRectF PendingGroupItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2);
}

void PendingGroupItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette pal = palette();
    const QColor warning = TopologyStyle::warningColor(pal);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(warning, 1.5, Qt::DashLine));
    painter->setBrush(TopologyStyle::wash(warning, pal, 0.05));
    painter->drawRoundedRect(QRectF(QPointF(0, 0), m_size).adjusted(0.5, 0.5, -0.5, -0.5),
        TopologyStyle::radius, TopologyStyle::radius);
    const QFont bold = TopologyStyle::boldFont(m_font);
    painter->setFont(bold);
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(QRectF(pad, pad, m_size.width() - 2 * pad, QFontMetricsF(bold).height()),
        Qt::AlignLeft | Qt::AlignVCenter, m_title);
}

} // namespace k3snet
