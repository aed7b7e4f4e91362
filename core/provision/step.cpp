// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/step.h"

#include "provision/provisiontr.h"

#include <algorithm>

namespace k3snet::provision {

QList<Step> stepsOf(Operation op)
{
    const QList<Step> session{Step::Connect, Step::VerifyHostKey, Step::Authenticate};
    switch (op) {
    case Operation::Provision:
        return session
            + QList<Step>{Step::Detect, Step::Upload, Step::Verify, Step::Install, Step::Configure,
                Step::Start, Step::HealthCheck, Step::Done};
    case Operation::Status:
        return session + QList<Step>{Step::ReadStatus, Step::Done};
    case Operation::Uninstall:
        return session + QList<Step>{Step::Remove, Step::Done};
    }
    return session;
}

QString stepName(Step s)
{
    switch (s) {
    case Step::Connect: return Provisioning::tr("connect");
    case Step::VerifyHostKey: return Provisioning::tr("verify host key");
    case Step::Authenticate: return Provisioning::tr("authenticate");
    case Step::Detect: return Provisioning::tr("detect");
    case Step::Upload: return Provisioning::tr("upload");
    case Step::Verify: return Provisioning::tr("verify");
    case Step::Install: return Provisioning::tr("install");
    case Step::Configure: return Provisioning::tr("configure");
    case Step::Start: return Provisioning::tr("start");
    case Step::HealthCheck: return Provisioning::tr("health check");
    case Step::ReadStatus: return Provisioning::tr("read status");
    case Step::Remove: return Provisioning::tr("remove");
    case Step::Done: return Provisioning::tr("done");
    }
    return {};
}

QString stepId(Step s)
{
    switch (s) {
    case Step::Connect: return QStringLiteral("connect");
    case Step::VerifyHostKey: return QStringLiteral("verify-host-key");
    case Step::Authenticate: return QStringLiteral("authenticate");
    case Step::Detect: return QStringLiteral("detect");
    case Step::Upload: return QStringLiteral("upload");
    case Step::Verify: return QStringLiteral("verify");
    case Step::Install: return QStringLiteral("install");
    case Step::Configure: return QStringLiteral("configure");
    case Step::Start: return QStringLiteral("start");
    case Step::HealthCheck: return QStringLiteral("health-check");
    case Step::ReadStatus: return QStringLiteral("read-status");
    case Step::Remove: return QStringLiteral("remove");
    case Step::Done: return QStringLiteral("done");
    }
    return {};
}

QString operationId(Operation op)
{
    switch (op) {
    case Operation::Provision: return QStringLiteral("provision");
    case Operation::Status: return QStringLiteral("status");
    case Operation::Uninstall: return QStringLiteral("uninstall");
    }
    return {};
}

namespace {

double weightOf(Step s)
{
    return s == Step::Upload ? 4.0 : s == Step::Done ? 0.0 : 1.0;
}

} // namespace

double jobFraction(Operation op, Step step, double within)
{
    const QList<Step> steps = stepsOf(op);
    double total = 0.0;
    double before = 0.0;
    bool found = false;
    for (Step s : steps) {
        if (s == step)
            found = true;
        if (!found)
            before += weightOf(s);
        total += weightOf(s);
    }
    if (!found || step == Step::Done || total <= 0.0)
        return step == Step::Done ? 1.0 : 0.0;
    within = std::clamp(within, 0.0, 1.0);
    return std::clamp((before + within * weightOf(step)) / total, 0.0, 1.0);
}

} // namespace k3snet::provision
