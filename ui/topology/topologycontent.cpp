// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/topologycontent.h"

#include "document/document.h"
#include "domain/util/parallelfor.h"

#include <algorithm>
#include <utility>

namespace k3snet {

namespace {

// Making a chip's strings is independent per service (chipsOf reads only what remakeAll set
// up), and an edit that moves every service makes 1,870: they are made on every core.
constexpr std::size_t chipsPerPart = 256;

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

std::optional<rules::Severity> worse(std::optional<rules::Severity> a, rules::Severity b)
{
    return a && *a < b ? a : std::optional(b);
}

// Everything a node's box and the overlay show, apart from the addresses it announces: when
// this is unchanged, so are the nodes, the LAN and the tunnels.
QString signatureOf(const model::ClusterNetwork &network, const plan::Plan &plan, const QFont &font)
{
    QString s = font.toString();
    const auto text = [&s](const std::string &part) { s += QLatin1Char('|') + fromStd(part); };
    text(network.clusterCIDR.toString() + " " + network.serviceCIDR.toString() + " "
        + network.clusterDNS.toString() + " " + network.lan.subnet.toString() + " "
        + network.lan.gateway.toString() + " " + network.lan.interface);
    s += QStringLiteral("|%1|%2|%3|%4|%5")
             .arg(network.nodeCIDRMaskSize)
             .arg(network.vxlan.vni)
             .arg(network.vxlan.port)
             .arg(network.effectiveVxlanMtu())
             .arg(network.lan.mtu);
    for (const auto &n : plan.nodes) {
        text(n.name);
        text(model::nodeRoleName(n.role));
        text(n.lanIP.toString());
        text(n.interface);
        text(n.podCIDR ? n.podCIDR->toString() + (n.podCIDRPinned ? "!" : "") : "-");
        text(n.vtepDevice);
        text(n.vtepAddress ? n.vtepAddress->toString() : "-");
        text(n.vtepMAC);
        text(n.bridgeAddress ? n.bridgeAddress->toString() : "-");
        s += QLatin1Char('|') + QString::number(n.mtu);
    }
    return s;
}

} // namespace

int TopologyContentCollector::nodeIndex(const std::string &name) const
{
    const auto it = std::lower_bound(m_context.nodes.begin(), m_context.nodes.end(), name);
    return it != m_context.nodes.end() && *it == name ? int(it - m_context.nodes.begin()) : -1;
}

QString TopologyContentCollector::nodeName(const std::string &name) const
{
    const int index = nodeIndex(name);
    return index >= 0 ? m_nodeNames.at(index) : fromStd(name);
}

TopologyContentCollector::Chips TopologyContentCollector::chipsOf(std::size_t service,
    const Document &document, const std::map<std::string, std::string> &notAnnouncedWhy) const
{
    const plan::ServicePlan &sp = document.plan().services[service];
    Chips chips;
    if (sp.type != "LoadBalancer")
        return chips;
    const std::string key = sp.namespaceName + "/" + sp.name;
    ServiceIpItem::Info info;
    info.serviceKey = QStringLiteral("Service/") + fromStd(key);
    const auto count = m_nameCount.find(sp.name);
    info.label = fromStd(count != m_nameCount.end() && count->second > 1 ? key : sp.name);
    if (auto it = m_poolIndex.find(sp.pool); it != m_poolIndex.end()) {
        info.poolIndex = it->second;
        info.poolKey = m_poolKeys.at(it->second);
        info.pool = m_poolNames.at(it->second);
    } else {
        info.pool = fromStd(sp.pool);
    }
    const int announcer = sp.announcer.empty() ? -1 : nodeIndex(sp.announcer);
    info.service = fromStd(key);
    if (sp.ips.empty() || announcer < 0) {
        info.pending = true;
        info.ip = sp.ips.empty() ? QString() : fromStd(sp.ips.front());
        info.why = fromStd(sp.pendingReason);
        if (auto why = notAnnouncedWhy.find(key);
            info.why.isEmpty() && why != notAnnouncedWhy.end())
            info.why = fromStd(why->second);
        chips.pending = true;
        chips.infos << std::make_shared<const ServiceIpItem::Info>(std::move(info));
        return chips;
    }
    // The next few in line: in a large cluster every node is a fallback, and a tooltip needs
    // only the first ones.
    constexpr std::size_t shownFallbacks = 3;
    chips.node = announcer;
    info.announcer = m_nodeNames.at(announcer);
    for (std::size_t i = 0; i < std::min(shownFallbacks, sp.fallbacks.size()); ++i)
        info.fallbacks << nodeName(sp.fallbacks[i]);
    info.moreFallbacks = int(sp.fallbacks.size() - std::size_t(info.fallbacks.size()));
    for (const auto &ip : sp.ips) {
        info.ip = fromStd(ip);
        chips.infos << std::make_shared<const ServiceIpItem::Info>(info);
    }
    return chips;
}

// What a chip reads besides its own service: the pools' order (its colour), the node names
// (whether its announcer is one) and the other services' names (whether its label needs the
// namespace). With these unchanged, the chips of services the plan kept are as they were.
TopologyContentCollector::Context TopologyContentCollector::contextOf(const plan::Plan &plan)
{
    Context context;
    for (const auto &pool : plan.pools)
        context.pools.push_back(pool.name);
    for (const auto &node : plan.nodes)
        context.nodes.push_back(node.name);
    std::sort(context.nodes.begin(), context.nodes.end());
    for (const auto &sp : plan.services)
        context.serviceNames.push_back(sp.type == "LoadBalancer" ? sp.name : std::string());
    return context;
}

void TopologyContentCollector::remakeAll(
    const Document &document, const std::map<std::string, std::string> &notAnnouncedWhy)
{
    const plan::Plan &plan = document.plan();
    m_poolIndex.clear();
    m_poolNames.clear();
    m_poolKeys.clear();
    for (int i = 0; i < int(plan.pools.size()); ++i) {
        const std::string &name = plan.pools[std::size_t(i)].name;
        m_poolIndex[name] = i; // a repeated name (an error) colours as its last pool
        m_poolNames << fromStd(name);
        m_poolKeys << QStringLiteral("IPAddressPool/") + m_poolNames.constLast();
    }
    m_nodeNames.clear();
    for (const auto &name : m_context.nodes)
        m_nodeNames << fromStd(name);
    m_nameCount.clear();
    for (const auto &name : m_context.serviceNames)
        if (!name.empty())
            ++m_nameCount[name];
    m_services.assign(plan.services.size(), Chips());
    util::parallelFor(m_services.size(), chipsPerPart, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
            m_services[i] = chipsOf(i, document, notAnnouncedWhy);
    });
}

TopologyContent TopologyContentCollector::collect(
    const Document &document, const QFont &font, const QString &shownSignature)
{
    const plan::Plan &plan = document.plan();
    TopologyContent content;
    content.signature = signatureOf(document.project().network, plan, font);

    std::map<std::string, std::string> notAnnouncedWhy;
    for (const auto &d : plan.diagnostics) {
        for (const auto &ref : d.objects) {
            if (ref.kind == "Node")
                content.nodeProblems[ref.name] = worse(content.nodeProblems[ref.name], d.severity);
            else if (ref.kind == "Service" && d.code == "service-not-announced")
                notAnnouncedWhy[ref.name] = d.message;
        }
    }

    Context context = contextOf(plan);
    // Collected already (a rebuild for another font): nothing changed since. One change since:
    // its list says what. More (a collect missed): everything.
    const quint64 generation = std::exchange(m_generation, document.generation());
    const bool same = generation == m_generation;
    const std::vector<std::size_t> none;
    const std::vector<std::size_t> *changed
        = same ? &none : document.changedServicesSince(generation);
    const bool incremental
        = changed && m_services.size() == plan.services.size() && context == m_context;
    m_context = std::move(context);
    std::vector<char> touchedNodes; // by node index, when not everything
    if (!incremental) {
        remakeAll(document, notAnnouncedWhy);
    } else {
        // A scene that rebuilds wants every node's chips, not the touched ones.
        content.everything = shownSignature.isEmpty() || content.signature != shownSignature;
        std::vector<char> touched(m_nodeNames.size(), 0);
        const auto touch = [&touched](const Chips &chips) {
            if (chips.node >= 0)
                touched[std::size_t(chips.node)] = 1;
        };
        for (std::size_t i : *changed)
            touch(m_services[i]);
        util::parallelFor(changed->size(), chipsPerPart, [&](std::size_t begin, std::size_t end) {
            for (std::size_t k = begin; k < end; ++k)
                m_services[(*changed)[k]] = chipsOf((*changed)[k], document, notAnnouncedWhy);
        });
        for (std::size_t i : *changed)
            touch(m_services[i]);
        for (std::size_t node = 0; node < touched.size(); ++node)
            if (touched[node])
                content.touchedNodes.insert(m_nodeNames.at(qsizetype(node)));
        touchedNodes = std::move(touched);
    }

    // The lists of untouched nodes would only be compared with what they show already. By
    // node index first: hashing a name for each of 2,000 chips was a fifth of collecting.
    std::vector<ServiceIpItem::Infos> byNode(m_nodeNames.size());
    for (const Chips &chips : m_services) {
        if (chips.pending)
            content.pending << chips.infos;
        else if (chips.node >= 0
            && (content.everything || touchedNodes[std::size_t(chips.node)]))
            byNode[std::size_t(chips.node)] << chips.infos;
    }
    for (std::size_t node = 0; node < byNode.size(); ++node)
        if (!byNode[node].isEmpty())
            content.announced.insert(m_nodeNames.at(qsizetype(node)), std::move(byNode[node]));
    return content;
}

} // namespace k3snet
