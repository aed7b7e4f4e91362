// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/election/sha256.h"

#include <openssl/evp.h>

namespace k3snet::election {

Digest sha256(std::string_view data)
{
    Digest d{};
    unsigned int len = 0;
    // EVP_Digest only fails on allocation failure; a zero digest is then visible in tests.
    EVP_Digest(data.data(), data.size(), d.data(), &len, EVP_sha256(), nullptr);
    return d;
}

std::string toHex(const Digest &d)
{
    static const char *digits = "0123456789abcdef";
    std::string s;
    s.reserve(64);
    for (auto b : d) {
        s.push_back(digits[b >> 4]);
        s.push_back(digits[b & 0xf]);
    }
    return s;
}

} // namespace k3snet::election
