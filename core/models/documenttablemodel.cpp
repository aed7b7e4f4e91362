// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/documenttablemodel.h"

#include "document/document.h"

#include <QUndoStack>

#include <algorithm>
#include <utility>

namespace k3snet {

DocumentTableModel::DocumentTableModel(Document *document, int columnCount, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_columnCount(columnCount)
{
    Q_ASSERT(document);
    connect(document, &Document::projectChanged, this, &DocumentTableModel::requestRefresh);
}

DocumentTableModel::~DocumentTableModel() = default;

void DocumentTableModel::setSuspended(bool suspended)
{
    m_suspended = suspended;
    if (!suspended && std::exchange(m_stale, false))
        refresh();
}

void DocumentTableModel::requestRefresh()
{
    if (m_suspended) {
        if (!std::exchange(m_stale, true))
            becameStale();
    } else {
        refresh();
    }
}

int DocumentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int DocumentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columnCount;
}

QString DocumentTableModel::keyOfRow(int row) const
{
    return row >= 0 && row < m_keys.size() ? m_keys.at(row) : QString();
}

int DocumentTableModel::rowOfKey(const QString &key) const
{
    return int(m_keys.indexOf(key));
}

bool DocumentTableModel::restructure(
    const QStringList &keys, const std::function<void(const Span &)> &install)
{
    Span span;
    span.oldCount = int(m_keys.size());
    span.newCount = int(keys.size());
    const int common = std::min(span.oldCount, span.newCount);
    while (span.prefix < common && m_keys.at(span.prefix) == keys.at(span.prefix))
        ++span.prefix;
    int suffix = 0;
    while (suffix < common - span.prefix
        && m_keys.at(span.oldCount - 1 - suffix) == keys.at(span.newCount - 1 - suffix))
        ++suffix;
    const int added = span.newCount - span.oldCount;
    if (span.oldCount == span.newCount && span.prefix + suffix >= span.oldCount - 1) {
        span.kind = Span::Same; // the same objects in place, or one renamed where it stands
        install(span);
        m_keys = keys;
    } else if (span.prefix + suffix == span.oldCount) {
        span.kind = Span::Insert;
        beginInsertRows(QModelIndex(), span.prefix, span.prefix + added - 1);
        install(span);
        m_keys = keys;
        endInsertRows();
    } else if (span.prefix + suffix == span.newCount) {
        span.kind = Span::Remove;
        beginRemoveRows(QModelIndex(), span.prefix, span.prefix - added - 1);
        install(span);
        m_keys = keys;
        endRemoveRows();
    } else {
        span.kind = Span::Reset;
        beginResetModel();
        install(span);
        m_keys = keys;
        endResetModel();
        return false;
    }
    return true;
}

void DocumentTableModel::update(const QStringList &keys,
    const std::function<void(const Span &)> &install, const std::function<void()> &settle)
{
    const bool reset = !restructure(keys, [&](const Span &span) {
        install(span);
        if (span.kind == Span::Reset && settle)
            settle();
    });
    if (reset)
        return;
    if (settle)
        settle();
    // What the plan shows in the other rows (addresses, counts, announcers) may have changed.
    if (!m_keys.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_keys.size()) - 1, m_columnCount - 1));
}

bool DocumentTableModel::reject(const QModelIndex &index, const QString &reason)
{
    Q_EMIT editRejected(index, reason);
    return false;
}

void DocumentTableModel::push(QUndoCommand *command)
{
    m_document->undoStack()->push(command);
}

} // namespace k3snet
