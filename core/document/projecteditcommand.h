// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/document.h"
#include "domain/model/project.h"

#include <QString>
#include <QUndoCommand>


namespace k3snet {

// The ids of commands that merge (QUndoCommand::id()); -1 for the others.
enum class CommandId : int
{
    None = -1,
    Generic = 0x6b330000, // ProjectEditCommand built with a merge key
    SetPoolAddresses,
};

// An undoable edit of a Document's project, kept as snapshots of the project before and after:
// undo and redo install a snapshot, so nothing ever points into the project and undo restores
// it exactly. Snapshots are shared (ProjectSnapshot) with the document and with the commands
// next to this one on the stack, not copied. Subclasses describe the edit by the stable names of its targets and apply it in
// edit(), which runs once, on the first redo, against the project as it then is. An edit that
// changes nothing (or finds no target) leaves the command obsolete, and QUndoStack drops it.
//
// Commands with the same id() and merge key merge: the first keeps its "before" and takes the
// later one's "after", so a gesture's intermediate updates make one undo step (and a gesture
// that ends where it started makes none).
class ProjectEditCommand : public QUndoCommand
{
public:
    // A ready-made edit from before to after. mergeKey non-empty: merges with the next
    // ProjectEditCommand of the same key (id() == CommandId::Generic).
    ProjectEditCommand(Document *document, model::Project before, model::Project after,
        const QString &text, const QString &mergeKey = QString(), QUndoCommand *parent = nullptr);
    ~ProjectEditCommand() override;

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    Document *document() const { return m_document; }
    QString mergeKey() const { return m_mergeKey; }

protected:
    // For subclasses, which implement edit().
    ProjectEditCommand(Document *document, const QString &text, QUndoCommand *parent = nullptr);

    // Changes project (the document's current one, copied); returns false when the target is
    // not found or the edit cannot be made, which leaves the project untouched.
    virtual bool edit(model::Project &project);
    void setMerge(CommandId id, const QString &key);
    // For subclasses that compute the edit up front, in their constructor: edit() is not called.
    void setSnapshots(model::Project before, model::Project after);

private:
    Document *m_document;
    ProjectSnapshot m_before;
    ProjectSnapshot m_after;
    CommandId m_id = CommandId::None;
    QString m_mergeKey;
};

} // namespace k3snet
