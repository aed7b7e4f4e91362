// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): the address arithmetic under IP allocation. Measures lowest-free
// allocation as MetalLB does it (scan a pool from its lowest address), with and without
// avoidBuggyIPs, allocation churn on a half-full /16, and pool entry parsing. Each allocation
// case also runs a flat bitmap doing the same work, so the table carries a ratio that survives
// a noisy machine. Prints a markdown table; build with a Release configuration.

#include "domain/net/addressset.h"
#include "domain/net/prefix.h"
#include "domain/net/range.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace k3snet::net;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kOps = 100000;
constexpr int kRepeats = 3; // best of, to keep scheduler noise out of the numbers

// Keeps results alive so the optimiser cannot drop the work.
volatile std::uint64_t g_sink = 0;

struct Row
{
    std::string name;
    int ops = 0;
    double ms = 0;
    std::size_t intervals = 0; // of the AddressSet at the end; 0 where it does not apply
    std::string note;
};

// Runs fn (which returns the interval count it ended with) kRepeats times; keeps the fastest.
template<class Fn> Row measure(std::string name, int ops, Fn fn, std::string note = {})
{
    Row row{std::move(name), ops, 1e300, 0, std::move(note)};
    for (int r = 0; r < kRepeats; ++r) {
        const auto t0 = Clock::now();
        const std::size_t intervals = fn();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        row.ms = std::min(row.ms, ms);
        row.intervals = intervals;
    }
    return row;
}

bool buggy(std::uint32_t v)
{
    const unsigned last = v & 0xff;
    return last == 0 || last == 255;
}

// The peer: one bit per address of the pool, lowest free found by scanning 64-bit words from
// the start. Same answers as the AddressSet, the obvious flat alternative.
class Bitmap
{
public:
    explicit Bitmap(std::uint32_t size)
        : m_words((size + 63) / 64, 0)
        , m_size(size)
    {
    }
    void set(std::uint32_t i) { m_words[i / 64] |= std::uint64_t(1) << (i % 64); }
    void reset(std::uint32_t i) { m_words[i / 64] &= ~(std::uint64_t(1) << (i % 64)); }
    bool test(std::uint32_t i) const { return (m_words[i / 64] >> (i % 64)) & 1; }
    // Lowest clear bit at or after from, or size() when none.
    std::uint32_t firstClear(std::uint32_t from) const
    {
        for (std::size_t w = from / 64; w < m_words.size(); ++w) {
            std::uint64_t free = ~m_words[w];
            if (w == from / 64)
                free &= ~std::uint64_t(0) << (from % 64);
            if (free) {
                const auto i = static_cast<std::uint32_t>(w * 64 + __builtin_ctzll(free));
                return std::min(i, m_size);
            }
        }
        return m_size;
    }
    std::uint32_t size() const { return m_size; }

private:
    std::vector<std::uint64_t> m_words;
    std::uint32_t m_size;
};

// (a) and (b): kOps allocations of the lowest free address of 10.0.0.0/8. With keepSkipped, a
// .0/.255 passed over is put into the set as well (it can never be handed out), so later scans
// do not step over it again.
std::size_t allocateLowest(bool avoidBuggy, bool keepSkipped = false)
{
    const Prefix pool = *Prefix::parse("10.0.0.0/8");
    AddressSet used;
    for (int n = 0; n < kOps; ++n) {
        auto a = used.firstFreeAtOrAfter(pool.network());
        // avoidBuggyIPs: a .0 or .255 is never handed out, so look past it.
        while (avoidBuggy && a && buggy(static_cast<std::uint32_t>(a->value()))) {
            if (keepSkipped)
                used.add(*a);
            a = used.firstFreeAtOrAfter(*a->next());
        }
        if (!a || !pool.contains(*a))
            std::abort(); // the /8 holds far more than kOps addresses
        used.add(*a);
        g_sink = g_sink + static_cast<std::uint64_t>(a->value());
    }
    return used.intervalCount();
}

std::size_t allocateLowestBitmap(bool avoidBuggy)
{
    const std::uint32_t base = 0x0a000000u;
    Bitmap used(1u << 24);
    for (int n = 0; n < kOps; ++n) {
        std::uint32_t i = used.firstClear(0);
        while (avoidBuggy && i < used.size() && buggy(base + i))
            i = used.firstClear(i + 1);
        if (i >= used.size())
            std::abort();
        used.set(i);
        g_sink = g_sink + i;
    }
    return 0;
}

// (c): a /16 with a random half of it in use; each op releases a random used address and
// allocates the lowest free one. Both variants see the same random sequence.
struct Churn
{
    std::vector<std::uint32_t> initial; // offsets in the /16
    std::vector<std::uint32_t> picks; // index into the in-use list, per op
};

Churn makeChurn()
{
    Churn c;
    std::mt19937 rng(20240607);
    std::vector<std::uint32_t> all(1u << 16);
    for (std::uint32_t i = 0; i < all.size(); ++i)
        all[i] = i;
    std::shuffle(all.begin(), all.end(), rng);
    c.initial.assign(all.begin(), all.begin() + all.size() / 2);
    for (int n = 0; n < kOps; ++n)
        c.picks.push_back(static_cast<std::uint32_t>(rng() % c.initial.size()));
    return c;
}

std::size_t churnSet(const Churn &c)
{
    const Address base = *Address::parse("10.1.0.0");
    const Prefix pool(base, 16);
    AddressSet used;
    std::vector<std::uint32_t> inUse = c.initial;
    for (auto off : inUse)
        used.add(*base.offset(off));
    for (int n = 0; n < kOps; ++n) {
        std::uint32_t &slot = inUse[c.picks[static_cast<std::size_t>(n)]];
        used.remove(*base.offset(slot));
        auto a = used.firstFreeAtOrAfter(base);
        if (!a || !pool.contains(*a))
            std::abort(); // one address was just released, so there is always one free
        used.add(*a);
        slot = static_cast<std::uint32_t>(a->value() - base.value());
    }
    g_sink = g_sink + used.intervalCount();
    return used.intervalCount();
}

std::size_t churnBitmap(const Churn &c)
{
    Bitmap used(1u << 16);
    std::vector<std::uint32_t> inUse = c.initial;
    for (auto off : inUse)
        used.set(off);
    for (int n = 0; n < kOps; ++n) {
        std::uint32_t &slot = inUse[c.picks[static_cast<std::size_t>(n)]];
        used.reset(slot);
        const std::uint32_t i = used.firstClear(0);
        if (i >= used.size())
            std::abort();
        used.set(i);
        slot = i;
    }
    g_sink = g_sink + inUse[0];
    return 0;
}

// (d): pool entries of every form MetalLB accepts, in equal shares.
std::vector<std::string> makeEntries()
{
    std::vector<std::string> out;
    out.reserve(kOps);
    std::mt19937 rng(20240608);
    auto octet = [&] { return std::to_string(rng() % 256); };
    auto hex = [&] {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%x", static_cast<unsigned>(rng() % 0x10000));
        return std::string(buf);
    };
    for (int n = 0; out.size() < static_cast<std::size_t>(kOps); ++n) {
        const std::string net = "10." + octet() + "." + octet() + ".";
        const unsigned lo = rng() % 200, hi = lo + rng() % 55;
        switch (n % 8) {
        case 0:
            out.push_back(net + "0/24");
            break;
        case 1:
            out.push_back(net + std::to_string(lo) + "-" + net + std::to_string(hi));
            break;
        case 2:
            out.push_back(net + std::to_string(lo) + " - " + net + std::to_string(hi));
            break;
        case 3:
            out.push_back(net + std::to_string(lo) + "/32");
            break;
        case 4:
            out.push_back("2001:db8:" + hex() + ":" + hex() + "::/64");
            break;
        case 5:
            out.push_back("fd00::" + hex() + ":" + hex() + "/128");
            break;
        case 6:
            out.push_back("2001:db8::" + hex() + ":" + std::to_string(lo) + " - 2001:db8::" + hex()
                + ":" + std::to_string(hi));
            break;
        default:
            out.push_back("::ffff:" + net + "0/120");
            break;
        }
    }
    return out;
}

std::size_t parseEntries(const std::vector<std::string> &entries, bool expand)
{
    std::uint64_t ok = 0;
    for (const auto &e : entries) {
        auto r = Range::parsePoolEntry(e);
        if (!r)
            continue; // a random v6 range may come out reversed; rejecting it is work too
        ++ok;
        if (expand)
            ok += r->toPrefixes().size();
    }
    g_sink = g_sink + ok;
    return 0;
}

void print(const std::vector<Row> &rows)
{
    std::printf("## bench_addressset\n\n");
    std::printf("| case | ops | total ms | ns/op | intervals | note |\n");
    std::printf("|---|---:|---:|---:|---:|---|\n");
    for (const auto &r : rows) {
        std::printf("| %s | %d | %.1f | %.0f | %s | %s |\n", r.name.c_str(), r.ops, r.ms,
            r.ms * 1e6 / r.ops, r.intervals ? std::to_string(r.intervals).c_str() : "-",
            r.note.c_str());
    }
    std::printf("\nBest of %d runs each. The bitmap rows are the peer for the ratio.\n", kRepeats);
}

} // namespace

int main()
{
    std::vector<Row> rows;

    rows.push_back(
        measure("(a) lowest free of a /8, AddressSet", kOps, [] { return allocateLowest(false); }));
    rows.push_back(measure(
        "(a) lowest free of a /8, bitmap peer", kOps, [] { return allocateLowestBitmap(false); }));
    rows.push_back(measure(
        "(b) same with avoidBuggyIPs, AddressSet", kOps, [] { return allocateLowest(true); },
        "skips .0 and .255"));
    rows.push_back(measure("(b) same with avoidBuggyIPs, bitmap peer", kOps,
        [] { return allocateLowestBitmap(true); }));
    rows.push_back(measure(
        "(b) avoidBuggyIPs, skipped kept in the set", kOps,
        [] { return allocateLowest(true, true); }, "scan no longer grows with the pool"));

    const Churn churn = makeChurn();
    rows.push_back(measure(
        "(c) churn on a half-full /16, AddressSet", kOps, [&] { return churnSet(churn); },
        "release random + allocate lowest"));
    rows.push_back(measure(
        "(c) churn on a half-full /16, bitmap peer", kOps, [&] { return churnBitmap(churn); }));

    const std::vector<std::string> entries = makeEntries();
    rows.push_back(measure(
        "(d) parse pool entries", kOps, [&] { return parseEntries(entries, false); },
        "8 forms: v4/v6 CIDR, ranges, /32, /128, ::ffff:"));
    rows.push_back(measure(
        "(d) parse pool entries + toPrefixes", kOps, [&] { return parseEntries(entries, true); }));

    // The churn set's interval count at the start, for scale.
    {
        AddressSet start;
        const Address base = *Address::parse("10.1.0.0");
        for (auto off : churn.initial)
            start.add(*base.offset(off));
        rows[5].note += "; " + std::to_string(start.intervalCount()) + " intervals at start";
    }

    print(rows);
    return 0;
}
