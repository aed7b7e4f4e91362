// SPDX-License-Identifier: GPL-3.0-or-later
#include "pools/poolchartwidget.h"

#include "document/document.h"
#include "topology/topologystyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace k3snet {

namespace {

qreal decimal(const std::string &text)
{
    return QString::fromStdString(text).toDouble();
}

} // namespace

PoolChartWidget::PoolChartWidget(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_chart(new QChart)
    , m_series(new QHorizontalStackedBarSeries)
    , m_pools(new QBarCategoryAxis)
    , m_counts(new QValueAxis)
{
    setObjectName(QStringLiteral("poolChart"));
    m_chart->addSeries(m_series);
    m_chart->addAxis(m_pools, Qt::AlignLeft);
    m_chart->addAxis(m_counts, Qt::AlignBottom);
    m_series->attachAxis(m_pools);
    m_series->attachAxis(m_counts);
    m_counts->setLabelFormat(QStringLiteral("%d"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->setTitle(tr("IPv4 addresses per pool"));

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Pool usage chart"));
    m_view->setAccessibleDescription(
        tr("Assigned, free and avoided addresses of each address pool"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_document, &Document::projectChanged, this, &PoolChartWidget::refresh);
    refresh();
}

PoolChartWidget::~PoolChartWidget() = default;

QSize PoolChartWidget::sizeHint() const
{
    const int em = fontMetrics().height();
    return QSize(em * 30, em * 14);
}

void PoolChartWidget::refresh()
{
    const auto &pools = m_document->plan().pools;
    QStringList names;
    QList<qreal> values[3]; // assigned, free, avoided
    qreal maximum = 0;
    // Bars run top to bottom in the order of the pools table.
    for (auto it = pools.rbegin(); it != pools.rend(); ++it) {
        const qreal size = decimal(it->sizeV4);
        const qreal used = decimal(it->assignedV4);
        const qreal available = decimal(it->availableV4);
        names << QString::fromStdString(it->name);
        values[0] << used;
        values[1] << available;
        values[2] << std::max<qreal>(0, size - used - available);
        maximum = std::max(maximum, size);
    }
    const QList<QBarSet *> sets = m_series->barSets();
    if (sets.size() == 3 && m_pools->categories() == names) {
        // The same pools: new counts only. Replacing the series makes the chart lay out its
        // axes and bars again, a third of what an edit of a 50-pool project cost the window.
        for (int set = 0; set < 3; ++set)
            for (int i = 0; i < names.size(); ++i)
                if (sets[set]->at(i) != values[set][i])
                    sets[set]->replace(i, values[set][i]);
    } else {
        m_series->clear();
        auto *assigned = new QBarSet(tr("Assigned"));
        auto *free = new QBarSet(tr("Free"));
        auto *avoided = new QBarSet(tr("Avoided"));
        assigned->setObjectName(QStringLiteral("assigned"));
        free->setObjectName(QStringLiteral("free"));
        avoided->setObjectName(QStringLiteral("avoided"));
        assigned->append(values[0]);
        free->append(values[1]);
        avoided->append(values[2]);
        m_series->append(QList<QBarSet *>{assigned, free, avoided});
        m_pools->clear();
        m_pools->append(names);
        applyPalette();
    }
    const qreal top = std::max<qreal>(1, maximum);
    if (top != m_maximum) {
        m_maximum = top;
        m_counts->setRange(0, top);
        m_counts->applyNiceNumbers();
    }
}

void PoolChartWidget::applyPalette()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    m_chart->setBackgroundBrush(base);
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setTitleBrush(text);
    m_chart->legend()->setLabelColor(text);
    for (auto *axis : {static_cast<QAbstractAxis *>(m_pools), static_cast<QAbstractAxis *>(m_counts)}) {
        axis->setLabelsColor(text);
        axis->setLinePenColor(TopologyStyle::mix(text, base, 0.6));
        axis->setGridLineColor(TopologyStyle::mix(text, base, 0.85));
    }
    const QColor pool = TopologyStyle::poolColor(0, pal);
    const QList<QBarSet *> sets = m_series->barSets();
    const QColor colours[] = {pool.darker(115), TopologyStyle::wash(pool, pal, 0.4),
        TopologyStyle::mix(text, base, 0.7)};
    for (int i = 0; i < sets.size() && i < 3; ++i) {
        sets[i]->setColor(colours[i]);
        sets[i]->setBorderColor(TopologyStyle::mix(text, base, 0.5));
        sets[i]->setLabelColor(text);
    }
}

void PoolChartWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

} // namespace k3snet
