// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/advertisementscopedmodel.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
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
        AnnouncerRole, // the announcer's name, or empty when nobody announces; any column
    };
    Q_ENUM(Role)

    explicit AnnouncerPreviewModel(Document *document, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    void rebuild(const model::L2Advertisement *advertisement) override;

private:
    // What one service of the plan contributes: a row per address it has, if the
    // advertisement shown applies to it.
    struct ServiceRows
    {
        QString serviceKey;
        QString service;
        QString pool;
        // The announcer first, then the fallbacks: as the plan has them, made QStrings only
        // when a view asks (every node is a fallback: 100 names for each of 2,000 addresses).
        std::vector<std::string> ranked;
        QString reason; // why nobody announces, when ranked is empty
        QStringList addresses;
        QStringList keys; // one per address
    };
    ServiceRows rowsOf(std::size_t service, const model::L2Advertisement &ad) const;
    // The rows of these services (with their indices), made on every core.
    std::vector<std::pair<std::size_t, ServiceRows>> rowsOf(
        const std::vector<std::size_t> &indices, const model::L2Advertisement &ad) const;
    static QStringList rankedNames(const ServiceRows &rows);
    // After an edit that changed a few services (Document::lastChange()), for the same
    // advertisement: redoes only their rows. False when it cannot.
    bool rebuildChanged(const model::L2Advertisement &ad, quint64 generationBefore);

    // While rows come or go (DocumentTableModel::update()), the rows that stay still show
    // their previous content: m_rows then points into m_previous where m_fromPrevious says so.
    // Sets that up for the new rows (m_rows still the previous ones, m_previous their storage).
    void pointAtPrevious(
        const std::vector<std::pair<std::uint32_t, std::uint32_t>> &rows, const QStringList &keys);

    std::vector<ServiceRows> m_services; // by the plan's service index
    // Each row: its service (index into m_services) and which of its addresses.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_rows;
    std::vector<ServiceRows> m_previous; // see pointAtPrevious()
    std::vector<bool> m_fromPrevious;
    std::optional<model::L2Advertisement> m_shown; // the advertisement the rows were made for
    quint64 m_generation = 0; // the document's, when the rows were made
};

} // namespace k3snet
