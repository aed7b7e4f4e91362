// SPDX-License-Identifier: GPL-3.0-or-later
// MetalLB's own validation of IPAddressPools and L2Advertisements, and k3snet's extra rules:
// one input per code, and the inputs MetalLB accepts (its e2e cases and samples) stay clean.
#include "testprojects.h"

#include "domain/io/demoproject.h"
#include "domain/io/projectfile.h"
#include "domain/net/range.h"
#include "domain/plan/plan.h"
#include "domain/rules/l2rules.h"
#include "domain/rules/poolrules.h"

#include <QtTest>
#include <functional>
#include <map>
#include <random>

using namespace k3snet;
using namespace testprojects;
using Edit = std::function<void(model::Project &)>;
Q_DECLARE_METATYPE(Edit)

namespace {

model::IPAddressPool pool(const std::string &name, std::vector<std::string> addresses)
{
    model::IPAddressPool p;
    p.name = name;
    p.addresses = std::move(addresses);
    return p;
}

model::L2Advertisement ad(const std::string &name, std::vector<std::string> pools = {})
{
    model::L2Advertisement a;
    a.name = name;
    a.ipAddressPools = std::move(pools);
    return a;
}

model::LabelSelector labels(model::Labels l)
{
    return model::LabelSelector{std::move(l), {}};
}

model::LabelSelector expr(
    const std::string &key, const std::string &op, std::vector<std::string> values)
{
    return model::LabelSelector{{}, {{key, op, std::move(values)}}};
}

// The seed's LAN with one pool that an advertisement without spec announces.
model::Project base()
{
    auto p = seedProject(3);
    p.pools.push_back(pool("lan", {"10.0.0.100-10.0.0.200"}));
    p.l2Advertisements.push_back(ad("all"));
    return p;
}

// No LAN subnet (0.0.0.0/0): pools anywhere are fine for the LAN rules.
void noLan(model::Project &p)
{
    p.network.lan.subnet = net::Prefix();
    p.network.lan.gateway = net::Address();
}

model::IPAddressPool::ServiceAllocation &alloc(model::Project &p)
{
    if (!p.pools[0].serviceAllocation)
        p.pools[0].serviceAllocation.emplace();
    return *p.pools[0].serviceAllocation;
}

// Only the pool and L2 rules, without planning (which allocates service IPs as well).
rules::Diagnostics checkMetalLB(const model::Project &p)
{
    rules::Diagnostics out;
    rules::RuleContext ctx(p, out);
    rules::checkPools(ctx);
    rules::checkL2Advertisements(ctx);
    return out;
}

} // namespace

class TestMetalLBRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void baseIsClean() { QCOMPARE(codes(plan::validate(base())), QStringList()); }

    void demoIsClean()
    {
        auto loaded = io::loadProjectText(io::demoProjectText(), "demo");
        QVERIFY(loaded.project.has_value());
        QVERIFY(!loaded.project->pools.empty());
        QCOMPARE(codes(plan::validate(*loaded.project)), QStringList());
    }

    void rules_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char *name, Edit e, QStringList expected) {
            QTest::newRow(name) << e << expected;
        };
        auto entries = [](std::vector<std::string> a) {
            return Edit([a](model::Project &p) { p.pools[0].addresses = a; });
        };

        // MetalLB's rejections (reference §2, rules 1-13).
        row("pool name missing", [](auto &p) { p.pools[0].name.clear(); }, {"pool-name-missing"});
        row("no addresses", entries({}), {"pool-no-addresses"});
        row("octet 300", entries({"100.200.300.400/24"}), {"pool-invalid-cidr"});
        row("/33", entries({"1.2.3.0/33"}), {"pool-invalid-cidr"});
        row("bare ip", entries({"10.0.0.150"}), {"pool-invalid-cidr"});
        row("cidr with spaces", entries({" 10.0.0.128/25"}), {"pool-invalid-cidr"});
        row("bad range start", entries({"10.0.0.x-10.0.0.200"}), {"pool-invalid-range"});
        row("bad range end", entries({"10.0.0.100-10.0.0.256"}), {"pool-invalid-range"});
        row("start after end", entries({"10.0.0.200-10.0.0.100"}), {"pool-range-start-after-end"});
        row("mixed family high to low", entries({"fd00::1-10.0.0.100"}),
            {"pool-range-start-after-end"});
        row("duplicate pool", [](auto &p) { p.pools.push_back(pool("lan", {"10.0.0.210/31"})); },
            {"pool-duplicate"});
        row("overlap across pools",
            [](auto &p) { p.pools.push_back(pool("dmz", {"10.0.0.128/25"})); }, {"pool-overlap"});
        row("overlap within pool", entries({"10.0.0.100-10.0.0.200", "10.0.0.150/32"}),
            {"pool-overlap"});
        row("identical prefixes", entries({"10.0.0.64/27", "10.0.0.64/27"}), {"pool-overlap"});
        row("duplicate namespace",
            [](auto &p) {
                alloc(p).namespaces = {"a", "b", "a"};
            },
            {"pool-duplicate-namespace"});
        row("duplicate namespaceSelectors",
            [](auto &p) {
                alloc(p).namespaceSelectors
                    = {expr("team", "In", {"a", "b"}), expr("team", "In", {"b", "a"})};
            },
            {"pool-duplicate-selector"});
        row("duplicate serviceSelectors",
            [](auto &p) {
                alloc(p).serviceSelectors = {labels({{"app", "web"}}), labels({{"app", "web"}})};
            },
            {"pool-duplicate-selector"});
        row("duplicate expression",
            [](auto &p) {
                model::LabelSelector s = expr("app", "Exists", {});
                s.matchExpressions.push_back(s.matchExpressions[0]);
                alloc(p).serviceSelectors = {s};
            },
            {"selector-duplicate-expression"});
        row("duplicate value",
            [](auto &p) {
                alloc(p).namespaceSelectors = {expr("team", "In", {"a", "b", "a"})};
            },
            {"selector-duplicate-value"});
        row("unknown operator",
            [](auto &p) { alloc(p).serviceSelectors = {expr("app", "Equals", {"x"})}; },
            {"selector-invalid"});
        row("In without values",
            [](auto &p) { alloc(p).serviceSelectors = {expr("app", "In", {})}; },
            {"selector-invalid"});
        row("bad label key",
            [](auto &p) {
                alloc(p).serviceSelectors = {labels({{"my app", "x"}})};
            },
            {"selector-invalid"});
        row("bad label value",
            [](auto &p) {
                alloc(p).namespaceSelectors = {labels({{"app", "-x"}})};
            },
            {"selector-invalid"});
        row("pool in wrong namespace", [](auto &p) { p.pools[0].namespaceName = "default"; },
            {"wrong-namespace"});
        row("l2 name missing", [](auto &p) { p.l2Advertisements[0].name.clear(); },
            {"l2-name-missing"});
        row("l2 in wrong namespace",
            [](auto &p) { p.l2Advertisements[0].namespaceName = "default"; },
            {"pool-not-advertised", "wrong-namespace"});
        row("l2 duplicate pool",
            [](auto &p) {
                p.l2Advertisements[0].ipAddressPools = {"lan", "lan"};
            },
            {"l2-duplicate-pool"});
        row("l2 duplicate pool selectors",
            [](auto &p) {
                p.pools[0].labels = {{"tier", "lan"}};
                p.l2Advertisements[0].ipAddressPoolSelectors
                    = {labels({{"tier", "lan"}}), labels({{"tier", "lan"}})};
            },
            {"l2-duplicate-selector"});
        row("l2 duplicate node selectors",
            [](auto &p) {
                p.l2Advertisements[0].nodeSelectors = {labels({}), labels({})};
            },
            {"l2-duplicate-selector"});
        row("l2 duplicate service selectors",
            [](auto &p) {
                p.l2Advertisements[0].serviceSelectors
                    = {expr("a", "In", {"1", "2"}), expr("a", "In", {"2", "1"})};
            },
            {"l2-duplicate-selector"});
        row("l2 invalid node selector",
            [](auto &p) { p.l2Advertisements[0].nodeSelectors = {expr("zone", "Exists", {"a"})}; },
            {"l2-no-eligible-node", "selector-invalid"});

        // What MetalLB accepts stays free of errors (e2e cases, docs, samples).
        auto e2e = [](std::vector<std::string> second) {
            return Edit([second](model::Project &p) {
                noLan(p);
                p.pools = {pool("first", {"1.1.1.1-1.1.1.100"}), pool("second", second)};
            });
        };
        row("e2e adjacent ranges", e2e({"1.1.1.101-1.1.1.200"}), {});
        row("e2e range inside", e2e({"1.1.1.15-1.1.1.20"}), {"pool-overlap"});
        row("e2e /24 around", e2e({"1.1.1.0/24"}), {"pool-overlap"});
        row("adjacent within pool", entries({"10.0.0.100-10.0.0.127", "10.0.0.128/26"}), {});
        row("spaces around dash", entries({"10.0.0.210 - 10.0.0.240"}), {});
        row("a - a", entries({"10.0.0.250 - 10.0.0.250"}), {});
        row("host bits allowed", entries({"10.0.0.130/25"}), {});
        row("dual-stack pool", entries({"10.0.0.100-10.0.0.200", "fd00::/120"}), {});
        row("sample ipaddresspool_simple",
            [](auto &p) {
                noLan(p);
                p.pools = {pool("example",
                    {"192.168.10.0/24", "192.168.9.1-192.168.9.5", "fc00:f853:0ccd:e799::/124"})};
                p.l2Advertisements = {ad("empty")};
            },
            {});
        row("sample ipaddresspool_with_selector",
            [](auto &p) {
                noLan(p);
                p.pools[0] = pool("ippool-ns-service-alloc-sample", {"192.168.20.0/24"});
                p.pools[0].avoidBuggyIPs = true;
                auto &a = alloc(p);
                a.priority = 50;
                a.namespaces = {"namespace-a", "namespace-b"};
                a.namespaceSelectors = {labels({{"foo", "bar"}})};
                a.serviceSelectors = {expr("app", "In", {"bar"})};
            },
            {});
        row("l2 selects by name", [](auto &p) { p.l2Advertisements = {ad("example", {"lan"})}; },
            {});
        row("l2 selects by label",
            [](auto &p) {
                p.pools[0].labels = {{"tier", "lan"}};
                p.l2Advertisements[0].ipAddressPoolSelectors = {expr("tier", "In", {"lan", "dmz"})};
            },
            {});
        row("l2 node selector matches",
            [](auto &p) {
                p.nodes[2].labels = {{"kubernetes.io/hostname", "node3"}};
                p.l2Advertisements[0].nodeSelectors
                    = {labels({{"kubernetes.io/hostname", "node3"}})};
            },
            {});
        row("l2 interface of the lan", [](auto &p) { p.l2Advertisements[0].interfaces = {"eth0"}; },
            {});

        // k3snet's rules beyond MetalLB.
        row("mixed family low to high", entries({"10.0.0.100-fd00::1"}),
            {"pool-mixed-family-range"});
        row("contains node ip", entries({"10.0.0.8-10.0.0.12"}), {"pool-contains-node-ip"});
        row("contains gateway", entries({"10.0.0.1/32"}), {"pool-contains-gateway"});
        row("overlaps cluster cidr",
            [](auto &p) {
                noLan(p);
                p.pools[0].addresses = {"10.42.7.0/24"};
            },
            {"pool-overlaps-cluster-cidr"});
        row("overlaps service cidr",
            [](auto &p) {
                noLan(p);
                p.pools[0].addresses = {"10.43.0.0/28"};
            },
            {"pool-overlaps-service-cidr"});
        row("outside lan", entries({"192.168.1.240/28"}), {"pool-outside-lan"});
        row("partly outside lan", entries({"10.0.0.250-10.0.1.5"}), {"pool-outside-lan"});
        row("no lan, anywhere",
            [](auto &p) {
                noLan(p);
                p.pools[0].addresses = {"192.168.1.240/28"};
            },
            {});
        row("no advertisement", [](auto &p) { p.l2Advertisements.clear(); },
            {"pool-not-advertised"});
        row("bgp advertisement instead",
            [](auto &p) {
                p.l2Advertisements.clear();
                p.preserved.push_back(
                    {"metallb.io/v1beta1", "BGPAdvertisement", "empty", "metallb-system", ""});
            },
            {});
        row("pool selector matches nothing",
            [](auto &p) {
                p.l2Advertisements[0].ipAddressPoolSelectors = {labels({{"tier", "dmz"}})};
            },
            {"pool-not-advertised"});
        row("unknown pool", [](auto &p) { p.l2Advertisements[0].ipAddressPools = {"lna"}; },
            {"l2-unknown-pool", "pool-not-advertised"});
        row("unknown interface", [](auto &p) { p.l2Advertisements[0].interfaces = {"wlan0"}; },
            {"l2-interface-unknown"});
        row("some eligible nodes lack the interface",
            [](auto &p) {
                p.nodes[2].interface = "wlan0";
                p.l2Advertisements[0].interfaces = {"wlan0"};
            },
            {"l2-interface-unknown"});
        row("interface limited to the nodes that have it",
            [](auto &p) {
                p.nodes[2].interface = "wlan0";
                p.nodes[2].labels = {{"net", "wifi"}};
                p.l2Advertisements[0].interfaces = {"wlan0"};
                p.l2Advertisements[0].nodeSelectors = {labels({{"net", "wifi"}})};
            },
            {});
        row("no eligible node",
            [](auto &p) {
                p.l2Advertisements[0].nodeSelectors = {labels({{"metallb", "speaker"}})};
            },
            {"l2-no-eligible-node"});
    }

    void rules()
    {
        QFETCH(Edit, edit);
        QFETCH(QStringList, expected);
        auto p = base();
        edit(p);
        const auto found = plan::validate(p);
        QCOMPARE(codes(found), expected);
        for (const auto &d : found) {
            QVERIFY2(!d.message.empty(), d.code.c_str());
            QVERIFY2(!d.objects.empty(), d.code.c_str());
            const bool warning = d.code == "pool-outside-lan" || d.code == "pool-not-advertised"
                || d.code.rfind("l2-unknown", 0) == 0 || d.code == "l2-interface-unknown"
                || d.code == "l2-no-eligible-node";
            QCOMPARE(d.severity, warning ? rules::Severity::Warning : rules::Severity::Error);
        }
    }

    void messagesNameWhatIsWrong()
    {
        auto p = base();
        p.pools.push_back(pool("dmz", {"10.0.0.128/25"}));
        const auto found = plan::validate(p);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found[0].message,
            std::string("pool \"dmz\": CIDR 10.0.0.128/25 overlaps CIDR 10.0.0.128/26 (from "
                        "\"10.0.0.100-10.0.0.200\") of pool \"lan\"; MetalLB rejects overlapping "
                        "addresses"));
        QCOMPARE(found[0].objects.size(), size_t(2));
        QCOMPARE(found[0].objects[0].name, std::string("dmz"));
        QCOMPARE(found[0].objects[1].name, std::string("lan"));
    }

    void locationsComeFromTheSourceMap()
    {
        auto p = base();
        p.sources.set("pools/lan", {"p.yaml", 30, 5});
        p.sources.set("pools/lan.addresses[1]", {"p.yaml", 33, 9});
        p.sources.set("l2Advertisements/all", {"p.yaml", 40, 5});
        p.sources.set("l2Advertisements/all.ipAddressPools[1]", {"p.yaml", 44, 9});
        p.sources.set("l2Advertisements/all.nodeSelectors", {"p.yaml", 45, 7});
        p.pools[0].addresses.push_back("10.0.0.150/32");
        p.l2Advertisements[0].ipAddressPools = {"lan", "lan"};
        p.l2Advertisements[0].nodeSelectors = {labels({{"x", "y"}})};
        p.pools[0].namespaceName = "default"; // no path of its own: falls back to the pool
        std::map<std::string, std::string> where;
        for (const auto &d : plan::validate(p))
            where[d.code] = d.location.toString();
        QCOMPARE(where["pool-overlap"], std::string("p.yaml:33:9"));
        QCOMPARE(where["l2-duplicate-pool"], std::string("p.yaml:44:9"));
        QCOMPARE(where["l2-no-eligible-node"], std::string("p.yaml:45:7"));
        QCOMPARE(where["wrong-namespace"], std::string("p.yaml:30:5"));
        QCOMPARE(where.size(), size_t(4));
    }

    void thousandsOfPoolsAreFast()
    {
        auto p = seedProject(3);
        noLan(p);
        p.l2Advertisements.push_back(ad("all"));
        // 4,000 pools of a /28 and two ranges each, then one pool overlapping two entries of p0.
        for (std::uint32_t i = 0; i < 4000; ++i) {
            const std::uint32_t b = 0xac100000u + i * 64;
            auto text = [](std::uint32_t v) { return net::Address::v4(v).toString(); };
            p.pools.push_back(pool("p" + std::to_string(i),
                {text(b) + "/28", text(b + 16) + "-" + text(b + 40),
                    text(b + 41) + " - " + text(b + 63)}));
        }
        p.pools.push_back(pool("late", {"172.16.0.40/29", "172.16.0.0/12"}));
        QElapsedTimer timer;
        timer.start();
        const auto found = checkMetalLB(p);
        QCOMPARE(codes(found), QStringList({"pool-overlap", "pool-overlap"}));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        for (const auto &d : found) {
            QCOMPARE(d.objects.front().name, std::string("late"));
            QCOMPARE(d.objects.back().name, std::string("p0")); // the earliest it overlaps
        }
    }

    // Every entry that overlaps an entry defined before it is reported, once, against the
    // earliest such entry: the same answer as comparing all pairs.
    void overlapsMatchPairwiseComparison()
    {
        auto p = seedProject(3);
        noLan(p);
        p.l2Advertisements.push_back(ad("all"));
        std::mt19937 random(42);
        struct Placed
        {
            std::string pool;
            net::Range range;
        };
        std::vector<Placed> placed;
        int line = 0;
        for (int i = 0; i < 300; ++i) {
            auto pl = pool("p" + std::to_string(i), {});
            const int count = 1 + int(random() % 3);
            for (int j = 0; j < count; ++j) {
                const bool v6 = random() % 5 == 0;
                const std::uint32_t first = random() % 20000;
                const std::uint32_t size = random() % 4 == 0 ? random() % 300 : random() % 8;
                const auto a = v6 ? net::Address::v6(first) : net::Address::v4(0xc0a80000u + first);
                const auto b = v6 ? net::Address::v6(first + size)
                                  : net::Address::v4(0xc0a80000u + first + size);
                pl.addresses.push_back(a.toString() + "-" + b.toString());
                p.sources.set(
                    "pools/" + pl.name + ".addresses[" + std::to_string(j) + "]", {"f", ++line, 1});
                placed.push_back({pl.name, net::Range(a, b)});
            }
            p.pools.push_back(std::move(pl));
        }
        std::map<int, std::string> expected; // line -> pool of the earliest overlapping entry
        for (std::size_t k = 0; k < placed.size(); ++k)
            for (std::size_t j = 0; j < k; ++j)
                if (placed[k].range.overlaps(placed[j].range)) {
                    expected[int(k) + 1] = placed[j].pool;
                    break;
                }
        std::map<int, std::string> found;
        for (const auto &d : checkMetalLB(p)) {
            QCOMPARE(d.code, std::string("pool-overlap"));
            QVERIFY2(!found.count(d.location.line), d.message.c_str());
            found[d.location.line] = d.objects.back().name;
        }
        QVERIFY(expected.size() > 50);
        QCOMPARE(found, expected);
    }
};

QTEST_APPLESS_MAIN(TestMetalLBRules)
#include "tst_metallbrules.moc"
