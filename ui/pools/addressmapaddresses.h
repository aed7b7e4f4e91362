// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/net/range.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>

// How AddressMapWidget reads the plan's and the project's address ranges and writes addresses
// (addressmapwidget.cpp builds the cells from them, addressmapwidgetinput.cpp edits them).
namespace k3snet::addressmap {

// A normalised plan range ("a-b" or a single address) or a pool entry (range or CIDR).
inline std::optional<net::Range> parseRangeText(const std::string &text)
{
    if (auto r = net::Range::parsePoolEntry(text))
        return *r;
    if (auto a = net::Address::parse(text))
        return net::Range(*a);
    return std::nullopt;
}

inline QString v4Text(std::uint32_t value)
{
    return QString::fromStdString(net::Address::v4(value).toString());
}

} // namespace k3snet::addressmap
