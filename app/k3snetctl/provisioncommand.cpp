// SPDX-License-Identifier: GPL-3.0-or-later
// k3snetctl provision | status | uninstall PROJECT: k3snet-agent on the project's nodes over
// SSH, with live per-node progress, through the core's Provisioner (the app's dialog uses the
// same). Exit status: 0 when every node is ok, 1 when a node failed (or is unhealthy), 2 on
// usage, I/O or project errors, 130 when interrupted.
#include "cli.h"
#include "progressview.h"
#include "terminalprompter.h"

#include "provision/provisioner.h"
#include "provision/provisionrequest.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <csignal>
#include <optional>

#include <fcntl.h>
#include <unistd.h>

using namespace k3snet;
using namespace k3snet::provision;

namespace {

constexpr int exitInterrupted = 130;

int interruptPipe[2] = {-1, -1};

void onInterrupt(int)
{
    const char c = 'x';
    [[maybe_unused]] const ssize_t n = ::write(interruptPipe[1], &c, 1);
}

// Ctrl-C (or SIGTERM) cancels the run cleanly: nodes before their switch stay as they were,
// nodes after it are rolled back. A second one quits at once.
class InterruptGuard
{
public:
    InterruptGuard(Provisioner *provisioner, ProgressView *view, TerminalPrompter *prompter)
    {
        if (::pipe2(interruptPipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return;
        struct sigaction sa = {};
        sa.sa_handler = onInterrupt;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &m_oldInt);
        sigaction(SIGTERM, &sa, &m_oldTerm);
        m_notifier = std::make_unique<QSocketNotifier>(interruptPipe[0], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this, provisioner, view, prompter] {
            char buffer[16];
            while (::read(interruptPipe[0], buffer, sizeof buffer) > 0) {
            }
            if (++m_count > 1)
                ::_exit(exitInterrupted);
            m_interrupted = true;
            view->printLine(Cli::tr("Cancelling: nodes that were switched over are rolled back first. Press Ctrl-C "
                                    "again to quit at once."));
            provisioner->cancel();
            // A question on the terminal is answered "no", so that its job can wind down too.
            prompter->cancel();
        });
    }
    ~InterruptGuard()
    {
        if (!m_notifier)
            return;
        sigaction(SIGINT, &m_oldInt, nullptr);
        sigaction(SIGTERM, &m_oldTerm, nullptr);
        m_notifier.reset();
        ::close(interruptPipe[0]);
        ::close(interruptPipe[1]);
    }
    bool interrupted() const { return m_interrupted; }

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_oldInt = {};
    struct sigaction m_oldTerm = {};
    int m_count = 0;
    bool m_interrupted = false;
};

QString commandName(Operation op)
{
    return operationId(op);
}

QString descriptionOf(Operation op)
{
    switch (op) {
    case Operation::Provision:
        return Cli::tr(
            "Install or update k3snet-agent on the project's nodes over SSH, in parallel: detect each node,\n"
            "upload only what differs (agent for its architecture, its AgentConfig, the cluster key, the\n"
            "service), verify it on the node (sha256), switch over atomically, start, and wait until the agent\n"
            "reports converged; a node that does not converge is rolled back to what ran before.\n"
            "Host keys are checked against ~/.ssh/known_hosts and k3snet's own file; an unknown host is asked\n"
            "about on the terminal or accepted with --accept-new; a changed key is refused.\n"
            "~/.ssh/config is read for each node's ssh.host (HostName, Port, User, IdentityFile); the\n"
            "project's ssh.user and ssh.port, and --user and --port, win over it. Key passphrases and login\n"
            "passwords are asked on the terminal, or through the program K3SNET_ASKPASS names (as SSH_ASKPASS).\n"
            "Exit status: 0 when every node is ok, 1 when a node failed, 2 on usage or project errors,\n"
            "130 when interrupted.");
    case Operation::Status:
        return Cli::tr("Read every node's agent status over SSH, in parallel (k3snet-agent status --json).\n"
                       "Exit status: 0 when every agent runs and is converged, 1 otherwise, 2 on usage errors.");
    case Operation::Uninstall:
        return Cli::tr("Remove k3snet-agent from the project's nodes over SSH: stop it, remove its data plane (VXLAN\n"
                       "device, bridge, routes, NAT rules, CNI config) and every file it installed. K3s is left alone.\n"
                       "Exit status: 0 when every node is clean, 1 when a node failed, 2 on usage errors.");
    }
    return {};
}

// The command line of one operation, parsed and checked.
struct Invocation
{
    QString project;
    ProvisionOptions options;
    bool json = false;
    bool verbose = false;
    bool batch = false;
    bool sudoFromStdin = false;
    QString askpass; // K3SNET_ASKPASS, resolved; empty with --batch
};

// Parses args; nullopt with *exitCode set when the command is done (help, or a usage error,
// already reported).
std::optional<Invocation> parseInvocation(Operation op, const QStringList &args, int *exitCode)
{
    const QString name = commandName(op);
    QCommandLineParser parser;
    parser.setApplicationDescription(descriptionOf(op));
    parser.addHelpOption();
    QCommandLineOption nodesOption(QStringLiteral("nodes"), Cli::tr("Only these nodes (comma-separated names)."), Cli::tr("names"));
    QCommandLineOption userOption(QStringLiteral("user"),
                                  Cli::tr("SSH user for every node (default: the node's ssh.user, else the "
                                          "User of ~/.ssh/config, else yours)."),
                                  Cli::tr("user"));
    QCommandLineOption portOption(QStringLiteral("port"),
                                  Cli::tr("SSH port for every node (default: the node's ssh.port, else the "
                                          "Port of ~/.ssh/config, else 22)."),
                                  Cli::tr("port"));
    QCommandLineOption identityOption({QStringLiteral("i"), QStringLiteral("identity")},
                                      Cli::tr("Private key file, the only one tried (default: ssh-agent, then the "
                                              "IdentityFile of ~/.ssh/config, else ~/.ssh/id_ed25519, id_ecdsa, id_rsa)."),
                                      Cli::tr("file"));
    QCommandLineOption sshConfigOption({QStringLiteral("F"), QStringLiteral("ssh-config")},
        Cli::tr("Read this SSH client configuration instead of ~/.ssh/config and "
                "/etc/ssh/ssh_config (\"none\": none), as ssh -F."),
        Cli::tr("file"));
    QCommandLineOption acceptOption(QStringLiteral("accept-new"),
                                    Cli::tr("Accept the host key of a host seen for the first time and record it in k3snet's "
                                            "known_hosts. A changed key is refused all the same."));
    QCommandLineOption jobsOption({QStringLiteral("j"), QStringLiteral("jobs")}, Cli::tr("Nodes worked on at once (default 8)."),
                                  Cli::tr("n"), QStringLiteral("8"));
    QCommandLineOption connectOption(QStringLiteral("connect-timeout"), Cli::tr("Seconds to wait for a node to answer (default 10)."),
                                     Cli::tr("seconds"), QStringLiteral("10"));
    QCommandLineOption healthOption(QStringLiteral("health-timeout"),
                                    Cli::tr("Seconds the agent may take to converge before the node is rolled back (default 60)."),
                                    Cli::tr("seconds"), QStringLiteral("60"));
    QCommandLineOption sudoStdinOption(QStringLiteral("sudo-password-stdin"),
                                       Cli::tr("Read the sudo password from the first line of standard input (for nodes "
                                               "without NOPASSWD, when there is no terminal)."));
    QCommandLineOption batchOption(QStringLiteral("batch"),
        Cli::tr("Never ask anything: refuse unknown host keys, no passphrases or passwords "
                "(K3SNET_ASKPASS is not used either)."));
    QCommandLineOption jsonOption(QStringLiteral("json"), Cli::tr("Print the report as JSON on standard output (progress on standard error)."));
    QCommandLineOption formatOption(QStringLiteral("format"), Cli::tr("Output format: text or json."), Cli::tr("format"),
                                    QStringLiteral("text"));
    QCommandLineOption verboseOption({QStringLiteral("v"), QStringLiteral("verbose")}, Cli::tr("Show every node's log as it happens."));
    parser.addOptions({nodesOption, userOption, portOption, identityOption, sshConfigOption,
        acceptOption, jobsOption, connectOption});
    if (op == Operation::Provision)
        parser.addOption(healthOption);
    parser.addOptions({sudoStdinOption, batchOption, jsonOption, formatOption, verboseOption});
    parser.addPositionalArgument(QStringLiteral("project"), Cli::tr("The project file (*.k3snet.yaml)."), QStringLiteral("PROJECT"));

    const auto usage = [&](const QString &why) -> std::optional<Invocation> {
        Cli::err() << Cli::tr("k3snetctl %1: %2 (try --help)").arg(name, why) << '\n';
        *exitCode = Cli::UsageOrIoError;
        return std::nullopt;
    };
    if (!parser.parse(args))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        Cli::out() << Cli::helpText(parser, name);
        *exitCode = Cli::Ok;
        return std::nullopt;
    }
    if (parser.positionalArguments().size() != 1)
        return usage(Cli::tr("give one project file"));
    const QString format = parser.isSet(jsonOption) ? QStringLiteral("json") : parser.value(formatOption);
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return usage(Cli::tr("unknown format \"%1\" (use text or json)").arg(format));

    Invocation in;
    in.project = parser.positionalArguments().constFirst();
    in.json = format == QLatin1String("json");
    in.verbose = parser.isSet(verboseOption);
    in.batch = parser.isSet(batchOption);
    in.sudoFromStdin = parser.isSet(sudoStdinOption);
    ProvisionOptions &o = in.options;
    bool ok = true;
    o.jobs = parser.value(jobsOption).toInt(&ok);
    if (!ok || o.jobs < 1 || o.jobs > 64)
        return usage(Cli::tr("--jobs must be a number from 1 to 64"));
    o.connectTimeoutSeconds = parser.value(connectOption).toInt(&ok);
    if (!ok || o.connectTimeoutSeconds < 1)
        return usage(Cli::tr("--connect-timeout must be a positive number of seconds"));
    if (op == Operation::Provision) {
        o.healthTimeoutSeconds = parser.value(healthOption).toInt(&ok);
        if (!ok || o.healthTimeoutSeconds < 1)
            return usage(Cli::tr("--health-timeout must be a positive number of seconds"));
    }
    if (parser.isSet(portOption)) {
        o.port = parser.value(portOption).toInt(&ok);
        if (!ok || o.port < 1 || o.port > 65535)
            return usage(Cli::tr("--port must be a port number (1 to 65535)"));
    }
    if (parser.isSet(nodesOption))
        o.nodes = parser.value(nodesOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    o.user = parser.value(userOption);
    o.identityFile = parser.value(identityOption);
    o.sshConfig = parser.value(sshConfigOption);
    if (parser.isSet(sshConfigOption) && o.sshConfig != QLatin1String("none")
        && !QFileInfo(o.sshConfig).isReadable())
        return usage(Cli::tr("--ssh-config: cannot read %1").arg(o.sshConfig));
    if (!in.batch) {
        QString error;
        in.askpass = AskpassProgram::fromEnvironment(&error);
        if (!error.isEmpty())
            return usage(error);
    }
    o.acceptNewHostKeys = parser.isSet(acceptOption);
    return in;
}

// The request for the project, with every finding reported; nullopt when it cannot be run.
std::optional<ProvisionRequest> loadRequest(Operation op, const Invocation &in)
{
    const QString name = commandName(op);
    const Cli::Input input = Cli::loadFile(in.project);
    if (!input.ioError.isEmpty()) {
        Cli::err() << Cli::tr("k3snetctl %1: %2").arg(name, input.ioError) << '\n';
        return std::nullopt;
    }
    if (input.imported) {
        Cli::err() << Cli::tr("k3snetctl %1: %2 is Kubernetes YAML, not a k3snet project (k3snetctl import makes one)")
                          .arg(name, in.project)
                   << '\n';
        return std::nullopt;
    }
    Cli::printDiagnostics(Cli::err(), input.diagnostics);
    if (!input.project) {
        Cli::err() << Cli::tr("%1: cannot be read").arg(in.project) << '\n';
        return std::nullopt;
    }
    const RequestBuild build = makeProvisionRequest(op, *input.project, QFileInfo(in.project).absoluteFilePath(), in.options);
    for (const QString &e : build.errors)
        Cli::err() << Cli::tr("k3snetctl %1: %2").arg(name, e) << '\n';
    if (build.clusterKeyCreated)
        Cli::err() << Cli::tr("Created the cluster key %1 (mode 0600). Keep it with the project, out of version control.")
                          .arg(build.clusterKeyPath)
                   << '\n';
    return build.request;
}

int runOperation(Operation op, const QStringList &args)
{
    int exitCode = Cli::Ok;
    const std::optional<Invocation> in = parseInvocation(op, args, &exitCode);
    if (!in)
        return exitCode;
    const std::optional<ProvisionRequest> request = loadRequest(op, *in);
    if (!request)
        return Cli::UsageOrIoError;

    QTextStream &progressStream = in->json ? Cli::err() : Cli::out();
    ProgressView view(progressStream, in->json ? STDERR_FILENO : STDOUT_FILENO, in->verbose);
    TerminalPrompter prompter(!in->batch && !in->sudoFromStdin && isatty(STDIN_FILENO), &view);
    prompter.setAskpass(AskpassProgram(in->askpass));
    if (in->sudoFromStdin && !prompter.readSudoPasswordFromStdin()) {
        Cli::err() << Cli::tr("k3snetctl %1: --sudo-password-stdin: standard input held no password line")
                          .arg(commandName(op))
                   << '\n';
        return Cli::UsageOrIoError;
    }

    Provisioner provisioner;
    provisioner.setPrompter(&prompter);
    view.attach(&provisioner);
    InterruptGuard guard(&provisioner, &view, &prompter);
    QEventLoop loop;
    QObject::connect(&provisioner, &Provisioner::finished, &loop, &QEventLoop::quit);
    if (!provisioner.start(*request))
        return Cli::UsageOrIoError;
    loop.exec();
    const ProvisionReport &report = provisioner.lastReport();
    if (in->json) {
        Cli::out() << QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
        Cli::out().flush();
    } else {
        ProgressView::printSummary(Cli::out(), report);
    }
    if (guard.interrupted())
        return exitInterrupted;
    return report.allOk() ? Cli::Ok : Cli::Failed;
}

} // namespace

int runProvision(const QStringList &args)
{
    return runOperation(Operation::Provision, args);
}

int runStatus(const QStringList &args)
{
    return runOperation(Operation::Status, args);
}

int runUninstall(const QStringList &args)
{
    return runOperation(Operation::Uninstall, args);
}
