// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validators/explainingvalidator.h"

#include <QPointer>
#include <QStringList>

namespace k3snet {

// A comma-separated list whose entries another validator judges ("10.0.0.100-10.0.0.150,
// 10.0.0.240/28"; "eth0, wlan0"). The list is as good as its worst entry; an empty entry (a
// trailing comma while typing) is Intermediate.
class ListValidator : public ExplainingValidator
{
    Q_OBJECT

public:
    // entry is not owned; give it a parent that outlives this validator (e.g. this one).
    explicit ListValidator(ExplainingValidator *entry, QObject *parent = nullptr);

    void setOptional(bool optional) { m_optional = optional; }

    // The entries of text, trimmed, without empty ones.
    static QStringList entries(const QString &text);

    State validate(QString &input, int &pos) const override;
    QString problem(const QString &text) const override;

private:
    struct Verdict
    {
        State state = Acceptable;
        QString problem;
    };
    Verdict judge(const QString &text) const;

    QPointer<ExplainingValidator> m_entry;
    bool m_optional = false;
};

} // namespace k3snet
