// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QHash>
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

private:
    QSize measure(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    // Sizes by column, text and (for the wrapped message) width, for the font and style they
    // were measured with: the view asks for every cell of every row, and the header for whole
    // columns, whenever a row comes or goes, and 128 warnings coming and going with an edit
    // made the style lay out 600 texts each time.
    struct Key
    {
        int column;
        int width;
        QString text;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.column, key.width, key.text);
        }
    };
    mutable QHash<Key, QSize> m_sizes;
    mutable QFont m_sizesFont;
    mutable const QStyle *m_sizesStyle = nullptr;
};

} // namespace k3snet
