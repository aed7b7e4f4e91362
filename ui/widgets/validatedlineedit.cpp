// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/validatedlineedit.h"

#include "validators/explainingvalidator.h"

#include <QAction>
#include <QStyle>

namespace k3snet {

ValidatedLineEdit::ValidatedLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
    m_mark = new QAction(this);
    m_mark->setIcon(QIcon::fromTheme(
        QStringLiteral("dialog-warning"), style()->standardIcon(QStyle::SP_MessageBoxWarning)));
    m_mark->setObjectName(QStringLiteral("problemMark"));
    addAction(m_mark, QLineEdit::TrailingPosition);
    m_mark->setVisible(false);
    connect(this, &QLineEdit::textChanged, this, &ValidatedLineEdit::recheck);
    recheck();
}

void ValidatedLineEdit::setExplainingValidator(ExplainingValidator *validator)
{
    m_validator = validator;
    setValidator(validator);
    recheck();
}

void ValidatedLineEdit::setCheck(std::function<QString(const QString &)> check)
{
    m_check = std::move(check);
    recheck();
}

void ValidatedLineEdit::recheck()
{
    const QString current = text();
    QString problem;
    if (m_validator && m_validator->check(current) != QValidator::Acceptable) {
        problem = m_validator->problem(current);
        if (problem.isEmpty())
            problem = tr("This value is not valid.");
    }
    if (problem.isEmpty() && m_check)
        problem = m_check(current);

    // An empty field is not marked (it is simply not filled in yet), but it is not acceptable
    // either when the validator wants something.
    const bool marked = !problem.isEmpty() && !current.isEmpty();
    m_mark->setVisible(marked);
    m_mark->setToolTip(problem);
    setToolTip(marked ? problem : QString());
    setAccessibleDescription(problem);

    const bool wasAcceptable = m_problem.isEmpty();
    const bool changed = problem != m_problem || !m_checked;
    m_problem = problem;
    m_checked = true;
    if (changed)
        Q_EMIT problemChanged(problem);
    if (wasAcceptable != m_problem.isEmpty())
        Q_EMIT acceptableChanged(m_problem.isEmpty());
}

} // namespace k3snet
