// SPDX-License-Identifier: GPL-3.0-or-later
#include "delegates/validatingdelegate.h"

#include "validators/explainingvalidator.h"
#include "widgets/validatedlineedit.h"

namespace k3snet {

ValidatingDelegate::ValidatingDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void ValidatingDelegate::setColumnValidator(int column, ValidatorFactory factory)
{
    m_factories.insert(column, std::move(factory));
}

QWidget *ValidatingDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto it = m_factories.constFind(index.column());
    if (it == m_factories.constEnd())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *editor = new ValidatedLineEdit(parent);
    editor->setFrame(false);
    editor->setExplainingValidator((*it)(editor));
    return editor;
}

} // namespace k3snet
