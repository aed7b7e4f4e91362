// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "domain/io/demoproject.h"
#include "domain/io/metallbimport.h"
#include "domain/io/projectfile.h"

#include <QFile>

#include <cstdio>
#include <unistd.h>

using namespace k3snet;

QTextStream &Cli::out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &Cli::err()
{
    static QTextStream s(stderr);
    return s;
}

bool Cli::styled()
{
    static const bool on = isatty(STDOUT_FILENO) && qEnvironmentVariableIsEmpty("NO_COLOR");
    return on;
}

QString Cli::heading(const QString &text)
{
    return styled() ? QStringLiteral("\x1b[1m") + text + QStringLiteral("\x1b[0m") : text;
}

namespace {

// A project file or Kubernetes YAML, told apart by its content (see io::isProjectText).
Cli::Input readText(Cli::Input in, const std::string &text, const std::string &fileName)
{
    if (io::isProjectText(text)) {
        auto loaded = io::loadProjectText(text, fileName);
        in.project = std::move(loaded.project);
        in.diagnostics = std::move(loaded.diagnostics);
        return in;
    }
    io::ImportResult imported = io::importKubernetesYaml(text, fileName);
    in.diagnostics = imported.diagnostics;
    if (!imported.hasErrors())
        in.project = imported.project;
    in.imported = std::move(imported);
    return in;
}

} // namespace

QString Cli::helpText(const QCommandLineParser &parser, const QString &command)
{
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().constFirst();
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
    const qsizetype at = text.indexOf(program);
    if (at >= 0 && (lineEnd < 0 || at < lineEnd))
        text.replace(at, program.size(), QStringLiteral("k3snetctl ") + command);
    return text;
}

Cli::Input Cli::loadFile(const QString &path)
{
    Input in;
    in.label = path;
    if (path == QLatin1String("-")) {
        QFile f;
        if (!f.open(stdin, QIODevice::ReadOnly)) {
            in.ioError = tr("cannot read standard input");
            return in;
        }
        const QByteArray bytes = f.readAll();
        return readText(std::move(in), bytes.toStdString(), "<stdin>");
    }
    // A file named as a project is read as one, whatever it holds, so that its errors are
    // reported as the project file's.
    const std::string file = path.toStdString();
    if (!path.endsWith(QLatin1String(".k3snet.yaml"))) {
        auto read = io::readInputFile(file, io::maxProjectFileBytes, "a YAML file");
        if (const auto *failure = std::get_if<rules::Diagnostic>(&read)) {
            // A file that cannot be opened at all is an I/O error (exit 2), not a finding.
            if (failure->code == "io-error")
                in.ioError = QString::fromStdString(failure->message);
            else
                in.diagnostics.push_back(*failure);
            return in;
        }
        return readText(std::move(in), std::get<std::string>(read), file);
    }
    auto loaded = io::loadProjectFile(file);
    if (!loaded.project && loaded.diagnostics.size() == 1 && loaded.diagnostics.front().code == "io-error") {
        in.ioError = QString::fromStdString(loaded.diagnostics.front().message);
        return in;
    }
    in.project = std::move(loaded.project);
    in.diagnostics = std::move(loaded.diagnostics);
    return in;
}

std::optional<model::Project> Cli::mergeInputs(const QList<Input> &inputs, rules::Diagnostics &diagnostics,
                                               QString *usageError)
{
    const Input *base = nullptr;
    for (const auto &in : inputs) {
        if (in.imported)
            continue;
        if (base) {
            *usageError = tr("%1 and %2 are both project files; give at most one, and Kubernetes YAML to merge into it")
                              .arg(base->label, in.label);
            return std::nullopt;
        }
        base = &in;
    }
    bool failed = false;
    for (const auto &in : inputs) {
        diagnostics.insert(diagnostics.end(), in.diagnostics.begin(), in.diagnostics.end());
        failed = failed || !in.project;
    }
    if (failed)
        return std::nullopt;
    model::Project project = base ? *base->project : model::Project();
    for (const auto &in : inputs) {
        if (in.imported)
            io::mergeImport(project, *in.imported, diagnostics);
    }
    return project;
}

void Cli::printImported(QTextStream &s, const Input &in)
{
    if (!in.imported)
        return;
    using Fate = io::ImportedObject::Fate;
    for (const auto &o : in.imported->objects) {
        QString fate;
        switch (o.fate) {
        case Fate::Imported: fate = tr("imported"); break;
        case Fate::Converted: fate = tr("converted"); break;
        case Fate::Preserved: fate = tr("kept as is"); break;
        case Fate::Applied: fate = tr("applied"); break;
        case Fate::Dropped: fate = tr("left out"); break;
        }
        s << "  " << tr("%1 %2 %3 (%4)").arg(fate, QString::fromStdString(o.kind), QString::fromStdString(o.name),
                                             QString::fromStdString(o.location.toString()))
          << '\n';
    }
}

Cli::Input Cli::loadDemo()
{
    Input in;
    in.label = tr("demo");
    auto loaded = io::loadProjectText(io::demoProjectText(), std::string(io::demoProjectFileName));
    in.project = std::move(loaded.project);
    in.diagnostics = std::move(loaded.diagnostics);
    return in;
}

void Cli::printDiagnostics(QTextStream &s, const rules::Diagnostics &ds)
{
    for (const auto &d : ds)
        s << QString::fromStdString(d.toString()) << '\n';
}

QString Cli::summary(const rules::Diagnostics &ds)
{
    const int errors = rules::countOf(ds, rules::Severity::Error);
    const int warnings = rules::countOf(ds, rules::Severity::Warning);
    if (errors == 0 && warnings == 0)
        return tr("no problems found");
    QStringList parts;
    if (errors)
        parts << tr("%n error(s)", nullptr, errors);
    if (warnings)
        parts << tr("%n warning(s)", nullptr, warnings);
    return parts.join(QStringLiteral(", "));
}
