// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/l2advertisement.h"
#include "models/documenttablemodel.h"

namespace k3snet {

// A table of the project as one L2Advertisement sees it, for that advertisement's editor (its
// nodes, its pools, the announcers it makes). The editor suspends it while hidden.
class AdvertisementScopedModel : public DocumentTableModel
{
    Q_OBJECT

public:
    // The L2Advertisement shown (by name); empty or unknown: rebuild() gets none.
    void setAdvertisement(const QString &name);
    QString advertisement() const { return m_advertisement; }

protected:
    AdvertisementScopedModel(Document *document, int columnCount, QObject *parent);
    void refresh() final;
    // The rows for the advertisement shown, or for none (nullptr).
    virtual void rebuild(const model::L2Advertisement *advertisement) = 0;

private:
    QString m_advertisement;
};

} // namespace k3snet
