// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of the real window on an X server (xvfb-run): the start page and the demo's
// topology, the L2 advertisement editor, the new-project wizard and the node dialog, in a light
// and a dark palette, at the scale QT_SCALE_FACTOR asks for. They land in the build folder
// (screenshots/) for people to look at; the test checks they are not blank.
#include "dialogs/nodedialog.h"
#include "document/document.h"
#include "domain/io/demoproject.h"
#include "domain/io/projectfile.h"
#include "l2/l2advertisementeditor.h"
#include "l2/selectoreditor.h"
#include "l2/selectorlisteditor.h"
#include "mainwindow.h"
#include "projectfilecontroller.h"
#include "testsettings.h"
#include "topology/nodeitem.h"
#include "topology/topologyexporter.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "widgets/validatedlineedit.h"
#include "wizard/newprojectwizard.h"
#include "wizard/nodedraftmodel.h"
#include "wizard/nodespage.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QImageReader>
#include <QPalette>
#include <QPixmap>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace k3snet;

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x7f, 0x7f, 0x7f);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x55, 0x55));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x3d, 0x40, 0x44));
    p.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x2a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Link, QColor(0x5d, 0xa9, 0xf0));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, QColor(0x10, 0x10, 0x10));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

// Blank means one colour everywhere (a window that never painted): demand some variance of
// the luminance and more than a handful of colours.
void checkNotBlank(const QImage &image)
{
    QVERIFY(!image.isNull());
    double sum = 0;
    double squares = 0;
    QSet<QRgb> colours;
    const int step = std::max(1, image.width() / 400);
    int n = 0;
    for (int y = 0; y < image.height(); y += step) {
        for (int x = 0; x < image.width(); x += step) {
            const QRgb c = image.pixel(x, y);
            const double l = qGray(c);
            sum += l;
            squares += l * l;
            if (colours.size() < 64)
                colours.insert(c);
            ++n;
        }
    }
    const double mean = sum / n;
    const double deviation = std::sqrt(std::max(0.0, squares / n - mean * mean));
    QVERIFY2(deviation > 4, qPrintable(QStringLiteral("luminance deviation %1").arg(deviation)));
    QVERIFY2(colours.size() > 8, qPrintable(QStringLiteral("%1 colours").arg(colours.size())));
}

// The demo with trouble: node2 on the gateway's address, and a service asking for an address
// that no pool has, so that it stays pending.
model::Project troubledDemo(const model::Project &demo)
{
    model::Project project = demo;
    for (auto &node : project.nodes)
        if (node.name == "node2")
            node.lanIP = *net::Address::parse("10.0.0.1");
    model::Service web;
    web.namespaceName = "default";
    web.name = "web";
    web.type = "LoadBalancer";
    web.loadBalancerIP = "192.168.1.5";
    project.services.push_back(web);
    model::Service grafana;
    grafana.namespaceName = "monitoring";
    grafana.name = "grafana";
    grafana.type = "LoadBalancer";
    project.services.push_back(grafana);
    return project;
}

// The demo with zones to select nodes by and an advertisement that uses them.
model::Project zonedDemo(const model::Project &demo)
{
    model::Project project = demo;
    const char *zones[] = {"a", "a", "b", "b"};
    for (std::size_t i = 0; i < project.nodes.size() && i < 4; ++i)
        project.nodes[i].labels["zone"] = zones[i];
    model::IPAddressPool edge;
    edge.name = "edge-pool";
    edge.labels["tier"] = "edge";
    edge.addresses = {"10.0.0.210-10.0.0.215"};
    project.pools.push_back(edge);
    for (const char *name : {"grafana", "registry"}) {
        model::Service service;
        service.namespaceName = "apps";
        service.name = name;
        service.type = "LoadBalancer";
        service.ports.push_back({"http", "TCP", 80, 0});
        project.services.push_back(service);
    }
    auto &ad = project.l2Advertisements.front();
    ad.nodeSelectors.resize(1);
    ad.nodeSelectors.front().matchLabels["zone"] = "a";
    ad.interfaces = {"eth0"};
    return project;
}

model::Project bigCluster(int n)
{
    model::Project project;
    project.name = "big";
    project.network.lan.subnet = *net::Prefix::parse("10.0.0.0/24");
    project.network.lan.gateway = *net::Address::parse("10.0.0.1");
    project.pools.push_back({});
    project.pools.back().name = "lan-pool";
    project.pools.back().addresses = {"10.0.0.200-10.0.0.250"};
    project.l2Advertisements.push_back({});
    project.l2Advertisements.back().name = "all";
    for (int i = 0; i < n; ++i) {
        model::Node node;
        node.name = "pi" + std::to_string(i + 1);
        node.role = i < 3 ? model::NodeRole::Server : model::NodeRole::Agent;
        node.lanIP = *net::Address::parse("10.0.0." + std::to_string(20 + i));
        project.nodes.push_back(node);
    }
    for (int i = 0; i < 12; ++i) {
        model::Service service;
        service.namespaceName = "apps";
        service.name = "app" + std::to_string(i + 1);
        service.type = "LoadBalancer";
        project.services.push_back(service);
    }
    return project;
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        testsettings::isolate("tst_screenshots");
        // Something to show under "Recent Projects" (they need not exist to be listed).
        QSettings().setValue(QStringLiteral("recentFiles"),
            QStringList{QStringLiteral("/home/pi/clusters/picluster.k3snet.yaml"),
                QStringLiteral("/home/pi/clusters/homelab.k3snet.yaml")});
        QImageReader::setAllocationLimit(1024); // the 100-node picture at 200 %
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/k3snet.svg")));
        m_lightPalette = QApplication::style()->standardPalette();
        m_scale = qEnvironmentVariableIntValue("K3SNET_SCREENSHOT_SCALE");
        m_suffix = m_scale > 1 ? QStringLiteral("-%1x").arg(m_scale) : QString();
        QVERIFY(QDir().mkpath(QStringLiteral(K3SNET_SCREENSHOT_DIR)));
    }

    void screenshots_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void screenshots()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
        const QString variant
            = (dark ? QStringLiteral("dark") : QStringLiteral("light")) + m_suffix;

        MainWindow window;
        window.resize(1500, 920);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(100);
        save(window.grab().toImage(), QStringLiteral("startpage-") + variant);

        window.files()->openDemo();
        QTest::qWait(100);
        window.topologyView()->fitToContents();
        QTest::qWait(100);
        save(window.grab().toImage(), QStringLiteral("window-") + variant);

        // The picture as exported, at the screen's pixel ratio.
        const QString exported
            = dir().filePath(QStringLiteral("topology-") + variant + QStringLiteral(".png"));
        TopologyExporter exporter(window.topologyScene());
        QVERIFY2(exporter.exportPng(exported, window.devicePixelRatioF()),
            qPrintable(exporter.errorString()));
        const QImage picture(exported);
        checkNotBlank(picture);
        QCOMPARE(qRound(picture.width() / window.topologyScene()->pictureRect().width()),
            qRound(window.devicePixelRatioF()));

        // Trouble and size, as exported pictures.
        const model::Project demo = window.document()->project();
        window.document()->reset(troubledDemo(demo));
        savePicture(window, QStringLiteral("problems-") + variant);
        if (auto *services = window.findChild<QDockWidget *>(QStringLiteral("servicesDock")))
            services->raise();
        window.topologyView()->fitToContents();
        QTest::qWait(100);
        save(window.grab().toImage(), QStringLiteral("window-problems-") + variant);
        for (int n : {7, 13, 100}) {
            window.document()->reset(bigCluster(n));
            savePicture(window, QStringLiteral("cluster%1-").arg(n) + variant);
        }
        window.document()->reset(model::Project());
        savePicture(window, QStringLiteral("new-project-") + variant);
        window.document()->reset(demo);
        window.topologyScene()->nodeItem(QStringLiteral("node1"))->setSelected(true);
        window.topologyView()->fitToContents();
        QTest::qWait(50);
        save(window.topologyView()->grab().toImage(), QStringLiteral("view-selected-") + variant);

        // The L2 advertisement editor, given room: its node selector picks zone a, whose nodes
        // the topology marks.
        window.document()->reset(zonedDemo(demo));
        window.topologyScene()->clearSelection();
        window.l2EditorDock()->raise();
        window.resizeDocks({window.l2EditorDock()}, {430}, Qt::Vertical);
        QTest::qWait(100);
        QVERIFY(!window.l2Editor()->isSuspended());
        window.l2Editor()->nodeSelectors()->rows().constFirst()->input()->setText(
            QStringLiteral("zone in (a"));
        window.topologyView()->fitToContents();
        QTest::qWait(100);
        save(window.grab().toImage(), QStringLiteral("window-l2editor-") + variant);
        save(window.l2EditorDock()->grab().toImage(), QStringLiteral("l2editor-") + variant);
        window.document()->undoStack()->setClean();
    }

    void wizardAndDialog_data() { screenshots_data(); }

    void wizardAndDialog()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
        const QString variant
            = (dark ? QStringLiteral("dark") : QStringLiteral("light")) + m_suffix;
        NewProjectWizard wizard;
        wizard.resize(720, 520);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QTest::qWait(50);
        save(wizard.grab().toImage(), QStringLiteral("wizard-lan-") + variant);
        wizard.next();
        NodeDraftModel *nodes = wizard.nodesPage()->model();
        nodes->addNode();
        nodes->addNode();
        // A problem, as the user would see it while typing.
        nodes->setData(
            nodes->index(2, NodeDraftModel::LanIPColumn), QStringLiteral("192.168.2.13"));
        QTest::qWait(50);
        save(wizard.grab().toImage(), QStringLiteral("wizard-nodes-") + variant);
        nodes->setData(
            nodes->index(2, NodeDraftModel::LanIPColumn), QStringLiteral("192.168.1.13"));
        wizard.next();
        QTest::qWait(50);
        save(wizard.grab().toImage(), QStringLiteral("wizard-cluster-") + variant);

        model::Project project = *io::loadProjectText(io::demoProjectText(), "demo").project;
        NodeDialog dialog(project);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.lanIPField()->setFocus();
        dialog.lanIPField()->setText(QStringLiteral("10.0.0.1"));
        QTest::qWait(50);
        save(dialog.grab().toImage(), QStringLiteral("dialog-node-") + variant);
    }

private:
    QDir dir() const { return QDir(QStringLiteral(K3SNET_SCREENSHOT_DIR)); }

    void save(const QImage &image, const QString &name)
    {
        checkNotBlank(image);
        const QString path = dir().filePath(name + QStringLiteral(".png"));
        QVERIFY2(image.save(path), qPrintable(path));
        qInfo("wrote %s (%dx%d)", qPrintable(path), image.width(), image.height());
    }

    void savePicture(MainWindow &window, const QString &name)
    {
        const QString path = dir().filePath(name + QStringLiteral(".png"));
        TopologyExporter exporter(window.topologyScene());
        QVERIFY2(exporter.exportPng(path, window.devicePixelRatioF()),
            qPrintable(exporter.errorString()));
        checkNotBlank(QImage(path));
    }

    QPalette m_lightPalette;
    int m_scale = 1;
    QString m_suffix;
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
