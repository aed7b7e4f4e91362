// SPDX-License-Identifier: GPL-3.0-or-later
// k3snetctl: the k3snet core on the command line. Dispatches to one subcommand per file.
#include "cli.h"

#include "k3snet_version.h"
#include "translations/translationloader.h"

#include <QCoreApplication>

#include <functional>

namespace {

struct Command
{
    const char *name;
    const char *summary; // translated in printUsage
    std::function<int(const QStringList &)> run;
};

const Command commands[] = {
    {"validate", QT_TRANSLATE_NOOP("k3snetctl", "check project files and report every problem"), runValidate},
    {"plan", QT_TRANSLATE_NOOP("k3snetctl", "show nodes, pod subnets, VTEPs, pools, services and diagnostics"), runPlan},
    {"import", QT_TRANSLATE_NOOP("k3snetctl", "import Kubernetes/MetalLB YAML into a project"), runImport},
    {"export", QT_TRANSLATE_NOOP("k3snetctl", "write a project's MetalLB resources or a node's k3s config"), runExport},
    {"provision", QT_TRANSLATE_NOOP("k3snetctl", "install or update k3snet-agent on the nodes over SSH"), runProvision},
    {"status", QT_TRANSLATE_NOOP("k3snetctl", "read every node's agent status over SSH"), runStatus},
    {"uninstall", QT_TRANSLATE_NOOP("k3snetctl", "remove k3snet-agent and its data plane from the nodes"), runUninstall},
};

void printUsage(QTextStream &s)
{
    s << Cli::tr("Usage: k3snetctl <command> [options] [arguments]") << "\n\n"
      << Cli::tr("The network of a K3s cluster (flannel-compatible VXLAN, MetalLB-style pools) as one plan.") << "\n\n"
      << Cli::tr("Commands:") << '\n';
    for (const auto &c : commands)
        s << "  " << QString::fromLatin1(c.name).leftJustified(12) << QCoreApplication::translate("k3snetctl", c.summary) << '\n';
    s << '\n' << Cli::tr("Run \"k3snetctl <command> --help\" for a command's options.") << '\n';
    s.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("k3snetctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(K3SNET_VERSION_STRING));
    k3snet::installTranslations(app);

    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        printUsage(Cli::err());
        return Cli::UsageOrIoError;
    }
    const QString name = args.at(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printUsage(Cli::out());
        return Cli::Ok;
    }
    if (name == QLatin1String("--version") || name == QLatin1String("version")) {
        Cli::out() << "k3snetctl " << K3SNET_VERSION_STRING << '\n';
        return Cli::Ok;
    }
    for (const auto &c : commands) {
        if (name == QLatin1String(c.name)) {
            // The subcommand sees "k3snetctl <command>" as its program name.
            args.removeAt(1);
            args[0] = QStringLiteral("k3snetctl ") + name;
            return c.run(args);
        }
    }
    Cli::err() << Cli::tr("k3snetctl: unknown command \"%1\"").arg(name) << "\n\n";
    printUsage(Cli::err());
    return Cli::UsageOrIoError;
}
