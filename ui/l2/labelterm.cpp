// SPDX-License-Identifier: GPL-3.0-or-later
#include "l2/labelterm.h"

#include "domain/rules/poolrules.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace k3snet {

namespace {

// The context of this file's messages for translators.
class LabelTermText
{
    Q_DECLARE_TR_FUNCTIONS(LabelTerm)
};

// Characters a label key, a value or kubectl's selector syntax can hold.
bool isSelectorChar(QChar c)
{
    if (c.unicode() > 127)
        return false;
    return c.isLetterOrNumber() || QStringLiteral("._/-=!(), ").contains(c);
}

QString checkKey(const QString &key)
{
    std::string why;
    if (key.isEmpty())
        return LabelTermText::tr("A label key is needed.");
    if (!rules::isLabelKey(key.toStdString(), &why))
        return LabelTermText::tr("“%1” is not a label key: %2")
            .arg(key, QString::fromStdString(why));
    return {};
}

QString checkValue(const QString &value)
{
    std::string why;
    if (!rules::isLabelValue(value.toStdString(), &why))
        return LabelTermText::tr("“%1” is not a label value: %2")
            .arg(value, QString::fromStdString(why));
    return {};
}

ParsedLabelTerm failure(const QString &problem)
{
    return {std::nullopt, problem, true};
}

ParsedLabelTerm checked(LabelTerm term)
{
    if (QString why = checkKey(term.key); !why.isEmpty())
        return failure(why);
    for (const QString &value : std::as_const(term.values))
        if (QString why = checkValue(value); !why.isEmpty())
            return failure(why);
    return {std::move(term), QString(), false};
}

} // namespace

QString LabelTerm::text() const
{
    switch (op) {
    case Op::Equals:
        return key + QLatin1Char('=') + values.value(0);
    case Op::In:
        return key + QStringLiteral(" in (") + values.join(QLatin1Char(',')) + QLatin1Char(')');
    case Op::NotIn:
        return key + QStringLiteral(" notin (") + values.join(QLatin1Char(',')) + QLatin1Char(')');
    case Op::Exists:
        return key;
    case Op::DoesNotExist:
        return QLatin1Char('!') + key;
    }
    return key;
}

ParsedLabelTerm parseLabelTerm(const QString &input)
{
    const QString text = input.trimmed();
    for (QChar c : text)
        if (!isSelectorChar(c))
            return {std::nullopt,
                LabelTermText::tr("“%1” does not belong in a label selector.").arg(c), false};
    if (text.isEmpty())
        return failure(LabelTermText::tr("Type a label, as in app=web, tier in (a,b) or !gpu."));

    static const QRegularExpression setBased(
        QStringLiteral("^([^\\s=!(),]+)\\s+(in|notin)\\s*\\((.*)\\)$"));
    if (const auto m = setBased.match(text); m.hasMatch()) {
        LabelTerm term;
        term.key = m.captured(1);
        term.op = m.captured(2) == QLatin1String("in") ? LabelTerm::Op::In : LabelTerm::Op::NotIn;
        for (const QString &value : m.captured(3).split(QLatin1Char(',')))
            term.values << value.trimmed();
        if (term.values.size() == 1 && term.values.front().isEmpty())
            return failure(LabelTermText::tr("List at least one value between the parentheses."));
        return checked(std::move(term));
    }
    if (text.contains(QLatin1Char('(')) || text.contains(QLatin1Char(')')))
        return failure(LabelTermText::tr("A set is written key in (a,b) or key notin (a,b)."));
    if (text.startsWith(QLatin1Char('!')) && !text.contains(QLatin1Char('='))) {
        return checked({text.mid(1).trimmed(), LabelTerm::Op::DoesNotExist, {}});
    }
    if (const qsizetype ne = text.indexOf(QStringLiteral("!=")); ne >= 0) {
        return checked(
            {text.left(ne).trimmed(), LabelTerm::Op::NotIn, {text.mid(ne + 2).trimmed()}});
    }
    if (const qsizetype eq = text.indexOf(QLatin1Char('=')); eq >= 0) {
        const qsizetype valueStart
            = text.mid(eq).startsWith(QStringLiteral("==")) ? eq + 2 : eq + 1;
        return checked(
            {text.left(eq).trimmed(), LabelTerm::Op::Equals, {text.mid(valueStart).trimmed()}});
    }
    if (text.contains(QLatin1Char(' ')))
        return failure(LabelTermText::tr("A label key has no spaces."));
    return checked({text, LabelTerm::Op::Exists, {}});
}

QList<LabelTerm> termsOf(const model::LabelSelector &selector)
{
    QList<LabelTerm> terms;
    for (const auto &[key, value] : selector.matchLabels)
        terms << LabelTerm{
            QString::fromStdString(key), LabelTerm::Op::Equals, {QString::fromStdString(value)}};
    for (const auto &e : selector.matchExpressions) {
        LabelTerm term;
        term.key = QString::fromStdString(e.key);
        if (e.op == "In")
            term.op = LabelTerm::Op::In;
        else if (e.op == "NotIn")
            term.op = LabelTerm::Op::NotIn;
        else if (e.op == "DoesNotExist")
            term.op = LabelTerm::Op::DoesNotExist;
        else
            term.op = LabelTerm::Op::Exists; // "Exists", or an operator rules report as invalid
        for (const auto &v : e.values)
            term.values << QString::fromStdString(v);
        terms << term;
    }
    return terms;
}

model::LabelSelector selectorOf(const QList<LabelTerm> &terms)
{
    model::LabelSelector selector;
    for (const LabelTerm &term : terms) {
        const std::string key = term.key.toStdString();
        model::LabelSelectorRequirement requirement;
        requirement.key = key;
        switch (term.op) {
        case LabelTerm::Op::Equals:
            selector.matchLabels[key] = term.values.value(0).toStdString();
            continue;
        case LabelTerm::Op::In:
            requirement.op = "In";
            break;
        case LabelTerm::Op::NotIn:
            requirement.op = "NotIn";
            break;
        case LabelTerm::Op::Exists:
            requirement.op = "Exists";
            break;
        case LabelTerm::Op::DoesNotExist:
            requirement.op = "DoesNotExist";
            break;
        }
        for (const QString &v : term.values)
            requirement.values.push_back(v.toStdString());
        selector.matchExpressions.push_back(std::move(requirement));
    }
    return selector;
}

} // namespace k3snet
