// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnostics/diagnosticswidget.h"

#include "diagnostics/diagnosticdelegate.h"
#include "document/document.h"
#include "models/diagnosticmodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace k3snet {

DiagnosticsWidget::DiagnosticsWidget(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_model(new DiagnosticModel(document, this))
{
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("diagnosticsSummary"));
    m_summary->setMargin(2);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("diagnosticsView"));
    m_view->setAccessibleName(tr("Diagnostics"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    // Messages wrap, so rows differ in height.
    m_view->setUniformRowHeights(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the model's order: errors first
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(true);
    m_view->setItemDelegate(new DiagnosticDelegate(m_view));
    m_view->setTextElideMode(Qt::ElideRight);

    // The message first and widest; where and what it concerns on demand (header menu), as
    // the tooltip and a click on the row tell that too.
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->moveSection(header->visualIndex(DiagnosticModel::MessageColumn), 1);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(DiagnosticModel::MessageColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(DiagnosticModel::SeverityColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DiagnosticModel::CodeColumn, QHeaderView::ResizeToContents);
    header->setSectionHidden(DiagnosticModel::LocationColumn, true);
    header->setSectionHidden(DiagnosticModel::ObjectsColumn, true);
    // Row heights follow the message column's width (QTreeView caches them otherwise).
    connect(header, &QHeaderView::sectionResized, m_view, [this](int column) {
        if (column == DiagnosticModel::MessageColumn)
            m_view->doItemsLayout();
    });
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        QMenu menu(this);
        for (int column = 0; column < m_model->columnCount(); ++column) {
            if (column == DiagnosticModel::MessageColumn)
                continue;
            QAction *action
                = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!header->isSectionHidden(column));
            connect(action, &QAction::toggled, header,
                [header, column](bool on) { header->setSectionHidden(column, !on); });
        }
        menu.exec(header->mapToGlobal(pos));
    });

    connect(m_view, &QAbstractItemView::clicked, this, &DiagnosticsWidget::activate);
    connect(m_view, &QAbstractItemView::activated, this, &DiagnosticsWidget::activate);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid() && m_view->hasFocus())
                activate(current);
        });
    connect(m_model, &QAbstractItemModel::modelReset, this, &DiagnosticsWidget::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DiagnosticsWidget::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DiagnosticsWidget::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DiagnosticsWidget::updateSummary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    updateSummary();
}

void DiagnosticsWidget::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    Q_EMIT objectsActivated(index.data(DiagnosticModel::ObjectRefsRole).toStringList());
}

QString DiagnosticsWidget::summary() const
{
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        switch (
            rules::Severity(m_model->index(row, 0).data(DiagnosticModel::SeverityRole).toInt())) {
        case rules::Severity::Error:
            ++errors;
            break;
        case rules::Severity::Warning:
            ++warnings;
            break;
        case rules::Severity::Info:
            ++infos;
            break;
        }
    }
    if (errors + warnings + infos == 0)
        return tr("No problems found");
    QStringList parts;
    if (errors)
        parts << tr("%n error(s)", nullptr, errors);
    if (warnings)
        parts << tr("%n warning(s)", nullptr, warnings);
    if (infos)
        parts << tr("%n note(s)", nullptr, infos);
    return parts.join(tr(", "));
}

void DiagnosticsWidget::updateSummary()
{
    const QString text = summary();
    if (text == m_summary->text())
        return;
    m_summary->setText(text);
    Q_EMIT summaryChanged(text);
}

} // namespace k3snet
