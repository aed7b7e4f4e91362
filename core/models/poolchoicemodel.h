// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/advertisementscopedmodel.h"

#include <vector>

namespace k3snet {

// The pools as one L2Advertisement sees them, for its editor: checked when the advertisement
// names the pool (ipAddressPools), and whether it applies to the pool at all (by name, by its
// ipAddressPoolSelectors, or because it names no pool and selects every one). Names of pools
// that do not exist follow the real pools, so that they can be unchecked. Checking or
// unchecking a name pushes an EditL2AdvertisementCommand.
class PoolChoiceModel : public AdvertisementScopedModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn, // Qt::CheckStateRole: named by the advertisement; checkable
        AddressesColumn,
        AppliesColumn, // how the advertisement selects the pool, or "no"
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        ObjectKeyRole = Qt::UserRole + 1, // "IPAddressPool/name", any column
        AppliesRole, // bool: the advertisement applies to this pool, any column
        MissingRole, // bool: named by the advertisement, but no such pool exists
    };
    Q_ENUM(Role)

    explicit PoolChoiceModel(Document *document, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

protected:
    void rebuild(const model::L2Advertisement *advertisement) override;

private:
    struct Row
    {
        QString name;
        QString addresses;
        bool named = false;
        bool missing = false;
        bool applies = false;
        QString how;

        friend bool operator==(const Row &, const Row &) = default;
    };
    bool m_hasAdvertisement = false;
    std::vector<Row> m_rows;
};

} // namespace k3snet
