// SPDX-License-Identifier: GPL-3.0-or-later
#include "l2/labelchip.h"

#include "topology/topologystyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>

namespace k3snet {

LabelChip::LabelChip(const QString &text, QWidget *parent)
    : QWidget(parent)
    , m_text(text)
{
    setObjectName(QStringLiteral("labelChip"));
    setAccessibleName(tr("Label selector requirement %1").arg(text));
    m_label = new QLabel(text, this);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setFont(TopologyStyle::monoFont(font()));
    m_remove = new QToolButton(this);
    m_remove->setAutoRaise(true);
    m_remove->setText(QStringLiteral("×"));
    m_remove->setToolTip(tr("Remove %1").arg(text));
    m_remove->setAccessibleName(tr("Remove %1").arg(text));
    m_remove->setFocusPolicy(Qt::StrongFocus);
    const int side = m_label->sizeHint().height();
    m_remove->setFixedSize(side, side);
    connect(m_remove, &QToolButton::clicked, this, &LabelChip::removeRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 2, 2, 2);
    layout->setSpacing(2);
    layout->addWidget(m_label);
    layout->addWidget(m_remove);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void LabelChip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor accent = pal.color(QPalette::Highlight);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(QPen(TopologyStyle::mix(accent, pal.color(QPalette::Base), 0.35), 1));
    painter.setBrush(TopologyStyle::wash(accent, pal, 0.16));
    painter.drawRoundedRect(r, r.height() / 2, r.height() / 2);
}

} // namespace k3snet
