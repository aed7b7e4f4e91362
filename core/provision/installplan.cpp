// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/installplan.h"

namespace k3snet::provision {

QStringList InstallPlan::uploads(const QString &serviceName) const
{
    QStringList names;
    if (uploadAgent)
        names << QStringLiteral("agent");
    names << configured(serviceName);
    return names;
}

QStringList InstallPlan::configured(const QString &serviceName) const
{
    QStringList names;
    if (config)
        names << QStringLiteral("config");
    if (key)
        names << QStringLiteral("key");
    if (service)
        names << serviceName;
    return names;
}

InstallPlan planInstall(const NodeFacts &facts, const Payload &payload)
{
    InstallPlan plan;
    plan.fresh = !facts.installed();
    plan.switchRelease = facts.release != payload.release || facts.shaAgent != payload.agentSha;
    // A release directory already on the node (the previous one, say) is reused when intact.
    plan.uploadAgent = plan.switchRelease && facts.releaseShas.value(payload.release) != payload.agentSha;
    plan.config = facts.shaConfig != payload.configSha;
    plan.key = facts.shaKey != payload.keySha;
    plan.service = (facts.systemd ? facts.shaUnit : facts.shaSupervise) != payload.serviceSha;
    if (plan.switchRelease || plan.key || plan.service)
        plan.action = InstallPlan::Action::Restart;
    else if (plan.config)
        plan.action = facts.running ? InstallPlan::Action::Reload : InstallPlan::Action::Start;
    else
        plan.action = facts.running ? InstallPlan::Action::None : InstallPlan::Action::Start;
    return plan;
}

} // namespace k3snet::provision
