// SPDX-License-Identifier: GPL-3.0-or-later
#include "validators/namevalidator.h"

#include "domain/rules/networkrules.h"

namespace k3snet {

namespace {

bool isLowerAlnum(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

} // namespace

NameValidator::NameValidator(Kind kind, QObject *parent)
    : ExplainingValidator(parent)
    , m_kind(kind)
{
}

NameValidator::Verdict NameValidator::judgeKubernetesName(const QString &text) const
{
    const bool dots = m_kind == Kind::Subdomain;
    const int maxLength = dots ? 253 : 63;
    for (QChar c : text) {
        if (isLowerAlnum(c) || c == QLatin1Char('-'))
            continue;
        if (c == QLatin1Char('.') && dots)
            continue;
        return {Invalid,
            dots ? tr("A name holds lowercase letters, digits, “-” and “.” only.")
                 : tr("A name holds lowercase letters, digits and “-” only.")};
    }
    if (text.size() > maxLength)
        return {Invalid, tr("A name has at most %n characters.", nullptr, maxLength)};
    if (m_kind == Kind::ServiceName && !text.front().isLetter())
        return {Intermediate, tr("A service name starts with a letter.")};
    std::string why;
    if (!rules::isDns1123Subdomain(text.toStdString(), &why)) {
        if (text.endsWith(QLatin1Char('-')) || text.endsWith(QLatin1Char('.')))
            return {Intermediate, tr("A name ends with a letter or a digit.")};
        if (!isLowerAlnum(text.front()))
            return {Intermediate, tr("A name starts with a letter or a digit.")};
        return {Intermediate, QString::fromStdString(why)};
    }
    return {};
}

NameValidator::Verdict NameValidator::judgeInterfaceName(const QString &text) const
{
    for (QChar c : text)
        if (c == QLatin1Char('/') || c == QLatin1Char(':') || c.isSpace() || c.unicode() > 127)
            return {Invalid, tr("An interface name has no “/”, “:”, spaces or accents.")};
    if (text.toUtf8().size() > 15)
        return {Invalid, tr("An interface name has at most 15 characters.")};
    if (!rules::isInterfaceName(text.toStdString()))
        return {Intermediate, tr("“%1” is not an interface name.").arg(text)};
    return {};
}

NameValidator::Verdict NameValidator::judge(const QString &text) const
{
    if (text.isEmpty())
        return m_optional ? Verdict{} : Verdict{Intermediate, tr("A name is needed.")};
    Verdict verdict
        = m_kind == Kind::InterfaceName ? judgeInterfaceName(text) : judgeKubernetesName(text);
    if (verdict.state == Acceptable && m_taken.contains(text))
        verdict = {Intermediate, tr("“%1” is taken: choose another name.").arg(text)};
    return verdict;
}

QValidator::State NameValidator::validate(QString &input, int &) const
{
    if (m_kind != Kind::InterfaceName)
        input = input.toLower(); // Kubernetes names are lowercase: take "Node1" as "node1"
    return judge(input).state;
}

QString NameValidator::problem(const QString &text) const
{
    return judge(m_kind == Kind::InterfaceName ? text : text.toLower()).problem;
}

} // namespace k3snet
