// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAccessible>
#include <QGraphicsView>

namespace k3snet {

class TopologyItem;
class TopologyScene;

// The view on the topology: zoom with Ctrl+wheel or the zoom actions (around the cursor),
// fit the whole picture, pan with the middle button (or Space + left button) and the scroll
// bars, select with clicks and a rubber band.
//
// Keyboard: Tab and Shift+Tab go from node to node (and to the services nobody announces),
// then on to the next widget; the arrow keys move through the picture (Down from a node to its
// first address and on through its addresses, Left/Right to the neighbouring node, or to the
// address at the same place in it); Home/End go to the first/last node; Enter or Return opens
// what is selected (itemActivated), as a double click does; + and - zoom; Escape clears the
// selection. Each move selects the item, scrolls to it and announces what it shows
// (currentItemChanged, the view's accessible description, and Focus and Selection events for
// the item's accessible child: TopologyViewAccessible shows a screen reader the items one by
// one).
class TopologyView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit TopologyView(TopologyScene *scene, QWidget *parent = nullptr);

    qreal zoom() const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    // Shows the whole picture, never magnified beyond 100 %.
    void fitToContents();
    // Scrolls so that the selected items are visible.
    void showSelection();

public:
    // The item keyboard navigation stands on (the selected navigable item), or null.
    TopologyItem *currentItem() const;
    // Selects item alone, scrolls to it and announces it.
    void setCurrentItem(TopologyItem *item);
    // What Enter and a double click on an item do: itemActivated(key).
    void activate(const QString &key);
    // What a right click on item does: selects it (alone, unless it is selected already) and
    // asks for a context menu at its centre.
    void showContextMenu(TopologyItem *item);

Q_SIGNALS:
    void zoomChanged(qreal zoom);
    // Enter, Return or a double click on the item with this key.
    void itemActivated(const QString &key);
    // Keyboard navigation reached the item with this key; text says what it shows.
    void currentItemChanged(const QString &key, const QString &text);
    // A context menu for the selection (the item under the mouse is selected first).
    void contextMenuRequested(const QPoint &globalPos);

protected:
    bool focusNextPrevChild(bool next) override;
    void focusInEvent(QFocusEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;

private:
    void setZoom(qreal zoom);
    // Posts an accessibility event of this type for item's accessible child.
    void notifyAccessibleChild(TopologyItem *item, QAccessible::Event type);
    // The item the keyboard cursor is on as the accessible focus, when the view has focus.
    void announceFocus();
    // Selects item alone unless it is selected already.
    void selectForMenu(TopologyItem *item);
    // The item an arrow key leads to from the current one, or null.
    TopologyItem *neighbour(int key) const;
    // The node or chip under a view position (a chip before its node), or null.
    TopologyItem *navigableAt(const QPoint &pos) const;

    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_panOrigin;
};

} // namespace k3snet
