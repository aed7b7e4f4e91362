// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/dataplane/applylog.h"

#include "agent/system/log.h"

namespace k3snet::agent {

void ApplyLog::changed(std::string line)
{
    log::info(line);
    changes.push_back(std::move(line));
}

void ApplyLog::failed(std::string line)
{
    log::error(line);
    errors.push_back(std::move(line));
}

} // namespace k3snet::agent
