// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/topologyscene.h"

#include "document/deferreddisposal.h"
#include "document/document.h"
#include "topology/lanitem.h"
#include "topology/legenditem.h"
#include "topology/livemarkitem.h"
#include "topology/nodeitem.h"
#include "topology/pendinggroupitem.h"
#include "topology/serviceipitem.h"
#include "topology/topologycontent.h"
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
#include <utility>

namespace k3snet {

using namespace topologylayout;

namespace {

// From this many chips in the nodes an edit touches, the scene repaints whole (see patch).
constexpr qsizetype wholeSceneUpdateChips = 256;

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

TopologyScene::TopologyScene(Document *document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
    , m_disposal(new DeferredDisposal(this))
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
    if (item->type() == ServiceIpItem::Type) {
        m_chipIndexStale = true;
        return;
    }
    for (const QString &key : item->keys())
        m_byKey.insert(key, item);
}

void TopologyScene::forgetKeys(TopologyItem *item)
{
    if (item->type() == ServiceIpItem::Type) {
        m_chipIndexStale = true;
        return;
    }
    for (const QString &key : item->keys())
        m_byKey.remove(key, item);
}

const ItemKeyIndex &TopologyScene::chipIndex() const
{
    if (!m_chipIndexStale)
        return m_chipsByKey;
    m_chipsByKey.clear();
    const auto file = [this](const QList<ServiceIpItem *> &chips) {
        for (ServiceIpItem *chip : chips)
            for (const QString &key : chip->keys())
                m_chipsByKey.insert(key, chip);
    };
    for (const NodeItem *node : m_nodeOrder)
        file(node->serviceIps());
    if (m_pending)
        file(m_pending->serviceIps());
    m_chipIndexStale = false;
    return m_chipsByKey;
}

TopologyContent TopologyScene::collect(bool forRebuild)
{
    return m_collector.collect(*m_document, font(), forRebuild || !m_lan ? QString() : m_signature);
}

void TopologyScene::syncWithDocument()
{
    const TopologyContent content = collect();
    if (content.signature == m_signature && m_lan)
        patch(content);
    else
        rebuildFrom(content);
}

void TopologyScene::rebuild()
{
    rebuildFrom(collect(true));
}

void TopologyScene::rebuildFrom(const TopologyContent &content)
{
    const QStringList selected = selectedKeys();
    {
        // The old items go away and new ones come: listeners hear about the end result only.
        const QSignalBlocker blocker(this);
        m_rebuilding = true;
        clear();
        m_byKey.clear();
        m_chipIndexStale = true;
        m_nodes.clear();
        m_nodeOrder.clear();
        m_tunnels.clear();
        m_tunnelsOf.clear();
        m_shownTunnels.clear();
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
            for (auto *item : itemsForKey(key))
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

void TopologyScene::placeBelowNodes(const TopologyContent &content, qreal bottom)
{
    // Under the nodes: the legend, and the services nobody announces beside it.
    const plan::Plan &plan = m_document->plan();
    const model::Project &project = m_document->project();
    const bool grid = m_arrangement == Arrangement::Grid;
    if (m_legend) {
        m_legend->setContent(project.network, plan.pools, grid);
    } else {
        m_legend = new LegendItem(project.network, plan.pools, grid, font());
        addItemWithKeys(m_legend);
    }
    m_legend->setPos(x0, bottom);
    qreal right = x0 + m_legend->size().width();
    ServiceIpItem::Infos shownPending;
    if (m_pending)
        for (const auto *chip : m_pending->serviceIps())
            shownPending << chip->sharedInfo();
    if (m_pending && ServiceIpItem::sameInfos(shownPending, content.pending)) {
        m_pending->setPos(right + columnGap, bottom); // the same services: only moved
        right += columnGap + m_pending->size().width();
    } else if (m_pending) {
        for (auto *chip : m_pending->serviceIps())
            forgetKeys(chip);
        forgetKeys(m_pending);
        delete m_pending;
        m_pending = nullptr;
    }
    if (!m_pending && !content.pending.isEmpty()) {
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

void TopologyScene::patch(const TopologyContent &content)
{
    const QStringList selected = selectedKeys();
    // Hundreds of chips about to change: one update of the whole scene, and the chips' own
    // updates return at once. Each chip's dirty area was otherwise worked out and merged into
    // the views' regions, a third of the frame after an edit that moves every service.
    qsizetype chips = 0;
    for (const auto &list : content.announced)
        chips += list.size();
    if (chips >= wholeSceneUpdateChips)
        update();
    {
        const QSignalBlocker blocker(this);
        m_rebuilding = true;
        bool relayout = false;
        // The contents the chips showed: their last references, freed after the repaint.
        std::vector<ServiceIpItem::Infos> replaced;
        for (NodeItem *node : std::as_const(m_nodeOrder)) {
            const std::string name = node->name().toStdString();
            const auto problem = content.nodeProblems.find(name);
            node->setProblem(
                problem == content.nodeProblems.end() ? std::nullopt : problem->second);
            if (!content.everything && !content.touchedNodes.contains(node->name()))
                continue; // none of its services changed
            const ServiceIpItem::Infos ips = content.announced.value(node->name());
            ServiceIpItem::Infos &shown = replaced.emplace_back();
            for (const auto *chip : node->serviceIps())
                shown << chip->sharedInfo();
            if (ServiceIpItem::sameInfos(ips, shown)) {
                const QList<ServiceIpItem *> chips = node->serviceIps();
                for (qsizetype c = 0; c < chips.size(); ++c)
                    chips[c]->setInfo(ips[c]); // equal contents made again: shared, not drawn
                continue;
            }
            // Only a change in the number of chips or in their widths moves anything.
            relayout = relayout || ips.size() != shown.size();
            // Chips are reused in order: those past the new count go, the others may show
            // another service (the chip index is made again when next asked).
            m_chipIndexStale = true;
            const QSizeF before = node->size();
            const qreal naturalWidth = node->naturalSize().width();
            node->setServiceIps(ips);
            relayout = relayout || node->naturalSize().width() != naturalWidth;
            if (!relayout) {
                // Same chips, same size: give the node back its place in the grid's measure.
                node->setWidth(before.width());
                node->setHeight(before.height());
            }
        }
        if (!replaced.empty())
            m_disposal->dispose(std::move(replaced));
        if (relayout) {
            m_bottom = layoutNodes();
            for (TunnelItem *tunnel : std::as_const(m_tunnels))
                tunnel->updatePath();
        }
        placeBelowNodes(content, m_bottom);

        clearSelection();
        for (const QString &key : selected)
            for (auto *item : itemsForKey(key))
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
    QList<TunnelItem *> candidates;
    if (all || std::exchange(m_tunnelsNew, false)) {
        candidates = m_tunnels;
    } else {
        // Hidden unless highlighted: only the tunnels shown now and the selection's may change.
        candidates = m_shownTunnels;
        for (QGraphicsItem *item : selectedItems()) {
            if (auto *tunnel = qgraphicsitem_cast<TunnelItem *>(item))
                candidates << tunnel;
            else if (auto *node = qgraphicsitem_cast<NodeItem *>(item))
                candidates << m_tunnelsOf.value(node);
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    }
    m_shownTunnels.clear();
    for (auto *tunnel : std::as_const(candidates)) {
        const bool highlighted = tunnel->isHighlighted();
        // In a grid a tunnel crosses other nodes: while it is shown, it goes over them.
        const qreal z = highlighted ? (all ? -0.5 : 2) : -1;
        if (highlighted && !all)
            m_shownTunnels << tunnel;
        if (tunnel->isVisible() == (all || highlighted) && tunnel->zValue() == z) {
            if (tunnel->isVisible())
                tunnel->update(); // its pen follows the highlight
            continue;
        }
        tunnel->setVisible(all || highlighted);
        tunnel->setZValue(z);
        tunnel->update();
    }
}

QList<TopologyItem *> TopologyScene::itemsForKey(const QString &key) const
{
    // A chip's keys are its service's and its pool's, which no other item has.
    QList<TopologyItem *> items = m_byKey.values(key);
    return items.isEmpty() ? chipIndex().values(key) : items;
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
            for (auto *item : itemsForKey(key)) {
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
    // What is drawn: the top-level items with their children, less the tunnels a grid hides
    // (whose paths are brought up to date only when shown). Summed over the items the scene
    // keeps: itemsBoundingRect() visits all 7,000 items of a 100-node grid on every edit.
    QRectF rect;
    const auto add = [&rect](const QGraphicsItem *item) {
        if (!item || !item->isVisible())
            return;
        rect |= item->sceneBoundingRect();
        if (!item->childItems().isEmpty())
            rect |= item->mapRectToScene(item->childrenBoundingRect());
    };
    add(m_lan);
    for (const NodeItem *node : m_nodeOrder)
        add(node);
    add(m_legend);
    add(m_pending);
    // In a grid, those shown are the selection's (unless just made, and not yet sorted out).
    const bool grid = m_arrangement == Arrangement::Grid;
    for (const TunnelItem *tunnel : grid && !m_tunnelsNew ? m_shownTunnels : m_tunnels)
        add(tunnel);
    return rect.adjusted(-24, -24, 24, 24);
}

void TopologyScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    // QGraphicsScene's own reads QGraphicsItem::toolTip(); chips build theirs when asked.
    const QGraphicsView *view = event->widget()
        ? qobject_cast<const QGraphicsView *>(event->widget()->parentWidget())
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
