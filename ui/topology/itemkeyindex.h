// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace k3snet {

class TopologyItem;

// The topology's items by object key ("Pool/web", "Service/default/traefik", ...), in the order
// they were added. A key like a pool's has hundreds of chips, and a pool edit re-keys most of
// them: a QMultiHash removes (key, item) by walking the key's chain of nodes, one cache miss
// each, which made the re-keying a fifth of an edit's scene patch at 2,000 services. A
// contiguous list per key is scanned in a fraction of that and keeps the order for free.
class ItemKeyIndex
{
public:
    void insert(const QString &key, TopologyItem *item) { m_byKey[key].append(item); }
    void remove(const QString &key, TopologyItem *item)
    {
        auto it = m_byKey.find(key);
        if (it == m_byKey.end())
            return;
        it->removeOne(item);
        if (it->isEmpty())
            m_byKey.erase(it);
    }
    void clear() { m_byKey.clear(); }

    // In the order of insertion.
    QList<TopologyItem *> values(const QString &key) const { return m_byKey.value(key); }

private:
    QHash<QString, QList<TopologyItem *>> m_byKey;
};

} // namespace k3snet
