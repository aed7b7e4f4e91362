// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"
#include "domain/rules/diagnostic.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <optional>

// Shared plumbing of the k3snetctl commands: translation context, streams, exit codes, and
// reading the inputs a command is given.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(k3snetctl)

public:
    enum ExitCode { Ok = 0, Failed = 1, UsageOrIoError = 2 };

    static QTextStream &out();
    static QTextStream &err();
    // Whether stdout is a terminal (and NO_COLOR is unset): headings are then bold.
    static bool styled();
    static QString heading(const QString &text);

    struct Input
    {
        QString label; // the file name, or "demo"
        std::optional<k3snet::model::Project> project;
        k3snet::rules::Diagnostics diagnostics;
        QString ioError; // set when the input could not be read at all
    };
    // Reads one project file ("-" is standard input), or the bundled demo.
    static Input loadFile(const QString &path);
    static Input loadDemo();

    // One diagnostic per line, "file:line:col: severity: message [code]".
    static void printDiagnostics(QTextStream &s, const k3snet::rules::Diagnostics &d);
    // "2 errors, 1 warning" or "no problems found".
    static QString summary(const k3snet::rules::Diagnostics &d);
};

// The subcommands; each returns a Cli::ExitCode.
int runValidate(const QStringList &args);
int runPlan(const QStringList &args);
