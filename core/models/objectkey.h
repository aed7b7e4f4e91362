// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rules/diagnostic.h"

#include <QLatin1String>
#include <QString>

#include <string>

// Stable ids of project objects, "Kind/name" as diagnostics name them ("Node/node1",
// "IPAddressPool/picluster-pool", "L2Advertisement/example", "Service/kube-system/traefik",
// "Network/clusterCIDR"): what the models' ObjectKeyRole gives and what views select by.
namespace k3snet::objectkey {

inline QString of(const char *kind, const std::string &name)
{
    return QLatin1String(kind) + QLatin1Char('/') + QString::fromStdString(name);
}
inline QString of(const rules::ObjectRef &ref)
{
    return QString::fromStdString(ref.kind) + QLatin1Char('/') + QString::fromStdString(ref.name);
}
inline QString node(const std::string &name)
{
    return of("Node", name);
}
inline QString pool(const std::string &name)
{
    return of("IPAddressPool", name);
}
inline QString l2Advertisement(const std::string &name)
{
    return of("L2Advertisement", name);
}
inline QString service(const std::string &namespaceName, const std::string &name)
{
    return of("Service", namespaceName + '/' + name);
}

// "Node" of "Node/node1"; "Service" of "Service/kube-system/traefik".
inline QString kindOf(const QString &key)
{
    return key.section(QLatin1Char('/'), 0, 0);
}
// "node1" of "Node/node1"; "kube-system/traefik" of "Service/kube-system/traefik".
inline QString nameOf(const QString &key)
{
    return key.section(QLatin1Char('/'), 1);
}

} // namespace k3snet::objectkey
