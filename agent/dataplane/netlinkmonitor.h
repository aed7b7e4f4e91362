// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/dataplane/nlptr.h"

#include <string>
#include <system_error>

namespace k3snet::agent {

// The rtnetlink event socket (libnl) the daemon's loop watches: links, IPv4 addresses and
// routes, neighbours and FDB entries. It only says whether something that concerns the data
// plane changed; the reconcile that follows reads the kernel itself. Messages not sent by the
// kernel (sender port != 0) are dropped, so no local process can steer the agent with forged
// notifications; every header is length-checked and attributes are parsed against a policy.
class NetlinkMonitor
{
public:
    // The objects whose events matter: by ifindex once they exist, by name before.
    struct Watch
    {
        int vxlan = 0;
        int bridge = 0;
        int underlay = 0;
        std::string vxlanName;
        std::string bridgeName;
        std::string underlayName;
    };

    struct Events
    {
        bool relevant = false;
        bool overflow = false; // ENOBUFS: events were lost, so everything must be re-read
        std::string first; // the first relevant event, for the log ("route deleted on flannel.1")
    };

    std::error_code open();
    int fd() const;
    void setWatch(Watch watch) { m_watch = std::move(watch); }
    // Reads what is queued (bounded per call; the loop calls again while the fd is readable).
    Events drain();

private:
    static int onMessage(nl_msg *msg, void *arg);
    void handle(const nlmsghdr *hdr);
    bool watchedLinkName(const nlmsghdr *hdr) const;
    void note(const std::string &what);

    nl::SocketPtr m_sock;
    Watch m_watch;
    Events m_events;
};

} // namespace k3snet::agent
