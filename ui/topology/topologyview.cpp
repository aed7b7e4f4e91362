// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/topologyview.h"

#include "topology/topologyscene.h"

#include <QGraphicsItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
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
    setFocusPolicy(Qt::StrongFocus);
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
    QGraphicsView::keyPressEvent(event);
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
