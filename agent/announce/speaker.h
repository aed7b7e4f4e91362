// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/announce/announcerchoice.h"
#include "agent/announce/announcesettings.h"
#include "agent/announce/l2frame.h"
#include "agent/announce/linkinfo.h"
#include "agent/announce/responder.h"
#include "agent/status/announcestatus.h"
#include "agent/system/eventloop.h"
#include "agent/system/timer.h"
#include "domain/model/agentconfig.h"
#include "domain/net/address.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace k3snet::agent {

class Membership;

// The L2 speaker of k3snet-agent: for each service IP of the AgentConfig it elects the
// announcer from the membership (chooseAnnouncer), and when that is this node it probes for
// the address (RFC 5227, not on a takeover from a dead node), answers ARP and NDP for it on
// its interfaces, and sends gratuitous ARP / unsolicited advertisements at once and then on
// the schedule. A station outside the cluster that claims the address (its MAC is none of the
// cluster's) is not fought: this node stops answering for that address and reports the
// conflict. Runs in the daemon's event loop: one packet socket per interface and one timer.
class Speaker : private ResponderEvents
{
public:
    using Clock = std::chrono::steady_clock;

    Speaker(EventLoop &loop, AnnounceSettings settings);
    ~Speaker() override;
    Speaker(const Speaker &) = delete;
    Speaker &operator=(const Speaker &) = delete;

    std::error_code open();
    // Called when what `status` shows changed (the daemon rewrites the status file soon).
    void setChangeHandler(std::function<void()> onChange) { m_onChange = std::move(onChange); }

    // New timing: it applies to every deadline set from now on (the next gratuitous ARP, probe,
    // recheck or announcement); deadlines already set keep their time.
    void setSettings(const AnnounceSettings &settings) { m_settings = settings; }
    const AnnounceSettings &settings() const { return m_settings; }
    // The service IPs, interfaces and peers of config; addresses that stay keep their state.
    void configure(const model::AgentConfig &config);
    // The membership to elect with, or null with the reason it could not start.
    void setMembership(const Membership *membership, std::string error);
    // The membership's alive set or reports changed: elect again.
    void onMembershipEvent();
    // Reads every interface again (the daemon calls it after netlink events, a timer does too).
    void rescanInterfaces();
    // SIGTERM: stop answering at once and for good, close the sockets.
    void shutdown();

    AnnounceStatus status() const;

private:
    enum class Phase
    {
        Standby,
        Waiting,
        Probing,
        Announcing,
        Conflict,
        Unusable
    };
    static const char *phaseName(Phase phase);

    struct ConflictRecord
    {
        l2::Mac mac{};
        std::string interface;
        ClaimKind kind = ClaimKind::ArpSender;
        std::string firstSeen;
        std::string lastSeen;
        bool active = true;
    };

    // One service IP and what this node does about it.
    struct Target
    {
        net::Address ip;
        std::uint32_t v4 = 0;
        l2::Ip6 v6{};
        std::vector<std::string> services;
        std::vector<std::string> eligible;
        std::vector<std::string> interfaces;
        bool selfEligible = false;
        std::string problem; // the configuration's, e.g. services that disagree

        AnnouncerChoice choice;
        std::string lastOther; // the last node other than this one seen as the announcer
        Phase phase = Phase::Standby;
        Clock::time_point since{};
        std::string sinceText;
        bool takeover = false;
        int probesSent = 0;
        Clock::time_point nextProbe{};
        Clock::time_point nextGarp{};
        Clock::time_point garpUntil{};
        std::string lastGratuitous;
        std::uint64_t gratuitousSent = 0;
        Clock::time_point nextRecheck{};
        std::vector<ConflictRecord> conflicts;

        bool isV6() const { return !ip.isV4(); }
        bool active() const
        {
            return phase == Phase::Probing || phase == Phase::Announcing
                || phase == Phase::Conflict;
        }
    };

    // One interface answered on.
    struct Port
    {
        std::unique_ptr<Responder> responder; // null while the interface cannot be used
        std::optional<LinkInfo> link;
        std::string problem;
    };

    // ResponderEvents (from the receive path)
    void onClaim(int ifindex, bool isV6, const std::uint8_t *ip, const l2::Mac &mac,
        ClaimKind kind) override;
    void onPeerSeen(bool isV6, const std::uint8_t *ip, const l2::Mac &mac) override;

    // speaker.cpp: election and the per-address state machine
    void elect();
    void enter(Target &t, Phase phase, Clock::time_point now);
    void startAnnouncing(Target &t, Clock::time_point now, bool takeover);
    void tick();
    void runSchedules(Clock::time_point now);
    void armTimer(Clock::time_point now);
    std::vector<MemberView> memberViews() const;
    bool isAlive(const std::string &name) const;
    void changed();

    // speakerports.cpp: interfaces, sockets, watched addresses, cluster MACs
    void syncPorts();
    void closePort(Port &port);
    void rebuildWatched();
    std::vector<Responder *> usableResponders(const Target &t, std::string *why = nullptr) const;
    void sendGratuitous(Target &t, Clock::time_point now);
    void sendProbes(Target &t);
    bool isClusterMac(const l2::Mac &mac);
    void refreshNeighbourMacs();
    Target *findTarget(bool isV6, const std::uint8_t *ip);

    EventLoop &m_loop;
    AnnounceSettings m_settings;
    std::function<void()> m_onChange;
    Timer m_timer;
    const Membership *m_membership = nullptr;
    std::string m_error;
    bool m_shutdown = false;

    std::string m_self;
    std::string m_uplink;
    std::vector<Target> m_targets; // sorted by ip
    std::map<std::string, Port> m_ports; // by interface name
    std::vector<MemberView> m_members; // as of the last election
    bool m_settled = false;
    Clock::time_point m_nextRescan{};
    Clock::time_point m_lastNeighbourRead{};

    std::set<l2::Mac> m_ownMacs; // every interface of this node, and its VTEP
    std::set<l2::Mac> m_peerMacs; // the peers' VTEPs and the uplink MACs learned
    std::map<net::Address, std::string> m_peerByAddress; // peer LAN IP -> name
    std::set<std::pair<net::Address, l2::Mac>> m_peerNoted; // logged "cluster node claims"
};

} // namespace k3snet::agent
