// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/projecteditcommand.h"

#include "document/document.h"

namespace k3snet {

ProjectEditCommand::ProjectEditCommand(Document *document, model::Project before,
    model::Project after, const QString &text, const QString &mergeKey, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_before(std::make_shared<const model::Project>(std::move(before)))
    , m_after(std::make_shared<const model::Project>(std::move(after)))
{
    if (!mergeKey.isEmpty())
        setMerge(CommandId::Generic, mergeKey);
}

ProjectEditCommand::ProjectEditCommand(
    Document *document, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
{
}

ProjectEditCommand::~ProjectEditCommand() = default;

bool ProjectEditCommand::edit(model::Project &)
{
    return false;
}

void ProjectEditCommand::setMerge(CommandId id, const QString &key)
{
    m_id = id;
    m_mergeKey = key;
}

void ProjectEditCommand::setSnapshots(model::Project before, model::Project after)
{
    m_before = std::make_shared<const model::Project>(std::move(before));
    m_after = std::make_shared<const model::Project>(std::move(after));
}

void ProjectEditCommand::redo()
{
    if (!m_after) {
        m_before = m_document->snapshot();
        model::Project project = *m_before;
        if (!edit(project)) {
            setObsolete(true);
            return;
        }
        m_after = std::make_shared<const model::Project>(std::move(project));
    }
    if (*m_after == *m_before) {
        setObsolete(true);
        return;
    }
    m_document->applyProject(m_after);
}

void ProjectEditCommand::undo()
{
    // An obsolete command (inside a macro, where the stack keeps it) changed nothing.
    if (m_before && m_after && !isObsolete())
        m_document->applyProject(m_before);
}

int ProjectEditCommand::id() const
{
    return m_mergeKey.isEmpty() ? int(CommandId::None) : int(m_id);
}

bool ProjectEditCommand::mergeWith(const QUndoCommand *other)
{
    // Same id() means a ProjectEditCommand: every command with a merge id derives from it.
    const auto *next = static_cast<const ProjectEditCommand *>(other);
    if (next->m_document != m_document || next->m_mergeKey != m_mergeKey || !next->m_after)
        return false;
    m_after = next->m_after;
    if (m_before && *m_after == *m_before)
        setObsolete(true); // back where the gesture began: no undo step
    return true;
}

} // namespace k3snet
