// SPDX-License-Identifier: GPL-3.0-or-later
// The item models over the document: every one under QAbstractItemModelTester while the
// document is edited, undone, redone and reset; fine-grained change signals; edits through
// setData become commands, and invalid input is refused with a reason.
#include "document/addl2advertisementcommand.h"
#include "document/addnodecommand.h"
#include "document/addpoolcommand.h"
#include "document/addservicecommand.h"
#include "document/document.h"
#include "document/editnodecommand.h"
#include "document/removenodecommand.h"
#include "document/removepoolcommand.h"
#include "document/removeservicecommand.h"
#include "document/setnetworkcommand.h"
#include "document/setpooladdressescommand.h"
#include "documenttestutil.h"
#include "models/diagnosticmodel.h"
#include "models/l2advertisementmodel.h"
#include "models/nodemodel.h"
#include "models/poolmodel.h"
#include "models/servicemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace k3snet;
using namespace documenttest;

namespace {

// All five models over one document, each watched by a tester that fails the test on any
// broken model contract.
struct Models
{
    explicit Models(Document *doc)
        : nodes(doc)
        , pools(doc)
        , l2(doc)
        , services(doc)
        , diagnostics(doc)
    {
        for (QAbstractItemModel *m : all())
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                m, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
    QList<QAbstractItemModel *> all() { return {&nodes, &pools, &l2, &services, &diagnostics}; }
    NodeModel nodes;
    PoolModel pools;
    L2AdvertisementModel l2;
    ServiceModel services;
    DiagnosticModel diagnostics;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
};

QString cell(const QAbstractItemModel &m, int row, int column, int role = Qt::DisplayRole)
{
    return m.data(m.index(row, column), role).toString();
}

QStringList keys(const QAbstractItemModel &m, int role)
{
    QStringList out;
    for (int row = 0; row < m.rowCount(); ++row)
        out << m.data(m.index(row, 0), role).toString();
    return out;
}

// The rows match the project, object for object.
void verifyRows(const Document &doc, Models &m)
{
    const auto &p = doc.project();
    QCOMPARE(m.nodes.rowCount(), int(p.nodes.size()));
    QCOMPARE(m.pools.rowCount(), int(p.pools.size()));
    QCOMPARE(m.l2.rowCount(), int(p.l2Advertisements.size()));
    QCOMPARE(m.services.rowCount(), int(p.services.size()));
    QCOMPARE(m.diagnostics.rowCount(), int(doc.plan().diagnostics.size()));
    QStringList expected;
    for (const auto &n : p.nodes)
        expected << QStringLiteral("Node/") + QString::fromStdString(n.name);
    QCOMPARE(keys(m.nodes, NodeModel::ObjectKeyRole), expected);
    expected.clear();
    for (const auto &s : p.services)
        expected << QStringLiteral("Service/") + QString::fromStdString(s.key());
    QCOMPARE(keys(m.services, ServiceModel::ObjectKeyRole), expected);
    for (int row = 0; row < m.pools.rowCount(); ++row)
        QCOMPARE(m.pools.rowOfKey(m.pools.keyOfRow(row)), row);
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void editUndoRedoReset()
    {
        Document doc;
        doc.openDemo();
        Models m(&doc);
        verifyRows(doc, m);
        auto *stack = doc.undoStack();

        const QList<std::function<QUndoCommand *()>> edits = {
            [&] { return new AddNodeCommand(&doc, newNode("node5", "10.0.0.15")); },
            [&] { return new RemoveNodeCommand(&doc, QStringLiteral("node2")); },
            [&] {
                model::Node n = *doc.project().findNode("node1");
                n.name = "pi1";
                return new EditNodeCommand(&doc, QStringLiteral("node1"), n);
            },
            [&] { return new AddPoolCommand(&doc, newPool("lab", "10.0.0.210-10.0.0.220")); },
            // Overlaps the demo's pool: diagnostics appear.
            [&] { return new AddPoolCommand(&doc, newPool("clash", "10.0.0.150/30")); },
            [&] { return new AddServiceCommand(&doc, loadBalancer("web", "10.0.0.215")); },
            [&] { return new AddServiceCommand(&doc, loadBalancer("db", "10.0.0.180")); },
            [&] {
                return new SetPoolAddressesCommand(
                    &doc, QStringLiteral("picluster-pool"), {"10.0.0.100-10.0.0.105"});
            },
            [&] {
                model::L2Advertisement ad;
                ad.name = "arm";
                ad.nodeSelectors = {model::LabelSelector{{{"kubernetes.io/arch", "arm64"}}, {}}};
                return new AddL2AdvertisementCommand(&doc, ad);
            },
            [&] {
                return new RemoveServiceCommand(
                    &doc, QStringLiteral("default"), QStringLiteral("kubernetes"));
            },
            [&] { return new RemovePoolCommand(&doc, QStringLiteral("picluster-pool")); },
            [&] {
                auto network = doc.project().network;
                network.nodeCIDRMaskSize = 26;
                return new SetNetworkCommand(&doc, network);
            },
        };
        for (const auto &edit : edits) {
            stack->push(edit());
            verifyRows(doc, m);
        }
        QCOMPARE(stack->count(), edits.size());
        while (stack->canUndo()) {
            stack->undo();
            verifyRows(doc, m);
        }
        while (stack->canRedo()) {
            stack->redo();
            verifyRows(doc, m);
        }
        doc.reset(model::Project());
        verifyRows(doc, m);
        doc.openDemo();
        verifyRows(doc, m);
    }

    // Views keep their selection: adding a node inserts a row, editing one changes data.
    void fineGrainedSignals()
    {
        Document doc;
        doc.openDemo();
        Models m(&doc);
        QSignalSpy reset(&m.nodes, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&m.nodes, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&m.nodes, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&m.nodes, &QAbstractItemModel::dataChanged);

        doc.undoStack()->push(new AddNodeCommand(&doc, newNode("node5", "10.0.0.15")));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.last().at(1).toInt(), 4);
        doc.undoStack()->push(new RemoveNodeCommand(&doc, QStringLiteral("node2")));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.last().at(1).toInt(), 1);
        changed.clear();
        model::Node n = *doc.project().findNode("node3");
        n.name = "pi3";
        doc.undoStack()->push(new EditNodeCommand(&doc, QStringLiteral("node3"), n));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell(m.nodes, 1, NodeModel::NameColumn), QStringLiteral("pi3"));
        QCOMPARE(cell(m.nodes, 1, NodeModel::PodSubnetColumn), QStringLiteral("10.42.2.0/24"));
        QCOMPARE(reset.count(), 0);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(reset.count(), 0);
        // Other objects altogether: a reset.
        model::Project other;
        other.nodes = {newNode("a", "10.0.0.21"), newNode("b", "10.0.0.22")};
        doc.reset(other);
        QCOMPARE(reset.count(), 1);
        // All of them gone: their rows are removed.
        doc.reset(model::Project());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(removed.last().at(1).toInt(), 0);
        QCOMPARE(removed.last().at(2).toInt(), 1);
    }

    void planColumns()
    {
        Document doc;
        doc.openDemo();
        Models m(&doc);
        QCOMPARE(cell(m.nodes, 0, NodeModel::NameColumn), QStringLiteral("node1"));
        QCOMPARE(cell(m.nodes, 0, NodeModel::RoleColumn, Qt::EditRole), QStringLiteral("server"));
        QCOMPARE(cell(m.nodes, 0, NodeModel::LanIPColumn), QStringLiteral("10.0.0.11"));
        QCOMPARE(cell(m.nodes, 1, NodeModel::PodSubnetColumn), QStringLiteral("10.42.1.0/24"));
        QCOMPARE(cell(m.nodes, 1, NodeModel::VtepAddressColumn), QStringLiteral("10.42.1.0"));
        QCOMPARE(cell(m.nodes, 1, NodeModel::InterfaceColumn), QStringLiteral("eth0"));
        QVERIFY(!cell(m.nodes, 1, NodeModel::VtepMACColumn).isEmpty());

        QCOMPARE(cell(m.pools, 0, PoolModel::NameColumn), QStringLiteral("picluster-pool"));
        QCOMPARE(cell(m.pools, 0, PoolModel::NameColumn, PoolModel::ObjectKeyRole),
            QStringLiteral("IPAddressPool/picluster-pool"));
        QCOMPARE(
            cell(m.pools, 0, PoolModel::AddressesColumn), QStringLiteral("10.0.0.100-10.0.0.200"));
        QCOMPARE(
            m.pools.data(m.pools.index(0, PoolModel::AutoAssignColumn), Qt::CheckStateRole).toInt(),
            int(Qt::Checked));
        QCOMPARE(cell(m.pools, 0, PoolModel::SizeColumn), QStringLiteral("101"));
        QCOMPARE(cell(m.pools, 0, PoolModel::AssignedColumn), QStringLiteral("1"));
        QCOMPARE(cell(m.pools, 0, PoolModel::AvailableColumn), QStringLiteral("100"));

        QCOMPARE(
            cell(m.l2, 0, L2AdvertisementModel::PoolsColumn), QStringLiteral("picluster-pool"));
        QCOMPARE(cell(m.l2, 0, L2AdvertisementModel::MatchingNodesColumn),
            QStringLiteral("node1, node2, node3, node4"));

        const int traefik = m.services.rowOfKey(QStringLiteral("Service/kube-system/traefik"));
        QCOMPARE(traefik, 3);
        QCOMPARE(cell(m.services, traefik, ServiceModel::AssignedIPsColumn),
            QStringLiteral("10.0.0.100"));
        QCOMPARE(
            cell(m.services, traefik, ServiceModel::PoolColumn), QStringLiteral("picluster-pool"));
        QCOMPARE(cell(m.services, traefik, ServiceModel::PortsColumn),
            QStringLiteral("80/TCP, 443/TCP"));
        QVERIFY(!cell(m.services, traefik, ServiceModel::AnnouncerColumn).isEmpty());
        QCOMPARE(
            cell(m.services, traefik, ServiceModel::FallbacksColumn).count(QLatin1Char(',')), 2);

        // A service asking for an address outside the pool is pending, and says why.
        doc.undoStack()->push(new AddServiceCommand(&doc, loadBalancer("web", "10.0.0.250")));
        const int web = m.services.rowOfKey(QStringLiteral("Service/default/web"));
        QVERIFY(web >= 0);
        QVERIFY(m.services.data(m.services.index(web, 0), ServiceModel::PendingRole).toBool());
        QCOMPARE(
            cell(m.services, web, ServiceModel::RequestedIPColumn), QStringLiteral("10.0.0.250"));
        QVERIFY(!cell(m.services, web, ServiceModel::PendingReasonColumn).isEmpty());

        // Diagnostics name their objects by the same keys as the other models.
        doc.undoStack()->push(new AddPoolCommand(&doc, newPool("clash", "10.0.0.150/30")));
        bool found = false;
        for (int row = 0; row < m.diagnostics.rowCount(); ++row) {
            const QModelIndex index = m.diagnostics.index(row, DiagnosticModel::CodeColumn);
            if (index.data().toString() != QLatin1String("pool-overlap"))
                continue;
            found = true;
            const QStringList refs = index.data(DiagnosticModel::ObjectRefsRole).toStringList();
            QVERIFY2(refs.contains(QStringLiteral("IPAddressPool/clash")),
                qPrintable(refs.join(QLatin1Char(' '))));
            QVERIFY(refs.contains(index.data(DiagnosticModel::ObjectKeyRole).toString()));
            QCOMPARE(
                index.data(DiagnosticModel::SeverityRole).toInt(), int(rules::Severity::Error));
            QCOMPARE(
                cell(m.diagnostics, row, DiagnosticModel::SeverityColumn), QStringLiteral("Error"));
        }
        QVERIFY(found);
    }

    void poolSetData_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<int>("role");
        QTest::addColumn<QString>("undoText");
        QTest::addColumn<QString>("shown");

        QTest::newRow("addresses")
            << int(PoolModel::AddressesColumn)
            << QVariant(QStringLiteral(" 10.0.0.100-10.0.0.150,10.0.0.160/29 "))
            << int(Qt::EditRole) << "Change addresses of pool picluster-pool"
            << "10.0.0.100-10.0.0.150, 10.0.0.160/29";
        QTest::newRow("rename") << int(PoolModel::NameColumn) << QVariant(QStringLiteral("main"))
                                << int(Qt::EditRole) << "Rename pool picluster-pool to main"
                                << "main";
        QTest::newRow("auto-assign off")
            << int(PoolModel::AutoAssignColumn) << QVariant(int(Qt::Unchecked))
            << int(Qt::CheckStateRole) << "Edit pool picluster-pool"
            << "";
        QTest::newRow("avoid buggy") << int(PoolModel::AvoidBuggyIPsColumn) << QVariant(true)
                                     << int(Qt::EditRole) << "Edit pool picluster-pool"
                                     << "";
        QTest::newRow("priority") << int(PoolModel::PriorityColumn) << QVariant(QStringLiteral("5"))
                                  << int(Qt::EditRole) << "Edit pool picluster-pool"
                                  << "5";
        QTest::newRow("namespaces")
            << int(PoolModel::NamespacesColumn) << QVariant(QStringLiteral("default kube-system"))
            << int(Qt::EditRole) << "Edit pool picluster-pool"
            << "default, kube-system";
    }

    // An edit through the pool model is one command on the stack; undo restores the project.
    void poolSetData()
    {
        QFETCH(int, column);
        QFETCH(QVariant, value);
        QFETCH(int, role);
        QFETCH(QString, undoText);
        QFETCH(QString, shown);
        Document doc;
        doc.openDemo();
        Models m(&doc);
        const model::Project before = doc.project();
        QSignalSpy rejected(&m.pools, &PoolModel::editRejected);

        QVERIFY(m.pools.setData(m.pools.index(0, column), value, role));
        QCOMPARE(rejected.count(), 0);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.undoStack()->undoText(), undoText);
        QVERIFY(!(doc.project() == before));
        if (!shown.isEmpty())
            QCOMPARE(cell(m.pools, 0, column), shown);
        if (column == PoolModel::NameColumn)
            QCOMPARE(cell(m.l2, 0, L2AdvertisementModel::PoolsColumn), QStringLiteral("main"));
        if (role == Qt::CheckStateRole)
            QCOMPARE(m.pools.data(m.pools.index(0, column), role).toInt(), value.toInt());

        // The same value again changes nothing and adds no step.
        QVERIFY(m.pools.setData(m.pools.index(0, column), value, role));
        QCOMPARE(doc.undoStack()->count(), 1);

        doc.undoStack()->undo();
        QVERIFY(doc.project() == before);
        verifyRows(doc, m);
    }

    void poolSetDataRefused_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("reason"); // a part of the reason given

        QTest::newRow("no addresses") << int(PoolModel::AddressesColumn) << " , "
                                      << "at least one";
        QTest::newRow("bad octet") << int(PoolModel::AddressesColumn) << "10.0.0.100-10.0.0.300"
                                   << "10.0.0.300";
        QTest::newRow("not an address")
            << int(PoolModel::AddressesColumn) << "10.0.0.100/32, banana"
            << "banana";
        QTest::newRow("backwards") << int(PoolModel::AddressesColumn) << "10.0.0.200-10.0.0.100"
                                   << "10.0.0.200";
        QTest::newRow("empty name") << int(PoolModel::NameColumn) << "  "
                                    << "name";
        QTest::newRow("bad name") << int(PoolModel::NameColumn) << "Bad_Name"
                                  << "Bad_Name";
        QTest::newRow("taken name") << int(PoolModel::NameColumn) << "lab"
                                    << "already";
        QTest::newRow("priority") << int(PoolModel::PriorityColumn) << "high"
                                  << "high";
        QTest::newRow("namespace") << int(PoolModel::NamespacesColumn) << "default, kube.system"
                                   << "kube.system";
    }

    void poolSetDataRefused()
    {
        QFETCH(int, column);
        QFETCH(QString, value);
        QFETCH(QString, reason);
        Document doc;
        doc.openDemo();
        doc.reset([&] {
            auto p = doc.project();
            p.pools.push_back(newPool("lab", "10.0.0.210-10.0.0.220"));
            return p;
        }());
        Models m(&doc);
        const model::Project before = doc.project();
        QSignalSpy rejected(&m.pools, &PoolModel::editRejected);

        const QModelIndex index = m.pools.index(0, column);
        QVERIFY(!m.pools.setData(index, value, Qt::EditRole));
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(rejected.last().at(0).toModelIndex(), index);
        const QString given = rejected.last().at(1).toString();
        QVERIFY2(given.contains(reason), qPrintable(given));
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(doc.project() == before);
    }

    void nodeSetData()
    {
        Document doc;
        doc.openDemo();
        Models m(&doc);
        QSignalSpy rejected(&m.nodes, &NodeModel::editRejected);
        QVERIFY(!m.nodes.setData(
            m.nodes.index(1, NodeModel::LanIPColumn), QStringLiteral("10.0.0.300")));
        QVERIFY(!m.nodes.setData(m.nodes.index(1, NodeModel::NameColumn), QStringLiteral("node3")));
        QVERIFY(!m.nodes.setData(m.nodes.index(1, NodeModel::RoleColumn), QStringLiteral("boss")));
        QCOMPARE(rejected.count(), 3);
        QCOMPARE(doc.undoStack()->count(), 0);

        QVERIFY(
            m.nodes.setData(m.nodes.index(1, NodeModel::LanIPColumn), QStringLiteral("10.0.0.22")));
        QVERIFY(m.nodes.setData(m.nodes.index(1, NodeModel::RoleColumn), QStringLiteral("server")));
        QVERIFY(m.nodes.setData(m.nodes.index(2, NodeModel::RoleColumn),
            int(model::NodeRole::Server), NodeModel::NodeRoleRole));
        QVERIFY(m.nodes.setData(m.nodes.index(1, NodeModel::NameColumn), QStringLiteral("pi2")));
        QCOMPARE(doc.undoStack()->count(), 4);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Rename node node2 to pi2"));
        const auto *pi2 = doc.project().findNode("pi2");
        QVERIFY(pi2);
        QCOMPARE(pi2->lanIP.toString(), std::string("10.0.0.22"));
        QCOMPARE(pi2->role, model::NodeRole::Server);
        QCOMPARE(doc.project().findNode("node3")->role, model::NodeRole::Server);
        QCOMPARE(cell(m.nodes, 1, NodeModel::PodSubnetColumn), QStringLiteral("10.42.1.0/24"));
        QCOMPARE(rejected.count(), 3);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
