// SPDX-License-Identifier: GPL-3.0-or-later
// k3snetctl validate FILE...: checks project files, or Kubernetes/MetalLB YAML imported into an
// empty project; exit 0 without errors, 1 with errors.
#include "cli.h"

#include "domain/plan/plan.h"
#include "report/jsonreport.h"

#include <QCommandLineParser>
#include <QJsonDocument>

using namespace k3snet;

int runValidate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Check k3snet project files: cluster and service CIDRs, DNS, MTU, nodes, pod subnets.\n"
                "Kubernetes and MetalLB YAML (IPAddressPools, L2Advertisements, Services, kubectl get -o yaml dumps,\n"
                "the legacy ConfigMap) is checked too, each file on its own as an otherwise empty project.\n"
                "Exit status: 0 when there is no error (warnings allowed), 1 on errors, 2 on usage or I/O errors."));
    parser.addHelpOption();
    QCommandLineOption formatOption(QStringLiteral("format"), Cli::tr("Output format: text or json."),
                                    Cli::tr("format"), QStringLiteral("text"));
    QCommandLineOption demoOption(QStringLiteral("demo"), Cli::tr("Validate the bundled demo project."));
    parser.addOption(formatOption);
    parser.addOption(demoOption);
    parser.addPositionalArgument(QStringLiteral("files"), Cli::tr("Project files (*.k3snet.yaml) or Kubernetes/MetalLB YAML; - reads standard input."),
                                 QStringLiteral("FILE..."));
    if (!parser.parse(args)) {
        Cli::err() << parser.errorText() << '\n';
        return Cli::UsageOrIoError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        Cli::out() << Cli::helpText(parser, QStringLiteral("validate"));
        return Cli::Ok;
    }
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        Cli::err() << Cli::tr("k3snetctl validate: unknown format \"%1\" (use text or json)").arg(format) << '\n';
        return Cli::UsageOrIoError;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty() && !parser.isSet(demoOption)) {
        Cli::err() << Cli::tr("k3snetctl validate: no file given (try --help)") << '\n';
        return Cli::UsageOrIoError;
    }

    QList<Cli::Input> inputs;
    if (parser.isSet(demoOption))
        inputs.append(Cli::loadDemo());
    for (const auto &f : files)
        inputs.append(Cli::loadFile(f));

    int status = Cli::Ok;
    QJsonArray json;
    for (auto &in : inputs) {
        if (!in.ioError.isEmpty()) {
            Cli::err() << Cli::tr("k3snetctl validate: %1").arg(in.ioError) << '\n';
            status = Cli::UsageOrIoError;
            continue;
        }
        rules::Diagnostics all = in.diagnostics;
        if (in.project) {
            auto found = plan::validate(*in.project);
            all.insert(all.end(), found.begin(), found.end());
        }
        const bool errors = rules::hasErrors(all);
        if (errors && status == Cli::Ok)
            status = Cli::Failed;
        if (format == QLatin1String("json")) {
            json.append(QJsonObject{{QStringLiteral("file"), in.label},
                                    {QStringLiteral("valid"), !errors},
                                    {QStringLiteral("diagnostics"), report::toJson(all)}});
        } else {
            Cli::printDiagnostics(Cli::out(), all);
            Cli::out() << in.label << ": " << Cli::summary(all) << '\n';
        }
    }
    if (format == QLatin1String("json"))
        Cli::out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
    Cli::out().flush();
    return status;
}
