// SPDX-License-Identifier: GPL-3.0-or-later
// k3snetctl plan FILE...|--demo: the validated network plan — nodes with pod subnets and VTEPs,
// pools, services and the diagnostics. Kubernetes/MetalLB YAML files are merged into the one
// project file given (or into an empty project).
#include "cli.h"
#include "texttable.h"

#include "domain/plan/plan.h"
#include "report/jsonreport.h"

#include <QCommandLineParser>
#include <QJsonDocument>

using namespace k3snet;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

template<class T>
QString orDash(const std::optional<T> &v)
{
    return v ? qs(v->toString()) : QStringLiteral("-");
}

QString joined(const std::vector<std::string> &v, const QString &sep = QStringLiteral(","))
{
    QStringList l;
    for (const auto &s : v)
        l << qs(s);
    return l.isEmpty() ? QStringLiteral("-") : l.join(sep);
}

void printPlan(QTextStream &out, const plan::Plan &p, const QString &label)
{
    out << Cli::heading(Cli::tr("Plan for %1 (%2)").arg(p.projectName.empty() ? label : qs(p.projectName), label))
        << "\n\n";

    out << Cli::heading(Cli::tr("NODES")) << '\n';
    TextTable nodes({Cli::tr("NAME"), Cli::tr("ROLE"), Cli::tr("LAN IP"), Cli::tr("POD SUBNET"),
                     Cli::tr("VTEP"), Cli::tr("VTEP ADDRESS"), Cli::tr("VTEP MAC"), Cli::tr("CNI0"), Cli::tr("MTU")});
    for (const auto &n : p.nodes) {
        QString subnet = orDash(n.podCIDR);
        if (n.podCIDR && n.podCIDRPinned)
            subnet += Cli::tr(" (pinned)");
        nodes.addRow({qs(n.name), QLatin1String(model::nodeRoleName(n.role)), qs(n.lanIP.toString()), subnet,
                      qs(n.vtepDevice) + QLatin1Char('@') + qs(n.interface),
                      n.vtepAddress ? qs(n.vtepAddress->toString()) + QStringLiteral("/32") : QStringLiteral("-"),
                      qs(n.vtepMAC), orDash(n.bridgeAddress), QString::number(n.mtu)});
    }
    if (nodes.isEmpty())
        out << Cli::tr("  (no nodes)") << '\n';
    else
        nodes.print(out, QStringLiteral("  "));
    out << '\n';

    out << Cli::heading(Cli::tr("POOLS")) << '\n';
    TextTable pools({Cli::tr("NAME"), Cli::tr("ADDRESSES"), Cli::tr("SIZE"), Cli::tr("ASSIGNED"),
                     Cli::tr("AVAILABLE"), Cli::tr("AUTO-ASSIGN"), Cli::tr("AVOID-BUGGY-IPS")});
    for (const auto &pool : p.pools) {
        auto both = [](const std::string &v4, const std::string &v6) -> QString {
            if (v6 == "0")
                return qs(v4);
            if (v4 == "0")
                return qs(v6);
            return qs(v4) + QStringLiteral(" + ") + qs(v6);
        };
        pools.addRow({qs(pool.name), joined(pool.addresses, QStringLiteral(", ")), both(pool.sizeV4, pool.sizeV6),
                      both(pool.assignedV4, pool.assignedV6), both(pool.availableV4, pool.availableV6),
                      pool.autoAssign ? Cli::tr("yes") : Cli::tr("no"), pool.avoidBuggyIPs ? Cli::tr("yes") : Cli::tr("no")});
    }
    if (pools.isEmpty())
        out << Cli::tr("  (no pools)") << '\n';
    else
        pools.print(out, QStringLiteral("  "));
    out << '\n';

    out << Cli::heading(Cli::tr("SERVICES")) << '\n';
    TextTable services({Cli::tr("NAMESPACE"), Cli::tr("NAME"), Cli::tr("TYPE"), Cli::tr("CLUSTER-IP"),
                        Cli::tr("EXTERNAL-IP"), Cli::tr("PORTS"), Cli::tr("POOL"), Cli::tr("ANNOUNCER")});
    for (const auto &s : p.services) {
        QString external = QStringLiteral("<none>");
        if (s.type == "LoadBalancer")
            external = s.ips.empty() ? QStringLiteral("<pending>") : joined(s.ips);
        QString announcer = s.announcer.empty() ? QStringLiteral("-") : qs(s.announcer);
        if (!s.fallbacks.empty())
            announcer += Cli::tr(" (then %1)").arg(joined(s.fallbacks));
        services.addRow({qs(s.namespaceName), qs(s.name), qs(s.type), s.clusterIP.empty() ? QStringLiteral("-") : qs(s.clusterIP),
                         external, joined(s.ports), s.pool.empty() ? QStringLiteral("-") : qs(s.pool), announcer});
    }
    if (services.isEmpty())
        out << Cli::tr("  (no services)") << '\n';
    else
        services.print(out, QStringLiteral("  "));
    for (const auto &s : p.services)
        if (!s.pendingReason.empty())
            out << Cli::tr("  %1/%2 is pending: %3").arg(qs(s.namespaceName), qs(s.name), qs(s.pendingReason)) << '\n';
    out << '\n';

    out << Cli::heading(Cli::tr("DIAGNOSTICS")) << '\n';
    if (p.diagnostics.empty())
        out << Cli::tr("  none: the plan is valid") << '\n';
    else
        for (const auto &d : p.diagnostics)
            out << "  " << qs(d.toString()) << '\n';
    out << '\n' << Cli::summary(p.diagnostics) << '\n';
}

} // namespace

int runPlan(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Show the network plan of a project: each node's pod subnet, VTEP and cni0 bridge, the address\n"
                "pools, the services and their IPs, and every diagnostic.\n"
                "Kubernetes and MetalLB YAML (manifests, kubectl get -o yaml dumps, the legacy ConfigMap) is\n"
                "merged into the project file given, or into an empty project.\n"
                "Exit status: 0 when the plan has no error, 1 on errors, 2 on usage or I/O errors."));
    parser.addHelpOption();
    QCommandLineOption formatOption(QStringLiteral("format"), Cli::tr("Output format: text or json."),
                                    Cli::tr("format"), QStringLiteral("text"));
    QCommandLineOption demoOption(QStringLiteral("demo"), Cli::tr("Plan the bundled demo project (the seed's Pi cluster)."));
    parser.addOption(formatOption);
    parser.addOption(demoOption);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 Cli::tr("At most one project file (*.k3snet.yaml) and any Kubernetes/MetalLB YAML files; "
                                         "- reads standard input."),
                                 QStringLiteral("FILE...|--demo"));
    if (!parser.parse(args)) {
        Cli::err() << parser.errorText() << '\n';
        return Cli::UsageOrIoError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        Cli::out() << Cli::helpText(parser, QStringLiteral("plan"));
        return Cli::Ok;
    }
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        Cli::err() << Cli::tr("k3snetctl plan: unknown format \"%1\" (use text or json)").arg(format) << '\n';
        return Cli::UsageOrIoError;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty() == !parser.isSet(demoOption)) {
        Cli::err() << Cli::tr("k3snetctl plan: give exactly one of --demo or files (try --help)") << '\n';
        return Cli::UsageOrIoError;
    }
    QList<Cli::Input> inputs;
    if (parser.isSet(demoOption))
        inputs.append(Cli::loadDemo());
    for (const auto &f : files)
        inputs.append(Cli::loadFile(f));
    QStringList labels;
    for (const auto &in : inputs) {
        if (!in.ioError.isEmpty()) {
            Cli::err() << Cli::tr("k3snetctl plan: %1").arg(in.ioError) << '\n';
            return Cli::UsageOrIoError;
        }
        labels << in.label;
    }
    const QString label = labels.join(QStringLiteral(", "));
    rules::Diagnostics read;
    QString usageError;
    const std::optional<model::Project> project = Cli::mergeInputs(inputs, read, &usageError);
    if (!usageError.isEmpty()) {
        Cli::err() << Cli::tr("k3snetctl plan: %1").arg(usageError) << '\n';
        return Cli::UsageOrIoError;
    }
    if (!project) {
        // The files could not be read: show why, nothing to plan.
        if (format == QLatin1String("json"))
            Cli::out() << QJsonDocument(QJsonObject{{QStringLiteral("file"), label},
                                                    {QStringLiteral("diagnostics"), report::toJson(read)}})
                              .toJson(QJsonDocument::Indented);
        else
            Cli::printDiagnostics(Cli::err(), read);
        Cli::err().flush();
        Cli::out().flush();
        return Cli::Failed;
    }
    plan::Plan p = plan::makePlan(*project);
    p.diagnostics.insert(p.diagnostics.begin(), read.begin(), read.end());
    if (format == QLatin1String("json"))
        Cli::out() << QJsonDocument(report::toJson(p)).toJson(QJsonDocument::Indented);
    else
        printPlan(Cli::out(), p, label);
    Cli::out().flush();
    return rules::hasErrors(p.diagnostics) ? Cli::Failed : Cli::Ok;
}
