// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <vector>

class QUndoCommand;

namespace k3snet {

class Document;

// The common part of the table models over a Document: one row per object, identified by its
// stable key (objectkey.h). On Document::projectChanged a model rebuilds its rows and this base
// tells views as precisely as it can: same objects in place (or one renamed) -> dataChanged;
// one block of objects added or removed -> rowsInserted/rowsRemoved; anything else -> a reset.
// Edits never change the project directly: setData builds a command and pushes it.
class DocumentTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    ~DocumentTableModel() override;

    Document *document() const { return m_document; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;

    // The stable key of a row ("Node/node1"), or an empty string.
    QString keyOfRow(int row) const;
    // The row of the object with that key, or -1.
    int rowOfKey(const QString &key) const;

    // While suspended (its view is in a hidden tab or dock), the model keeps the rows it
    // shows, as it announced them, and does not follow the document: an edit that changes
    // 2,000 services' rows costs a hidden service table nothing. Resuming catches up with one
    // refresh, announced as any edit's.
    void setSuspended(bool suspended);
    bool isSuspended() const { return m_suspended; }

Q_SIGNALS:
    // setData refused an edit; reason says why, for the user.
    void editRejected(const QModelIndex &index, const QString &reason);

protected:
    DocumentTableModel(Document *document, int columnCount, QObject *parent);

    // Rebuilds the rows from the document; implementations call update() or updateRows().
    // Subclasses call it once in their constructor; the base calls it on every projectChanged
    // (through requestRefresh()).
    virtual void refresh() = 0;
    // refresh() now, or when the model is resumed if it is suspended.
    void requestRefresh();
    // Suspended, and the document changed since the rows were made: what data() reads from
    // the document rather than the rows (a long tooltip) no longer belongs to them.
    bool isStale() const { return m_stale; }
    // Called when a suspended model first misses a change of the document: a model whose
    // data() reads the document announces here what that changes (dataChanged).
    virtual void becameStale() { }

    // How the keys shown become the new keys: the same count (in place), one run inserted or
    // removed between a common prefix and suffix, or anything else (a reset).
    struct Span
    {
        enum Kind
        {
            Same,
            Insert,
            Remove,
            Reset
        } kind
            = Same;
        int prefix = 0;
        int oldCount = 0;
        int newCount = 0;
        bool movesRows() const { return kind == Insert || kind == Remove; }
    };
    // install(span) puts in the new rows, whose keys are keys; it runs between the begin and
    // end notification of the change span describes. When rows come or go, the rows that stay
    // should still show what they showed until the end notification (QAbstractItemModel's
    // contract): a model that can do so installs them that way and passes settle, which then
    // puts in their new content. dataChanged then announces every row.
    void update(const QStringList &keys, const std::function<void(const Span &)> &install,
        const std::function<void()> &settle = {});
    // update() for a model whose rows are a vector, in two steps where rows come or go:
    // first the rows that come or go, while the others still show what they showed, then the
    // rows whose content the edit changed, as one dataChanged from the first to the last of
    // them. Nothing at all when the keys and rows are the ones shown: most edits leave most
    // tables as they were (a pool edit, the nodes).
    template<typename Row>
    void updateRows(std::vector<Row> &current, std::vector<Row> &&rows, const QStringList &keys)
    {
        if (keys == m_keys && rows == current)
            return;
        const bool reset = !restructure(keys, [&](const Span &span) {
            const int added = span.newCount - span.oldCount;
            if (span.kind == Span::Insert)
                current.insert(current.begin() + span.prefix, rows.begin() + span.prefix,
                    rows.begin() + span.prefix + added);
            else if (span.kind == Span::Remove)
                current.erase(current.begin() + span.prefix, current.begin() + span.prefix - added);
            else if (span.kind == Span::Reset)
                current = std::move(rows);
        });
        if (reset)
            return;
        int first = -1, last = -1;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (rows[i] == current[i])
                continue;
            first = first < 0 ? int(i) : first;
            last = int(i);
        }
        current = std::move(rows);
        if (first >= 0)
            Q_EMIT dataChanged(index(first, 0), index(last, m_columnCount - 1));
    }

    // Whether index is a valid index of this table (an invalid one is not an error: views and
    // QAbstractItemModelTester pass them).
    bool isRowIndex(const QModelIndex &index) const
    {
        return index.isValid() && checkIndex(index, CheckIndexOption::ParentIsInvalid);
    }
    // Emits editRejected and returns false, for setData.
    bool reject(const QModelIndex &index, const QString &reason);
    // Pushes command on the document's undo stack (which owns it from then on).
    void push(QUndoCommand *command);

private:
    // Announces the change from the keys shown to keys, with install(span) between the begin
    // and end notifications; false after a reset, which leaves nothing more to announce.
    bool restructure(const QStringList &keys, const std::function<void(const Span &)> &install);

    QPointer<Document> m_document;
    int m_columnCount;
    QStringList m_keys;
    bool m_suspended = false;
    bool m_stale = false; // the document changed while suspended
};

} // namespace k3snet
