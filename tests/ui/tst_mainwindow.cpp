// SPDX-License-Identifier: GPL-3.0-or-later
// The main window on the offscreen platform: the demo's topology, selection between tables,
// topology and diagnostics, undo/redo and the title, picture export, and the layout of large
// clusters.
#include "diagnostics/diagnosticswidget.h"
#include "document/document.h"
#include "mainwindow.h"
#include "document/addservicecommand.h"
#include "document/deferreddisposal.h"
#include "document/setpooladdressescommand.h"
#include "models/diagnosticmodel.h"
#include "models/nodemodel.h"
#include "models/servicemodel.h"
#include "projectfilecontroller.h"
#include "startpagewidget.h"
#include "testsettings.h"
#include "topology/lanitem.h"
#include "topology/legenditem.h"
#include "topology/nodeitem.h"
#include "topology/pendinggroupitem.h"
#include "topology/serviceipitem.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "topology/tunnelitem.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QDockWidget>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QItemSelectionModel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolTip>
#include <QGraphicsSceneHelpEvent>
#include <QTreeView>
#include <QUndoStack>
#include <QUndoView>

using namespace k3snet;

namespace {

template<typename T> QList<T *> itemsOfType(QGraphicsScene *scene)
{
    QList<T *> found;
    for (QGraphicsItem *item : scene->items())
        if (auto *t = qgraphicsitem_cast<T *>(item))
            found << t;
    return found;
}

int rowOfKey(QAbstractItemView *view, const QString &key)
{
    for (int row = 0; row < view->model()->rowCount(); ++row)
        if (view->model()->index(row, 0).data(NodeModel::ObjectKeyRole).toString() == key)
            return row;
    return -1;
}

// The demo in a main window on screen, its docks as they open.
bool showDemo(MainWindow &window)
{
    window.resize(1400, 900);
    window.files()->openDemo();
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

QStringList selectedKeys(QAbstractItemView *view)
{
    QStringList keys;
    for (const QModelIndex &index : view->selectionModel()->selectedRows())
        keys << index.data(NodeModel::ObjectKeyRole).toString();
    return keys;
}

QAction *action(MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QLatin1String(name));
}

// A project of n nodes on 10.0.0.0/24 (n <= 200), k3s defaults otherwise.
model::Project bigProject(int n)
{
    model::Project project;
    project.name = "big";
    project.network.lan.subnet = *net::Prefix::parse("10.0.0.0/24");
    project.network.lan.gateway = *net::Address::parse("10.0.0.1");
    for (int i = 0; i < n; ++i) {
        model::Node node;
        node.name = "pi" + std::to_string(i + 1);
        node.role = i < 3 ? model::NodeRole::Server : model::NodeRole::Agent;
        node.lanIP = *net::Address::parse("10.0.0." + std::to_string(20 + i));
        project.nodes.push_back(node);
    }
    return project;
}

// No two nodes overlap, and nothing else overlaps a node but its own chips and the wires.
void checkNoOverlaps(TopologyScene *scene)
{
    const auto nodes = scene->nodeItems();
    for (int i = 0; i < nodes.size(); ++i) {
        const QRectF a = nodes[i]->mapRectToScene(QRectF(QPointF(0, 0), nodes[i]->size()));
        for (int j = i + 1; j < nodes.size(); ++j) {
            const QRectF b = nodes[j]->mapRectToScene(QRectF(QPointF(0, 0), nodes[j]->size()));
            QVERIFY2(
                !a.intersects(b), qPrintable(nodes[i]->name() + " overlaps " + nodes[j]->name()));
        }
        for (QGraphicsItem *other : {static_cast<QGraphicsItem *>(scene->legendItem()),
                 static_cast<QGraphicsItem *>(scene->pendingGroup())}) {
            if (other)
                QVERIFY2(!a.intersects(other->sceneBoundingRect()), qPrintable(nodes[i]->name()));
        }
        for (auto *chip : nodes[i]->serviceIps())
            QVERIFY(a.contains(chip->sceneBoundingRect().adjusted(2, 2, -2, -2)));
    }
}


// What the topology shows as the tooltip at scenePos (the help event a resting pointer sends).
QString showToolTipAt(MainWindow &window, const QPointF &scenePos)
{
    QGraphicsView *view = window.topologyView();
    const QPoint viewportPos = view->mapFromScene(scenePos);
    QGraphicsSceneHelpEvent help(QEvent::GraphicsSceneHelp);
    help.setScenePos(scenePos);
    help.setScreenPos(view->viewport()->mapToGlobal(viewportPos));
    help.setWidget(view->viewport());
    QToolTip::hideText();
    QCoreApplication::sendEvent(view->scene(), &help);
    return QToolTip::isVisible() ? QToolTip::text() : QString();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        testsettings::isolate("tst_mainwindow");
    }

    void startsWithTheStartPage()
    {
        MainWindow window;
        QVERIFY(!window.isShowingProject());
        QVERIFY(window.startPage()->isVisibleTo(&window));
        QVERIFY(!window.windowTitle().contains(QStringLiteral("[*]")));
        QVERIFY(!action(window, "file_save")->isEnabled());
        QVERIFY(!action(window, "edit_undo")->isEnabled());
        QVERIFY(!window.topologyView()->accessibleName().isEmpty());
        for (QAction *a : window.findChildren<QAction *>(QString(), Qt::FindDirectChildrenOnly))
            QVERIFY2(!a->text().isEmpty() || a->isSeparator(), qPrintable(a->objectName()));
    }

    void demoTopology()
    {
        MainWindow window;
        window.files()->openDemo();
        QVERIFY(window.isShowingProject());
        TopologyScene *scene = window.topologyScene();
        QCOMPARE(itemsOfType<NodeItem>(scene).size(), 4);
        QCOMPARE(itemsOfType<LanItem>(scene).size(), 1);
        QCOMPARE(itemsOfType<TunnelItem>(scene).size(), 6);
        QCOMPARE(itemsOfType<LegendItem>(scene).size(), 1);
        for (auto *tunnel : scene->tunnelItems())
            QVERIFY(tunnel->isVisible());
        const QStringList names{QStringLiteral("node1"), QStringLiteral("node2"),
            QStringLiteral("node3"), QStringLiteral("node4")};
        for (const QString &a : names)
            for (const QString &b : names)
                if (a < b)
                    QCOMPARE(scene->itemsForKey(TunnelItem::keyFor(a, b)).size(), 1);

        // traefik gets 10.0.0.100, announced by node1: its chip sits inside node1's box.
        const auto traefik = scene->itemsForKey(QStringLiteral("Service/kube-system/traefik"));
        QCOMPARE(traefik.size(), 1);
        auto *chip = qgraphicsitem_cast<ServiceIpItem *>(traefik.first());
        QVERIFY(chip);
        QCOMPARE(chip->info().ip, QStringLiteral("10.0.0.100"));
        QVERIFY(!chip->info().pending);
        NodeItem *node1 = scene->nodeItem(QStringLiteral("node1"));
        QVERIFY(node1);
        QCOMPARE(chip->parentItem(), node1);
        QVERIFY(node1->sceneBoundingRect().contains(chip->sceneBoundingRect()));
        QVERIFY(chip->toolTipText().contains(QStringLiteral("picluster-pool")));
        // Chips build their tooltip only when the pointer rests on them: the scene's help
        // event is what shows it.
        QCOMPARE(showToolTipAt(window, chip->sceneBoundingRect().center()), chip->toolTipText());
        QVERIFY(QToolTip::text().contains(QStringLiteral("Announced by node1")));
        QCOMPARE(scene->itemsForKey(QStringLiteral("IPAddressPool/picluster-pool")), traefik);
        QVERIFY(!scene->pendingGroup());
        QVERIFY(node1->toolTip().contains(QStringLiteral("10.42.")));
        checkNoOverlaps(scene);
    }

    void pendingServicesAreSetApart()
    {
        MainWindow window;
        window.files()->openDemo();
        model::Project project = window.document()->project();
        model::Service extra;
        extra.namespaceName = "default";
        extra.name = "web";
        extra.type = "LoadBalancer";
        extra.loadBalancerIP = "192.168.1.5"; // in no pool
        project.services.push_back(extra);
        window.document()->reset(project);
        TopologyScene *scene = window.topologyScene();
        QVERIFY(scene->pendingGroup());
        const auto items = scene->itemsForKey(QStringLiteral("Service/default/web"));
        QCOMPARE(items.size(), 1);
        auto *chip = qgraphicsitem_cast<ServiceIpItem *>(items.first());
        QVERIFY(chip->info().pending);
        QCOMPARE(chip->parentItem(), scene->pendingGroup());
        QVERIFY(chip->toolTipText().size() > 30);
        QVERIFY(showToolTipAt(window, chip->sceneBoundingRect().center())
                    .contains(QStringLiteral("is not announced")));
        checkNoOverlaps(scene);
    }

    void selectionFollowsTablesAndTopology()
    {
        MainWindow window;
        window.files()->openDemo();
        TopologyScene *scene = window.topologyScene();
        QTableView *services = window.serviceTable();
        const QString traefik = QStringLiteral("Service/kube-system/traefik");
        const int row = rowOfKey(services, traefik);
        QVERIFY(row >= 0);
        services->selectRow(row);
        QCOMPARE(scene->selectedKeys(), QStringList{traefik});
        QVERIFY(scene->itemsForKey(traefik).first()->isSelected());

        scene->clearSelection();
        QVERIFY(selectedKeys(services).isEmpty());

        // And back: selecting the node in the topology selects its row.
        scene->nodeItem(QStringLiteral("node3"))->setSelected(true);
        QCOMPARE(selectedKeys(window.nodeTable()), QStringList{QStringLiteral("Node/node3")});
        scene->clearSelection();
        scene->itemsForKey(traefik).first()->setSelected(true);
        QCOMPARE(selectedKeys(services), QStringList{traefik});
        QVERIFY(selectedKeys(window.nodeTable()).isEmpty());

        // A pool's row selects its addresses, and so their services' rows.
        QTableView *pools = window.poolTable();
        pools->selectRow(rowOfKey(pools, QStringLiteral("IPAddressPool/picluster-pool")));
        QVERIFY(scene->itemsForKey(traefik).first()->isSelected());
        QCOMPARE(selectedKeys(services), QStringList{traefik});

        // The selection survives an edit (the scene is rebuilt).
        scene->clearSelection();
        window.nodeTable()->selectRow(rowOfKey(window.nodeTable(), QStringLiteral("Node/node2")));
        QVERIFY(scene->nodeItem(QStringLiteral("node2"))->isSelected());
        QAbstractItemModel *nodes = window.nodeTable()->model();
        const int node4 = rowOfKey(window.nodeTable(), QStringLiteral("Node/node4"));
        QVERIFY(nodes->setData(
            nodes->index(node4, NodeModel::LanIPColumn), QStringLiteral("10.0.0.24")));
        QVERIFY(scene->nodeItem(QStringLiteral("node2"))->isSelected());
        QCOMPARE(selectedKeys(window.nodeTable()), QStringList{QStringLiteral("Node/node2")});
        window.document()->undoStack()->setClean();
    }

    // The tables share one dock area as tabs: a table whose tab is not chosen does not follow
    // the document, and catches up (with the topology's selection) when its tab is.
    void hiddenTablesWaitUntilShown()
    {
        MainWindow window;
        QVERIFY(showDemo(window));
        auto *servicesDock = window.findChild<QDockWidget *>(QStringLiteral("servicesDock"));
        auto *nodesDock = window.findChild<QDockWidget *>(QStringLiteral("nodesDock"));
        QVERIFY(servicesDock && nodesDock);
        const auto modelOf = [](QTableView *view) {
            auto *proxy = qobject_cast<QAbstractProxyModel *>(view->model());
            return qobject_cast<DocumentTableModel *>(proxy ? proxy->sourceModel() : view->model());
        };
        DocumentTableModel *services = modelOf(window.serviceTable());
        DocumentTableModel *nodes = modelOf(window.nodeTable());
        QVERIFY(services && nodes);
        QTRY_VERIFY(services->isSuspended());
        QVERIFY(!nodes->isSuspended());

        // The pool loses its addresses: traefik goes pending, but its hidden row waits.
        const QString traefik = QStringLiteral("Service/kube-system/traefik");
        const auto cell = [&](int column) {
            const int row = services->rowOfKey(traefik);
            return services->index(row, column).data().toString();
        };
        const QString assigned = cell(ServiceModel::AssignedIPsColumn);
        QVERIFY(!assigned.isEmpty());
        window.document()->undoStack()->push(new SetPoolAddressesCommand(
            window.document(), QStringLiteral("picluster-pool"), {}));
        QCOMPARE(cell(ServiceModel::AssignedIPsColumn), assigned);
        QVERIFY(cell(ServiceModel::PendingReasonColumn).isEmpty());
        // A service added meanwhile has no row yet to select when the topology selects it.
        model::Service added;
        added.namespaceName = "default";
        added.name = "added-web";
        added.type = "LoadBalancer";
        window.document()->undoStack()->push(new AddServiceCommand(window.document(), added));
        const QString addedKey = QStringLiteral("Service/default/added-web");
        QCOMPARE(services->rowOfKey(addedKey), -1);
        TopologyScene *scene = window.topologyScene();
        QVERIFY(!scene->itemsForKey(addedKey).isEmpty());
        scene->itemsForKey(addedKey).first()->setSelected(true);

        servicesDock->raise();
        QTRY_VERIFY(!services->isSuspended());
        QTRY_VERIFY(nodes->isSuspended());
        QCOMPARE(cell(ServiceModel::AssignedIPsColumn), QStringLiteral("<pending>"));
        QVERIFY(!cell(ServiceModel::PendingReasonColumn).isEmpty());
        QVERIFY(services->rowOfKey(addedKey) >= 0);
        QCOMPARE(selectedKeys(window.serviceTable()), QStringList{addedKey});

        // Back to the nodes' tab, and the edit undone.
        nodesDock->raise();
        QTRY_VERIFY(!nodes->isSuspended());
        QTRY_VERIFY(services->isSuspended());
        window.document()->undoStack()->undo();
        window.document()->undoStack()->undo();
        // The services' tab, hidden again, waits: traefik is still pending there.
        QCOMPARE(cell(ServiceModel::AssignedIPsColumn), QStringLiteral("<pending>"));
        servicesDock->raise();
        QTRY_COMPARE(cell(ServiceModel::AssignedIPsColumn), assigned);
        window.document()->undoStack()->setClean();
    }

    // The undo history sits behind the diagnostics' tab: it follows the stack only when shown.
    void undoHistoryFollowsTheStackWhenShown()
    {
        MainWindow window;
        QVERIFY(showDemo(window));
        auto *history = window.findChild<QUndoView *>(QStringLiteral("undoHistory"));
        auto *historyDock = window.findChild<QDockWidget *>(QStringLiteral("undoDock"));
        QVERIFY(history && historyDock);
        QTRY_VERIFY(!history->stack());
        for (const char *range : {"10.0.0.100-10.0.0.150", "10.0.0.100-10.0.0.120"})
            window.document()->undoStack()->push(new SetPoolAddressesCommand(
                window.document(), QStringLiteral("picluster-pool"), {range}));
        historyDock->raise();
        QTRY_COMPARE(history->stack(), window.document()->undoStack());
        QCOMPARE(history->model()->rowCount(), 3); // <opened> and the two edits
        QCOMPARE(history->currentIndex().row(), 2);
        window.document()->undoStack()->undo();
        QCOMPARE(history->currentIndex().row(), 1);
        window.findChild<QDockWidget *>(QStringLiteral("diagnosticsDock"))->raise();
        QTRY_VERIFY(!history->stack());
        window.document()->undoStack()->setClean();
    }

    // What an edit replaced (the document's plan, the topology's chip contents) is freed after
    // the window's repaint, not before it: the window's update request comes first.
    void replacedContentIsFreedAfterTheRepaint()
    {
        MainWindow window;
        QVERIFY(showDemo(window));
        QCoreApplication::processEvents();
        auto *documentDisposal = window.document()->findChild<DeferredDisposal *>();
        auto *sceneDisposal = window.topologyScene()->findChild<DeferredDisposal *>();
        QVERIFY(documentDisposal && sceneDisposal);
        struct Watcher : QObject
        {
            QList<std::size_t> pendingAtRepaint;
            const DeferredDisposal *document = nullptr, *scene = nullptr;
            bool eventFilter(QObject *, QEvent *event) override
            {
                if (event->type() == QEvent::UpdateRequest)
                    pendingAtRepaint << document->pending() + scene->pending();
                return false;
            }
        } watcher;
        watcher.document = documentDisposal;
        watcher.scene = sceneDisposal;
        window.installEventFilter(&watcher);
        window.document()->undoStack()->push(new SetPoolAddressesCommand(
            window.document(), QStringLiteral("picluster-pool"), {"10.0.0.150-10.0.0.160"}));
        QCOMPARE(documentDisposal->pending(), std::size_t(1));
        QCOMPARE(sceneDisposal->pending(), std::size_t(1));
        QTRY_VERIFY(!watcher.pendingAtRepaint.isEmpty());
        QCOMPARE(watcher.pendingAtRepaint.constFirst(), std::size_t(2)); // nothing freed yet
        QTRY_COMPARE(documentDisposal->pending() + sceneDisposal->pending(), std::size_t(0));
        window.removeEventFilter(&watcher);
        window.document()->undoStack()->setClean();
    }

    void diagnosticSelectsItsObjects()
    {
        MainWindow window;
        window.files()->openDemo();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAbstractItemModel *nodes = window.nodeTable()->model();
        const int node2 = rowOfKey(window.nodeTable(), QStringLiteral("Node/node2"));
        // The gateway's address: an error about node2.
        QVERIFY(nodes->setData(
            nodes->index(node2, NodeModel::LanIPColumn), QStringLiteral("10.0.0.1")));
        QTreeView *diagnostics = window.diagnostics()->view();
        int found = -1;
        for (int row = 0; row < diagnostics->model()->rowCount(); ++row)
            if (diagnostics->model()->index(row, 0).data(DiagnosticModel::CodeRole).toString()
                == QLatin1String("node-ip-is-gateway"))
                found = row;
        QVERIFY2(found >= 0, "no node-ip-is-gateway diagnostic after the edit");
        QVERIFY(window.diagnostics()->summary().contains(QStringLiteral("error")));
        const QModelIndex index
            = diagnostics->model()->index(found, DiagnosticModel::MessageColumn);
        diagnostics->scrollTo(index);
        QTest::mouseClick(
            diagnostics->viewport(), Qt::LeftButton, {}, diagnostics->visualRect(index).center());
        QVERIFY(window.topologyScene()->nodeItem(QStringLiteral("node2"))->isSelected());
        QCOMPARE(selectedKeys(window.nodeTable()), QStringList{QStringLiteral("Node/node2")});
        window.document()->undoStack()->setClean();
    }

    // The message column wraps: a row grows when the column narrows and shrinks when it
    // widens again (the delegate keeps sizes per column width, which this would catch if not).
    void diagnosticRowsFollowTheMessageWidth()
    {
        MainWindow window;
        window.files()->openDemo();
        QAbstractItemModel *nodes = window.nodeTable()->model();
        const int node2 = rowOfKey(window.nodeTable(), QStringLiteral("Node/node2"));
        QVERIFY(nodes->setData(
            nodes->index(node2, NodeModel::LanIPColumn), QStringLiteral("10.0.0.1")));
        DiagnosticsWidget widget(window.document());
        QTreeView *view = widget.view();
        int found = -1;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            if (view->model()->index(row, 0).data(DiagnosticModel::CodeRole).toString()
                == QLatin1String("node-ip-is-gateway"))
                found = row;
        QVERIFY(found >= 0);
        const QModelIndex index = view->model()->index(found, DiagnosticModel::MessageColumn);
        const auto heightAt = [&](int width) {
            widget.resize(width, 600);
            QCoreApplication::processEvents();
            view->doItemsLayout();
            return view->visualRect(index).height();
        };
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        const int wide = heightAt(1600);
        const int narrow = heightAt(360);
        QVERIFY2(narrow > wide, qPrintable(QStringLiteral("%1 <= %2").arg(narrow).arg(wide)));
        QCOMPARE(heightAt(1600), wide);
        window.document()->undoStack()->setClean();
    }

    void undoRedoAndTitle()
    {
        MainWindow window;
        window.files()->openDemo();
        QAction *undo = action(window, "edit_undo");
        QAction *redo = action(window, "edit_redo");
        QVERIFY(!undo->isEnabled());
        QVERIFY(!redo->isEnabled());
        QVERIFY(window.windowTitle().contains(QStringLiteral("[*]")));
        QVERIFY(!window.isWindowModified());

        QAbstractItemModel *nodes = window.nodeTable()->model();
        const int node4 = rowOfKey(window.nodeTable(), QStringLiteral("Node/node4"));
        QVERIFY(
            nodes->setData(nodes->index(node4, NodeModel::NameColumn), QStringLiteral("node5")));
        QVERIFY(window.topologyScene()->nodeItem(QStringLiteral("node5")));
        QVERIFY(!window.topologyScene()->nodeItem(QStringLiteral("node4")));
        QVERIFY(undo->isEnabled());
        QVERIFY(undo->text().size() > QStringLiteral("Undo").size()); // says what it undoes
        QVERIFY(!redo->isEnabled());
        QVERIFY(window.windowTitle().contains(QStringLiteral("[*]")));
        QVERIFY(window.isWindowModified());

        undo->trigger();
        QVERIFY(window.topologyScene()->nodeItem(QStringLiteral("node4")));
        QVERIFY(!undo->isEnabled());
        QVERIFY(redo->isEnabled());
        QVERIFY(!window.isWindowModified());

        redo->trigger();
        QVERIFY(window.topologyScene()->nodeItem(QStringLiteral("node5")));
        QVERIFY(window.isWindowModified());
        window.document()->undoStack()->setClean();
        QVERIFY(!window.isWindowModified());
    }

    void closingAsksAboutUnsavedChanges()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.files()->openDemo();
        QAbstractItemModel *nodes = window.nodeTable()->model();
        QVERIFY(nodes->setData(nodes->index(0, NodeModel::RoleColumn), QStringLiteral("agent")));
        QVERIFY(window.isWindowModified());

        QString question;
        const auto answer = [&question](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [&question, button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                question = box->text();
                box->button(button)->click();
            });
        };
        answer(QMessageBox::Cancel);
        QVERIFY(!window.close());
        QVERIFY(question.contains(QStringLiteral("picluster")));
        QVERIFY(window.isVisible());
        answer(QMessageBox::Discard);
        QVERIFY(window.close());

        // The layout of the window is remembered.
        QSettings settings;
        QVERIFY(!settings.value(QStringLiteral("MainWindow/geometry")).toByteArray().isEmpty());
        QVERIFY(!settings.value(QStringLiteral("MainWindow/state")).toByteArray().isEmpty());
    }

    void importsYaml()
    {
        const QString dump = QStringLiteral(K3SNET_TEST_DATA_DIR "/kubectl-dump.yaml");
        // From the start page: a new project, unsaved.
        MainWindow window;
        QVERIFY(window.files()->importFile(dump));
        QVERIFY(window.isShowingProject());
        QVERIFY(window.isWindowModified());
        QVERIFY(!window.document()->project().services.empty());
        QVERIFY(window.topologyScene()->itemsForKey(QStringLiteral("Service/default/web")).size() >= 1);
        QTemporaryDir dir;
        QVERIFY(window.files()->saveTo(dir.filePath(QStringLiteral("imported.k3snet.yaml"))));
        QVERIFY(!window.isWindowModified());

        // Into an open project: one undoable step.
        MainWindow other;
        other.files()->openDemo();
        const auto before = other.document()->project();
        QVERIFY(other.files()->importFile(dump));
        QVERIFY(other.document()->undoStack()->canUndo());
        QVERIFY(other.document()->undoStack()->undoText().contains(QStringLiteral("kubectl-dump.yaml")));
        QVERIFY(other.topologyScene()->itemsForKey(QStringLiteral("Service/default/web")).size() >= 1);
        other.document()->undoStack()->undo();
        QVERIFY(other.document()->project() == before);
        other.document()->undoStack()->setClean();
    }

    void saveAndReopen()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("demo.k3snet.yaml"));
        {
            MainWindow window;
            window.files()->newProject();
            QVERIFY(window.isWindowModified()); // a new project was never saved
            QVERIFY(window.files()->saveTo(dir.filePath(QStringLiteral("empty.k3snet.yaml"))));
            QVERIFY(!window.isWindowModified());
            window.files()->openDemo();
            QVERIFY(!window.isWindowModified());
            QVERIFY(window.files()->saveTo(path));
            QVERIFY(!window.isWindowModified());
            QVERIFY(window.windowTitle().startsWith(QStringLiteral("demo.k3snet.yaml[*]")));
            QVERIFY(window.files()->closeProject());
            QVERIFY(!window.isShowingProject());
            QVERIFY(window.startPage()->recentList()->count() >= 1);
        }
        MainWindow window;
        QVERIFY(window.files()->openFile(path));
        QCOMPARE(window.topologyScene()->nodeItems().size(), 4);
        QCOMPARE(window.document()->filePath(), path);
    }

    void exportsPicture()
    {
        MainWindow window;
        window.files()->openDemo();
        window.topologyScene()->nodeItem(QStringLiteral("node1"))->setSelected(true);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath(QStringLiteral("topology.png"));
        const QString svg = dir.filePath(QStringLiteral("topology.svg"));
        QVERIFY(window.exportPicture(png));
        QVERIFY(window.exportPicture(svg));
        QImage image(png);
        QVERIFY(!image.isNull());
        const QRectF picture = window.topologyScene()->pictureRect();
        QVERIFY(image.width() >= int(picture.width()));
        QVERIFY(image.height() >= int(picture.height()));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QVERIFY(renderer.defaultSize().width() > 100);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("node1"));
        QVERIFY(text.contains("10.0.0.100"));
        // The selection is back after the export.
        QVERIFY(window.topologyScene()->nodeItem(QStringLiteral("node1"))->isSelected());
    }

    void zoomActions()
    {
        MainWindow window;
        window.files()->openDemo();
        TopologyView *view = window.topologyView();
        const qreal before = view->zoom();
        action(window, "view_zoom_in")->trigger();
        QVERIFY(view->zoom() > before);
        action(window, "view_zoom_out")->trigger();
        action(window, "view_zoom_out")->trigger();
        QVERIFY(view->zoom() < before);
        QCOMPARE(action(window, "view_fit")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_0));
    }

    void largeClusterLayout_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::newRow("1") << 1;
        QTest::newRow("5") << 5;
        QTest::newRow("12") << 12;
        QTest::newRow("13") << 13;
        QTest::newRow("100") << 100;
    }

    void largeClusterLayout()
    {
        QFETCH(int, nodes);
        MainWindow window;
        window.files()->openDemo();
        window.document()->reset(bigProject(nodes));
        TopologyScene *scene = window.topologyScene();
        QCOMPARE(scene->nodeItems().size(), nodes);
        QCOMPARE(scene->tunnelItems().size(), nodes * (nodes - 1) / 2);
        checkNoOverlaps(scene);
        const QRectF rect = scene->pictureRect();
        if (nodes > 5) // a grid, not one endless row
            QVERIFY2(rect.width() < 3 * rect.height(),
                qPrintable(QString::number(rect.width() / rect.height())));
        int visible = 0;
        for (auto *t : scene->tunnelItems())
            visible += t->isVisible();
        if (nodes > TopologyScene::maxNodesWithAllTunnels) {
            QCOMPARE(visible, 0);
            scene->nodeItem(QStringLiteral("pi1"))->setSelected(true);
            visible = 0;
            for (auto *t : scene->tunnelItems())
                visible += t->isVisible();
            QCOMPARE(visible, nodes - 1);
        } else {
            QCOMPARE(visible, nodes * (nodes - 1) / 2);
        }
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
