// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/clusternetwork.h"
#include "topology/topologyitem.h"

#include <QCoreApplication>
#include <QFont>
#include <QList>

namespace k3snet {

// The LAN the nodes sit on: the gateway, a bar with the subnet, interface and MTU, and the
// wiring from the bar to every node (a trunk down the left side and a bus along each further
// row of nodes). Only the gateway and the bar take clicks; the wires lie behind the nodes.
class LanItem : public TopologyItem
{
    Q_DECLARE_TR_FUNCTIONS(LanItem)

public:
    enum
    {
        Type = LanType
    };

    // One row of nodes: the y of its bus (the first row hangs from the bar itself), the y of
    // the nodes' edge facing the bus (their top, or their bottom when the bus runs below the
    // row) and the x of each node's uplink.
    struct Row
    {
        qreal busY = 0;
        qreal nodeEdge = 0;
        QList<qreal> uplinks;
    };

    LanItem(const model::ClusterNetwork &network, const QFont &font);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    qreal barBottom() const { return m_bar.bottom(); }
    static constexpr qreal trunkX = 14;
    // The bar spans width; rows as laid out by the scene.
    void setWiring(qreal width, const QList<Row> &rows);
    qreal minimumWidth() const;

    QString accessibleText() const override { return m_accessibleText; }

private:
    QFont m_font;
    QString m_accessibleText;
    QString m_gatewayText;
    QString m_barText;
    QRectF m_gateway;
    QRectF m_bar;
    QList<Row> m_rows;
};

} // namespace k3snet
