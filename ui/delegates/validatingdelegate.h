// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QStyledItemDelegate>

#include <functional>

namespace k3snet {

class ExplainingValidator;

// Edits the cells of chosen columns in a ValidatedLineEdit: the column's validator refuses
// impossible keystrokes and marks the rest as the user types. Text that is not acceptable when
// the editor closes is still handed to the model, whose setData decides (the object models
// refuse it and say why through editRejected). Other columns edit as usual.
class ValidatingDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // Makes the validator of a column's editor, parented to that editor.
    using ValidatorFactory = std::function<ExplainingValidator *(QObject *parent)>;

    explicit ValidatingDelegate(QObject *parent = nullptr);

    void setColumnValidator(int column, ValidatorFactory factory);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;

private:
    QMap<int, ValidatorFactory> m_factories;
};

} // namespace k3snet
