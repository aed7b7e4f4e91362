// SPDX-License-Identifier: GPL-3.0-or-later
// The new-project wizard: its pages refuse to go on while a field has a problem (partial
// addresses, a gateway outside the LAN, duplicate nodes, overlapping CIDRs), follow the
// user's choices (gateway from the subnet, cluster DNS from the service CIDR), and return the
// expected project, which File > New opens as a new unsaved document.
#include "document/document.h"
#include "domain/io/projectfile.h"
#include "domain/plan/plan.h"
#include "mainwindow.h"
#include "projectfilecontroller.h"
#include "testsettings.h"
#include "topology/topologyscene.h"
#include "widgets/validatedlineedit.h"
#include "wizard/clusterpage.h"
#include "wizard/lanpage.h"
#include "wizard/newprojectwizard.h"
#include "wizard/nodedraftmodel.h"
#include "wizard/nodespage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace k3snet;

namespace {

void retype(ValidatedLineEdit *field, const QString &text)
{
    field->selectAll();
    QTest::keyClick(field, Qt::Key_Delete);
    QTest::keyClicks(field, text);
}

// The project the wizard in wizardProducesTheProject should make, built by hand.
model::Project expectedProject()
{
    model::Project p;
    p.name = "homelab";
    p.network.lan.subnet = *net::Prefix::parse("192.0.2.0/24");
    p.network.lan.gateway = *net::Address::parse("192.0.2.1");
    p.network.lan.interface = "end0";
    p.network.serviceCIDR = *net::Prefix::parse("10.96.0.0/16");
    p.network.clusterDNS = *net::Address::parse("10.96.0.10");
    const auto node
        = [&p](const char *name, model::NodeRole role, const char *ip, const char *interface) {
              model::Node n;
              n.name = name;
              n.role = role;
              n.lanIP = *net::Address::parse(ip);
              n.interface = interface;
              p.nodes.push_back(n);
          };
    node("node1", model::NodeRole::Server, "192.0.2.11", "");
    node("node2", model::NodeRole::Agent, "192.0.2.12", "");
    node("pi3", model::NodeRole::Agent, "192.0.2.20", "wlan0");
    model::IPAddressPool pool;
    pool.name = "default-pool";
    pool.addresses = {"192.0.2.200-192.0.2.250"};
    p.pools.push_back(pool);
    model::L2Advertisement ad;
    ad.name = "default";
    ad.ipAddressPools = {"default-pool"};
    p.l2Advertisements.push_back(ad);
    return p;
}

} // namespace

class TestWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        testsettings::isolate("tst_wizard");
    }

    void wizardProducesTheProject()
    {
        NewProjectWizard wizard;
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        // The LAN.
        LanPage *lan = wizard.lanPage();
        QCOMPARE(wizard.currentPage(), lan);
        QVERIFY(lan->isComplete());
        retype(lan->nameField(), QStringLiteral("homelab"));
        retype(lan->subnetField(), QStringLiteral("192.0.2."));
        QVERIFY(!lan->isComplete());
        QVERIFY(!lan->messageLabel()->text().isEmpty());
        QTest::keyClicks(lan->subnetField(), QStringLiteral("0/24"));
        QCOMPARE(lan->gatewayField()->text(), QStringLiteral("192.0.2.1")); // follows the subnet
        QVERIFY(lan->isComplete());
        retype(lan->gatewayField(), QStringLiteral("192.0.3.1"));
        QVERIFY(!lan->isComplete());
        QVERIFY(lan->messageLabel()->text().contains(QStringLiteral("outside")));
        retype(lan->gatewayField(), QStringLiteral("192.0.2.1"));
        retype(lan->interfaceField(), QStringLiteral("end0"));
        QVERIFY(lan->isComplete());
        wizard.next();

        // The nodes: one server to start with, two more added, one of them edited.
        NodesPage *nodes = wizard.nodesPage();
        QCOMPARE(wizard.currentPage(), nodes);
        NodeDraftModel *model = nodes->model();
        QAbstractItemModelTester tester(model);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, NodeDraftModel::LanIPColumn).data().toString(),
            QStringLiteral("192.0.2.11"));
        QCOMPARE(model->index(0, NodeDraftModel::RoleColumn).data(Qt::EditRole).toString(),
            QStringLiteral("server"));
        nodes->addButton()->click();
        nodes->addButton()->click();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(
            model->index(2, NodeDraftModel::NameColumn).data().toString(), QStringLiteral("node3"));
        QCOMPARE(model->index(2, NodeDraftModel::LanIPColumn).data().toString(),
            QStringLiteral("192.0.2.13"));
        QVERIFY(nodes->isComplete());
        QVERIFY(
            model->setData(model->index(2, NodeDraftModel::NameColumn), QStringLiteral("node2")));
        QVERIFY(!nodes->isComplete());
        QVERIFY(nodes->messageLabel()->text().contains(QStringLiteral("twice")));
        QVERIFY(!model->index(2, NodeDraftModel::NameColumn)
                     .data(NodeDraftModel::ProblemRole)
                     .toString()
                     .isEmpty());
        QVERIFY(model->setData(model->index(2, NodeDraftModel::NameColumn), QStringLiteral("Pi3")));
        QVERIFY(model->setData(
            model->index(2, NodeDraftModel::LanIPColumn), QStringLiteral("192.0.3.5")));
        QVERIFY(!nodes->isComplete());
        QVERIFY(nodes->messageLabel()->text().contains(QStringLiteral("outside")));
        QVERIFY(model->setData(
            model->index(2, NodeDraftModel::LanIPColumn), QStringLiteral("192.0.2.20")));
        QVERIFY(model->setData(
            model->index(2, NodeDraftModel::InterfaceColumn), QStringLiteral("wlan0")));
        QVERIFY(nodes->isComplete());
        // A fourth node, removed again.
        nodes->addButton()->click();
        nodes->view()->selectRow(3);
        nodes->removeButton()->click();
        QCOMPARE(model->rowCount(), 3);
        wizard.next();

        // Kubernetes: the DNS follows the service CIDR; overlaps are refused.
        ClusterPage *cluster = wizard.clusterPage();
        QCOMPARE(wizard.currentPage(), cluster);
        QVERIFY(cluster->isComplete());
        QCOMPARE(cluster->poolField()->text(), QStringLiteral("192.0.2.200-192.0.2.250"));
        retype(cluster->serviceCIDRField(), QStringLiteral("10.96.0.0/16"));
        QCOMPARE(cluster->clusterDNSField()->text(), QStringLiteral("10.96.0.10"));
        retype(cluster->clusterCIDRField(), QStringLiteral("192.0.2.0/24"));
        QVERIFY(!cluster->isComplete());
        QVERIFY(cluster->messageLabel()->text().contains(QStringLiteral("overlaps")));
        retype(cluster->clusterCIDRField(), QStringLiteral("10.96.0.0/12"));
        QVERIFY(!cluster->isComplete()); // overlaps the service CIDR
        retype(cluster->clusterCIDRField(), QStringLiteral("10.42.0.0/16"));
        QVERIFY(cluster->isComplete());
        retype(cluster->poolField(), QStringLiteral("192.0.2.200-"));
        QVERIFY(!cluster->isComplete());
        cluster->poolCheck()->setChecked(false);
        QVERIFY(cluster->isComplete()); // no pool, no problem
        cluster->poolCheck()->setChecked(true);
        QTest::keyClicks(cluster->poolField(), QStringLiteral("192.0.2.250"));
        QVERIFY(cluster->isComplete());

        const model::Project project = wizard.project();
        QCOMPARE(QString::fromStdString(io::saveProjectText(project)),
            QString::fromStdString(io::saveProjectText(expectedProject())));
        // What the wizard makes is a project without problems.
        const auto diagnostics = plan::makePlan(project).diagnostics;
        for (const auto &d : diagnostics)
            qWarning("%s", d.toString().c_str());
        QVERIFY(diagnostics.empty());
    }

    void fileNewOpensTheWizardsProject()
    {
        MainWindow window;
        QTimer::singleShot(0, [] {
            auto *wizard = qobject_cast<NewProjectWizard *>(QApplication::activeModalWidget());
            QVERIFY2(wizard, "the wizard did not open");
            retype(wizard->lanPage()->nameField(), QStringLiteral("fresh"));
            wizard->next();
            wizard->next();
            wizard->accept();
        });
        window.newProject();
        QVERIFY(window.isShowingProject());
        QCOMPARE(window.document()->project().name, std::string("fresh"));
        QCOMPARE(window.document()->project().nodes.size(), std::size_t(1));
        QCOMPARE(window.topologyScene()->nodeItems().size(), 1);
        QVERIFY(window.isWindowModified()); // never saved
        QVERIFY(!window.document()->undoStack()->canUndo());

        // Cancelled: the start page stays.
        MainWindow other;
        QTimer::singleShot(0, [] { QApplication::activeModalWidget()->close(); });
        other.newProject();
        QVERIFY(!other.isShowingProject());
    }
};

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
