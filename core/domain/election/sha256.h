// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace k3snet::election {

using Digest = std::array<std::uint8_t, 32>;

// SHA-256 through OpenSSL's libcrypto: MetalLB orders announcer candidates by it, and k3snet
// derives stable VTEP MACs from it, so the app and every agent get the same bytes.
Digest sha256(std::string_view data);
std::string toHex(const Digest &d);

} // namespace k3snet::election
