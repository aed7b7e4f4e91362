// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAccessibleInterface>
#include <QPointer>
#include <QString>

namespace k3snet {

class TopologyItem;
class TopologyView;

// What a screen reader sees of one item of the topology (a node, an address chip, the LAN, a
// tunnel, ...): a child of the view's accessible list. QGraphicsItems are not QObjects and the
// scene deletes and reuses them on every edit, so the interface holds no item pointer: it holds
// what the item shows (its Ref) and looks the item up in the scene on every call. When the
// scene no longer shows that object the interface is invalid; when it shows it again (an undo)
// the same interface is valid again.
class TopologyItemAccessible : public QAccessibleInterface, public QAccessibleActionInterface
{
public:
    // Which item: its type and own key, and for an address chip the address and whether it is
    // pending (a service with two addresses has two chips with the same key).
    struct Ref
    {
        int type = 0;
        QString key;
        QString ip;
        bool pending = false;

        static Ref of(const TopologyItem *item);
        bool matches(const TopologyItem *item) const;
        // One string per Ref, for the view's table of child interfaces.
        QString id() const;
    };

    TopologyItemAccessible(TopologyView *view, const Ref &ref);

    // The item this interface stands for now, or null when the scene does not show it.
    TopologyItem *item() const;
    const Ref &ref() const { return m_ref; }
    TopologyView *view() const { return m_view; }

    bool isValid() const override;
    QObject *object() const override { return nullptr; }
    QWindow *window() const override;
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *parent() const override;
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text, const QString &) override { }
    QRect rect() const override;
    QAccessible::Role role() const override;
    QAccessible::State state() const override;
    void *interface_cast(QAccessible::InterfaceType type) override;

    // Press opens the object's editor (as Enter does), SetFocus makes it the keyboard cursor,
    // ShowMenu opens its context menu.
    QStringList actionNames() const override;
    void doAction(const QString &actionName) override;
    QStringList keyBindingsForAction(const QString &actionName) const override;

private:
    // Nodes and chips: the items keyboard navigation visits.
    bool isNavigable() const;

    QPointer<TopologyView> m_view;
    Ref m_ref;
};

} // namespace k3snet
