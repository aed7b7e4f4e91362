// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/jsonreport.h"

namespace k3snet::report {

namespace {
QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

QJsonObject toJson(const rules::Diagnostic &d)
{
    QJsonObject o;
    o.insert(QStringLiteral("severity"), QLatin1String(rules::severityName(d.severity)));
    o.insert(QStringLiteral("code"), qs(d.code));
    o.insert(QStringLiteral("message"), qs(d.message));
    QJsonArray objects;
    for (const auto &ref : d.objects)
        objects.append(QJsonObject{{QStringLiteral("kind"), qs(ref.kind)}, {QStringLiteral("name"), qs(ref.name)}});
    o.insert(QStringLiteral("objects"), objects);
    if (!d.location.file.empty())
        o.insert(QStringLiteral("file"), qs(d.location.file));
    if (d.location.isValid()) {
        o.insert(QStringLiteral("line"), d.location.line);
        o.insert(QStringLiteral("column"), d.location.column);
    }
    return o;
}

QJsonArray toJson(const rules::Diagnostics &ds)
{
    QJsonArray a;
    for (const auto &d : ds)
        a.append(toJson(d));
    return a;
}

} // namespace k3snet::report
