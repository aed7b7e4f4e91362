// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

class QDialogButtonBox;
class QFormLayout;
class QLabel;

namespace k3snet {

class ValidatedLineEdit;

// The frame the add/edit dialogs share: a form, a message line that shows the problem of the
// field being edited (or of the first field that has one), and OK/Cancel, with OK enabled only
// while every field is acceptable. Subclasses add their rows and return a value object; the
// caller builds the undo command from it.
class ObjectDialog : public QDialog
{
    Q_OBJECT

public:
    ~ObjectDialog() override;

    // Whether every field is acceptable (what enables OK).
    bool isAcceptable() const;
    // The message the dialog shows now (empty when all is well).
    QString message() const;
    QPushButton *okButton() const;

protected:
    explicit ObjectDialog(QWidget *parent = nullptr);

    QFormLayout *form() const { return m_form; }
    // Adds a row with a validated field; its problems count for OK and the message line.
    void addField(const QString &label, ValidatedLineEdit *field);
    void addRow(const QString &label, QWidget *widget);
    // A hint under the form (what a field's empty value means, ...).
    void setHint(const QString &hint);
    void updateState();

private:
    QFormLayout *m_form;
    QLabel *m_hint;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QList<ValidatedLineEdit *> m_fields;
};

} // namespace k3snet
