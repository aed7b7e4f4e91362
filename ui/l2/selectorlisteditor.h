// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/labelselector.h"

#include <QList>
#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace k3snet {

class SelectorEditor;

// Edits a list of label selectors that are alternatives (an object matches when any one
// selector matches it, as MetalLB reads nodeSelectors and ipAddressPoolSelectors): one row of
// chips per selector, "or" between the rows, a button for another alternative. An empty list
// shows one empty row and emptyText (what no selector means). Changes are reported as the
// whole new list, without empty selectors (edited).
class SelectorListEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SelectorListEditor(QWidget *parent = nullptr);

    void setSelectors(const std::vector<model::LabelSelector> &selectors);
    std::vector<model::LabelSelector> selectors() const { return m_selectors; }
    void setEmptyText(const QString &text);
    QList<SelectorEditor *> rows() const { return m_rows; }
    QPushButton *addAlternativeButton() const { return m_addAlternative; }

Q_SIGNALS:
    void edited(const std::vector<model::LabelSelector> &selectors);

private:
    void rebuildRows(int rowCount);
    void rowEdited(int row, const model::LabelSelector &selector);
    // A row's remove button shows where there is something to remove.
    void updateRemoveButtons();

    std::vector<model::LabelSelector> m_selectors;
    QList<SelectorEditor *> m_rows;
    QList<QWidget *> m_rowWidgets;
    QList<QWidget *> m_removeButtons;
    QVBoxLayout *m_rowsLayout;
    QLabel *m_empty;
    QPushButton *m_addAlternative;
};

} // namespace k3snet
