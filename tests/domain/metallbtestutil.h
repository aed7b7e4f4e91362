// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/io/metallbimport.h"
#include "domain/rules/diagnostic.h"

#include <QFile>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <string>

// Helpers shared by the MetalLB import and export tests (tst_metallb*.cpp): reading the
// corpus, importing text, and picking diagnostics out of a result.
namespace metallbtest {

// The helpers speak the types of the code under test as the tests do.
using namespace k3snet;

inline const QString corpusDir = QStringLiteral(K3SNET_CORPUS_DIR "/metallb");

inline std::string readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll().toStdString();
}

inline QString dump(const rules::Diagnostics &ds)
{
    QStringList lines;
    for (const auto &d : ds)
        lines << QString::fromStdString(d.toString());
    return lines.join('\n');
}

inline QStringList codes(const rules::Diagnostics &ds, rules::Severity severity)
{
    QStringList out;
    for (const auto &d : ds) {
        if (d.severity == severity)
            out << QString::fromStdString(d.code);
    }
    return out;
}

inline const rules::Diagnostic *find(const rules::Diagnostics &ds, const std::string &code)
{
    for (const auto &d : ds) {
        if (d.code == code)
            return &d;
    }
    return nullptr;
}

inline io::ImportResult import(const std::string &text, const std::string &file = "in.yaml")
{
    return io::importKubernetesYaml(text, file);
}

inline io::ImportResult importCorpus(const QString &name)
{
    return io::importKubernetesYaml(readAll(corpusDir + "/" + name), name.toStdString());
}

} // namespace metallbtest
