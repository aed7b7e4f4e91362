// SPDX-License-Identifier: GPL-3.0-or-later
// TopologyScene's layout: where the nodes stand and how the tunnels between them run.
#include "topology/topologyscene.h"

#include "document/document.h"
#include "topology/nodeitem.h"
#include "topology/topologyscenelayout.h"
#include "topology/tunnelitem.h"

#include <algorithm>
#include <cmath>

namespace k3snet {

using namespace topologylayout;

namespace {
QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

qreal TopologyScene::layoutNodes()
{
    const int n = int(m_nodeOrder.size());
    m_lanRows.clear();
    if (n <= maxNodesInOneRow) {
        m_arrangement = Arrangement::Row;
        m_columns = std::max(n, 1);
    } else if (n <= maxNodesWithAllTunnels) {
        m_arrangement = Arrangement::FacingRows;
        m_columns = (n + 1) / 2;
    } else {
        m_arrangement = Arrangement::Grid;
        m_columns = int(std::ceil(std::sqrt(n * 1.8)));
    }
    // The arcs of a row reach as deep as its widest pair needs, when all of them are drawn.
    m_bandDepth
        = m_arrangement == Arrangement::Grid ? arcBase : arcBase + arcStep * (m_columns - 1);

    qreal width = 0;
    for (auto *node : std::as_const(m_nodeOrder))
        width = std::max(width, node->naturalSize().width());
    for (auto *node : std::as_const(m_nodeOrder))
        node->setWidth(width);

    qreal y = m_lan->barBottom() + uplinkLength;
    qreal bottom = y;
    const int rows = n == 0 ? 0 : (n + m_columns - 1) / m_columns;
    for (int row = 0; row < rows; ++row) {
        const bool facing = m_arrangement == Arrangement::FacingRows && row == 1;
        const int first = row * m_columns;
        const int last = std::min(n, first + m_columns);
        qreal height = 0;
        for (int i = first; i < last; ++i) {
            m_nodeOrder.at(i)->setFlipped(facing);
            height = std::max(height, m_nodeOrder.at(i)->naturalSize().height());
        }
        LanItem::Row lanRow;
        lanRow.busY = row == 0 ? m_lan->barBottom() : facing ? y + height + busGap : y - busGap;
        lanRow.nodeEdge = facing ? y + height : y;
        for (int i = first; i < last; ++i) {
            NodeItem *node = m_nodeOrder.at(i);
            node->setHeight(height);
            node->setPos(x0 + (i - first) * (width + columnGap), y);
            lanRow.uplinks << node->x() + width / 2;
        }
        m_lanRows << lanRow;
        bottom = std::max(y + height, lanRow.busY);
        if (m_arrangement == Arrangement::FacingRows && row == 0)
            y += height + 2 * m_bandDepth + 40; // the band between the facing rows
        else
            y += height + m_bandDepth + belowArcs + busGap;
    }
    return bottom + (m_arrangement == Arrangement::FacingRows ? 40 : m_bandDepth + belowArcs);
}

int TopologyScene::slotFor(int node, int peer) const
{
    // A node's ports, left to right: peers of its own row to the left (nearest first), peers
    // of other rows (by column), peers of its own row to the right (farthest first); so arcs
    // sharing an end nest instead of crossing.
    const auto rank = [this, node](int j) {
        const int row = node / m_columns;
        const int column = node % m_columns;
        const int rowJ = j / m_columns;
        const int columnJ = j % m_columns;
        if (rowJ == row)
            return columnJ < column ? std::pair(0, column - columnJ)
                                    : std::pair(2, column - columnJ);
        return std::pair(1, columnJ * 1000 + rowJ);
    };
    int slot = 0;
    for (int j = 0; j < int(m_nodeOrder.size()); ++j)
        if (j != node && j != peer && rank(j) < rank(peer))
            ++slot;
    return slot;
}

void TopologyScene::createTunnels(const QString &vxlanText)
{
    const int n = int(m_nodeOrder.size());
    const bool all = m_arrangement != Arrangement::Grid;
    m_tunnelsNew = true;
    for (auto *node : std::as_const(m_nodeOrder))
        node->setTunnelSlotCount(all ? n - 1 : 0);
    const plan::Plan &plan = m_document->plan();
    const auto vtep = [](const plan::NodePlan *p) {
        return p && p->vtepAddress ? fromStd(p->vtepAddress->toString()) : tr("no address");
    };
    for (int i = 0; i < n; ++i) {
        for (int j = i + 1; j < n; ++j) {
            NodeItem *a = m_nodeOrder.at(i);
            NodeItem *b = m_nodeOrder.at(j);
            qreal depthA = arcBase;
            qreal depthB = arcBase;
            if (i / m_columns == j / m_columns) {
                const int apart = std::abs(i % m_columns - j % m_columns);
                // In a grid the arcs of the selected node may reach over the next row.
                const qreal deepest
                    = m_arrangement == Arrangement::Grid ? 3 * arcBase : m_bandDepth;
                depthA = depthB = std::min(deepest, arcBase + arcStep * (apart - 1) + arcStep / 2);
            } else if (m_arrangement == Arrangement::FacingRows) {
                depthA = depthB = m_bandDepth + 20; // an S across the band
            }
            const auto *pa = plan.findNode(a->name().toStdString());
            const auto *pb = plan.findNode(b->name().toStdString());
            const QString tip = tr("<b>VXLAN tunnel</b> %1 ↔ %2<br>%1: LAN %3, VTEP %4, MAC %5<br>"
                                   "%2: LAN %6, VTEP %7, MAC %8<br>%9")
                                    .arg(a->name().toHtmlEscaped(), b->name().toHtmlEscaped(),
                                        pa ? fromStd(pa->lanIP.toString()) : QString(), vtep(pa),
                                        pa ? fromStd(pa->vtepMAC) : QString(),
                                        pb ? fromStd(pb->lanIP.toString()) : QString(), vtep(pb),
                                        pb ? fromStd(pb->vtepMAC) : QString(), vxlanText);
            auto *tunnel
                = new TunnelItem(a, b, slotFor(i, j), slotFor(j, i), n - 1, depthA, depthB, tip);
            tunnel->updatePath();
            addItemWithKeys(tunnel);
            m_tunnels << tunnel;
            m_tunnelsOf[a] << tunnel;
            m_tunnelsOf[b] << tunnel;
        }
    }
}

} // namespace k3snet
