// SPDX-License-Identifier: GPL-3.0-or-later
#include "l2/selectorlisteditor.h"

#include "l2/selectoreditor.h"
#include "widgets/validatedlineedit.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace k3snet {

SelectorListEditor::SelectorListEditor(QWidget *parent)
    : QWidget(parent)
{
    m_rowsLayout = new QVBoxLayout;
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(2);
    m_empty = new QLabel(this);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_addAlternative = new QPushButton(
        QIcon::fromTheme(QStringLiteral("list-add")), tr("Or &another selector"), this);
    m_addAlternative->setObjectName(QStringLiteral("addAlternativeSelector"));
    m_addAlternative->setToolTip(
        tr("Add a selector of its own: objects matching either selector are selected"));
    connect(m_addAlternative, &QPushButton::clicked, this, [this] {
        rebuildRows(int(m_selectors.size()) + 1);
        m_rows.constLast()->input()->setFocus();
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_empty, 1);
    buttons->addWidget(m_addAlternative, 0, Qt::AlignRight | Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_rowsLayout);
    layout->addLayout(buttons);
    rebuildRows(1);
}

void SelectorListEditor::setEmptyText(const QString &text)
{
    m_empty->setText(text);
    m_empty->setVisible(m_selectors.empty());
}

void SelectorListEditor::setSelectors(const std::vector<model::LabelSelector> &selectors)
{
    const bool same = selectors == m_selectors;
    m_selectors = selectors;
    m_empty->setVisible(m_selectors.empty());
    const int wanted = std::max(1, int(m_selectors.size()));
    if (same && m_rows.size() >= wanted) {
        updateRemoveButtons();
        return;
    }
    if (m_rows.size() != wanted)
        rebuildRows(wanted);
    for (int i = 0; i < m_rows.size(); ++i)
        m_rows.at(i)->setSelector(
            i < int(m_selectors.size()) ? m_selectors[std::size_t(i)] : model::LabelSelector());
    updateRemoveButtons();
}

void SelectorListEditor::rebuildRows(int rowCount)
{
    // Keep the rows that stay (and what is typed in them); add or drop the others.
    while (m_rows.size() > rowCount) {
        m_rows.removeLast();
        m_removeButtons.removeLast();
        QWidget *w = m_rowWidgets.takeLast();
        m_rowsLayout->removeWidget(w);
        w->deleteLater();
    }
    while (m_rows.size() < rowCount) {
        const int index = int(m_rows.size());
        auto *rowWidget = new QWidget(this);
        auto *rowLayout = new QHBoxLayout(rowWidget);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        if (index > 0) {
            auto *orLabel = new QLabel(tr("or"), rowWidget);
            orLabel->setForegroundRole(QPalette::PlaceholderText);
            rowLayout->addWidget(orLabel, 0, Qt::AlignTop);
        }
        auto *editor = new SelectorEditor(rowWidget);
        rowLayout->addWidget(editor, 1);
        auto *remove = new QToolButton(rowWidget);
        remove->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
        remove->setText(QStringLiteral("−"));
        remove->setToolTip(tr("Remove this selector"));
        remove->setAccessibleName(tr("Remove selector %1").arg(index + 1));
        rowLayout->addWidget(remove, 0, Qt::AlignTop);
        connect(editor, &SelectorEditor::edited, this,
            [this, editor](const model::LabelSelector &selector) {
                rowEdited(int(m_rows.indexOf(editor)), selector);
            });
        connect(remove, &QToolButton::clicked, this, [this, editor] {
            const int row = int(m_rows.indexOf(editor));
            if (row < 0)
                return;
            if (row >= int(m_selectors.size())) {
                rebuildRows(std::max(1, int(m_selectors.size()))); // an alternative not used yet
                return;
            }
            std::vector<model::LabelSelector> selectors = m_selectors;
            selectors.erase(selectors.begin() + row);
            Q_EMIT edited(selectors);
        });
        m_rowsLayout->addWidget(rowWidget);
        m_rows << editor;
        m_rowWidgets << rowWidget;
        m_removeButtons << remove;
    }
    updateRemoveButtons();
}

void SelectorListEditor::updateRemoveButtons()
{
    for (int i = 0; i < m_removeButtons.size(); ++i)
        m_removeButtons.at(i)->setVisible(i < int(m_selectors.size()) || m_rows.size() > 1);
}

void SelectorListEditor::rowEdited(int row, const model::LabelSelector &selector)
{
    if (row < 0)
        return;
    std::vector<model::LabelSelector> selectors = m_selectors;
    if (row < int(selectors.size()))
        selectors[std::size_t(row)] = selector;
    else
        selectors.push_back(selector);
    // A selector without requirements would select everything: the user emptied it, so it goes.
    selectors.erase(std::remove_if(selectors.begin(), selectors.end(),
                        [](const model::LabelSelector &s) { return s.isEmpty(); }),
        selectors.end());
    Q_EMIT edited(selectors);
}

} // namespace k3snet
