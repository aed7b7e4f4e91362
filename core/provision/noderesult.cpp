// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/noderesult.h"

#include "provision/provisiontr.h"

#include <QJsonArray>

namespace k3snet::provision {

bool isSuccess(Outcome o)
{
    switch (o) {
    case Outcome::Installed:
    case Outcome::Updated:
    case Outcome::Reconfigured:
    case Outcome::Started:
    case Outcome::UpToDate:
    case Outcome::Healthy:
    case Outcome::NotInstalled:
    case Outcome::Removed:
        return true;
    case Outcome::RolledBack:
    case Outcome::Failed:
    case Outcome::Cancelled:
    case Outcome::Unhealthy:
        return false;
    }
    return false;
}

QString outcomeName(Outcome o)
{
    switch (o) {
    case Outcome::Installed: return Provisioning::tr("installed");
    case Outcome::Updated: return Provisioning::tr("updated");
    case Outcome::Reconfigured: return Provisioning::tr("reconfigured");
    case Outcome::Started: return Provisioning::tr("started");
    case Outcome::UpToDate: return Provisioning::tr("up to date");
    case Outcome::RolledBack: return Provisioning::tr("rolled back");
    case Outcome::Failed: return Provisioning::tr("failed");
    case Outcome::Cancelled: return Provisioning::tr("cancelled");
    case Outcome::Healthy: return Provisioning::tr("healthy");
    case Outcome::Unhealthy: return Provisioning::tr("unhealthy");
    case Outcome::NotInstalled: return Provisioning::tr("not installed");
    case Outcome::Removed: return Provisioning::tr("removed");
    }
    return {};
}

QString outcomeId(Outcome o)
{
    switch (o) {
    case Outcome::Installed: return QStringLiteral("installed");
    case Outcome::Updated: return QStringLiteral("updated");
    case Outcome::Reconfigured: return QStringLiteral("reconfigured");
    case Outcome::Started: return QStringLiteral("started");
    case Outcome::UpToDate: return QStringLiteral("up-to-date");
    case Outcome::RolledBack: return QStringLiteral("rolled-back");
    case Outcome::Failed: return QStringLiteral("failed");
    case Outcome::Cancelled: return QStringLiteral("cancelled");
    case Outcome::Healthy: return QStringLiteral("healthy");
    case Outcome::Unhealthy: return QStringLiteral("unhealthy");
    case Outcome::NotInstalled: return QStringLiteral("not-installed");
    case Outcome::Removed: return QStringLiteral("removed");
    }
    return {};
}

QJsonObject NodeResult::toJson() const
{
    QJsonObject j;
    j[QLatin1String("node")] = node;
    j[QLatin1String("address")] = address;
    j[QLatin1String("operation")] = operationId(operation);
    j[QLatin1String("outcome")] = outcomeId(outcome);
    j[QLatin1String("ok")] = ok();
    j[QLatin1String("step")] = stepId(lastStep);
    j[QLatin1String("message")] = message;
    if (!agentError.isEmpty())
        j[QLatin1String("agentError")] = agentError;
    j[QLatin1String("warnings")] = QJsonArray::fromStringList(warnings);
    j[QLatin1String("arch")] = arch;
    j[QLatin1String("init")] = initSystem;
    j[QLatin1String("release")] = release;
    j[QLatin1String("uploadedBytes")] = double(uploadedBytes);
    j[QLatin1String("bytesSent")] = double(bytesSent);
    j[QLatin1String("bytesReceived")] = double(bytesReceived);
    j[QLatin1String("elapsedMs")] = double(elapsedMs);
    j[QLatin1String("log")] = QJsonArray::fromStringList(log);
    if (!agentStatus.isEmpty())
        j[QLatin1String("agentStatus")] = agentStatus;
    return j;
}

} // namespace k3snet::provision
