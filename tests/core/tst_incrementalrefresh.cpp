// SPDX-License-Identifier: GPL-3.0-or-later
// The service table and the L2 editor's announcer preview redo only the rows an edit changed
// (Document::lastChange()). After every one of many random edits, undos and redos, each of
// their cells must equal a table built from scratch on the same document, and an edit of one
// pool must not touch every row.
#include "document/addservicecommand.h"
#include "document/document.h"
#include "document/editnodecommand.h"
#include "document/editservicecommand.h"
#include "document/removeservicecommand.h"
#include "document/setpooladdressescommand.h"
#include "documenttestutil.h"
#include "models/announcerpreviewmodel.h"
#include "models/servicemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <map>
#include <random>

using namespace k3snet;
using namespace documenttest;

namespace {

model::Project generated()
{
    model::Project p;
    p.name = "incremental";
    p.network.lan.subnet = cidr("10.0.0.0/16");
    p.network.lan.gateway = ip("10.0.0.1");
    for (int i = 0; i < 6; ++i)
        p.nodes.push_back(
            newNode("pi" + std::to_string(i), ("10.0.0." + std::to_string(11 + i)).c_str()));
    for (int i = 0; i < 3; ++i)
        p.pools.push_back(
            newPool("pool" + std::to_string(i), "10.0." + std::to_string(100 + i) + ".0/28"));
    model::L2Advertisement all;
    all.name = "all";
    p.l2Advertisements.push_back(all);
    for (int i = 0; i < 40; ++i)
        p.services.push_back(loadBalancer("svc" + std::to_string(i)));
    return p;
}

// Every cell of every row, in the roles the views read (or in the roles given).
QStringList cells(const QAbstractItemModel &m,
    const QList<int> &roles = {Qt::DisplayRole, Qt::ToolTipRole, ServiceModel::ObjectKeyRole,
        ServiceModel::PendingRole})
{
    QStringList out;
    for (int row = 0; row < m.rowCount(); ++row)
        for (int column = 0; column < m.columnCount(); ++column)
            for (int role : roles)
                out << m.data(m.index(row, column), role).toString();
    return out;
}

// One random edit, undo or redo of the kinds a user makes while the tables are shown.
void randomEdit(Document &doc, std::mt19937 &rng, int step)
{
    const auto pick = [&](std::size_t n) { return std::size_t(rng() % n); };
    const auto &project = doc.project();
    switch (rng() % 7) {
    case 0:
    case 1: {
        const auto &pool = project.pools[pick(project.pools.size())];
        const std::string base = pool.addresses.front().substr(0, pool.addresses.front().find('/'));
        doc.undoStack()->push(new SetPoolAddressesCommand(
            &doc, QString::fromStdString(pool.name), {base + "/" + std::to_string(27 + pick(4))}));
        break;
    }
    case 2: {
        const auto &s = project.services[pick(project.services.size())];
        model::Service edited = s;
        edited.ports = {{"web", "TCP", int(80 + pick(5)), 0}};
        if (pick(3) == 0)
            edited.loadBalancerIP = "10.0.100." + std::to_string(pick(16));
        doc.undoStack()->push(new EditServiceCommand(
            &doc, QString::fromStdString(s.namespaceName), QString::fromStdString(s.name), edited));
        break;
    }
    case 3: {
        const auto &n = project.nodes[pick(project.nodes.size())];
        model::Node edited = n;
        edited.networkUnavailable = !edited.networkUnavailable;
        doc.undoStack()->push(new EditNodeCommand(&doc, QString::fromStdString(n.name), edited));
        break;
    }
    case 4:
        if (project.services.size() > 20) {
            const auto &s = project.services[pick(project.services.size())];
            doc.undoStack()->push(new RemoveServiceCommand(
                &doc, QString::fromStdString(s.namespaceName), QString::fromStdString(s.name)));
        } else {
            doc.undoStack()->push(
                new AddServiceCommand(&doc, loadBalancer("extra" + std::to_string(step))));
        }
        break;
    case 5:
        doc.undoStack()->undo();
        break;
    default:
        doc.undoStack()->redo();
        break;
    }
}

QStringList previewCells(const QAbstractItemModel &m)
{
    QStringList out;
    for (int row = 0; row < m.rowCount(); ++row) {
        for (int column = 0; column < m.columnCount(); ++column)
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole),
                     int(AnnouncerPreviewModel::ObjectKeyRole),
                     int(AnnouncerPreviewModel::AnnouncerKeyRole)})
                out << m.data(m.index(row, column), role).toString();
        out << m.data(m.index(row, 0), AnnouncerPreviewModel::RankedNodesRole).toStringList();
    }
    return out;
}

} // namespace

class TestIncrementalRefresh : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void serviceTableMatchesAFreshOne()
    {
        Document doc;
        doc.reset(generated());
        ServiceModel live(&doc);
        QAbstractItemModelTester tester(
            &live, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::mt19937 rng(7);
        for (int step = 0; step < 300; ++step) {
            randomEdit(doc, rng, step);
            ServiceModel fresh(&doc);
            QCOMPARE(cells(live), cells(fresh));
        }
    }

    // A table in a hidden tab is suspended: it keeps the rows it showed and announces nothing
    // while the user edits elsewhere, then catches up in one refresh when shown again, in
    // between suspended stretches of every length (one edit is the incremental path, more a
    // whole refresh).
    void suspendedServiceTableCatchesUp()
    {
        Document doc;
        doc.reset(generated());
        ServiceModel live(&doc);
        QAbstractItemModelTester tester(
            &live, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::mt19937 rng(13);
        int caughtUp = 0;
        for (int round = 0; round < 60; ++round) {
            const QList<int> rowRoles{
                Qt::DisplayRole, ServiceModel::ObjectKeyRole, ServiceModel::PendingRole};
            const QStringList shown = cells(live), shownRows = cells(live, rowRoles);
            live.setSuspended(true);
            QVERIFY(live.isSuspended());
            QSignalSpy changed(&live, &QAbstractItemModel::dataChanged);
            QSignalSpy inserted(&live, &QAbstractItemModel::rowsInserted);
            QSignalSpy removed(&live, &QAbstractItemModel::rowsRemoved);
            QSignalSpy reset(&live, &QAbstractItemModel::modelReset);
            const int edits = round % 4;
            const quint64 generation = doc.generation();
            for (int step = 0; step < edits; ++step)
                randomEdit(doc, rng, 100 * round + step);
            // Only the long tooltips of the fallbacks, which read the plan, change, and say so.
            QCOMPARE(cells(live, rowRoles), shownRows);
            QCOMPARE(inserted.size() + removed.size() + reset.size(), 0);
            for (const auto &signal : changed) {
                QCOMPARE(signal.at(2).value<QList<int>>(), QList<int>{Qt::ToolTipRole});
                QCOMPARE(signal.at(0).toModelIndex().column(), int(ServiceModel::FallbacksColumn));
            }
            QCOMPARE(changed.size(), doc.generation() != generation ? 1 : 0); // once, if at all
            live.setSuspended(false);
            ServiceModel fresh(&doc);
            QCOMPARE(cells(live), cells(fresh));
            caughtUp += cells(live) != shown;
        }
        QVERIFY2(caughtUp > 20, qPrintable(QString::number(caughtUp)));
    }

    // Hundreds of rows are made on several threads (ServiceModel::makeRows), on a reset and
    // after an edit that moves every service: each lands on its own service's row.
    void manyRowsLandOnTheirServices()
    {
        model::Project project = generated();
        project.pools.front().addresses = {"10.0.96.0/22"};
        project.services.clear();
        for (int i = 0; i < 900; ++i)
            project.services.push_back(loadBalancer("many" + std::to_string(i)));
        Document doc;
        doc.reset(project);
        ServiceModel live(&doc);
        QAbstractItemModelTester tester(
            &live, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto check = [&] {
            const plan::Plan &plan = doc.plan();
            QCOMPARE(live.rowCount(), int(plan.services.size()));
            int announced = 0;
            for (int row = 0; row < live.rowCount(); ++row) {
                const plan::ServicePlan &sp = plan.services[std::size_t(row)];
                const auto cell = [&](int column) {
                    return live.index(row, column).data().toString().toStdString();
                };
                QCOMPARE(cell(ServiceModel::NameColumn), sp.name);
                QCOMPARE(cell(ServiceModel::AssignedIPsColumn), sp.ips.empty() ? "<pending>" : sp.ips.front());
                QCOMPARE(cell(ServiceModel::AnnouncerColumn), sp.announcer);
                if (!sp.fallbacks.empty())
                    QVERIFY(cell(ServiceModel::FallbacksColumn).rfind(sp.fallbacks.front(), 0) == 0);
                announced += !sp.announcer.empty();
            }
            QVERIFY(announced > 800);
        };
        check();
        // The pool starts 16 addresses later: every service moves (the incremental path).
        doc.undoStack()->push(new SetPoolAddressesCommand(&doc, QStringLiteral("pool0"),
            {"10.0.96.16-10.0.99.255"}));
        QVERIFY(!doc.lastChange().allServices);
        QVERIFY(doc.lastChange().services.size() >= 800);
        check();
        doc.undoStack()->undo();
        check();

        // The announcer preview makes its rows on several threads too: patched after the
        // edit, as made afresh, and every address on its service's row.
        AnnouncerPreviewModel preview(&doc);
        preview.setAdvertisement(QStringLiteral("all"));
        QAbstractItemModelTester previewTester(
            &preview, QAbstractItemModelTester::FailureReportingMode::QtTest);
        doc.undoStack()->redo();
        AnnouncerPreviewModel fresh(&doc);
        fresh.setAdvertisement(QStringLiteral("all"));
        QCOMPARE(previewCells(preview), previewCells(fresh));
        std::map<std::string, std::string> firstIPs;
        for (const auto &sp : doc.plan().services)
            if (!sp.ips.empty())
                firstIPs[sp.namespaceName + "/" + sp.name] = sp.ips.front();
        QVERIFY(preview.rowCount() > 800);
        for (int row = 0; row < preview.rowCount(); ++row) {
            const auto text = [&](int column) {
                return preview.index(row, column).data().toString().toStdString();
            };
            QCOMPARE(text(AnnouncerPreviewModel::AddressColumn),
                firstIPs.at(text(AnnouncerPreviewModel::ServiceColumn)));
        }
    }

    void announcerPreviewMatchesAFreshOne()
    {
        Document doc;
        doc.reset(generated());
        AnnouncerPreviewModel live(&doc);
        live.setAdvertisement(QStringLiteral("all"));
        // Rows come and go as services do, while the others change their addresses: the
        // tester checks that the rows next to them still show their old content meanwhile.
        QAbstractItemModelTester tester(
            &live, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::mt19937 rng(11);
        for (int step = 0; step < 300; ++step) {
            randomEdit(doc, rng, step);
            AnnouncerPreviewModel fresh(&doc);
            fresh.setAdvertisement(QStringLiteral("all"));
            QCOMPARE(previewCells(live), previewCells(fresh));
        }
        // A suspended preview catches up when resumed.
        live.setSuspended(true);
        for (int step = 0; step < 5; ++step)
            randomEdit(doc, rng, 1000 + step);
        live.setSuspended(false);
        AnnouncerPreviewModel fresh(&doc);
        fresh.setAdvertisement(QStringLiteral("all"));
        QCOMPARE(previewCells(live), previewCells(fresh));
    }

    // Removing the first service moves every later one down an address. The row goes first,
    // while the others still show their old addresses (the contract views rely on: a row's
    // neighbours are as they were when it goes), and only then do they change.
    void rowsGoBeforeTheirNeighboursChange()
    {
        Document doc;
        doc.reset(generated());
        ServiceModel live(&doc);
        const auto rowCells = [&live](int row) {
            QStringList out;
            for (int column = 0; column < live.columnCount(); ++column)
                out << live.data(live.index(row, column)).toString();
            return out;
        };
        QHash<QString, QStringList> before;
        for (int row = 0; row < live.rowCount(); ++row)
            before.insert(live.keyOfRow(row), rowCells(row));
        int removals = 0, changedDuringRemoval = 0;
        connect(&live, &QAbstractItemModel::rowsRemoved, this, [&] {
            ++removals;
            for (int row = 0; row < live.rowCount(); ++row)
                changedDuringRemoval += rowCells(row) != before.value(live.keyOfRow(row));
        });
        QSignalSpy changed(&live, &QAbstractItemModel::dataChanged);
        doc.undoStack()->push(new RemoveServiceCommand(&doc, QStringLiteral("default"),
            QString::fromStdString(doc.project().services.front().name)));
        QCOMPARE(removals, 1);
        QCOMPARE(changedDuringRemoval, 0);
        int changedAfter = 0;
        for (int row = 0; row < live.rowCount(); ++row)
            changedAfter += rowCells(row) != before.value(live.keyOfRow(row));
        QVERIFY2(changedAfter > 20, qPrintable(QString::number(changedAfter)));
        QCOMPARE(changed.count(), 1); // one dataChanged, from the first to the last changed row
        ServiceModel fresh(&doc);
        QCOMPARE(cells(live), cells(fresh));
    }

    void onePoolEditTouchesItsServicesOnly()
    {
        Document doc;
        doc.reset(generated());
        ServiceModel live(&doc);
        QSignalSpy changed(&live, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&live, &QAbstractItemModel::modelReset);
        // pool0 and pool1 (16 addresses each) are full; the last 8 services sit in pool2. Its
        // upper half goes: none of them moves, and no row changes.
        doc.undoStack()->push(
            new SetPoolAddressesCommand(&doc, QStringLiteral("pool2"), {"10.0.102.0/29"}));
        int rows = 0;
        for (const auto &args : changed)
            rows += args.at(1).toModelIndex().row() - args.at(0).toModelIndex().row() + 1;
        QCOMPARE(rows, 0);
        // pool1 shrinks to 8: its upper 8 services move to pool2, the 8 there go pending.
        changed.clear();
        doc.undoStack()->push(
            new SetPoolAddressesCommand(&doc, QStringLiteral("pool1"), {"10.0.101.0/29"}));
        rows = 0;
        for (const auto &args : changed)
            rows += args.at(1).toModelIndex().row() - args.at(0).toModelIndex().row() + 1;
        QCOMPARE(rows, 16);
        QCOMPARE(reset.count(), 0);
        ServiceModel fresh(&doc);
        QCOMPARE(cells(live), cells(fresh));
    }
};

QTEST_GUILESS_MAIN(TestIncrementalRefresh)
#include "tst_incrementalrefresh.moc"
