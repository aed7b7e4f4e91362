// SPDX-License-Identifier: GPL-3.0-or-later
// The L2 advertisement editor in the main window: its models pass QAbstractItemModelTester;
// each edit (node selector chips, pools by name and by labels, interfaces, a rename) is one
// undoable command that updates the models, the announcer preview (the shared election's
// ranking) and the topology's highlighted nodes; undoing every step and redoing them restores
// the saved project text exactly at each step.
#include "document/document.h"
#include "domain/election/announcer.h"
#include "domain/io/demoproject.h"
#include "domain/io/projectfile.h"
#include "l2/l2advertisementeditor.h"
#include "l2/labelchip.h"
#include "l2/selectoreditor.h"
#include "l2/selectorlisteditor.h"
#include "mainwindow.h"
#include "models/announcerpreviewmodel.h"
#include "models/l2nodematchmodel.h"
#include "models/poolchoicemodel.h"
#include "projectfilecontroller.h"
#include "testsettings.h"
#include "topology/nodeitem.h"
#include "topology/topologyscene.h"
#include "widgets/validatedlineedit.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDockWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace k3snet;

namespace {

// The demo with labels to select by: node1 and node2 in zone a, node3 in zone b, node4 in
// none; a second pool (labelled tier=edge) that the demo's advertisement does not name, and a
// service asking for it.
model::Project labelledDemo()
{
    model::Project p = *io::loadProjectText(io::demoProjectText(), "demo").project;
    p.nodes[0].labels["zone"] = "a";
    p.nodes[1].labels["zone"] = "a";
    p.nodes[2].labels["zone"] = "b";
    model::IPAddressPool edge;
    edge.name = "edge-pool";
    edge.labels["tier"] = "edge";
    edge.addresses = {"10.0.0.210-10.0.0.220"};
    p.pools.push_back(edge);
    model::Service web;
    web.namespaceName = "default";
    web.name = "web";
    web.type = "LoadBalancer";
    web.ports.push_back({"http", "TCP", 80, 0});
    web.annotations["metallb.io/address-pool"] = "edge-pool";
    p.services.push_back(web);
    return p;
}

QString saved(const Document *document)
{
    return QString::fromStdString(io::saveProjectText(document->project()));
}

int rowOf(const QAbstractItemModel *model, const QString &key)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(Qt::UserRole + 1).toString() == key)
            return row;
    return -1;
}

QStringList highlighted(TopologyScene *scene)
{
    QStringList names;
    for (NodeItem *node : scene->nodeItems())
        if (node->isHighlighted())
            names << node->name();
    return names;
}

void type(ValidatedLineEdit *field, const QString &text)
{
    field->setFocus();
    field->selectAll();
    QTest::keyClick(field, Qt::Key_Delete);
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

} // namespace

class TestL2Editor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        testsettings::isolate("tst_l2editor");
    }

    void editsPreviewAndUndo()
    {
        MainWindow window;
        window.files()->openDemo();
        Document *document = window.document();
        document->reset(labelledDemo());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        L2AdvertisementEditor *editor = window.l2Editor();
        QVERIFY(editor->isSuspended()); // tabbed behind the tables
        window.l2EditorDock()->raise();
        QTRY_VERIFY(!editor->isSuspended());

        QAbstractItemModelTester poolTester(editor->poolModel());
        QAbstractItemModelTester nodeTester(editor->nodeModel());
        QAbstractItemModelTester previewTester(editor->previewModel());
        TopologyScene *scene = window.topologyScene();
        QUndoStack *stack = document->undoStack();
        QStringList texts{saved(document)};
        const auto step = [&] { texts << saved(document); };

        QCOMPARE(editor->advertisement(), QStringLiteral("example"));
        QCOMPARE(editor->chooser()->currentText(), QStringLiteral("example"));
        PoolChoiceModel *pools = editor->poolModel();
        const QModelIndex picluster
            = pools->index(rowOf(pools, QStringLiteral("IPAddressPool/picluster-pool")), 0);
        const QModelIndex edge
            = pools->index(rowOf(pools, QStringLiteral("IPAddressPool/edge-pool")), 0);
        QCOMPARE(picluster.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(edge.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QCOMPARE(editor->nodeModel()->matchedKeys().size(), 4);
        QCOMPARE(highlighted(scene).size(), 4);

        // The preview: traefik's address with the announcer the shared election ranks first.
        AnnouncerPreviewModel *preview = editor->previewModel();
        QCOMPARE(preview->rowCount(), 1); // web's pool is not advertised by "example"
        const QString ip
            = preview->index(0, AnnouncerPreviewModel::AddressColumn).data().toString();
        QCOMPARE(ip, QStringLiteral("10.0.0.100"));
        const auto rankedAll
            = election::rankAnnouncers({"node1", "node2", "node3", "node4"}, ip.toStdString());
        QCOMPARE(preview->index(0, AnnouncerPreviewModel::AnnouncerColumn).data().toString(),
            QString::fromStdString(rankedAll.front()));

        // A node selector chip: zone=a.
        SelectorListEditor *nodeSelectors = editor->nodeSelectors();
        type(nodeSelectors->rows().constFirst()->input(), QStringLiteral("zone=a"));
        step();
        const auto *ad = &document->project().l2Advertisements.front();
        QCOMPARE(ad->nodeSelectors.size(), std::size_t(1));
        QCOMPARE(ad->nodeSelectors.front().matchLabels, (model::Labels{{"zone", "a"}}));
        QCOMPARE(stack->undoText(), QStringLiteral("Change node selectors of example"));
        QCOMPARE(editor->nodeModel()->matchedKeys(),
            (QStringList{QStringLiteral("Node/node1"), QStringLiteral("Node/node2")}));
        QCOMPARE(
            highlighted(scene), (QStringList{QStringLiteral("node1"), QStringLiteral("node2")}));
        QCOMPARE(nodeSelectors->rows().constFirst()->chips().size(), 1);
        const auto rankedA = election::rankAnnouncers({"node1", "node2"}, ip.toStdString());
        QCOMPARE(preview->index(0, AnnouncerPreviewModel::AnnouncerColumn).data().toString(),
            QString::fromStdString(rankedA.front()));
        QCOMPARE(preview->index(0, 0).data(AnnouncerPreviewModel::RankedNodesRole).toStringList(),
            (QStringList{QString::fromStdString(rankedA[0]), QString::fromStdString(rankedA[1])}));

        // An alternative selector: or zone in (b).
        nodeSelectors->addAlternativeButton()->click();
        QCOMPARE(nodeSelectors->rows().size(), 2);
        type(nodeSelectors->rows().at(1)->input(), QStringLiteral("zone in (b)"));
        step();
        QCOMPARE(document->project().l2Advertisements.front().nodeSelectors.size(), std::size_t(2));
        QCOMPARE(editor->nodeModel()->matchedKeys().size(), 3);
        QCOMPARE(highlighted(scene).size(), 3);

        // Removing the first selector's only chip drops that selector.
        nodeSelectors->rows().constFirst()->chips().constFirst()->removeButton()->click();
        step();
        QCOMPARE(document->project().l2Advertisements.front().nodeSelectors.size(), std::size_t(1));
        QCOMPARE(editor->nodeModel()->matchedKeys(), QStringList{QStringLiteral("Node/node3")});
        QCOMPARE(preview->index(0, AnnouncerPreviewModel::AnnouncerColumn).data().toString(),
            QStringLiteral("node3"));
        QCOMPARE(preview->index(0, AnnouncerPreviewModel::FallbacksColumn).data().toString(),
            QStringLiteral("none"));

        // A pool by name: edge-pool, and web's address appears in the preview.
        QVERIFY(pools->setData(edge, Qt::Checked, Qt::CheckStateRole));
        step();
        QCOMPARE(document->project().l2Advertisements.front().ipAddressPools,
            (std::vector<std::string>{"picluster-pool", "edge-pool"}));
        QCOMPARE(preview->rowCount(), 2);
        QVERIFY(rowOf(preview, QStringLiteral("Service/default/web")) >= 0);
        QVERIFY(stack->undoText().contains(QStringLiteral("edge-pool")));

        // Pools by label: tier=edge.
        type(editor->poolSelectors()->rows().constFirst()->input(), QStringLiteral("tier=edge"));
        step();
        QCOMPARE(document->project().l2Advertisements.front().ipAddressPoolSelectors.size(),
            std::size_t(1));

        // Interfaces.
        type(editor->interfacesField(), QStringLiteral("eth0, wlan0"));
        step();
        QCOMPARE(document->project().l2Advertisements.front().interfaces,
            (std::vector<std::string>{"eth0", "wlan0"}));

        // A rename: the editor stays on the advertisement.
        type(editor->nameField(), QStringLiteral("edge-l2"));
        step();
        QCOMPARE(document->project().l2Advertisements.front().name, std::string("edge-l2"));
        QCOMPARE(editor->advertisement(), QStringLiteral("edge-l2"));
        QCOMPARE(editor->chooser()->currentText(), QStringLiteral("edge-l2"));

        // Undo restores every step exactly, back to the start; redo replays them.
        QCOMPARE(stack->count(), texts.size() - 1);
        for (int i = int(texts.size()) - 2; i >= 0; --i) {
            stack->undo();
            QCOMPARE(saved(document), texts.at(i));
        }
        QCOMPARE(editor->advertisement(), QStringLiteral("example"));
        QCOMPARE(editor->nodeModel()->matchedKeys().size(), 4);
        QCOMPARE(highlighted(scene).size(), 4);
        for (int i = 1; i < texts.size(); ++i) {
            stack->redo();
            QCOMPARE(saved(document), texts.at(i));
        }
        QCOMPARE(editor->advertisement(), QStringLiteral("edge-l2"));
        QCOMPARE(editor->nodeModel()->matchedKeys(), QStringList{QStringLiteral("Node/node3")});
        stack->setClean();
    }

    void hiddenEditorMarksNothing()
    {
        MainWindow window;
        window.files()->openDemo();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.l2EditorDock()->raise();
        QTRY_VERIFY(!window.l2Editor()->isSuspended());
        QCOMPARE(highlighted(window.topologyScene()).size(), 4);
        window.l2EditorDock()->close();
        QTRY_VERIFY(window.l2Editor()->isSuspended());
        QVERIFY(highlighted(window.topologyScene()).isEmpty());
    }

    void removeAndAddFromTheEditor()
    {
        MainWindow window;
        window.files()->openDemo();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.l2EditorDock()->raise();
        QTRY_VERIFY(!window.l2Editor()->isSuspended());
        L2AdvertisementEditor *editor = window.l2Editor();
        const QString before = saved(window.document());
        Q_EMIT editor->removeRequested(editor->advertisement());
        QVERIFY(window.document()->project().l2Advertisements.empty());
        QVERIFY(editor->advertisement().isEmpty());
        window.document()->undoStack()->undo();
        QCOMPARE(saved(window.document()), before);
        QCOMPARE(editor->advertisement(), QStringLiteral("example"));
        window.document()->undoStack()->setClean();
    }
};

QTEST_MAIN(TestL2Editor)
#include "tst_l2editor.moc"
