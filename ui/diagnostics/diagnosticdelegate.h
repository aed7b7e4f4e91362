// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace k3snet {

// How the diagnostics view draws a row: the severity with the theme's dialog-error/-warning/
// -information icon (or the style's message box icon where the icon theme has none), and the
// message wrapped to the width of its column, the row as tall as the message needs.
class DiagnosticDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace k3snet
