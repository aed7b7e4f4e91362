// SPDX-License-Identifier: GPL-3.0-or-later
// k3snetctl import FILE... -o PROJECT [--base PROJECT]: Kubernetes and MetalLB YAML (manifests,
// kubectl dumps, the legacy ConfigMap, Helm values) merged into a new or an existing project,
// which is written atomically.
#include "cli.h"

#include "domain/io/projectfile.h"

#include <QCommandLineParser>
#include <QFileInfo>

using namespace k3snet;

namespace {

QString projectNameFor(const QString &path)
{
    QString name = QFileInfo(path).fileName();
    for (const char *suffix : {".k3snet.yaml", ".yaml", ".yml"}) {
        if (name.endsWith(QLatin1String(suffix))) {
            name.chop(int(qstrlen(suffix)));
            break;
        }
    }
    return name;
}

} // namespace

int runImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Import Kubernetes and MetalLB YAML into a k3snet project: IPAddressPools and L2Advertisements,\n"
                "Services, Nodes, Namespaces and EndpointSlices, from manifests or kubectl get -o yaml dumps; the\n"
                "legacy MetalLB ConfigMap and Helm configInline are converted as MetalLB's configmaptocrs does.\n"
                "Objects k3snet does not manage (BGPPeer, BGPAdvertisement, ...) are kept and written back on export.\n"
                "Exit status: 0 when the project was written, 1 when an input has errors (nothing is written),\n"
                "2 on usage or I/O errors."));
    parser.addHelpOption();
    QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                    Cli::tr("The project file to write (*.k3snet.yaml)."), Cli::tr("project"));
    QCommandLineOption baseOption(QStringLiteral("base"),
                                  Cli::tr("Merge into this project instead of a new one; objects with the same kind "
                                          "and name are replaced."),
                                  Cli::tr("project"));
    parser.addOption(outputOption);
    parser.addOption(baseOption);
    parser.addPositionalArgument(QStringLiteral("files"), Cli::tr("Kubernetes/MetalLB YAML files; - reads standard input."),
                                 QStringLiteral("FILE..."));
    if (!parser.parse(args)) {
        Cli::err() << parser.errorText() << '\n';
        return Cli::UsageOrIoError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        Cli::out() << Cli::helpText(parser, QStringLiteral("import"));
        return Cli::Ok;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty() || !parser.isSet(outputOption)) {
        Cli::err() << Cli::tr("k3snetctl import: give the files to import and -o PROJECT (try --help)") << '\n';
        return Cli::UsageOrIoError;
    }
    const QString output = parser.value(outputOption);

    model::Project project;
    project.name = projectNameFor(output).toStdString();
    if (parser.isSet(baseOption)) {
        Cli::Input base = Cli::loadFile(parser.value(baseOption));
        if (!base.ioError.isEmpty()) {
            Cli::err() << Cli::tr("k3snetctl import: %1").arg(base.ioError) << '\n';
            return Cli::UsageOrIoError;
        }
        if (base.imported) {
            Cli::err() << Cli::tr("k3snetctl import: %1 is not a k3snet project; give it as a file to import")
                              .arg(base.label)
                       << '\n';
            return Cli::UsageOrIoError;
        }
        Cli::printDiagnostics(Cli::out(), base.diagnostics);
        if (!base.project) {
            Cli::out() << Cli::tr("%1: cannot be read; nothing written").arg(base.label) << '\n';
            Cli::out().flush();
            return Cli::Failed;
        }
        project = *base.project;
    }

    rules::Diagnostics all;
    bool failed = false;
    QList<Cli::Input> inputs;
    for (const auto &f : files) {
        Cli::Input in = Cli::loadFile(f);
        if (!in.ioError.isEmpty()) {
            Cli::err() << Cli::tr("k3snetctl import: %1").arg(in.ioError) << '\n';
            return Cli::UsageOrIoError;
        }
        if (!in.imported) {
            Cli::err() << Cli::tr("k3snetctl import: %1 is a k3snet project; give it as --base").arg(in.label) << '\n';
            return Cli::UsageOrIoError;
        }
        Cli::out() << Cli::heading(in.label) << '\n';
        Cli::printImported(Cli::out(), in);
        Cli::printDiagnostics(Cli::out(), in.diagnostics);
        all.insert(all.end(), in.diagnostics.begin(), in.diagnostics.end());
        failed = failed || in.imported->hasErrors();
        inputs.append(std::move(in));
    }
    if (failed) {
        Cli::out() << Cli::tr("%1; nothing written").arg(Cli::summary(all)) << '\n';
        Cli::out().flush();
        return Cli::Failed;
    }

    rules::Diagnostics merged;
    for (const auto &in : inputs)
        io::mergeImport(project, *in.imported, merged);
    Cli::printDiagnostics(Cli::out(), merged);
    all.insert(all.end(), merged.begin(), merged.end());

    if (auto error = io::saveProjectFile(project, output.toStdString())) {
        Cli::err() << Cli::tr("k3snetctl import: %1").arg(QString::fromStdString(*error)) << '\n';
        return Cli::UsageOrIoError;
    }
    const QStringList contents = {
        Cli::tr("pools: %1").arg(project.pools.size()),
        Cli::tr("L2Advertisements: %1").arg(project.l2Advertisements.size()),
        Cli::tr("services: %1").arg(project.services.size()),
        Cli::tr("nodes: %1").arg(project.nodes.size()),
        Cli::tr("namespaces: %1").arg(project.namespaces.size()),
        Cli::tr("kept objects: %1").arg(project.preserved.size()),
    };
    Cli::out() << Cli::tr("Wrote %1: %2 (%3)").arg(output, contents.join(QStringLiteral(", ")), Cli::summary(all))
               << '\n';
    Cli::out().flush();
    return Cli::Ok;
}
