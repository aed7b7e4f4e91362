// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/addl2advertisementcommand.h"

#include "document/findbyname.h"

namespace k3snet {

AddL2AdvertisementCommand::AddL2AdvertisementCommand(
    Document *document, model::L2Advertisement advertisement, QUndoCommand *parent)
    : ProjectEditCommand(document,
        tr("Add L2 advertisement %1").arg(QString::fromStdString(advertisement.name)), parent)
    , m_advertisement(std::move(advertisement))
{
}

bool AddL2AdvertisementCommand::edit(model::Project &project)
{
    if (m_advertisement.name.empty()
        || commands::hasName(project.l2Advertisements, m_advertisement.name))
        return false;
    project.l2Advertisements.push_back(m_advertisement);
    return true;
}

} // namespace k3snet
