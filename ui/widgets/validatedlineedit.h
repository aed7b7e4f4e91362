// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>

#include <functional>

class QAction;

namespace k3snet {

class ExplainingValidator;

// A line edit whose validator (an ExplainingValidator) refuses impossible keystrokes and whose
// other problems are marked as the user types: a warning icon at the end of the field, with
// the reason as its tooltip and in problem(). A check beyond the validator (a name already
// taken, an address outside the LAN) can be added with setCheck. Dialogs enable their OK
// button on isAcceptable() and show problem() in their message line.
class ValidatedLineEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit ValidatedLineEdit(QWidget *parent = nullptr);

    // The validator stays owned by its parent; pass one parented to this field or the dialog.
    void setExplainingValidator(ExplainingValidator *validator);
    // Returns a problem for an acceptable text, or an empty string.
    void setCheck(std::function<QString(const QString &)> check);

    bool isAcceptable() const { return m_problem.isEmpty(); }
    // Empty when the text is acceptable.
    QString problem() const { return m_problem; }
    // Judges the text again (after the data a check uses has changed).
    void recheck();

Q_SIGNALS:
    void acceptableChanged(bool acceptable);
    void problemChanged(const QString &problem);

private:
    ExplainingValidator *m_validator = nullptr;
    std::function<QString(const QString &)> m_check;
    QAction *m_mark;
    QString m_problem;
    bool m_checked = false;
};

} // namespace k3snet
