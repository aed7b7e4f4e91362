// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace k3snet::agent {

// One member as membership sees it, reduced to what the choice needs.
struct MemberView
{
    std::string name;
    bool alive = false;
    std::vector<std::string> reportedAlive; // whom that member said it hears
};

// Who announces one service IP, as this node sees it, and whether this node may start now.
struct AnnouncerChoice
{
    std::string announcer; // the first eligible node that is alive; "" when none is
    bool selfAnnounces = false; // this node answers for the IP now
    bool selfWaits = false; // this node is the announcer but must not start yet
    std::vector<std::string> waitingFor; // live lower-ranked nodes that may still announce
    std::string why; // when selfWaits or there is no announcer: the reason, for status
};

// MetalLB's rule (metallb.md §4.1) over the membership: eligible is in election order (the
// core/domain announcer ranking), the first live one announces. Two announcers at once are
// avoided on a return: this node, the first live one, starts only once membership has settled
// (it had the time to hear every live peer) and no live node ranked after it may still believe
// itself first, i.e. each reports hearing some node ranked before it (this one, say), so
// whichever of them announced until now has seen that and stopped.
AnnouncerChoice chooseAnnouncer(const std::vector<std::string> &eligible, const std::string &self,
    const std::vector<MemberView> &members, bool settled);

} // namespace k3snet::agent
