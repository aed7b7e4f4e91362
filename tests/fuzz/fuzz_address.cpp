// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the address parsers of core/domain/net. Pool entries, CIDRs and
// addresses come from project files and from clusters, i.e. from outside, so every byte string
// must be either accepted with a value that survives a round trip or rejected with a message
// that names the input. Build: see tests/fuzz/README.md.

#include "domain/net/address.h"
#include "domain/net/addressset.h"
#include "domain/net/prefix.h"
#include "domain/net/range.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace k3snet::net;

namespace {

// A broken invariant is a finding: say which one and stop, so libFuzzer keeps the input.
[[noreturn]] void fail(const char *what, std::string_view input, const std::string &detail)
{
    std::fprintf(stderr, "fuzz_address: %s\n  input: \"%.*s\"\n  detail: %s\n", what,
        static_cast<int>(input.size()), input.data(), detail.c_str());
    std::abort();
}

#define CHECK(cond, detail)                                                                        \
    do {                                                                                           \
        if (!(cond))                                                                               \
            fail(#cond, input, (detail));                                                          \
    } while (0)

// Every rejection starts with the quoted input, so the user sees which entry is wrong.
template<class T> void checkRejection(const k3snet::Result<T> &r, std::string_view input)
{
    const std::string prefix = "\"" + std::string(input) + "\": ";
    CHECK(r.error().size() > prefix.size(), r.error());
    CHECK(r.error().compare(0, prefix.size(), prefix) == 0, r.error());
}

void checkAddress(const Address &a, std::string_view input)
{
    const std::string text = a.toString();
    auto back = Address::parse(text);
    CHECK(back.ok(), text + " -> " + (back.ok() ? "" : back.error()));
    CHECK(*back == a, text);
    // The canonical form is a fixed point.
    CHECK(back->toString() == text, text + " vs " + back->toString());
    CHECK(a.value() <= a.maxValue(), text);
}

void checkPrefix(const Prefix &p, std::string_view input)
{
    const std::string text = p.toString();
    CHECK((p.network().value() & ~prefixMask(p.network().bits(), p.length())) == 0, text);
    auto back = Prefix::parseStrict(text);
    CHECK(back.ok(), text + " -> " + (back.ok() ? "" : back.error()));
    CHECK(*back == p, text);
    CHECK(p.contains(p.network()) && p.contains(p.last()), text);
    CHECK(p.range().size() == p.size(), text);
}

void checkRange(const Range &r, std::string_view input)
{
    const std::string text = r.toString();
    CHECK(r.first().family() == r.last().family(), text);
    CHECK(r.first() <= r.last(), text);

    // toPrefixes covers the range exactly, in order, with aligned and unmergeable blocks.
    const auto ps = r.toPrefixes();
    CHECK(!ps.empty(), text);
    CHECK(ps.front().network() == r.first(), text);
    CHECK(ps.back().last() == r.last(), text);
    CHECK(ps.size() <= 2 * static_cast<std::size_t>(r.first().bits()), text);
    Count total;
    for (std::size_t k = 0; k < ps.size(); ++k) {
        checkPrefix(ps[k], input);
        total += ps[k].size();
        if (k == 0)
            continue;
        auto after = ps[k - 1].last().next();
        CHECK(after && *after == ps[k].network(), ps[k - 1].toString() + " " + ps[k].toString());
        const int h = ps[k].network().bits() - ps[k].length();
        const bool leftSibling
            = h < ps[k].network().bits() && ((ps[k - 1].network().value() >> h) & 1) == 0;
        CHECK(!(ps[k - 1].length() == ps[k].length() && leftSibling),
            "mergeable " + ps[k - 1].toString() + " " + ps[k].toString());
    }
    CHECK(total == r.size(), total.toString() + " vs " + r.size().toString());

    // The range read back from its own text, and as a set.
    auto back = Range::parse(r.first().toString() + "-" + r.last().toString());
    CHECK(back.ok() && *back == r, text);
    AddressSet s{r};
    CHECK(s.intervalCount() == 1 && s.contains(r) && s.size() == r.size(), text);
    // The first free address is right after the range, or none at the end of the space.
    CHECK(s.firstFreeAtOrAfter(r.first()) == r.last().next(), text);
    s.remove(r);
    CHECK(s.isEmpty(), text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);

    if (auto a = Address::parse(input))
        checkAddress(*a, input);
    else
        checkRejection(a, input);

    for (bool strict : {false, true}) {
        auto p = strict ? Prefix::parseStrict(input) : Prefix::parse(input);
        if (p)
            checkPrefix(*p, input);
        else
            checkRejection(p, input);
    }

    auto r = Range::parsePoolEntry(input);
    if (r)
        checkRange(*r, input);
    else
        checkRejection(r, input);
    // A mixed-family "start-end" is never accepted as a range.
    if (Range::isMixedFamily(input))
        CHECK(!r.ok(), r->toString());
    return 0;
}
