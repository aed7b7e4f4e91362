// SPDX-License-Identifier: GPL-3.0-or-later
#include "validators/portvalidator.h"

#include <QStringList>

namespace k3snet {

namespace {
const QStringList protocols{QStringLiteral("TCP"), QStringLiteral("UDP"), QStringLiteral("SCTP")};
}

PortValidator::PortValidator(QObject *parent)
    : ExplainingValidator(parent)
{
}

PortValidator::Verdict PortValidator::judge(const QString &input) const
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {Intermediate, tr("A port number is needed.")};
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const QString number = slash < 0 ? text : text.left(slash);
    for (QChar c : number)
        if (!c.isDigit() || c.unicode() > 127)
            return {Invalid, tr("A port is a number, optionally followed by /TCP, /UDP or /SCTP.")};
    if (number.size() > 5 || number.toInt() > 65535)
        return {Invalid, tr("A port is at most 65535.")};
    if (number.isEmpty())
        return {Intermediate, tr("A port number is needed.")};
    if (number.toInt() == 0)
        return {Intermediate, tr("A port is at least 1.")};
    if (slash >= 0) {
        const QString protocol = text.mid(slash + 1).toUpper();
        if (!protocols.contains(protocol)) {
            for (const QString &known : protocols)
                if (known.startsWith(protocol))
                    return {Intermediate, tr("The protocol is TCP, UDP or SCTP.")};
            return {Invalid, tr("The protocol is TCP, UDP or SCTP.")};
        }
    }
    return {};
}

std::optional<PortValidator::Port> PortValidator::parse(const QString &input)
{
    if (PortValidator().judge(input).state != Acceptable)
        return std::nullopt;
    const QString text = input.trimmed();
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    Port port;
    port.port = (slash < 0 ? text : text.left(slash)).toInt();
    port.protocol = slash < 0 ? QStringLiteral("TCP") : text.mid(slash + 1).toUpper();
    return port;
}

QValidator::State PortValidator::validate(QString &input, int &) const
{
    return judge(input).state;
}

QString PortValidator::problem(const QString &text) const
{
    return judge(text).problem;
}

} // namespace k3snet
