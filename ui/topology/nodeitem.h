// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/plan/plan.h"
#include "domain/rules/diagnostic.h"
#include "topology/serviceipitem.h"
#include "topology/topologyitem.h"

#include <QCoreApplication>
#include <QFont>
#include <QList>

#include <optional>

namespace k3snet {

// One node of the cluster: its name, role and LAN address, the LoadBalancer IPs it announces
// (ServiceIpItem children), its pod subnet with the cni0 bridge, and its VTEP (flannel.<VNI>
// address, MAC, MTU), from which the overlay tunnels leave at the bottom edge. A flipped node
// (the lower of two facing rows) has its VTEP under the header and its tunnels leave at the
// top edge, while its LAN uplink leaves at the bottom.
class NodeItem : public TopologyItem
{
    Q_DECLARE_TR_FUNCTIONS(NodeItem)

public:
    enum
    {
        Type = NodeType
    };

    NodeItem(const plan::NodePlan &node, const ServiceIpItem::Infos &ips, const QFont &font,
        QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    QString name() const { return m_name; }
    QSizeF size() const { return m_size; }
    // The size the content needs, before setWidth/setHeight line the nodes up.
    QSizeF naturalSize() const { return {m_naturalWidth, m_size.height() - m_stretch}; }
    // All nodes share one width, so the columns line up, and the nodes of a row one height,
    // which the box takes above its pod and VTEP sections, so those line up too. Neither goes
    // below the natural size.
    void setWidth(qreal width);
    void setHeight(qreal height);
    void setFlipped(bool flipped);
    bool isFlipped() const { return m_flipped; }
    // The worst diagnostic about this node, shown as the colour of its border.
    void setProblem(std::optional<rules::Severity> severity);
    // Where the tunnel to the slot-th of slotCount peers leaves the node (item coordinates),
    // and which way it leaves: +1 down (bottom edge), -1 up (top edge).
    QPointF tunnelPort(int slot, int slotCount) const;
    int tunnelDirection() const { return m_flipped ? -1 : 1; }
    void setTunnelSlotCount(int count);
    QList<ServiceIpItem *> serviceIps() const { return m_ips; }
    // Shows these addresses instead: chips are reused, added or deleted (their keys change;
    // the scene updates its map). Returns the chips that were deleted, for the scene to forget
    // (already gone when it returns; compare pointers only).
    QList<ServiceIpItem *> setServiceIps(const ServiceIpItem::Infos &ips);
    // Marked as chosen by something the user edits elsewhere (the L2 advertisement editor's
    // node selectors): a halo in the link colour.
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }
    QString accessibleText() const override;

private:
    void updateNaturalWidth();
    void layout();
    void paintSection(QPainter *painter, const QRectF &rect, const QColor &accent,
        const QString &caption, const QStringList &lines, bool withText) const;
    // The header (name, role badge, problem mark), the LAN line and the "Announces" caption.
    void paintTexts(QPainter *painter, const QRectF &box, const QColor &roleColour) const;

    QString m_name;
    model::NodeRole m_role;
    QString m_roleText;
    QString m_lanText;
    QString m_podCaption;
    QStringList m_podLines;
    QString m_vtepCaption;
    QStringList m_vtepLines;
    bool m_hasPodSubnet = false;
    QFont m_font;
    QList<ServiceIpItem *> m_ips;
    std::optional<rules::Severity> m_problem;
    int m_tunnelSlots = 0;
    QString m_podText;
    QString m_lanIP;

    bool m_flipped = false;
    bool m_highlighted = false;
    qreal m_naturalWidth = 0;
    qreal m_baseWidth = 0; // what the texts other than the chips need

    QSizeF m_size;
    qreal m_stretch = 0; // height given by setHeight beyond what the content needs
    qreal m_headerHeight = 0;
    qreal m_fontHeight = 0; // of m_font, for the level of detail
    qreal m_lineHeight = 0;
    qreal m_captionHeight = 0;
    qreal m_podHeight = 0;
    qreal m_vtepHeight = 0;
    qreal m_ipCaptionY = 0;
    QRectF m_lanRect;
    QRectF m_podRect;
    QRectF m_vtepRect;
};

} // namespace k3snet
