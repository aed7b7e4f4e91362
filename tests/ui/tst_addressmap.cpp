// SPDX-License-Identifier: GPL-3.0-or-later
// The address map and pool chart on the offscreen platform: dragging a pool's edge is one undo
// step that undo reverts exactly, dragging over free cells creates a pool, the chart follows,
// and pictures of the map in light and dark palettes for a human to look at.
#include "document/addpoolcommand.h"
#include "document/document.h"
#include "domain/io/projectfile.h"
#include "pools/addressmapwidget.h"
#include "pools/poolchartwidget.h"

#include <QBarSet>
#include <QChartView>
#include <QHorizontalStackedBarSeries>
#include <QTest>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace k3snet;

namespace {

QPoint centreOf(const AddressMapWidget &map, const QString &address)
{
    const int cell = map.cellIndex(address);
    return cell < 0 ? QPoint(-1, -1) : map.cellRect(cell).center().toPoint();
}

QList<qreal> values(const PoolChartWidget &chart, int set)
{
    QList<qreal> out;
    const auto sets = chart.series()->barSets();
    if (set < sets.size())
        for (int i = 0; i < sets[set]->count(); ++i)
            out << sets[set]->at(i);
    return out;
}

void drag(AddressMapWidget &map, const QStringList &path)
{
    QTest::mousePress(&map, Qt::LeftButton, Qt::NoModifier, centreOf(map, path.first()));
    for (const QString &a : path.mid(1))
        QTest::mouseMove(&map, centreOf(map, a));
    QTest::mouseRelease(&map, Qt::LeftButton, Qt::NoModifier, centreOf(map, path.last()));
}

} // namespace

class TestAddressMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dragPoolEdge();
    void dragCreatesPool();
    void pictures();
};

void TestAddressMap::dragPoolEdge()
{
    Document doc;
    doc.openDemo();
    QWidget panel;
    auto *map = new AddressMapWidget(&doc, &panel);
    auto *chart = new PoolChartWidget(&doc, &panel);
    auto *layout = new QVBoxLayout(&panel);
    layout->addWidget(map, 3);
    layout->addWidget(chart, 2);
    panel.resize(560, 760);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    QCOMPARE(map->accessibleName(), QStringLiteral("Address map"));
    QCOMPARE(map->focusPolicy(), Qt::StrongFocus);
    QVERIFY(map->cellIndex(QStringLiteral("10.0.0.200")) >= 0);
    QVERIFY(map->cellToolTip(map->cellIndex(QStringLiteral("10.0.0.1"))).contains(QStringLiteral("Gateway")));
    QVERIFY(map->cellToolTip(map->cellIndex(QStringLiteral("10.0.0.11"))).contains(QStringLiteral("node1")));
    QVERIFY(map->cellToolTip(map->cellIndex(QStringLiteral("10.0.0.100"))).contains(QStringLiteral("traefik")));

    const std::string before = io::saveProjectText(doc.project());
    const int commands = doc.undoStack()->count();
    const QList<qreal> freeBefore = values(*chart, 1);
    QCOMPARE(values(*chart, 0), QList<qreal>{1});
    QCOMPARE(freeBefore, QList<qreal>{100});

    drag(*map, {QStringLiteral("10.0.0.200"), QStringLiteral("10.0.0.170"), QStringLiteral("10.0.0.130"),
                   QStringLiteral("10.0.0.105")});

    const auto *pool = doc.project().findPool("picluster-pool");
    QVERIFY(pool);
    QCOMPARE(pool->addresses, std::vector<std::string>{"10.0.0.100-10.0.0.105"});
    QCOMPARE(doc.undoStack()->count(), commands + 1);
    QCOMPARE(values(*chart, 1), QList<qreal>{5});
    QVERIFY(values(*chart, 1) != freeBefore);

    doc.undoStack()->undo();
    QCOMPARE(doc.project().findPool("picluster-pool")->addresses,
        std::vector<std::string>{"10.0.0.100-10.0.0.200"});
    QCOMPARE(io::saveProjectText(doc.project()), before);
    QCOMPARE(values(*chart, 1), freeBefore);

    // The first cell moves the other end; a second drag is a second undo step.
    drag(*map, {QStringLiteral("10.0.0.100"), QStringLiteral("10.0.0.90")});
    QCOMPARE(doc.project().findPool("picluster-pool")->addresses,
        std::vector<std::string>{"10.0.0.90-10.0.0.200"});
    QCOMPARE(doc.undoStack()->count(), commands + 1);
    drag(*map, {QStringLiteral("10.0.0.200"), QStringLiteral("10.0.0.210")});
    QCOMPARE(doc.project().findPool("picluster-pool")->addresses,
        std::vector<std::string>{"10.0.0.90-10.0.0.210"});
    QCOMPARE(doc.undoStack()->count(), commands + 2);

    // Keyboard: Alt+Right on the last cell moves the edge by one.
    map->setFocus();
    QTest::mouseClick(map, Qt::LeftButton, Qt::NoModifier, centreOf(*map, QStringLiteral("10.0.0.210")));
    QTest::keyClick(map, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(doc.project().findPool("picluster-pool")->addresses,
        std::vector<std::string>{"10.0.0.90-10.0.0.211"});
}

void TestAddressMap::dragCreatesPool()
{
    Document doc;
    doc.openDemo();
    AddressMapWidget map(&doc);
    map.resize(520, 560);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    const int commands = doc.undoStack()->count();
    const std::size_t pools = doc.project().pools.size();

    drag(map, {QStringLiteral("10.0.0.20"), QStringLiteral("10.0.0.30"), QStringLiteral("10.0.0.40")});
    QCOMPARE(doc.project().pools.size(), pools + 1);
    const auto *created = doc.project().findPool("pool-1");
    QVERIFY(created);
    QCOMPARE(created->addresses, std::vector<std::string>{"10.0.0.20-10.0.0.40"});
    QCOMPARE(doc.undoStack()->count(), commands + 1);
    QCOMPARE(map.selectedPool(), QStringLiteral("pool-1"));

    // A second one gets the next free name and stops short of the pool in the way.
    drag(map, {QStringLiteral("10.0.0.60"), QStringLiteral("10.0.0.99"), QStringLiteral("10.0.0.120")});
    const auto *second = doc.project().findPool("pool-2");
    QVERIFY(second);
    QCOMPARE(second->addresses, std::vector<std::string>{"10.0.0.60-10.0.0.99"});

    // A click on a free cell creates nothing.
    QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, centreOf(map, QStringLiteral("10.0.0.230")));
    QCOMPARE(doc.project().pools.size(), pools + 2);
}

void TestAddressMap::pictures()
{
    Document doc;
    doc.openDemo();
    model::IPAddressPool buggy;
    buggy.name = "edge-pool";
    buggy.addresses = {"10.0.0.240/28"};
    buggy.avoidBuggyIPs = true;
    doc.undoStack()->push(new AddPoolCommand(&doc, buggy));
    model::IPAddressPool clash;
    clash.name = "clash-pool";
    clash.addresses = {"10.0.0.10-10.0.0.12"};
    doc.undoStack()->push(new AddPoolCommand(&doc, clash));
    QCOMPARE(doc.project().pools.size(), std::size_t(3));

    for (const bool dark : {false, true}) {
        QWidget panel;
        if (dark) {
            QPalette pal;
            pal.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
            pal.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
            pal.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
            pal.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
            pal.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
            panel.setPalette(pal);
        }
        auto *map = new AddressMapWidget(&doc, &panel);
        auto *chart = new PoolChartWidget(&doc, &panel);
        auto *layout = new QVBoxLayout(&panel);
        layout->addWidget(map, 3);
        layout->addWidget(chart, 2);
        panel.resize(560, 820);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        map->setSelectedPool(QStringLiteral("picluster-pool"));
        QVERIFY(map->cellToolTip(map->cellIndex(QStringLiteral("10.0.0.255"))).contains(QStringLiteral("avoidBuggyIPs")));
        QVERIFY(map->cellToolTip(map->cellIndex(QStringLiteral("10.0.0.11"))).contains(QStringLiteral("Conflict")));
        const QString path = QStringLiteral(K3SNET_BINARY_DIR) + (dark ? QStringLiteral("/addressmap-dark.png")
                                                                       : QStringLiteral("/addressmap.png"));
        QVERIFY(panel.grab().save(path));
        qInfo("wrote %s", qPrintable(path));
    }
}

QTEST_MAIN(TestAddressMap)
#include "tst_addressmap.moc"
