// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/provisionreport.h"

#include <QJsonArray>

#include <algorithm>

namespace k3snet::provision {

bool ProvisionReport::allOk() const
{
    return !cancelled && std::all_of(nodes.begin(), nodes.end(), [](const NodeResult &r) { return r.ok(); });
}

int ProvisionReport::failedCount() const
{
    return int(std::count_if(nodes.begin(), nodes.end(), [](const NodeResult &r) { return !r.ok(); }));
}

int ProvisionReport::count(Outcome o) const
{
    return int(std::count_if(nodes.begin(), nodes.end(), [o](const NodeResult &r) { return r.outcome == o; }));
}

const NodeResult *ProvisionReport::find(const QString &node) const
{
    for (const NodeResult &r : nodes) {
        if (r.node == node)
            return &r;
    }
    return nullptr;
}

QJsonObject ProvisionReport::toJson() const
{
    QJsonArray list;
    for (const NodeResult &r : nodes)
        list.append(r.toJson());
    QJsonObject j;
    j[QLatin1String("operation")] = operationId(operation);
    j[QLatin1String("ok")] = allOk();
    j[QLatin1String("cancelled")] = cancelled;
    j[QLatin1String("elapsedMs")] = double(elapsedMs);
    j[QLatin1String("nodes")] = list;
    return j;
}

} // namespace k3snet::provision
