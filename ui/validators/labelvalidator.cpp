// SPDX-License-Identifier: GPL-3.0-or-later
#include "validators/labelvalidator.h"

#include "l2/labelterm.h"

namespace k3snet {

LabelValidator::LabelValidator(Kind kind, QObject *parent)
    : ExplainingValidator(parent)
    , m_kind(kind)
{
}

LabelValidator::Verdict LabelValidator::judge(const QString &text) const
{
    const ParsedLabelTerm parsed = parseLabelTerm(text);
    if (!parsed.term)
        return {parsed.partial ? Intermediate : Invalid, parsed.problem};
    if (m_kind == Kind::Label && parsed.term->op != LabelTerm::Op::Equals)
        return {Intermediate, tr("A label is key=value, as in app=web.")};
    return {};
}

QValidator::State LabelValidator::validate(QString &input, int &) const
{
    return judge(input).state;
}

QString LabelValidator::problem(const QString &text) const
{
    return judge(text).problem;
}

} // namespace k3snet
