// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/io/yamlreader.h"
#include "domain/model/agentconfig.h"
#include "domain/model/sourcelocation.h"

#include <set>
#include <string>

namespace k3snet::io {

// The checks of an AgentConfig's content (the agent-* codes of agentconfig.h), reported into
// reader at the locations in sources. Fields whose path (or a section holding them) is in
// unread were not read and are not judged. Private to loadAgentConfigText.
void checkAgentConfig(YamlReader &reader, const model::SourceMap &sources,
    const std::set<std::string> &unread, const model::AgentConfig &config);

} // namespace k3snet::io
