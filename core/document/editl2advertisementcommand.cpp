// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/editl2advertisementcommand.h"

#include "document/findbyname.h"

namespace k3snet {

namespace {
QString describe(const QString &name, const model::L2Advertisement &advertisement)
{
    const QString newName = QString::fromStdString(advertisement.name);
    return newName == name
        ? EditL2AdvertisementCommand::tr("Edit L2 advertisement %1").arg(name)
        : EditL2AdvertisementCommand::tr("Rename L2 advertisement %1 to %2").arg(name, newName);
}
} // namespace

EditL2AdvertisementCommand::EditL2AdvertisementCommand(Document *document, const QString &name,
    model::L2Advertisement advertisement, QUndoCommand *parent)
    : ProjectEditCommand(document, describe(name, advertisement), parent)
    , m_name(name.toStdString())
    , m_advertisement(std::move(advertisement))
{
}

bool EditL2AdvertisementCommand::edit(model::Project &project)
{
    auto it = commands::findByName(project.l2Advertisements, m_name);
    if (it == project.l2Advertisements.end() || m_advertisement.name.empty())
        return false;
    if (m_advertisement.name != m_name
        && commands::hasName(project.l2Advertisements, m_advertisement.name))
        return false;
    *it = m_advertisement;
    return true;
}

} // namespace k3snet
