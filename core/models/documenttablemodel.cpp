// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/documenttablemodel.h"

#include "document/document.h"

#include <QUndoStack>

#include <algorithm>

namespace k3snet {

DocumentTableModel::DocumentTableModel(Document *document, int columnCount, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_columnCount(columnCount)
{
    Q_ASSERT(document);
    connect(document, &Document::projectChanged, this, [this] { refresh(); });
}

DocumentTableModel::~DocumentTableModel() = default;

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

DocumentTableModel::Span DocumentTableModel::spanTo(const QStringList &keys) const
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
    if (span.oldCount == span.newCount && span.prefix + suffix >= span.oldCount - 1)
        span.kind = Span::Same;
    else if (span.prefix + suffix == span.oldCount)
        span.kind = Span::Insert;
    else if (span.prefix + suffix == span.newCount)
        span.kind = Span::Remove;
    else
        span.kind = Span::Reset;
    return span;
}

void DocumentTableModel::update(const QStringList &keys, const std::function<void()> &install,
    const std::function<void()> &settle)
{
    const Span span = spanTo(keys);
    const int newCount = span.newCount;
    const auto changedAll = [&] {
        if (newCount > 0)
            Q_EMIT dataChanged(index(0, 0), index(newCount - 1, m_columnCount - 1));
    };
    switch (span.kind) {
    case Span::Same: // same objects in the same places, or one of them renamed where it stands
        install();
        if (settle)
            settle();
        m_keys = keys;
        changedAll();
        return;
    case Span::Insert:
        beginInsertRows(QModelIndex(), span.prefix, span.prefix + newCount - span.oldCount - 1);
        install();
        m_keys = keys;
        endInsertRows();
        if (settle)
            settle();
        break;
    case Span::Remove:
        beginRemoveRows(QModelIndex(), span.prefix, span.prefix + span.oldCount - newCount - 1);
        install();
        m_keys = keys;
        endRemoveRows();
        if (settle)
            settle();
        break;
    case Span::Reset:
        beginResetModel();
        install();
        if (settle)
            settle();
        m_keys = keys;
        endResetModel();
        return;
    }
    // What the plan shows in the other rows (addresses, counts, announcers) may have changed.
    // (Models with a vector of rows use updateRows(), which keeps them as they were across the
    // insertion and announces the changed ones after.)
    changedAll();
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
