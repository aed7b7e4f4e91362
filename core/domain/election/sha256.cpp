// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/election/sha256.h"

#include <openssl/evp.h>

namespace k3snet::election {

namespace {

// Ranking announcers hashes every candidate node for every service IP (a million digests for
// 1,000 nodes and services), so the context and the fetched algorithm are made once per thread
// instead of once per digest, which costs more than the hashing itself.
struct DigestContext
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_MD *md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    ~DigestContext()
    {
        EVP_MD_free(md);
        EVP_MD_CTX_free(ctx);
    }
};

} // namespace

Digest sha256(std::string_view data)
{
    thread_local DigestContext c;
    Digest d{};
    unsigned int len = 0;
    // These only fail on allocation failure; a zero digest is then visible in tests.
    if (c.ctx && c.md && EVP_DigestInit_ex(c.ctx, c.md, nullptr) == 1
        && EVP_DigestUpdate(c.ctx, data.data(), data.size()) == 1)
        EVP_DigestFinal_ex(c.ctx, d.data(), &len);
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
