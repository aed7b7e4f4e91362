// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/poolchoicemodel.h"

#include "document/document.h"
#include "document/editl2advertisementcommand.h"
#include "domain/election/announcer.h"
#include "models/objectkey.h"

#include <algorithm>

namespace k3snet {

PoolChoiceModel::PoolChoiceModel(Document *document, QObject *parent)
    : AdvertisementScopedModel(document, ColumnCount, parent)
{
    refresh();
}

void PoolChoiceModel::rebuild(const model::L2Advertisement *ad)
{
    const auto &project = document()->project();
    m_hasAdvertisement = ad != nullptr;

    std::vector<Row> rows;
    QStringList keys;
    for (const auto &pool : project.pools) {
        Row row;
        row.name = QString::fromStdString(pool.name);
        QStringList addresses;
        for (const auto &entry : pool.addresses)
            addresses << QString::fromStdString(entry);
        row.addresses = addresses.join(QLatin1String(", "));
        if (ad) {
            row.named = std::find(ad->ipAddressPools.begin(), ad->ipAddressPools.end(), pool.name)
                != ad->ipAddressPools.end();
            row.applies = election::advertisementSelectsPool(*ad, pool.name, &pool);
            if (row.named)
                row.how = tr("by name");
            else if (row.applies && ad->ipAddressPools.empty()
                && ad->ipAddressPoolSelectors.empty())
                row.how = tr("every pool");
            else if (row.applies)
                row.how = tr("by its labels");
            else
                row.how = tr("no");
        }
        rows.push_back(std::move(row));
        keys << objectkey::pool(pool.name);
    }
    if (ad) {
        for (const auto &name : ad->ipAddressPools) {
            if (project.findPool(name) || keys.contains(objectkey::pool(name)))
                continue;
            Row row;
            row.name = QString::fromStdString(name);
            row.named = row.missing = true;
            row.how = tr("no such pool");
            rows.push_back(std::move(row));
            keys << objectkey::pool(name);
        }
    }
    updateRows(m_rows, std::move(rows), keys);
}

QVariant PoolChoiceModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(index))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case ObjectKeyRole:
        return keyOfRow(index.row());
    case AppliesRole:
        return row.applies;
    case MissingRole:
        return row.missing;
    case Qt::CheckStateRole:
        if (index.column() == NameColumn && m_hasAdvertisement)
            return row.named ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return row.name;
        case AddressesColumn:
            return row.addresses;
        case AppliesColumn:
            return row.how;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (row.missing)
            return tr("The advertisement names “%1”, but there is no such pool.").arg(row.name);
        break;
    default:
        break;
    }
    return {};
}

QVariant PoolChoiceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Pool");
    case AddressesColumn:
        return tr("Addresses");
    case AppliesColumn:
        return tr("Advertised");
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags PoolChoiceModel::flags(const QModelIndex &index) const
{
    if (!isRowIndex(index))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn && m_hasAdvertisement)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool PoolChoiceModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isRowIndex(index) || index.column() != NameColumn || role != Qt::CheckStateRole)
        return false;
    const auto &project = document()->project();
    const std::string adName = advertisement().toStdString();
    auto it = std::find_if(project.l2Advertisements.begin(), project.l2Advertisements.end(),
        [&](const model::L2Advertisement &ad) { return ad.name == adName; });
    if (it == project.l2Advertisements.end())
        return reject(index, tr("There is no L2 advertisement %1.").arg(advertisement()));
    const bool check = Qt::CheckState(value.toInt()) == Qt::Checked;
    const std::string pool = m_rows[std::size_t(index.row())].name.toStdString();
    model::L2Advertisement ad = *it;
    auto &pools = ad.ipAddressPools;
    const bool named = std::find(pools.begin(), pools.end(), pool) != pools.end();
    if (check == named)
        return true;
    if (check)
        pools.push_back(pool);
    else
        pools.erase(std::remove(pools.begin(), pools.end(), pool), pools.end());
    auto *command = new EditL2AdvertisementCommand(document(), advertisement(), std::move(ad));
    const QString poolName = QString::fromStdString(pool);
    command->setText(check ? tr("Advertise pool %1 in %2").arg(poolName, advertisement())
                           : tr("Stop advertising pool %1 in %2").arg(poolName, advertisement()));
    push(command);
    return true;
}

} // namespace k3snet
