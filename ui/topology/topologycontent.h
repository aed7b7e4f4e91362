// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/plan/plan.h"
#include "domain/rules/diagnostic.h"
#include "topology/serviceipitem.h"

#include <QFont>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace k3snet {

class Document;

// What the plan puts in the topology besides the nodes themselves.
struct TopologyContent
{
    QString signature; // the nodes, the network and the font: unchanged, the scene may patch
    // By node name, in plan order; when not everything, only the touched nodes' lists.
    QHash<QString, ServiceIpItem::Infos> announced;
    ServiceIpItem::Infos pending;
    std::map<std::string, std::optional<rules::Severity>> nodeProblems;
    // Whether any node's chips may differ from the last collection, or only touchedNodes'.
    bool everything = true;
    QSet<QString> touchedNodes;
};

// Collects TopologyContent from a document, remembering each service's chips: after an edit
// that changed a few services (Document::lastChange()) only theirs are made again, and only
// the nodes that announced them before or do now are touched. An edit of 2,000 services'
// chips formatted thousands of strings the picture already had.
class TopologyContentCollector
{
public:
    // shownSignature: the signature of the nodes the scene shows, which it patches if the new
    // one is the same. Otherwise (or empty) the content lists every node's chips.
    TopologyContent collect(
        const Document &document, const QFont &font, const QString &shownSignature);
    // The next collect() makes every chip again.
    void forget() { m_services.clear(); }

private:
    struct Context
    {
        std::vector<std::string> pools, nodes, serviceNames;
        friend bool operator==(const Context &, const Context &) = default;
    };
    struct Chips
    {
        ServiceIpItem::Infos infos; // one per address; none for other services
        bool pending = false;
        int node = -1; // the announcer's index in m_context.nodes, unless pending
    };
    static Context contextOf(const plan::Plan &plan);
    // Every service's chips, and the names they share, from scratch (m_context is current).
    void remakeAll(
        const Document &document, const std::map<std::string, std::string> &notAnnouncedWhy);
    Chips chipsOf(std::size_t service, const Document &document,
        const std::map<std::string, std::string> &notAnnouncedWhy) const;
    // A node's index in m_context.nodes, or -1; its name as a QString shared by every chip
    // that names it (the announcer and the first fallbacks of 2,000 chips are 8,000 strings of
    // a hundred names).
    int nodeIndex(const std::string &name) const;
    QString nodeName(const std::string &name) const;

    Context m_context;
    quint64 m_generation = 0; // the document's at the last collect
    std::vector<Chips> m_services; // by the plan's service index
    std::map<std::string, int> m_poolIndex;
    QStringList m_nodeNames; // m_context.nodes as QStrings
    QStringList m_poolNames, m_poolKeys; // by pool index: the name, "IPAddressPool/<name>"
    std::map<std::string, int> m_nameCount;
};

} // namespace k3snet
