// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/advertisementscopedmodel.h"

#include <string>
#include <vector>

namespace k3snet {

// The preview of one L2Advertisement: every LoadBalancer address from a pool the advertisement
// applies to (for a service it applies to), with the node that announces it and the ones that
// take over, in order. The ranking is the plan's, which the shared election function
// (election::electAnnouncer, the same the node agents run) computed; when nobody announces an
// address, the election's reason is shown. Read-only.
class AnnouncerPreviewModel : public AdvertisementScopedModel
{
    Q_OBJECT

public:
    enum Column
    {
        AddressColumn,
        ServiceColumn,
        PoolColumn,
        AnnouncerColumn,
        FallbacksColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        ObjectKeyRole = Qt::UserRole + 1, // "Service/ns/name", any column
        AnnouncerKeyRole, // "Node/name" of the announcer, or empty; any column
        RankedNodesRole, // QStringList: announcer first, then the fallbacks; any column
    };
    Q_ENUM(Role)

    explicit AnnouncerPreviewModel(Document *document, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    void rebuild(const model::L2Advertisement *advertisement) override;

private:
    struct Row
    {
        QString serviceKey;
        QString address;
        QString service;
        QString pool;
        // The announcer first, then the fallbacks: as the plan has them, made QStrings only
        // when a view asks (every node is a fallback: 100 names for each of 2,000 addresses).
        std::vector<std::string> ranked;
        QString reason; // why nobody announces, when ranked is empty
    };
    static QStringList rankedNames(const Row &row);
    std::vector<Row> m_rows;
};

} // namespace k3snet
