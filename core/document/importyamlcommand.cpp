// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/importyamlcommand.h"

#include "document/document.h"

namespace k3snet {

ImportYamlCommand::ImportYamlCommand(
    Document *document, const io::ImportResult &result, const QString &source, QUndoCommand *parent)
    : ProjectEditCommand(document, tr("Import %1").arg(source), parent)
{
    model::Project project = document->project();
    io::mergeImport(project, result, m_diagnostics);
    setSnapshots(document->project(), std::move(project));
}

} // namespace k3snet
