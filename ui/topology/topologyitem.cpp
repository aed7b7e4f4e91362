// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/topologyitem.h"

#include <QGraphicsScene>
#include <QGuiApplication>
#include <QPalette>
#include <QTextDocumentFragment>

namespace k3snet {

TopologyItem::TopologyItem(const QStringList &keys, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_keys(keys)
{
}

QString TopologyItem::accessibleDescription() const
{
    // Tooltips are rich text (<b>, <br>, escaped names); a screen reader wants the words.
    const QString tip = toolTipText();
    return tip.isEmpty() ? tip : QTextDocumentFragment::fromHtml(tip).toPlainText();
}

QPalette TopologyItem::palette() const
{
    return scene() ? scene()->palette() : QGuiApplication::palette();
}

} // namespace k3snet
