// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/model/sourcelocation.h"

namespace k3snet::model {

std::string SourceLocation::toString() const
{
    if (line <= 0)
        return file;
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

SourceLocation SourceMap::find(const std::string &path) const
{
    if (!m_locations)
        return {};
    std::string p = path;
    while (!p.empty()) {
        if (auto it = m_locations->find(p); it != m_locations->end())
            return it->second;
        auto cut = p.find_last_of(".[");
        if (cut == std::string::npos)
            break;
        p.resize(cut);
    }
    return {};
}

} // namespace k3snet::model
