// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace k3snet::agent {

// Whether nftables holds a table of this name in the ip family, asked of the kernel directly
// (an NFT_MSG_GETTABLE request on NETLINK_NETFILTER) instead of by starting `nft`, which costs
// milliseconds: the agent asks this at every start, to clean up after a backend switch.
enum class NftTablePresence { Absent, Present, Unknown };
NftTablePresence probeNftTable(const std::string &name);

} // namespace k3snet::agent
