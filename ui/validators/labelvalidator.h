// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validators/explainingvalidator.h"

namespace k3snet {

// Validates one label-selector requirement in kubectl's syntax ("app=web", "tier in (a,b)",
// "!gpu"; see LabelTerm), or, as Kind::Label, one label of an object ("app=web" only).
class LabelValidator : public ExplainingValidator
{
    Q_OBJECT

public:
    enum class Kind
    {
        SelectorTerm,
        Label,
    };

    explicit LabelValidator(Kind kind, QObject *parent = nullptr);

    State validate(QString &input, int &pos) const override;
    QString problem(const QString &text) const override;

private:
    struct Verdict
    {
        State state = Acceptable;
        QString problem;
    };
    Verdict judge(const QString &text) const;

    Kind m_kind;
};

} // namespace k3snet
