// SPDX-License-Identifier: GPL-3.0-or-later
// The add/edit dialogs return values and mark problems as the user types; the object actions
// turn those values into undo commands (Insert adds, Delete removes the selection in one undo
// step), and an edit left unchanged gives back the object exactly as it was.
#include "dialogs/l2advertisementdialog.h"
#include "dialogs/nodedialog.h"
#include "dialogs/pooldialog.h"
#include "dialogs/servicedialog.h"
#include "document/document.h"
#include "domain/io/demoproject.h"
#include "domain/io/projectfile.h"
#include "mainwindow.h"
#include "objectactions.h"
#include "projectfilecontroller.h"
#include "testsettings.h"
#include "topology/nodeitem.h"
#include "topology/topologyscene.h"
#include "widgets/validatedlineedit.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace k3snet;

namespace {

model::Project demo()
{
    return *io::loadProjectText(io::demoProjectText(), "demo").project;
}

QString saved(const Document *document)
{
    return QString::fromStdString(io::saveProjectText(document->project()));
}

void retype(ValidatedLineEdit *field, const QString &text)
{
    field->selectAll();
    QTest::keyClick(field, Qt::Key_Delete);
    QTest::keyClicks(field, text);
}

// Runs work on the dialog of type T once it is shown (exec() runs until it closes).
template<class T> void whenShown(std::function<void(T *)> work)
{
    QTimer::singleShot(0, [work] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        QVERIFY2(dialog, "the dialog did not open");
        work(dialog);
    });
}

} // namespace

class TestDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        testsettings::isolate("tst_dialogs");
    }

    void nodeDialog()
    {
        const model::Project project = demo();
        NodeDialog dialog(project);
        // The next free name and address, an agent (the cluster has its server).
        QCOMPARE(dialog.nameField()->text(), QStringLiteral("node5"));
        QCOMPARE(dialog.lanIPField()->text(), QStringLiteral("10.0.0.15"));
        QCOMPARE(dialog.roleField()->currentData().toInt(), int(model::NodeRole::Agent));
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(dialog.message().isEmpty());

        retype(dialog.nameField(), QStringLiteral("node1"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.message().contains(QStringLiteral("node1")));
        retype(dialog.nameField(), QStringLiteral("Edge-1"));
        QCOMPARE(dialog.nameField()->text(), QStringLiteral("edge-1"));
        QVERIFY(dialog.okButton()->isEnabled());

        retype(dialog.lanIPField(), QStringLiteral("10.0.0.1"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.message().contains(QStringLiteral("gateway")));
        retype(dialog.lanIPField(), QStringLiteral("10.0.1.5"));
        QVERIFY(dialog.message().contains(QStringLiteral("outside")));
        retype(dialog.lanIPField(), QStringLiteral("10.0.0.12"));
        QVERIFY(dialog.message().contains(QStringLiteral("node2")));
        retype(dialog.lanIPField(), QStringLiteral("10.0.0."));
        QVERIFY(!dialog.okButton()->isEnabled());
        QTest::keyClicks(dialog.lanIPField(), QStringLiteral("40"));
        QVERIFY(dialog.okButton()->isEnabled());

        retype(dialog.labelsField(), QStringLiteral("zone=rack1, gpu"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QTest::keyClicks(dialog.labelsField(), QStringLiteral("=yes"));
        QVERIFY(dialog.okButton()->isEnabled());
        retype(dialog.interfaceField(), QStringLiteral("wlan0"));

        const model::Node node = dialog.node();
        QCOMPARE(node.name, std::string("edge-1"));
        QCOMPARE(node.lanIP.toString(), std::string("10.0.0.40"));
        QCOMPARE(node.interface, std::string("wlan0"));
        QCOMPARE(node.labels, (model::Labels{{"gpu", "yes"}, {"zone", "rack1"}}));
    }

    void unchangedEditsGiveBackTheObject()
    {
        const model::Project project = demo();
        NodeDialog node(project, &project.nodes.front());
        QVERIFY(node.okButton()->isEnabled()); // its own name and address are not "taken"
        QVERIFY(node.node() == project.nodes.front());
        PoolDialog pool(project, &project.pools.front());
        QVERIFY(pool.okButton()->isEnabled());
        QVERIFY(pool.pool() == project.pools.front());
        const model::Service *traefik = project.findService("kube-system", "traefik");
        ServiceDialog service(project, traefik);
        QVERIFY(service.okButton()->isEnabled());
        QVERIFY(service.service() == *traefik);
    }

    void poolDialog()
    {
        const model::Project project = demo();
        PoolDialog dialog(project);
        QCOMPARE(dialog.nameField()->text(), QStringLiteral("default-pool"));
        QVERIFY(!dialog.okButton()->isEnabled()); // no addresses yet
        QTest::keyClicks(dialog.addressesField(), QStringLiteral("10.0.0.2"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(!dialog.message().isEmpty());
        QTest::keyClicks(dialog.addressesField(), QStringLiteral("10-10.0.0.220, 10.0.0.240/"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QTest::keyClicks(dialog.addressesField(), QStringLiteral("28"));
        QVERIFY(dialog.okButton()->isEnabled());
        dialog.avoidBuggyIPsField()->setChecked(true);
        const model::IPAddressPool pool = dialog.pool();
        QCOMPARE(
            pool.addresses, (std::vector<std::string>{"10.0.0.210-10.0.0.220", "10.0.0.240/28"}));
        QVERIFY(!pool.autoAssign.has_value()); // left at its default: not written
        QCOMPARE(pool.avoidBuggyIPs, std::optional<bool>(true));
        retype(dialog.nameField(), QStringLiteral("picluster-pool"));
        QVERIFY(!dialog.okButton()->isEnabled());
    }

    void serviceDialog()
    {
        const model::Project project = demo();
        ServiceDialog dialog(project);
        QCOMPARE(dialog.namespaceField()->text(), QStringLiteral("default"));
        QVERIFY(!dialog.okButton()->isEnabled()); // no name, no ports
        QTest::keyClicks(dialog.nameField(), QStringLiteral("traefik"));
        QTest::keyClicks(dialog.portsField(), QStringLiteral("80/TCP, 53/udp"));
        QVERIFY(dialog.okButton()->isEnabled());
        // Another namespace makes the name taken.
        retype(dialog.namespaceField(), QStringLiteral("kube-system"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.message().contains(QStringLiteral("kube-system/traefik")));
        retype(dialog.nameField(), QStringLiteral("grafana"));
        QVERIFY(dialog.okButton()->isEnabled());
        QTest::keyClicks(dialog.requestedIPsField(), QStringLiteral("10.0.0.150"));
        dialog.poolField()->setCurrentIndex(
            dialog.poolField()->findData(QStringLiteral("picluster-pool")));
        dialog.trafficPolicyField()->setCurrentIndex(1);

        const model::Service service = dialog.service();
        QCOMPARE(service.key(), std::string("kube-system/grafana"));
        QCOMPARE(service.type, std::string("LoadBalancer"));
        QCOMPARE(service.ports.size(), std::size_t(2));
        QCOMPARE(service.ports[1].protocol, std::string("UDP"));
        QCOMPARE(service.annotations.at("metallb.io/loadBalancerIPs"), std::string("10.0.0.150"));
        QCOMPARE(service.annotations.at("metallb.io/address-pool"), std::string("picluster-pool"));
        QCOMPARE(service.externalTrafficPolicy, std::string("Local"));
    }

    void l2AdvertisementDialog()
    {
        const model::Project project = demo();
        L2AdvertisementDialog dialog(project);
        QCOMPARE(dialog.nameField()->text(), QStringLiteral("l2"));
        retype(dialog.nameField(), QStringLiteral("example"));
        QVERIFY(!dialog.okButton()->isEnabled());
        retype(dialog.nameField(), QStringLiteral("edge"));
        dialog.poolField()->setCurrentIndex(0); // every pool
        QVERIFY(dialog.okButton()->isEnabled());
        const model::L2Advertisement ad = dialog.advertisement();
        QCOMPARE(ad.name, std::string("edge"));
        QVERIFY(ad.ipAddressPools.empty());
    }

    void addThroughTheActions()
    {
        MainWindow window;
        window.files()->openDemo();
        ObjectActions *actions = window.objectActions();
        QCOMPARE(actions->addAction()->shortcut(), QKeySequence(Qt::Key_Insert));
        QCOMPARE(actions->deleteAction()->shortcut(), QKeySequence(QKeySequence::Delete));
        QVERIFY(actions->addNodeAction()->isEnabled());
        QSignalSpy added(actions, &ObjectActions::objectAdded);

        whenShown<NodeDialog>([](NodeDialog *dialog) {
            retype(dialog->nameField(), QStringLiteral("node5"));
            dialog->okButton()->click();
        });
        QVERIFY(actions->addObject(QStringLiteral("Node")));
        QVERIFY(window.document()->project().findNode("node5"));
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.at(0).at(0).toString(), QStringLiteral("Node/node5"));
        QVERIFY(window.topologyScene()->nodeItem(QStringLiteral("node5"))->isSelected());
        QCOMPARE(window.document()->undoStack()->undoText(), QStringLiteral("Add node node5"));

        // Cancelled: nothing happens.
        whenShown<PoolDialog>([](PoolDialog *dialog) { dialog->reject(); });
        QVERIFY(!actions->addObject(QStringLiteral("IPAddressPool")));
        QCOMPARE(window.document()->undoStack()->count(), 1);

        // The L2 advertisement is added and shown in the editor.
        QSignalSpy editRequested(actions, &ObjectActions::l2EditRequested);
        whenShown<L2AdvertisementDialog>([](L2AdvertisementDialog *dialog) {
            retype(dialog->nameField(), QStringLiteral("edge"));
            dialog->okButton()->click();
        });
        QVERIFY(actions->addObject(QStringLiteral("L2Advertisement")));
        QCOMPARE(editRequested.size(), 1);
        QCOMPARE(window.document()->project().l2Advertisements.size(), std::size_t(2));
        window.document()->undoStack()->setClean();
    }

    void editThroughTheActions()
    {
        MainWindow window;
        window.files()->openDemo();
        whenShown<PoolDialog>([](PoolDialog *dialog) {
            retype(dialog->addressesField(), QStringLiteral("10.0.0.100-10.0.0.150"));
            dialog->okButton()->click();
        });
        QVERIFY(window.objectActions()->editObject(QStringLiteral("IPAddressPool/picluster-pool")));
        QCOMPARE(window.document()->project().pools.front().addresses,
            std::vector<std::string>{"10.0.0.100-10.0.0.150"});
        window.document()->undoStack()->setClean();
    }

    void removeSelectionInOneStep()
    {
        MainWindow window;
        window.files()->openDemo();
        const QString before = saved(window.document());
        ObjectActions *actions = window.objectActions();
        // Keys that name nothing removable (a tunnel, the legend) are skipped.
        QCOMPARE(actions->removeObjects(
                     {QStringLiteral("Node/node2"), QStringLiteral("Service/kube-system/traefik"),
                         QStringLiteral("Legend"), QStringLiteral("Tunnel/node1~node3")}),
            2);
        QVERIFY(!window.document()->project().findNode("node2"));
        QVERIFY(!window.document()->project().findService("kube-system", "traefik"));
        QCOMPARE(window.document()->undoStack()->count(), 1);
        QVERIFY(window.document()->undoStack()->undoText().contains(QStringLiteral("2")));
        window.document()->undoStack()->undo();
        QCOMPARE(saved(window.document()), before);

        // Delete acts on the topology's selection when no table has the focus.
        window.topologyScene()->nodeItem(QStringLiteral("node3"))->setSelected(true);
        QVERIFY(actions->deleteAction()->isEnabled());
        actions->deleteAction()->trigger();
        QVERIFY(!window.document()->project().findNode("node3"));
        QCOMPARE(window.document()->undoStack()->undoText(), QStringLiteral("Remove node node3"));
        window.document()->undoStack()->setClean();
    }

    void contextMenu()
    {
        MainWindow window;
        window.files()->openDemo();
        QMenu *menu = window.objectActions()->contextMenu(
            {QStringLiteral("Node"), {QStringLiteral("Node/node1"), QStringLiteral("Node/node2")}},
            &window);
        QStringList texts;
        for (QAction *a : menu->actions())
            if (!a->isSeparator())
                texts << a->text().remove(QLatin1Char('&'));
        QVERIFY(texts.contains(QStringLiteral("Edit…")));
        QVERIFY(texts.contains(QStringLiteral("Delete 2 Objects")));
        QVERIFY(texts.contains(QStringLiteral("Add Pool…")));
        delete menu;
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
