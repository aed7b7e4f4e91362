// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/model/node.h"

namespace k3snet::model {

const char *nodeRoleName(NodeRole r)
{
    return r == NodeRole::Server ? "server" : "agent";
}

} // namespace k3snet::model
