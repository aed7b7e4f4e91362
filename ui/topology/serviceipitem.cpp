// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/serviceipitem.h"

#include "topology/topologystyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace k3snet {

namespace {
constexpr qreal stripeWidth = 5;
constexpr qreal innerPad = 7;
constexpr qreal gap = 8;

QString pendingText()
{
    return ServiceIpItem::tr("pending");
}
} // namespace

ServiceIpItem::ServiceIpItem(const Info &info, const QFont &font, QGraphicsItem *parent)
    : TopologyItem(info.poolKey.isEmpty() ? QStringList{info.serviceKey}
                                          : QStringList{info.serviceKey, info.poolKey},
        parent)
    , m_info(info)
    , m_font(font)
    , m_monoFont(TopologyStyle::monoFont(font))
{
    setFlag(ItemIsSelectable);
    setToolTip(info.toolTip);
    setAcceptHoverEvents(true);
    m_size = QSizeF(preferredWidth(), heightFor(font));
}

qreal ServiceIpItem::heightFor(const QFont &font)
{
    return QFontMetricsF(font).height() + 8;
}

qreal ServiceIpItem::preferredWidth() const
{
    const QFontMetricsF fm(m_font);
    const QFontMetricsF mono(m_monoFont);
    const bool word = m_info.ip.isEmpty();
    const QString first = word ? pendingText() : m_info.ip;
    const qreal firstWidth = word ? fm.horizontalAdvance(first) : mono.horizontalAdvance(first);
    return stripeWidth + innerPad + firstWidth + gap + fm.horizontalAdvance(m_info.label)
        + innerPad;
}

void ServiceIpItem::setWidth(qreal width)
{
    prepareGeometryChange();
    m_size.setWidth(width);
}

QRectF ServiceIpItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2);
}

void ServiceIpItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette pal = palette();
    const QRectF r(QPointF(0, 0), m_size);
    const QColor accent = m_info.pending ? TopologyStyle::warningColor(pal)
                                         : TopologyStyle::poolColor(m_info.poolIndex, pal);
    const bool selected = option->state & QStyle::State_Selected;

    painter->setRenderHint(QPainter::Antialiasing);
    QPen border(selected ? pal.color(QPalette::Highlight) : accent, selected ? 2.5 : 1.2);
    if (m_info.pending && !selected)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(TopologyStyle::wash(accent, pal, m_info.pending ? 0.12 : 0.22));
    painter->drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    if (!m_info.pending) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(accent);
        painter->drawRoundedRect(
            QRectF(r.left() + 1, r.top() + 1, stripeWidth, r.height() - 2), 2, 2);
    }

    // The address (or "pending") first, then the service, elided if the chip is narrow.
    qreal x = stripeWidth + innerPad;
    painter->setPen(pal.color(QPalette::Text));
    QString first = m_info.ip;
    QFont firstFont = m_monoFont;
    if (m_info.ip.isEmpty()) {
        first = pendingText();
        firstFont = m_font;
        firstFont.setItalic(true);
        painter->setPen(TopologyStyle::mix(pal.color(QPalette::Text), accent, 0.6));
    }
    painter->setFont(firstFont);
    const qreal firstWidth = QFontMetricsF(firstFont).horizontalAdvance(first);
    painter->drawText(
        QRectF(x, r.top(), firstWidth + 1, r.height()), Qt::AlignVCenter | Qt::AlignLeft, first);
    x += firstWidth + gap;

    painter->setPen(pal.color(QPalette::Text));
    painter->setFont(m_font);
    const qreal room = r.right() - innerPad - x;
    const QString label = QFontMetricsF(m_font).elidedText(m_info.label, Qt::ElideMiddle, room);
    painter->drawText(
        QRectF(x, r.top(), room, r.height()), Qt::AlignVCenter | Qt::AlignLeft, label);
}

} // namespace k3snet
