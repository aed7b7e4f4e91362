// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/removel2advertisementcommand.h"

#include "document/findbyname.h"

namespace k3snet {

RemoveL2AdvertisementCommand::RemoveL2AdvertisementCommand(
    Document *document, const QString &name, QUndoCommand *parent)
    : ProjectEditCommand(document, tr("Remove L2 advertisement %1").arg(name), parent)
    , m_name(name.toStdString())
{
}

bool RemoveL2AdvertisementCommand::edit(model::Project &project)
{
    auto it = commands::findByName(project.l2Advertisements, m_name);
    if (it == project.l2Advertisements.end())
        return false;
    project.l2Advertisements.erase(it);
    return true;
}

} // namespace k3snet
