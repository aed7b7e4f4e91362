// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/membership/hmackey.h"

// HMAC-SHA256 (RFC 2104) on libcrypto's SHA-256 block functions rather than EVP_MAC: the EVP
// interfaces fetch from OpenSSL 3's provider machinery, which in a static binary links the
// whole default provider (every cipher, key format and curve): 3 MB more in the agent, for one
// hash. The low-level SHA256_* functions are deprecated in OpenSSL 3 but kept, and they are
// the same implementation the provider calls.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <array>
#include <cstring>
#include <stdexcept>

namespace k3snet::agent {

struct HmacKey::State
{
    SHA256_CTX inner; // after the key XOR ipad block
    SHA256_CTX outer; // after the key XOR opad block
};

HmacKey::HmacKey(std::string_view key)
    : m_state(std::make_unique<State>())
{
    constexpr std::size_t block = SHA256_CBLOCK; // 64
    std::array<unsigned char, block> k{};
    if (key.size() > block) {
        // Not the one-shot SHA256(): in OpenSSL 3 it goes through EVP and its providers.
        SHA256_CTX c;
        SHA256_Init(&c);
        SHA256_Update(&c, key.data(), key.size());
        SHA256_Final(k.data(), &c);
    } else
        std::memcpy(k.data(), key.data(), key.size());
    std::array<unsigned char, block> pad{};
    for (std::size_t i = 0; i < block; ++i)
        pad[i] = k[i] ^ 0x36;
    const bool ok = SHA256_Init(&m_state->inner) == 1 && SHA256_Update(&m_state->inner, pad.data(), block) == 1;
    for (std::size_t i = 0; i < block; ++i)
        pad[i] = k[i] ^ 0x5c;
    const bool ok2 = SHA256_Init(&m_state->outer) == 1 && SHA256_Update(&m_state->outer, pad.data(), block) == 1;
    OPENSSL_cleanse(k.data(), k.size());
    OPENSSL_cleanse(pad.data(), pad.size());
    if (!ok || !ok2)
        throw std::runtime_error("libcrypto's SHA-256 failed to start: check the OpenSSL installation");
}

HmacKey::~HmacKey()
{
    OPENSSL_cleanse(m_state.get(), sizeof(State)); // the key schedule
}

bool HmacKey::sign(std::span<const std::uint8_t> data, std::span<std::uint8_t, tagSize> tag)
{
    SHA256_CTX ctx = m_state->inner;
    unsigned char innerDigest[SHA256_DIGEST_LENGTH];
    bool ok = SHA256_Update(&ctx, data.data(), data.size()) == 1 && SHA256_Final(innerDigest, &ctx) == 1;
    ctx = m_state->outer;
    ok = ok && SHA256_Update(&ctx, innerDigest, sizeof innerDigest) == 1 && SHA256_Final(tag.data(), &ctx) == 1;
    OPENSSL_cleanse(&ctx, sizeof ctx);
    return ok;
}

bool HmacKey::verify(std::span<const std::uint8_t> data, std::span<const std::uint8_t> tag)
{
    std::uint8_t computed[tagSize];
    if (tag.size() != tagSize || !sign(data, computed))
        return false;
    return CRYPTO_memcmp(computed, tag.data(), tagSize) == 0;
}

} // namespace k3snet::agent
