// SPDX-License-Identifier: GPL-3.0-or-later
// k3snetctl export --metallb PROJECT | --k3s-config NODE PROJECT | --agent-config NODE PROJECT
// [-o FILE]: what a project deploys, as the files the cluster reads — MetalLB CRDs for kubectl
// apply, one node's /etc/rancher/k3s/config.yaml, or one node's /etc/k3snet/agent.yaml.
#include "cli.h"

#include "domain/io/agentconfig.h"
#include "domain/io/atomicfile.h"
#include "domain/io/k3sconfig.h"
#include "domain/io/metallbexport.h"
#include "domain/plan/agentconfigbuilder.h"
#include "domain/plan/plan.h"

#include <QCommandLineParser>

using namespace k3snet;

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Write what a project deploys: its MetalLB resources (IPAddressPools, L2Advertisements and the\n"
                "MetalLB objects kept on import) for kubectl apply -f, or the k3s config.yaml or the k3snet-agent\n"
                "configuration (/etc/k3snet/agent.yaml) of one node.\n"
                "The project may also be Kubernetes/MetalLB YAML, such as a legacy MetalLB ConfigMap to convert.\n"
                "Exit status: 0 when written, 1 when the project has errors, 2 on usage or I/O errors."));
    parser.addHelpOption();
    QCommandLineOption metallbOption(QStringLiteral("metallb"), Cli::tr("Write the MetalLB resources."));
    QCommandLineOption k3sOption(QStringLiteral("k3s-config"), Cli::tr("Write the k3s config.yaml of this node."),
                                 Cli::tr("node"));
    QCommandLineOption agentOption(QStringLiteral("agent-config"),
                                   Cli::tr("Write the k3snet-agent configuration of this node."), Cli::tr("node"));
    QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                    Cli::tr("Write to this file (atomically) instead of standard output."), Cli::tr("file"));
    parser.addOption(metallbOption);
    parser.addOption(k3sOption);
    parser.addOption(agentOption);
    parser.addOption(outputOption);
    parser.addPositionalArgument(QStringLiteral("project"), Cli::tr("The project (*.k3snet.yaml, or Kubernetes YAML); - reads standard input."),
                                 QStringLiteral("PROJECT"));
    if (!parser.parse(args)) {
        Cli::err() << parser.errorText() << '\n';
        return Cli::UsageOrIoError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        Cli::out() << Cli::helpText(parser, QStringLiteral("export"));
        return Cli::Ok;
    }
    const QStringList files = parser.positionalArguments();
    const int kinds = static_cast<int>(parser.isSet(metallbOption)) + static_cast<int>(parser.isSet(k3sOption))
        + static_cast<int>(parser.isSet(agentOption));
    if (kinds != 1 || files.size() != 1) {
        Cli::err() << Cli::tr("k3snetctl export: give --metallb, --k3s-config NODE or --agent-config NODE, and one "
                              "project (try --help)")
                   << '\n';
        return Cli::UsageOrIoError;
    }

    Cli::Input in = Cli::loadFile(files.first());
    if (!in.ioError.isEmpty()) {
        Cli::err() << Cli::tr("k3snetctl export: %1").arg(in.ioError) << '\n';
        return Cli::UsageOrIoError;
    }
    // Findings go to stderr: stdout carries the exported file.
    Cli::printDiagnostics(Cli::err(), in.diagnostics);
    if (!in.project) {
        Cli::err() << Cli::tr("%1: cannot be read; nothing exported").arg(in.label) << '\n';
        return Cli::Failed;
    }

    std::string text;
    if (parser.isSet(metallbOption)) {
        text = io::exportMetalLB(*in.project);
    } else {
        const QCommandLineOption &nodeOption = parser.isSet(k3sOption) ? k3sOption : agentOption;
        const std::string nodeName = parser.value(nodeOption).toStdString();
        const model::Node *node = in.project->findNode(nodeName);
        if (!node) {
            QStringList names;
            for (const auto &n : in.project->nodes)
                names << QString::fromStdString(n.name);
            Cli::err() << Cli::tr("k3snetctl export: %1 has no node \"%2\" (nodes: %3)")
                              .arg(in.label, parser.value(nodeOption),
                                   names.isEmpty() ? Cli::tr("none") : names.join(QStringLiteral(", ")))
                       << '\n';
            return Cli::Failed;
        }
        if (parser.isSet(k3sOption)) {
            text = io::k3sConfigFor(*in.project, *node);
        } else {
            rules::Diagnostics why;
            const auto config = plan::agentConfigFor(*in.project, plan::makePlan(*in.project), nodeName, why);
            Cli::printDiagnostics(Cli::err(), why);
            if (!config)
                return Cli::Failed;
            text = io::saveAgentConfigText(*config);
            // The agent refuses a config that fails its checks: never hand one out.
            const auto check = io::loadAgentConfigText(text, "agent config of " + nodeName);
            Cli::printDiagnostics(Cli::err(), check.diagnostics);
            if (!check.config) {
                Cli::err() << Cli::tr("k3snetctl export: the agent configuration of \"%1\" would be refused by "
                                      "k3snet-agent; fix the project (k3snetctl validate)")
                                  .arg(parser.value(nodeOption))
                           << '\n';
                return Cli::Failed;
            }
        }
    }

    if (parser.isSet(outputOption)) {
        const QString output = parser.value(outputOption);
        if (auto error = io::writeFileAtomically(output.toStdString(), text)) {
            Cli::err() << Cli::tr("k3snetctl export: %1").arg(QString::fromStdString(*error)) << '\n';
            return Cli::UsageOrIoError;
        }
        Cli::err() << Cli::tr("Wrote %1").arg(output) << '\n';
        return Cli::Ok;
    }
    Cli::out() << QString::fromStdString(text);
    Cli::out().flush();
    return Cli::Ok;
}
