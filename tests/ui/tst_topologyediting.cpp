// SPDX-License-Identifier: GPL-3.0-or-later
// The topology as a keyboard user and an editing user meet it: Tab, the arrow keys, Home/End,
// Enter, +/- and Escape move and act on the selection and announce each item; an edit that only
// moves service addresses patches the scene in place (the node items stay, and the result is
// the same as a full rebuild), while an edit of the nodes rebuilds.
#include "document/document.h"
#include "document/editnodecommand.h"
#include "document/editservicecommand.h"
#include "document/setnetworkcommand.h"
#include "document/setpooladdressescommand.h"
#include "domain/io/demoproject.h"
#include "domain/io/projectfile.h"
#include "topology/legenditem.h"
#include "topology/nodeitem.h"
#include "topology/pendinggroupitem.h"
#include "topology/serviceipitem.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "topology/tunnelitem.h"
#include "topologytestprojects.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <QVBoxLayout>

#include <random>

using namespace k3snet;

namespace {

model::Project demo()
{
    return *io::loadProjectText(io::demoProjectText(), "demo").project;
}

using topologytest::cluster;

QList<ServiceIpItem::Info> infos(const QList<ServiceIpItem *> &chips)
{
    QList<ServiceIpItem::Info> out;
    for (auto *chip : chips)
        out << chip->info();
    return out;
}

// A patched scene shows what a scene built from scratch on the same document shows, where it
// shows it.
void compareWithRebuild(TopologyScene *patched, Document *document)
{
    TopologyScene fresh(document);
    fresh.setFont(patched->font());
    QCOMPARE(patched->nodeItems().size(), fresh.nodeItems().size());
    for (int i = 0; i < fresh.nodeItems().size(); ++i) {
        NodeItem *a = patched->nodeItems().at(i);
        NodeItem *b = fresh.nodeItems().at(i);
        QCOMPARE(a->name(), b->name());
        QCOMPARE(a->pos(), b->pos());
        QCOMPARE(a->size(), b->size());
        QCOMPARE(infos(a->serviceIps()), infos(b->serviceIps()));
        for (int c = 0; c < a->serviceIps().size(); ++c) {
            QCOMPARE(a->serviceIps().at(c)->pos(), b->serviceIps().at(c)->pos());
            QCOMPARE(a->serviceIps().at(c)->boundingRect(), b->serviceIps().at(c)->boundingRect());
            QCOMPARE(a->serviceIps().at(c)->keys(), b->serviceIps().at(c)->keys());
        }
    }
    QCOMPARE(bool(patched->pendingGroup()), bool(fresh.pendingGroup()));
    if (fresh.pendingGroup()) {
        QCOMPARE(infos(patched->pendingGroup()->serviceIps()),
            infos(fresh.pendingGroup()->serviceIps()));
        QCOMPARE(patched->pendingGroup()->pos(), fresh.pendingGroup()->pos());
    }
    QCOMPARE(patched->legendItem()->pos(), fresh.legendItem()->pos());
    QCOMPARE(patched->legendItem()->size(), fresh.legendItem()->size());
    QCOMPARE(patched->legendItem()->accessibleDescription(),
        fresh.legendItem()->accessibleDescription());
    // The tunnels shown run where a rebuild puts them; hidden ones follow when shown.
    for (int i = 0; i < fresh.tunnelItems().size(); ++i) {
        TunnelItem *tunnel = patched->tunnelItems().at(i);
        QCOMPARE(tunnel->isVisible(), fresh.tunnelItems().at(i)->isVisible());
        const bool hidden = !tunnel->isVisible();
        tunnel->setVisible(true);
        QCOMPARE(tunnel->boundingRect(), fresh.tunnelItems().at(i)->boundingRect());
        tunnel->setVisible(!hidden);
    }
    QCOMPARE(patched->pictureRect(), fresh.pictureRect());
    // The id -> item map names the same objects.
    for (auto *chip : fresh.serviceIpItems())
        for (const QString &key : chip->keys())
            QCOMPARE(patched->itemsForKey(key).size(), fresh.itemsForKey(key).size());
}

} // namespace

class TestTopologyEditing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyboardNavigation()
    {
        Document document;
        document.reset(demo());
        TopologyScene scene(&document);
        QWidget window;
        auto *view = new TopologyView(&scene, &window);
        auto *after = new QLineEdit(&window);
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(view);
        layout->addWidget(after);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        view->setFocus();
        QSignalSpy announced(view, &TopologyView::currentItemChanged);
        QSignalSpy activated(view, &TopologyView::itemActivated);
        const auto current
            = [&] { return view->currentItem() ? view->currentItem()->key() : QString(); };

        QTest::keyClick(view, Qt::Key_Tab);
        QCOMPARE(current(), QStringLiteral("Node/node1"));
        QCOMPARE(scene.selectedKeys(), QStringList{QStringLiteral("Node/node1")});
        QCOMPARE(announced.size(), 1);
        QVERIFY(announced.last().at(1).toString().contains(QStringLiteral("node1")));
        QVERIFY(view->accessibleDescription().contains(QStringLiteral("10.0.0.11")));
        QTest::keyClick(view, Qt::Key_Tab);
        QCOMPARE(current(), QStringLiteral("Node/node2"));
        QTest::keyClick(view, Qt::Key_Backtab);
        QCOMPARE(current(), QStringLiteral("Node/node1"));

        // Down into node1's addresses (traefik), and back up.
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(current(), QStringLiteral("Service/kube-system/traefik"));
        QVERIFY(announced.last().at(1).toString().contains(QStringLiteral("10.0.0.100")));
        QTest::keyClick(view, Qt::Key_Down); // nothing further down in a one-row layout
        QCOMPARE(current(), QStringLiteral("Service/kube-system/traefik"));
        QTest::keyClick(view, Qt::Key_Right); // node2 announces nothing: its box
        QCOMPARE(current(), QStringLiteral("Node/node2"));
        QTest::keyClick(view, Qt::Key_Left);
        QCOMPARE(current(), QStringLiteral("Node/node1"));
        QTest::keyClick(view, Qt::Key_Up);
        QCOMPARE(current(), QStringLiteral("Node/node1"));
        QTest::keyClick(view, Qt::Key_End);
        QCOMPARE(current(), QStringLiteral("Node/node4"));
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(current(), QStringLiteral("Node/node4"));
        QTest::keyClick(view, Qt::Key_Home);
        QCOMPARE(current(), QStringLiteral("Node/node1"));

        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.last().at(0).toString(), QStringLiteral("Node/node1"));

        const qreal zoom = view->zoom();
        QTest::keyClick(view, Qt::Key_Plus);
        QVERIFY(view->zoom() > zoom);
        QTest::keyClick(view, Qt::Key_Minus);
        QTest::keyClick(view, Qt::Key_Minus);
        QVERIFY(view->zoom() < zoom);

        QTest::keyClick(view, Qt::Key_Escape);
        QVERIFY(scene.selectedKeys().isEmpty());

        // Tab past the last node leaves the view for the next widget.
        QTest::keyClick(view, Qt::Key_End);
        QTest::keyClick(view, Qt::Key_Tab);
        QTRY_VERIFY(after->hasFocus());
    }

    void navigationInAGridAndToPendingServices()
    {
        Document document;
        model::Project project = cluster(14, 30);
        model::Service pending;
        pending.namespaceName = "apps";
        pending.name = "stuck";
        pending.type = "LoadBalancer";
        pending.loadBalancerIP = "192.168.1.5";
        project.services.push_back(pending);
        document.reset(project);
        TopologyScene scene(&document);
        TopologyView view(&scene);
        const int columns = scene.columns();
        QVERIFY(columns > 1 && columns < 14);
        view.setCurrentItem(scene.nodeItems().at(0));
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.currentItem(), scene.nodeItems().at(1));
        // Down from a node without addresses goes to the node below it... and through a node's
        // addresses first when it has some.
        NodeItem *start = scene.nodeItems().at(1);
        view.setCurrentItem(start);
        for (int i = 0; i <= start->serviceIps().size(); ++i)
            QTest::keyClick(&view, Qt::Key_Down);
        QCOMPARE(view.currentItem(), scene.nodeItems().at(1 + columns));
        // From the last row on to the services nobody announces.
        view.setCurrentItem(scene.nodeItems().constLast());
        for (int i = 0; i <= scene.nodeItems().constLast()->serviceIps().size(); ++i)
            QTest::keyClick(&view, Qt::Key_Down);
        QVERIFY(scene.pendingGroup());
        QCOMPARE(view.currentItem(), scene.pendingGroup()->serviceIps().constFirst());
        QVERIFY(view.currentItem()->accessibleText().contains(QStringLiteral("stuck")));
    }

    void poolEditPatchesInPlace()
    {
        Document document;
        document.reset(demo());
        TopologyScene scene(&document);
        const QList<NodeItem *> nodes = scene.nodeItems();
        const QList<TunnelItem *> tunnels = scene.tunnelItems();
        QSignalSpy rebuilt(&scene, &TopologyScene::rebuilt);
        scene.itemsForKey(QStringLiteral("Service/kube-system/traefik"))
            .constFirst()
            ->setSelected(true);

        document.undoStack()->push(new SetPoolAddressesCommand(
            &document, QStringLiteral("picluster-pool"), {"10.0.0.150-10.0.0.200"}));
        QCOMPARE(scene.lastUpdate(), TopologyScene::Update::Patched);
        QCOMPARE(rebuilt.size(), 0);
        QCOMPARE(scene.nodeItems(), nodes); // the same items, not new ones
        QCOMPARE(scene.tunnelItems(), tunnels);
        const auto traefik = scene.itemsForKey(QStringLiteral("Service/kube-system/traefik"));
        QCOMPARE(traefik.size(), 1);
        auto *chip = qgraphicsitem_cast<ServiceIpItem *>(traefik.constFirst());
        QCOMPARE(chip->info().ip, QStringLiteral("10.0.0.150"));
        QVERIFY(chip->isSelected()); // the selection follows the service
        QCOMPARE(scene.selectedKeys(), QStringList{QStringLiteral("Service/kube-system/traefik")});
        const QString announcer = QString::fromStdString(document.plan().services.back().announcer);
        QCOMPARE(static_cast<NodeItem *>(chip->parentItem())->name(), announcer);
        compareWithRebuild(&scene, &document);

        // No addresses left: traefik is pending, set apart under the nodes.
        document.undoStack()->push(
            new SetPoolAddressesCommand(&document, QStringLiteral("picluster-pool"), {}));
        QCOMPARE(scene.lastUpdate(), TopologyScene::Update::Patched);
        QVERIFY(scene.pendingGroup());
        compareWithRebuild(&scene, &document);
        document.undoStack()->undo();
        document.undoStack()->undo();
        QCOMPARE(scene.lastUpdate(), TopologyScene::Update::Patched);
        QVERIFY(!scene.pendingGroup());
        compareWithRebuild(&scene, &document);

        // Editing a node changes what the boxes show: a rebuild.
        model::Node node = document.project().nodes.front();
        node.lanIP = *net::Address::parse("10.0.0.21");
        document.undoStack()->push(new EditNodeCommand(&document, QStringLiteral("node1"), node));
        QCOMPARE(scene.lastUpdate(), TopologyScene::Update::Rebuilt);
        QCOMPARE(rebuilt.size(), 1);
        compareWithRebuild(&scene, &document);
    }

    void patchEqualsRebuildInLargeLayouts_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::newRow("row") << 4;
        QTest::newRow("facing rows") << 9;
        QTest::newRow("grid") << 20;
    }

    void patchEqualsRebuildInLargeLayouts()
    {
        QFETCH(int, nodes);
        Document document;
        document.reset(cluster(nodes, 60));
        TopologyScene scene(&document);
        scene.setHighlightedKeys({QStringLiteral("Node/pi2")});
        const QList<NodeItem *> before = scene.nodeItems();
        for (const auto &addresses : std::vector<std::vector<std::string>>{
                 {"10.0.0.120-10.0.0.199"}, {"10.0.0.100-10.0.0.130"}, {"10.0.0.100-10.0.0.199"}}) {
            document.undoStack()->push(
                new SetPoolAddressesCommand(&document, QStringLiteral("lan-pool"), addresses));
            QCOMPARE(scene.lastUpdate(), TopologyScene::Update::Patched);
            QCOMPARE(scene.nodeItems(), before);
            compareWithRebuild(&scene, &document);
        }
        QVERIFY(scene.nodeItem(QStringLiteral("pi2"))->isHighlighted());
        QVERIFY(!scene.nodeItem(QStringLiteral("pi1"))->isHighlighted());
    }

    // An edit that moves hundreds of services makes their chips on several threads
    // (TopologyContentCollector): the patched scene is still what a rebuild shows.
    void editOfManyServicesPatchesLikeARebuild()
    {
        Document document;
        document.reset(cluster(20, 700, "10.0.4.0-10.0.7.255", "10.0.0.0/16"));
        TopologyScene scene(&document);
        for (const char *first : {"10.0.4.100", "10.0.4.0", "10.0.5.7"}) {
            document.undoStack()->push(new SetPoolAddressesCommand(
                &document, QStringLiteral("lan-pool"), {std::string(first) + "-10.0.7.255"}));
            QCOMPARE(scene.lastUpdate(), TopologyScene::Update::Patched);
            // Enough changed services for more than one part on a machine with two cores.
            QVERIFY(!document.lastChange().allServices);
            QCOMPARE(document.lastChange().services.size(), std::size_t(700));
            compareWithRebuild(&scene, &document);
        }
    }

    // The view does not save the painter's state around each item (DontSavePainterState):
    // whatever one item sets must not show in the next. Each picture is painted both ways.
    void itemsPaintTheSameWithoutSavedPainterState()
    {
        Document document;
        model::Project project = cluster(12, 40);
        project.pools.front().addresses = {"10.0.0.100-10.0.0.129"}; // ten services pending
        project.nodes[3].labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "";
        document.reset(project);
        TopologyScene scene(&document);
        TopologyView view(&scene);
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        scene.setHighlightedKeys({QStringLiteral("Node/pi2")});
        scene.nodeItem(QStringLiteral("pi5"))->setSelected(true);
        scene.serviceIpItems().constFirst()->setSelected(true);
        const auto paint = [&view](bool saved) {
            view.setOptimizationFlag(QGraphicsView::DontSavePainterState, !saved);
            return view.viewport()->grab().toImage();
        };
        int compared = 0;
        for (const qreal zoom : {1.0, 0.5, 0.06}) {
            view.setTransform(QTransform::fromScale(zoom, zoom));
            for (const QPointF &at : {scene.nodeItem(QStringLiteral("pi1"))->scenePos(),
                     scene.pendingGroup()->scenePos()}) {
                view.centerOn(at);
                const QImage saved = paint(true);
                QCOMPARE(paint(false), saved);
                ++compared;
            }
        }
        QCOMPARE(compared, 6);
        QVERIFY(view.optimizationFlags() & QGraphicsView::DontSavePainterState);
    }

    // Edits that change a few services patch only the nodes that announced them or do now
    // (Document::lastChange()); whatever the edit, the result is what a rebuild shows.
    void randomEditsPatchLikeARebuild()
    {
        Document document;
        model::Project project = cluster(14, 70);
        project.pools.front().addresses = {"10.0.0.100-10.0.0.129"};
        for (int i = 0; i < 2; ++i) {
            model::IPAddressPool pool;
            pool.name = "pool" + std::to_string(i);
            pool.addresses = {"10.0.0." + std::to_string(130 + 30 * i) + "-10.0.0."
                + std::to_string(159 + 30 * i)};
            project.pools.push_back(pool);
        }
        document.reset(project);
        TopologyScene scene(&document);
        std::mt19937 rng(3);
        const auto pick = [&](std::size_t n) { return std::size_t(rng() % n); };
        int patched = 0;
        for (int step = 0; step < 60; ++step) {
            const model::Project &now = document.project();
            switch (rng() % 7) {
            case 5: { // the overlay's port: the boxes say it, so the scene rebuilds
                model::ClusterNetwork network = now.network;
                network.vxlan.port = 8472 + int(pick(3));
                document.undoStack()->push(new SetNetworkCommand(&document, network));
                break;
            }
            case 6: { // another font: a rebuild of every item
                QFont font = scene.font();
                font.setPointSize(8 + int(pick(4)));
                scene.setFont(font);
                break;
            }
            case 0:
            case 1: {
                const auto &pool = now.pools[pick(now.pools.size())];
                const std::string first
                    = pool.addresses.front().substr(0, pool.addresses.front().find('-'));
                const std::string last = first.substr(0, first.rfind('.') + 1)
                    + std::to_string(std::stoi(first.substr(first.rfind('.') + 1)) + int(pick(30)));
                document.undoStack()->push(new SetPoolAddressesCommand(
                    &document, QString::fromStdString(pool.name), {first + "-" + last}));
                break;
            }
            case 2: {
                const auto &service = now.services[pick(now.services.size())];
                model::Service edited = service;
                edited.loadBalancerIP = pick(2) ? "10.0.0." + std::to_string(100 + pick(90)) : "";
                document.undoStack()->push(
                    new EditServiceCommand(&document, QString::fromStdString(service.namespaceName),
                        QString::fromStdString(service.name), edited));
                break;
            }
            case 3:
                document.undoStack()->undo();
                break;
            default:
                document.undoStack()->redo();
                break;
            }
            patched += scene.lastUpdate() == TopologyScene::Update::Patched;
            compareWithRebuild(&scene, &document);
        }
        QVERIFY(patched > 25);
    }

    void accessibleTexts()
    {
        Document document;
        document.reset(demo());
        TopologyScene scene(&document);
        const QString node = scene.nodeItem(QStringLiteral("node1"))->accessibleText();
        QVERIFY(node.contains(QStringLiteral("node1")));
        QVERIFY(node.contains(QStringLiteral("10.0.0.11")));
        QVERIFY(node.contains(QStringLiteral("10.42.")));
        const QString chip = scene.itemsForKey(QStringLiteral("Service/kube-system/traefik"))
                                 .constFirst()
                                 ->accessibleText();
        QVERIFY(chip.contains(QStringLiteral("10.0.0.100")));
        QVERIFY(chip.contains(QStringLiteral("traefik")));
        QVERIFY(chip.contains(QStringLiteral("picluster-pool")));
    }
};

QTEST_MAIN(TestTopologyEditing)
#include "tst_topologyediting.moc"
