// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/livemarkitem.h"

#include "topology/nodeitem.h"
#include "topology/serviceipitem.h"
#include "topology/topologyscene.h"
#include "topology/topologystyle.h"

#include <QPainter>
#include <QPalette>

namespace k3snet {

using status::NodeState;

namespace {
constexpr qreal dot = 9;

LiveMarkItem::Kind kindOf(NodeState s)
{
    switch (s) {
    case NodeState::Up:
        return LiveMarkItem::Kind::Good;
    case NodeState::Degraded:
        return LiveMarkItem::Kind::Warning;
    case NodeState::Down:
    case NodeState::Unreachable:
        return LiveMarkItem::Kind::Bad;
    case NodeState::NotInstalled:
    case NodeState::Unknown:
        break;
    }
    return LiveMarkItem::Kind::Neutral;
}

void clearMarks(QGraphicsItem *item)
{
    const QList<QGraphicsItem *> children = item->childItems();
    for (QGraphicsItem *child : children)
        if (auto *mark = dynamic_cast<LiveMarkItem *>(child))
            delete mark;
}

// The mark of one address chip drawn under node `planned`.
void markAddress(ServiceIpItem *chip, const QString &planned, const status::ClusterStatus &status)
{
    const QString ip = chip->info().ip;
    const QStringList who = status.announcers.value(ip);
    LiveMarkItem::Kind kind = LiveMarkItem::Kind::Good;
    QString text;
    QStringList foreign;
    for (const status::Conflict &c : status.conflicts)
        if (c.ip == ip && c.active)
            foreign.append(LiveMarkItem::tr("%1 (seen by %2)").arg(c.foreignMac, c.seenBy));
    if (!foreign.isEmpty()) {
        kind = LiveMarkItem::Kind::Bad;
        text = LiveMarkItem::tr("A host outside the cluster answers for %1: %2").arg(ip, foreign.join(QStringLiteral(", ")));
    } else if (who.size() > 1) {
        kind = LiveMarkItem::Kind::Bad;
        text = LiveMarkItem::tr("Several nodes answer ARP for %1: %2").arg(ip, who.join(QStringLiteral(", ")));
    } else if (who.isEmpty()) {
        kind = status.stateOf(planned) == NodeState::Up ? LiveMarkItem::Kind::Bad : LiveMarkItem::Kind::Neutral;
        text = LiveMarkItem::tr("No node answers ARP for %1").arg(ip);
    } else if (who.first() != planned) {
        kind = LiveMarkItem::Kind::Warning;
        text = LiveMarkItem::tr("%1 answers ARP for %2 (planned: %3)").arg(who.first(), ip, planned);
    } else {
        text = LiveMarkItem::tr("%1 answers ARP for %2, as planned").arg(planned, ip);
    }
    auto *mark = new LiveMarkItem(kind, text, chip);
    mark->setPos(chip->boundingRect().right() - dot - 3, chip->boundingRect().center().y() - dot / 2);
}

} // namespace

LiveMarkItem::LiveMarkItem(Kind kind, const QString &text, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_kind(kind)
{
    setToolTip(text);
    setAcceptHoverEvents(true);
    setZValue(10);
}

QRectF LiveMarkItem::boundingRect() const
{
    return {0, 0, dot, dot};
}

void LiveMarkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette pal = scene() ? scene()->palette() : QPalette();
    QColor fill;
    switch (m_kind) {
    case Kind::Good:
        fill = TopologyStyle::hueColor(130, pal);
        break;
    case Kind::Warning:
        fill = TopologyStyle::warningColor(pal);
        break;
    case Kind::Bad:
        fill = TopologyStyle::errorColor(pal);
        break;
    case Kind::Neutral:
        fill = TopologyStyle::lineColor(pal);
        break;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(pal.color(QPalette::Base), 1.5));
    painter->setBrush(fill);
    painter->drawEllipse(boundingRect().adjusted(0.75, 0.75, -0.75, -0.75));
}

void LiveMarkItem::applyTo(TopologyScene *scene, const status::ClusterStatus &status)
{
    for (NodeItem *node : scene->nodeItems()) {
        clearMarks(node);
        for (ServiceIpItem *chip : node->serviceIps())
            clearMarks(chip);
        if (status.isEmpty())
            continue;
        const status::NodeLiveStatus live = status.nodes.value(node->name());
        QString text = tr("Agent on %1: %2").arg(node->name(), status::nodeStateName(live.state));
        if (!live.message.isEmpty() && live.state != NodeState::Up)
            text += QLatin1Char('\n') + live.message;
        for (const QString &p : live.problems)
            text += QLatin1Char('\n') + p;
        auto *mark = new LiveMarkItem(kindOf(live.state), text, node);
        mark->setPos(node->size().width() - dot - 6, 6);
        for (ServiceIpItem *chip : node->serviceIps())
            if (!chip->info().ip.isEmpty())
                markAddress(chip, node->name(), status);
    }
}

} // namespace k3snet
