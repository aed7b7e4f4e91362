// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/deferreddisposal.h"

#include <QCoreApplication>
#include <QEvent>

namespace k3snet {

namespace {

// Posted below the priority of a window's update request (Qt::LowEventPriority), so that it
// comes after the repaint the edit asked for.
const QEvent::Type disposeEvent = QEvent::Type(QEvent::registerEventType());
constexpr int afterRepaintPriority = Qt::LowEventPriority - 1;
constexpr std::size_t maxBatches = 4;

} // namespace

DeferredDisposal::DeferredDisposal(QObject *parent)
    : QObject(parent)
{
}

DeferredDisposal::~DeferredDisposal() = default;

void DeferredDisposal::keep(std::shared_ptr<void> batch)
{
    if (m_kept.size() >= maxBatches)
        m_kept.erase(m_kept.begin());
    m_kept.push_back(std::move(batch));
    if (m_kept.size() == 1)
        QCoreApplication::postEvent(this, new QEvent(disposeEvent), afterRepaintPriority);
}

bool DeferredDisposal::event(QEvent *event)
{
    if (event->type() != disposeEvent)
        return QObject::event(event);
    m_kept.clear();
    return true;
}

} // namespace k3snet
