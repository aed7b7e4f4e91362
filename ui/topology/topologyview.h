// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>

namespace k3snet {

class TopologyScene;

// The view on the topology: zoom with Ctrl+wheel or the zoom actions (around the cursor),
// fit the whole picture, pan with the middle button (or Space + left button) and the scroll
// bars, select with clicks and a rubber band.
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

Q_SIGNALS:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;

private:
    void setZoom(qreal zoom);

    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_panOrigin;
};

} // namespace k3snet
