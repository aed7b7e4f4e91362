// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rules/diagnostic.h"

#include <QString>
#include <QStringList>

// Diagnostics as text for the domain tests' comparisons and failure messages.
namespace diagnosticstext {

// "12:14 error agent-mac-invalid", or "- error code" for a finding about the whole input.
inline QStringList summaries(const k3snet::rules::Diagnostics &ds)
{
    QStringList out;
    for (const k3snet::rules::Diagnostic &d : ds) {
        const QString where = d.location.isValid()
            ? QStringLiteral("%1:%2").arg(d.location.line).arg(d.location.column)
            : QStringLiteral("-");
        out << where + QLatin1Char(' ') + QString::fromLatin1(k3snet::rules::severityName(d.severity))
                + QLatin1Char(' ') + QString::fromStdString(d.code);
    }
    return out;
}

// Every diagnostic in full, one per line.
inline QString dump(const k3snet::rules::Diagnostics &ds)
{
    QStringList out;
    for (const k3snet::rules::Diagnostic &d : ds)
        out << QString::fromStdString(d.toString());
    return out.join(QLatin1Char('\n'));
}

} // namespace diagnosticstext
