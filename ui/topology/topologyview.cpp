// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/topologyview.h"

#include "topology/nodeitem.h"
#include "topology/pendinggroupitem.h"
#include "topology/serviceipitem.h"
#include "topology/topologyscene.h"
#include "topology/topologyviewaccessible.h"

#include <QAccessible>
#include <QContextMenuEvent>
#include <QGraphicsItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace k3snet {

namespace {
constexpr qreal minZoom = 0.05;
constexpr qreal maxZoom = 8.0;
constexpr qreal zoomStep = 1.25;
} // namespace

TopologyView::TopologyView(TopologyScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
{
    TopologyViewAccessible::attach(this);
    setObjectName(QStringLiteral("topologyView"));
    setAccessibleName(tr("Network topology"));
    setAccessibleDescription(
        tr("The LAN, the nodes with their pod subnets and VTEPs, the overlay tunnels "
           "and the LoadBalancer addresses each node announces"));
    setRenderHints(
        QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(RubberBandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    // The scene's items set every painter state they draw with (pen, brush, font, hints; a
    // clip only between save and restore), so the view need not save and restore the painter
    // around each of 2,000 chips: a third of a repaint (tst_topologyediting compares).
    setOptimizationFlag(DontSavePainterState);
    setFocusPolicy(Qt::StrongFocus);

    // A screen reader holds on to the children it has read: tell it when they change.
    if (!scene)
        return;
    connect(scene, &QGraphicsScene::selectionChanged, this, [this] {
        QAccessibleEvent event(this, QAccessible::SelectionWithin);
        QAccessible::updateAccessibility(&event);
    });
    connect(scene, &TopologyScene::itemsChanged, this, [this] {
        QAccessibleEvent event(this, QAccessible::ObjectReorder);
        QAccessible::updateAccessibility(&event);
    });
}

qreal TopologyView::zoom() const
{
    return transform().m11();
}

void TopologyView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, minZoom, maxZoom);
    const qreal factor = zoom / this->zoom();
    if (std::abs(factor - 1.0) < 1e-6)
        return;
    scale(factor, factor);
    Q_EMIT zoomChanged(zoom);
}

void TopologyView::zoomIn()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    setZoom(zoom() * zoomStep);
    setTransformationAnchor(anchor);
}

void TopologyView::zoomOut()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    setZoom(zoom() / zoomStep);
    setTransformationAnchor(anchor);
}

void TopologyView::resetZoom()
{
    setZoom(1.0);
}

void TopologyView::fitToContents()
{
    auto *topology = qobject_cast<TopologyScene *>(scene());
    if (!topology)
        return;
    const QRectF rect = topology->pictureRect();
    const QSize room = viewport()->size();
    if (rect.isEmpty() || room.isEmpty())
        return;
    const qreal zoom
        = std::min({qreal(room.width()) / rect.width(), qreal(room.height()) / rect.height(), 1.0});
    setZoom(zoom);
    centerOn(rect.center());
}

void TopologyView::showSelection()
{
    QRectF rect;
    for (QGraphicsItem *item : scene()->selectedItems())
        if (item->isVisible())
            rect = rect.united(item->sceneBoundingRect());
    if (!rect.isNull())
        ensureVisible(rect, 40, 40);
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta != 0)
            setZoom(zoom() * std::pow(zoomStep, delta / 120.0));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panOrigin = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panOrigin;
        m_panOrigin = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void TopologyView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void TopologyView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    const Qt::KeyboardModifiers modifiers
        = event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    if (modifiers == Qt::NoModifier) {
        auto *topology = qobject_cast<TopologyScene *>(scene());
        switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomIn();
            event->accept();
            return;
        case Qt::Key_Minus:
            zoomOut();
            event->accept();
            return;
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
            if (TopologyItem *next = neighbour(event->key()))
                setCurrentItem(next);
            event->accept();
            return;
        case Qt::Key_Home:
        case Qt::Key_End:
            if (topology && !topology->nodeItems().isEmpty())
                setCurrentItem(event->key() == Qt::Key_Home ? topology->nodeItems().constFirst()
                                                            : topology->nodeItems().constLast());
            event->accept();
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (TopologyItem *item = currentItem())
                activate(item->key());
            event->accept();
            return;
        case Qt::Key_Escape:
            scene()->clearSelection();
            event->accept();
            return;
        default:
            break;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

TopologyItem *TopologyView::currentItem() const
{
    auto *topology = qobject_cast<TopologyScene *>(scene());
    if (!topology)
        return nullptr;
    for (TopologyItem *item : topology->navigationOrder())
        if (item->isSelected())
            return item;
    return nullptr;
}

void TopologyView::setCurrentItem(TopologyItem *item)
{
    if (!item)
        return;
    {
        const QSignalBlocker blocker(scene());
        scene()->clearSelection();
        item->setSelected(true);
    }
    Q_EMIT scene()->selectionChanged();
    ensureVisible(item, 40, 40);
    const QString text = item->accessibleText();
    setAccessibleDescription(text);
    QAccessibleEvent accessibleEvent(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&accessibleEvent);
    notifyAccessibleChild(item, QAccessible::Selection);
    if (hasFocus())
        notifyAccessibleChild(item, QAccessible::Focus);
    Q_EMIT currentItemChanged(item->key(), text);
}

void TopologyView::notifyAccessibleChild(TopologyItem *item, QAccessible::Event type)
{
    // Finding the child's index walks the whole picture: only when a screen reader listens.
    if (!QAccessible::isActive())
        return;
    const int index
        = TopologyViewAccessible::indexOfItem(qobject_cast<TopologyScene *>(scene()), item);
    if (index < 0)
        return;
    QAccessibleEvent event(this, type);
    event.setChild(index);
    QAccessible::updateAccessibility(&event);
}

void TopologyView::announceFocus()
{
    if (!hasFocus())
        return;
    if (TopologyItem *item = currentItem())
        notifyAccessibleChild(item, QAccessible::Focus);
}

void TopologyView::focusInEvent(QFocusEvent *event)
{
    QGraphicsView::focusInEvent(event);
    // The view's own Focus event follows this handler; what a screen reader should then read
    // is the item the keyboard cursor is on, so its event comes after (queued).
    if (currentItem())
        QMetaObject::invokeMethod(this, &TopologyView::announceFocus, Qt::QueuedConnection);
}

void TopologyView::activate(const QString &key)
{
    Q_EMIT itemActivated(key);
}

void TopologyView::selectForMenu(TopologyItem *item)
{
    if (!item->isSelected()) {
        const QSignalBlocker blocker(scene());
        scene()->clearSelection();
        item->setSelected(true);
    }
    Q_EMIT scene()->selectionChanged();
}

void TopologyView::showContextMenu(TopologyItem *item)
{
    if (!item || item->scene() != scene())
        return;
    selectForMenu(item);
    const QRectF rect = item->mapToScene(item->shape()).boundingRect();
    Q_EMIT contextMenuRequested(viewport()->mapToGlobal(mapFromScene(rect.center())));
}

TopologyItem *TopologyView::neighbour(int key) const
{
    auto *topology = qobject_cast<TopologyScene *>(scene());
    if (!topology)
        return nullptr;
    const QList<NodeItem *> nodes = topology->nodeItems();
    const QList<ServiceIpItem *> pending = topology->pendingGroup()
        ? topology->pendingGroup()->serviceIps()
        : QList<ServiceIpItem *>();
    TopologyItem *current = currentItem();
    if (!current)
        return topology->navigationOrder().value(0);
    const int columns = std::max(1, topology->columns());
    // The node below node i, or (from the last row) the first service nobody announces.
    const auto below = [&](int i) -> TopologyItem * {
        if (i + columns < nodes.size())
            return nodes.at(i + columns);
        return pending.value(0);
    };
    const auto sideways = [&](int i) -> NodeItem * {
        const int j = key == Qt::Key_Right ? i + 1 : i - 1;
        if (j < 0 || j >= nodes.size() || j / columns != i / columns)
            return nullptr;
        return nodes.at(j);
    };

    if (auto *node = qgraphicsitem_cast<NodeItem *>(current)) {
        const int i = int(nodes.indexOf(node));
        switch (key) {
        case Qt::Key_Down:
            return node->serviceIps().isEmpty() ? below(i) : node->serviceIps().constFirst();
        case Qt::Key_Up:
            return i - columns >= 0 ? nodes.at(i - columns) : nullptr;
        default:
            return sideways(i);
        }
    }
    auto *chip = qgraphicsitem_cast<ServiceIpItem *>(current);
    if (!chip)
        return nullptr;
    if (auto *node = qgraphicsitem_cast<NodeItem *>(chip->parentItem())) {
        const int i = int(nodes.indexOf(node));
        const QList<ServiceIpItem *> chips = node->serviceIps();
        const int k = int(chips.indexOf(chip));
        switch (key) {
        case Qt::Key_Down:
            return k + 1 < chips.size() ? chips.at(k + 1) : below(i);
        case Qt::Key_Up:
            return k > 0 ? static_cast<TopologyItem *>(chips.at(k - 1)) : node;
        default:
            if (NodeItem *other = sideways(i)) {
                const QList<ServiceIpItem *> otherChips = other->serviceIps();
                if (otherChips.isEmpty())
                    return other;
                return otherChips.at(std::min(k, int(otherChips.size()) - 1));
            }
            return nullptr;
        }
    }
    // A service nobody announces, in the group under the nodes.
    const int k = int(pending.indexOf(chip));
    if (key == Qt::Key_Down)
        return pending.value(k + 1);
    if (key == Qt::Key_Up)
        return k > 0 ? static_cast<TopologyItem *>(pending.at(k - 1))
                     : (nodes.isEmpty() ? nullptr : nodes.constLast());
    return nullptr;
}

bool TopologyView::focusNextPrevChild(bool next)
{
    // Tab stops: the nodes, then the services nobody announces; past the last, the next widget.
    auto *topology = qobject_cast<TopologyScene *>(scene());
    if (!topology)
        return QGraphicsView::focusNextPrevChild(next);
    QList<TopologyItem *> stops;
    for (NodeItem *node : topology->nodeItems())
        stops << node;
    if (topology->pendingGroup())
        for (ServiceIpItem *chip : topology->pendingGroup()->serviceIps())
            stops << chip;
    TopologyItem *current = currentItem();
    if (current && current->parentItem() && current->parentItem()->type() == NodeItem::Type)
        current = static_cast<NodeItem *>(current->parentItem());
    const int at = current ? int(stops.indexOf(current)) : -1;
    const int target = at < 0 ? (next ? 0 : int(stops.size()) - 1) : at + (next ? 1 : -1);
    if (target < 0 || target >= stops.size())
        return QGraphicsView::focusNextPrevChild(next);
    setCurrentItem(stops.at(target));
    return true;
}

TopologyItem *TopologyView::navigableAt(const QPoint &pos) const
{
    for (QGraphicsItem *item : items(pos))
        if (item->type() == NodeItem::Type || item->type() == ServiceIpItem::Type)
            return static_cast<TopologyItem *>(item);
    return nullptr;
}

void TopologyView::mouseDoubleClickEvent(QMouseEvent *event)
{
    QGraphicsView::mouseDoubleClickEvent(event);
    if (event->button() == Qt::LeftButton)
        if (TopologyItem *item = navigableAt(event->position().toPoint()))
            activate(item->key());
}

void TopologyView::contextMenuEvent(QContextMenuEvent *event)
{
    if (TopologyItem *item = navigableAt(event->pos()))
        selectForMenu(item);
    Q_EMIT contextMenuRequested(event->globalPos());
    event->accept();
}

void TopologyView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

} // namespace k3snet
