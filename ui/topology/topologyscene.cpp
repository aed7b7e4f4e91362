// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/topologyscene.h"

#include "document/document.h"
#include "topology/lanitem.h"
#include "topology/legenditem.h"
#include "topology/livemarkitem.h"
#include "topology/nodeitem.h"
#include "topology/pendinggroupitem.h"
#include "topology/serviceipitem.h"
#include "topology/topologyscenelayout.h"
#include "topology/tunnelitem.h"

#include <QEvent>
#include <QGraphicsSceneHelpEvent>
#include <QGraphicsView>
#include <QSet>
#include <QSignalBlocker>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace k3snet {

using namespace topologylayout;

namespace {

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

std::optional<rules::Severity> worse(std::optional<rules::Severity> a, rules::Severity b)
{
    return a && *a < b ? a : std::optional(b);
}

// Everything a node's box and the overlay show, apart from the addresses it announces: when
// this is unchanged, so are the nodes, the LAN and the tunnels.
QString signatureOf(const model::ClusterNetwork &network, const plan::Plan &plan, const QFont &font)
{
    QString s = font.toString();
    const auto text = [&s](const std::string &part) { s += QLatin1Char('|') + fromStd(part); };
    text(network.clusterCIDR.toString() + " " + network.serviceCIDR.toString() + " "
        + network.clusterDNS.toString() + " " + network.lan.subnet.toString() + " "
        + network.lan.gateway.toString() + " " + network.lan.interface);
    s += QStringLiteral("|%1|%2|%3|%4|%5")
             .arg(network.nodeCIDRMaskSize)
             .arg(network.vxlan.vni)
             .arg(network.vxlan.port)
             .arg(network.effectiveVxlanMtu())
             .arg(network.lan.mtu);
    for (const auto &n : plan.nodes) {
        text(n.name);
        text(model::nodeRoleName(n.role));
        text(n.lanIP.toString());
        text(n.interface);
        text(n.podCIDR ? n.podCIDR->toString() + (n.podCIDRPinned ? "!" : "") : "-");
        text(n.vtepDevice);
        text(n.vtepAddress ? n.vtepAddress->toString() : "-");
        text(n.vtepMAC);
        text(n.bridgeAddress ? n.bridgeAddress->toString() : "-");
        s += QLatin1Char('|') + QString::number(n.mtu);
    }
    return s;
}

} // namespace

// What the plan puts in the picture besides the nodes themselves.
struct TopologyScene::Content
{
    QString signature;
    QHash<QString, QList<ServiceIpItem::Info>> announced; // by node name
    QList<ServiceIpItem::Info> pending;
    std::map<std::string, std::optional<rules::Severity>> nodeProblems;
};

TopologyScene::TopologyScene(Document *document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
{
    // Items move and change size on most edits (a node gains an address, the nodes below it
    // move down); keeping a BSP index in step costs more than it saves on a few thousand items.
    setItemIndexMethod(NoIndex);
    connect(document, &Document::projectChanged, this, &TopologyScene::syncWithDocument);
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

void TopologyScene::forgetKeys(TopologyItem *item)
{
    for (const QString &key : item->keys())
        m_byKey.remove(key, item);
}

TopologyScene::Content TopologyScene::collect() const
{
    const plan::Plan &plan = m_document->plan();
    Content content;
    content.signature = signatureOf(m_document->project().network, plan, font());

    std::map<std::string, int> poolIndex;
    for (int i = 0; i < int(plan.pools.size()); ++i)
        poolIndex[plan.pools[size_t(i)].name] = i;
    std::map<std::string, int> nameCount;
    for (const auto &sp : plan.services)
        if (sp.type == "LoadBalancer")
            ++nameCount[sp.name];
    std::map<std::string, std::string> notAnnouncedWhy;
    for (const auto &d : plan.diagnostics) {
        for (const auto &ref : d.objects) {
            if (ref.kind == "Node")
                content.nodeProblems[ref.name] = worse(content.nodeProblems[ref.name], d.severity);
            else if (ref.kind == "Service" && d.code == "service-not-announced")
                notAnnouncedWhy[ref.name] = d.message;
        }
    }

    std::set<std::string> nodeNames;
    for (const auto &np : plan.nodes)
        nodeNames.insert(np.name);
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
        const bool hasAnnouncer = !sp.announcer.empty() && nodeNames.count(sp.announcer);
        info.service = fromStd(key);
        info.pool = fromStd(sp.pool);
        if (sp.ips.empty() || !hasAnnouncer) {
            info.pending = true;
            info.ip = sp.ips.empty() ? QString() : fromStd(sp.ips.front());
            info.why = fromStd(sp.pendingReason);
            if (info.why.isEmpty())
                info.why = fromStd(notAnnouncedWhy[key]);
            content.pending << info;
            continue;
        }
        // The next few in line: in a large cluster every node is a fallback, and a tooltip
        // needs only the first ones.
        constexpr std::size_t shownFallbacks = 3;
        info.announcer = fromStd(sp.announcer);
        for (std::size_t i = 0; i < std::min(shownFallbacks, sp.fallbacks.size()); ++i)
            info.fallbacks << fromStd(sp.fallbacks[i]);
        info.moreFallbacks = int(sp.fallbacks.size() - std::size_t(info.fallbacks.size()));
        for (const auto &ip : sp.ips) {
            info.ip = fromStd(ip);
            content.announced[info.announcer] << info;
        }
    }
    return content;
}

void TopologyScene::syncWithDocument()
{
    const Content content = collect();
    if (content.signature == m_signature && m_lan)
        patch(content);
    else
        rebuildFrom(content);
}

void TopologyScene::rebuild()
{
    rebuildFrom(collect());
}

void TopologyScene::rebuildFrom(const Content &content)
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
        m_signature = content.signature;

        const plan::Plan &plan = m_document->plan();
        const model::Project &project = m_document->project();
        m_lan = new LanItem(project.network, font());
        addItemWithKeys(m_lan);
        for (const auto &np : plan.nodes) {
            const QString name = fromStd(np.name);
            if (m_nodes.contains(name))
                continue; // a duplicate name is a diagnostic; one box is enough
            auto *node = new NodeItem(np, content.announced.value(name), font());
            if (auto it = content.nodeProblems.find(np.name); it != content.nodeProblems.end())
                node->setProblem(it->second);
            node->setHighlighted(m_highlighted.contains(node->key()));
            addItemWithKeys(node);
            for (auto *chip : node->serviceIps())
                addItemWithKeys(chip);
            m_nodes.insert(name, node);
            m_nodeOrder << node;
        }
        m_bottom = layoutNodes();
        createTunnels(tr("VNI %1, UDP port %2")
                          .arg(project.network.vxlan.vni)
                          .arg(project.network.vxlan.port));
        placeBelowNodes(content, m_bottom);

        for (const QString &key : selected)
            for (auto *item : m_byKey.values(key))
                item->setSelected(true);
        m_rebuilding = false;
        setSceneRect(pictureRect());
    }
    m_lastUpdate = Update::Rebuilt;
    updateTunnelVisibility();
    LiveMarkItem::applyTo(this, m_live);
    Q_EMIT selectionChanged();
    Q_EMIT rebuilt();
    Q_EMIT itemsChanged();
}

void TopologyScene::placeBelowNodes(const Content &content, qreal bottom)
{
    // Under the nodes: the legend, and the services nobody announces beside it.
    const plan::Plan &plan = m_document->plan();
    const model::Project &project = m_document->project();
    if (m_legend) {
        forgetKeys(m_legend);
        delete m_legend;
    }
    m_legend
        = new LegendItem(project.network, plan.pools, m_arrangement == Arrangement::Grid, font());
    m_legend->setPos(x0, bottom);
    addItemWithKeys(m_legend);
    qreal right = x0 + m_legend->size().width();
    if (m_pending) {
        for (auto *chip : m_pending->serviceIps())
            forgetKeys(chip);
        forgetKeys(m_pending);
        delete m_pending;
        m_pending = nullptr;
    }
    if (!content.pending.isEmpty()) {
        m_pending = new PendingGroupItem(content.pending, font());
        m_pending->setPos(right + columnGap, bottom);
        addItemWithKeys(m_pending);
        for (auto *chip : m_pending->serviceIps())
            addItemWithKeys(chip);
        right += columnGap + m_pending->size().width();
    }
    for (auto *node : std::as_const(m_nodeOrder))
        right = std::max(right, node->x() + node->size().width());
    m_lan->setWiring(right, m_lanRows);
}

void TopologyScene::patch(const Content &content)
{
    const QStringList selected = selectedKeys();
    {
        const QSignalBlocker blocker(this);
        m_rebuilding = true;
        bool relayout = false;
        for (NodeItem *node : std::as_const(m_nodeOrder)) {
            const std::string name = node->name().toStdString();
            const auto problem = content.nodeProblems.find(name);
            node->setProblem(
                problem == content.nodeProblems.end() ? std::nullopt : problem->second);
            const QList<ServiceIpItem::Info> ips = content.announced.value(node->name());
            QList<ServiceIpItem::Info> shown;
            for (const auto *chip : node->serviceIps())
                shown << chip->info();
            if (ips == shown)
                continue;
            // Only a change in the number of chips or in their widths moves anything.
            relayout = relayout || ips.size() != shown.size();
            for (auto *chip : node->serviceIps())
                forgetKeys(chip);
            const QSizeF before = node->size();
            const qreal naturalWidth = node->naturalSize().width();
            node->setServiceIps(ips);
            relayout = relayout || node->naturalSize().width() != naturalWidth;
            if (!relayout) {
                // Same chips, same size: give the node back its place in the grid's measure.
                node->setWidth(before.width());
                node->setHeight(before.height());
            }
            for (auto *chip : node->serviceIps())
                addItemWithKeys(chip);
        }
        if (relayout) {
            m_bottom = layoutNodes();
            for (TunnelItem *tunnel : std::as_const(m_tunnels))
                tunnel->updatePath();
        }
        placeBelowNodes(content, m_bottom);

        clearSelection();
        for (const QString &key : selected)
            for (auto *item : m_byKey.values(key))
                item->setSelected(true);
        m_rebuilding = false;
        setSceneRect(pictureRect());
    }
    m_lastUpdate = Update::Patched;
    updateTunnelVisibility();
    LiveMarkItem::applyTo(this, m_live);
    if (selectedKeys() != selected)
        Q_EMIT selectionChanged();
    Q_EMIT itemsChanged();
}

void TopologyScene::setLiveStatus(const status::ClusterStatus &status)
{
    m_live = status;
    LiveMarkItem::applyTo(this, m_live);
}

void TopologyScene::setHighlightedKeys(const QStringList &keys)
{
    m_highlighted = keys;
    for (NodeItem *node : std::as_const(m_nodeOrder))
        node->setHighlighted(keys.contains(node->key()));
}

QList<TopologyItem *> TopologyScene::navigationOrder() const
{
    QList<TopologyItem *> order;
    for (NodeItem *node : m_nodeOrder) {
        order << node;
        for (auto *chip : node->serviceIps())
            order << chip;
    }
    if (m_pending)
        for (auto *chip : m_pending->serviceIps())
            order << chip;
    return order;
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
    return m_byKey.values(key);
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

void TopologyScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    // QGraphicsScene's own reads QGraphicsItem::toolTip(); chips build theirs when asked.
    const QGraphicsView *view
        = event->widget() ? qobject_cast<const QGraphicsView *>(event->widget()->parentWidget())
                          : nullptr;
    QString text;
    for (QGraphicsItem *item : items(event->scenePos(), Qt::IntersectsItemShape,
             Qt::DescendingOrder, view ? view->transform() : QTransform())) {
        const auto *topologyItem = dynamic_cast<const TopologyItem *>(item);
        text = topologyItem ? topologyItem->toolTipText() : item->toolTip();
        if (!text.isEmpty())
            break;
    }
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return;
    }
    QToolTip::showText(event->screenPos(), text, event->widget());
    event->accept();
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
