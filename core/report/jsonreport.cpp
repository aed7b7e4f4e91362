// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/jsonreport.h"

namespace k3snet::report {

namespace {
QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

QJsonObject toJson(const rules::Diagnostic &d)
{
    QJsonObject o;
    o.insert(QStringLiteral("severity"), QLatin1String(rules::severityName(d.severity)));
    o.insert(QStringLiteral("code"), qs(d.code));
    o.insert(QStringLiteral("message"), qs(d.message));
    QJsonArray objects;
    for (const auto &ref : d.objects)
        objects.append(QJsonObject{{QStringLiteral("kind"), qs(ref.kind)}, {QStringLiteral("name"), qs(ref.name)}});
    o.insert(QStringLiteral("objects"), objects);
    if (!d.location.file.empty())
        o.insert(QStringLiteral("file"), qs(d.location.file));
    if (d.location.isValid()) {
        o.insert(QStringLiteral("line"), d.location.line);
        o.insert(QStringLiteral("column"), d.location.column);
    }
    return o;
}

namespace {
QJsonArray strings(const std::vector<std::string> &v)
{
    QJsonArray a;
    for (const auto &s : v)
        a.append(qs(s));
    return a;
}

template<class T>
QJsonValue optionalText(const std::optional<T> &v)
{
    return v ? QJsonValue(qs(v->toString())) : QJsonValue(QJsonValue::Null);
}
} // namespace

QJsonArray toJson(const rules::Diagnostics &ds)
{
    QJsonArray a;
    for (const auto &d : ds)
        a.append(toJson(d));
    return a;
}

} // namespace k3snet::report

namespace k3snet::report {

QJsonObject toJson(const plan::Plan &p)
{
    QJsonArray nodes;
    for (const auto &n : p.nodes) {
        nodes.append(QJsonObject{
            {QStringLiteral("name"), qs(n.name)},
            {QStringLiteral("role"), QLatin1String(model::nodeRoleName(n.role))},
            {QStringLiteral("lanIP"), qs(n.lanIP.toString())},
            {QStringLiteral("interface"), qs(n.interface)},
            {QStringLiteral("podCIDR"), optionalText(n.podCIDR)},
            {QStringLiteral("podCIDRPinned"), n.podCIDRPinned},
            {QStringLiteral("vtepDevice"), qs(n.vtepDevice)},
            {QStringLiteral("vtepAddress"), optionalText(n.vtepAddress)},
            {QStringLiteral("vtepMAC"), qs(n.vtepMAC)},
            {QStringLiteral("bridgeAddress"), optionalText(n.bridgeAddress)},
            {QStringLiteral("mtu"), n.mtu},
        });
    }
    QJsonArray pools;
    for (const auto &pool : p.pools) {
        auto family = [](const std::string &size, const std::string &assigned, const std::string &available) {
            return QJsonObject{{QStringLiteral("size"), qs(size)},
                               {QStringLiteral("assigned"), qs(assigned)},
                               {QStringLiteral("available"), qs(available)}};
        };
        pools.append(QJsonObject{
            {QStringLiteral("name"), qs(pool.name)},
            {QStringLiteral("addresses"), strings(pool.addresses)},
            {QStringLiteral("autoAssign"), pool.autoAssign},
            {QStringLiteral("avoidBuggyIPs"), pool.avoidBuggyIPs},
            {QStringLiteral("ipv4"), family(pool.sizeV4, pool.assignedV4, pool.availableV4)},
            {QStringLiteral("ipv6"), family(pool.sizeV6, pool.assignedV6, pool.availableV6)},
        });
    }
    QJsonArray services;
    for (const auto &s : p.services) {
        services.append(QJsonObject{
            {QStringLiteral("namespace"), qs(s.namespaceName)},
            {QStringLiteral("name"), qs(s.name)},
            {QStringLiteral("type"), qs(s.type)},
            {QStringLiteral("clusterIP"), qs(s.clusterIP)},
            {QStringLiteral("ports"), strings(s.ports)},
            {QStringLiteral("ips"), strings(s.ips)},
            {QStringLiteral("pool"), s.pool.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(qs(s.pool))},
            {QStringLiteral("announcer"), s.announcer.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(qs(s.announcer))},
            {QStringLiteral("fallbacks"), strings(s.fallbacks)},
            {QStringLiteral("pendingReason"),
             s.pendingReason.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(qs(s.pendingReason))},
        });
    }
    return QJsonObject{
        {QStringLiteral("project"), qs(p.projectName)},
        {QStringLiteral("nodes"), nodes},
        {QStringLiteral("pools"), pools},
        {QStringLiteral("services"), services},
        {QStringLiteral("diagnostics"), toJson(p.diagnostics)},
    };
}

} // namespace k3snet::report
