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

// Names seldom hold anything HTML would read.
QString escaped(const QString &text)
{
    for (QChar c : text)
        if (c == u'<' || c == u'>' || c == u'&' || c == u'"')
            return text.toHtmlEscaped();
    return text;
}

QStringList keysOf(const ServiceIpItem::Info &info)
{
    return info.poolKey.isEmpty() ? QStringList{info.serviceKey}
                                  : QStringList{info.serviceKey, info.poolKey};
}
} // namespace

bool ServiceIpItem::sameInfos(const Infos &a, const Infos &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i] != b[i] && *a[i] != *b[i])
            return false;
    return true;
}

ServiceIpItem::ServiceIpItem(InfoPtr info, const QFont &font, QGraphicsItem *parent)
    : TopologyItem(keysOf(*info), parent)
    , m_info(std::move(info))
    , m_font(font)
    , m_monoFont(TopologyStyle::monoFont(font))
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    m_preferredWidth = measure();
    m_fontHeight = QFontMetricsF(font).height();
    m_size = QSizeF(m_preferredWidth, heightFor(font));
}

void ServiceIpItem::setInfo(const InfoPtr &info)
{
    if (info == m_info)
        return;
    if (*info == *m_info) {
        m_info = info; // the same content, made again: share it, nothing to draw
        return;
    }
    const bool sameText = info->ip == m_info->ip && info->label == m_info->label;
    const bool sameKeys
        = info->serviceKey == m_info->serviceKey && info->poolKey == m_info->poolKey;
    m_info = info;
    m_coloursFor = 0;
    if (!sameText)
        m_preferredWidth = measure();
    if (!sameKeys)
        setKeys(keysOf(*info));
    update();
}

QString ServiceIpItem::accessibleText() const
{
    const QString service = m_info->serviceKey.section(QLatin1Char('/'), 1);
    if (m_info->pending)
        return m_info->ip.isEmpty()
            ? tr("Service %1, pending, without an address").arg(service)
            : tr("Service %1, address %2, announced by no node").arg(service, m_info->ip);
    return tr("Address %1 of service %2, pool %3")
        .arg(m_info->ip, service, m_info->poolKey.section(QLatin1Char('/'), 1));
}

QString ServiceIpItem::toolTipText() const
{
    const QString service = escaped(m_info->service);
    if (m_info->pending) {
        const QString why
            = m_info->why.isEmpty() ? tr("No node announces this address.") : m_info->why;
        return tr("<b>%1</b> is not announced:<br>%2").arg(service, why.toHtmlEscaped());
    }
    QStringList fallbacks;
    for (const QString &node : m_info->fallbacks)
        fallbacks << escaped(node);
    if (m_info->moreFallbacks > 0)
        fallbacks << tr("and %n more", nullptr, m_info->moreFallbacks);
    const QString fallbackText
        = fallbacks.isEmpty() ? tr("none") : fallbacks.join(QStringLiteral(", "));
    return tr("<b>%1</b><br>%2 from pool %3<br>Announced by %4<br>Fallbacks: %5")
        .arg(service, m_info->ip, escaped(m_info->pool), escaped(m_info->announcer), fallbackText);
}

qreal ServiceIpItem::heightFor(const QFont &font)
{
    return QFontMetricsF(font).height() + 8;
}

qreal ServiceIpItem::preferredWidth() const
{
    return m_preferredWidth;
}

qreal ServiceIpItem::measure() const
{
    const bool word = m_info->ip.isEmpty();
    const QString first = word ? pendingText() : m_info->ip;
    const qreal firstWidth = TopologyStyle::textWidth(word ? m_font : m_monoFont, first);
    return stripeWidth + innerPad + firstWidth + gap
        + TopologyStyle::textWidth(m_font, m_info->label) + innerPad;
}

void ServiceIpItem::setWidth(qreal width)
{
    if (width == m_size.width())
        return;
    prepareGeometryChange();
    m_size.setWidth(width);
}

QRectF ServiceIpItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2);
}

void ServiceIpItem::updateColours(const QPalette &pal) const
{
    m_accent = m_info->pending ? TopologyStyle::warningColor(pal)
                               : TopologyStyle::poolColor(m_info->poolIndex, pal);
    m_fill = TopologyStyle::wash(m_accent, pal, m_info->pending ? 0.12 : 0.22);
    m_coloursFor = pal.cacheKey();
}

void ServiceIpItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette pal = palette();
    if (pal.cacheKey() != m_coloursFor)
        updateColours(pal);
    const QRectF r(QPointF(0, 0), m_size);
    const QColor &accent = m_accent;
    const bool selected = option->state & QStyle::State_Selected;

    // Zoomed out so far that text would be a smudge, a chip is a few pixels: plain rectangles
    // look the same and paint several times faster (2,000 chips of a 100-node fit), the more
    // so without antialiasing, as the nodes around them are drawn then. (Hints are set, not
    // assumed: the view does not restore the painter between items.)
    if (TopologyStyle::isTextTooSmall(m_fontHeight, option, painter)) {
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(r, selected ? pal.color(QPalette::Highlight) : m_fill);
        if (!m_info->pending)
            painter->fillRect(QRectF(r.left(), r.top(), stripeWidth + 1, r.height()), accent);
        return;
    }

    painter->setRenderHint(QPainter::Antialiasing);
    QPen border(selected ? pal.color(QPalette::Highlight) : accent, selected ? 2.5 : 1.2);
    if (m_info->pending && !selected)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(m_fill);
    painter->drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    if (!m_info->pending) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(accent);
        painter->drawRoundedRect(
            QRectF(r.left() + 1, r.top() + 1, stripeWidth, r.height() - 2), 2, 2);
    }

    // The address (or "pending") first, then the service, elided if the chip is narrow.
    qreal x = stripeWidth + innerPad;
    painter->setPen(pal.color(QPalette::Text));
    QString first = m_info->ip;
    QFont firstFont = m_monoFont;
    if (m_info->ip.isEmpty()) {
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
    const QString label = QFontMetricsF(m_font).elidedText(m_info->label, Qt::ElideMiddle, room);
    painter->drawText(
        QRectF(x, r.top(), room, r.height()), Qt::AlignVCenter | Qt::AlignLeft, label);
}

} // namespace k3snet
