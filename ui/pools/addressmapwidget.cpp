// SPDX-License-Identifier: GPL-3.0-or-later
#include "pools/addressmapwidget.h"

#include "document/addpoolcommand.h"
#include "document/document.h"
#include "document/setpooladdressescommand.h"
#include "domain/net/range.h"
#include "topology/topologystyle.h"

#include <QComboBox>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace k3snet {

namespace {

constexpr int rowsOf(int columns)
{
    return AddressMapWidget::cellCount / columns;
}

// A normalised plan range ("a-b" or a single address) or a pool entry (range or CIDR).
std::optional<net::Range> parseRangeText(const std::string &text)
{
    if (auto r = net::Range::parsePoolEntry(text))
        return *r;
    if (auto a = net::Address::parse(text))
        return net::Range(*a);
    return std::nullopt;
}

QString v4Text(std::uint32_t value)
{
    return QString::fromStdString(net::Address::v4(value).toString());
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

AddressMapWidget::AddressMapWidget(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_blockSelector(new QComboBox(this))
{
    setObjectName(QStringLiteral("addressMap"));
    setAccessibleName(tr("Address map"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);

    m_blockSelector->setObjectName(QStringLiteral("addressMapBlock"));
    m_blockSelector->setAccessibleName(tr("Shown /24 block"));
    m_blockSelector->setToolTip(tr("The /24 block of the LAN subnet the map shows"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_blockSelector, 0, Qt::AlignLeft);
    layout->addStretch(1);
    connect(m_blockSelector, &QComboBox::activated, this, [this](int index) {
        setBlockBase(m_blockSelector->itemData(index).toUInt());
    });

    m_cells.resize(cellCount);
    connect(m_document, &Document::projectChanged, this, &AddressMapWidget::rebuild);
    rebuild();
}

AddressMapWidget::~AddressMapWidget() = default;

int AddressMapWidget::cellIndex(const QString &address) const
{
    const auto a = net::Address::parse(address.toStdString());
    if (!a || !a->isV4())
        return -1;
    const auto v = std::uint32_t(a->value());
    return (v & 0xffffff00u) == m_base ? int(v - m_base) : -1;
}

void AddressMapWidget::setSelectedPool(const QString &pool)
{
    m_selectedPool = pool;
    if (!m_hasSubnet || m_subnetLast - m_subnetFirst < 256) {
        update();
        return;
    }
    for (const auto &pp : m_document->plan().pools) {
        if (QString::fromStdString(pp.name) != pool || pp.addresses.empty())
            continue;
        for (const auto &text : pp.addresses) {
            const auto r = parseRangeText(text);
            if (!r || !r->first().isV4())
                continue;
            const auto first = std::uint32_t(r->first().value());
            if (first >= m_subnetFirst && first <= m_subnetLast) {
                setBlockBase(first & 0xffffff00u);
                return;
            }
        }
    }
    update();
}

void AddressMapWidget::setBlockBase(std::uint32_t base)
{
    if (m_base != base) {
        m_base = base;
        rebuild();
    }
    const int i = m_blockSelector->findData(base);
    if (i >= 0)
        m_blockSelector->setCurrentIndex(i);
}

void AddressMapWidget::rebuildBlocks()
{
    std::set<std::uint32_t> bases;
    const auto inSubnet = [this](std::uint32_t v) { return v >= m_subnetFirst && v <= m_subnetLast; };
    const auto &project = m_document->project();
    bases.insert(m_subnetFirst & 0xffffff00u);
    if (project.network.lan.gateway.isV4() && inSubnet(std::uint32_t(project.network.lan.gateway.value())))
        bases.insert(std::uint32_t(project.network.lan.gateway.value()) & 0xffffff00u);
    for (const auto &node : project.nodes)
        if (node.lanIP.isV4() && inSubnet(std::uint32_t(node.lanIP.value())))
            bases.insert(std::uint32_t(node.lanIP.value()) & 0xffffff00u);
    for (const auto &pp : m_document->plan().pools) {
        for (const auto &text : pp.addresses) {
            const auto r = parseRangeText(text);
            if (!r || !r->first().isV4())
                continue;
            const auto lo = std::max(std::uint32_t(r->first().value()), m_subnetFirst);
            const auto hi = std::min(std::uint32_t(r->last().value()), m_subnetLast);
            for (std::uint64_t b = lo & 0xffffff00u; b <= hi && bases.size() < 256; b += 256)
                bases.insert(std::uint32_t(b));
        }
    }
    if (bases.find(m_base) == bases.end())
        m_base = *bases.begin();

    QSignalBlocker blocker(m_blockSelector);
    m_blockSelector->clear();
    for (std::uint32_t b : bases)
        m_blockSelector->addItem(v4Text(b) + QStringLiteral("/24"), b);
    m_blockSelector->setCurrentIndex(m_blockSelector->findData(m_base));
    m_blockSelector->setVisible(bases.size() > 1);
}

void AddressMapWidget::rebuild()
{
    const auto &project = m_document->project();
    const auto &plan = m_document->plan();
    const auto &lan = project.network.lan;

    m_hasSubnet = lan.subnet.family() == net::Family::V4 && lan.subnet.length() > 0;
    if (m_hasSubnet) {
        m_subnetFirst = std::uint32_t(lan.subnet.network().value());
        m_subnetLast = std::uint32_t(lan.subnet.last().value());
    } else {
        m_subnetFirst = m_subnetLast = 0;
    }
    rebuildBlocks();

    std::vector<Cell> cells(cellCount);
    const auto cellOf = [this](const net::Address &a) -> int {
        if (!a.isV4())
            return -1;
        const auto v = std::uint32_t(a.value());
        return (v & 0xffffff00u) == m_base ? int(v - m_base) : -1;
    };
    for (int i = 0; i < cellCount; ++i) {
        const auto v = addressOf(i);
        cells[size_t(i)].inSubnet = m_hasSubnet && v >= m_subnetFirst && v <= m_subnetLast;
        cells[size_t(i)].reserved = m_hasSubnet && lan.subnet.length() < 31
            && (v == m_subnetFirst || v == m_subnetLast);
    }
    if (int c = cellOf(lan.gateway); c >= 0 && lan.gateway.value() != 0)
        cells[size_t(c)].gateway = true;
    for (const auto &node : project.nodes) {
        if (int c = cellOf(node.lanIP); c >= 0) {
            auto &cell = cells[size_t(c)];
            if (cell.node.isEmpty()) {
                cell.node = QString::fromStdString(node.name);
                cell.server = node.role == model::NodeRole::Server;
            } else {
                cell.node += QStringLiteral(", ") + QString::fromStdString(node.name);
            }
        }
    }

    m_pools.clear();
    m_legendHeights = {{{-1, 0}, {-1, 0}}};
    for (const auto &pp : plan.pools) {
        const int index = int(m_pools.size());
        m_pools.push_back({QString::fromStdString(pp.name), pp.avoidBuggyIPs});
        for (const auto &text : pp.addresses) {
            const auto r = parseRangeText(text);
            if (!r || !r->first().isV4())
                continue;
            const auto lo = std::max<std::uint64_t>(std::uint32_t(r->first().value()), m_base);
            const auto hi = std::min<std::uint64_t>(std::uint32_t(r->last().value()), m_base + 255u);
            for (std::uint64_t v = lo; v <= hi; ++v) {
                auto &cell = cells[size_t(v - m_base)];
                if (cell.pool < 0) {
                    cell.pool = index;
                    cell.avoided = pp.avoidBuggyIPs && ((v & 0xff) == 0 || (v & 0xff) == 255);
                    cell.poolFirst = v == r->first().value();
                    cell.poolLast = v == r->last().value();
                } else {
                    cell.otherPools << m_pools.back().name;
                }
            }
        }
    }
    for (const auto &sp : plan.services) {
        for (const auto &ip : sp.ips) {
            const auto a = net::Address::parse(ip);
            if (!a)
                continue;
            if (int c = cellOf(*a); c >= 0)
                cells[size_t(c)].services
                    << QString::fromStdString(sp.namespaceName + "/" + sp.name);
        }
    }
    for (auto &cell : cells)
        cell.conflict = cell.pool >= 0
            && (cell.gateway || !cell.node.isEmpty() || !cell.otherPools.isEmpty()
                || (cell.reserved && !cell.avoided));
    m_cells = std::move(cells);
    updateAccessibleDescription();
    update();
}

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
    const qreal cell = std::max<qreal>(6.0,
        std::min(qreal(r.width() - gutter) / cols, qreal(r.height() - legend - 6) / rows));
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
    setAccessibleDescription(cellToolTip(m_cursor).remove(QStringLiteral("<b>"))
            .remove(QStringLiteral("</b>"))
            .replace(QStringLiteral("<br>"), QStringLiteral("; ")));
}

QSize AddressMapWidget::sizeHint() const
{
    const int em = fontMetrics().height();
    return QSize(em * 30, em * 26);
}

QSize AddressMapWidget::minimumSizeHint() const
{
    const int em = fontMetrics().height();
    return QSize(em * 14, em * 12);
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
    const QColor grid = TopologyStyle::mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.75);
    std::vector<LegendEntry> e;
    e.push_back({AddressMapWidget::tr("Free"), pal.color(QPalette::Base), grid});
    e.push_back({AddressMapWidget::tr("Gateway"), TopologyStyle::lineColor(pal), grid});
    e.push_back({AddressMapWidget::tr("Node"), TopologyStyle::roleColor(model::NodeRole::Agent, pal), grid});
    for (std::size_t i = 0; i < pools.size(); ++i)
        e.push_back({pools[i],
            TopologyStyle::wash(TopologyStyle::poolColor(int(i), pal), pal, 0.4), grid});
    e.push_back({AddressMapWidget::tr("Assigned"), TopologyStyle::poolColor(0, pal).darker(115), grid});
    if (anyAvoided)
        e.push_back({AddressMapWidget::tr("Avoided .0/.255"), pal.color(QPalette::Base), grid, true});
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
            hatch(p, swatch, TopologyStyle::mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.4),
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
    const bool labels = s >= fm.height() * 0.95 && fm.horizontalAdvance(QStringLiteral("255")) <= s - 2;

    // Row labels: the last octet each row starts with.
    p.setPen(TopologyStyle::mix(text, base, 0.35));
    for (int row = 0; row < rowsOf(cols); ++row) {
        const QRectF r(g.left() - fm.horizontalAdvance(QStringLiteral(".255")) - 6, g.top() + row * s,
            fm.horizontalAdvance(QStringLiteral(".255")) + 2, s);
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
            fill = TopologyStyle::roleColor(c.server ? model::NodeRole::Server : model::NodeRole::Agent, pal);
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
        entries[m_dragEntry] = net::Address::v4(lo).toString() + "-" + net::Address::v4(hi).toString();
        m_document->undoStack()->push(
            new SetPoolAddressesCommand(m_document, m_dragPool, std::move(entries), m_gestureKey));
    }
    update();
}

void AddressMapWidget::finishDrag(int cell)
{
    dragTo(cell);
    if (m_drag == DragMode::Create && m_dragCell >= 0 && m_dragCell != m_dragStartCell) {
        const int lo = std::min(m_dragStartCell, m_dragCell), hi = std::max(m_dragStartCell, m_dragCell);
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

void AddressMapWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_legendHeights = {{{-1, 0}, {-1, 0}}};
        update();
    }
    QWidget::changeEvent(event);
}

bool AddressMapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int cell = cellAt(help->pos());
        if (cell >= 0)
            QToolTip::showText(help->globalPos(), cellToolTip(cell), this, cellRect(cell).toAlignedRect());
        else
            QToolTip::hideText();
        return true;
    }
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut)
        update();
    return QWidget::event(event);
}

} // namespace k3snet
