// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/dataplane/nlptr.h"

#include <cstddef>
#include <functional>
#include <string>
#include <system_error>

namespace k3snet::agent {

// The agent's rtnetlink request socket (libnl): requests and dumps, with the kernel's own
// reason for a failure. libnl folds errno values into its own codes and drops the kernel's
// extended ACK text; an error callback keeps both, so a failed request can be reported as
// "Operation not supported (EOPNOTSUPP): <what the kernel said>".
class NetlinkSocket
{
public:
    NetlinkSocket() = default;
    NetlinkSocket(const NetlinkSocket &) = delete;
    NetlinkSocket &operator=(const NetlinkSocket &) = delete;

    std::error_code open();
    nl_sock *get() const { return m_sock.get(); }

    // Runs one libnl call that talks to the kernel (rtnl_link_add, rtnl_route_add, ...) and
    // returns its outcome as an errno code; lastError() then says why.
    template<class F> std::error_code call(F &&request)
    {
        begin();
        return finish(request(m_sock.get()));
    }

    // Dumps one kind of object (RTM_GETLINK/GETADDR/GETROUTE/GETNEIGH with the given request
    // header) and hands each object libnl parsed (attributes checked against libnl's
    // policies) to onObject. An interrupted dump (NLM_F_DUMP_INTR: the table changed while it
    // was read) fails with EINTR so that the caller can read everything again.
    using ObjectHandler = std::function<void(nl_object *)>;
    std::error_code dump(
        int type, const void *header, std::size_t headerLength, const ObjectHandler &onObject);

    // The reason of the last failure: errno text, symbolic name, and the kernel's message.
    const std::string &lastError() const { return m_lastError; }

private:
    void begin();
    std::error_code finish(int nlResult);
    static int onError(sockaddr_nl *who, nlmsgerr *err, void *arg);

    nl::SocketPtr m_sock;
    int m_kernelErrno = 0;
    std::string m_extAck;
    std::string m_lastError;
};

} // namespace k3snet::agent
