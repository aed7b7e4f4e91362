// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topology/serviceipitem.h"
#include "topology/topologyitem.h"

#include <QCoreApplication>
#include <QFont>

namespace k3snet {

// The LoadBalancer services that no node announces (no address, or no eligible node), set
// apart from the nodes in a box of their own, one chip each with the reason as tooltip.
class PendingGroupItem : public TopologyItem
{
    Q_DECLARE_TR_FUNCTIONS(PendingGroupItem)

public:
    enum
    {
        Type = PendingGroupType
    };

    PendingGroupItem(const ServiceIpItem::Infos &services, const QFont &font);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    QList<ServiceIpItem *> serviceIps() const { return m_chips; }
    QSizeF size() const { return m_size; }

    QString accessibleText() const override;

private:
    QFont m_font;
    QString m_title;
    QList<ServiceIpItem *> m_chips;
    QSizeF m_size;
};

} // namespace k3snet
