// SPDX-License-Identifier: GPL-3.0-or-later
#include "l2/selectoreditor.h"

#include "l2/labelchip.h"
#include "validators/labelvalidator.h"
#include "widgets/flowlayout.h"
#include "widgets/validatedlineedit.h"

#include <QToolButton>

namespace k3snet {

SelectorEditor::SelectorEditor(QWidget *parent)
    : QWidget(parent)
{
    m_layout = new FlowLayout(this);
    m_input = new ValidatedLineEdit(this);
    m_input->setObjectName(QStringLiteral("selectorInput"));
    auto *validator = new LabelValidator(LabelValidator::Kind::SelectorTerm, m_input);
    m_input->setExplainingValidator(validator);
    m_input->setPlaceholderText(tr("add: app=web, zone in (a,b), !gpu"));
    m_input->setMinimumWidth(
        m_input->fontMetrics().horizontalAdvance(m_input->placeholderText()) + 40);
    m_input->setAccessibleName(tr("New label selector requirement"));
    connect(m_input, &QLineEdit::returnPressed, this, &SelectorEditor::addTypedTerm);
    m_layout->addWidget(m_input);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void SelectorEditor::setPlaceholderText(const QString &text)
{
    m_input->setPlaceholderText(text);
}

void SelectorEditor::setSelector(const model::LabelSelector &selector)
{
    const QList<LabelTerm> terms = termsOf(selector);
    if (terms == m_terms)
        return;
    m_terms = terms;
    showTerms();
}

void SelectorEditor::showTerms()
{
    const bool inputHadFocus = m_input->hasFocus();
    for (LabelChip *chip : std::as_const(m_chips)) {
        m_layout->removeWidget(chip);
        chip->deleteLater();
    }
    m_chips.clear();
    for (int i = 0; i < m_terms.size(); ++i) {
        auto *chip = new LabelChip(m_terms.at(i).text(), this);
        m_layout->insertWidget(i, chip);
        connect(chip, &LabelChip::removeRequested, this, [this, chip] {
            const int index = int(m_chips.indexOf(chip));
            if (index < 0)
                return;
            QList<LabelTerm> terms = m_terms;
            terms.removeAt(index);
            // The owner shows the edited selector, which deletes this chip later (deleteLater),
            // after its button's click has returned.
            Q_EMIT edited(selectorOf(terms));
        });
        m_chips << chip;
    }
    // The field stays last in the tab order, after the chips' remove buttons.
    for (LabelChip *chip : std::as_const(m_chips))
        setTabOrder(chip->removeButton(), m_input);
    if (inputHadFocus)
        m_input->setFocus();
    updateGeometry();
}

bool SelectorEditor::addTypedTerm()
{
    const ParsedLabelTerm parsed = parseLabelTerm(m_input->text());
    if (!parsed.term)
        return false;
    QList<LabelTerm> terms = m_terms;
    // A second key=value of the same key replaces the first, as matchLabels is a map.
    if (parsed.term->op == LabelTerm::Op::Equals)
        terms.removeIf([&](const LabelTerm &t) {
            return t.op == LabelTerm::Op::Equals && t.key == parsed.term->key;
        });
    terms << *parsed.term;
    m_input->clear();
    Q_EMIT edited(selectorOf(terms));
    return true;
}

} // namespace k3snet
