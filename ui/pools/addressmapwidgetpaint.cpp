// SPDX-License-Identifier: GPL-3.0-or-later
// AddressMapWidget, part 2 of 3: where the grid and its cells go, the legend, and painting.
#include "pools/addressmapwidget.h"

#include "topology/topologystyle.h"

#include <QComboBox>
#include <QEvent>
#include <QPainter>

#include <algorithm>
#include <cstdlib>

namespace k3snet {

namespace {

constexpr int rowsOf(int columns)
{
    return AddressMapWidget::cellCount / columns;
}

QColor textOn(const QColor &fill, const QPalette &pal)
{
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    const int l = fill.lightness();
    return std::abs(l - text.lightness()) >= std::abs(l - base.lightness()) ? text : base;
}

void hatch(QPainter &p, const QRectF &r, const QColor &colour, qreal step)
{
    p.save();
    p.setClipRect(r);
    p.setPen(QPen(colour, std::max<qreal>(1.0, step / 4)));
    for (qreal x = r.left() - r.height(); x < r.right(); x += step)
        p.drawLine(QPointF(x, r.bottom()), QPointF(x + r.height(), r.top()));
    p.restore();
}

} // namespace

QColor AddressMapWidget::poolColor(int pool) const
{
    return TopologyStyle::poolColor(pool, palette());
}

int AddressMapWidget::columns() const
{
    // A wide area gets 32 x 8 cells, anything else 16 x 16.
    const QRect r = contentsRect();
    const int legend = legendHeight(r.width());
    return r.width() >= 3 * std::max(1, r.height() - legend) ? 32 : 16;
}

QRectF AddressMapWidget::gridRect() const
{
    QRect r = contentsRect().adjusted(4, 4, -4, -4);
    if (m_blockSelector->isVisible())
        r.setTop(m_blockSelector->geometry().bottom() + 6);
    const QFontMetrics fm(TopologyStyle::captionFont(font()));
    const int gutter = fm.horizontalAdvance(QStringLiteral(".255")) + 6;
    const int cols = columns();
    const int rows = rowsOf(cols);
    const int legend = legendHeight(r.width());
    const qreal cell = std::max<qreal>(
        6.0, std::min(qreal(r.width() - gutter) / cols, qreal(r.height() - legend - 6) / rows));
    const qreal w = cell * cols;
    const qreal left = r.left() + gutter + std::max<qreal>(0, (r.width() - gutter - w) / 2);
    return QRectF(left, r.top(), w, cell * rows);
}

QRectF AddressMapWidget::cellRect(int index) const
{
    if (index < 0 || index >= cellCount)
        return {};
    const QRectF g = gridRect();
    const int cols = columns();
    const qreal s = g.width() / cols;
    return QRectF(g.left() + (index % cols) * s, g.top() + (index / cols) * s, s, s);
}

int AddressMapWidget::cellAt(const QPointF &pos) const
{
    const QRectF g = gridRect();
    if (!g.contains(pos))
        return -1;
    const int cols = columns();
    const qreal s = g.width() / cols;
    const int col = std::clamp(int((pos.x() - g.left()) / s), 0, cols - 1);
    const int row = std::clamp(int((pos.y() - g.top()) / s), 0, rowsOf(cols) - 1);
    return row * cols + col;
}

namespace {

struct LegendEntry
{
    QString text;
    QColor fill;
    QColor border;
    bool hatched = false;
    bool thick = false;
};

} // namespace

// The legend's entries, laid out left to right and wrapped at `width`.
static std::vector<LegendEntry> legendEntries(
    const QPalette &pal, const std::vector<QString> &pools, bool anyAvoided)
{
    const QColor grid
        = TopologyStyle::mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.75);
    std::vector<LegendEntry> e;
    e.push_back({AddressMapWidget::tr("Free"), pal.color(QPalette::Base), grid});
    e.push_back({AddressMapWidget::tr("Gateway"), TopologyStyle::lineColor(pal), grid});
    e.push_back({AddressMapWidget::tr("Node"),
        TopologyStyle::roleColor(model::NodeRole::Agent, pal), grid});
    for (std::size_t i = 0; i < pools.size(); ++i)
        e.push_back(
            {pools[i], TopologyStyle::wash(TopologyStyle::poolColor(int(i), pal), pal, 0.4), grid});
    e.push_back(
        {AddressMapWidget::tr("Assigned"), TopologyStyle::poolColor(0, pal).darker(115), grid});
    if (anyAvoided)
        e.push_back(
            {AddressMapWidget::tr("Avoided .0/.255"), pal.color(QPalette::Base), grid, true});
    e.push_back({AddressMapWidget::tr("Conflict"), pal.color(QPalette::Base),
        TopologyStyle::errorColor(pal), false, true});
    return e;
}

int AddressMapWidget::legendHeight(int width) const
{
    for (const auto &[w, h] : m_legendHeights)
        if (w == width)
            return h;
    const QFontMetrics fm(TopologyStyle::captionFont(font()));
    std::vector<QString> names;
    bool avoided = false;
    for (const auto &p : m_pools) {
        names.push_back(p.name);
        avoided = avoided || p.avoidBuggyIPs;
    }
    const auto entries = legendEntries(palette(), names, avoided);
    const int sw = fm.height();
    int x = 0, rows = 1;
    for (const auto &e : entries) {
        const int w = sw + 4 + fm.horizontalAdvance(e.text) + 12;
        if (x > 0 && x + w > width) {
            ++rows;
            x = 0;
        }
        x += w;
    }
    const int height = rows * (fm.height() + 4) + 6;
    m_legendHeights[1] = m_legendHeights[0];
    m_legendHeights[0] = {width, height};
    return height;
}

void AddressMapWidget::paintLegend(QPainter &p, const QRectF &area) const
{
    const QFont font = TopologyStyle::captionFont(this->font());
    const QFontMetrics fm(font);
    p.setFont(font);
    std::vector<QString> names;
    bool avoided = false;
    for (const auto &pool : m_pools) {
        names.push_back(pool.name);
        avoided = avoided || pool.avoidBuggyIPs;
    }
    const QPalette pal = palette();
    const auto entries = legendEntries(pal, names, avoided);
    const int sw = fm.height();
    qreal x = area.left(), y = area.top();
    for (const auto &e : entries) {
        const int w = sw + 4 + fm.horizontalAdvance(e.text) + 12;
        if (x > area.left() && x + w > area.right()) {
            x = area.left();
            y += fm.height() + 4;
        }
        const QRectF swatch(x + 0.5, y + 0.5, sw - 1, sw - 1);
        p.setPen(Qt::NoPen);
        p.setBrush(e.fill);
        p.drawRect(swatch);
        if (e.hatched)
            hatch(p, swatch,
                TopologyStyle::mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.4),
                sw / 3.0);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(e.border, e.thick ? 2 : 1));
        p.drawRect(swatch);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(x + sw + 4, y, w, sw), Qt::AlignVCenter | Qt::AlignLeft, e.text);
        x += w;
    }
}

void AddressMapWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    const QColor gridLine = TopologyStyle::mix(text, base, 0.75);
    const QColor outside = TopologyStyle::mix(pal.color(QPalette::Window), text, 0.06);
    const QColor error = TopologyStyle::errorColor(pal);

    p.fillRect(rect(), pal.color(QPalette::Window));
    const QRectF g = gridRect();
    const int cols = columns();
    const qreal s = g.width() / cols;
    const QFont caption = TopologyStyle::captionFont(font());
    const QFontMetrics fm(caption);
    p.setFont(caption);
    const bool labels
        = s >= fm.height() * 0.95 && fm.horizontalAdvance(QStringLiteral("255")) <= s - 2;

    // Row labels: the last octet each row starts with.
    p.setPen(TopologyStyle::mix(text, base, 0.35));
    for (int row = 0; row < rowsOf(cols); ++row) {
        const QRectF r(g.left() - fm.horizontalAdvance(QStringLiteral(".255")) - 6,
            g.top() + row * s, fm.horizontalAdvance(QStringLiteral(".255")) + 2, s);
        if (s >= fm.height() * 0.8)
            p.drawText(r, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral(".%1").arg(row * cols));
    }

    int createLo = -1, createHi = -1;
    if (m_drag == DragMode::Create && m_dragCell >= 0) {
        createLo = std::min(m_dragStartCell, m_dragCell);
        createHi = std::max(m_dragStartCell, m_dragCell);
    }

    for (int i = 0; i < cellCount; ++i) {
        const Cell &c = m_cells[size_t(i)];
        const QRectF r = cellRect(i);
        QColor fill = base;
        if (!c.inSubnet || c.reserved)
            fill = outside;
        if (c.pool >= 0) {
            const QColor pc = poolColor(c.pool);
            fill = c.services.isEmpty() ? TopologyStyle::wash(pc, pal, 0.4) : pc.darker(115);
        }
        if (!c.node.isEmpty())
            fill = TopologyStyle::roleColor(
                c.server ? model::NodeRole::Server : model::NodeRole::Agent, pal);
        if (c.gateway)
            fill = TopologyStyle::lineColor(pal);
        p.fillRect(r, fill);
        if (c.avoided)
            hatch(p, r, TopologyStyle::mix(text, fill, 0.45), s / 3);
        if (i >= createLo && i <= createHi && createLo >= 0) {
            QColor h = pal.color(QPalette::Highlight);
            h.setAlphaF(0.55f);
            p.fillRect(r, h);
        }
        p.setPen(QPen(gridLine, 0));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r);
        if (labels && (c.inSubnet || !m_hasSubnet)) {
            p.setPen(textOn(fill, pal));
            p.drawText(r, Qt::AlignCenter, QString::number((addressOf(i)) & 0xff));
        }
    }

    // Pool edges carry a grip bar; the selected pool gets an outline of its colour.
    for (int i = 0; i < cellCount; ++i) {
        const Cell &c = m_cells[size_t(i)];
        if (c.pool < 0)
            continue;
        const QRectF r = cellRect(i);
        const qreal bar = std::max<qreal>(2.0, s / 6);
        const QColor pc = TopologyStyle::isDark(pal) ? poolColor(c.pool).lighter(120)
                                                     : poolColor(c.pool).darker(140);
        if (c.poolFirst)
            p.fillRect(QRectF(r.left(), r.top(), bar, r.height()), pc);
        if (c.poolLast)
            p.fillRect(QRectF(r.right() - bar, r.top(), bar, r.height()), pc);
        if (!m_selectedPool.isEmpty() && m_pools[size_t(c.pool)].name == m_selectedPool) {
            p.setPen(QPen(pc, 1.5));
            p.drawRect(r.adjusted(1, 1, -1, -1));
        }
    }
    // Conflicts on top, so their red border is not covered by a neighbour's grid line.
    for (int i = 0; i < cellCount; ++i) {
        if (!m_cells[size_t(i)].conflict)
            continue;
        p.setPen(QPen(error, std::max<qreal>(2.0, s / 8)));
        p.setBrush(Qt::NoBrush);
        const qreal in = std::max<qreal>(1.0, s / 16);
        p.drawRect(cellRect(i).adjusted(in, in, -in, -in));
    }
    if (hasFocus()) {
        QPen focus(pal.color(QPalette::Highlight), 2);
        focus.setStyle(Qt::DashLine);
        p.setPen(focus);
        p.drawRect(cellRect(m_cursor).adjusted(1, 1, -1, -1));
    }

    const QRect c = contentsRect().adjusted(4, 4, -4, -4);
    paintLegend(p, QRectF(c.left(), g.bottom() + 6, c.width(), c.bottom() - g.bottom() - 6));
}

void AddressMapWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    update();
}

void AddressMapWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_legendHeights = {{{-1, 0}, {-1, 0}}};
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace k3snet
