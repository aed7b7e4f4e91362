// SPDX-License-Identifier: GPL-3.0-or-later
#include "validators/listvalidator.h"

namespace k3snet {

ListValidator::ListValidator(ExplainingValidator *entry, QObject *parent)
    : ExplainingValidator(parent)
    , m_entry(entry)
{
}

QStringList ListValidator::entries(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString entry = part.trimmed();
        if (!entry.isEmpty())
            out << entry;
    }
    return out;
}

ListValidator::Verdict ListValidator::judge(const QString &text) const
{
    if (text.trimmed().isEmpty())
        return m_optional ? Verdict{} : Verdict{Intermediate, tr("At least one entry is needed.")};
    Verdict worst;
    const QStringList parts = text.split(QLatin1Char(','));
    for (int i = 0; i < parts.size(); ++i) {
        const QString entry = parts.at(i).trimmed();
        Verdict verdict;
        if (entry.isEmpty()) {
            verdict = {Intermediate, tr("Entry %1 is empty.").arg(i + 1)};
        } else if (m_entry) {
            verdict.state = m_entry->check(entry);
            if (verdict.state != Acceptable)
                verdict.problem = parts.size() == 1
                    ? m_entry->problem(entry)
                    : tr("%1: %2").arg(entry, m_entry->problem(entry));
        }
        if (verdict.state < worst.state)
            worst = verdict;
        if (worst.state == Invalid)
            break;
    }
    return worst;
}

QValidator::State ListValidator::validate(QString &input, int &) const
{
    return judge(input).state;
}

QString ListValidator::problem(const QString &text) const
{
    return judge(text).problem;
}

} // namespace k3snet
