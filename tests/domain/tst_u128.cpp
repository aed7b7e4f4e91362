// SPDX-License-Identifier: GPL-3.0-or-later
// The portable 128-bit integer (used on armhf, which has no unsigned __int128) against the
// compiler's own type on a 64-bit host: every operator on edge values and random values must
// give the same bits.
// moc cannot parse <concepts>, which the header needs; it does not need the header either.
#ifndef Q_MOC_RUN
#include "domain/net/u128.h"
#endif

#include <QTest>

#include <random>
#include <vector>

using k3snet::net::U128;

namespace {

__extension__ typedef unsigned __int128 native;

native toNative(U128 v) { return (native(v.high()) << 64) | v.low(); }
U128 fromNative(native v) { return U128::fromParts(std::uint64_t(v >> 64), std::uint64_t(v)); }

std::vector<native> samples()
{
    std::vector<native> v = {0, 1, 2, 3, 10, 255, 256, 0xffffffffu, native(1) << 32,
        ~std::uint64_t(0), native(1) << 64, (native(1) << 64) + 1, (native(1) << 64) - 1,
        native(1) << 127, ~native(0), ~native(0) - 1, native(0xffff) << 32 | 0xc0000201u};
    std::mt19937_64 rng(20261126);
    for (int i = 0; i < 200; ++i) {
        native r = (native(rng()) << 64) | rng();
        // Mixed widths so that both the fast 64-bit paths and the wide paths run.
        v.push_back(r >> (rng() % 128));
    }
    return v;
}

} // namespace

class TestU128 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void arithmeticMatchesNative()
    {
        const auto values = samples();
        int checked = 0;
        for (native a : values) {
            for (native b : values) {
                const U128 x = fromNative(a), y = fromNative(b);
                QCOMPARE(toNative(x + y), native(a + b));
                QCOMPARE(toNative(x - y), native(a - b));
                QCOMPARE(toNative(x * y), native(a * b));
                QCOMPARE(toNative(x & y), native(a & b));
                QCOMPARE(toNative(x | y), native(a | b));
                QCOMPARE(toNative(x ^ y), native(a ^ b));
                QCOMPARE(x < y, a < b);
                QCOMPARE(x == y, a == b);
                if (b != 0) {
                    QCOMPARE(toNative(x / y), native(a / b));
                    QCOMPARE(toNative(x % y), native(a % b));
                }
                ++checked;
            }
        }
        QVERIFY(checked > 40000);
    }

    void shiftsAndUnaryMatchNative()
    {
        for (native a : samples()) {
            const U128 x = fromNative(a);
            for (int n = 0; n < 128; ++n) {
                QCOMPARE(toNative(x << n), native(a << n));
                QCOMPARE(toNative(x >> n), native(a >> n));
            }
            QCOMPARE(toNative(~x), native(~a));
            QCOMPARE(toNative(-x), native(-a));
            U128 inc = x;
            ++inc;
            QCOMPARE(toNative(inc), native(a + 1));
            QCOMPARE(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(a));
            QCOMPARE(static_cast<bool>(x), a != 0);
        }
    }

    void mixedOperandsAndConversions()
    {
        const U128 big = U128::fromParts(1, 5);
        QCOMPARE(toNative(big + 1), (native(1) << 64) + 6);
        QCOMPARE(toNative(big & 0xff), native(5));
        QCOMPARE(toNative(U128(-1)), ~native(0)); // like converting -1 to unsigned __int128
        QCOMPARE(toNative(~U128(0)), ~native(0));
        QVERIFY(big > 5);
        QVERIFY(U128(7u) == 7);
        QCOMPARE(static_cast<double>(U128(1u) << 70), 1180591620717411303424.0);
        constexpr U128 compileTime = (U128(1u) << 100) / U128(1u << 20);
        static_assert(compileTime == (U128(1u) << 80));
    }
};

QTEST_GUILESS_MAIN(TestU128)
#include "tst_u128.moc"
