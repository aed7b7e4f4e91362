// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/dataplane/netlinksocket.h"

#include "agent/system/errors.h"

#include <cerrno>
#include <cstring>

#include <linux/netlink.h>
#include <netlink/errno.h>
#include <sys/socket.h>

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

namespace k3snet::agent {

namespace {

int errnoOfNlError(int nlErr)
{
    switch (-nlErr) {
    case NLE_NOMEM:
        return ENOMEM;
    case NLE_DUMP_INTR:
        return EINTR;
    case NLE_OBJ_NOTFOUND:
        return ENOENT;
    case NLE_NODEV:
        return ENODEV;
    case NLE_EXIST:
        return EEXIST;
    case NLE_OPNOTSUPP:
        return EOPNOTSUPP;
    case NLE_AGAIN:
        return EAGAIN;
    case NLE_PERM:
        return EPERM;
    case NLE_BUSY:
        return EBUSY;
    case NLE_INVAL:
        return EINVAL;
    default:
        return EIO;
    }
}

// The kernel's extended ACK message (NLMSGERR_ATTR_MSG) of an error reply, or "". Every
// offset is checked against the reply's length before it is read.
std::string extAckMessage(const nlmsgerr *err)
{
    const auto *hdr
        = reinterpret_cast<const nlmsghdr *>(reinterpret_cast<const char *>(err) - NLMSG_HDRLEN);
    if (!(hdr->nlmsg_flags & NLM_F_ACK_TLVS) || hdr->nlmsg_len < NLMSG_HDRLEN + sizeof(nlmsgerr))
        return {};
    const std::size_t payload = hdr->nlmsg_len - NLMSG_HDRLEN;
    std::size_t off = sizeof(nlmsgerr);
    if (!(hdr->nlmsg_flags & NLM_F_CAPPED)) {
        if (err->msg.nlmsg_len < NLMSG_HDRLEN)
            return {};
        off += NLMSG_ALIGN(err->msg.nlmsg_len - NLMSG_HDRLEN);
    }
    const char *base = reinterpret_cast<const char *>(err);
    while (off + NLA_HDRLEN <= payload) {
        nlattr attr;
        std::memcpy(&attr, base + off, sizeof attr);
        if (attr.nla_len < NLA_HDRLEN || off + attr.nla_len > payload)
            break;
        if ((attr.nla_type & NLA_TYPE_MASK) == NLMSGERR_ATTR_MSG && attr.nla_len > NLA_HDRLEN) {
            const char *text = base + off + NLA_HDRLEN;
            return std::string(text, ::strnlen(text, attr.nla_len - NLA_HDRLEN));
        }
        off += NLA_ALIGN(attr.nla_len);
    }
    return {};
}

struct DumpContext
{
    const NetlinkSocket::ObjectHandler *handler;
};

void onParsedObject(nl_object *object, void *arg)
{
    (*static_cast<DumpContext *>(arg)->handler)(object);
}

int onValidMessage(nl_msg *msg, void *arg)
{
    // Messages libnl has no parser for, or that fail its attribute policies, are skipped.
    nl_msg_parse(msg, onParsedObject, arg);
    return NL_OK;
}

} // namespace

std::error_code NetlinkSocket::open()
{
    m_sock.reset(nl_socket_alloc());
    if (!m_sock)
        return errnoCode(ENOMEM);
    if (int err = nl_connect(m_sock.get(), NETLINK_ROUTE); err < 0) {
        const std::error_code ec = errnoCode(errnoOfNlError(err));
        m_lastError = std::string("cannot open an rtnetlink socket: ") + nl_geterror(err);
        m_sock.reset();
        return ec;
    }
    const int one = 1;
    // Best effort: kernels before 4.12 have no extended ACKs, and then the errno says enough.
    ::setsockopt(nl_socket_get_fd(m_sock.get()), SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof one);
    nl_socket_modify_err_cb(m_sock.get(), NL_CB_CUSTOM, &NetlinkSocket::onError, this);
    return {};
}

int NetlinkSocket::onError(sockaddr_nl *, nlmsgerr *err, void *arg)
{
    auto *self = static_cast<NetlinkSocket *>(arg);
    self->m_kernelErrno = -err->error;
    self->m_extAck = extAckMessage(err);
    // NL_STOP: libnl returns its code for this errno, which finish() replaces by ours.
    return NL_STOP;
}

void NetlinkSocket::begin()
{
    m_kernelErrno = 0;
    m_extAck.clear();
    m_lastError.clear();
}

std::error_code NetlinkSocket::finish(int nlResult)
{
    if (nlResult >= 0)
        return {};
    const int err = m_kernelErrno > 0 ? m_kernelErrno : errnoOfNlError(nlResult);
    m_lastError = m_kernelErrno > 0 ? errnoText(err) : std::string(nl_geterror(nlResult));
    if (!m_extAck.empty())
        m_lastError += ": " + m_extAck;
    return errnoCode(err);
}

std::error_code NetlinkSocket::dump(
    int type, const void *header, std::size_t headerLength, const ObjectHandler &onObject)
{
    begin();
    int err
        = nl_send_simple(m_sock.get(), type, NLM_F_DUMP, const_cast<void *>(header), headerLength);
    if (err < 0)
        return finish(err);
    nl::CbPtr base(nl_socket_get_cb(m_sock.get()));
    nl::CbPtr cb(nl_cb_clone(base.get()));
    if (!cb)
        return finish(-NLE_NOMEM);
    DumpContext context{&onObject};
    nl_cb_set(cb.get(), NL_CB_VALID, NL_CB_CUSTOM, onValidMessage, &context);
    err = nl_recvmsgs(m_sock.get(), cb.get());
    return finish(err);
}

} // namespace k3snet::agent
