// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/clusternetwork.h"
#include "domain/plan/plan.h"
#include "topology/topologyitem.h"

#include <QHash>

#include <QCoreApplication>
#include <QFont>
#include <QList>

namespace k3snet {

// The key to the picture: what a dashed tunnel is (the VXLAN overlay's VNI, port and MTU), the
// cluster's pod and service ranges, and each pool's colour with its addresses and use.
class LegendItem : public TopologyItem
{
    Q_DECLARE_TR_FUNCTIONS(LegendItem)

public:
    enum
    {
        Type = LegendType
    };

    // tunnelsOnSelection: the picture draws only the selected nodes' tunnels, so say so.
    LegendItem(const model::ClusterNetwork &network, const std::vector<plan::PoolPlan> &pools,
        bool tunnelsOnSelection, const QFont &font);

    // Shows other pools or another network; measures only texts it has not shown before.
    void setContent(const model::ClusterNetwork &network, const std::vector<plan::PoolPlan> &pools,
        bool tunnelsOnSelection);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QSizeF size() const { return m_size; }

    QString accessibleText() const override;
    // Each row of the key in words ("Pods: 10.42.0.0/16, a /24 per node").
    QString accessibleDescription() const override;

private:
    enum class Mark
    {
        Tunnel,
        Pool,
        None
    };
    struct Row
    {
        Mark mark = Mark::None;
        int poolIndex = -1;
        QString caption;
        QString value;
        friend bool operator==(const Row &, const Row &) = default;
    };

    QFont m_font;
    QList<Row> m_rows;
    qreal m_captionWidth = 0;
    QHash<QString, qreal> m_captionWidths, m_valueWidths; // of the rows shown, by text
    qreal m_rowHeight = 0;
    QSizeF m_size;
};

} // namespace k3snet
