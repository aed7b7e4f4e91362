// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>


namespace k3snet::agent {

// HMAC-SHA256 under the cluster key, keyed once (the SHA-256 states after the padded key) so
// that signing or checking a heartbeat costs two SHA-256 compressions per block and no
// allocation. Not thread-safe: callers serialise access.
class HmacKey
{
public:
    static constexpr std::size_t tagSize = 32;

    // Throws std::runtime_error when libcrypto cannot provide HMAC-SHA256.
    explicit HmacKey(std::string_view key);
    ~HmacKey();
    HmacKey(const HmacKey &) = delete;
    HmacKey &operator=(const HmacKey &) = delete;

    // False only when libcrypto fails.
    bool sign(std::span<const std::uint8_t> data, std::span<std::uint8_t, tagSize> tag);
    // Constant-time comparison (CRYPTO_memcmp) of the computed tag with the received one.
    bool verify(std::span<const std::uint8_t> data, std::span<const std::uint8_t> tag);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace k3snet::agent
