// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): the desktop app on a generated project of 100 nodes, 50 pools and
// 2,000 LoadBalancer services. Measures the time from opening the project file to the first
// painted frame of the main window; the time from a pool edit pushed through the document
// (an undoable SetPoolAddressesCommand, as a drag on the address map pushes) to the repainted
// topology view and to the repainted window, split into the plan (core/domain) and the views'
// updates; and the process's memory (RSS). Prints markdown tables. Runs on the offscreen
// platform unless QT_QPA_PLATFORM says otherwise (e.g. xcb under xvfb-run); build Release.
#include "threadcputimer.h"

#include "diagnostics/diagnosticswidget.h"
#include "document/document.h"
#include "document/setpooladdressescommand.h"
#include "domain/election/rankingcache.h"
#include "domain/io/projectfile.h"
#include "domain/plan/plan.h"
#include "l2/l2advertisementeditor.h"
#include "mainwindow.h"
#include "models/l2advertisementmodel.h"
#include "models/nodemodel.h"
#include "models/poolmodel.h"
#include "models/servicemodel.h"
#include "pools/addressmapwidget.h"
#include "pools/poolchartwidget.h"
#include "projectfilecontroller.h"
#include "tables/objecttablewidget.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

using namespace k3snet;

namespace {

constexpr int kNodes = 100;
constexpr int kPools = 50;
constexpr int kServices = 2000;
constexpr int kEdits = 20; // pool edits measured (alternately shrinking and restoring)

// 100 nodes on 172.16.0.0/16, 50 pools of a /24 each (the services fill the first eight in
// order), one L2Advertisement for every pool, 2,000 LoadBalancer services in 10 namespaces.
model::Project generate()
{
    model::Project p;
    p.name = "bench";
    p.network.clusterCIDR = *net::Prefix::parse("10.64.0.0/12");
    p.network.lan.subnet = *net::Prefix::parse("172.16.0.0/16");
    p.network.lan.gateway = *net::Address::parse("172.16.0.1");
    for (int i = 0; i < kNodes; ++i) {
        model::Node n;
        n.name = "pi-" + std::to_string(i);
        n.role = i < 3 ? model::NodeRole::Server : model::NodeRole::Agent;
        n.lanIP = net::Address::v4(0xac100000u + 10u + unsigned(i));
        n.labels["kubernetes.io/arch"] = i % 2 ? "arm64" : "arm";
        n.ssh.user = "pi";
        p.nodes.push_back(std::move(n));
    }
    for (int i = 0; i < kPools; ++i) {
        model::IPAddressPool pool;
        pool.name = "pool-" + std::to_string(i);
        pool.addresses.push_back("172.16." + std::to_string(100 + i) + ".0/24");
        p.pools.push_back(std::move(pool));
    }
    model::L2Advertisement all;
    all.name = "all";
    p.l2Advertisements.push_back(all);
    for (int i = 0; i < kServices; ++i) {
        model::Service s;
        s.namespaceName = "ns" + std::to_string(i % 10);
        s.name = "svc-" + std::to_string(i);
        s.type = "LoadBalancer";
        s.ports.push_back({"http", "TCP", 80, 0});
        p.services.push_back(std::move(s));
    }
    return p;
}

long statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLong();
    return -1;
}

struct Stats
{
    double median = 0, min = 0, max = 0;
};

Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v.front(), v.back()};
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Notes when a widget has been painted.
class PaintWatcher : public QObject
{
public:
    bool painted = false;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return false;
    }
};

// The end of the window's next frame: the update request that paints every dirty widget of
// the window at once (the topology view's viewport among them), as the event loop delivers
// it after an edit. QWidget::repaint() of the window is no such frame: it leaves out the
// viewport, which QGraphicsView updates from its scene's queued changes.
class FrameWatcher : public QObject
{
public:
    bool framed = false;
    bool viewportPainted = false;
    QWidget *viewport = nullptr;
    // When the frame was painted: the clock and CPU timer the edit started, read as the
    // update request returns (what the event loop does after it, such as freeing the plan
    // an edit replaced, is not the frame's).
    const QElapsedTimer *clock = nullptr;
    const ThreadCpuTimer *cpu = nullptr;
    double frameMs = 0, frameCpuMs = 0;

    // Processes events until the window has painted a frame with the viewport in it.
    bool waitForFrame(int timeoutMs = 5000)
    {
        framed = viewportPainted = false;
        QElapsedTimer t;
        t.start();
        while (!framed && t.elapsed() < timeoutMs)
            QCoreApplication::processEvents();
        return framed;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == viewport && event->type() == QEvent::Paint)
            viewportPainted = true;
        if (event->type() != QEvent::UpdateRequest || !watched->isWidgetType())
            return false;
        // Delivered here, so that the frame has been painted when this returns.
        watched->removeEventFilter(this);
        static_cast<QObject *>(watched)->event(event);
        watched->installEventFilter(this);
        if (!framed && viewportPainted) {
            framed = true;
            frameMs = clock ? msSince(*clock) : 0;
            frameCpuMs = cpu ? cpu->ms() : 0;
        }
        return true;
    }
};

// The shortest time of pool edits pushed on a document of its own with only what make() builds
// listening: how much of an edit each part of the window costs.
struct Cost
{
    double ms = 0;
    double cpu = 0; // CPU ms of this thread
};

// pool-0 shrinking moves every service; pool-7 shrinking moves those of its upper half.
struct Edit
{
    QString pool;
    std::string half, whole;
};
const Edit everyService{QStringLiteral("pool-0"), "172.16.100.0/25", "172.16.100.0/24"};
const Edit fewServices{QStringLiteral("pool-7"), "172.16.107.0/25", "172.16.107.0/24"};

Cost editCost(const model::Project &project, const Edit &edit,
    const std::function<std::unique_ptr<QObject>(Document *)> &make)
{
    Document document;
    document.reset(project);
    std::unique_ptr<QObject> part = make ? make(&document) : nullptr;
    std::vector<double> times, counts;
    QElapsedTimer timer;
    ThreadCpuTimer counter;
    for (int i = 0; i < 8; ++i) {
        const std::vector<std::string> addresses{i % 2 == 0 ? edit.half : edit.whole};
        timer.restart();
        counter.start();
        document.undoStack()->push(new SetPoolAddressesCommand(&document, edit.pool, addresses));
        counts.push_back(counter.ms());
        times.push_back(msSince(timer));
        QCoreApplication::processEvents();
    }
    document.undoStack()->clear();
    // The least disturbed by other work on the machine; the warm edits for the count.
    return {stats(times).min, stats(counts).median};
}

template<class T> std::function<std::unique_ptr<QObject>(Document *)> build()
{
    return [](Document *document) {
        auto part = std::make_unique<T>(document);
        if constexpr (std::is_base_of_v<QWidget, T>) {
            part->resize(600, 400);
            part->show();
        }
        return part;
    };
}

template<class Model> std::function<std::unique_ptr<QObject>(Document *)> table()
{
    return [](Document *document) {
        auto widget
            = std::make_unique<ObjectTableWidget>(new Model(document), QStringLiteral("bench"));
        widget->model()->setParent(widget.get());
        widget->resize(900, 300);
        widget->show();
        return widget;
    };
}

void printBreakdown(const model::Project &project)
{
    const Cost base = editCost(project, everyService, nullptr);
    const Cost baseFew = editCost(project, fewServices, nullptr);
    struct Part
    {
        const char *name;
        std::function<std::unique_ptr<QObject>(Document *)> make;
    };
    const std::vector<Part> parts{
        {"topology scene", build<TopologyScene>()},
        {"node table (model, sort/filter proxy, view)", table<NodeModel>()},
        {"pool table", table<PoolModel>()},
        {"L2 advertisement table", table<L2AdvertisementModel>()},
        {"service table", table<ServiceModel>()},
        {"diagnostics dock", build<DiagnosticsWidget>()},
        {"address map", build<AddressMapWidget>()},
        {"pool chart", build<PoolChartWidget>()},
        {"L2 advertisement editor", build<L2AdvertisementEditor>()},
    };
    std::printf("\n| where a pool edit's time goes (each part alone on a document) | every "
                "service moves: ms | CPU ms (median) | ~125 move: ms | CPU ms (median) |\n"
                "|---|---:|---:|---:|---:|\n");
    std::printf("| document: command, plan (makePlan), undo snapshot | %.2f | %.2f | %.2f | "
                "%.2f |\n",
        base.ms, base.cpu, baseFew.ms, baseFew.cpu);
    for (const Part &part : parts) {
        const Cost c = editCost(project, everyService, part.make);
        const Cost few = editCost(project, fewServices, part.make);
        std::printf("| + %s | %.2f | %.2f | %.2f | %.2f |\n", part.name, c.ms - base.ms,
            c.cpu - base.cpu, few.ms - baseFew.ms, few.cpu - baseFew.cpu);
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no settings of the user's are read or written
    QCoreApplication::setOrganizationName(QStringLiteral("k3snet-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_app_render"));
    QSettings().clear();

    const long rssStart = statusKiB("VmRSS");
    const model::Project project = generate();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.k3snet.yaml"));
    if (!dir.isValid() || io::saveProjectFile(project, QFile::encodeName(path).toStdString())) {
        std::fprintf(stderr, "cannot write the generated project to %s\n", qPrintable(path));
        return 1;
    }

    // Open and render: from reading the file to the first frame of the window showing it.
    MainWindow window;
    window.resize(1500, 920);
    PaintWatcher watcher;
    window.topologyView()->viewport()->installEventFilter(&watcher);
    QElapsedTimer timer;
    timer.start();
    if (!window.files()->openFile(path)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
        return 1;
    }
    const double openMs = msSince(timer);
    window.show();
    while (!watcher.painted && timer.elapsed() < 60000)
        QCoreApplication::processEvents();
    const double firstFrameMs = msSince(timer);
    if (!watcher.painted) {
        std::fprintf(stderr, "the topology view was never painted\n");
        return 1;
    }
    QCoreApplication::processEvents(); // the deferred fit-to-window
    FrameWatcher frames;
    frames.viewport = window.topologyView()->viewport();
    window.installEventFilter(&frames);
    frames.viewport->installEventFilter(&frames);
    frames.clock = &timer;
    const long rssOpen = statusKiB("VmRSS");
    const int chips = int(window.topologyScene()->serviceIpItems().size());

    // Pool edits: pool-0 (/24, full) shrinks to its first half and back, so about 130 services
    // move to other pools and every chip from pool-0 upwards changes its address or its node.
    Document *document = window.document();
    const std::vector<std::string> shrunk{"172.16.100.0/25"};
    const std::vector<std::string> whole{"172.16.100.0/24"};
    std::vector<double> planOnly, planCached, toModels, toView, toWindow, repaintOnly;
    std::vector<double> repaintOnlyC, planOnlyC, planCachedC, toModelsC, toViewC, toWindowC;
    ThreadCpuTimer counter;
    frames.cpu = &counter;
    election::RankingCache rankings; // as the document keeps one
    int patched = 0;
    // Each edit is measured to one repaint, as the event loop would do it: in turns of two
    // edits (shrink, restore), to the topology view's, or to the whole window's (which
    // paints the topology too: painting the view first and then the window counted it twice).
    for (int i = 0; i < 2 * kEdits; ++i) {
        const auto &addresses = i % 2 == 0 ? shrunk : whole;
        const bool toWholeWindow = (i / 2) % 2 == 1;
        model::Project edited = document->project();
        edited.pools.front().addresses = addresses;
        timer.restart();
        counter.start();
        const plan::Plan plan = plan::makePlan(edited);
        planOnlyC.push_back(counter.ms());
        planOnly.push_back(msSince(timer));
        (void)plan;
        plan::PlanOptions options;
        options.rankingCache = &rankings;
        plan::Plan previous = document->plan(); // copied outside the clock: the plan lends it
        options.previousProject = &document->project();
        options.previousPlan = &previous;
        timer.restart();
        counter.start();
        const plan::Plan planC = plan::makePlan(edited, options);
        planCachedC.push_back(counter.ms());
        planCached.push_back(msSince(timer));
        (void)planC;

        timer.restart();
        counter.start();
        document->undoStack()->push(
            new SetPoolAddressesCommand(document, QStringLiteral("pool-0"), addresses));
        toModelsC.push_back(counter.ms());
        toModels.push_back(msSince(timer));
        patched += window.topologyScene()->lastUpdate() == TopologyScene::Update::Patched;
        if (toWholeWindow) {
            if (!frames.waitForFrame()) {
                std::fprintf(stderr, "no frame of the window followed a pool edit\n");
                return 1;
            }
            toWindowC.push_back(frames.frameCpuMs);
            toWindow.push_back(frames.frameMs);
        } else {
            window.topologyView()->viewport()->repaint();
            toViewC.push_back(counter.ms());
            toView.push_back(msSince(timer));
        }
        QCoreApplication::processEvents(); // what was left for later (deferred updates)
        timer.restart();
        counter.start();
        window.topologyView()->viewport()->repaint();
        repaintOnlyC.push_back(counter.ms());
        repaintOnly.push_back(msSince(timer));
    }
    // kEdits edits of pool, alternately to the first and the second addresses, each timed
    // from the push to the window's next frame (wall clock and the GUI thread's CPU).
    const auto timeEdits = [&](const QString &pool, const std::vector<std::string> &first,
                               const std::vector<std::string> &second, std::vector<double> &ms,
                               std::vector<double> &cpuMs, std::size_t *mostChanged = nullptr) {
        for (int i = 0; i < kEdits; ++i) {
            timer.restart();
            counter.start();
            document->undoStack()->push(
                new SetPoolAddressesCommand(document, pool, i % 2 == 0 ? first : second));
            if (!frames.waitForFrame()) {
                std::fprintf(stderr, "no frame of the window followed a pool edit\n");
                return false;
            }
            cpuMs.push_back(frames.frameCpuMs);
            ms.push_back(frames.frameMs);
            if (mostChanged)
                *mostChanged = std::max(*mostChanged, document->lastChange().services.size());
            QCoreApplication::processEvents();
        }
        return true;
    };
    // A smaller edit: the last pool the services fill (pool-7) loses its upper half and gets
    // it back, so the services in that half move to pool-8 and the other 1,900 keep theirs.
    std::vector<double> lastToWindow, lastToWindowC;
    if (!timeEdits(QStringLiteral("pool-7"), {"172.16.107.0/25"}, {"172.16.107.0/24"}, lastToWindow,
            lastToWindowC))
        return 1;
    // The same large edit while the user watches the services table (its tab chosen; hidden,
    // it waits until shown): every row of 1,870 moved services is made again.
    std::vector<double> servicesShownToWindow, servicesShownToWindowC;
    auto *servicesDock = window.findChild<QDockWidget *>(QStringLiteral("servicesDock"));
    auto *nodesDock = window.findChild<QDockWidget *>(QStringLiteral("nodesDock"));
    if (!servicesDock || !nodesDock) {
        std::fprintf(stderr, "the window has no services or nodes dock\n");
        return 1;
    }
    servicesDock->raise();
    frames.waitForFrame();
    if (!timeEdits(
            QStringLiteral("pool-0"), shrunk, whole, servicesShownToWindow, servicesShownToWindowC))
        return 1;
    nodesDock->raise();
    frames.waitForFrame();

    const long rssEdits = statusKiB("VmRSS");
    const long rssPeak = statusKiB("VmHWM");
    // What the undo history holds: every command keeps the project before and after.
    document->undoStack()->clear();
    malloc_trim(0);
    const long rssNoHistory = statusKiB("VmRSS");

    // The same project as deployed: every service carries the address MetalLB gave it in its
    // status (as a kubectl import brings them), so shrinking pool-0 moves only the services in
    // its lost half, and the others keep theirs.
    model::Project deployed = project;
    {
        const plan::Plan first = plan::makePlan(deployed);
        for (std::size_t i = 0; i < deployed.services.size(); ++i)
            deployed.services[i].ingressIPs = first.services[i].ips;
    }
    document->reset(deployed);
    frames.waitForFrame();
    std::vector<double> deployedToWindow, deployedToWindowC;
    std::size_t deployedMoved = 0;
    if (!timeEdits(QStringLiteral("pool-0"), shrunk, whole, deployedToWindow, deployedToWindowC,
            &deployedMoved))
        return 1;

    const Stats plan = stats(planOnly);
    const Stats planC = stats(planCached);
    const Stats models = stats(toModels);
    const Stats view = stats(toView);
    const Stats whole2 = stats(toWindow);
    std::printf("## Desktop app: %d nodes, %d pools, %d services (%s platform)\n\n", kNodes, kPools,
        kServices, qPrintable(QGuiApplication::platformName()));
    std::printf("| step | median (ms) | min (ms) | max (ms) | CPU ms (median) |\n"
                "|---|---:|---:|---:|---:|\n");
    std::printf("| open the project file (load, plan, build every view) | %.1f | | | |\n", openMs);
    std::printf("| open to the first painted frame of the window | %.1f | | | |\n", firstFrameMs);
    const auto row = [](const char *what, const Stats &t, const std::vector<double> &instr) {
        std::printf("| %s | %.2f | %.2f | %.2f | %.2f |\n", what, t.median, t.min, t.max,
            stats(instr).median);
    };
    row("pool edit: plan only (core/domain makePlan, no cache)", plan, planOnlyC);
    row("pool edit: plan only, as the document plans (ranking cache, previous plan)", planC,
        planCachedC);
    row("pool edit: push command -> document, models, scene updated", models, toModelsC);
    row("pool edit: push command -> topology view repainted", view, toViewC);
    row("pool edit: push command -> whole window repainted", whole2, toWindowC);
    row("smaller pool edit (pool-7: ~125 services move): push -> whole window repainted",
        stats(lastToWindow), lastToWindowC);
    row("pool edit (every service moves) with the services table shown: push -> whole window "
        "repainted",
        stats(servicesShownToWindow), servicesShownToWindowC);
    row("pool-0 edit on the deployed project (services keep their status addresses): push "
        "-> whole window repainted",
        stats(deployedToWindow), deployedToWindowC);
    row("topology view repainted, nothing changed", stats(repaintOnly), repaintOnlyC);
    std::printf("\n| memory | KiB |\n|---|---:|\n");
    std::printf("| RSS at start (Qt loaded, no window) | %ld |\n", rssStart);
    std::printf("| RSS after the first frame | %ld |\n", rssOpen);
    std::printf("| RSS after %d pool edits (undo history kept) | %ld |\n", 4 * kEdits, rssEdits);
    std::printf("| the same after clearing the undo history | %ld |\n", rssNoHistory);
    std::printf("| peak RSS (VmHWM) | %ld |\n", rssPeak);
    if (!QCoreApplication::arguments().contains(QStringLiteral("--no-breakdown")))
        printBreakdown(project);
    std::printf("\n%d service chips in the topology; %d pool-0 edits, half of them measured to "
                "the topology view's repaint and half to the window's (the topology patched in "
                "place %d times), target < 16 ms per edit; on the deployed project an edit "
                "changed at most %zu services' plans.\n",
        chips, 2 * kEdits, patched, deployedMoved);
    document->undoStack()->setClean();
    return 0;
}
