// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/membership/hmackey.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <stdexcept>

namespace k3snet::agent {

HmacKey::HmacKey(std::string_view key)
{
    m_mac = EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr);
    if (m_mac)
        m_ctx = EVP_MAC_CTX_new(m_mac);
    char digest[] = OSSL_DIGEST_NAME_SHA2_256;
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    if (!m_ctx
        || EVP_MAC_init(
               m_ctx, reinterpret_cast<const unsigned char *>(key.data()), key.size(), params)
            != 1) {
        EVP_MAC_CTX_free(m_ctx);
        EVP_MAC_free(m_mac);
        throw std::runtime_error("libcrypto provides no HMAC-SHA256 (EVP_MAC_fetch/EVP_MAC_init "
                                 "failed): check the OpenSSL installation");
    }
}

HmacKey::~HmacKey()
{
    EVP_MAC_CTX_free(m_ctx); // cleanses the key schedule
    EVP_MAC_free(m_mac);
}

bool HmacKey::sign(std::span<const std::uint8_t> data, std::span<std::uint8_t, tagSize> tag)
{
    // A null key re-initialises with the key already set (OpenSSL 3.0.3 and later).
    std::size_t length = 0;
    return EVP_MAC_init(m_ctx, nullptr, 0, nullptr) == 1
        && EVP_MAC_update(m_ctx, data.data(), data.size()) == 1
        && EVP_MAC_final(m_ctx, tag.data(), &length, tag.size()) == 1 && length == tagSize;
}

bool HmacKey::verify(std::span<const std::uint8_t> data, std::span<const std::uint8_t> tag)
{
    std::uint8_t computed[tagSize];
    if (tag.size() != tagSize || !sign(data, computed))
        return false;
    return CRYPTO_memcmp(computed, tag.data(), tagSize) == 0;
}

} // namespace k3snet::agent
