// SPDX-License-Identifier: GPL-3.0-or-later
// MetalLB's allocator as k3snet runs it: one row per rule of reference/metallb.md §3 and per
// pending reason, stability of held addresses across pool edits, and the order decisions.
#include "testprojects.h"

#include "domain/io/demoproject.h"
#include "domain/io/projectfile.h"
#include "domain/ipam/serviceallocator.h"
#include "domain/ipam/servicerequest.h"
#include "domain/plan/plan.h"

#include <QtTest>
#include <functional>

using namespace k3snet;
using namespace testprojects;
using Edit = std::function<void(model::Project &)>;
Q_DECLARE_METATYPE(Edit)

namespace {

using Pool = model::IPAddressPool;

const char *lbIPs = "metallb.io/loadBalancerIPs";
const char *addressPool = "metallb.io/address-pool";
const char *shared = "metallb.io/allow-shared-ip";
const QStringList pending{"service-pending"};
const QStringList moved{"service-ip-reallocated"};

model::LabelSelector sel(const std::string &key, const std::string &value)
{
    model::LabelSelector s;
    s.matchLabels[key] = value;
    return s;
}

Pool &addPool(model::Project &p, const std::string &name, std::vector<std::string> addresses)
{
    Pool pool;
    pool.name = name;
    pool.addresses = std::move(addresses);
    p.pools.push_back(std::move(pool));
    return p.pools.back();
}

Pool::ServiceAllocation &allocateTo(Pool &pool)
{
    if (!pool.serviceAllocation)
        pool.serviceAllocation = Pool::ServiceAllocation{};
    return *pool.serviceAllocation;
}

// A LoadBalancer service "namespace/name" with ports like "TCP/80".
model::Service &addLB(model::Project &p, const std::string &key,
    const std::vector<std::string> &ports = {"TCP/80"})
{
    model::Service s;
    const auto slash = key.find('/');
    s.namespaceName = key.substr(0, slash);
    s.name = key.substr(slash + 1);
    s.type = "LoadBalancer";
    for (const auto &text : ports) {
        const auto cut = text.find('/');
        s.ports.push_back({"", text.substr(0, cut), std::stoi(text.substr(cut + 1)), 0});
    }
    p.services.push_back(std::move(s));
    return p.services.back();
}

void makeDualStack(model::Service &s, const std::string &policy, bool v6First = false)
{
    s.clusterIPs = v6First ? std::vector<std::string>{"fd00:43::5", "10.43.0.5"}
                           : std::vector<std::string>{"10.43.0.5", "fd00:43::5"};
    s.ipFamilyPolicy = policy;
}

model::Project baseProject()
{
    auto p = seedProject(3);
    p.namespaces = {{"default", {}}, {"kube-system", {}}, {"apps", {{"team", "a"}}},
        {"web", {{"team", "b"}}}};
    return p;
}

// "default/a: 10.0.0.100 (p)" or "default/a: pending", for every LoadBalancer in project order.
QStringList describe(const model::Project &p, const ipam::AllocationResult &r)
{
    QStringList out;
    for (const auto &s : p.services) {
        const auto *a = r.find(s.key());
        const QString key = QString::fromStdString(s.key());
        if (!s.isLoadBalancer()) {
            if (a)
                out << key + QStringLiteral(": unexpected");
            continue;
        }
        if (!a || a->ips.empty()) {
            out << key + QStringLiteral(": pending");
            continue;
        }
        QStringList ips;
        for (const auto &ip : a->ips)
            ips << QString::fromStdString(ip.toString());
        out << key + QStringLiteral(": ") + ips.join(QLatin1Char(',')) + QStringLiteral(" (")
                + QString::fromStdString(a->pool) + QLatin1Char(')');
    }
    return out;
}

QString pendingReasons(const ipam::AllocationResult &r)
{
    QStringList out;
    for (const auto &[key, a] : r.services)
        if (!a.pendingReason.empty())
            out << QString::fromStdString(key + ": " + a.pendingReason);
    return out.join(QLatin1Char('\n'));
}

// One row: the edit of baseProject(), the expected describe(), a fragment of the pending
// reasons, and the sorted diagnostic codes.
void row(const char *name, Edit edit, QStringList expected, QString reason = {},
    QStringList codes = {})
{
    QTest::newRow(name) << edit << expected << reason << codes;
}

void columns()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("codes");
}

} // namespace

class TestServiceAllocator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pools_data();
    void pools() { check(); }
    void requests_data();
    void requests() { check(); }
    void serviceAllocation_data();
    void serviceAllocation() { check(); }
    void sharing_data();
    void sharing() { check(); }
    void dualStack_data();
    void dualStack() { check(); }
    void heldAddresses_data();
    void heldAddresses() { check(); }
    void order_data();
    void order() { check(); }
    void poolCounts();
    void deterministic();
    void diagnosticsCarryLocations();
    void manyRequestsKeepTheirOrder();
    void demoPlan();
    void planShowsPendingAndUnannounced();

private:
    void check();
};

void TestServiceAllocator::check()
{
    QFETCH(Edit, edit);
    QFETCH(QStringList, expected);
    QFETCH(QString, reason);
    QFETCH(QStringList, codes);
    auto p = baseProject();
    edit(p);
    const auto r = ipam::allocateServices(p);
    QCOMPARE(describe(p, r), expected);
    const QString reasons = pendingReasons(r);
    QVERIFY2(reasons.contains(reason), qPrintable(reasons));
    QCOMPARE(testprojects::codes(r.diagnostics), codes);
    for (const auto &[key, a] : r.services)
        QVERIFY2(a.ips.empty() != a.pendingReason.empty(), key.c_str());
    for (const auto &d : r.diagnostics) {
        QVERIFY2(!d.objects.empty() && d.objects[0].kind == "Service", d.code.c_str());
        if (d.code == "service-pending") {
            const auto &why = r.find(d.objects[0].name)->pendingReason;
            QVERIFY2(d.message.find(why) != std::string::npos, d.message.c_str());
        }
    }
}

// clang-format off: one row per rule reads better than what the formatter makes of it.

void TestServiceAllocator::pools_data()
{
    columns();
    row("lowest address first", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.102"});
        addLB(p, "default/a");
        addLB(p, "default/b");
    }, {"default/a: 10.0.0.100 (p)", "default/b: 10.0.0.101 (p)"});
    row("non-LoadBalancer services get nothing", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.102"});
        addLB(p, "default/a").type = "ClusterIP";
        addLB(p, "default/b").type = "NodePort";
    }, {});
    row("entries in configured order", [](auto &p) {
        addPool(p, "p", {"10.0.0.200-10.0.0.201", "10.0.0.100/31"});
        addLB(p, "default/a");
    }, {"default/a: 10.0.0.200 (p)"});
    row("cidr entry hands out its network address", [](auto &p) {
        addPool(p, "p", {"10.0.1.0/30"});
        addLB(p, "default/a");
    }, {"default/a: 10.0.1.0 (p)"});
    row("avoidBuggyIPs skips .0", [](auto &p) {
        addPool(p, "p", {"10.0.1.0/24"}).avoidBuggyIPs = true;
        addLB(p, "default/a");
    }, {"default/a: 10.0.1.1 (p)"});
    row("avoidBuggyIPs skips .255 and the next .0", [](auto &p) {
        addPool(p, "p", {"10.0.1.254-10.0.2.2"}).avoidBuggyIPs = true;
        addLB(p, "default/a");
        addLB(p, "default/b");
    }, {"default/a: 10.0.1.254 (p)", "default/b: 10.0.2.1 (p)"});
    row("avoidBuggyIPs: nothing usable", [](auto &p) {
        addPool(p, "p", {"10.0.1.255-10.0.2.0"}).avoidBuggyIPs = true;
        addLB(p, "default/a");
    }, {"default/a: pending"},
       "pool \"p\" has no usable address (avoidBuggyIPs skips its 2 .0/.255 addresses)", pending);
    row("no pools at all", [](auto &p) { addLB(p, "default/a"); },
        {"default/a: pending"}, "no IPAddressPool is defined", pending);
    row("pool full: holders named", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.101"});
        addLB(p, "default/a");
        addLB(p, "default/b");
        addLB(p, "default/c");
    }, {"default/a: 10.0.0.100 (p)", "default/b: 10.0.0.101 (p)", "default/c: pending"},
       "pool \"p\" is full: all 2 addresses are held by default/a and default/b", pending);
    row("pool full: many holders counted", [](auto &p) {
        addPool(p, "picluster-pool", {"10.0.0.100-10.0.0.104"});
        for (int i = 1; i <= 6; ++i)
            addLB(p, "default/s" + std::to_string(i));
    }, {"default/s1: 10.0.0.100 (picluster-pool)", "default/s2: 10.0.0.101 (picluster-pool)",
        "default/s3: 10.0.0.102 (picluster-pool)", "default/s4: 10.0.0.103 (picluster-pool)",
        "default/s5: 10.0.0.104 (picluster-pool)", "default/s6: pending"},
       "pool \"picluster-pool\" is full: all 5 addresses are held by default/s1, default/s2 and 3 more",
       pending);
    row("autoAssign false: not used automatically", [](auto &p) {
        addPool(p, "p", {"10.0.0.100/32"}).autoAssign = false;
        addLB(p, "default/a");
    }, {"default/a: pending"},
       "no address pool is open to this service: pool \"p\" has autoAssign: false", pending);
    row("autoAssign false: named pool works", [](auto &p) {
        addPool(p, "p", {"10.0.0.100/32"}).autoAssign = false;
        addLB(p, "default/a").annotations[addressPool] = "p";
    }, {"default/a: 10.0.0.100 (p)"});
    row("autoAssign false: requested IP works", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.110"}).autoAssign = false;
        addLB(p, "default/a").annotations[lbIPs] = "10.0.0.105";
    }, {"default/a: 10.0.0.105 (p)"});
    row("generic fallback in project order", [](auto &p) {
        addPool(p, "first", {"10.0.0.100/32"});
        addPool(p, "second", {"10.0.0.50/32"});
        addLB(p, "default/a");
        addLB(p, "default/b");
    }, {"default/a: 10.0.0.100 (first)", "default/b: 10.0.0.50 (second)"});
    row("closed and full pools both told", [](auto &p) {
        addPool(p, "small", {"10.0.0.100/32"});
        addPool(p, "manual", {"10.0.1.100/32"}).autoAssign = false;
        addLB(p, "default/a");
        addLB(p, "default/b");
    }, {"default/a: 10.0.0.100 (small)", "default/b: pending"},
       "pool \"small\" is full: all 1 address is held by default/a; the other pools are not open "
       "to it: pool \"manual\" has autoAssign: false", pending);
}

void TestServiceAllocator::requests_data()
{
    columns();
    row("annotation requests an IP", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a").annotations[lbIPs] = "10.0.0.150";
    }, {"default/a: 10.0.0.150 (p)"});
    row("spec.loadBalancerIP requests an IP", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a").loadBalancerIP = "10.0.0.150";
    }, {"default/a: 10.0.0.150 (p)"});
    row("both requests: error", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        auto &s = addLB(p, "default/a");
        s.annotations[lbIPs] = "10.0.0.150";
        s.loadBalancerIP = "10.0.0.150";
    }, {"default/a: pending"}, "sets both metallb.io/loadBalancerIPs and spec.loadBalancerIP",
       {"service-both-ip-requests", "service-pending"});
    row("invalid address", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a").annotations[lbIPs] = "10.0.0.150, 10.0.0.300";
    }, {"default/a: pending"}, "\"10.0.0.300\" is not an IP address",
       {"service-invalid-ip-request", "service-pending"});
    row("invalid spec.loadBalancerIP", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a").loadBalancerIP = "ten";
    }, {"default/a: pending"}, "spec.loadBalancerIP \"ten\" is not an IP address",
       {"service-invalid-ip-request", "service-pending"});
    row("more than two addresses", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a").annotations[lbIPs] = "10.0.0.150,fd00::1,10.0.0.151";
    }, {"default/a: pending"}, "at most two are allowed",
       {"service-invalid-ip-request", "service-pending"});
    row("two of one family", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a").annotations[lbIPs] = "10.0.0.150,10.0.0.151";
    }, {"default/a: pending"}, "lists two IPv4 addresses",
       {"service-invalid-ip-request", "service-pending"});
    row("requested IP outside every pool", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a").annotations[lbIPs] = "192.168.1.5";
    }, {"default/a: pending"},
       "requested IP 192.168.1.5 is outside every pool (pools: p 10.0.0.100-10.0.0.200)", pending);
    row("requested .0 in an avoidBuggyIPs pool", [](auto &p) {
        addPool(p, "p", {"10.0.1.0/24"}).avoidBuggyIPs = true;
        addLB(p, "default/a").annotations[lbIPs] = "10.0.1.0";
    }, {"default/a: pending"},
       "requested IP 10.0.1.0 ends in .0, which pool \"p\" never hands out", pending);
    row("requested IP held by another service", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a");
        addLB(p, "default/b").annotations[lbIPs] = "10.0.0.100";
    }, {"default/a: 10.0.0.100 (p)", "default/b: pending"},
       "requested IP 10.0.0.100 is held by default/a, which does not allow sharing", pending);
    row("requested IP of the wrong family", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200", "fd00::100-fd00::200"});
        auto &s = addLB(p, "default/a");
        s.clusterIP = "fd00:43::5";
        s.annotations[lbIPs] = "10.0.0.150";
    }, {"default/a: pending"},
       "is IPv4, but the service is IPv6 (from its cluster IP fd00:43::5)", pending);
    row("requested IP: pool does not admit the namespace", [](auto &p) {
        allocateTo(addPool(p, "p", {"10.0.0.100-10.0.0.200"})).namespaces = {"apps"};
        addLB(p, "default/a").annotations[lbIPs] = "10.0.0.150";
    }, {"default/a: pending"},
       "requested IP 10.0.0.150 lies in pool \"p\", which admits only namespace apps, not default",
       pending);
    row("requested IP and address-pool disagree", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addPool(p, "q", {"10.0.1.100-10.0.1.200"});
        auto &s = addLB(p, "default/a");
        s.annotations[lbIPs] = "10.0.0.150";
        s.annotations[addressPool] = "q";
    }, {"default/a: pending"},
       "lies in pool \"p\", not in pool \"q\" named by metallb.io/address-pool", pending);
    row("deprecated annotation honoured", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a").annotations["metallb.universe.tf/loadBalancerIPs"] = "10.0.0.150";
    }, {"default/a: 10.0.0.150 (p)"}, "", {"service-deprecated-annotation"});
    row("current key wins over deprecated", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        auto &s = addLB(p, "default/a");
        s.annotations[lbIPs] = "10.0.0.150";
        s.annotations["metallb.universe.tf/loadBalancerIPs"] = "10.0.0.160";
    }, {"default/a: 10.0.0.150 (p)"}, "", {"service-deprecated-annotation"});
    row("address-pool picks the pool", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addPool(p, "q", {"10.0.1.100-10.0.1.200"});
        addLB(p, "default/a").annotations[addressPool] = "q";
    }, {"default/a: 10.0.1.100 (q)"});
    row("address-pool: unknown pool", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a").annotations[addressPool] = "nope";
    }, {"default/a: pending"},
       "metallb.io/address-pool names unknown pool \"nope\" (the pools are p)", pending);
    row("address-pool: serviceAllocation enforced", [](auto &p) {
        allocateTo(addPool(p, "p", {"10.0.0.100-10.0.0.200"})).namespaces = {"apps"};
        addLB(p, "default/a").annotations[addressPool] = "p";
    }, {"default/a: pending"}, "pool \"p\" admits only namespace apps, not default", pending);
    row("address-pool: full", [](auto &p) {
        addPool(p, "p", {"10.0.0.100/32"});
        addLB(p, "default/a");
        addLB(p, "default/b").annotations[addressPool] = "p";
    }, {"default/a: 10.0.0.100 (p)", "default/b: pending"},
       "pool \"p\" is full: all 1 address is held by default/a (the service asks for it with "
       "metallb.io/address-pool)", pending);
    row("address-pool: no address of the family", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        auto &s = addLB(p, "default/a");
        s.clusterIP = "fd00:43::5";
        s.annotations[addressPool] = "p";
    }, {"default/a: pending"}, "pool \"p\" has no IPv6 addresses", pending);
    row("deprecated address-pool honoured", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addPool(p, "q", {"10.0.1.100-10.0.1.200"});
        addLB(p, "default/a").annotations["metallb.universe.tf/address-pool"] = "q";
    }, {"default/a: 10.0.1.100 (q)"}, "", {"service-deprecated-annotation"});
}

void TestServiceAllocator::serviceAllocation_data()
{
    columns();
    row("namespace-pinned pool before the fallback", [](auto &p) {
        addPool(p, "general", {"10.0.0.100-10.0.0.200"});
        allocateTo(addPool(p, "apps-pool", {"10.0.1.100-10.0.1.200"})).namespaces = {"apps"};
        addLB(p, "apps/a");
        addLB(p, "default/b");
    }, {"apps/a: 10.0.1.100 (apps-pool)", "default/b: 10.0.0.100 (general)"});
    row("a pool with serviceAllocation is never the fallback", [](auto &p) {
        allocateTo(addPool(p, "apps-pool", {"10.0.1.100-10.0.1.200"})).namespaces = {"apps", "web"};
        addLB(p, "default/a");
    }, {"default/a: pending"},
       "no address pool is open to this service: pool \"apps-pool\" admits only namespaces apps, "
       "web, not default", pending);
    row("namespaceSelectors resolve against namespace labels", [](auto &p) {
        addPool(p, "general", {"10.0.0.100-10.0.0.200"});
        allocateTo(addPool(p, "team-a", {"10.0.1.100-10.0.1.200"})).namespaceSelectors = {sel("team", "a")};
        addLB(p, "apps/a");
        addLB(p, "web/b");
    }, {"apps/a: 10.0.1.100 (team-a)", "web/b: 10.0.0.100 (general)"});
    row("namespaceSelectors matching nothing: never automatic", [](auto &p) {
        allocateTo(addPool(p, "nobody", {"10.0.1.100-10.0.1.200"})).namespaceSelectors = {sel("team", "z")};
        addLB(p, "apps/a");
    }, {"apps/a: pending"}, "so MetalLB never uses it automatically", pending);
    row("namespaceSelectors matching nothing: explicit request accepted", [](auto &p) {
        allocateTo(addPool(p, "nobody", {"10.0.1.100-10.0.1.200"})).namespaceSelectors = {sel("team", "z")};
        addLB(p, "apps/a").annotations[lbIPs] = "10.0.1.150";
    }, {"apps/a: 10.0.1.150 (nobody)"});
    row("serviceSelectors pin a pool", [](auto &p) {
        addPool(p, "general", {"10.0.0.100-10.0.0.200"});
        allocateTo(addPool(p, "web-pool", {"10.0.1.100-10.0.1.200"})).serviceSelectors = {sel("app", "web")};
        addLB(p, "default/a").labels["app"] = "web";
        addLB(p, "default/b").labels["app"] = "db";
    }, {"default/a: 10.0.1.100 (web-pool)", "default/b: 10.0.0.100 (general)"});
    row("serviceSelectors: reason names the labels", [](auto &p) {
        allocateTo(addPool(p, "web-pool", {"10.0.1.100-10.0.1.200"})).serviceSelectors = {sel("app", "web")};
        addLB(p, "default/b").labels["app"] = "db";
    }, {"default/b: pending"},
       "pool \"web-pool\" admits only services labelled app=web (default/b has labels app=db)", pending);
    row("namespace and service constraints are ANDed", [](auto &p) {
        auto &sa = allocateTo(addPool(p, "p", {"10.0.1.100-10.0.1.200"}));
        sa.namespaces = {"apps"};
        sa.serviceSelectors = {sel("app", "web")};
        addLB(p, "default/a").labels["app"] = "web";
    }, {"default/a: pending"}, "admits only namespace apps, not default", pending);
    row("priority 1 before 3", [](auto &p) {
        auto &three = allocateTo(addPool(p, "p3", {"10.0.3.100/32"}));
        three.namespaces = {"apps"};
        three.priority = 3;
        auto &one = allocateTo(addPool(p, "p1", {"10.0.1.100/32"}));
        one.namespaces = {"apps"};
        one.priority = 1;
        addLB(p, "apps/a");
        addLB(p, "apps/b");
    }, {"apps/a: 10.0.1.100 (p1)", "apps/b: 10.0.3.100 (p3)"});
    row("priority 0/unset after positive ones", [](auto &p) {
        allocateTo(addPool(p, "unset", {"10.0.0.100/32"})).namespaces = {"apps"};
        auto &two = allocateTo(addPool(p, "p2", {"10.0.2.100/32"}));
        two.namespaces = {"apps"};
        two.priority = 2;
        addLB(p, "apps/a");
    }, {"apps/a: 10.0.2.100 (p2)"});
    row("equal priority: project order", [](auto &p) {
        for (const char *n : {"x", "y"}) {
            auto &sa = allocateTo(addPool(p, n, {std::string(n) == "x" ? "10.0.9.1/32" : "10.0.1.1/32"}));
            sa.namespaces = {"apps"};
            sa.priority = 5;
        }
        addLB(p, "apps/a");
    }, {"apps/a: 10.0.9.1 (x)"});
    row("priority alone: pinned for every service", [](auto &p) {
        addPool(p, "general", {"10.0.0.100-10.0.0.200"});
        allocateTo(addPool(p, "preferred", {"10.0.1.100-10.0.1.200"})).priority = 5;
        addLB(p, "web/a");
    }, {"web/a: 10.0.1.100 (preferred)"});
    row("pinned pool full: fallback", [](auto &p) {
        addPool(p, "general", {"10.0.0.100-10.0.0.200"});
        allocateTo(addPool(p, "apps-pool", {"10.0.1.100/32"})).namespaces = {"apps"};
        addLB(p, "apps/a");
        addLB(p, "apps/b");
    }, {"apps/a: 10.0.1.100 (apps-pool)", "apps/b: 10.0.0.100 (general)"});
    row("pinned pool without autoAssign skipped", [](auto &p) {
        addPool(p, "general", {"10.0.0.100-10.0.0.200"});
        auto &pool = addPool(p, "apps-pool", {"10.0.1.100/32"});
        allocateTo(pool).namespaces = {"apps"};
        pool.autoAssign = false;
        addLB(p, "apps/a");
    }, {"apps/a: 10.0.0.100 (general)"});
}

void TestServiceAllocator::sharing_data()
{
    columns();
    auto pair = [](model::Project &p, std::vector<std::string> portsA, std::vector<std::string> portsB) {
        addPool(p, "p", {"10.0.0.100-10.0.0.101"});
        addLB(p, "default/a", portsA).annotations[shared] = "web";
        addLB(p, "default/b", portsB).annotations[shared] = "web";
    };
    auto local = [](model::Service &s, const char *app) {
        s.annotations[shared] = "web";
        s.externalTrafficPolicy = "Local";
        s.selector["app"] = app;
    };
    row("80 and 443 share", [=](auto &p) { pair(p, {"TCP/80"}, {"TCP/443"}); },
        {"default/a: 10.0.0.100 (p)", "default/b: 10.0.0.100 (p)"});
    row("TCP/53 and UDP/53 share", [=](auto &p) { pair(p, {"TCP/53"}, {"UDP/53"}); },
        {"default/a: 10.0.0.100 (p)", "default/b: 10.0.0.100 (p)"});
    row("80 and 80 do not: the next address", [=](auto &p) { pair(p, {"TCP/80"}, {"TCP/80", "TCP/8080"}); },
        {"default/a: 10.0.0.100 (p)", "default/b: 10.0.0.101 (p)"});
    row("refused: port in use (pool full)", [](auto &p) {
        addPool(p, "p", {"10.0.0.100/32"});
        addLB(p, "default/a").annotations[shared] = "web";
        addLB(p, "default/b").annotations[shared] = "web";
    }, {"default/a: 10.0.0.100 (p)", "default/b: pending"},
       "sharing refused: 10.0.0.100 is held by default/a, and port TCP/80 is already in use on it "
       "by default/a", pending);
    row("refused: keys differ", [](auto &p) {
        addPool(p, "p", {"10.0.0.100/32"});
        addLB(p, "default/a").annotations[shared] = "web";
        auto &b = addLB(p, "default/b", {"TCP/443"});
        b.annotations[shared] = "other";
        b.annotations[lbIPs] = "10.0.0.100";
    }, {"default/a: 10.0.0.100 (p)", "default/b: pending"},
       "held by default/a under sharing key \"web\", which differs from this service's key \"other\"",
       pending);
    row("refused: new service has no key", [](auto &p) {
        addPool(p, "p", {"10.0.0.100/32"});
        addLB(p, "default/a").annotations[shared] = "web";
        addLB(p, "default/b", {"TCP/443"}).annotations[lbIPs] = "10.0.0.100";
    }, {"default/a: 10.0.0.100 (p)", "default/b: pending"},
       "this service has no metallb.io/allow-shared-ip key to share it", pending);
    row("refused: holder has no key", [](auto &p) {
        addPool(p, "p", {"10.0.0.100/32"});
        addLB(p, "default/a");
        auto &b = addLB(p, "default/b", {"TCP/443"});
        b.annotations[shared] = "web";
        b.annotations[lbIPs] = "10.0.0.100";
    }, {"default/a: 10.0.0.100 (p)", "default/b: pending"},
       "held by default/a, which does not allow sharing (no metallb.io/allow-shared-ip annotation)",
       pending);
    row("refused: backend key differs", [=](auto &p) {
        addPool(p, "p", {"10.0.0.100/32"});
        local(addLB(p, "default/a"), "web");
        auto &b = addLB(p, "default/b", {"TCP/443"});
        local(b, "api");
        b.annotations[lbIPs] = "10.0.0.100";
    }, {"default/a: 10.0.0.100 (p)", "default/b: pending"},
       "the backend key differs: \"app=web\" (externalTrafficPolicy: Local) there, \"app=api\" "
       "(externalTrafficPolicy: Local) here", pending);
    row("refused: Local and Cluster", [=](auto &p) {
        addPool(p, "p", {"10.0.0.100/32"});
        local(addLB(p, "default/a"), "web");
        auto &b = addLB(p, "default/b", {"TCP/443"});
        b.annotations[shared] = "web";
        b.selector["app"] = "web";
    }, {"default/a: 10.0.0.100 (p)", "default/b: pending"},
       "none (externalTrafficPolicy: Cluster) here", pending);
    row("Local services with the same selector share", [=](auto &p) {
        addPool(p, "p", {"10.0.0.100/32"});
        local(addLB(p, "default/a"), "web");
        local(addLB(p, "default/b", {"TCP/443"}), "web");
    }, {"default/a: 10.0.0.100 (p)", "default/b: 10.0.0.100 (p)"});
    row("explicit shared IP", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a").annotations[shared] = "web";
        addLB(p, "default/c");
        auto &b = addLB(p, "default/b", {"UDP/80"});
        b.annotations[shared] = "web";
        b.annotations[lbIPs] = "10.0.0.100";
    }, {"default/a: 10.0.0.100 (p)", "default/c: 10.0.0.101 (p)", "default/b: 10.0.0.100 (p)"});
    row("deprecated key honoured", [](auto &p) {
        addPool(p, "p", {"10.0.0.100/32"});
        addLB(p, "default/a").annotations["metallb.universe.tf/allow-shared-ip"] = "web";
        addLB(p, "default/b", {"TCP/443"}).annotations[shared] = "web";
    }, {"default/a: 10.0.0.100 (p)", "default/b: 10.0.0.100 (p)"}, "",
       {"service-deprecated-annotation"});
}

void TestServiceAllocator::dualStack_data()
{
    columns();
    const char *bothFamilies[] = {"10.0.0.100-10.0.0.200", "fd00::100-fd00::200"};
    const std::vector<std::string> dual(std::begin(bothFamilies), std::end(bothFamilies));
    row("RequireDualStack from a dual pool", [=](auto &p) {
        addPool(p, "d", dual);
        makeDualStack(addLB(p, "default/a"), "RequireDualStack");
    }, {"default/a: 10.0.0.100,fd00::100 (d)"});
    row("RequireDualStack: never across pools", [](auto &p) {
        addPool(p, "v4", {"10.0.0.100-10.0.0.200"});
        addPool(p, "v6", {"fd00::100-fd00::200"});
        makeDualStack(addLB(p, "default/a"), "RequireDualStack");
    }, {"default/a: pending"},
       "pool \"v4\" has only IPv4 addresses, and RequireDualStack needs an address of each family "
       "from one pool", pending);
    row("RequireDualStack: one family full", [](auto &p) {
        addPool(p, "d", {"10.0.0.100/32", "fd00::100-fd00::200"});
        addLB(p, "default/x");
        makeDualStack(addLB(p, "default/a"), "RequireDualStack");
    }, {"default/x: 10.0.0.100 (d)", "default/a: pending"},
       "pool \"d\" is full: all 1 IPv4 address is held by default/x", pending);
    row("RequireDualStack with one cluster IP", [=](auto &p) {
        addPool(p, "d", dual);
        auto &s = addLB(p, "default/a");
        s.clusterIP = "10.43.0.5";
        s.ipFamilyPolicy = "RequireDualStack";
    }, {"default/a: pending"}, "not enough clusterips", pending);
    row("PreferDualStack: both from a dual pool", [=](auto &p) {
        addPool(p, "v4", {"10.0.1.100-10.0.1.200"});
        addPool(p, "d", dual);
        makeDualStack(addLB(p, "default/a"), "PreferDualStack");
    }, {"default/a: 10.0.0.100,fd00::100 (d)"});
    row("PreferDualStack: else the primary family", [](auto &p) {
        addPool(p, "v6", {"fd00::100-fd00::200"});
        addPool(p, "v4", {"10.0.0.100-10.0.0.200"});
        makeDualStack(addLB(p, "default/a"), "PreferDualStack");
    }, {"default/a: 10.0.0.100 (v4)"});
    row("PreferDualStack: IPv6 primary", [](auto &p) {
        addPool(p, "v4", {"10.0.0.100-10.0.0.200"});
        addPool(p, "v6", {"fd00::100-fd00::200"});
        makeDualStack(addLB(p, "default/a"), "PreferDualStack", true);
    }, {"default/a: fd00::100 (v6)"});
    row("PreferDualStack: else the other family", [](auto &p) {
        addPool(p, "v6", {"fd00::100-fd00::200"});
        makeDualStack(addLB(p, "default/a"), "PreferDualStack");
    }, {"default/a: fd00::100 (v6)"});
    row("IPv6 single stack skips IPv4-only pools", [](auto &p) {
        addPool(p, "v4", {"10.0.0.100-10.0.0.200"});
        addPool(p, "d", {"10.0.1.100-10.0.1.200", "fd00::100-fd00::200"});
        addLB(p, "default/a").clusterIP = "fd00:43::7";
    }, {"default/a: fd00::100 (d)"});
    row("IPv6 single stack: reason names the family", [](auto &p) {
        addPool(p, "v4", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a").clusterIP = "fd00:43::7";
    }, {"default/a: pending"}, "pool \"v4\" has no IPv6 addresses", pending);
    row("unknown family: IPv4", [](auto &p) {
        addPool(p, "d", {"fd00::100-fd00::200", "10.0.0.100-10.0.0.200"});
        addLB(p, "default/a");
    }, {"default/a: 10.0.0.100 (d)"});
    row("ipFamilies decides without cluster IPs", [=](auto &p) {
        addPool(p, "d", dual);
        addLB(p, "default/a").ipFamilies = {"IPv6"};
    }, {"default/a: fd00::100 (d)"});
    row("dual request from one pool", [=](auto &p) {
        addPool(p, "d", dual);
        auto &s = addLB(p, "default/a");
        makeDualStack(s, "RequireDualStack");
        s.annotations[lbIPs] = "10.0.0.150, fd00::150";
    }, {"default/a: 10.0.0.150,fd00::150 (d)"});
    row("dual request across pools", [](auto &p) {
        addPool(p, "v4", {"10.0.0.100-10.0.0.200"});
        addPool(p, "v6", {"fd00::100-fd00::200"});
        auto &s = addLB(p, "default/a");
        makeDualStack(s, "RequireDualStack");
        s.annotations[lbIPs] = "10.0.0.150,fd00::150";
    }, {"default/a: pending"},
       "no single pool holds both 10.0.0.150 and fd00::150 (10.0.0.150 in pool \"v4\", fd00::150 "
       "in pool \"v6\")", pending);
    row("dual service requesting one address", [=](auto &p) {
        addPool(p, "d", dual);
        auto &s = addLB(p, "default/a");
        makeDualStack(s, "PreferDualStack");
        s.annotations[lbIPs] = "10.0.0.150";
    }, {"default/a: pending"}, "so it must request one address of each family", pending);
}

void TestServiceAllocator::heldAddresses_data()
{
    columns();
    row("held address kept", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a").ingressIPs = {"10.0.0.150"};
        addLB(p, "default/b");
    }, {"default/a: 10.0.0.150 (p)", "default/b: 10.0.0.100 (p)"});
    row("held addresses placed before older services", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/old").creationTimestamp = "2023-01-01T00:00:00Z";
        auto &n = addLB(p, "default/new");
        n.creationTimestamp = "2024-01-01T00:00:00Z";
        n.ingressIPs = {"10.0.0.100"};
    }, {"default/old: 10.0.0.101 (p)", "default/new: 10.0.0.100 (p)"});
    row("pool shrinks: re-allocated", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a").ingressIPs = {"10.0.0.250"};
    }, {"default/a: 10.0.0.100 (p)"}, "", moved);
    row("pool renamed: address kept, name follows", [](auto &p) {
        addPool(p, "renamed", {"10.0.0.100-10.0.0.200"});
        auto &s = addLB(p, "default/a");
        s.ingressIPs = {"10.0.0.150"};
        s.annotations["metallb.io/ip-allocated-from-pool"] = "old-name";
    }, {"default/a: 10.0.0.150 (renamed)"});
    row("pool split: the part holding it", [](auto &p) {
        addPool(p, "low", {"10.0.0.100-10.0.0.149"});
        addPool(p, "high", {"10.0.0.150-10.0.0.200"});
        addLB(p, "default/a").ingressIPs = {"10.0.0.160"};
    }, {"default/a: 10.0.0.160 (high)"});
    row("every pool gone: pending", [](auto &p) { addLB(p, "default/a").ingressIPs = {"10.0.0.150"}; },
        {"default/a: pending"}, "no IPAddressPool is defined",
        {"service-ip-reallocated", "service-pending"});
    row("serviceAllocation now excludes it", [](auto &p) {
        allocateTo(addPool(p, "apps-pool", {"10.0.1.100-10.0.1.200"})).namespaces = {"apps"};
        addPool(p, "general", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/a").ingressIPs = {"10.0.1.150"};
    }, {"default/a: 10.0.0.100 (general)"}, "", moved);
    row("avoidBuggyIPs turned on over a held .0", [](auto &p) {
        addPool(p, "p", {"10.0.1.0/24"}).avoidBuggyIPs = true;
        addLB(p, "default/a").ingressIPs = {"10.0.1.0"};
    }, {"default/a: 10.0.1.1 (p)"}, "", moved);
    row("held in an autoAssign: false pool stays", [](auto &p) {
        addPool(p, "manual", {"10.0.1.100-10.0.1.200"}).autoAssign = false;
        addLB(p, "default/a").ingressIPs = {"10.0.1.150"};
    }, {"default/a: 10.0.1.150 (manual)"});
    row("two hold one address: the older keeps it", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        auto &b = addLB(p, "default/b");
        b.ingressIPs = {"10.0.0.150"};
        b.creationTimestamp = "2024-02-01T00:00:00Z";
        auto &a = addLB(p, "default/a");
        a.ingressIPs = {"10.0.0.150"};
        a.creationTimestamp = "2024-01-01T00:00:00Z";
    }, {"default/b: 10.0.0.100 (p)", "default/a: 10.0.0.150 (p)"}, "", moved);
    row("request changed: the new address", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        auto &a = addLB(p, "default/a");
        a.ingressIPs = {"10.0.0.150"};
        a.annotations[lbIPs] = "10.0.0.160";
    }, {"default/a: 10.0.0.160 (p)"}, "", moved);
    row("address-pool changed: the new pool", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addPool(p, "q", {"10.0.1.100-10.0.1.200"});
        auto &a = addLB(p, "default/a");
        a.ingressIPs = {"10.0.0.150"};
        a.annotations[addressPool] = "q";
    }, {"default/a: 10.0.1.100 (q)"}, "", moved);
    row("invalid request keeps a held address", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        auto &a = addLB(p, "default/a");
        a.ingressIPs = {"10.0.0.150"};
        a.annotations[lbIPs] = "bogus";
    }, {"default/a: 10.0.0.150 (p)"}, "", {"service-invalid-ip-request"});
    row("PreferDualStack gains the missing family from its pool", [](auto &p) {
        addPool(p, "d", {"10.0.0.100-10.0.0.200", "fd00::100-fd00::200"});
        auto &a = addLB(p, "default/a");
        makeDualStack(a, "PreferDualStack");
        a.ingressIPs = {"10.0.0.150"};
    }, {"default/a: 10.0.0.150,fd00::100 (d)"});
}

void TestServiceAllocator::order_data()
{
    columns();
    row("creation order decides", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/late").creationTimestamp = "2024-03-01T00:00:00Z";
        addLB(p, "default/early").creationTimestamp = "2024-01-01T00:00:00Z";
    }, {"default/late: 10.0.0.101 (p)", "default/early: 10.0.0.100 (p)"});
    row("undated services after dated ones", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/undated");
        addLB(p, "default/dated").creationTimestamp = "2024-01-01T00:00:00Z";
    }, {"default/undated: 10.0.0.101 (p)", "default/dated: 10.0.0.100 (p)"});
    row("offsets compared as instants", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/b").creationTimestamp = "2024-01-01T09:00:00Z";
        addLB(p, "default/a").creationTimestamp = "2024-01-01T10:00:00.5+02:00";
    }, {"default/b: 10.0.0.101 (p)", "default/a: 10.0.0.100 (p)"});
    row("same timestamp: project order", [](auto &p) {
        addPool(p, "p", {"10.0.0.100-10.0.0.200"});
        addLB(p, "default/z").creationTimestamp = "2024-01-01T00:00:00Z";
        addLB(p, "default/a").creationTimestamp = "2024-01-01T00:00:00Z";
    }, {"default/z: 10.0.0.100 (p)", "default/a: 10.0.0.101 (p)"});
}

// clang-format on

void TestServiceAllocator::poolCounts()
{
    auto p = baseProject();
    addPool(p, "buggy", {"10.0.1.0/24"}).avoidBuggyIPs = true;
    addPool(p, "d", {"10.0.0.100-10.0.0.109", "fd00::/120"});
    addLB(p, "default/a").annotations[addressPool] = "buggy";
    addLB(p, "default/b").annotations[addressPool] = "buggy";
    for (const char *key : {"default/c", "default/e"}) {
        auto &s = addLB(p, key, {std::string(key) == "default/c" ? "TCP/80" : "TCP/443"});
        makeDualStack(s, "RequireDualStack");
        s.annotations[addressPool] = "d";
        s.annotations[shared] = "k"; // both on the same pair: counted once
    }
    const auto r = ipam::allocateServices(p);
    const auto &buggy = r.pools.at("buggy");
    QCOMPARE(buggy.sizeV4.toString(), std::string("256"));
    QCOMPARE(buggy.usableV4.toString(), std::string("254"));
    QCOMPARE(buggy.assignedV4.toString(), std::string("2"));
    QCOMPARE(buggy.availableV4.toString(), std::string("252"));
    QVERIFY(buggy.sizeV6.isZero() && buggy.availableV6.isZero());
    const auto &d = r.pools.at("d");
    QCOMPARE(d.assignedV4.toString(), std::string("1"));
    QCOMPARE(d.assignedV6.toString(), std::string("1"));
    QCOMPARE(d.availableV4.toString(), std::string("9"));
    QCOMPARE(d.availableV6.toString(), std::string("255"));
    QCOMPARE(describe(p, r),
        (QStringList{"default/a: 10.0.1.1 (buggy)", "default/b: 10.0.1.2 (buggy)",
            "default/c: 10.0.0.100,fd00:: (d)", "default/e: 10.0.0.100,fd00:: (d)"}));
}

void TestServiceAllocator::deterministic()
{
    auto p = baseProject();
    addPool(p, "a", {"10.0.0.100-10.0.0.120"}).avoidBuggyIPs = true;
    allocateTo(addPool(p, "b", {"10.0.1.0/28"})).namespaces = {"apps"};
    for (int i = 0; i < 30; ++i) {
        const std::string key = (i % 2 ? "apps/s" : "default/s") + std::to_string(i);
        auto &s = addLB(p, key, {"TCP/" + std::to_string(80 + i % 3)});
        if (i % 3 == 0)
            s.annotations[shared] = "k";
        if (i % 4 == 0)
            s.creationTimestamp = "2024-01-0" + std::to_string(1 + i % 9) + "T00:00:00Z";
    }
    const auto first = ipam::allocateServices(p);
    for (int run = 0; run < 3; ++run) {
        const auto again = ipam::allocateServices(p);
        QCOMPARE(describe(p, again), describe(p, first));
        QCOMPARE(again.diagnostics, first.diagnostics);
    }
}

void TestServiceAllocator::diagnosticsCarryLocations()
{
    auto p = baseProject();
    addLB(p, "default/a").annotations["metallb.universe.tf/address-pool"] = "p";
    p.sources.set("services/default/a", {"x.k3snet.yaml", 40, 5});
    p.sources.set("services/default/a.annotations", {"x.k3snet.yaml", 44, 7});
    const auto r = ipam::allocateServices(p);
    QCOMPARE(codes(r.diagnostics),
        (QStringList{"service-deprecated-annotation", "service-pending"}));
    for (const auto &d : r.diagnostics)
        QCOMPARE(d.location.line, d.code == "service-pending" ? 40 : 44);
}

// Hundreds of requests are read on several threads (util::parallelFor): what each service's
// request says, and the order of the diagnostics, are what reading them one by one gives.
void TestServiceAllocator::manyRequestsKeepTheirOrder()
{
    auto p = baseProject();
    addPool(p, "big", {"10.0.8.0/21"});
    for (int i = 0; i < 1200; ++i) {
        auto &s = addLB(p, "default/s" + std::to_string(i), {"TCP/" + std::to_string(80 + i % 5)});
        if (i % 13 == 4)
            s.annotations["metallb.universe.tf/allow-shared-ip"] = "k"; // deprecated: a warning
        if (i % 17 == 9)
            s.annotations["metallb.io/loadBalancerIPs"] = "10.0.8.300"; // an error
    }
    rules::Diagnostics oneByOne;
    for (std::size_t i = 0; i < p.services.size(); ++i)
        (void)ipam::readServiceRequest(p, i, oneByOne);
    const auto r = ipam::allocateServices(p);
    rules::Diagnostics requestNotes;
    for (const auto &d : r.diagnostics)
        if (d.code != "service-pending" && d.code != "service-ip-reallocated")
            requestNotes.push_back(d);
    QCOMPARE(requestNotes.size(), std::size_t(92 + 71));
    QCOMPARE(requestNotes, oneByOne);
    QCOMPARE(r.services.size(), std::size_t(1200));
    for (std::size_t i = 0; i < p.services.size(); ++i)
        QCOMPARE(r.services[i].first, p.services[i].key());
}

void TestServiceAllocator::demoPlan()
{
    auto loaded
        = io::loadProjectText(io::demoProjectText(), std::string(io::demoProjectFileName));
    QVERIFY(loaded.project);
    const auto plan = plan::makePlan(*loaded.project);
    auto traefik = std::find_if(plan.services.begin(), plan.services.end(),
        [](const auto &s) { return s.name == "traefik"; });
    QVERIFY(traefik != plan.services.end());
    QCOMPARE(traefik->ips, std::vector<std::string>{"10.0.0.100"});
    QCOMPARE(traefik->pool, std::string("picluster-pool"));
    // printf 'nodeN#10.0.0.100' | sha256sum, sorted: node1 < node2 < node4 < node3.
    QCOMPARE(traefik->announcer, std::string("node1"));
    QCOMPARE(traefik->fallbacks, (std::vector<std::string>{"node2", "node4", "node3"}));
    QVERIFY(traefik->pendingReason.empty());
    QCOMPARE(plan.pools.at(0).assignedV4, std::string("1"));
    QCOMPARE(plan.pools.at(0).availableV4, std::string("100"));
    for (const auto &s : plan.services)
        if (s.type != "LoadBalancer")
            QVERIFY(s.ips.empty() && s.pool.empty() && s.announcer.empty());
}

void TestServiceAllocator::planShowsPendingAndUnannounced()
{
    auto p = baseProject();
    addPool(p, "p", {"10.0.0.100/32"});
    addLB(p, "default/a");
    addLB(p, "default/b");
    const auto plan = plan::makePlan(p);
    QCOMPARE(plan.services.at(0).ips, std::vector<std::string>{"10.0.0.100"});
    QVERIFY(plan.services.at(0).announcer.empty()); // no L2Advertisement
    QVERIFY(plan.services.at(1).pendingReason.find("is full") != std::string::npos);
    const auto found = codes(plan.diagnostics);
    QVERIFY2(found.contains(QStringLiteral("service-pending")), qPrintable(found.join(u',')));
    QVERIFY2(found.contains(QStringLiteral("service-not-announced")), qPrintable(found.join(u',')));
}

QTEST_APPLESS_MAIN(TestServiceAllocator)
#include "tst_serviceallocator.moc"
