// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/agenthealth.h"

#include "provision/nodefacts.h"
#include "provision/provisiontr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace k3snet::provision {

AgentHealth parseAgentHealth(const QByteArray &output)
{
    AgentHealth h;
    const qsizetype separator = output.indexOf("\n---\n");
    const bool hasSeparator = separator >= 0 || output.startsWith("---\n");
    const QByteArray head = hasSeparator ? output.left(qMax<qsizetype>(separator, 0)) : output;
    const QMap<QString, QString> v = parseKeyValues(head);
    h.installed = v.value(QStringLiteral("installed"), QStringLiteral("yes")) != QLatin1String("no");
    h.supervised = v.value(QStringLiteral("running")) == QLatin1String("yes");
    h.pid = v.value(QStringLiteral("pid"));
    h.release = v.value(QStringLiteral("release"));
    if (!hasSeparator)
        return h;
    const QByteArray json = output.mid(separator >= 0 ? separator + 5 : 4).trimmed();
    if (json.isEmpty())
        return h;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        h.parseError = Provisioning::tr("the agent's status is not JSON: %1").arg(error.errorString());
    else
        h.status = doc.object();
    return h;
}

bool AgentHealth::converged() const
{
    if (!installed || !supervised || status.isEmpty())
        return false;
    const QJsonObject agent = status.value(QLatin1String("agent")).toObject();
    if (!status.value(QLatin1String("converged")).toBool() || !agent.value(QLatin1String("running")).toBool())
        return false;
    // A status written by the agent that ran before a restart does not count.
    const qint64 statusPid = agent.value(QLatin1String("pid")).toInteger(-1);
    return pid.isEmpty() || pid.toLongLong() == statusPid;
}

QStringList AgentHealth::problems(int max) const
{
    QStringList out;
    if (!installed)
        out << Provisioning::tr("no agent installed");
    else if (!supervised)
        out << Provisioning::tr("the agent is not running");
    if (!parseError.isEmpty())
        out << parseError;
    for (const QJsonValue &p : status.value(QLatin1String("problems")).toArray())
        out << p.toString();
    const QJsonArray errors = status.value(QLatin1String("recentErrors")).toArray();
    // The newest errors last in the agent's list: they say most about why it is stuck.
    for (qsizetype i = qMax<qsizetype>(0, errors.size() - 2); i < errors.size(); ++i) {
        const QJsonValue e = errors.at(i);
        out << (e.isObject() ? e.toObject().value(QLatin1String("message")).toString() : e.toString());
    }
    if (out.isEmpty() && !converged()) {
        const QJsonObject agent = status.value(QLatin1String("agent")).toObject();
        if (status.isEmpty())
            out << Provisioning::tr("the agent reported no status");
        else if (!agent.value(QLatin1String("running")).toBool())
            out << Provisioning::tr("the agent has not written its status yet");
        else
            out << Provisioning::tr("the status was written by another agent process (pid %1, expected %2)")
                       .arg(agent.value(QLatin1String("pid")).toInteger())
                       .arg(pid);
    }
    out.removeAll(QString());
    if (out.size() > max)
        out = out.mid(0, max);
    return out;
}

} // namespace k3snet::provision
