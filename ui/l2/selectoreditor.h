// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/labelselector.h"
#include "l2/labelterm.h"

#include <QList>
#include <QWidget>

namespace k3snet {

class FlowLayout;
class LabelChip;
class ValidatedLineEdit;

// Edits one label selector as chips, one per requirement, with a field at the end to type a
// new one (Enter adds it; the field marks what is wrong as the user types). Each change is
// reported as the whole new selector (edited); the owner turns it into an undo command and
// later shows the document's selector again with setSelector.
class SelectorEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SelectorEditor(QWidget *parent = nullptr);

    void setSelector(const model::LabelSelector &selector);
    model::LabelSelector selector() const { return selectorOf(m_terms); }
    QList<LabelTerm> terms() const { return m_terms; }
    QList<LabelChip *> chips() const { return m_chips; }
    ValidatedLineEdit *input() const { return m_input; }
    void setPlaceholderText(const QString &text);

    // Adds the term typed in the field; false (and the field unchanged) when it is not one.
    bool addTypedTerm();

Q_SIGNALS:
    void edited(const model::LabelSelector &selector);

private:
    void showTerms();

    QList<LabelTerm> m_terms;
    QList<LabelChip *> m_chips;
    FlowLayout *m_layout;
    ValidatedLineEdit *m_input;
};

} // namespace k3snet
