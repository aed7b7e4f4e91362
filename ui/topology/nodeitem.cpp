// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/nodeitem.h"

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
constexpr qreal sectionPad = 6;
constexpr qreal chipSpacing = 4;
constexpr qreal minWidth = 230;
constexpr int maxDrawnPorts = 12;

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

NodeItem::NodeItem(const plan::NodePlan &node, const ServiceIpItem::Infos &ips, const QFont &font,
    QGraphicsItem *parent)
    : TopologyItem({QStringLiteral("Node/") + fromStd(node.name)}, parent)
    , m_name(fromStd(node.name))
    , m_role(node.role)
    , m_font(font)
{
    setFlag(ItemIsSelectable);
    m_roleText = node.role == model::NodeRole::Server ? tr("server") : tr("agent");
    const QString iface = fromStd(node.interface);
    m_lanText = fromStd(node.lanIP.toString()) + QStringLiteral("  ") + iface;
    m_hasPodSubnet = node.podCIDR.has_value();
    m_podCaption = tr("Pods");
    if (node.podCIDR) {
        m_podLines << fromStd(node.podCIDR->toString());
        m_podLines << QStringLiteral("cni0  ")
                + (node.bridgeAddress ? fromStd(node.bridgeAddress->toString()) : tr("none"));
    } else {
        m_podLines << tr("no pod subnet");
    }
    m_vtepCaption = tr("VTEP · MTU %1").arg(node.mtu);
    const QString vtepAddress = node.vtepAddress
        ? fromStd(node.vtepAddress->toString()) + QStringLiteral("/32")
        : tr("no address");
    m_vtepLines << fromStd(node.vtepDevice) + QStringLiteral("  ") + vtepAddress;
    m_vtepLines << QStringLiteral("MAC  ") + fromStd(node.vtepMAC);

    QString tip = tr("<b>%1</b> (%2)<br>LAN: %3 on %4")
                      .arg(m_name.toHtmlEscaped(), m_roleText, fromStd(node.lanIP.toString()),
                          iface.toHtmlEscaped());
    if (node.podCIDR)
        tip += tr("<br>Pod subnet: %1%2")
                   .arg(fromStd(node.podCIDR->toString()),
                       node.podCIDRPinned ? tr(" (pinned)") : QString());
    tip += tr("<br>VTEP: %1 %2, MAC %3, MTU %4")
               .arg(fromStd(node.vtepDevice), vtepAddress, fromStd(node.vtepMAC))
               .arg(node.mtu);
    setToolTip(tip);

    for (const auto &info : ips)
        m_ips << new ServiceIpItem(info, font, this);
    m_lanIP = fromStd(node.lanIP.toString());
    m_podText = node.podCIDR ? fromStd(node.podCIDR->toString()) : QString();

    const QFontMetricsF fm(font);
    const QFontMetricsF bold(TopologyStyle::boldFont(font));
    const QFontMetricsF caption(TopologyStyle::boldFont(TopologyStyle::captionFont(font)));
    const QFontMetricsF mono(TopologyStyle::monoFont(font));
    m_fontHeight = fm.height();
    m_lineHeight = std::max(fm.height(), mono.height()) + 2;
    m_headerHeight = bold.height() + 12;
    m_captionHeight = caption.height();

    const qreal sectionHeader = m_captionHeight + 2;
    m_podHeight = sectionPad + sectionHeader + m_podLines.size() * m_lineHeight + sectionPad;
    m_vtepHeight = sectionPad + sectionHeader + m_vtepLines.size() * m_lineHeight + sectionPad;
    updateNaturalWidth();
    m_size.setWidth(m_naturalWidth);
    layout();
}

void NodeItem::updateNaturalWidth()
{
    // The texts of the box are measured once; the chips (which change) each time.
    if (m_baseWidth == 0) {
        const QFontMetricsF bold(TopologyStyle::boldFont(m_font));
        const QFontMetricsF caption(TopologyStyle::boldFont(TopologyStyle::captionFont(m_font)));
        const QFontMetricsF mono(TopologyStyle::monoFont(m_font));
        qreal width = bold.horizontalAdvance(m_name) + 24 + caption.horizontalAdvance(m_roleText)
            + 16 + 2 * pad;
        width = std::max(width,
            caption.horizontalAdvance(tr("LAN")) + 8 + mono.horizontalAdvance(m_lanText) + 2 * pad);
        for (const QString &line : m_podLines + m_vtepLines)
            width = std::max(width, mono.horizontalAdvance(line) + 2 * sectionPad + 2 * pad);
        width = std::max(width, caption.horizontalAdvance(m_podCaption) + 2 * sectionPad + 2 * pad);
        width
            = std::max(width, caption.horizontalAdvance(m_vtepCaption) + 2 * sectionPad + 2 * pad);
        m_baseWidth = std::max(minWidth, width);
    }
    qreal width = m_baseWidth;
    for (const auto *chip : std::as_const(m_ips))
        width = std::max(width, chip->preferredWidth() + 2 * pad);
    m_naturalWidth = std::ceil(width);
}

QList<ServiceIpItem *> NodeItem::setServiceIps(const ServiceIpItem::Infos &ips)
{
    QList<ServiceIpItem *> gone;
    const qsizetype reused = std::min(ips.size(), m_ips.size());
    for (qsizetype i = 0; i < reused; ++i)
        m_ips[i]->setInfo(ips[i]);
    while (m_ips.size() > ips.size()) {
        ServiceIpItem *chip = m_ips.takeLast();
        gone << chip;
        delete chip;
    }
    for (qsizetype i = reused; i < ips.size(); ++i)
        m_ips << new ServiceIpItem(ips[i], m_font, this);
    prepareGeometryChange();
    updateNaturalWidth();
    m_size.setWidth(m_naturalWidth);
    m_stretch = 0;
    layout();
    return gone;
}

void NodeItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

QString NodeItem::accessibleText() const
{
    QString text = tr("Node %1, %2, LAN address %3").arg(m_name, m_roleText, m_lanIP);
    if (!m_podText.isEmpty())
        text += tr(", pod subnet %1").arg(m_podText);
    text += tr(", announces %n address(es)", nullptr, int(m_ips.size()));
    if (m_problem)
        text += *m_problem == rules::Severity::Error ? tr(", has errors") : tr(", has warnings");
    return text;
}

void NodeItem::layout()
{
    // Top to bottom: header, LAN address, announced IPs, (stretch), pods, VTEP; flipped:
    // header, VTEP, pods, (stretch), announced IPs, LAN address.
    const qreal inner = m_size.width() - 2 * pad;
    const qreal chipHeight = ServiceIpItem::heightFor(m_font);
    const qreal ipsHeight = m_ips.isEmpty()
        ? 0
        : m_captionHeight + 3 + m_ips.size() * chipHeight + (m_ips.size() - 1) * chipSpacing + 8;
    qreal y = m_headerHeight;
    if (!m_flipped) {
        y += 6;
        m_lanRect = QRectF(pad, y, inner, m_lineHeight);
        y += m_lineHeight + 6;
        m_ipCaptionY = y;
        y += ipsHeight + m_stretch;
        m_podRect = QRectF(pad, y, inner, m_podHeight);
        y += m_podHeight + 8;
        m_vtepRect = QRectF(pad, y, inner, m_vtepHeight);
        y += m_vtepHeight + pad;
    } else {
        y += 8;
        m_vtepRect = QRectF(pad, y, inner, m_vtepHeight);
        y += m_vtepHeight + 8;
        m_podRect = QRectF(pad, y, inner, m_podHeight);
        y += m_podHeight + 8 + m_stretch;
        m_ipCaptionY = y;
        y += ipsHeight;
        m_lanRect = QRectF(pad, y, inner, m_lineHeight);
        y += m_lineHeight + pad;
    }
    m_size.setHeight(std::ceil(y));

    y = m_ipCaptionY + m_captionHeight + 3;
    for (auto *chip : std::as_const(m_ips)) {
        chip->setWidth(inner);
        chip->setPos(pad, y);
        y += chipHeight + chipSpacing;
    }
}

void NodeItem::setWidth(qreal width)
{
    prepareGeometryChange();
    m_size.setWidth(std::max(width, m_naturalWidth));
    layout();
}

void NodeItem::setHeight(qreal height)
{
    const qreal stretch = std::max<qreal>(0, height - naturalSize().height());
    if (stretch == m_stretch)
        return;
    prepareGeometryChange();
    m_stretch = stretch;
    layout();
}

void NodeItem::setFlipped(bool flipped)
{
    if (flipped == m_flipped)
        return;
    prepareGeometryChange();
    m_flipped = flipped;
    m_stretch = 0;
    layout();
}

void NodeItem::setProblem(std::optional<rules::Severity> severity)
{
    if (severity == m_problem)
        return;
    m_problem = severity;
    update();
}

void NodeItem::setTunnelSlotCount(int count)
{
    m_tunnelSlots = count;
    update();
}

QPointF NodeItem::tunnelPort(int slot, int slotCount) const
{
    const qreal inset = 14;
    const qreal span = m_vtepRect.width() - 2 * inset;
    const qreal x = slotCount <= 1 ? m_vtepRect.center().x()
                                   : m_vtepRect.left() + inset + span * slot / (slotCount - 1);
    return QPointF(x, m_flipped ? 0 : m_size.height());
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-6, -6, 6, 6);
}

void NodeItem::paintSection(QPainter *painter, const QRectF &rect, const QColor &accent,
    const QString &caption, const QStringList &lines, bool withText) const
{
    const QPalette pal = palette();
    painter->setPen(QPen(TopologyStyle::mix(accent, pal.color(QPalette::Base), 0.3), 1));
    painter->setBrush(TopologyStyle::wash(accent, pal, 0.10));
    painter->drawRoundedRect(rect, 4, 4);
    if (!withText)
        return;

    const QFont captionFont = TopologyStyle::boldFont(TopologyStyle::captionFont(m_font));
    const qreal captionHeight = QFontMetricsF(captionFont).height() + 2;
    painter->setFont(captionFont);
    painter->setPen(TopologyStyle::mix(pal.color(QPalette::Text), accent, 0.6));
    QRectF line(rect.left() + sectionPad, rect.top() + sectionPad, rect.width() - 2 * sectionPad,
        captionHeight);
    painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, caption);

    painter->setFont(TopologyStyle::monoFont(m_font));
    painter->setPen(pal.color(QPalette::Text));
    line.translate(0, captionHeight);
    line.setHeight(m_lineHeight);
    for (const QString &text : lines) {
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, text);
        line.translate(0, m_lineHeight);
    }
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette pal = palette();
    const QRectF box(QPointF(0, 0), m_size);
    const QColor roleColour = TopologyStyle::roleColor(m_role, pal);
    const bool selected = option->state & QStyle::State_Selected;
    // Zoomed far out, text would be a smudge: the boxes in their colours remain.
    const bool withText = !TopologyStyle::isTextTooSmall(m_fontHeight, option, painter);
    painter->setRenderHint(QPainter::Antialiasing);

    // The halo of a node chosen elsewhere (the L2 advertisement editor), around the box.
    if (m_highlighted) {
        painter->setPen(QPen(pal.color(QPalette::Link), 2.5, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-3.5, -3.5, 3.5, 3.5), TopologyStyle::radius + 3,
            TopologyStyle::radius + 3);
    }

    // Tunnel ports first, so the box covers the stubs' ends.
    if (m_tunnelSlots > 0) {
        const QColor vtep = TopologyStyle::vtepColor(pal);
        painter->setPen(QPen(vtep, 1.2));
        painter->setBrush(vtep);
        const int ports = m_tunnelSlots <= maxDrawnPorts ? m_tunnelSlots : 1;
        for (int i = 0; i < ports; ++i)
            painter->drawEllipse(tunnelPort(i, ports), 2.5, 2.5);
    }

    QColor border = TopologyStyle::lineColor(pal);
    qreal borderWidth = 1.2;
    if (m_problem) {
        border = *m_problem == rules::Severity::Error ? TopologyStyle::errorColor(pal)
                                                      : TopologyStyle::warningColor(pal);
        borderWidth = 2;
    }
    if (selected) {
        border = pal.color(QPalette::Highlight);
        borderWidth = 3;
    }
    if (!withText) {
        // A few device pixels wide: rounded corners and the header's clip path would not
        // show, and cost a hundred nodes a millisecond per frame.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(box, TopologyStyle::wash(roleColour, pal, 0.04));
        painter->fillRect(
            QRectF(0, 0, box.width(), m_headerHeight), TopologyStyle::wash(roleColour, pal, 0.28));
        const QColor pods
            = m_hasPodSubnet ? TopologyStyle::podColor(pal) : TopologyStyle::warningColor(pal);
        painter->fillRect(m_podRect, TopologyStyle::wash(pods, pal, 0.10));
        painter->fillRect(
            m_vtepRect, TopologyStyle::wash(TopologyStyle::vtepColor(pal), pal, 0.10));
        painter->setPen(QPen(border, borderWidth));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(box);
        return;
    }
    QPainterPath outline;
    outline.addRoundedRect(
        box.adjusted(0.5, 0.5, -0.5, -0.5), TopologyStyle::radius, TopologyStyle::radius);
    painter->setPen(Qt::NoPen);
    painter->setBrush(TopologyStyle::wash(roleColour, pal, 0.04));
    painter->drawPath(outline);

    // Header band in the role's colour.
    painter->save();
    painter->setClipPath(outline);
    painter->setBrush(TopologyStyle::wash(roleColour, pal, 0.28));
    painter->drawRect(QRectF(0, 0, box.width(), m_headerHeight));
    painter->restore();

    if (withText)
        paintTexts(painter, box, roleColour);

    paintSection(painter, m_podRect,
        m_hasPodSubnet ? TopologyStyle::podColor(pal) : TopologyStyle::warningColor(pal),
        m_podCaption, m_podLines, withText);
    paintSection(
        painter, m_vtepRect, TopologyStyle::vtepColor(pal), m_vtepCaption, m_vtepLines, withText);

    painter->setPen(QPen(border, borderWidth));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(outline);
}

void NodeItem::paintTexts(QPainter *painter, const QRectF &box, const QColor &roleColour) const
{
    const QPalette pal = palette();
    const QFont bold = TopologyStyle::boldFont(m_font);
    const QFont caption = TopologyStyle::boldFont(TopologyStyle::captionFont(m_font));
    const QFontMetricsF captionMetrics(caption);
    const qreal badgeWidth = captionMetrics.horizontalAdvance(m_roleText) + 12;
    const QRectF badge(box.right() - pad - badgeWidth,
        (m_headerHeight - captionMetrics.height() - 4) / 2, badgeWidth,
        captionMetrics.height() + 4);
    painter->setPen(QPen(roleColour, 1));
    painter->setBrush(TopologyStyle::wash(roleColour, pal, 0.12));
    painter->drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
    painter->setFont(caption);
    painter->setPen(TopologyStyle::mix(pal.color(QPalette::Text), roleColour, 0.7));
    painter->drawText(badge, Qt::AlignCenter, m_roleText);

    qreal nameRight = badge.left() - 8;
    if (m_problem) {
        const QColor c = *m_problem == rules::Severity::Error ? TopologyStyle::errorColor(pal)
                                                              : TopologyStyle::warningColor(pal);
        const qreal d = captionMetrics.height();
        const QRectF mark(nameRight - d, (m_headerHeight - d) / 2, d, d);
        painter->setPen(Qt::NoPen);
        painter->setBrush(c);
        painter->drawEllipse(mark);
        painter->setPen(pal.color(QPalette::Base));
        painter->drawText(mark, Qt::AlignCenter, QStringLiteral("!"));
        nameRight = mark.left() - 6;
    }
    painter->setFont(bold);
    painter->setPen(pal.color(QPalette::Text));
    const QRectF nameRect(pad, 0, nameRight - pad, m_headerHeight);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(bold).elidedText(m_name, Qt::ElideRight, nameRect.width()));

    // LAN address and interface.
    const QRectF lanLine = m_lanRect;
    painter->setFont(caption);
    painter->setPen(TopologyStyle::lineColor(pal));
    painter->drawText(lanLine, Qt::AlignLeft | Qt::AlignVCenter, tr("LAN"));
    painter->setFont(TopologyStyle::monoFont(m_font));
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(lanLine.adjusted(captionMetrics.horizontalAdvance(tr("LAN")) + 8, 0, 0, 0),
        Qt::AlignLeft | Qt::AlignVCenter, m_lanText);

    if (!m_ips.isEmpty()) {
        painter->setFont(caption);
        painter->setPen(TopologyStyle::lineColor(pal));
        painter->drawText(QRectF(pad, m_ipCaptionY, box.width() - 2 * pad, captionMetrics.height()),
            Qt::AlignLeft | Qt::AlignVCenter, tr("Announces"));
    }
}

} // namespace k3snet
