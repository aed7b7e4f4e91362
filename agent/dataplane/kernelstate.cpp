// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/dataplane/kernelstate.h"

#include <linux/neighbour.h>
#include <net/if.h>

namespace k3snet::agent {

bool LinkState::isUp() const
{
    return flags & IFF_UP;
}

std::string AddressState::toString() const
{
    return address.toString() + "/" + std::to_string(prefixLength);
}

std::string RouteState::toString(const std::string &device) const
{
    std::string text = dst.toString();
    if (gateway)
        text += " via " + gateway->toString();
    text += " dev " + device;
    if (onlink)
        text += " onlink";
    if (priority)
        text += " metric " + std::to_string(priority);
    return text;
}

bool NeighbourState::isPermanent() const
{
    return state & NUD_PERMANENT;
}

std::string NeighbourState::toString(const std::string &device) const
{
    // Appended piece by piece: GCC 12 at -O2 warns falsely (-Wrestrict, PR 105329) on
    // `"literal" + std::string` here.
    std::string text = dst.toString();
    text += " dev ";
    text += device;
    if (lladdr) {
        text += " lladdr ";
        text += lladdr->toString();
    }
    text += ' ';
    text += neighbourStateName(state);
    return text;
}

bool FdbState::isPermanent() const
{
    return state & NUD_PERMANENT;
}

std::string FdbState::toString(const std::string &device) const
{
    std::string text = mac.toString();
    text += " dev ";
    text += device;
    if (dst) {
        text += " dst ";
        text += dst->toString();
    }
    text += ' ';
    text += neighbourStateName(state);
    return text;
}

std::string neighbourStateName(std::uint16_t state)
{
    static const struct
    {
        std::uint16_t bit;
        const char *name;
    } names[] = {{NUD_INCOMPLETE, "incomplete"}, {NUD_REACHABLE, "reachable"}, {NUD_STALE, "stale"},
        {NUD_DELAY, "delay"}, {NUD_PROBE, "probe"}, {NUD_FAILED, "failed"}, {NUD_NOARP, "noarp"},
        {NUD_PERMANENT, "permanent"}};
    std::string text;
    for (const auto &n : names) {
        if (state & n.bit) {
            if (!text.empty())
                text += ',';
            text += n.name;
        }
    }
    return text.empty() ? "none" : text;
}

} // namespace k3snet::agent
