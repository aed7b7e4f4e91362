// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/announce/announcerchoice.h"

#include <algorithm>

namespace k3snet::agent {

namespace {

const MemberView *findMember(const std::vector<MemberView> &members, const std::string &name)
{
    const auto it = std::find_if(
        members.begin(), members.end(), [&name](const MemberView &m) { return m.name == name; });
    return it != members.end() ? &*it : nullptr;
}

bool isAlive(
    const std::vector<MemberView> &members, const std::string &name, const std::string &self)
{
    if (name == self)
        return true;
    const MemberView *m = findMember(members, name);
    return m && m->alive;
}

} // namespace

AnnouncerChoice chooseAnnouncer(const std::vector<std::string> &eligible, const std::string &self,
    const std::vector<MemberView> &members, bool settled)
{
    AnnouncerChoice c;
    const auto first = std::find_if(eligible.begin(), eligible.end(),
        [&](const std::string &name) { return isAlive(members, name, self); });
    if (first == eligible.end()) {
        c.why
            = eligible.empty() ? "no node is eligible to announce it" : "no eligible node is alive";
        return c;
    }
    c.announcer = *first;
    if (c.announcer != self)
        return c;
    // A live node ranked after this one may be announcing only while it hears none of the
    // nodes ranked before it (its heartbeat says whom it hears); wait until each has heard one.
    for (auto it = first + 1; it != eligible.end(); ++it) {
        if (*it == self || std::find(eligible.begin(), it, *it) != it)
            continue;
        const MemberView *m = findMember(members, *it);
        if (!m || !m->alive)
            continue;
        const bool hearsAnEarlierOne = std::any_of(eligible.begin(), it, [m](const std::string &n) {
            return std::find(m->reportedAlive.begin(), m->reportedAlive.end(), n)
                != m->reportedAlive.end();
        });
        if (!hearsAnEarlierOne)
            c.waitingFor.push_back(*it);
    }
    if (!settled) {
        c.selfWaits = true;
        c.why = "waiting until membership has heard every live peer";
    } else if (!c.waitingFor.empty()) {
        c.selfWaits = true;
        c.why = "waiting until the lower-ranked live nodes have heard this node";
    } else {
        c.selfAnnounces = true;
    }
    return c;
}

} // namespace k3snet::agent
