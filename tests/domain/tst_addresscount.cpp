// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of core/domain/net: the address arithmetic every pool, subnet and allocation in k3snet
// rests on. This part: address counts beyond 128 bits (Count), and the minimal CIDR cover
// of a range (Range::toPrefixes), checked on fixed cases and against an independent
// prefix-tree walk on random ranges.

#include "addresstestutil.h"

#include "domain/net/addressset.h"
#include "domain/net/count.h"
#include "domain/net/prefix.h"
#include "domain/net/range.h"

#include <QTest>

#include <random>

using namespace k3snet::net;
using addresstest::bytes;
using addresstest::checkCover;
using addresstest::entry;
using addresstest::joined;
using addresstest::lowMask;
using addresstest::setOf;
using addresstest::treeCover;
using addresstest::view;

class TestAddressCount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void counts_data();
    void counts();
    void countArithmetic();

    void toPrefixes_data();
    void toPrefixes();
    void toPrefixesRandom_data();
    void toPrefixesRandom();
};

// ---- Counts ---------------------------------------------------------------------------------

void TestAddressCount::counts_data()
{
    QTest::addColumn<QByteArray>("set");
    QTest::addColumn<QByteArray>("size");
    QTest::addColumn<QByteArray>("v4");
    QTest::addColumn<QByteArray>("v6");

    QTest::newRow("empty") << QByteArray("") << QByteArray("0") << QByteArray("0")
                           << QByteArray("0");
    QTest::newRow("v4 /0") << QByteArray("0.0.0.0/0") << QByteArray("4294967296")
                           << QByteArray("4294967296") << QByteArray("0");
    QTest::newRow("v6 /0") << QByteArray("::/0")
                           << QByteArray("340282366920938463463374607431768211456")
                           << QByteArray("0")
                           << QByteArray("340282366920938463463374607431768211456");
    // 2^128 + 2^32: more than 128 bits hold.
    QTest::newRow("both whole spaces")
        << QByteArray("0.0.0.0/0, ::/0") << QByteArray("340282366920938463463374607436063178752")
        << QByteArray("4294967296") << QByteArray("340282366920938463463374607431768211456");
    QTest::newRow("v6 halves plus a v4 /24")
        << QByteArray("::/1, 8000::/1, 10.0.0.0/24")
        << QByteArray("340282366920938463463374607431768211712") << QByteArray("256")
        << QByteArray("340282366920938463463374607431768211456");
    QTest::newRow("dual-stack pool") << QByteArray("192.168.10.0/24, 2001:db8::/120")
                                     << QByteArray("512") << QByteArray("256") << QByteArray("256");
}

void TestAddressCount::counts()
{
    QFETCH(QByteArray, set);
    QFETCH(QByteArray, size);
    QFETCH(QByteArray, v4);
    QFETCH(QByteArray, v6);

    const AddressSet s = setOf(set);
    QCOMPARE(bytes(s.size().toString()), size);
    QCOMPARE(bytes(s.size(Family::V4).toString()), v4);
    QCOMPARE(bytes(s.size(Family::V6).toString()), v6);
    QCOMPARE(s.size(Family::V4) + s.size(Family::V6), s.size());
}

void TestAddressCount::countArithmetic()
{
    QCOMPARE(Count::pow2(0), Count(1));
    QCOMPARE(bytes(Count::pow2(64).toString()), QByteArray("18446744073709551616"));
    QCOMPARE(
        bytes(Count::pow2(128).toString()), QByteArray("340282366920938463463374607431768211456"));
    QCOMPARE(bytes(Count::pow2(191).toString()),
        QByteArray("3138550867693340381917894711603833208051177722232017256448"));
    // Carry out of the low 128 bits and borrow back into them.
    const Count max128(~u128(0));
    QCOMPARE(max128 + Count(1), Count::pow2(128));
    QCOMPARE(Count::pow2(128) - Count(1), max128);
    QCOMPARE((Count::pow2(128) + Count(5)) - Count(6), max128);
    QCOMPARE(Count::pow2(129) - Count::pow2(128), Count::pow2(128));
    // Subtraction saturates at zero rather than wrapping.
    QVERIFY((Count(3) - Count(5)).isZero());
    QVERIFY((Count(5) - Count::pow2(128)).isZero());
    QVERIFY(Count::pow2(128) > max128);
    QVERIFY(Count(7) < Count(8));
    QVERIFY(Count(~std::uint64_t(0)).fitsU64());
    QVERIFY(!Count(u128(1) << 64).fitsU64());
    QVERIFY(!Count::pow2(128).fitsU64());
    QCOMPARE(Count(12345).toU64(), std::uint64_t(12345));
    QCOMPARE(Count(12345).toDouble(), 12345.0);
    QCOMPARE(Count::pow2(128).toDouble(), 340282366920938463463374607431768211456.0);
    QCOMPARE(bytes(Count().toString()), QByteArray("0"));
    QCOMPARE(bytes(toDecimal(~u128(0))), QByteArray("340282366920938463463374607431768211455"));
}

// ---- Range::toPrefixes ----------------------------------------------------------------------

void TestAddressCount::toPrefixes_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<QByteArray>("prefixes");

    QTest::newRow("exact /24") << QByteArray("10.0.0.0-10.0.0.255") << QByteArray("10.0.0.0/24");
    QTest::newRow("single") << QByteArray("10.0.0.5-10.0.0.5") << QByteArray("10.0.0.5/32");
    QTest::newRow("100-200")
        << QByteArray("10.0.0.100-10.0.0.200")
        << QByteArray("10.0.0.100/30 10.0.0.104/29 10.0.0.112/28 10.0.0.128/26 10.0.0.192/29 "
                      "10.0.0.200/32");
    // The e2e ranges MetalLB's webhook tests use.
    QTest::newRow("1-100") << QByteArray("1.1.1.1-1.1.1.100")
                           << QByteArray("1.1.1.1/32 1.1.1.2/31 1.1.1.4/30 1.1.1.8/29 1.1.1.16/28 "
                                         "1.1.1.32/27 1.1.1.64/27 1.1.1.96/30 1.1.1.100/32");
    QTest::newRow("101-200") << QByteArray("1.1.1.101-1.1.1.200")
                             << QByteArray("1.1.1.101/32 1.1.1.102/31 1.1.1.104/29 1.1.1.112/28 "
                                           "1.1.1.128/26 1.1.1.192/29 1.1.1.200/32");
    QTest::newRow("docs 210-240") << QByteArray("40.0.0.210 - 40.0.0.240")
                                  << QByteArray("40.0.0.210/31 40.0.0.212/30 40.0.0.216/29 "
                                                "40.0.0.224/28 40.0.0.240/32");
    QTest::newRow("without network and broadcast")
        << QByteArray("192.168.1.1-192.168.1.254")
        << QByteArray("192.168.1.1/32 192.168.1.2/31 192.168.1.4/30 192.168.1.8/29 "
                      "192.168.1.16/28 192.168.1.32/27 192.168.1.64/26 192.168.1.128/26 "
                      "192.168.1.192/27 192.168.1.224/28 192.168.1.240/29 192.168.1.248/30 "
                      "192.168.1.252/31 192.168.1.254/32");
    QTest::newRow("across a /24 border")
        << QByteArray("10.0.0.255-10.0.1.0") << QByteArray("10.0.0.255/32 10.0.1.0/32");
    QTest::newRow("two /24s") << QByteArray("10.0.1.0-10.0.2.255")
                              << QByteArray("10.0.1.0/24 10.0.2.0/24");
    QTest::newRow("whole v4") << QByteArray("0.0.0.0-255.255.255.255") << QByteArray("0.0.0.0/0");
    QTest::newRow("v4 top address")
        << QByteArray("255.255.255.255-255.255.255.255") << QByteArray("255.255.255.255/32");
    QTest::newRow("v4 upper half")
        << QByteArray("128.0.0.0-255.255.255.255") << QByteArray("128.0.0.0/1");
    QTest::newRow("v4 all but zero")
        << QByteArray("0.0.0.1-255.255.255.255")
        << QByteArray("0.0.0.1/32 0.0.0.2/31 0.0.0.4/30 0.0.0.8/29 0.0.0.16/28 0.0.0.32/27 "
                      "0.0.0.64/26 0.0.0.128/25 0.0.1.0/24 0.0.2.0/23 0.0.4.0/22 0.0.8.0/21 "
                      "0.0.16.0/20 0.0.32.0/19 0.0.64.0/18 0.0.128.0/17 0.1.0.0/16 0.2.0.0/15 "
                      "0.4.0.0/14 0.8.0.0/13 0.16.0.0/12 0.32.0.0/11 0.64.0.0/10 0.128.0.0/9 "
                      "1.0.0.0/8 2.0.0.0/7 4.0.0.0/6 8.0.0.0/5 16.0.0.0/4 32.0.0.0/3 64.0.0.0/2 "
                      "128.0.0.0/1");
    QTest::newRow("whole v6") << QByteArray(":: - ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
                              << QByteArray("::/0");
    QTest::newRow("v6 upper half")
        << QByteArray("8000:: - ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff") << QByteArray("8000::/1");
    QTest::newRow("v6 lower half")
        << QByteArray(":: - 7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff") << QByteArray("::/1");
    QTest::newRow("v6 top address") << QByteArray(
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
                                    << QByteArray("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128");
    QTest::newRow("v6 small") << QByteArray("2001:db8::1-2001:db8::10")
                              << QByteArray("2001:db8::1/128 2001:db8::2/127 2001:db8::4/126 "
                                            "2001:db8::8/125 2001:db8::10/128");
    QTest::newRow("v6 embedded v4")
        << QByteArray("::ffff:10.0.0.0-::ffff:10.0.0.255") << QByteArray("::ffff:10.0.0.0/120");
    QTest::newRow("CIDR entry") << QByteArray("2001:db8::/64") << QByteArray("2001:db8::/64");
}

void TestAddressCount::toPrefixes()
{
    QFETCH(QByteArray, range);
    QFETCH(QByteArray, prefixes);

    const Range r = entry(view(range));
    const auto ps = r.toPrefixes();
    QCOMPARE(joined(ps), prefixes);
    const std::string why = checkCover(r, ps);
    QVERIFY2(why.empty(), why.c_str());
}

void TestAddressCount::toPrefixesRandom_data()
{
    QTest::addColumn<bool>("v4");
    QTest::addColumn<unsigned>("seed");
    QTest::newRow("IPv4") << true << 20240601u;
    QTest::newRow("IPv6") << false << 20240602u;
}

void TestAddressCount::toPrefixesRandom()
{
    QFETCH(bool, v4);
    QFETCH(unsigned, seed);

    const Family f = v4 ? Family::V4 : Family::V6;
    const int bits = familyBits(f);
    const u128 max = lowMask(bits);
    std::mt19937_64 rng(seed);
    auto random128 = [&] { return (u128(rng()) << 64) | rng(); };
    // Widths of every magnitude, and starts near aligned borders, so that runs of both small and
    // large blocks and the ends of the space all come up.
    auto randomBelowBits = [&](int b) { return b == 0 ? u128(0) : random128() & lowMask(b); };
    auto make
        = [&](u128 v) { return v4 ? Address::v4(static_cast<std::uint32_t>(v)) : Address::v6(v); };

    for (int i = 0; i < 3000; ++i) {
        u128 first = random128() & max;
        switch (i % 4) {
        case 0: // near an aligned border
            first &= ~lowMask(static_cast<int>(rng() % bits));
            first = (first - (rng() % 3)) & max;
            break;
        case 1: // near the top of the space
            first = max - randomBelowBits(static_cast<int>(rng() % 20));
            break;
        default:
            break;
        }
        u128 width = randomBelowBits(static_cast<int>(rng() % (bits + 1)));
        u128 last = max - first < width ? max : first + width;
        const Range r(make(first), make(last));
        const auto ps = r.toPrefixes();
        const std::string why = checkCover(r, ps);
        QVERIFY2(why.empty(), (r.toString() + ": " + why).c_str());
        std::vector<Prefix> reference;
        treeCover(0, bits, first, last, f, reference);
        QVERIFY2(ps == reference,
            (r.toString() + ": got " + joined(ps).toStdString() + ", minimal is "
                + joined(reference).toStdString())
                .c_str());
    }
}

QTEST_APPLESS_MAIN(TestAddressCount)

#include "tst_addresscount.moc"
