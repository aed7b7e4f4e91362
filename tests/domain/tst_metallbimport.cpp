// SPDX-License-Identifier: GPL-3.0-or-later
// Import of MetalLB and kubectl YAML (MetalLB custom resources, Services, Nodes, Namespaces,
// EndpointSlices, typed and nested Lists): every kind and field lands in the model, fields
// k3snet does not model are kept and exported again, objects of other kinds are kept or
// dropped as they should be. The legacy ConfigMap is in tst_metallblegacy.cpp, export and
// round trips in tst_metallbroundtrip.cpp, refused input in tst_metallbbadinput.cpp.
#include "metallbtestutil.h"

#include "domain/io/metallbexport.h"
#include "domain/io/metallbimport.h"

#include <QtTest>

using namespace k3snet;
using metallbtest::codes;
using metallbtest::dump;
using metallbtest::find;
using metallbtest::import;
using metallbtest::readAll;

class TestMetalLBImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindAndField();
    void unknownFields();
    void kubectlDump();
    void typedAndNestedLists();
    void otherObjects();
    void endpointSlices();
};

void TestMetalLBImport::everyKindAndField()
{
    const std::string text = R"(# every field of every kind k3snet models
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: lan
  namespace: lb
  labels: {env: prod}
  annotations: {note: "true"}
spec:
  addresses: [192.0.2.100-192.0.2.150, 192.0.2.160/28]
  autoAssign: false
  avoidBuggyIPs: true
  serviceAllocation:
    priority: 5
    namespaces: [web]
    namespaceSelectors: [{matchLabels: {team: a}}]
    serviceSelectors:
    - matchExpressions: [{key: app, operator: In, values: [web, api]}]
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: {name: l2, labels: {a: "1"}}
spec:
  ipAddressPools: [lan]
  ipAddressPoolSelectors: [{}]
  nodeSelectors: [{matchLabels: {kubernetes.io/hostname: pi1}}]
  interfaces: [eth0]
  serviceSelectors: [{matchLabels: {expose: l2}}]
---
apiVersion: v1
kind: Service
metadata:
  name: shop
  namespace: web
  labels: {app: shop}
  annotations: {metallb.io/loadBalancerIPs: 192.0.2.101}
  creationTimestamp: "2024-05-01T12:00:00Z"
spec:
  type: LoadBalancer
  selector: {app: shop}
  ports:
  - {name: http, port: 80, nodePort: 30080, targetPort: 8080}
  - {port: 5353, protocol: UDP}
  clusterIP: 10.43.0.20
  clusterIPs: [10.43.0.20, fd00:43::20]
  loadBalancerIP: 192.0.2.101
  externalTrafficPolicy: Local
  ipFamilyPolicy: PreferDualStack
  ipFamilies: [IPv4, IPv6]
status:
  loadBalancer:
    ingress: [{ip: 192.0.2.101}, {hostname: lb.example}]
---
apiVersion: v1
kind: Service
metadata: {name: bare}
---
apiVersion: v1
kind: Node
metadata:
  name: pi1
  labels: {node-role.kubernetes.io/control-plane: "true", kubernetes.io/arch: arm64}
spec: {podCIDR: 10.42.7.0/24}
status:
  addresses:
  - {type: Hostname, address: pi1}
  - {type: InternalIP, address: "fd00::11"}
  - {type: InternalIP, address: 192.0.2.11}
  - {type: InternalIP, address: 192.0.2.99}
  conditions:
  - {type: NetworkUnavailable, status: "True"}
---
apiVersion: v1
kind: Node
metadata: {name: pi2, labels: {node-role.kubernetes.io/master: "true"}}
status:
  addresses: [{type: InternalIP, address: "fd00::12"}]
  conditions: [{type: NetworkUnavailable, status: "False"}]
---
apiVersion: v1
kind: Namespace
metadata: {name: web, labels: {team: a}}
)";
    const auto r = import(text);
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    const auto &p = r.project;
    QCOMPARE(p.pools.size(), std::size_t(1));
    const auto &pool = p.pools[0];
    QCOMPARE(pool.name, "lan");
    QCOMPARE(pool.namespaceName, "lb");
    QCOMPARE(pool.labels.at("env"), "prod");
    QCOMPARE(pool.annotations.at("note"), "true");
    QCOMPARE(pool.addresses.size(), std::size_t(2));
    QCOMPARE(pool.autoAssign, false);
    QCOMPARE(pool.avoidBuggyIPs, true);
    QCOMPARE(pool.serviceAllocation->priority, 5);
    QCOMPARE(pool.serviceAllocation->namespaces, std::vector<std::string>{"web"});
    QCOMPARE(pool.serviceAllocation->namespaceSelectors.at(0).matchLabels.at("team"), "a");
    QCOMPARE(pool.serviceAllocation->serviceSelectors.at(0).matchExpressions.at(0).values,
        (std::vector<std::string>{"web", "api"}));
    QVERIFY(pool.unknownFields.empty());

    const auto &l2 = p.l2Advertisements.at(0);
    QCOMPARE(l2.namespaceName, "metallb-system");
    QCOMPARE(l2.labels.at("a"), "1");
    QCOMPARE(l2.ipAddressPools, std::vector<std::string>{"lan"});
    QVERIFY(l2.ipAddressPoolSelectors.at(0).isEmpty());
    QCOMPARE(l2.nodeSelectors.at(0).matchLabels.at("kubernetes.io/hostname"), "pi1");
    QCOMPARE(l2.interfaces, std::vector<std::string>{"eth0"});
    QCOMPARE(l2.serviceSelectors.at(0).matchLabels.at("expose"), "l2");

    QCOMPARE(p.services.size(), std::size_t(2));
    const auto &s = p.services[0];
    QCOMPARE(s.key(), "web/shop");
    QCOMPARE(s.type, "LoadBalancer");
    QCOMPARE(s.labels.at("app"), "shop");
    QCOMPARE(s.annotations.at("metallb.io/loadBalancerIPs"), "192.0.2.101");
    QCOMPARE(s.selector.at("app"), "shop");
    QCOMPARE(s.ports.size(), std::size_t(2));
    QCOMPARE(s.ports[0].name, "http");
    QCOMPARE(s.ports[0].protocol, "TCP");
    QCOMPARE(s.ports[0].port, 80);
    QCOMPARE(s.ports[0].nodePort, 30080);
    QCOMPARE(s.ports[1].protocol, "UDP");
    QCOMPARE(s.ports[1].nodePort, 0);
    QCOMPARE(s.clusterIP, "10.43.0.20");
    QCOMPARE(s.clusterIPs, (std::vector<std::string>{"10.43.0.20", "fd00:43::20"}));
    QCOMPARE(s.loadBalancerIP, "192.0.2.101");
    QCOMPARE(s.externalTrafficPolicy, "Local");
    QCOMPARE(s.ipFamilyPolicy, "PreferDualStack");
    QCOMPARE(s.ipFamilies, (std::vector<std::string>{"IPv4", "IPv6"}));
    QCOMPARE(s.ingressIPs, std::vector<std::string>{"192.0.2.101"});
    QCOMPARE(s.creationTimestamp, "2024-05-01T12:00:00Z");
    QVERIFY(!s.endpointNodes);
    QCOMPARE(p.services[1].key(), "default/bare");
    QCOMPARE(p.services[1].type, "ClusterIP");

    QCOMPARE(p.nodes.size(), std::size_t(2));
    QCOMPARE(p.nodes[0].name, "pi1");
    QCOMPARE(p.nodes[0].role, model::NodeRole::Server);
    QCOMPARE(p.nodes[0].lanIP.toString(), "192.0.2.11"); // the first IPv4 InternalIP
    QCOMPARE(p.nodes[0].podCIDR->toString(), "10.42.7.0/24");
    QVERIFY(p.nodes[0].networkUnavailable);
    QCOMPARE(p.nodes[0].labels.at("kubernetes.io/arch"), "arm64");
    QCOMPARE(p.nodes[1].role, model::NodeRole::Server);
    QCOMPARE(p.nodes[1].lanIP.toString(), "fd00::12"); // no IPv4: the first InternalIP
    QVERIFY(!p.nodes[1].networkUnavailable);
    QCOMPARE(p.namespaces.at(0).name, "web");
    QCOMPARE(p.namespaces.at(0).labels.at("team"), "a");

    // Sources where the rules look for them.
    QCOMPARE(p.sources.find("pools/lan.addresses[1]").line, 10);
    QCOMPARE(p.sources.find("services/web/shop.ports[0].nodePort").line, 42);
    QCOMPARE(p.sources.find("nodes/pi1.lanIP").line, 68);
    QCOMPARE(r.objects.size(), std::size_t(7));
    QCOMPARE(r.objects[2].name, "web/shop");
    QCOMPARE(r.objects[2].location.line, 30);
}

void TestMetalLBImport::unknownFields()
{
    const std::string text = R"(apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: p
  ownerReferences: [{kind: X, name: y}]
  resourceVersion: "12"
spec:
  addresses: [10.0.0.0/28]
  adresses: [10.0.1.0/28]
  futureField: {deep: [1, 2]}
  serviceAllocation:
    priority: 1
    weight: 3
extra: top
status: {assignedIPv4: 3}
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: {name: l}
spec:
  preferredNodeSelectors:
  - weight: 50
    preference: {matchLabels: {zone: a}}
)";
    const auto r = import(text);
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    const auto &pool = r.project.pools.at(0);
    QCOMPARE(pool.unknownFields,
        "metadata:\n  ownerReferences:\n  - kind: X\n    name: y\n"
        "spec:\n  adresses:\n  - 10.0.1.0/28\n  futureField:\n    deep:\n    - 1\n    - 2\n"
        "  serviceAllocation:\n    weight: 3\nextra: top\n");
    QCOMPARE(codes(r.diagnostics, rules::Severity::Warning),
        (QStringList{"unknown-field", "unknown-field", "unknown-field", "unknown-field"}));
    const auto *typo = find(r.diagnostics, "unknown-field");
    QCOMPARE(typo->location.line, 9);
    QVERIFY2(typo->message.find("did you mean \"addresses\"") != std::string::npos,
        typo->message.c_str());
    QCOMPARE(r.project.l2Advertisements.at(0).unknownFields,
        "spec:\n  preferredNodeSelectors:\n  - weight: 50\n    preference:\n      matchLabels:\n   "
        "     zone: a\n");
    QVERIFY(codes(r.diagnostics, rules::Severity::Info).contains("field-preserved"));

    // Export merges them back; a second import reads the same.
    const std::string exported = io::exportMetalLB(r.project);
    QVERIFY2(exported.find("  futureField:\n    deep:\n    - 1\n") != std::string::npos,
        exported.c_str());
    QVERIFY(exported.find("resourceVersion") == std::string::npos);
    QVERIFY(exported.find("status") == std::string::npos);
    const auto again = import(exported);
    QVERIFY(!again.hasErrors());
    QCOMPARE(again.project.pools, r.project.pools);
    QCOMPARE(again.project.l2Advertisements, r.project.l2Advertisements);
}

void TestMetalLBImport::kubectlDump()
{
    const auto r = io::importKubernetesYaml(
        readAll(QStringLiteral(K3SNET_TEST_DATA_DIR "/kubectl-dump.yaml")), "kubectl-dump.yaml");
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QVERIFY2(
        codes(r.diagnostics, rules::Severity::Warning).isEmpty(), qPrintable(dump(r.diagnostics)));
    const auto &p = r.project;
    QCOMPARE(p.services.size(), std::size_t(6));
    QCOMPARE(p.nodes.size(), std::size_t(4));
    QCOMPARE(p.namespaces.size(), std::size_t(5));
    QCOMPARE(p.pools.size(), std::size_t(1));
    QCOMPARE(p.l2Advertisements.size(), std::size_t(1));
    QVERIFY(p.preserved.empty());

    const model::Service *traefik = p.findService("kube-system", "traefik");
    QVERIFY(traefik);
    QVERIFY(traefik->isLoadBalancer());
    QVERIFY(traefik->ingressIPs.empty()); // pending: the pool only serves "default"
    QCOMPARE(traefik->clusterIP, "10.43.50.56");
    QCOMPARE(traefik->ports.at(1).nodePort, 30123);
    QCOMPARE(traefik->annotations.at("meta.helm.sh/release-name"), "traefik");
    const model::Service *web = p.findService("default", "web");
    QCOMPARE(web->ingressIPs, std::vector<std::string>{"10.0.0.100"});
    QCOMPARE(web->externalTrafficPolicy, "Local");
    QVERIFY(web->unknownFields.find("healthCheckNodePort: 31234") != std::string::npos);

    QCOMPARE(p.nodes[0].role, model::NodeRole::Server);
    QCOMPARE(p.nodes[0].lanIP.toString(), "10.0.0.11");
    QCOMPARE(p.nodes[3].role, model::NodeRole::Agent);
    QCOMPARE(p.nodes[3].podCIDR->toString(), "10.42.3.0/24");
    QVERIFY(p.nodes[3].networkUnavailable);
    QVERIFY(!p.nodes[0].networkUnavailable);

    // What the API server wrote stays behind.
    const auto &pool = p.pools[0];
    QVERIFY(pool.annotations.empty());
    QVERIFY(pool.unknownFields.empty());
    QCOMPARE(pool.serviceAllocation->namespaces, std::vector<std::string>{"default"});
    QCOMPARE(pool.avoidBuggyIPs, false);
    QVERIFY(p.l2Advertisements[0].annotations.empty());
    QCOMPARE(p.sources.find("pools/picluster-pool.addresses[0]").line, 488);
}

void TestMetalLBImport::typedAndNestedLists()
{
    const std::string text = R"(apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ServiceList
  items:
  - metadata: {name: a, namespace: x}
    spec: {type: LoadBalancer, ports: [{port: 80}]}
  - metadata: {name: b}
- apiVersion: metallb.io/v1beta1
  kind: BGPPeerList
  items:
  - metadata: {name: peer, namespace: metallb-system, uid: abc}
    spec: {myASN: 64512, peerASN: 64512, peerAddress: 10.0.0.1}
    status: {}
)";
    const auto r = import(text);
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.project.services.size(), std::size_t(2));
    QCOMPARE(r.project.services[0].key(), "x/a");
    QCOMPARE(r.project.services[1].key(), "default/b");
    QCOMPARE(r.project.preserved.size(), std::size_t(1));
    const auto &peer = r.project.preserved[0];
    QCOMPARE(peer.kind, "BGPPeer");
    QCOMPARE(peer.apiVersion, "metallb.io/v1beta1");
    QCOMPARE(peer.yaml,
        "apiVersion: metallb.io/v1beta1\nkind: BGPPeer\nmetadata:\n  name: peer\n  namespace: "
        "metallb-system\n"
        "spec:\n  myASN: 64512\n  peerASN: 64512\n  peerAddress: 10.0.0.1\n");
}

void TestMetalLBImport::otherObjects()
{
    const std::string text = R"(apiVersion: v1
kind: List
items:
- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: {name: web, namespace: shop, uid: x1, resourceVersion: "5"}
  spec: {rules: [{host: "true"}]}
  status: {loadBalancer: {}}
- apiVersion: v1
  kind: Secret
  metadata: {name: memberlist, namespace: metallb-system}
  data: {secretkey: c2VjcmV0}
- apiVersion: metallb.io/v1beta1
  kind: ServiceL2Status
  metadata: {name: l2-abcde, namespace: metallb-system}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: grafana, namespace: monitoring}
  data: {config: "[server]\nhttp_port = 3000\n"}
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: metallb-excludel2
    namespace: metallb-system
    annotations: {kubectl.kubernetes.io/last-applied-configuration: "{}", keep: "yes"}
  data:
    excludel2.yaml: |
      announcedInterfacesToExclude: ["^docker.*"]
- apiVersion: metallb.io/v1alpha1
  kind: IPAddressPool
  metadata: {name: old, namespace: metallb-system}
  spec: {addresses: [10.0.0.0/28]}
- apiVersion: v1
  kind: List
)";
    const auto r = import(text);
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QVERIFY(r.project.pools.empty());
    QStringList kept;
    for (const auto &o : r.project.preserved)
        kept << QString::fromStdString(o.kind + "/" + o.namespaceName + "/" + o.name);
    QCOMPARE(kept, (QStringList{"Ingress/shop/web", "ConfigMap/metallb-system/metallb-excludel2",
                       "IPAddressPool/metallb-system/old"}));
    // Server-written fields and status stay behind; strings stay strings.
    QCOMPARE(r.project.preserved[0].yaml,
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\n"
        "spec:\n  rules:\n  - host: \"true\"\n");
    QCOMPARE(r.project.preserved[1].yaml,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: metallb-excludel2\n"
        "  namespace: metallb-system\n  annotations:\n    keep: \"yes\"\ndata:\n"
        "  excludel2.yaml: |\n    announcedInterfacesToExclude: [\"^docker.*\"]\n");
    QCOMPARE(codes(r.diagnostics, rules::Severity::Info).count("object-dropped"), 3);
    QCOMPARE(codes(r.diagnostics, rules::Severity::Warning), QStringList{"unsupported-api-version"});
    using Fate = io::ImportedObject::Fate;
    QCOMPARE(r.objects.size(), std::size_t(6));
    QCOMPARE(r.objects[1].fate, Fate::Dropped);
    QCOMPARE(r.objects[1].kind, "Secret");

    // Only what belongs to MetalLB is exported.
    const std::string exported = io::exportMetalLB(r.project);
    QVERIFY(exported.find("kind: Ingress") == std::string::npos);
    QVERIFY(exported.find("name: metallb-excludel2") != std::string::npos);
    QVERIFY(exported.find("apiVersion: metallb.io/v1alpha1") != std::string::npos);
}

void TestMetalLBImport::endpointSlices()
{
    const std::string text = R"(apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {type: LoadBalancer, externalTrafficPolicy: Local}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: web-abc
  namespace: shop
  labels: {kubernetes.io/service-name: web}
endpoints:
- {addresses: [10.42.1.5], nodeName: node2, conditions: {ready: true}}
- {addresses: [10.42.2.5], nodeName: node3, conditions: {ready: false}}
- {addresses: [10.42.3.5], nodeName: node4, conditions: {ready: false, serving: true}}
- {addresses: [10.42.1.6], nodeName: node2}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: web-def
  namespace: shop
  labels: {kubernetes.io/service-name: web}
endpoints:
- {addresses: [10.42.0.5], nodeName: node1, conditions: {ready: true, serving: true}}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: api-1
  namespace: shop
  labels: {kubernetes.io/service-name: api}
endpoints: []
)";
    const auto r = import(text);
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.project.services.at(0).endpointNodes,
        (std::vector<std::string>{"node2", "node4", "node1"}));
    QCOMPARE(r.endpointNodes.at("shop/api"), std::vector<std::string>{});

    // Merged into a project that has the api service, the empty list means "nobody serves".
    model::Project project;
    model::Service api;
    api.namespaceName = "shop";
    api.name = "api";
    project.services.push_back(api);
    rules::Diagnostics diagnostics;
    io::mergeImport(project, r, diagnostics);
    QCOMPARE(project.services.at(0).endpointNodes, std::vector<std::string>{});
    QCOMPARE(project.services.at(1).endpointNodes->size(), std::size_t(3));
    QVERIFY(diagnostics.empty());
}

QTEST_APPLESS_MAIN(TestMetalLBImport)
#include "tst_metallbimport.moc"
