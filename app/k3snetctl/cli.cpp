// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "domain/io/demoproject.h"
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
        auto loaded = io::loadProjectText(std::string_view(bytes.constData(), size_t(bytes.size())), "<stdin>");
        in.project = std::move(loaded.project);
        in.diagnostics = std::move(loaded.diagnostics);
        return in;
    }
    auto loaded = io::loadProjectFile(path.toStdString());
    // A file that cannot be opened at all is an I/O error (exit 2), not a finding about it.
    if (!loaded.project && loaded.diagnostics.size() == 1 && loaded.diagnostics.front().code == "io-error") {
        in.ioError = QString::fromStdString(loaded.diagnostics.front().message);
        return in;
    }
    in.project = std::move(loaded.project);
    in.diagnostics = std::move(loaded.diagnostics);
    return in;
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
