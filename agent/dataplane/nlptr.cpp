// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/dataplane/nlptr.h"

#include <sys/socket.h>

namespace k3snet::agent::nl {

AddrPtr toNlAddr(const net::Address &address, int prefixLength)
{
    unsigned char bytes[16];
    address.toBytes(bytes);
    const bool v4 = address.isV4();
    AddrPtr addr(nl_addr_build(v4 ? AF_INET : AF_INET6, bytes, v4 ? 4 : 16));
    if (addr && prefixLength >= 0)
        nl_addr_set_prefixlen(addr.get(), prefixLength);
    return addr;
}

AddrPtr toNlAddr(const MacAddress &mac)
{
    return AddrPtr(nl_addr_build(AF_LLC, mac.bytes().data(), 6));
}

std::optional<net::Address> toAddress(const nl_addr *addr)
{
    if (!addr)
        return std::nullopt;
    const int family = nl_addr_get_family(addr);
    const unsigned len = nl_addr_get_len(addr);
    const auto *data = static_cast<const unsigned char *>(nl_addr_get_binary_addr(addr));
    if (!data)
        return std::nullopt;
    if (family == AF_INET && len == 4)
        return net::Address::fromBytes(data, net::Family::V4);
    if (family == AF_INET6 && len == 16)
        return net::Address::fromBytes(data, net::Family::V6);
    return std::nullopt;
}

std::optional<net::Address> toAddressByLength(const nl_addr *addr)
{
    if (!addr)
        return std::nullopt;
    const unsigned len = nl_addr_get_len(addr);
    const auto *data = static_cast<const unsigned char *>(nl_addr_get_binary_addr(addr));
    if (!data)
        return std::nullopt;
    if (len == 4)
        return net::Address::fromBytes(data, net::Family::V4);
    if (len == 16)
        return net::Address::fromBytes(data, net::Family::V6);
    return std::nullopt;
}

std::optional<MacAddress> toMac(const nl_addr *addr)
{
    if (!addr)
        return std::nullopt;
    return MacAddress::fromBytes(nl_addr_get_binary_addr(addr), nl_addr_get_len(addr));
}

} // namespace k3snet::agent::nl
