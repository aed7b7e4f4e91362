// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topology/topologyitem.h"

#include <QCoreApplication>
#include <QFont>

#include <memory>

namespace k3snet {

// One LoadBalancer address of a service, drawn as a chip in its pool's colour inside the node
// that announces it; or a pending service (no address yet, or an address no node announces),
// drawn with a dashed warning border in the set-apart group, its reason in the tooltip.
class ServiceIpItem : public TopologyItem
{
    Q_DECLARE_TR_FUNCTIONS(ServiceIpItem)

public:
    enum
    {
        Type = ServiceIpType
    };

    struct Info
    {
        QString serviceKey; // "Service/kube-system/traefik"
        QString poolKey; // "IPAddressPool/picluster-pool"; empty when pending
        QString ip; // empty when no address was allocated
        QString label; // what the chip says besides the address
        QString service; // "kube-system/traefik", for the tooltip
        QString pool; // the pool's name, or empty
        QString announcer; // the node answering ARP; empty when pending
        QStringList fallbacks; // the first few nodes in line after it
        int moreFallbacks = 0; // how many more follow those
        QString why; // when pending: why (empty: nobody announces the address)
        int poolIndex = -1;
        bool pending = false; // no address, or nobody announces it

        friend bool operator==(const Info &, const Info &) = default;
    };
    // A chip's content is made once per service change and shared, not copied, by the
    // collector, the scene's content lists and the item: an edit of 2,000 services copied
    // ten strings per chip three times, and compared them field by field where the same
    // pointer says "unchanged".
    using InfoPtr = std::shared_ptr<const Info>;
    using Infos = QList<InfoPtr>;
    // Whether the lists show the same chips (the same pointers, or equal contents).
    static bool sameInfos(const Infos &a, const Infos &b);

    ServiceIpItem(InfoPtr info, const QFont &font, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const Info &info() const { return *m_info; }
    const InfoPtr &sharedInfo() const { return m_info; }
    // Shows another address (the scene patches chips in place rather than making new ones).
    void setInfo(const InfoPtr &info);
    QString accessibleText() const override;
    QString toolTipText() const override;
    // The width the chip needs to show its text without eliding.
    qreal preferredWidth() const;
    void setWidth(qreal width);
    static qreal heightFor(const QFont &font);

private:
    qreal measure() const;
    // The pool's colour and the chip's fill in this palette, worked out once per palette and
    // content rather than on each of 2,000 paints.
    void updateColours(const QPalette &palette) const;

    InfoPtr m_info;
    QFont m_font;
    QFont m_monoFont;
    QSizeF m_size;
    qreal m_preferredWidth = 0;
    qreal m_fontHeight = 0;
    mutable qint64 m_coloursFor = 0; // the palette's cacheKey(); 0: not worked out
    mutable QColor m_accent, m_fill;
};

} // namespace k3snet
