// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/dataplane/macaddress.h"

#include <cstdio>
#include <cstring>

namespace k3snet::agent {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<MacAddress> MacAddress::parse(std::string_view text)
{
    if (text.size() != 17)
        return std::nullopt;
    std::array<std::uint8_t, 6> bytes{};
    for (std::size_t i = 0; i < 6; ++i) {
        const int hi = hexValue(text[i * 3]);
        const int lo = hexValue(text[i * 3 + 1]);
        if (hi < 0 || lo < 0 || (i < 5 && text[i * 3 + 2] != ':'))
            return std::nullopt;
        bytes[i] = std::uint8_t(hi * 16 + lo);
    }
    return MacAddress(bytes);
}

std::optional<MacAddress> MacAddress::fromBytes(const void *data, std::size_t length)
{
    if (!data || length != 6)
        return std::nullopt;
    std::array<std::uint8_t, 6> bytes{};
    std::memcpy(bytes.data(), data, 6);
    return MacAddress(bytes);
}

std::string MacAddress::toString() const
{
    char buf[18];
    std::snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x", m_bytes[0], m_bytes[1],
        m_bytes[2], m_bytes[3], m_bytes[4], m_bytes[5]);
    return buf;
}

} // namespace k3snet::agent
