// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/nodefacts.h"

#include "provision/provisiontr.h"

#include <QRegularExpression>

namespace k3snet::provision {

QMap<QString, QString> parseKeyValues(const QByteArray &text)
{
    QMap<QString, QString> values;
    static const QRegularExpression keyPattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq);
        if (keyPattern.match(key).hasMatch())
            values.insert(key, line.mid(eq + 1).trimmed());
    }
    return values;
}

namespace {

bool isSha256Hex(const QString &s)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(s).hasMatch();
}

} // namespace

std::optional<NodeFacts> parseNodeFacts(const QByteArray &output, QString *error)
{
    const qsizetype end = output.indexOf("\n---\n");
    const QMap<QString, QString> v = parseKeyValues(end >= 0 ? output.left(end) : output);
    for (const char *required : {"arch", "init", "release", "running"}) {
        if (!v.contains(QLatin1String(required))) {
            *error = Provisioning::tr("the node's detect output has no \"%1\"")
                         .arg(QLatin1String(required));
            return std::nullopt;
        }
    }
    NodeFacts f;
    f.arch = v.value(QStringLiteral("arch"));
    f.kernel = v.value(QStringLiteral("kernel"));
    f.systemd = v.value(QStringLiteral("init")) == QLatin1String("systemd");
    f.vxlan = v.value(QStringLiteral("vxlan"), QStringLiteral("unknown"));
    f.k3sPath = v.value(QStringLiteral("k3s"));
    f.k3sConfig = v.value(QStringLiteral("k3s_config")) == QLatin1String("present");
    f.k3sFlannelNone = v.value(QStringLiteral("k3s_flannel_none")) == QLatin1String("yes");
    f.k3sServicelbDisabled = v.value(QStringLiteral("k3s_servicelb_disabled")) == QLatin1String("yes");
    f.release = v.value(QStringLiteral("release"));
    f.releases = v.value(QStringLiteral("releases")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const auto sha = [&](const QString &key, QByteArray &out) -> bool {
        const QString s = v.value(key);
        if (!s.isEmpty() && !isSha256Hex(s)) {
            *error = Provisioning::tr("the node's detect output has a malformed %1").arg(key);
            return false;
        }
        out = s.toLatin1();
        return true;
    };
    if (!sha(QStringLiteral("sha_agent"), f.shaAgent) || !sha(QStringLiteral("sha_config"), f.shaConfig)
        || !sha(QStringLiteral("sha_key"), f.shaKey) || !sha(QStringLiteral("sha_unit"), f.shaUnit)
        || !sha(QStringLiteral("sha_supervise"), f.shaSupervise))
        return std::nullopt;
    for (const QString &release : std::as_const(f.releases)) {
        QByteArray releaseSha;
        if (!sha(QStringLiteral("release_") + release, releaseSha))
            return std::nullopt;
        f.releaseShas.insert(release, releaseSha);
    }
    f.running = v.value(QStringLiteral("running")) == QLatin1String("yes");
    f.pending = v.value(QStringLiteral("pending")) == QLatin1String("yes");
    return f;
}

std::optional<QString> agentArchFor(const QString &m)
{
    if (m == QLatin1String("aarch64") || m == QLatin1String("arm64"))
        return QStringLiteral("aarch64");
    // Debian's armhf is ARMv7 with VFPv3-D16: a Pi 2 or later running a 32-bit OS. ARMv6 (Pi 1,
    // Zero) cannot run it.
    if (m == QLatin1String("armv7l") || m == QLatin1String("armv8l") || m == QLatin1String("armhf"))
        return QStringLiteral("armhf");
    if (m == QLatin1String("x86_64") || m == QLatin1String("amd64"))
        return QStringLiteral("x86_64");
    return std::nullopt;
}

} // namespace k3snet::provision
