// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>
#include <QStringList>

class QPalette;

namespace k3snet {

// The base of every item in the topology scene: the stable ids of the objects it shows
// ("Node/node1", "Service/kube-system/traefik", "IPAddressPool/picluster-pool"), which is how
// the scene maps items to the document, the tables and the diagnostics. The first key is the
// item's own object; the others are objects it belongs to (an IP's pool).
class TopologyItem : public QGraphicsItem
{
public:
    enum ItemType
    {
        LanType = UserType + 1,
        NodeType,
        TunnelType,
        ServiceIpType,
        PendingGroupType,
        LegendType,
    };

    explicit TopologyItem(const QStringList &keys, QGraphicsItem *parent = nullptr);

    QString key() const { return m_keys.value(0); }
    const QStringList &keys() const { return m_keys; }
    bool hasKey(const QString &key) const { return m_keys.contains(key); }

    // What the item shows, in a sentence for a screen reader (the view announces it when
    // keyboard navigation reaches the item).
    virtual QString accessibleText() const { return key(); }
    // More about the item for a screen reader (the view's accessible children report it as
    // their description): by default the tooltip as plain text.
    virtual QString accessibleDescription() const;
    // The tooltip (rich text), which the scene asks for when the pointer rests on the item
    // (TopologyScene::helpEvent): by default QGraphicsItem::toolTip(). Chips build theirs only
    // then, so an edit of 2,000 addresses does not format 2,000 tooltips nobody reads.
    virtual QString toolTipText() const { return toolTip(); }

protected:
    // For items that show another object after a patch of the scene (a reused chip).
    void setKeys(const QStringList &keys) { m_keys = keys; }
    // The scene's palette (the application's until the scene is given another one).
    QPalette palette() const;

private:
    QStringList m_keys;
};

} // namespace k3snet
