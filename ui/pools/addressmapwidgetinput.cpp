// SPDX-License-Identifier: GPL-3.0-or-later
// AddressMapWidget, part 3 of 3: what the user does on the map. A drag on a pool's edge moves it
// (one undo step per drag), a drag over free cells creates a pool, the keyboard moves a cursor
// cell and nudges edges; tooltips and the accessible description say what a cell holds.
#include "pools/addressmapwidget.h"

#include "document/addpoolcommand.h"
#include "document/document.h"
#include "document/setpooladdressescommand.h"
#include "pools/addressmapaddresses.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QUndoStack>

#include <algorithm>

namespace k3snet {

using namespace addressmap;

QString AddressMapWidget::cellToolTip(int index) const
{
    if (index < 0 || index >= cellCount)
        return {};
    const Cell &c = m_cells[size_t(index)];
    QStringList lines{QStringLiteral("<b>%1</b>").arg(v4Text(addressOf(index)))};
    if (!c.inSubnet)
        lines << tr("Outside the LAN subnet");
    if (c.reserved)
        lines << tr("Network or broadcast address of the LAN subnet");
    if (c.gateway)
        lines << tr("Gateway");
    if (!c.node.isEmpty())
        lines << tr("Node %1").arg(c.node.toHtmlEscaped());
    if (c.pool >= 0) {
        lines << tr("Pool %1").arg(m_pools[size_t(c.pool)].name.toHtmlEscaped());
        if (c.poolFirst || c.poolLast)
            lines << tr("Drag to move this end of the range");
    }
    for (const QString &other : c.otherPools)
        lines << tr("Also in pool %1").arg(other.toHtmlEscaped());
    for (const QString &svc : c.services)
        lines << tr("Assigned to service %1").arg(svc.toHtmlEscaped());
    if (c.avoided)
        lines << tr("Never handed out (avoidBuggyIPs)");
    if (c.conflict)
        lines << tr("Conflict: the pool holds an address that is already in use");
    if (c.inSubnet && !c.reserved && !c.gateway && c.node.isEmpty() && c.pool < 0)
        lines << tr("Free: drag across free addresses to create a pool");
    return lines.join(QStringLiteral("<br>"));
}

void AddressMapWidget::updateAccessibleDescription()
{
    setAccessibleDescription(cellToolTip(m_cursor)
                                 .remove(QStringLiteral("<b>"))
                                 .remove(QStringLiteral("</b>"))
                                 .replace(QStringLiteral("<br>"), QStringLiteral("; ")));
}

bool AddressMapWidget::beginEdgeDrag(int cell)
{
    if (cell < 0 || cell >= cellCount)
        return false;
    const Cell &c = m_cells[size_t(cell)];
    if (c.pool < 0 || !(c.poolFirst || c.poolLast))
        return false;
    const QString name = m_pools[size_t(c.pool)].name;
    const auto *pool = m_document->project().findPool(name.toStdString());
    if (!pool)
        return false;
    const auto a = net::Address::v4(addressOf(cell));
    for (std::size_t i = 0; i < pool->addresses.size(); ++i) {
        const auto r = parseRangeText(pool->addresses[i]);
        if (!r || !r->first().isV4() || (r->first() != a && r->last() != a))
            continue;
        m_drag = DragMode::MoveEdge;
        m_dragPool = name;
        m_dragEntries = pool->addresses;
        m_dragEntry = i;
        m_dragAnchor = std::uint32_t((r->first() == a ? r->last() : r->first()).value());
        m_dragStartCell = m_dragCell = cell;
        m_gestureKey = SetPoolAddressesCommand::newGestureKey();
        return true;
    }
    return false;
}

void AddressMapWidget::dragTo(int cell)
{
    if (cell < 0 || cell == m_dragCell)
        return;
    m_dragCell = cell;
    if (m_drag == DragMode::MoveEdge) {
        const std::uint32_t a = addressOf(cell);
        const std::uint32_t lo = std::min(a, m_dragAnchor), hi = std::max(a, m_dragAnchor);
        auto entries = m_dragEntries;
        entries[m_dragEntry]
            = net::Address::v4(lo).toString() + "-" + net::Address::v4(hi).toString();
        m_document->undoStack()->push(
            new SetPoolAddressesCommand(m_document, m_dragPool, std::move(entries), m_gestureKey));
    }
    update();
}

void AddressMapWidget::finishDrag(int cell)
{
    dragTo(cell);
    if (m_drag == DragMode::Create && m_dragCell >= 0 && m_dragCell != m_dragStartCell) {
        const int lo = std::min(m_dragStartCell, m_dragCell),
                  hi = std::max(m_dragStartCell, m_dragCell);
        QString name;
        for (int n = 1;; ++n) {
            name = QStringLiteral("pool-%1").arg(n);
            if (!m_document->project().findPool(name.toStdString()))
                break;
        }
        model::IPAddressPool pool;
        pool.name = name.toStdString();
        pool.addresses = {net::Address::v4(addressOf(lo)).toString() + "-"
            + net::Address::v4(addressOf(hi)).toString()};
        m_drag = DragMode::None;
        m_document->undoStack()->push(new AddPoolCommand(m_document, std::move(pool)));
        setSelectedPool(name);
        Q_EMIT poolActivated(name);
    }
    m_drag = DragMode::None;
    m_dragCell = m_dragStartCell = -1;
    m_gestureKey.clear();
    update();
}

void AddressMapWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int cell = cellAt(event->position());
    if (cell < 0)
        return;
    m_cursor = cell;
    updateAccessibleDescription();
    const Cell &c = m_cells[size_t(cell)];
    if (beginEdgeDrag(cell)) {
        setSelectedPool(m_dragPool);
    } else if (c.pool >= 0) {
        setSelectedPool(m_pools[size_t(c.pool)].name);
        Q_EMIT poolActivated(m_selectedPool);
    } else if (c.inSubnet && !c.reserved && !c.gateway && c.node.isEmpty()) {
        m_drag = DragMode::Create;
        m_dragStartCell = m_dragCell = cell;
    }
    update();
}

void AddressMapWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drag == DragMode::None)
        return;
    const QRectF g = gridRect();
    // Outside the grid the drag keeps to the nearest cell.
    const QPointF pos(std::clamp(event->position().x(), g.left(), g.right() - 1),
        std::clamp(event->position().y(), g.top(), g.bottom() - 1));
    int cell = cellAt(pos);
    if (m_drag == DragMode::Create && cell >= 0) {
        // A new pool covers free cells only: stop at the first cell in use.
        const int step = cell > m_dragStartCell ? 1 : -1;
        int last = m_dragStartCell;
        for (int i = m_dragStartCell + step; i != cell + step; i += step) {
            const Cell &c = m_cells[size_t(i)];
            if (!c.inSubnet || c.reserved || c.gateway || !c.node.isEmpty() || c.pool >= 0)
                break;
            last = i;
        }
        cell = last;
    }
    if (m_drag == DragMode::MoveEdge && cell >= 0 && !m_cells[size_t(cell)].inSubnet)
        return;
    dragTo(cell);
}

void AddressMapWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_drag == DragMode::None)
        return;
    finishDrag(m_dragCell);
}

void AddressMapWidget::nudgeEdge(int cell, int delta)
{
    const int target = cell + delta;
    if (target < 0 || target >= cellCount || !beginEdgeDrag(cell))
        return;
    finishDrag(target);
    m_cursor = target;
}

void AddressMapWidget::keyPressEvent(QKeyEvent *event)
{
    const int cols = columns();
    int next = m_cursor;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int delta = event->key() == Qt::Key_Left ? -1 : 1;
        if (event->modifiers() & Qt::AltModifier) {
            nudgeEdge(m_cursor, delta);
            next = m_cursor;
        } else {
            next += delta;
        }
        break;
    }
    case Qt::Key_Up:
        next -= cols;
        break;
    case Qt::Key_Down:
        next += cols;
        break;
    case Qt::Key_Home:
        next = 0;
        break;
    case Qt::Key_End:
        next = cellCount - 1;
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (const int pool = m_cells[size_t(m_cursor)].pool; pool >= 0) {
            setSelectedPool(m_pools[size_t(pool)].name);
            Q_EMIT poolActivated(m_selectedPool);
        }
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    m_cursor = std::clamp(next, 0, cellCount - 1);
    updateAccessibleDescription();
    update();
}

bool AddressMapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int cell = cellAt(help->pos());
        if (cell >= 0)
            QToolTip::showText(
                help->globalPos(), cellToolTip(cell), this, cellRect(cell).toAlignedRect());
        else
            QToolTip::hideText();
        return true;
    }
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut)
        update();
    return QWidget::event(event);
}

} // namespace k3snet
