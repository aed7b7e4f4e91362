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

void DocumentTableModel::update(const QStringList &keys, const std::function<void()> &install)
{
    const int oldCount = int(m_keys.size());
    const int newCount = int(keys.size());
    const int common = std::min(oldCount, newCount);
    int prefix = 0;
    while (prefix < common && m_keys.at(prefix) == keys.at(prefix))
        ++prefix;
    int suffix = 0;
    while (suffix < common - prefix
        && m_keys.at(oldCount - 1 - suffix) == keys.at(newCount - 1 - suffix))
        ++suffix;

    const auto changedAll = [&] {
        if (newCount > 0)
            Q_EMIT dataChanged(index(0, 0), index(newCount - 1, m_columnCount - 1));
    };
    // Same objects in the same places, or one of them renamed where it stands.
    if (oldCount == newCount && prefix + suffix >= oldCount - 1) {
        install();
        m_keys = keys;
        changedAll();
        return;
    }
    if (prefix + suffix == oldCount) {
        beginInsertRows(QModelIndex(), prefix, newCount - suffix - 1);
        install();
        m_keys = keys;
        endInsertRows();
    } else if (prefix + suffix == newCount) {
        beginRemoveRows(QModelIndex(), prefix, oldCount - suffix - 1);
        install();
        m_keys = keys;
        endRemoveRows();
    } else {
        beginResetModel();
        install();
        m_keys = keys;
        endResetModel();
        return;
    }
    // What the plan shows in the other rows (addresses, counts, announcers) may have changed.
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
