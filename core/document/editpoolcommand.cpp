// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/editpoolcommand.h"

#include "document/findbyname.h"
#include "domain/ipam/servicerequest.h"

namespace k3snet {

namespace {

QString describe(const QString &name, const model::IPAddressPool &pool)
{
    const QString newName = QString::fromStdString(pool.name);
    return newName == name ? EditPoolCommand::tr("Edit pool %1").arg(name)
                           : EditPoolCommand::tr("Rename pool %1 to %2").arg(name, newName);
}

// What names a pool: L2Advertisements' ipAddressPools and services' address-pool annotations
// (the current key and the deprecated one MetalLB still reads).
void renameReferences(model::Project &project, const std::string &from, const std::string &to)
{
    for (auto &ad : project.l2Advertisements)
        std::replace(ad.ipAddressPools.begin(), ad.ipAddressPools.end(), from, to);
    const std::string current = ipam::annotationAddressPool;
    const std::string deprecated
        = std::string(ipam::deprecatedAnnotationPrefix) + current.substr(current.find('/') + 1);
    for (auto &service : project.services) {
        for (const auto &key : {current, deprecated}) {
            auto it = service.annotations.find(key);
            if (it != service.annotations.end() && it->second == from)
                it->second = to;
        }
    }
}

} // namespace

EditPoolCommand::EditPoolCommand(
    Document *document, const QString &name, model::IPAddressPool pool, QUndoCommand *parent)
    : ProjectEditCommand(document, describe(name, pool), parent)
    , m_name(name.toStdString())
    , m_pool(std::move(pool))
{
}

bool EditPoolCommand::edit(model::Project &project)
{
    auto it = commands::findByName(project.pools, m_name);
    if (it == project.pools.end() || m_pool.name.empty())
        return false;
    if (m_pool.name != m_name) {
        if (commands::hasName(project.pools, m_pool.name))
            return false;
        renameReferences(project, m_name, m_pool.name);
    }
    *it = m_pool;
    return true;
}

} // namespace k3snet
