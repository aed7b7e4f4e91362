// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/topologyscene.h"

#include "document/document.h"
#include "topology/lanitem.h"
#include "topology/legenditem.h"
#include "topology/nodeitem.h"
#include "topology/pendinggroupitem.h"
#include "topology/serviceipitem.h"
#include "topology/tunnelitem.h"

#include <QEvent>
#include <QSet>
#include <QSignalBlocker>

#include <algorithm>
#include <cmath>
#include <map>

namespace k3snet {

namespace {
constexpr qreal columnGap = 36;
constexpr qreal uplinkLength = 34;
constexpr qreal busGap = 18; // between a bus and the row it serves
constexpr qreal arcBase = 18;
constexpr qreal arcStep = 20;
constexpr qreal belowArcs = 34;
constexpr qreal x0 = LanItem::trunkX + 26;

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

std::optional<rules::Severity> worse(std::optional<rules::Severity> a, rules::Severity b)
{
    return a && *a < b ? a : std::optional(b);
}
} // namespace

TopologyScene::TopologyScene(Document *document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
{
    connect(document, &Document::projectChanged, this, &TopologyScene::rebuild);
    connect(this, &QGraphicsScene::selectionChanged, this, &TopologyScene::updateTunnelVisibility);
    rebuild();
}

TopologyScene::~TopologyScene()
{
    // Deleting selected items announces a selection change, which must not reach the slots
    // of a scene that is half gone.
    const QSignalBlocker blocker(this);
    m_rebuilding = true;
    clear();
}

void TopologyScene::addItemWithKeys(TopologyItem *item)
{
    if (!item->parentItem())
        addItem(item);
    for (const QString &key : item->keys())
        m_byKey.insert(key, item);
}

void TopologyScene::rebuild()
{
    const QStringList selected = selectedKeys();
    {
        // The old items go away and new ones come: listeners hear about the end result only.
        const QSignalBlocker blocker(this);
        m_rebuilding = true;
        clear();
        m_byKey.clear();
        m_nodes.clear();
        m_nodeOrder.clear();
        m_tunnels.clear();
        m_lan = nullptr;
        m_legend = nullptr;
        m_pending = nullptr;

        const plan::Plan &plan = m_document->plan();
        const model::Project &project = m_document->project();
        const QFont itemFont = font();

        std::map<std::string, int> poolIndex;
        for (int i = 0; i < int(plan.pools.size()); ++i)
            poolIndex[plan.pools[size_t(i)].name] = i;
        std::map<std::string, int> nameCount;
        for (const auto &sp : plan.services)
            if (sp.type == "LoadBalancer")
                ++nameCount[sp.name];
        std::map<std::string, std::string> notAnnouncedWhy;
        std::map<std::string, std::optional<rules::Severity>> nodeProblems;
        for (const auto &d : plan.diagnostics) {
            for (const auto &ref : d.objects) {
                if (ref.kind == "Node")
                    nodeProblems[ref.name] = worse(nodeProblems[ref.name], d.severity);
                else if (ref.kind == "Service" && d.code == "service-not-announced")
                    notAnnouncedWhy[ref.name] = d.message;
            }
        }

        QHash<QString, QList<ServiceIpItem::Info>> announced;
        QList<ServiceIpItem::Info> pending;
        for (const auto &sp : plan.services) {
            if (sp.type != "LoadBalancer")
                continue;
            const std::string key = sp.namespaceName + "/" + sp.name;
            ServiceIpItem::Info info;
            info.serviceKey = QStringLiteral("Service/") + fromStd(key);
            info.label = fromStd(nameCount[sp.name] > 1 ? key : sp.name);
            if (auto it = poolIndex.find(sp.pool); it != poolIndex.end()) {
                info.poolIndex = it->second;
                info.poolKey = QStringLiteral("IPAddressPool/") + fromStd(sp.pool);
            }
            const bool hasAnnouncer = !sp.announcer.empty() && plan.findNode(sp.announcer);
            if (sp.ips.empty() || !hasAnnouncer) {
                info.pending = true;
                info.ip = sp.ips.empty() ? QString() : fromStd(sp.ips.front());
                QString why = fromStd(sp.pendingReason);
                if (why.isEmpty())
                    why = fromStd(notAnnouncedWhy[key]);
                if (why.isEmpty())
                    why = tr("No node announces this address.");
                info.toolTip = tr("<b>%1</b> is not announced:<br>%2")
                                   .arg(fromStd(key).toHtmlEscaped(), why.toHtmlEscaped());
                pending << info;
                continue;
            }
            QStringList fallbacks;
            for (const auto &f : sp.fallbacks)
                fallbacks << fromStd(f);
            for (const auto &ip : sp.ips) {
                info.ip = fromStd(ip);
                info.toolTip
                    = tr("<b>%1</b><br>%2 from pool %3<br>Announced by %4<br>Fallbacks: %5")
                          .arg(fromStd(key).toHtmlEscaped(), info.ip,
                              fromStd(sp.pool).toHtmlEscaped(),
                              fromStd(sp.announcer).toHtmlEscaped(),
                              fallbacks.isEmpty() ? tr("none")
                                                  : fallbacks.join(QStringLiteral(", ")));
                announced[fromStd(sp.announcer)] << info;
            }
        }

        m_lan = new LanItem(project.network, itemFont);
        addItemWithKeys(m_lan);
        for (const auto &np : plan.nodes) {
            const QString name = fromStd(np.name);
            if (m_nodes.contains(name))
                continue; // a duplicate name is a diagnostic; one box is enough
            auto *node = new NodeItem(np, announced.value(name), itemFont);
            node->setProblem(nodeProblems[np.name]);
            addItemWithKeys(node);
            for (auto *chip : node->serviceIps())
                addItemWithKeys(chip);
            m_nodes.insert(name, node);
            m_nodeOrder << node;
        }
        const qreal bottom = layoutNodes();
        createTunnels(tr("VNI %1, UDP port %2")
                          .arg(project.network.vxlan.vni)
                          .arg(project.network.vxlan.port));

        // Under the nodes: the legend, and the services nobody announces beside it.
        m_legend = new LegendItem(
            project.network, plan.pools, m_arrangement == Arrangement::Grid, itemFont);
        m_legend->setPos(x0, bottom);
        addItemWithKeys(m_legend);
        qreal right = x0 + m_legend->size().width();
        if (!pending.isEmpty()) {
            m_pending = new PendingGroupItem(pending, itemFont);
            m_pending->setPos(right + columnGap, bottom);
            addItemWithKeys(m_pending);
            for (auto *chip : m_pending->serviceIps())
                addItemWithKeys(chip);
            right += columnGap + m_pending->size().width();
        }
        for (auto *node : std::as_const(m_nodeOrder))
            right = std::max(right, node->x() + node->size().width());
        m_lan->setWiring(right, m_lanRows);

        for (const QString &key : selected)
            for (auto *item : m_byKey.values(key))
                item->setSelected(true);
        m_rebuilding = false;
        setSceneRect(pictureRect());
    }
    updateTunnelVisibility();
    Q_EMIT selectionChanged();
    Q_EMIT rebuilt();
}

qreal TopologyScene::layoutNodes()
{
    const int n = int(m_nodeOrder.size());
    m_lanRows.clear();
    if (n <= maxNodesInOneRow) {
        m_arrangement = Arrangement::Row;
        m_columns = std::max(n, 1);
    } else if (n <= maxNodesWithAllTunnels) {
        m_arrangement = Arrangement::FacingRows;
        m_columns = (n + 1) / 2;
    } else {
        m_arrangement = Arrangement::Grid;
        m_columns = int(std::ceil(std::sqrt(n * 1.8)));
    }
    // The arcs of a row reach as deep as its widest pair needs, when all of them are drawn.
    m_bandDepth
        = m_arrangement == Arrangement::Grid ? arcBase : arcBase + arcStep * (m_columns - 1);

    qreal width = 0;
    for (auto *node : std::as_const(m_nodeOrder))
        width = std::max(width, node->size().width());
    for (auto *node : std::as_const(m_nodeOrder))
        node->setWidth(width);

    qreal y = m_lan->barBottom() + uplinkLength;
    qreal bottom = y;
    const int rows = n == 0 ? 0 : (n + m_columns - 1) / m_columns;
    for (int row = 0; row < rows; ++row) {
        const bool facing = m_arrangement == Arrangement::FacingRows && row == 1;
        const int first = row * m_columns;
        const int last = std::min(n, first + m_columns);
        qreal height = 0;
        for (int i = first; i < last; ++i) {
            m_nodeOrder.at(i)->setFlipped(facing);
            height = std::max(height, m_nodeOrder.at(i)->size().height());
        }
        LanItem::Row lanRow;
        lanRow.busY = row == 0 ? m_lan->barBottom() : facing ? y + height + busGap : y - busGap;
        lanRow.nodeEdge = facing ? y + height : y;
        for (int i = first; i < last; ++i) {
            NodeItem *node = m_nodeOrder.at(i);
            node->setHeight(height);
            node->setPos(x0 + (i - first) * (width + columnGap), y);
            lanRow.uplinks << node->x() + width / 2;
        }
        m_lanRows << lanRow;
        bottom = std::max(y + height, lanRow.busY);
        if (m_arrangement == Arrangement::FacingRows && row == 0)
            y += height + 2 * m_bandDepth + 40; // the band between the facing rows
        else
            y += height + m_bandDepth + belowArcs + busGap;
    }
    return bottom + (m_arrangement == Arrangement::FacingRows ? 40 : m_bandDepth + belowArcs);
}

int TopologyScene::slotFor(int node, int peer) const
{
    // A node's ports, left to right: peers of its own row to the left (nearest first), peers
    // of other rows (by column), peers of its own row to the right (farthest first); so arcs
    // sharing an end nest instead of crossing.
    const auto rank = [this, node](int j) {
        const int row = node / m_columns;
        const int column = node % m_columns;
        const int rowJ = j / m_columns;
        const int columnJ = j % m_columns;
        if (rowJ == row)
            return columnJ < column ? std::pair(0, column - columnJ)
                                    : std::pair(2, column - columnJ);
        return std::pair(1, columnJ * 1000 + rowJ);
    };
    int slot = 0;
    for (int j = 0; j < int(m_nodeOrder.size()); ++j)
        if (j != node && j != peer && rank(j) < rank(peer))
            ++slot;
    return slot;
}

void TopologyScene::createTunnels(const QString &vxlanText)
{
    const int n = int(m_nodeOrder.size());
    const bool all = m_arrangement != Arrangement::Grid;
    for (auto *node : std::as_const(m_nodeOrder))
        node->setTunnelSlotCount(all ? n - 1 : 0);
    const plan::Plan &plan = m_document->plan();
    const auto vtep = [](const plan::NodePlan *p) {
        return p && p->vtepAddress ? fromStd(p->vtepAddress->toString()) : tr("no address");
    };
    for (int i = 0; i < n; ++i) {
        for (int j = i + 1; j < n; ++j) {
            NodeItem *a = m_nodeOrder.at(i);
            NodeItem *b = m_nodeOrder.at(j);
            qreal depthA = arcBase;
            qreal depthB = arcBase;
            if (i / m_columns == j / m_columns) {
                const int apart = std::abs(i % m_columns - j % m_columns);
                // In a grid the arcs of the selected node may reach over the next row.
                const qreal deepest
                    = m_arrangement == Arrangement::Grid ? 3 * arcBase : m_bandDepth;
                depthA = depthB = std::min(deepest, arcBase + arcStep * (apart - 1) + arcStep / 2);
            } else if (m_arrangement == Arrangement::FacingRows) {
                depthA = depthB = m_bandDepth + 20; // an S across the band
            }
            const auto *pa = plan.findNode(a->name().toStdString());
            const auto *pb = plan.findNode(b->name().toStdString());
            const QString tip = tr("<b>VXLAN tunnel</b> %1 ↔ %2<br>%1: LAN %3, VTEP %4, MAC %5<br>"
                                   "%2: LAN %6, VTEP %7, MAC %8<br>%9")
                                    .arg(a->name().toHtmlEscaped(), b->name().toHtmlEscaped(),
                                        pa ? fromStd(pa->lanIP.toString()) : QString(), vtep(pa),
                                        pa ? fromStd(pa->vtepMAC) : QString(),
                                        pb ? fromStd(pb->lanIP.toString()) : QString(), vtep(pb),
                                        pb ? fromStd(pb->vtepMAC) : QString(), vxlanText);
            auto *tunnel
                = new TunnelItem(a, b, slotFor(i, j), slotFor(j, i), n - 1, depthA, depthB, tip);
            tunnel->updatePath();
            addItemWithKeys(tunnel);
            m_tunnels << tunnel;
        }
    }
}

void TopologyScene::updateTunnelVisibility()
{
    if (m_rebuilding)
        return;
    const bool all = m_arrangement != Arrangement::Grid;
    for (auto *tunnel : std::as_const(m_tunnels)) {
        const bool highlighted = tunnel->isHighlighted();
        tunnel->setVisible(all || highlighted);
        // In a grid a tunnel crosses other nodes: while it is shown, it goes over them.
        tunnel->setZValue(highlighted ? (all ? -0.5 : 2) : -1);
        tunnel->update();
    }
}

QList<TopologyItem *> TopologyScene::itemsForKey(const QString &key) const
{
    QList<TopologyItem *> items = m_byKey.values(key);
    std::reverse(items.begin(), items.end()); // QMultiHash hands out the latest first
    return items;
}

NodeItem *TopologyScene::nodeItem(const QString &name) const
{
    return m_nodes.value(name);
}

QList<NodeItem *> TopologyScene::nodeItems() const
{
    return m_nodeOrder;
}

QList<ServiceIpItem *> TopologyScene::serviceIpItems() const
{
    QList<ServiceIpItem *> chips;
    for (auto *node : m_nodeOrder)
        chips << node->serviceIps();
    if (m_pending)
        chips << m_pending->serviceIps();
    return chips;
}

QStringList TopologyScene::selectedKeys() const
{
    QStringList keys;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() < TopologyItem::LanType || item->type() > TopologyItem::LegendType)
            continue;
        const QString key = static_cast<TopologyItem *>(item)->key();
        if (!keys.contains(key))
            keys << key;
    }
    return keys;
}

int TopologyScene::selectKeys(const QStringList &keys)
{
    int count = 0;
    {
        const QSignalBlocker blocker(this);
        clearSelection();
        for (const QString &key : keys) {
            for (auto *item : m_byKey.values(key)) {
                item->setSelected(true);
                ++count;
            }
        }
    }
    updateTunnelVisibility();
    Q_EMIT selectionChanged();
    return count;
}

QRectF TopologyScene::pictureRect() const
{
    return itemsBoundingRect().adjusted(-24, -24, 24, 24);
}

bool TopologyScene::event(QEvent *event)
{
    const bool handled = QGraphicsScene::event(event);
    if (event->type() == QEvent::PaletteChange)
        update();
    else if (event->type() == QEvent::FontChange && !m_rebuilding)
        rebuild();
    return handled;
}

} // namespace k3snet
