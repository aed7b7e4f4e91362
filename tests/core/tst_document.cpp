// SPDX-License-Identifier: GPL-3.0-or-later
// The document and its undo commands: every command pushed, undone and redone with the saved
// project compared after each step; drags merging into one step; pending services after a pool
// shrinks; pod subnets that stay put; the modified flag, save and a failed open.
#include "document/addl2advertisementcommand.h"
#include "document/addnodecommand.h"
#include "document/addpoolcommand.h"
#include "document/addservicecommand.h"
#include "document/deferreddisposal.h"
#include "document/document.h"
#include "document/editl2advertisementcommand.h"
#include "document/editnodecommand.h"
#include "document/editpoolcommand.h"
#include "document/editservicecommand.h"
#include "document/importyamlcommand.h"
#include "document/removel2advertisementcommand.h"
#include "document/removenodecommand.h"
#include "document/removepoolcommand.h"
#include "document/removeservicecommand.h"
#include "document/setnetworkcommand.h"
#include "document/setpooladdressescommand.h"
#include "documenttestutil.h"
#include "domain/io/metallbimport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <functional>

using namespace k3snet;
using namespace documenttest;

using CommandFactory = std::function<QUndoCommand *(Document *)>;
using ProjectEdit = std::function<void(model::Project &)>;
Q_DECLARE_METATYPE(CommandFactory)
Q_DECLARE_METATYPE(ProjectEdit)

namespace {

const plan::ServicePlan *planned(
    const Document &doc, const std::string &ns, const std::string &name)
{
    for (const auto &s : doc.plan().services)
        if (s.namespaceName == ns && s.name == name)
            return &s;
    return nullptr;
}

QString podSubnet(const Document &doc, const std::string &name)
{
    const auto *n = doc.plan().findNode(name);
    return n && n->podCIDR ? QString::fromStdString(n->podCIDR->toString()) : QStringLiteral("-");
}

const char *importText = R"(apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: lab
  namespace: metallb-system
spec:
  addresses:
  - 10.0.0.210-10.0.0.220
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  type: LoadBalancer
  ports:
  - port: 80
    protocol: TCP
)";

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void commands_data()
    {
        QTest::addColumn<CommandFactory>("command");
        QTest::addColumn<ProjectEdit>("expected");
        QTest::addColumn<QString>("description");

        QTest::newRow("generic") << CommandFactory([](Document *d) {
            auto after = d->project();
            after.description = "edited";
            return new ProjectEditCommand(
                d, d->project(), after, QStringLiteral("Edit description"));
        }) << ProjectEdit([](model::Project &p) { p.description = "edited"; })
                                 << "Edit description";

        QTest::newRow("network") << CommandFactory([](Document *d) {
            auto network = d->project().network;
            network.vxlan.vni = 2;
            network.nodeCIDRMaskSize = 25;
            return new SetNetworkCommand(d, network);
        }) << ProjectEdit([](model::Project &p) {
            p.network.vxlan.vni = 2;
            p.network.nodeCIDRMaskSize = 25;
        }) << "Change network settings";

        // The new node's planned subnet is recorded, so it never moves afterwards.
        QTest::newRow("add node") << CommandFactory([](Document *d) {
            return new AddNodeCommand(d, newNode("node5", "10.0.0.15"));
        }) << ProjectEdit([](model::Project &p) {
            model::Node n = newNode("node5", "10.0.0.15");
            n.podCIDR = cidr("10.42.4.0/24");
            p.nodes.push_back(n);
        }) << "Add node node5";

        QTest::newRow("remove node") << CommandFactory([](Document *d) {
            return new RemoveNodeCommand(d, QStringLiteral("node2"));
        }) << ProjectEdit([](model::Project &p) { p.nodes.erase(p.nodes.begin() + 1); })
                                     << "Remove node node2";

        // A renamed node keeps the subnet it had under its old name.
        QTest::newRow("edit node") << CommandFactory([](Document *d) {
            model::Node n = *d->project().findNode("node3");
            n.name = "pi3";
            n.lanIP = ip("10.0.0.23");
            return new EditNodeCommand(d, QStringLiteral("node3"), n);
        }) << ProjectEdit([](model::Project &p) {
            auto *n = &nodeIn(p, "node3");
            n->name = "pi3";
            n->lanIP = ip("10.0.0.23");
            n->podCIDR = cidr("10.42.2.0/24");
        }) << "Rename node node3 to pi3";

        QTest::newRow("add pool") << CommandFactory([](Document *d) {
            model::IPAddressPool x;
            x.name = "lab";
            x.addresses = {"10.0.0.210-10.0.0.220"};
            return new AddPoolCommand(d, x);
        }) << ProjectEdit([](model::Project &p) {
            model::IPAddressPool x;
            x.name = "lab";
            x.addresses = {"10.0.0.210-10.0.0.220"};
            p.pools.push_back(x);
        }) << "Add pool lab";

        QTest::newRow("remove pool") << CommandFactory([](Document *d) {
            return new RemovePoolCommand(d, QStringLiteral("picluster-pool"));
        }) << ProjectEdit([](model::Project &p) { p.pools.clear(); })
                                     << "Remove pool picluster-pool";

        // A rename carries the advertisement's and the services' references along.
        QTest::newRow("rename pool") << CommandFactory([](Document *d) {
            model::Project before = d->project();
            serviceIn(before, "kube-system", "traefik").annotations["metallb.io/address-pool"]
                = "picluster-pool";
            d->undoStack()->push(new EditServiceCommand(d, QStringLiteral("kube-system"),
                QStringLiteral("traefik"), serviceIn(before, "kube-system", "traefik")));
            model::IPAddressPool x = *d->project().findPool("picluster-pool");
            x.name = "main";
            x.autoAssign = false;
            return new EditPoolCommand(d, QStringLiteral("picluster-pool"), x);
        }) << ProjectEdit([](model::Project &p) {
            poolIn(p, "picluster-pool").autoAssign = false;
            poolIn(p, "picluster-pool").name = "main";
            p.l2Advertisements[0].ipAddressPools = {"main"};
            serviceIn(p, "kube-system", "traefik").annotations["metallb.io/address-pool"] = "main";
        }) << "Rename pool picluster-pool to main";

        QTest::newRow("pool addresses") << CommandFactory([](Document *d) {
            return new SetPoolAddressesCommand(
                d, QStringLiteral("picluster-pool"), {"10.0.0.100-10.0.0.150", "10.0.0.160/29"});
        }) << ProjectEdit([](model::Project &p) {
            poolIn(p, "picluster-pool").addresses = {"10.0.0.100-10.0.0.150", "10.0.0.160/29"};
        }) << "Change addresses of pool picluster-pool";

        QTest::newRow("add l2") << CommandFactory([](Document *d) {
            model::L2Advertisement ad;
            ad.name = "wifi";
            ad.interfaces = {"wlan0"};
            return new AddL2AdvertisementCommand(d, ad);
        }) << ProjectEdit([](model::Project &p) {
            model::L2Advertisement ad;
            ad.name = "wifi";
            ad.interfaces = {"wlan0"};
            p.l2Advertisements.push_back(ad);
        }) << "Add L2 advertisement wifi";

        QTest::newRow("remove l2") << CommandFactory([](Document *d) {
            return new RemoveL2AdvertisementCommand(d, QStringLiteral("example"));
        }) << ProjectEdit([](model::Project &p) { p.l2Advertisements.clear(); })
                                   << "Remove L2 advertisement example";

        QTest::newRow("edit l2") << CommandFactory([](Document *d) {
            model::L2Advertisement ad = d->project().l2Advertisements.front();
            ad.interfaces = {"eth0"};
            ad.nodeSelectors = {model::LabelSelector{{{"kubernetes.io/arch", "arm64"}}, {}}};
            return new EditL2AdvertisementCommand(d, QStringLiteral("example"), ad);
        }) << ProjectEdit([](model::Project &p) {
            p.l2Advertisements[0].interfaces = {"eth0"};
            p.l2Advertisements[0].nodeSelectors
                = {model::LabelSelector{{{"kubernetes.io/arch", "arm64"}}, {}}};
        }) << "Edit L2 advertisement example";

        QTest::newRow("add service") << CommandFactory([](Document *d) {
            return new AddServiceCommand(d, loadBalancer("web", "10.0.0.150"));
        }) << ProjectEdit([](model::Project &p) {
            p.services.push_back(loadBalancer("web", "10.0.0.150"));
        }) << "Add service default/web";

        QTest::newRow("remove service") << CommandFactory([](Document *d) {
            return new RemoveServiceCommand(
                d, QStringLiteral("kube-system"), QStringLiteral("traefik"));
        }) << ProjectEdit([](model::Project &p) { p.services.pop_back(); })
                                        << "Remove service kube-system/traefik";

        QTest::newRow("edit service") << CommandFactory([](Document *d) {
            model::Service s = *d->project().findService("kube-system", "traefik");
            s.externalTrafficPolicy = "Local";
            return new EditServiceCommand(
                d, QStringLiteral("kube-system"), QStringLiteral("traefik"), s);
        }) << ProjectEdit([](model::Project &p) {
            serviceIn(p, "kube-system", "traefik").externalTrafficPolicy = "Local";
        }) << "Edit service kube-system/traefik";

        QTest::newRow("import") << CommandFactory([](Document *d) {
            const auto result = io::importKubernetesYaml(importText, "lab.yaml");
            return new ImportYamlCommand(d, result, QStringLiteral("lab.yaml"));
        }) << ProjectEdit([](model::Project &p) {
            rules::Diagnostics ignored;
            io::mergeImport(p, io::importKubernetesYaml(importText, "lab.yaml"), ignored);
        }) << "Import lab.yaml";
    }

    void commands()
    {
        QFETCH(CommandFactory, command);
        QFETCH(ProjectEdit, expected);
        QFETCH(QString, description);

        Document doc;
        doc.openDemo();
        QUndoStack *stack = doc.undoStack();
        QUndoCommand *cmd = command(&doc);
        // Some rows set the stage with an earlier command; what this row tests starts here.
        const int base = stack->count();
        model::Project before = doc.project();
        model::Project after = before;
        expected(after);
        QVERIFY(text(before) != text(after));

        QSignalSpy changed(&doc, &Document::projectChanged);
        stack->push(cmd);
        QCOMPARE(stack->count(), base + 1);
        QCOMPARE(stack->undoText(), description);
        QCOMPARE(text(doc.project()), text(after));
        QCOMPARE(changed.count(), 1);
        QVERIFY(doc.isModified());

        stack->undo();
        QCOMPARE(text(doc.project()), text(before));
        QVERIFY(doc.project() == before);
        stack->redo();
        QCOMPARE(text(doc.project()), text(after));
        stack->undo();
        QCOMPARE(text(doc.project()), text(before));
        QCOMPARE(changed.count(), 4);
    }

    // Edits that find no target or would clash are dropped, not pushed as empty steps.
    void refusedEdits()
    {
        Document doc;
        doc.openDemo();
        auto *stack = doc.undoStack();
        const QString before = text(doc.project());
        model::Node n = *doc.project().findNode("node1");
        stack->push(new AddNodeCommand(&doc, n));
        stack->push(new RemoveNodeCommand(&doc, QStringLiteral("node9")));
        n.name = "node2";
        stack->push(new EditNodeCommand(&doc, QStringLiteral("node1"), n));
        stack->push(new RemovePoolCommand(&doc, QStringLiteral("nope")));
        stack->push(new SetPoolAddressesCommand(
            &doc, QStringLiteral("picluster-pool"), {"10.0.0.100-10.0.0.200"}));
        model::IPAddressPool x = *doc.project().findPool("picluster-pool");
        stack->push(new AddPoolCommand(&doc, x));
        stack->push(
            new AddServiceCommand(&doc, *doc.project().findService("default", "kubernetes")));
        stack->push(new RemoveL2AdvertisementCommand(&doc, QStringLiteral("nope")));
        QCOMPARE(stack->count(), 0);
        QCOMPARE(text(doc.project()), before);
        QVERIFY(!doc.isModified());
    }

    // A drag's updates pushed with one gesture key are one undo step; undo restores exactly.
    void dragMerges()
    {
        Document doc;
        doc.openDemo();
        auto *stack = doc.undoStack();
        const QString original = text(doc.project());
        const QString gesture = SetPoolAddressesCommand::newGestureKey();
        for (int i = 1; i <= 10; ++i) {
            const std::string end = "10.0.0." + std::to_string(200 - 5 * i);
            stack->push(new SetPoolAddressesCommand(
                &doc, QStringLiteral("picluster-pool"), {"10.0.0.100-" + end}, gesture));
        }
        QCOMPARE(stack->count(), 1);
        QCOMPARE(stack->undoText(), QStringLiteral("Change addresses of pool picluster-pool"));
        QCOMPARE(
            doc.project().pools[0].addresses, std::vector<std::string>{"10.0.0.100-10.0.0.150"});
        stack->undo();
        QCOMPARE(text(doc.project()), original);
        QVERIFY(doc.project() == demo());
        stack->redo();
        QCOMPARE(
            doc.project().pools[0].addresses, std::vector<std::string>{"10.0.0.100-10.0.0.150"});

        // A new gesture is a new step, and so is an update without a key.
        const QString next = SetPoolAddressesCommand::newGestureKey();
        QVERIFY(next != gesture);
        stack->push(new SetPoolAddressesCommand(
            &doc, QStringLiteral("picluster-pool"), {"10.0.0.100-10.0.0.140"}, next));
        stack->push(new SetPoolAddressesCommand(
            &doc, QStringLiteral("picluster-pool"), {"10.0.0.100-10.0.0.130"}));
        QCOMPARE(stack->count(), 3);

        // A gesture that ends where it began leaves no step behind.
        const QString back = SetPoolAddressesCommand::newGestureKey();
        stack->push(new SetPoolAddressesCommand(
            &doc, QStringLiteral("picluster-pool"), {"10.0.0.100-10.0.0.120"}, back));
        stack->push(new SetPoolAddressesCommand(
            &doc, QStringLiteral("picluster-pool"), {"10.0.0.100-10.0.0.130"}, back));
        QCOMPARE(stack->count(), 3);
        QCOMPARE(
            doc.project().pools[0].addresses, std::vector<std::string>{"10.0.0.100-10.0.0.130"});

        while (stack->canUndo())
            stack->undo();
        QCOMPARE(text(doc.project()), original);
    }

    // The demo's pool shrunk to .100-.105: services asking for addresses above .105 go pending
    // and say why; undo gives them their addresses back.
    void shrinkingPoolMakesServicesPending()
    {
        Document doc;
        doc.openDemo();
        auto *stack = doc.undoStack();
        stack->push(new AddServiceCommand(&doc, loadBalancer("web", "10.0.0.150")));
        stack->push(new AddServiceCommand(&doc, loadBalancer("db", "10.0.0.180")));
        QCOMPARE(planned(doc, "default", "web")->ips, std::vector<std::string>{"10.0.0.150"});
        QCOMPARE(planned(doc, "default", "db")->ips, std::vector<std::string>{"10.0.0.180"});
        QVERIFY(planned(doc, "default", "web")->pendingReason.empty());
        const QString before = text(doc.project());

        stack->push(new SetPoolAddressesCommand(
            &doc, QStringLiteral("picluster-pool"), {"10.0.0.100-10.0.0.105"}));
        for (const char *name : {"web", "db"}) {
            const auto *s = planned(doc, "default", name);
            QVERIFY(s->ips.empty());
            QVERIFY2(!s->pendingReason.empty(), name);
        }
        QVERIFY2(QString::fromStdString(planned(doc, "default", "web")->pendingReason)
                     .contains(QLatin1String("10.0.0.150")),
            planned(doc, "default", "web")->pendingReason.c_str());
        // traefik asks for nothing in particular and still gets the pool's first address.
        QCOMPARE(
            planned(doc, "kube-system", "traefik")->ips, std::vector<std::string>{"10.0.0.100"});

        stack->undo();
        QCOMPARE(text(doc.project()), before);
        QCOMPARE(planned(doc, "default", "web")->ips, std::vector<std::string>{"10.0.0.150"});
        QCOMPARE(planned(doc, "default", "db")->ips, std::vector<std::string>{"10.0.0.180"});
        QVERIFY(planned(doc, "default", "db")->pendingReason.empty());
    }

    // The generic command merges by its key too; the merged step undoes to the first "before".
    void genericMerge()
    {
        Document doc;
        doc.openDemo();
        for (const char *description : {"a", "ab", "abc"}) {
            auto after = doc.project();
            after.description = description;
            doc.undoStack()->push(new ProjectEditCommand(&doc, doc.project(), after,
                QStringLiteral("Edit description"), QStringLiteral("typing")));
        }
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.project().description, std::string("abc"));
        doc.undoStack()->undo();
        QVERIFY(doc.project() == demo());
    }

    // An import that replaces an object says so before it is pushed, and is one step.
    void importReplaces()
    {
        Document doc;
        doc.openDemo();
        const std::string yaml = "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\n"
                                 "metadata: {name: picluster-pool, namespace: metallb-system}\n"
                                 "spec: {addresses: [10.0.0.100-10.0.0.120]}\n";
        auto *cmd = new ImportYamlCommand(
            &doc, io::importKubernetesYaml(yaml, "pool.yaml"), QStringLiteral("pool.yaml"));
        QCOMPARE(cmd->diagnostics().size(), std::size_t(1));
        QCOMPARE(cmd->diagnostics()[0].code, std::string("object-replaced"));
        QVERIFY(doc.project() == demo()); // nothing happens before the push
        doc.undoStack()->push(cmd);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.project().pools.size(), std::size_t(1));
        QCOMPARE(doc.plan().pools[0].sizeV4, std::string("21"));
        doc.undoStack()->undo();
        QVERIFY(doc.project() == demo());
    }

    void podSubnetsStayPut()
    {
        Document doc;
        doc.openDemo();
        auto *stack = doc.undoStack();
        QCOMPARE(podSubnet(doc, "node3"), QStringLiteral("10.42.2.0/24"));
        QCOMPARE(podSubnet(doc, "node4"), QStringLiteral("10.42.3.0/24"));

        stack->push(new RemoveNodeCommand(&doc, QStringLiteral("node2")));
        QCOMPARE(podSubnet(doc, "node1"), QStringLiteral("10.42.0.0/24"));
        QCOMPARE(podSubnet(doc, "node3"), QStringLiteral("10.42.2.0/24"));
        QCOMPARE(podSubnet(doc, "node4"), QStringLiteral("10.42.3.0/24"));

        stack->push(new AddNodeCommand(&doc, newNode("node5", "10.0.0.15")));
        QCOMPARE(podSubnet(doc, "node5"), QStringLiteral("10.42.1.0/24"));
        QCOMPARE(doc.project().findNode("node5")->podCIDR, std::optional(cidr("10.42.1.0/24")));
        QCOMPARE(podSubnet(doc, "node3"), QStringLiteral("10.42.2.0/24"));

        // Unrelated edits move nothing either.
        stack->push(new SetPoolAddressesCommand(
            &doc, QStringLiteral("picluster-pool"), {"10.0.0.100-10.0.0.120"}));
        QCOMPARE(podSubnet(doc, "node4"), QStringLiteral("10.42.3.0/24"));
        QCOMPARE(podSubnet(doc, "node5"), QStringLiteral("10.42.1.0/24"));

        stack->undo();
        stack->undo();
        QVERIFY(!doc.plan().findNode("node5"));
        stack->undo();
        QCOMPARE(podSubnet(doc, "node2"), QStringLiteral("10.42.1.0/24"));
        QCOMPARE(podSubnet(doc, "node3"), QStringLiteral("10.42.2.0/24"));
        QCOMPARE(podSubnet(doc, "node4"), QStringLiteral("10.42.3.0/24"));
    }

    void modifiedAndSave()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Document doc;
        QCOMPARE(doc.displayName(), QStringLiteral("Untitled"));
        doc.openDemo();
        QVERIFY(doc.project() == demo());
        QVERIFY(!doc.isModified());
        QVERIFY(doc.filePath().isEmpty());
        QCOMPARE(doc.displayName(), QStringLiteral("picluster"));

        QSignalSpy modified(&doc, &Document::modifiedChanged);
        QSignalSpy pathChanged(&doc, &Document::filePathChanged);
        doc.undoStack()->push(new RemoveNodeCommand(&doc, QStringLiteral("node4")));
        QVERIFY(doc.isModified());
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.last().at(0).toBool(), true);
        doc.undoStack()->undo();
        QVERIFY(!doc.isModified());
        QCOMPARE(modified.last().at(0).toBool(), false);
        doc.undoStack()->redo();
        QVERIFY(doc.isModified());

        QString error;
        QVERIFY(!doc.save(&error));
        QVERIFY(!error.isEmpty());
        QVERIFY(doc.isModified());

        QVERIFY(!doc.saveAs(dir.filePath(QStringLiteral("missing/dir/x.k3snet.yaml")), &error));
        QVERIFY2(error.contains(QLatin1String("x.k3snet.yaml")), qPrintable(error));
        QVERIFY(doc.isModified());

        const QString path = dir.filePath(QStringLiteral("pi.k3snet.yaml"));
        QVERIFY2(doc.saveAs(path, &error), qPrintable(error));
        QVERIFY(!doc.isModified());
        QCOMPARE(modified.last().at(0).toBool(), false);
        QCOMPARE(pathChanged.count(), 1);
        QCOMPARE(doc.filePath(), path);
        QCOMPARE(doc.displayName(), QStringLiteral("pi.k3snet.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), text(doc.project()));
        QVERIFY(!QDir(dir.path()).entryList(QDir::Files).filter(QStringLiteral("tmp")).size());

        // Undo past the save: modified again; save() writes to the same file.
        doc.undoStack()->undo();
        QVERIFY(doc.isModified());
        QVERIFY2(doc.save(&error), qPrintable(error));
        QVERIFY(!doc.isModified());
        QCOMPARE(pathChanged.count(), 1);

        Document reopened;
        rules::Diagnostics diagnostics;
        QVERIFY(reopened.open(path, &diagnostics));
        QVERIFY(reopened.project() == doc.project());
        QCOMPARE(reopened.filePath(), path);
        QVERIFY(!reopened.isModified());
        QCOMPARE(reopened.undoStack()->count(), 0);
    }

    void failedOpenChangesNothing()
    {
        QTemporaryDir dir;
        Document doc;
        doc.openDemo();
        doc.undoStack()->push(new RemoveNodeCommand(&doc, QStringLiteral("node4")));
        const QString before = text(doc.project());
        QSignalSpy changed(&doc, &Document::projectChanged);

        rules::Diagnostics diagnostics;
        QVERIFY(!doc.open(dir.filePath(QStringLiteral("nothing.k3snet.yaml")), &diagnostics));
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(diagnostics[0].code), QStringLiteral("io-error"));

        const QString broken = dir.filePath(QStringLiteral("broken.k3snet.yaml"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: k3snet.io/v1alpha1\nkind: Project\nnodes: [\n");
        file.close();
        QVERIFY(!doc.open(broken, &diagnostics));
        QVERIFY(rules::hasErrors(diagnostics));
        QVERIFY(!doc.open(broken, nullptr));

        QCOMPARE(text(doc.project()), before);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(doc.isModified());
        QVERIFY(doc.filePath().isEmpty());
    }

    void resetClearsHistory()
    {
        Document doc;
        doc.openDemo();
        doc.undoStack()->push(new RemoveNodeCommand(&doc, QStringLiteral("node4")));
        QVERIFY(doc.isModified());
        QSignalSpy modified(&doc, &Document::modifiedChanged);
        doc.reset(model::Project());
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(!doc.isModified());
        QCOMPARE(modified.count(), 1);
        QVERIFY(doc.project().nodes.empty());
        QVERIFY(doc.plan().nodes.empty());
    }

    // What an edit replaced is freed after the repaint it asked for: an event of
    // Qt::LowEventPriority posted before (as a window's update request is) comes first.
    void disposalWaitsForTheRepaint()
    {
        struct Recorder : QObject
        {
            QStringList *log = nullptr;
            bool event(QEvent *e) override
            {
                if (e->type() != QEvent::User)
                    return QObject::event(e);
                *log << QStringLiteral("repaint");
                return true;
            }
        };
        struct Freed
        {
            QStringList *log;
            ~Freed()
            {
                if (log)
                    *log << QStringLiteral("freed");
            }
            Freed(QStringList *l) : log(l) {}
            Freed(Freed &&other) noexcept : log(std::exchange(other.log, nullptr)) {}
        };
        QStringList log;
        Recorder window;
        window.log = &log;
        DeferredDisposal disposal;
        QCoreApplication::postEvent(&window, new QEvent(QEvent::User), Qt::LowEventPriority);
        disposal.dispose(Freed(&log));
        QVERIFY(log.isEmpty());
        QCOMPARE(disposal.pending(), std::size_t(1));
        QCoreApplication::processEvents();
        QCOMPARE(log, (QStringList{QStringLiteral("repaint"), QStringLiteral("freed")}));
        QCOMPARE(disposal.pending(), std::size_t(0));

        // With no event loop running, a few batches wait and older ones go as new ones come.
        log.clear();
        for (int i = 0; i < 6; ++i)
            disposal.dispose(Freed(&log));
        QCOMPARE(log.size(), 2);
        QCOMPARE(disposal.pending(), std::size_t(4));
        QCoreApplication::processEvents();
        QCOMPARE(log.size(), 6);

        // The document's plans go the same way.
        Document doc;
        doc.reset(documenttest::demo());
        doc.undoStack()->push(new SetPoolAddressesCommand(
            &doc, QStringLiteral("picluster-pool"), {"10.0.0.150-10.0.0.160"}));
        const auto *kept = doc.findChild<DeferredDisposal *>();
        QVERIFY(kept);
        QCOMPARE(kept->pending(), std::size_t(1));
        QCoreApplication::processEvents();
        QCOMPARE(kept->pending(), std::size_t(0));
    }

};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
