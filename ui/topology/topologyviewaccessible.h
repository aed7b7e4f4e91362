// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAccessible>
#include <QAccessibleWidget>
#include <QHash>
#include <QList>

namespace k3snet {

class TopologyItem;
class TopologyScene;
class TopologyView;

// What a screen reader sees of the topology view: a list whose children are the items of the
// picture in reading order (the LAN, each node followed by the addresses it announces, the
// services no node announces, the tunnels when all of them are drawn, the legend), each a
// TopologyItemAccessible. Child interfaces are kept per object shown, not per item, so they
// survive the scene's rebuilds and patches; those whose object is gone report invalid and are
// dropped (by id, which is how accessibility bridges hold them) once they pile up.
class TopologyViewAccessible : public QAccessibleWidget
{
public:
    explicit TopologyViewAccessible(TopologyView *view);

    // Gives view this interface: registers the factory that makes it, and replaces an
    // interface cached for view before the factory could answer (while its base classes were
    // being constructed). The view's constructor calls it.
    static void attach(TopologyView *view);

    // The accessible children of the view on scene: how many, the one at index (or null),
    // whether item is one of them (tunnels are not when only the selected nodes' are drawn),
    // and item's index among them (or -1). Each walks the nodes, not every item: a screen
    // reader reading all 2,000 addresses of a large cluster asks for each by index.
    static int exposedCount(const TopologyScene *scene);
    static TopologyItem *exposedItem(const TopologyScene *scene, int index);
    static bool isExposed(const TopologyScene *scene, const TopologyItem *item);
    static int indexOfItem(const TopologyScene *scene, const TopologyItem *item);

    // The child interface standing for item (which must be exposed).
    QAccessibleInterface *interfaceFor(const TopologyItem *item) const;

    QAccessible::Role role() const override;
    QAccessible::State state() const override;
    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QAccessibleInterface *focusChild() const override;

protected:
    ~TopologyViewAccessible() override;

private:
    TopologyView *view() const;
    TopologyScene *scene() const;
    // Deletes the child interfaces whose object the scene no longer shows.
    void dropInvalidChildren() const;

    mutable QHash<QString, QAccessible::Id> m_children; // by TopologyItemAccessible::Ref::id()
    mutable int m_dropAt = 64; // dropInvalidChildren when m_children grows this large
};

} // namespace k3snet
