// SPDX-License-Identifier: GPL-3.0-or-later
// AddressMapWidget, part 1 of 3: the cells, built from the project and its plan, and the /24
// blocks to choose from. Geometry and painting are in addressmapwidgetpaint.cpp, the mouse,
// the keyboard and the tooltips in addressmapwidgetinput.cpp.
#include "pools/addressmapwidget.h"

#include "document/document.h"
#include "pools/addressmapaddresses.h"

#include <QComboBox>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace k3snet {

using namespace addressmap;

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
    connect(m_blockSelector, &QComboBox::activated, this,
        [this](int index) { setBlockBase(m_blockSelector->itemData(index).toUInt()); });

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
    const auto inSubnet
        = [this](std::uint32_t v) { return v >= m_subnetFirst && v <= m_subnetLast; };
    const auto &project = m_document->project();
    bases.insert(m_subnetFirst & 0xffffff00u);
    if (project.network.lan.gateway.isV4()
        && inSubnet(std::uint32_t(project.network.lan.gateway.value())))
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
    // Most edits keep the blocks: refilling the box with fifty entries cost more than the map.
    bool same = m_blockSelector->count() == int(bases.size());
    int i = 0;
    for (auto it = bases.begin(); same && it != bases.end(); ++it, ++i)
        same = m_blockSelector->itemData(i).toUInt() == *it;
    if (!same) {
        m_blockSelector->clear();
        for (std::uint32_t b : bases)
            m_blockSelector->addItem(v4Text(b) + QStringLiteral("/24"), b);
    }
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
        cells[size_t(i)].reserved
            = m_hasSubnet && lan.subnet.length() < 31 && (v == m_subnetFirst || v == m_subnetLast);
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

    std::vector<PoolInfo> pools;
    for (const auto &pp : plan.pools) {
        const int index = int(pools.size());
        pools.push_back({QString::fromStdString(pp.name), pp.avoidBuggyIPs});
        for (const auto &text : pp.addresses) {
            const auto r = parseRangeText(text);
            if (!r || !r->first().isV4())
                continue;
            const auto lo = std::max<std::uint64_t>(std::uint32_t(r->first().value()), m_base);
            const auto hi
                = std::min<std::uint64_t>(std::uint32_t(r->last().value()), m_base + 255u);
            for (std::uint64_t v = lo; v <= hi; ++v) {
                auto &cell = cells[size_t(v - m_base)];
                if (cell.pool < 0) {
                    cell.pool = index;
                    cell.avoided = pp.avoidBuggyIPs && ((v & 0xff) == 0 || (v & 0xff) == 255);
                    cell.poolFirst = v == r->first().value();
                    cell.poolLast = v == r->last().value();
                } else {
                    cell.otherPools << pools.back().name;
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
    // An edit of a pool outside the block shown (most pools of a large cluster) leaves the map
    // as it was: nothing to repaint.
    if (cells == m_cells && pools == m_pools)
        return;
    if (pools != m_pools)
        m_legendHeights = {{{-1, 0}, {-1, 0}}};
    m_pools = std::move(pools);
    m_cells = std::move(cells);
    updateAccessibleDescription();
    update();
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

} // namespace k3snet
