// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/io/metallbimport.h"
#include "domain/model/project.h"
#include "domain/rules/diagnostic.h"

#include <QCommandLineParser>
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
    // The parser's help with "k3snetctl <command>" as the program name in its usage line
    // (QCommandLineParser would print the path the binary was started by).
    static QString helpText(const QCommandLineParser &parser, const QString &command);

    struct Input
    {
        QString label; // the file name, or "demo"
        std::optional<k3snet::model::Project> project;
        k3snet::rules::Diagnostics diagnostics;
        QString ioError; // set when the input could not be read at all
        // Set when the input was Kubernetes or MetalLB YAML rather than a project file:
        // what the import read (project then holds the imported objects, if without errors).
        std::optional<k3snet::io::ImportResult> imported;
    };
    // Reads one input ("-" is standard input): a project file, or Kubernetes/MetalLB YAML
    // (manifests, kubectl dumps, the legacy ConfigMap, Helm values), which is imported into
    // an empty project. Or the bundled demo.
    static Input loadFile(const QString &path);
    static Input loadDemo();
    // Merges the inputs into one project: the one project file among them (or an empty
    // project) with every imported input merged in, in order. Diagnostics of reading and
    // merging go to diagnostics. nullopt, with the reason in *usageError when the inputs
    // hold more than one project, or with only diagnostics when an input has errors.
    static std::optional<k3snet::model::Project> mergeInputs(const QList<Input> &inputs,
        k3snet::rules::Diagnostics &diagnostics, QString *usageError);
    // "imported IPAddressPool example (file:3:1)": one line per object an import read.
    static void printImported(QTextStream &s, const Input &in);

    // One diagnostic per line, "file:line:col: severity: message [code]".
    static void printDiagnostics(QTextStream &s, const k3snet::rules::Diagnostics &d);
    // "2 errors, 1 warning" or "no problems found".
    static QString summary(const k3snet::rules::Diagnostics &d);
};

// The subcommands; each returns a Cli::ExitCode.
int runValidate(const QStringList &args);
int runPlan(const QStringList &args);
int runImport(const QStringList &args);
int runExport(const QStringList &args);
int runProvision(const QStringList &args);
int runStatus(const QStringList &args);
int runUninstall(const QStringList &args);
