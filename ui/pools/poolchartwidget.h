// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QBarCategoryAxis;
class QChart;
class QChartView;
class QHorizontalStackedBarSeries;
class QValueAxis;

namespace k3snet {

class Document;

// A horizontal stacked bar per address pool: how many of its IPv4 addresses are assigned to
// services, free, and avoided (the .0/.255 addresses avoidBuggyIPs never hands out). Follows
// Document::projectChanged and the palette.
class PoolChartWidget : public QWidget
{
    Q_OBJECT

public:
    explicit PoolChartWidget(Document *document, QWidget *parent = nullptr);
    ~PoolChartWidget() override;

    QChartView *chartView() const { return m_view; }
    QHorizontalStackedBarSeries *series() const { return m_series; }

    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void applyPalette();

    Document *m_document;
    QChart *m_chart;
    QChartView *m_view;
    QHorizontalStackedBarSeries *m_series;
    QBarCategoryAxis *m_pools;
    QValueAxis *m_counts;
    qreal m_maximum = -1; // the largest pool, which the count axis was last fitted to
};

} // namespace k3snet
