// SPDX-License-Identifier: GPL-3.0-or-later
// makePlan with the previous project and plan (PlanOptions::previousPlan, as the app's document
// plans after every edit) must give exactly the plan made from scratch, whatever the edit: the
// reuse is an optimisation, never a different answer. Random edits of every kind that changes an
// election's inputs, each compared field by field with a fresh plan.
#include "testprojects.h"

#include "domain/election/announcer.h"
#include "domain/election/rankingcache.h"
#include "domain/plan/plan.h"

#include <QtTest>

#include <random>
#include <set>

using namespace k3snet;
using namespace testprojects;

namespace {

model::Project generated()
{
    model::Project p = seedProject(12);
    p.network.lan.subnet = cidr("10.0.0.0/16");
    for (std::size_t i = 0; i < p.nodes.size(); ++i)
        p.nodes[i].labels["zone"] = i % 3 ? "a" : "b";
    for (int i = 0; i < 4; ++i) {
        model::IPAddressPool pool;
        pool.name = "pool" + std::to_string(i);
        pool.labels["tier"] = i % 2 ? "web" : "db";
        pool.addresses.push_back("10.0." + std::to_string(100 + i) + ".0/28");
        p.pools.push_back(pool);
    }
    model::L2Advertisement all;
    all.name = "all";
    p.l2Advertisements.push_back(all);
    for (int i = 0; i < 50; ++i) {
        model::Service s;
        s.namespaceName = "ns" + std::to_string(i % 3);
        s.name = "svc" + std::to_string(i);
        s.type = "LoadBalancer";
        s.labels["app"] = i % 2 ? "web" : "db";
        p.services.push_back(s);
    }
    return p;
}

// One random edit of the kinds the app makes, including the ones that must stop the reuse.
std::string edit(model::Project &p, std::mt19937 &rng)
{
    const auto pick = [&](std::size_t n) { return std::size_t(rng() % n); };
    switch (rng() % 10) {
    case 0: { // a pool's range: services move between addresses and pools
        auto &pool = p.pools[pick(p.pools.size())];
        pool.addresses = {"10.0." + std::to_string(100 + pick(6)) + ".0/" + std::to_string(26 + pick(4))};
        return "pool range of " + pool.name;
    }
    case 1: { // a node's labels (node selectors, the exclusion label)
        auto &n = p.nodes[pick(p.nodes.size())];
        if (pick(2))
            n.labels["zone"] = pick(2) ? "a" : "b";
        else
            n.labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "";
        return "labels of " + n.name;
    }
    case 2: { // a node renamed: every ranking changes
        auto &n = p.nodes[pick(p.nodes.size())];
        n.name += "x";
        return "rename of a node";
    }
    case 3: // an advertisement's node selector
        p.l2Advertisements.front().nodeSelectors = {model::LabelSelector{{{"zone", pick(2) ? "a" : "b"}}, {}}};
        return "node selector";
    case 4: // an advertisement by pool selector: pool labels decide
        p.l2Advertisements.front().ipAddressPoolSelectors
            = {model::LabelSelector{{{"tier", pick(2) ? "web" : "db"}}, {}}};
        return "pool selector";
    case 5: { // a pool's labels
        auto &pool = p.pools[pick(p.pools.size())];
        pool.labels["tier"] = pick(2) ? "web" : "db";
        return "labels of " + pool.name;
    }
    case 6: { // a service removed: indices shift
        if (p.services.size() > 5)
            p.services.erase(p.services.begin() + long(pick(p.services.size())));
        return "service removed";
    }
    case 8: { // a service's port: only that service's plan changes
        auto &s = p.services[pick(p.services.size())];
        s.ports = {{"http", "TCP", int(80 + pick(3)), 0}};
        return "port of " + s.name;
    }
    case 7: { // a service's labels, traffic policy, endpoints
        auto &s = p.services[pick(p.services.size())];
        s.externalTrafficPolicy = pick(2) ? "Local" : "Cluster";
        s.endpointNodes = std::vector<std::string>{p.nodes[pick(p.nodes.size())].name};
        return "endpoints of " + s.name;
    }
    default: { // a node taken out of the network
        auto &n = p.nodes[pick(p.nodes.size())];
        n.networkUnavailable = !n.networkUnavailable;
        return "NetworkUnavailable on " + n.name;
    }
    }
}

// Every field of a service's plan.
QString describe(const plan::ServicePlan &s)
{
    std::string text = s.namespaceName + "/" + s.name + " " + s.type + " " + s.clusterIP
        + " ports";
    for (const auto &port : s.ports)
        text += " " + port;
    text += " ips";
    for (const auto &ip : s.ips)
        text += " " + ip;
    text += " pool " + s.pool + " pending " + s.pendingReason + " by " + s.announcer + " then";
    for (const auto &f : s.fallbacks)
        text += " " + f;
    return QString::fromStdString(text);
}

QStringList diagnostics(const plan::Plan &plan)
{
    QStringList out;
    for (const auto &d : plan.diagnostics)
        out << QString::fromStdString(d.code + ": " + d.message);
    return out;
}

// Enough services that a plan elects on several threads (util::parallelFor): some announced
// by a few nodes only (externalTrafficPolicy: Local), some by nobody (no ready endpoint).
model::Project manyServices()
{
    model::Project p = seedProject(20);
    p.network.lan.subnet = cidr("10.0.0.0/16");
    model::IPAddressPool pool;
    pool.name = "big";
    pool.addresses.push_back("10.0.8.0/21");
    p.pools.push_back(pool);
    model::L2Advertisement all;
    all.name = "all";
    p.l2Advertisements.push_back(all);
    for (int i = 0; i < 1200; ++i) {
        model::Service s;
        s.namespaceName = "ns";
        s.name = "svc" + std::to_string(i);
        s.type = "LoadBalancer";
        if (i % 7 == 3) {
            s.externalTrafficPolicy = "Local";
            s.endpointNodes = std::vector<std::string>{};
        } else if (i % 11 == 5) {
            s.externalTrafficPolicy = "Local";
            s.endpointNodes = std::vector<std::string>{p.nodes[std::size_t(i) % 20].name};
        }
        p.services.push_back(s);
    }
    return p;
}

} // namespace

class TestPlanReuse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomEditsGiveTheFreshPlan()
    {
        std::mt19937 rng(20261126);
        election::RankingCache cache;
        model::Project project = generated();
        plan::Plan current = plan::makePlan(project);
        int reused = 0;
        std::size_t changedTotal = 0;
        int partial = 0;
        for (int step = 0; step < 400; ++step) {
            model::Project next = project;
            const std::string what = edit(next, rng);
            const plan::Plan fresh = plan::makePlan(next);

            plan::PlanOptions options;
            options.rankingCache = step % 2 ? &cache : nullptr;
            options.previousProject = &project;
            options.previousPlan = &current;
            plan::PlanChange change;
            options.change = &change;
            const plan::Plan before = current;
            plan::Plan planned = plan::makePlan(next, options);

            QVERIFY2(planned.services.size() == fresh.services.size(), what.c_str());
            for (std::size_t i = 0; i < fresh.services.size(); ++i)
                QCOMPARE(describe(planned.services[i]), describe(fresh.services[i]));
            QCOMPARE(diagnostics(planned), diagnostics(fresh));
            // What the change does not list is what the previous plan had at that place.
            if (!change.allServices) {
                std::vector<bool> listed(planned.services.size());
                for (std::size_t i : change.services)
                    listed.at(i) = true;
                for (std::size_t i = 0; i < planned.services.size(); ++i)
                    if (!listed[i])
                        QCOMPARE(describe(planned.services[i]), describe(before.services.at(i)));
                changedTotal += change.services.size();
                ++partial;
            }
            // The reuse really ran: a service it took from left its announcer behind.
            for (std::size_t i = 0; i < current.services.size(); ++i)
                reused += current.services[i].announcer.empty()
                    && !before.services[i].announcer.empty();
            project = std::move(next);
            current = std::move(planned);
        }
        // 400 edits of 50 services (about 2,400 carry over with this seed): an edit of a node,
        // an advertisement or a pool's labels stops all of them, a range edit only the moved.
        QVERIFY2(reused > 1500, qPrintable(QString::number(reused)));
        // Edits of one service or one pool list few services as changed.
        QVERIFY2(partial > 100 && changedTotal < std::size_t(partial) * 25,
            qPrintable(QStringLiteral("%1 partial changes, %2 services").arg(partial).arg(changedTotal)));
    }

    void unchangedProjectReusesEveryElection()
    {
        model::Project project = generated();
        plan::Plan first = plan::makePlan(project);
        const plan::Plan copy = first;
        plan::PlanOptions options;
        options.previousProject = &project;
        options.previousPlan = &first;
        const plan::Plan again = plan::makePlan(project, options);
        int announced = 0;
        for (std::size_t i = 0; i < copy.services.size(); ++i) {
            QCOMPARE(describe(again.services[i]), describe(copy.services[i]));
            announced += !copy.services[i].announcer.empty();
            QVERIFY(first.services[i].announcer.empty()); // taken, not recomputed
        }
        QCOMPARE(announced, 50);
    }

    // The elections of a large plan run on several threads, sharing the ranking cache: each
    // service gets what electing it alone gives, and the warnings come in the services' order.
    void parallelElectionsMatchOneByOne()
    {
        const model::Project project = manyServices();
        election::RankingCache cache;
        {
            // Half the addresses ranked before: the others are learnt while shared.
            model::Project half = project;
            half.services.resize(600);
            plan::PlanOptions options;
            options.rankingCache = &cache;
            (void)plan::makePlan(half, options);
        }
        const std::size_t rankedBefore = cache.size();
        QVERIFY(rankedBefore > 0);
        for (int round = 0; round < 2; ++round) {
            plan::PlanOptions options;
            options.rankingCache = round == 0 ? &cache : nullptr;
            const plan::Plan planned = plan::makePlan(project, options);
            QCOMPARE(planned.services.size(), project.services.size());
            QStringList expectedWarnings;
            int announced = 0;
            for (std::size_t i = 0; i < project.services.size(); ++i) {
                const plan::ServicePlan &sp = planned.services[i];
                QVERIFY2(!sp.ips.empty(), sp.name.c_str());
                const auto alone
                    = election::electAnnouncer(project, project.services[i], sp.pool, sp.ips.front());
                QCOMPARE(QString::fromStdString(sp.announcer), QString::fromStdString(alone.announcer()));
                QVERIFY2(sp.fallbacks == alone.fallbacks(), sp.name.c_str());
                announced += !sp.announcer.empty();
                if (alone.isEmpty())
                    expectedWarnings << QString::fromStdString(
                        "service-not-announced: service \"" + project.services[i].key() + "\" gets "
                        + sp.ips.front() + ", but no node announces it: " + alone.reason);
            }
            QStringList warnings;
            for (const QString &d : diagnostics(planned))
                if (d.startsWith(QLatin1String("service-not-announced")))
                    warnings << d;
            QCOMPARE(warnings, expectedWarnings);
            QCOMPARE(warnings.size(), 171); // i % 7 == 3 below 1,200
            QCOMPARE(announced, 1200 - 171);
        }
        // What the threads ranked while sharing was kept: one order per address elected.
        QCOMPARE(cache.size(), std::size_t(1200 - 171));
        QVERIFY(cache.size() > rankedBefore);
    }

    void previousPlanOfAnotherShapeIsIgnored()
    {
        model::Project project = generated();
        plan::Plan unrelated; // no services: cannot belong to `project`
        plan::PlanOptions options;
        options.previousProject = &project;
        options.previousPlan = &unrelated;
        const plan::Plan planned = plan::makePlan(project, options);
        const plan::Plan fresh = plan::makePlan(project);
        for (std::size_t i = 0; i < fresh.services.size(); ++i)
            QCOMPARE(describe(planned.services[i]), describe(fresh.services[i]));
    }
};

QTEST_APPLESS_MAIN(TestPlanReuse)
#include "tst_planreuse.moc"
