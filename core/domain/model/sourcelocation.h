// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <memory>
#include <string>

namespace k3snet::model {

// Where something came from: file and 1-based line:column. line 0 means "not from a file".
struct SourceLocation
{
    std::string file;
    int line = 0;
    int column = 0;

    bool isValid() const { return line > 0; }
    std::string toString() const; // "file:line:column", or "file" when there is no line
    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

// Locations of the objects and fields a project was read from, keyed by a stable path that
// names objects by name, not index: "network.clusterCIDR", "nodes/node1", "nodes/node1.lanIP",
// "pools/default.addresses[1]". Rules look up the most precise path they know.
//
// Copies share the locations until one of them changes (copy-on-write): every undo step of the
// app keeps two snapshots of the project, and a loaded file of 2,000 services has some 20,000
// locations, which made three quarters of each step's memory.
class SourceMap
{
public:
    void set(const std::string &path, SourceLocation loc) { own()[path] = std::move(loc); }
    // The location of path, or of its closest recorded parent ("nodes/node1.lanIP" falls back
    // to "nodes/node1"), or an invalid location.
    SourceLocation find(const std::string &path) const;
    bool isEmpty() const { return !m_locations || m_locations->empty(); }
    // Adds the locations of other (files merged into one project); other's win on a clash.
    void merge(const SourceMap &other)
    {
        if (other.isEmpty())
            return;
        if (isEmpty()) {
            m_locations = other.m_locations;
            return;
        }
        Locations &mine = own();
        for (const auto &[path, loc] : *other.m_locations)
            mine[path] = loc;
    }
    // Whether two maps share their locations (for tests of the sharing).
    bool sharesWith(const SourceMap &other) const
    {
        return m_locations && m_locations == other.m_locations;
    }

private:
    using Locations = std::map<std::string, SourceLocation>;
    Locations &own()
    {
        if (!m_locations)
            m_locations = std::make_shared<Locations>();
        else if (m_locations.use_count() > 1)
            m_locations = std::make_shared<Locations>(*m_locations);
        return *m_locations;
    }
    std::shared_ptr<Locations> m_locations;
};

} // namespace k3snet::model
