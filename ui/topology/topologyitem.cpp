// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/topologyitem.h"

#include <QGraphicsScene>
#include <QGuiApplication>
#include <QPalette>

namespace k3snet {

TopologyItem::TopologyItem(const QStringList &keys, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_keys(keys)
{
}

QPalette TopologyItem::palette() const
{
    return scene() ? scene()->palette() : QGuiApplication::palette();
}

} // namespace k3snet
