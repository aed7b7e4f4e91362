// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/provisionrequest.h"

#include "provision/clusterkey.h"
#include "provision/provisiontr.h"

#include "domain/io/agentconfig.h"
#include "domain/plan/agentconfigbuilder.h"
#include "domain/plan/plan.h"

#include <pwd.h>
#include <unistd.h>

namespace k3snet::provision {

QString localUserName()
{
    const QString fromEnv = qEnvironmentVariable("USER");
    if (!fromEnv.isEmpty())
        return fromEnv;
    if (const passwd *pw = ::getpwuid(::getuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return QStringLiteral("root");
}

namespace {

QString diagnosticsText(const rules::Diagnostics &ds)
{
    QStringList lines;
    for (const auto &d : ds) {
        if (d.severity == rules::Severity::Error)
            lines << QString::fromStdString(d.toString());
    }
    return lines.join(QStringLiteral("; "));
}

} // namespace

RequestBuild makeProvisionRequest(Operation operation, const model::Project &project, const QString &projectFile,
    const ProvisionOptions &options)
{
    RequestBuild build;
    ProvisionRequest request;
    request.operation = operation;
    request.identityFile = options.identityFile;
    request.acceptNewHostKeys = options.acceptNewHostKeys;
    request.sshConfigFiles = sshConfigFilesFor(options.sshConfig);
    request.jobs = qBound(1, options.jobs, 64);
    request.connectTimeoutSeconds = qMax(1, options.connectTimeoutSeconds);
    request.healthTimeoutSeconds = qMax(1, options.healthTimeoutSeconds);

    QList<const model::Node *> selected;
    if (options.nodes.isEmpty()) {
        for (const model::Node &n : project.nodes)
            selected << &n;
    } else {
        for (const QString &name : options.nodes) {
            const model::Node *n = project.findNode(name.toStdString());
            if (!n) {
                QStringList names;
                for (const model::Node &m : project.nodes)
                    names << QString::fromStdString(m.name);
                build.errors << Provisioning::tr("the project has no node \"%1\" (nodes: %2)")
                                    .arg(name, names.isEmpty() ? Provisioning::tr("none") : names.join(QStringLiteral(", ")));
                continue;
            }
            if (!selected.contains(n))
                selected << n;
        }
    }
    if (selected.isEmpty() && build.errors.isEmpty())
        build.errors << Provisioning::tr("the project has no nodes");

    std::optional<plan::Plan> plan;
    if (operation == Operation::Provision) {
        plan = plan::makePlan(project);
        // Pools, services and advertisements shape every agent's config: push none of a
        // project that does not validate.
        if (rules::countOf(plan->diagnostics, rules::Severity::Error) > 0) {
            build.errors << Provisioning::tr("the project has errors; fix them first (k3snetctl validate): %1")
                                .arg(diagnosticsText(plan->diagnostics));
            return build;
        }
    }
    for (const model::Node *n : selected) {
        NodeTarget t;
        t.name = QString::fromStdString(n->name);
        t.host = n->ssh.host.empty() ? QString::fromStdString(n->lanIP.toString()) : QString::fromStdString(n->ssh.host);
        // What neither the command line nor the project sets is left to the SSH configuration.
        t.port = options.port > 0 ? options.port : n->ssh.port != 22 ? n->ssh.port : 0;
        t.user = !options.user.isEmpty() ? options.user : QString::fromStdString(n->ssh.user);
        if (operation == Operation::Provision) {
            rules::Diagnostics why;
            const auto config = plan::agentConfigFor(project, *plan, n->name, why);
            if (!config) {
                build.errors << Provisioning::tr("node %1: no agent configuration: %2").arg(t.name, diagnosticsText(why));
                continue;
            }
            const std::string text = io::saveAgentConfigText(*config);
            // The agent refuses a config that fails its checks: never push one.
            const auto check = io::loadAgentConfigText(text, "agent config of " + n->name);
            if (!check.config) {
                build.errors << Provisioning::tr("node %1: k3snet-agent would refuse its configuration: %2")
                                    .arg(t.name, diagnosticsText(check.diagnostics));
                continue;
            }
            t.agentConfig = QByteArray::fromStdString(text);
        }
        request.nodes << t;
    }

    if (operation == Operation::Provision && build.errors.isEmpty()) {
        if (projectFile.isEmpty()) {
            build.errors << Provisioning::tr("save the project first: the cluster key is kept next to the project file");
        } else {
            build.clusterKeyPath = clusterKeyPathFor(projectFile);
            QString error;
            const auto key = loadOrCreateClusterKey(build.clusterKeyPath, &error);
            if (!key) {
                build.errors << error;
            } else {
                request.clusterKey = key->text;
                build.clusterKeyCreated = key->created;
            }
        }
    }
    if (build.errors.isEmpty())
        build.request = request;
    return build;
}

} // namespace k3snet::provision
