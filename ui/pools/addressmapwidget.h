// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

class QComboBox;

namespace k3snet {

class Document;

// The LAN subnet as a grid of cells, one per IPv4 address of a /24 (for a larger subnet a
// selector picks the /24; it starts at the one holding the selected pool). Cells show the
// gateway, node LAN IPs, each pool's ranges in its pool colour, assigned service IPs (darker),
// the .0/.255 addresses an avoidBuggyIPs pool skips (hatched) and conflicts (a pool on a node
// IP or the gateway, red border). Dragging the first or last cell of a pool's range moves that
// edge (one undo step per drag); dragging over free cells creates a new pool on release.
// Keyboard: the arrows move the cursor cell, Alt+Left/Right moves the pool edge under it.
// The implementation is in three files: addressmapwidget.cpp builds the cells,
// addressmapwidgetpaint.cpp lays them out and paints them, addressmapwidgetinput.cpp handles
// the mouse, the keyboard and the tooltips.
class AddressMapWidget : public QWidget
{
    Q_OBJECT

public:
    explicit AddressMapWidget(Document *document, QWidget *parent = nullptr);
    ~AddressMapWidget() override;

    static constexpr int cellCount = 256;

    // The first address of the shown /24, as a 32-bit number.
    std::uint32_t blockBase() const { return m_base; }
    // The cell of an address in the shown block, or -1.
    int cellIndex(const QString &address) const;
    QRectF cellRect(int index) const;
    int cellAt(const QPointF &pos) const; // -1 outside the grid
    QString cellToolTip(int index) const;

    QString selectedPool() const { return m_selectedPool; }
    void setSelectedPool(const QString &pool);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void poolActivated(const QString &pool);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Cell
    {
        bool inSubnet = false;
        bool reserved = false; // network or broadcast address of the LAN subnet
        bool gateway = false;
        QString node;
        bool server = false;
        int pool = -1; // index into m_pools
        QStringList otherPools; // further pools holding the address
        QStringList services; // "namespace/name" of services holding the address
        bool avoided = false;
        bool conflict = false;
        bool poolFirst = false, poolLast = false; // first/last address of a pool range

        friend bool operator==(const Cell &, const Cell &) = default;
    };
    struct PoolInfo
    {
        QString name;
        bool avoidBuggyIPs = false;

        friend bool operator==(const PoolInfo &, const PoolInfo &) = default;
    };
    enum class DragMode
    {
        None,
        MoveEdge,
        Create
    };

    void rebuild();
    void rebuildBlocks();
    void setBlockBase(std::uint32_t base);
    std::uint32_t addressOf(int index) const { return m_base + std::uint32_t(index); }
    QRectF gridRect() const;
    int columns() const;
    int legendHeight(int width) const;
    void paintLegend(QPainter &p, const QRectF &area) const;
    QColor poolColor(int pool) const;
    void updateAccessibleDescription();

    bool beginEdgeDrag(int cell);
    void dragTo(int cell);
    void finishDrag(int cell);
    // The pool edge the cursor sits on, moved one address left or right.
    void nudgeEdge(int cell, int delta);

    Document *m_document;
    QComboBox *m_blockSelector;
    std::uint32_t m_base = 0;
    std::uint32_t m_subnetFirst = 0, m_subnetLast = 0;
    bool m_hasSubnet = false;
    std::vector<Cell> m_cells;
    std::vector<PoolInfo> m_pools;
    // legendHeight for one width, until the pools, font or palette change: every cell's
    // rectangle depends on it, and measuring 50 pool names per cell made a paint take 70 ms.
    // Two widths are asked for (the widget's and the grid's).
    mutable std::array<std::pair<int, int>, 2> m_legendHeights{{{-1, 0}, {-1, 0}}};
    QString m_selectedPool;
    int m_cursor = 0;

    DragMode m_drag = DragMode::None;
    QString m_dragPool;
    std::vector<std::string> m_dragEntries; // the pool's entries when the drag began
    std::size_t m_dragEntry = 0;
    std::uint32_t m_dragAnchor = 0; // the edge that stays
    int m_dragStartCell = -1;
    int m_dragCell = -1;
    QString m_gestureKey;
};

} // namespace k3snet
