// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"
#include "domain/io/metallbimport.h"

#include <QCoreApplication>

namespace k3snet {

// Merges what an import read (io::importKubernetesYaml) into the project as one undo step:
// objects with the same kind and name replace the project's, the others are added. The merge
// runs when the command is built, so diagnostics() can be shown before (or without) pushing
// it; an import that changes nothing is dropped by the undo stack when pushed.
class ImportYamlCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportYamlCommand)

public:
    // source names what was imported in the undo text ("metallb.yaml").
    ImportYamlCommand(Document *document, const io::ImportResult &result, const QString &source,
        QUndoCommand *parent = nullptr);

    // What the merge says (object-replaced, endpoints-without-service, ...).
    const rules::Diagnostics &diagnostics() const { return m_diagnostics; }

private:
    rules::Diagnostics m_diagnostics;
};

} // namespace k3snet
