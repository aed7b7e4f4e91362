// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status/clusterstatus.h"
#include "topology/itemkeyindex.h"
#include "topology/lanitem.h"
#include "topology/topologycontent.h"

#include <QGraphicsScene>
#include <QHash>

namespace k3snet {

class DeferredDisposal;
class Document;
class LegendItem;
class NodeItem;
class PendingGroupItem;
class ServiceIpItem;
class TopologyItem;
class TunnelItem;

// The topology of the open project as a picture: an adapter over the document (never its
// owner) that follows Document::plan() whenever the project changes, keeping an id ↔ item map
// ("Node/node1" → its NodeItem) so that tables and diagnostics can select what they show, and
// keeping the selection across changes. When the nodes, the network and the font are what they
// were (an edit of pools, advertisements or services), the scene is patched in place: the
// chips of the nodes whose addresses changed are updated, the legend and the group of pending
// services are replaced, and the nodes are laid out again only if a size changed; anything
// else rebuilds every item.
//
// Layout: the gateway and the LAN bar on top, the nodes under it, and the legend and the
// services no node announces under the nodes. Up to five nodes stand in one row with every
// tunnel drawn as an arc below it; up to twelve in two rows facing each other across a band
// that holds every tunnel (the lower row's LAN bus runs below it); more in a grid close to
// 16:9, whose tunnels show for the selected nodes only.
class TopologyScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit TopologyScene(Document *document, QObject *parent = nullptr);
    ~TopologyScene() override;

    // Up to this many nodes every tunnel is drawn; above, only those of selected nodes.
    static constexpr int maxNodesWithAllTunnels = 12;
    static constexpr int maxNodesInOneRow = 5;

    // Items showing the object with this id (own id or one they belong to, as an IP's pool).
    QList<TopologyItem *> itemsForKey(const QString &key) const;
    NodeItem *nodeItem(const QString &name) const;
    QList<NodeItem *> nodeItems() const;
    LanItem *lanItem() const { return m_lan; }
    LegendItem *legendItem() const { return m_legend; }
    PendingGroupItem *pendingGroup() const { return m_pending; }
    QList<TunnelItem *> tunnelItems() const { return m_tunnels; }
    QList<ServiceIpItem *> serviceIpItems() const;

    // The ids of the selected items' own objects, each once, in scene order.
    QStringList selectedKeys() const;
    // Replaces the selection with the items showing these objects; returns how many.
    int selectKeys(const QStringList &keys);
    // The part of the scene worth showing or exporting, with a margin.
    QRectF pictureRect() const;

    // The items keyboard navigation visits, in reading order: each node followed by its
    // addresses, then the services no node announces.
    QList<TopologyItem *> navigationOrder() const;
    // How many nodes stand in one row of the layout.
    int columns() const { return m_columns; }

    // Marks the nodes with these keys ("Node/x") with a halo; an empty list clears the marks.
    void setHighlightedKeys(const QStringList &keys);
    QStringList highlightedKeys() const { return m_highlighted; }

    // What the agents said last (Refresh Status): marks on nodes and addresses, kept across
    // rebuilds and patches; an empty status removes them.
    void setLiveStatus(const status::ClusterStatus &status);
    const status::ClusterStatus &liveStatus() const { return m_live; }

    // How the scene followed the last change: by rebuilding every item, or by a patch.
    enum class Update
    {
        Rebuilt,
        Patched
    };
    Update lastUpdate() const { return m_lastUpdate; }

public Q_SLOTS:
    // Follows the document: a patch when it suffices, else a rebuild.
    void syncWithDocument();
    void rebuild();

Q_SIGNALS:
    void rebuilt();
    // After every rebuild and patch: items were added, deleted or given other objects to show.
    void itemsChanged();

protected:
    bool event(QEvent *event) override;
    void helpEvent(QGraphicsSceneHelpEvent *event) override;

private:
    // Everything a rebuild needs, or (when a patch will do) the nodes an edit touched.
    TopologyContent collect(bool forRebuild = false);
    void rebuildFrom(const TopologyContent &content);
    void patch(const TopologyContent &content);
    // Puts the legend and the pending group under the nodes and wires the LAN.
    void placeBelowNodes(const TopologyContent &content, qreal bottom);
    void forgetKeys(TopologyItem *item);
    void addItemWithKeys(TopologyItem *item);
    enum class Arrangement
    {
        Row,
        FacingRows,
        Grid
    };
    // Places the nodes and returns the y below them (and their LAN wiring).
    qreal layoutNodes();
    void createTunnels(const QString &vxlanText);
    int slotFor(int node, int peer) const;
    void updateTunnelVisibility();

    Document *m_document;
    DeferredDisposal *m_disposal; // the chip contents a patch replaced, freed after the repaint
    TopologyContentCollector m_collector;
    ItemKeyIndex m_byKey; // every item but the address chips
    // The chips by key, made again when asked after the chips changed: an edit re-keys most
    // of 2,000 chips, and nothing may ask before the next one.
    const ItemKeyIndex &chipIndex() const;
    mutable ItemKeyIndex m_chipsByKey;
    mutable bool m_chipIndexStale = true;
    QHash<QString, NodeItem *> m_nodes;
    QList<NodeItem *> m_nodeOrder;
    QList<TunnelItem *> m_tunnels;
    // In a grid, the tunnels of each node, and those shown now (the selection's): what a
    // selection change or an edit may show or hide, rather than all n(n-1)/2.
    QHash<const NodeItem *, QList<TunnelItem *>> m_tunnelsOf;
    QList<TunnelItem *> m_shownTunnels;
    bool m_tunnelsNew = false; // made since the last updateTunnelVisibility: look at all
    LanItem *m_lan = nullptr;
    LegendItem *m_legend = nullptr;
    PendingGroupItem *m_pending = nullptr;
    Arrangement m_arrangement = Arrangement::Row;
    int m_columns = 1;
    qreal m_bandDepth = 0; // how deep the arcs of a row may reach
    QList<LanItem::Row> m_lanRows;
    bool m_rebuilding = false;
    QString m_signature; // what must stay the same for a patch to do
    qreal m_bottom = 0; // below the nodes, as laid out last
    QStringList m_highlighted;
    Update m_lastUpdate = Update::Rebuilt;
    status::ClusterStatus m_live;
};

} // namespace k3snet
