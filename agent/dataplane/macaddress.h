// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace k3snet::agent {

// An Ethernet address (a VTEP MAC). Text is lowercase with colons, as flannel writes it.
class MacAddress
{
public:
    MacAddress() = default;
    explicit MacAddress(const std::array<std::uint8_t, 6> &bytes)
        : m_bytes(bytes)
    {
    }
    // "aa:bb:cc:dd:ee:ff" (either case); nullopt for anything else.
    static std::optional<MacAddress> parse(std::string_view text);
    // From a netlink attribute payload; nullopt unless exactly six bytes.
    static std::optional<MacAddress> fromBytes(const void *data, std::size_t length);

    const std::array<std::uint8_t, 6> &bytes() const { return m_bytes; }
    bool isZero() const { return m_bytes == std::array<std::uint8_t, 6>{}; }
    std::string toString() const;

    friend bool operator==(const MacAddress &, const MacAddress &) = default;
    friend auto operator<=>(const MacAddress &, const MacAddress &) = default;

private:
    std::array<std::uint8_t, 6> m_bytes{};
};

} // namespace k3snet::agent
