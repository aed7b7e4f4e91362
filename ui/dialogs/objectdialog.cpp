// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/objectdialog.h"

#include "widgets/validatedlineedit.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace k3snet {

ObjectDialog::ObjectDialog(QWidget *parent)
    : QDialog(parent)
{
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("problemMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    // Room for one line even while empty, so the dialog does not jump as problems come and go.
    m_message->setMinimumHeight(m_message->fontMetrics().height() * 2);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Focus moving between fields changes whose problem the message line shows.
    connect(qApp, &QApplication::focusChanged, this, [this] { updateState(); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_hint);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);
}

ObjectDialog::~ObjectDialog()
{
    // Deleting the focused field moves the focus; this half-destroyed dialog must not hear it.
    disconnect(qApp, &QApplication::focusChanged, this, nullptr);
}

QPushButton *ObjectDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void ObjectDialog::addField(const QString &label, ValidatedLineEdit *field)
{
    m_fields << field;
    field->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    connect(field, &ValidatedLineEdit::problemChanged, this, &ObjectDialog::updateState);
    m_form->addRow(label, field);
    updateState();
}

void ObjectDialog::addRow(const QString &label, QWidget *widget)
{
    widget->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    m_form->addRow(label, widget);
}

void ObjectDialog::setHint(const QString &hint)
{
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
}

bool ObjectDialog::isAcceptable() const
{
    for (const auto *field : m_fields)
        if (!field->isAcceptable())
            return false;
    return true;
}

QString ObjectDialog::message() const
{
    return m_message->text();
}

void ObjectDialog::updateState()
{
    okButton()->setEnabled(isAcceptable());
    // The field being edited speaks first, then the first field with a problem; a field that
    // is merely empty stays quiet (a new dialog should not open with a complaint).
    QString text;
    for (const auto *field : std::as_const(m_fields))
        if (field->hasFocus() && !field->isAcceptable() && !field->text().isEmpty())
            text = field->problem();
    for (const auto *field : std::as_const(m_fields)) {
        if (!text.isEmpty())
            break;
        if (!field->isAcceptable() && !field->text().isEmpty())
            text = field->problem();
    }
    if (m_message->text() != text)
        m_message->setText(text);
}

} // namespace k3snet
