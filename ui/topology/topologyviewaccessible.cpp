// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/topologyviewaccessible.h"

#include "topology/lanitem.h"
#include "topology/legenditem.h"
#include "topology/nodeitem.h"
#include "topology/pendinggroupitem.h"
#include "topology/serviceipitem.h"
#include "topology/topologyitemaccessible.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "topology/tunnelitem.h"

namespace k3snet {

namespace {

QAccessibleInterface *topologyViewFactory(const QString &className, QObject *object)
{
    if (className != QLatin1String(TopologyView::staticMetaObject.className()))
        return nullptr;
    auto *view = qobject_cast<TopologyView *>(object);
    return view ? new TopologyViewAccessible(view) : nullptr;
}

// Tunnels are children only while every one is drawn: a grid of 100 nodes has 4,950 of them,
// of which it shows those of the selected nodes.
bool tunnelsExposed(const TopologyScene *scene)
{
    return scene->nodeItems().size() <= TopologyScene::maxNodesWithAllTunnels;
}

} // namespace

TopologyViewAccessible::TopologyViewAccessible(TopologyView *view)
    : QAccessibleWidget(view, QAccessible::List)
{
}

TopologyViewAccessible::~TopologyViewAccessible()
{
    for (const QAccessible::Id id : std::as_const(m_children))
        QAccessible::deleteAccessibleInterface(id);
}

void TopologyViewAccessible::attach(TopologyView *view)
{
    QAccessible::installFactory(topologyViewFactory); // a second call does nothing
    QAccessibleInterface *cached = QAccessible::queryAccessibleInterface(view);
    if (cached && !dynamic_cast<TopologyViewAccessible *>(cached))
        QAccessible::deleteAccessibleInterface(QAccessible::uniqueId(cached));
}

TopologyView *TopologyViewAccessible::view() const
{
    // qobject_cast, not static_cast: while the view is being destroyed it is no longer one.
    return qobject_cast<TopologyView *>(object());
}

TopologyScene *TopologyViewAccessible::scene() const
{
    const TopologyView *v = view();
    return v ? qobject_cast<TopologyScene *>(v->scene()) : nullptr;
}

int TopologyViewAccessible::exposedCount(const TopologyScene *scene)
{
    if (!scene)
        return 0;
    int count = (scene->lanItem() ? 1 : 0) + (scene->legendItem() ? 1 : 0);
    const QList<NodeItem *> nodes = scene->nodeItems(); // const: iterating it does not detach
    for (const NodeItem *node : nodes)
        count += 1 + int(node->serviceIps().size());
    if (const PendingGroupItem *pending = scene->pendingGroup())
        count += 1 + int(pending->serviceIps().size());
    if (tunnelsExposed(scene))
        count += int(scene->tunnelItems().size());
    return count;
}

// In order: the LAN, each node followed by its addresses, the group of services no node
// announces followed by theirs, the tunnels, the legend.
TopologyItem *TopologyViewAccessible::exposedItem(const TopologyScene *scene, int index)
{
    if (!scene || index < 0)
        return nullptr;
    if (scene->lanItem() && index-- == 0)
        return scene->lanItem();
    const QList<NodeItem *> nodes = scene->nodeItems();
    for (NodeItem *node : nodes) {
        const QList<ServiceIpItem *> chips = node->serviceIps();
        if (index <= chips.size())
            return index == 0 ? static_cast<TopologyItem *>(node) : chips.at(index - 1);
        index -= 1 + int(chips.size());
    }
    if (PendingGroupItem *pending = scene->pendingGroup()) {
        const QList<ServiceIpItem *> chips = pending->serviceIps();
        if (index <= chips.size())
            return index == 0 ? static_cast<TopologyItem *>(pending) : chips.at(index - 1);
        index -= 1 + int(chips.size());
    }
    if (tunnelsExposed(scene)) {
        const QList<TunnelItem *> tunnels = scene->tunnelItems();
        if (index < tunnels.size())
            return tunnels.at(index);
        index -= int(tunnels.size());
    }
    return index == 0 ? scene->legendItem() : nullptr;
}

bool TopologyViewAccessible::isExposed(const TopologyScene *scene, const TopologyItem *item)
{
    // Every item of the scene is one of the parts above; only the tunnels may be left out.
    return item->type() != TunnelItem::Type || tunnelsExposed(scene);
}

int TopologyViewAccessible::indexOfItem(const TopologyScene *scene, const TopologyItem *item)
{
    if (!scene || !item || !isExposed(scene, item))
        return -1;
    int index = 0;
    if (const LanItem *lan = scene->lanItem()) {
        if (item == lan)
            return index;
        ++index;
    }
    // A node or the pending group, followed by its chips: item's index in that part, or -1
    // (index moves past the part).
    const auto inGroup = [&](const TopologyItem *group, const QList<ServiceIpItem *> &chips) {
        if (item == group)
            return index;
        if (item->parentItem() == group)
            for (int i = 0; i < chips.size(); ++i)
                if (item == chips.at(i))
                    return index + 1 + i;
        index += 1 + int(chips.size());
        return -1;
    };
    const QList<NodeItem *> nodes = scene->nodeItems();
    for (const NodeItem *node : nodes)
        if (const int found = inGroup(node, node->serviceIps()); found >= 0)
            return found;
    if (const PendingGroupItem *pending = scene->pendingGroup())
        if (const int found = inGroup(pending, pending->serviceIps()); found >= 0)
            return found;
    if (tunnelsExposed(scene)) {
        const QList<TunnelItem *> tunnels = scene->tunnelItems();
        for (int i = 0; i < tunnels.size(); ++i)
            if (item == tunnels.at(i))
                return index + i;
        index += int(tunnels.size());
    }
    return item == scene->legendItem() ? index : -1;
}

QAccessibleInterface *TopologyViewAccessible::interfaceFor(const TopologyItem *item) const
{
    const TopologyItemAccessible::Ref ref = TopologyItemAccessible::Ref::of(item);
    const QString id = ref.id();
    if (const auto it = m_children.constFind(id); it != m_children.cend())
        if (QAccessibleInterface *existing = QAccessible::accessibleInterface(*it))
            return existing;
    auto *created = new TopologyItemAccessible(view(), ref);
    m_children.insert(id, QAccessible::registerAccessibleInterface(created));
    // Every pool edit renumbers addresses, and a chip's interface is per address: without
    // this the interfaces of addresses long gone would pile up for as long as the view lives.
    if (m_children.size() >= m_dropAt) {
        dropInvalidChildren();
        m_dropAt = 2 * int(m_children.size()) + 64;
    }
    return created;
}

void TopologyViewAccessible::dropInvalidChildren() const
{
    for (auto it = m_children.begin(); it != m_children.end();) {
        QAccessibleInterface *iface = QAccessible::accessibleInterface(*it);
        if (iface && iface->isValid()) {
            ++it;
            continue;
        }
        if (iface)
            QAccessible::deleteAccessibleInterface(*it);
        it = m_children.erase(it);
    }
}

QAccessible::Role TopologyViewAccessible::role() const
{
    return QAccessible::List;
}

QAccessible::State TopologyViewAccessible::state() const
{
    QAccessible::State state = QAccessibleWidget::state();
    // A click selects one item, Ctrl+click and the rubber band several.
    state.multiSelectable = true;
    state.extSelectable = true;
    return state;
}

int TopologyViewAccessible::childCount() const
{
    return exposedCount(scene());
}

QAccessibleInterface *TopologyViewAccessible::child(int index) const
{
    const TopologyItem *item = exposedItem(scene(), index);
    return item ? interfaceFor(item) : nullptr;
}

int TopologyViewAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    const auto *itemChild = dynamic_cast<const TopologyItemAccessible *>(child);
    if (!itemChild || !view() || itemChild->view() != view())
        return -1;
    const TopologyItem *item = itemChild->item();
    return item ? indexOfItem(scene(), item) : -1;
}

QAccessibleInterface *TopologyViewAccessible::childAt(int x, int y) const
{
    TopologyView *v = view();
    const TopologyScene *s = scene();
    if (!v || !s)
        return nullptr;
    const QPoint pos = v->viewport()->mapFromGlobal(QPoint(x, y));
    if (!v->viewport()->rect().contains(pos))
        return nullptr;
    // Topmost first: a chip before the node it sits in.
    for (QGraphicsItem *item : v->items(pos)) {
        if (item->type() < TopologyItem::LanType || item->type() > TopologyItem::LegendType)
            continue; // the live status marks
        const auto *topologyItem = static_cast<const TopologyItem *>(item);
        if (isExposed(s, topologyItem))
            return interfaceFor(topologyItem);
    }
    return nullptr;
}

QAccessibleInterface *TopologyViewAccessible::focusChild() const
{
    if (TopologyView *v = view(); v && v->hasFocus())
        if (TopologyItem *current = v->currentItem())
            return interfaceFor(current);
    return QAccessibleWidget::focusChild();
}

} // namespace k3snet
