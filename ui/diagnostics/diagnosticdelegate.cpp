// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnostics/diagnosticdelegate.h"

#include "document/document.h"
#include "models/diagnosticmodel.h"

#include <QApplication>
#include <QFontMetrics>
#include <QStyle>
#include <QTreeView>

namespace k3snet {

void DiagnosticDelegate::initStyleOption(
    QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() != DiagnosticModel::SeverityColumn || !option->icon.isNull())
        return;
    QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    switch (rules::Severity(index.data(DiagnosticModel::SeverityRole).toInt())) {
    case rules::Severity::Error:
        pixmap = QStyle::SP_MessageBoxCritical;
        break;
    case rules::Severity::Warning:
        pixmap = QStyle::SP_MessageBoxWarning;
        break;
    case rules::Severity::Info:
        break;
    }
    option->icon = style->standardIcon(pixmap, option, option->widget);
    option->features |= QStyleOptionViewItem::HasDecoration;
    const int size = style->pixelMetric(QStyle::PM_SmallIconSize, option, option->widget);
    option->decorationSize = QSize(size, size);
}

QSize DiagnosticDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *view = qobject_cast<const QTreeView *>(option.widget);
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    if (option.font != m_sizesFont || style != m_sizesStyle || m_sizes.size() > 20000) {
        m_sizes.clear();
        m_sizesFont = option.font;
        m_sizesStyle = style;
    }
    const int column = index.column();
    Key key{column,
        view && column == DiagnosticModel::MessageColumn ? view->columnWidth(column) : 0,
        index.data(Qt::DisplayRole).toString()};
    if (column == DiagnosticModel::SeverityColumn) // the icon goes with the severity
        key.text += QLatin1Char('|') + index.data(DiagnosticModel::SeverityRole).toString();
    auto it = m_sizes.constFind(key);
    if (it == m_sizes.constEnd())
        it = m_sizes.insert(key, measure(option, index));
    return *it;
}

QSize DiagnosticDelegate::measure(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const auto *view = qobject_cast<const QTreeView *>(option.widget);
    if (!view || index.column() != DiagnosticModel::MessageColumn)
        return size;
    // QTreeView asks without the column's width; wrap the message to it here.
    QStyle *style = view->style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &option, view) + 1;
    // A little less than the column: the style lays the text out with its own line breaker.
    const int width = view->columnWidth(index.column()) - 2 * margin - 8;
    if (width <= 0)
        return size;
    const QRect text = QFontMetrics(option.font)
                           .boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap,
                               index.data(Qt::DisplayRole).toString());
    size.setHeight(std::max(size.height(), text.height() + 2 * margin));
    return size;
}

} // namespace k3snet
