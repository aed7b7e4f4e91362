// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/advertisementscopedmodel.h"

#include "document/document.h"

namespace k3snet {

AdvertisementScopedModel::AdvertisementScopedModel(
    Document *document, int columnCount, QObject *parent)
    : DocumentTableModel(document, columnCount, parent)
{
}

void AdvertisementScopedModel::setAdvertisement(const QString &name)
{
    if (name == m_advertisement)
        return;
    m_advertisement = name;
    requestRefresh();
}

void AdvertisementScopedModel::refresh()
{
    const model::L2Advertisement *shown = nullptr;
    for (const auto &candidate : document()->project().l2Advertisements)
        if (QString::fromStdString(candidate.name) == m_advertisement)
            shown = &candidate;
    rebuild(shown);
}

} // namespace k3snet
