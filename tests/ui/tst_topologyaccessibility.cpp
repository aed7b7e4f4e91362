// SPDX-License-Identifier: GPL-3.0-or-later
// The topology as a screen reader meets it, on the offscreen platform: the view's accessible
// interface lists the picture's items with their names, descriptions, states and places; the
// keyboard cursor and the selection reach it as Focus and Selection events for the child; and
// the children follow edits (a removed service is gone and its interface invalid, an undo brings
// the same interface back) without handing out anything that dangles.
#include "document/document.h"
#include "document/editnodecommand.h"
#include "document/removeservicecommand.h"
#include "document/setpooladdressescommand.h"
#include "mainwindow.h"
#include "projectfilecontroller.h"
#include "testsettings.h"
#include "topology/lanitem.h"
#include "topology/legenditem.h"
#include "topology/nodeitem.h"
#include "topology/pendinggroupitem.h"
#include "topology/serviceipitem.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "topology/tunnelitem.h"
#include "topologytestprojects.h"

#include <QAccessible>
// Accessibility is off until a screen reader asks for it, and events reach the update handler
// only while it is on: the test turns it on as Qt's own accessibility tests do.
#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>
#include <QtGui/private/qguiapplication_p.h>
#include <qpa/qplatformaccessibility.h>
#include <qpa/qplatformintegration.h>

using namespace k3snet;

namespace {

struct Recorded
{
    QAccessible::Event type;
    QObject *object;
    int child;
    QString name; // of the child the event is about
};

QList<Recorded> recorded;
QObject *watched = nullptr; // events about this object are recorded

void recordEvent(QAccessibleEvent *event)
{
    if (!watched || event->object() != watched)
        return;
    QString name;
    if (event->child() >= 0)
        if (QAccessibleInterface *iface = event->accessibleInterface())
            name = iface->text(QAccessible::Name);
    recorded << Recorded{event->type(), event->object(), event->child(), name};
}

QList<Recorded> eventsOfType(QAccessible::Event type)
{
    QList<Recorded> found;
    for (const Recorded &r : std::as_const(recorded))
        if (r.type == type)
            found << r;
    return found;
}

// Events about one of the view's children (not the view itself).
QList<Recorded> childEvents(QAccessible::Event type)
{
    QList<Recorded> found;
    for (const Recorded &r : eventsOfType(type))
        if (r.child >= 0)
            found << r;
    return found;
}

// What the view should expose, counted from the scene independently of the interface.
int expectedChildCount(TopologyScene *scene)
{
    int count = (scene->lanItem() ? 1 : 0) + (scene->legendItem() ? 1 : 0);
    count += int(scene->nodeItems().size()) + int(scene->serviceIpItems().size());
    if (scene->pendingGroup())
        ++count;
    if (scene->nodeItems().size() <= TopologyScene::maxNodesWithAllTunnels)
        count += int(scene->tunnelItems().size());
    return count;
}

// The child whose name contains every one of parts, or null.
QAccessibleInterface *childNamed(QAccessibleInterface *view, const QStringList &parts)
{
    for (int i = 0; i < view->childCount(); ++i) {
        QAccessibleInterface *child = view->child(i);
        const QString name = child ? child->text(QAccessible::Name) : QString();
        if (std::all_of(
                parts.begin(), parts.end(), [&](const QString &p) { return name.contains(p); }))
            return child;
    }
    return nullptr;
}

} // namespace

class TestTopologyAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        testsettings::isolate("tst_topologyaccessibility");
        QPlatformAccessibility *platform
            = QGuiApplicationPrivate::platformIntegration()->accessibility();
        QVERIFY2(platform, "the platform has no accessibility");
        platform->setActive(true);
        QVERIFY(QAccessible::isActive());
        QAccessible::installUpdateHandler(recordEvent);
    }

    void cleanup()
    {
        watched = nullptr;
        recorded.clear();
    }

    void childrenOfTheDemo()
    {
        MainWindow window;
        window.files()->openDemo();
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TopologyView *view = window.topologyView();
        TopologyScene *scene = window.topologyScene();
        view->fitToContents();

        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
        QVERIFY(iface);
        QVERIFY(iface->isValid());
        QCOMPARE(iface->role(), QAccessible::List);
        QCOMPARE(iface->text(QAccessible::Name), view->accessibleName());
        QVERIFY(iface->state().multiSelectable);

        // The LAN, 4 nodes, traefik's address, 6 tunnels and the legend.
        QCOMPARE(scene->nodeItems().size(), 4);
        QCOMPARE(scene->tunnelItems().size(), 6);
        QCOMPARE(iface->childCount(), expectedChildCount(scene));
        QCOMPARE(iface->childCount(), 1 + 4 + 1 + 6 + 1);

        QSet<QAccessibleInterface *> seen;
        QSet<QString> names;
        for (int i = 0; i < iface->childCount(); ++i) {
            QAccessibleInterface *child = iface->child(i);
            QVERIFY(child);
            QVERIFY(child->isValid());
            QCOMPARE(child->parent(), iface);
            QCOMPARE(iface->indexOfChild(child), i);
            QCOMPARE(child->role(), QAccessible::ListItem);
            QCOMPARE(child->childCount(), 0);
            QCOMPARE(iface->child(i), child); // the same interface each time
            const QString name = child->text(QAccessible::Name);
            QVERIFY2(!name.isEmpty(), qPrintable(QString::number(i)));
            // Words, not keys such as "Node/node1".
            QVERIFY2(!QRegularExpression(QStringLiteral("^\\w+/")).match(name).hasMatch(),
                qPrintable(name));
            names << name;
            seen << child;
            QVERIFY(!child->text(QAccessible::Description).contains(QLatin1Char('<')));
            QVERIFY2(!child->rect().isEmpty(), qPrintable(name));
        }
        QCOMPARE(seen.size(), iface->childCount());
        QCOMPARE(names.size(), iface->childCount()); // a screen reader can tell them apart

        // The same texts as the items' own.
        NodeItem *node1 = scene->nodeItem(QStringLiteral("node1"));
        QAccessibleInterface *node = iface->child(1);
        QCOMPARE(node->text(QAccessible::Name), node1->accessibleText());
        QVERIFY(node->text(QAccessible::Name).contains(QStringLiteral("node1")));
        QVERIFY(node->text(QAccessible::Name).contains(QStringLiteral("10.0.0.11")));
        QVERIFY(node->text(QAccessible::Description).contains(QStringLiteral("10.42.")));
        // Lines as lines: the tooltip's <br>, not a Unicode line separator a reader may skip.
        QVERIFY(node->text(QAccessible::Description).contains(QLatin1Char('\n')));
        QVERIFY(!node->text(QAccessible::Description).contains(QChar::LineSeparator));
        QVERIFY(node->state().focusable);
        QVERIFY(node->state().selectable);
        ServiceIpItem *traefik = node1->serviceIps().value(0);
        QVERIFY(traefik);
        QAccessibleInterface *chip = iface->child(2);
        QCOMPARE(chip->text(QAccessible::Name), traefik->accessibleText());
        QVERIFY(chip->text(QAccessible::Name).contains(QStringLiteral("10.0.0.100")));
        QVERIFY(chip->text(QAccessible::Description).contains(QStringLiteral("Fallbacks")));
        QVERIFY(childNamed(iface, {QStringLiteral("LAN"), QStringLiteral("10.0.0.1")}));
        QVERIFY(childNamed(iface, {QStringLiteral("node1"), QStringLiteral("node4")}));
        QAccessibleInterface *legend = childNamed(iface, {QStringLiteral("Legend")});
        QVERIFY(legend);
        QVERIFY(legend->text(QAccessible::Description).contains(QStringLiteral("picluster-pool")));
        QVERIFY(!legend->state().focusable);

        // Places on the screen: the chip inside its node, the node inside the view; a hit test
        // in the chip finds the chip, in the node's header the node.
        QVERIFY(node->rect().contains(chip->rect()));
        QVERIFY(iface->rect().contains(node->rect().center()));
        QCOMPARE(iface->childAt(chip->rect().center().x(), chip->rect().center().y()), chip);
        QCOMPARE(iface->childAt(node->rect().left() + 8, node->rect().top() + 8), node);
        QVERIFY(!node->state().offscreen);

        // Actions: what Enter and a right click do (without the window's editor and menu).
        QObject::disconnect(view, &TopologyView::itemActivated, nullptr, nullptr);
        QObject::disconnect(view, &TopologyView::contextMenuRequested, nullptr, nullptr);
        QVERIFY(chip->actionInterface());
        QVERIFY(chip->actionInterface()->actionNames().contains(
            QAccessibleActionInterface::pressAction()));
        QSignalSpy activated(view, &TopologyView::itemActivated);
        chip->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
        QTRY_COMPARE(activated.size(), 1);
        QCOMPARE(activated.last().at(0).toString(), QStringLiteral("Service/kube-system/traefik"));
        QSignalSpy menu(view, &TopologyView::contextMenuRequested);
        node->actionInterface()->doAction(QAccessibleActionInterface::showMenuAction());
        QCOMPARE(menu.size(), 1);
        QCOMPARE(scene->selectedKeys(), QStringList{QStringLiteral("Node/node1")});
        QVERIFY(node->rect().contains(menu.last().at(0).toPoint()));
    }

    void selectionAndKeyboardReachTheScreenReader()
    {
        MainWindow window;
        window.files()->openDemo();
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        TopologyView *view = window.topologyView();
        TopologyScene *scene = window.topologyScene();
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
        QAccessibleInterface *node1 = childNamed(iface, {QStringLiteral("Node node1")});
        QAccessibleInterface *node2 = childNamed(iface, {QStringLiteral("Node node2")});
        QAccessibleInterface *chip = childNamed(iface, {QStringLiteral("10.0.0.100")});
        QVERIFY(node1 && node2 && chip);
        watched = view;

        // Selected from elsewhere (a table): the states follow, and the view says so.
        view->clearFocus();
        QVERIFY(!view->hasFocus());
        scene->selectKeys({QStringLiteral("Node/node2")});
        QVERIFY(node2->state().selected);
        QVERIFY(!node1->state().selected);
        QVERIFY(!node2->state().focused); // the view has no focus
        QVERIFY(!eventsOfType(QAccessible::SelectionWithin).isEmpty());
        QVERIFY(childEvents(QAccessible::Focus).isEmpty());

        // The keyboard: each move is a Focus event naming the item.
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        QTest::keyClick(view, Qt::Key_Home);
        QVERIFY(node1->state().selected);
        QVERIFY(node1->state().focused);
        QVERIFY(!node2->state().selected);
        QCOMPARE(iface->focusChild(), node1);
        QList<Recorded> focus = childEvents(QAccessible::Focus);
        QVERIFY(!focus.isEmpty());
        QCOMPARE(focus.last().child, iface->indexOfChild(node1));
        QCOMPARE(focus.last().name, node1->text(QAccessible::Name));
        QVERIFY(!childEvents(QAccessible::Selection).isEmpty());
        QCOMPARE(childEvents(QAccessible::Selection).last().child, iface->indexOfChild(node1));

        QTest::keyClick(view, Qt::Key_Down);
        QVERIFY(chip->state().focused);
        QVERIFY(chip->state().selected);
        QVERIFY(!node1->state().focused);
        QCOMPARE(iface->focusChild(), chip);
        focus = childEvents(QAccessible::Focus);
        QCOMPARE(focus.last().child, iface->indexOfChild(chip));
        QVERIFY(focus.last().name.contains(QStringLiteral("traefik")));

        // Coming back to the view announces where the cursor stands.
        view->clearFocus();
        QVERIFY(!view->hasFocus());
        QVERIFY(!chip->state().focused);
        QVERIFY(chip->state().selected);
        recorded.clear();
        view->setFocus();
        QTRY_VERIFY(!childEvents(QAccessible::Focus).isEmpty());
        QCOMPARE(childEvents(QAccessible::Focus).last().child, iface->indexOfChild(chip));

        // The Focus action puts the keyboard cursor on the item.
        node2->actionInterface()->doAction(QAccessibleActionInterface::setFocusAction());
        QCOMPARE(view->currentItem(), scene->nodeItem(QStringLiteral("node2")));
        QVERIFY(node2->state().focused);
    }

    void childrenFollowEdits()
    {
        MainWindow window;
        window.files()->openDemo();
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Document *document = window.document();
        TopologyView *view = window.topologyView();
        TopologyScene *scene = window.topologyScene();
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
        QAccessibleInterface *chip = childNamed(iface, {QStringLiteral("traefik")});
        QAccessibleInterface *node1 = childNamed(iface, {QStringLiteral("Node node1")});
        QVERIFY(chip && node1);
        const int before = iface->childCount();
        const QString chipName = chip->text(QAccessible::Name);
        scene->selectKeys({QStringLiteral("Service/kube-system/traefik")});
        watched = view;

        // Removing the service (a patch of the scene): its chip is no child any more, and the
        // interface a screen reader may still hold is invalid rather than dangling.
        document->undoStack()->push(new RemoveServiceCommand(
            document, QStringLiteral("kube-system"), QStringLiteral("traefik")));
        QCOMPARE(scene->lastUpdate(), TopologyScene::Update::Patched);
        QCOMPARE(iface->childCount(), before - 1);
        QCOMPARE(iface->childCount(), expectedChildCount(scene));
        QVERIFY(!childNamed(iface, {QStringLiteral("traefik")}));
        QVERIFY(!chip->isValid());
        QVERIFY(chip->state().invalid);
        QVERIFY(chip->text(QAccessible::Name).isEmpty());
        QVERIFY(chip->rect().isEmpty());
        QCOMPARE(iface->indexOfChild(chip), -1);
        QVERIFY(chip->actionInterface()->actionNames().isEmpty());
        chip->actionInterface()->doAction(QAccessibleActionInterface::pressAction()); // no-op
        QVERIFY(node1->isValid());
        QVERIFY(!node1->text(QAccessible::Name).contains(QStringLiteral("announces 1")));
        QVERIFY(!eventsOfType(QAccessible::ObjectReorder).isEmpty());
        for (int i = 0; i < iface->childCount(); ++i)
            QVERIFY(iface->child(i)->isValid());

        // Undo brings the service back, and the same interface stands for it again.
        document->undoStack()->undo();
        QCOMPARE(iface->childCount(), before);
        QVERIFY(chip->isValid());
        QCOMPARE(chip->text(QAccessible::Name), chipName);
        QCOMPARE(childNamed(iface, {QStringLiteral("traefik")}), chip);

        // A rebuild (a node edit) makes new items; the interfaces stay.
        model::Node node = document->project().nodes.front();
        node.lanIP = *net::Address::parse("10.0.0.21");
        document->undoStack()->push(new EditNodeCommand(document, QStringLiteral("node1"), node));
        QCOMPARE(scene->lastUpdate(), TopologyScene::Update::Rebuilt);
        QVERIFY(node1->isValid());
        QVERIFY(node1->text(QAccessible::Name).contains(QStringLiteral("10.0.0.21")));
        QCOMPARE(childNamed(iface, {QStringLiteral("Node node1")}), node1);

        // A pool without addresses: traefik waits in the group of services no node announces,
        // which is read after the nodes, each item at its index.
        document->undoStack()->push(
            new SetPoolAddressesCommand(document, QStringLiteral("picluster-pool"), {}));
        QVERIFY(scene->pendingGroup());
        QCOMPARE(iface->childCount(), expectedChildCount(scene));
        QAccessibleInterface *pending = childNamed(iface, {QStringLiteral("traefik")});
        QVERIFY(pending);
        QCOMPARE(pending->text(QAccessible::Name),
            scene->pendingGroup()->serviceIps().at(0)->accessibleText());
        QVERIFY(pending->text(QAccessible::Description).contains(QStringLiteral("not announced")));
        QCOMPARE(iface->indexOfChild(pending), 1 + 4 + 1); // the LAN, 4 nodes, the group
        QVERIFY(!chip->isValid()); // the chip in node1 is gone
        for (int c = 0; c < iface->childCount(); ++c)
            QCOMPARE(iface->indexOfChild(iface->child(c)), c);
        document->undoStack()->undo();
        QVERIFY(!pending->isValid());
        QVERIFY(chip->isValid());

        // Many edits that renumber the addresses, the children read after each: interfaces of
        // addresses gone are dropped along the way (a bridge holds them by id, and finds the id
        // gone), and every child handed out is valid.
        QAccessibleInterface *first = childNamed(iface, {QStringLiteral("10.0.0.100")});
        QVERIFY(first);
        const QAccessible::Id firstId = QAccessible::uniqueId(first);
        for (int i = 1; i <= 80; ++i) {
            const std::string start = "10.0.0." + std::to_string(100 + i);
            document->undoStack()->push(new SetPoolAddressesCommand(
                document, QStringLiteral("picluster-pool"), {start + "-10.0.0.200"}));
            QCOMPARE(iface->childCount(), expectedChildCount(scene));
            for (int c = 0; c < iface->childCount(); ++c) {
                QAccessibleInterface *child = iface->child(c);
                QVERIFY(child->isValid());
                QCOMPARE(iface->indexOfChild(child), c);
            }
        }
        QVERIFY(childNamed(iface, {QStringLiteral("10.0.0.180")}));
        QVERIFY(!QAccessible::accessibleInterface(firstId));
    }

    void gridLeavesTheTunnelsOut()
    {
        // 20 nodes stand in a grid, which draws only the selected nodes' tunnels (190 of them
        // in all): the tunnels are no children, everything else is, each at its index.
        const model::Project project
            = topologytest::cluster(20, 300, "10.0.8.0-10.0.9.255", "10.0.0.0/16");
        Document document;
        document.reset(project);
        TopologyScene scene(&document);
        TopologyView view(&scene);
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(&view);
        QCOMPARE(scene.tunnelItems().size(), 190);
        QCOMPARE(scene.serviceIpItems().size(), 300);
        QCOMPARE(iface->childCount(), 1 + 20 + 300 + 1);
        QCOMPARE(iface->childCount(), expectedChildCount(&scene));
        for (int i = 0; i < iface->childCount(); ++i) {
            QAccessibleInterface *child = iface->child(i);
            QVERIFY(child->isValid());
            QCOMPARE(iface->indexOfChild(child), i);
        }
        QVERIFY(!iface->child(iface->childCount()));
        QVERIFY(!childNamed(iface, {QStringLiteral("VXLAN tunnel between")}));
        QCOMPARE(iface->child(iface->childCount() - 1)->text(QAccessible::Name),
            scene.legendItem()->accessibleText());
    }

    void viewWithoutItems()
    {
        // A view whose scene is gone (the window tears down in either order) has no children.
        Document document;
        auto *scene = new TopologyScene(&document);
        TopologyView view(scene);
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(&view);
        QVERIFY(iface->childCount() > 0); // the empty project still has a LAN and a legend
        QAccessibleInterface *lan = iface->child(0);
        QVERIFY(lan->isValid());
        delete scene;
        QCOMPARE(iface->childCount(), 0);
        QVERIFY(!lan->isValid());
        QVERIFY(!iface->child(0));
    }
};

QTEST_MAIN(TestTopologyAccessibility)
#include "tst_topologyaccessibility.moc"
