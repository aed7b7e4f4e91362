// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/topologyitemaccessible.h"

#include "topology/nodeitem.h"
#include "topology/serviceipitem.h"
#include "topology/topologyitem.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "topology/topologyviewaccessible.h"

#include <QMetaObject>
#include <QPainterPath>
#include <QWidget>
#include <QWindow>

namespace k3snet {

TopologyItemAccessible::Ref TopologyItemAccessible::Ref::of(const TopologyItem *item)
{
    Ref ref;
    ref.type = item->type();
    ref.key = item->key();
    if (const auto *chip = qgraphicsitem_cast<const ServiceIpItem *>(item)) {
        ref.ip = chip->info().ip;
        ref.pending = chip->info().pending;
    }
    return ref;
}

bool TopologyItemAccessible::Ref::matches(const TopologyItem *item) const
{
    if (item->type() != type || item->key() != key)
        return false;
    const auto *chip = qgraphicsitem_cast<const ServiceIpItem *>(item);
    return !chip || (chip->info().ip == ip && chip->info().pending == pending);
}

QString TopologyItemAccessible::Ref::id() const
{
    // Keys and addresses hold no newline.
    return QString::number(type) + QLatin1Char('\n') + key + QLatin1Char('\n') + ip
        + (pending ? QStringLiteral("\n!") : QString());
}

TopologyItemAccessible::TopologyItemAccessible(TopologyView *view, const Ref &ref)
    : m_view(view)
    , m_ref(ref)
{
}

TopologyItem *TopologyItemAccessible::item() const
{
    if (!m_view)
        return nullptr;
    const auto *scene = qobject_cast<TopologyScene *>(m_view->scene());
    if (!scene)
        return nullptr;
    // The scene's key index is kept in step with every rebuild and patch, so what it returns
    // is alive; a pointer kept from an earlier call might not be.
    const QList<TopologyItem *> candidates = scene->itemsForKey(m_ref.key);
    for (TopologyItem *candidate : candidates)
        if (m_ref.matches(candidate))
            return TopologyViewAccessible::isExposed(scene, candidate) ? candidate : nullptr;
    return nullptr;
}

bool TopologyItemAccessible::isValid() const
{
    return item() != nullptr;
}

bool TopologyItemAccessible::isNavigable() const
{
    return m_ref.type == NodeItem::Type || m_ref.type == ServiceIpItem::Type;
}

QWindow *TopologyItemAccessible::window() const
{
    return m_view ? m_view->window()->windowHandle() : nullptr;
}

QAccessibleInterface *TopologyItemAccessible::parent() const
{
    return m_view ? QAccessible::queryAccessibleInterface(m_view.data()) : nullptr;
}

QString TopologyItemAccessible::text(QAccessible::Text t) const
{
    const TopologyItem *it = item();
    if (!it)
        return {};
    switch (t) {
    case QAccessible::Name:
        return it->accessibleText();
    case QAccessible::Description:
        return it->accessibleDescription();
    default:
        return {};
    }
}

QRect TopologyItemAccessible::rect() const
{
    const TopologyItem *it = item();
    if (!it)
        return {};
    // The shape, not the bounding rectangle: the LAN's wiring spans the whole picture.
    const QRectF scene = it->mapToScene(it->shape()).boundingRect();
    const QRect inViewport = m_view->mapFromScene(scene).boundingRect();
    return QRect(m_view->viewport()->mapToGlobal(inViewport.topLeft()), inViewport.size());
}

QAccessible::Role TopologyItemAccessible::role() const
{
    return QAccessible::ListItem;
}

QAccessible::State TopologyItemAccessible::state() const
{
    QAccessible::State state;
    const TopologyItem *it = item();
    if (!it) {
        state.invalid = true;
        return state;
    }
    state.selectable = bool(it->flags() & QGraphicsItem::ItemIsSelectable);
    state.selected = it->isSelected();
    state.focusable = isNavigable();
    state.focused = state.focusable && m_view->hasFocus() && m_view->currentItem() == it;
    state.invisible = !it->isVisible();
    const QRect shown(m_view->viewport()->mapToGlobal(QPoint(0, 0)), m_view->viewport()->size());
    state.offscreen = state.invisible || !rect().intersects(shown);
    return state;
}

void *TopologyItemAccessible::interface_cast(QAccessible::InterfaceType type)
{
    if (type == QAccessible::ActionInterface)
        return static_cast<QAccessibleActionInterface *>(this);
    return nullptr;
}

QStringList TopologyItemAccessible::actionNames() const
{
    if (!item())
        return {};
    if (isNavigable())
        return {pressAction(), setFocusAction(), showMenuAction()};
    return {showMenuAction()};
}

void TopologyItemAccessible::doAction(const QString &actionName)
{
    TopologyItem *it = item();
    if (!it)
        return;
    if (actionName == showMenuAction()) {
        m_view->showContextMenu(it);
    } else if (isNavigable() && actionName == pressAction()) {
        // Activating opens a modal editor; the caller (a bridge answering the screen reader)
        // gets its answer first, as a button's press action does with animateClick().
        QMetaObject::invokeMethod(
            m_view.data(), [view = m_view.data(), key = it->key()] { view->activate(key); },
            Qt::QueuedConnection);
    } else if (isNavigable() && actionName == setFocusAction()) {
        m_view->setFocus(Qt::OtherFocusReason);
        m_view->setCurrentItem(it);
    }
}

QStringList TopologyItemAccessible::keyBindingsForAction(const QString &actionName) const
{
    if (isNavigable() && actionName == pressAction())
        return {QStringLiteral("Return")};
    return {};
}

} // namespace k3snet
