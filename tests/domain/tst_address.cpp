// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of core/domain/net: the address arithmetic every pool, subnet and allocation in k3snet
// rests on. This part: parsing and formatting of addresses (RFC 5952) and prefixes, and
// subnets of a prefix. Pool entries: tst_addressrange.cpp; counts and CIDR covers:
// tst_addresscount.cpp; address sets: tst_addressset.cpp. Shared helpers: addresstestutil.h.

#include "addresstestutil.h"

#include "domain/net/address.h"
#include "domain/net/prefix.h"

#include <QTest>

using namespace k3snet::net;
using addresstest::address;
using addresstest::bytes;
using addresstest::hex128;
using addresstest::optionalText;
using addresstest::prefix;
using addresstest::view;

class TestAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseAddress_data();
    void parseAddress();
    void parseAddressRejected_data();
    void parseAddressRejected();
    void formatRfc5952_data();
    void formatRfc5952();
    void neighbours();
    void orderingAndBytes();

    void parsePrefix_data();
    void parsePrefix();
    void parsePrefixRejected_data();
    void parsePrefixRejected();
    void parsePrefixStrict();
    void prefixContains_data();
    void prefixContains();
    void subnet_data();
    void subnet();
};

// ---- Address --------------------------------------------------------------------------------

void TestAddress::parseAddress_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("v4");
    QTest::addColumn<QByteArray>("valueHex");
    QTest::addColumn<QByteArray>("text"); // toString()

    QTest::newRow("v4") << QByteArray("10.0.0.1") << true << QByteArray("0a000001")
                        << QByteArray("10.0.0.1");
    QTest::newRow("v4 zero") << QByteArray("0.0.0.0") << true << QByteArray("0")
                             << QByteArray("0.0.0.0");
    QTest::newRow("v4 max") << QByteArray("255.255.255.255") << true << QByteArray("ffffffff")
                            << QByteArray("255.255.255.255");
    QTest::newRow("v6 compressed")
        << QByteArray("2001:db8::1") << false << QByteArray("20010db8000000000000000000000001")
        << QByteArray("2001:db8::1");
    QTest::newRow("v6 upper case")
        << QByteArray("2001:DB8::A") << false << QByteArray("20010db800000000000000000000000a")
        << QByteArray("2001:db8::a");
    QTest::newRow("v6 full with leading zeros")
        << QByteArray("2001:0db8:0000:0000:0000:0000:0000:0001") << false
        << QByteArray("20010db8000000000000000000000001") << QByteArray("2001:db8::1");
    QTest::newRow("v6 unspecified")
        << QByteArray("::") << false << QByteArray("0") << QByteArray("::");
    QTest::newRow("v6 loopback") << QByteArray("::1") << false << QByteArray("1")
                                 << QByteArray("::1");
    QTest::newRow("v6 trailing ::")
        << QByteArray("fe80::") << false << QByteArray("fe800000000000000000000000000000")
        << QByteArray("fe80::");
    QTest::newRow("v6 max") << QByteArray("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff") << false
                            << QByteArray("ffffffffffffffffffffffffffffffff")
                            << QByteArray("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    QTest::newRow("v6 :: for one group")
        << QByteArray("1:2:3:4:5:6::8") << false << QByteArray("00010002000300040005000600000008")
        << QByteArray("1:2:3:4:5:6:0:8");
    // Embedded IPv4 in the last 32 bits (RFC 4291 §2.2 form 3).
    QTest::newRow("v4-mapped") << QByteArray("::ffff:10.0.0.1") << false
                               << QByteArray("ffff0a000001") << QByteArray("::ffff:10.0.0.1");
    QTest::newRow("v4-mapped in hex")
        << QByteArray("::ffff:a00:1") << false << QByteArray("ffff0a000001")
        << QByteArray("::ffff:10.0.0.1");
    QTest::newRow("v4-mapped spelled out")
        << QByteArray("0:0:0:0:0:ffff:192.0.2.1") << false << QByteArray("ffffc0000201")
        << QByteArray("::ffff:192.0.2.1");
    QTest::newRow("v4-compatible (deprecated)")
        << QByteArray("::10.0.0.1") << false << QByteArray("0a000001") << QByteArray("::a00:1");
    QTest::newRow("NAT64 well-known prefix")
        << QByteArray("64:ff9b::192.0.2.33") << false
        << QByteArray("0064ff9b0000000000000000c0000221") << QByteArray("64:ff9b::c000:221");
    QTest::newRow("six groups then v4")
        << QByteArray("1:2:3:4:5:6:1.2.3.4") << false
        << QByteArray("00010002000300040005000601020304") << QByteArray("1:2:3:4:5:6:102:304");
}

void TestAddress::parseAddress()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, v4);
    QFETCH(QByteArray, valueHex);
    QFETCH(QByteArray, text);

    auto r = Address::parse(view(input));
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    QCOMPARE(r->isV4(), v4);
    QCOMPARE(r->family(), v4 ? Family::V4 : Family::V6);
    QVERIFY(r->value() == hex128(valueHex));
    QCOMPARE(bytes(r->toString()), text);
    // The canonical text reads back as the same address.
    auto again = Address::parse(r->toString());
    QVERIFY(again.ok());
    QCOMPARE(*again, *r);
}

void TestAddress::parseAddressRejected_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("reason");

    QTest::newRow("empty") << QByteArray("") << QByteArray("empty address");
    QTest::newRow("octet > 255") << QByteArray("10.0.0.300") << QByteArray("octet out of range");
    QTest::newRow("huge octet") << QByteArray("10.0.0.99999999999999999999")
                                << QByteArray("octet out of range");
    QTest::newRow("three octets") << QByteArray("10.0.0") << QByteArray("too few octets");
    QTest::newRow("five octets") << QByteArray("10.0.0.0.1") << QByteArray("too many octets");
    QTest::newRow("trailing dot") << QByteArray("10.0.0.1.") << QByteArray("too many octets");
    QTest::newRow("empty octet") << QByteArray("10..0.1") << QByteArray("unexpected character '.'");
    QTest::newRow("leading zero") << QByteArray("010.0.0.1") << QByteArray("leading zero");
    QTest::newRow("leading space")
        << QByteArray(" 10.0.0.1") << QByteArray("unexpected character ' '");
    QTest::newRow("trailing space")
        << QByteArray("10.0.0.1 ") << QByteArray("unexpected character ' '");
    QTest::newRow("letters") << QByteArray("a.b.c.d") << QByteArray("unexpected character 'a'");
    QTest::newRow("hostname") << QByteArray("pi-1") << QByteArray("unexpected character 'p'");
    QTest::newRow("two ::") << QByteArray("2001:db8::1::2") << QByteArray("more than one '::'");
    QTest::newRow(":::") << QByteArray("2001:db8:::1") << QByteArray("empty group");
    QTest::newRow("single leading :") << QByteArray(":1::") << QByteArray("single ':'");
    QTest::newRow("single trailing :") << QByteArray("1::2:") << QByteArray("single ':'");
    QTest::newRow("5 hex digits") << QByteArray("12345::") << QByteArray("longer than 4");
    QTest::newRow("not hex") << QByteArray("g::1") << QByteArray("unexpected character 'g'");
    QTest::newRow("zone id") << QByteArray("fe80::1%eth0") << QByteArray("zone");
    QTest::newRow("7 groups") << QByteArray("1:2:3:4:5:6:7") << QByteArray("too few groups");
    QTest::newRow("9 groups") << QByteArray("1:2:3:4:5:6:7:8:9") << QByteArray("too many groups");
    QTest::newRow(":: for no group")
        << QByteArray("1:2:3:4::5:6:7:8") << QByteArray("'::' stands for no group");
    QTest::newRow("v4 not last") << QByteArray("::1.2.3.4:5") << QByteArray("must come last");
    QTest::newRow("bad embedded v4") << QByteArray("::ffff:1.2.3.256")
                                     << QByteArray("embedded IPv4 address: octet out of range");
    QTest::newRow("v4 after 7 groups")
        << QByteArray("1:2:3:4:5:6:7:1.2.3.4") << QByteArray("too many groups");
    QTest::newRow("v4 with port") << QByteArray("10.0.0.1:80") << QByteArray("must come last");
    QTest::newRow("brackets") << QByteArray("[::1]") << QByteArray("unexpected character '['");
}

void TestAddress::parseAddressRejected()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, reason);

    auto r = Address::parse(view(input));
    QVERIFY(!r.ok());
    const QByteArray message = bytes(r.error());
    QVERIFY2(message.startsWith(QByteArray('"' + input + "\": ")), message.constData());
    QVERIFY2(message.contains(reason), message.constData());
}

void TestAddress::formatRfc5952_data()
{
    QTest::addColumn<QByteArray>("valueHex");
    QTest::addColumn<QByteArray>("text");

    // RFC 5952 §4.1: leading zeros suppressed; §4.3: lower case.
    QTest::newRow("leading zeros")
        << QByteArray("20010db800000000000000000000abcd") << QByteArray("2001:db8::abcd");
    // §4.2.1: "::" shortens as much as possible.
    QTest::newRow("longest possible")
        << QByteArray("20010db8000000000000000000000001") << QByteArray("2001:db8::1");
    // §4.2.2: a single zero group is not shortened.
    QTest::newRow("single zero group")
        << QByteArray("20010db8000000010001000100010001") << QByteArray("2001:db8:0:1:1:1:1:1");
    // §4.2.3: the longest run, and on a tie the first one.
    QTest::newRow("longest run") << QByteArray("20010000000000010000000000000001")
                                 << QByteArray("2001:0:0:1::1");
    QTest::newRow("tie: first run")
        << QByteArray("20010db8000000000001000000000001") << QByteArray("2001:db8::1:0:0:1");
    QTest::newRow("alternating zeros")
        << QByteArray("00010000000100000001000000010000") << QByteArray("1:0:1:0:1:0:1:0");
    QTest::newRow("all zero") << QByteArray("0") << QByteArray("::");
    QTest::newRow("run at the end")
        << QByteArray("ffff0000000000000000000000000000") << QByteArray("ffff::");
    QTest::newRow("run at the start")
        << QByteArray("00000000000000000000000000010002") << QByteArray("::1:2");
    QTest::newRow("no zero") << QByteArray("00010002000300040005000600070008")
                             << QByteArray("1:2:3:4:5:6:7:8");
    // §5: IPv4-mapped addresses in mixed notation; no other prefix is recognised.
    QTest::newRow("v4-mapped") << QByteArray("ffff01020304") << QByteArray("::ffff:1.2.3.4");
    QTest::newRow("v4-mapped zero") << QByteArray("ffff00000000") << QByteArray("::ffff:0.0.0.0");
    QTest::newRow("v4-mapped max")
        << QByteArray("ffffffffffff") << QByteArray("::ffff:255.255.255.255");
    QTest::newRow("not mapped: fffe") << QByteArray("fffe01020304") << QByteArray("::fffe:102:304");
    QTest::newRow("not mapped: 1:ffff")
        << QByteArray("1ffff01020304") << QByteArray("::1:ffff:102:304");
    QTest::newRow("not mapped: v4-translated")
        << QByteArray("ffff000001020304") << QByteArray("::ffff:0:102:304");
    QTest::newRow("not mapped: prefix elsewhere")
        << QByteArray("ffff00000000000000000000") << QByteArray("0:0:ffff::");
}

void TestAddress::formatRfc5952()
{
    QFETCH(QByteArray, valueHex);
    QFETCH(QByteArray, text);

    const Address a = Address::v6(hex128(valueHex));
    QCOMPARE(bytes(a.toString()), text);
    auto back = Address::parse(view(text));
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().c_str());
    QCOMPARE(*back, a);
}

void TestAddress::neighbours()
{
    const Address v4max = address("255.255.255.255");
    QVERIFY(v4max.isMax());
    QVERIFY(!v4max.next());
    QCOMPARE(*v4max.prev(), address("255.255.255.254"));
    QVERIFY(!address("0.0.0.0").prev());
    QCOMPARE(*address("10.0.0.255").next(), address("10.0.1.0"));
    QCOMPARE(*address("0.0.0.0").offset(0xffffffffu), v4max);
    QVERIFY(!address("0.0.0.1").offset(0xffffffffu));

    const Address v6max = address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    QVERIFY(v6max.isMax());
    QVERIFY(!v6max.next());
    QVERIFY(!address("::").prev());
    QCOMPARE(*address("::ffff:ffff").next(), address("::1:0:0"));
    QCOMPARE(*address("::").offset(~u128(0)), v6max);
    QVERIFY(!address("::1").offset(~u128(0)));
    // An IPv4 address never steps into IPv6 space, however large the offset.
    QVERIFY(!address("10.0.0.1").offset(u128(1) << 40));

    QCOMPARE(address("10.0.0.255").lastOctet(), 255u);
    QCOMPARE(address("2001:db8::1:ff00").lastOctet(), 0u);
}

void TestAddress::orderingAndBytes()
{
    // Every IPv4 address sorts before every IPv6 address, so one ordered set holds both.
    QVERIFY(address("255.255.255.255") < address("::"));
    QVERIFY(address("10.0.0.1") < address("10.0.0.2"));
    QVERIFY(address("::ffff:10.0.0.1") != address("10.0.0.1"));
    QVERIFY(address("2001:db8::1") > address("::ffff:255.255.255.255"));

    unsigned char b4[4];
    address("192.0.2.1").toBytes(b4);
    QCOMPARE(int(b4[0]), 192);
    QCOMPARE(int(b4[3]), 1);
    QCOMPARE(Address::fromBytes(b4, Family::V4), address("192.0.2.1"));

    unsigned char b6[16];
    const Address a6 = address("2001:db8::ff:1");
    a6.toBytes(b6);
    QCOMPARE(int(b6[0]), 0x20);
    QCOMPARE(int(b6[1]), 0x01);
    QCOMPARE(int(b6[13]), 0xff);
    QCOMPARE(int(b6[15]), 0x01);
    QCOMPARE(Address::fromBytes(b6, Family::V6), a6);
}

// ---- Prefix ---------------------------------------------------------------------------------

void TestAddress::parsePrefix_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("lastText");
    QTest::addColumn<QByteArray>("size");

    QTest::newRow("v4 /24") << QByteArray("10.0.0.0/24") << QByteArray("10.0.0.0/24")
                            << QByteArray("10.0.0.255") << QByteArray("256");
    // Like Go's net.ParseCIDR (MetalLB, k3s), host bits are cleared, not an error.
    QTest::newRow("v4 host bits") << QByteArray("10.0.0.5/24") << QByteArray("10.0.0.0/24")
                                  << QByteArray("10.0.0.255") << QByteArray("256");
    QTest::newRow("v4 single /32") << QByteArray("10.0.0.7/32") << QByteArray("10.0.0.7/32")
                                   << QByteArray("10.0.0.7") << QByteArray("1");
    QTest::newRow("v4 /0") << QByteArray("0.0.0.0/0") << QByteArray("0.0.0.0/0")
                           << QByteArray("255.255.255.255") << QByteArray("4294967296");
    QTest::newRow("v4 /0 host bits") << QByteArray("192.0.2.1/0") << QByteArray("0.0.0.0/0")
                                     << QByteArray("255.255.255.255") << QByteArray("4294967296");
    QTest::newRow("v6 /64") << QByteArray("2001:db8::/64") << QByteArray("2001:db8::/64")
                            << QByteArray("2001:db8::ffff:ffff:ffff:ffff")
                            << QByteArray("18446744073709551616");
    QTest::newRow("v6 /124 (MetalLB docs)")
        << QByteArray("fc00:f853:ccd:e799::/124") << QByteArray("fc00:f853:ccd:e799::/124")
        << QByteArray("fc00:f853:ccd:e799::f") << QByteArray("16");
    QTest::newRow("v6 single /128")
        << QByteArray("2001:db8::7/128") << QByteArray("2001:db8::7/128")
        << QByteArray("2001:db8::7") << QByteArray("1");
    QTest::newRow("v6 /0") << QByteArray("::/0") << QByteArray("::/0")
                           << QByteArray("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
                           << QByteArray("340282366920938463463374607431768211456");
    QTest::newRow("v6 upper case, host bits")
        << QByteArray("2001:DB8:0:0:1::/48") << QByteArray("2001:db8::/48")
        << QByteArray("2001:db8:0:ffff:ffff:ffff:ffff:ffff")
        << QByteArray("1208925819614629174706176");
    QTest::newRow("v6 embedded v4")
        << QByteArray("::ffff:192.0.2.0/120") << QByteArray("::ffff:192.0.2.0/120")
        << QByteArray("::ffff:192.0.2.255") << QByteArray("256");
    QTest::newRow("v6 /1 upper half") << QByteArray("8000::/1") << QByteArray("8000::/1")
                                      << QByteArray("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
                                      << QByteArray("170141183460469231731687303715884105728");
}

void TestAddress::parsePrefix()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, lastText);
    QFETCH(QByteArray, size);

    auto p = Prefix::parse(view(input));
    QVERIFY2(p.ok(), p.ok() ? "" : p.error().c_str());
    QCOMPARE(bytes(p->toString()), text);
    QCOMPARE(bytes(p->last().toString()), lastText);
    QCOMPARE(bytes(p->size().toString()), size);
    QCOMPARE(p->range().size(), p->size());
    QCOMPARE(p->range().first(), p->network());
    QCOMPARE(p->range().last(), p->last());
    // The canonical text reads back as the same prefix, strictly.
    auto again = Prefix::parseStrict(p->toString());
    QVERIFY2(again.ok(), again.ok() ? "" : again.error().c_str());
    QCOMPARE(*again, *p);
}

void TestAddress::parsePrefixRejected_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("reason");

    QTest::newRow("bare address") << QByteArray("10.0.0.1") << QByteArray("missing \"/length\"");
    QTest::newRow("bare v6 address")
        << QByteArray("2001:db8::1") << QByteArray("missing \"/length\"");
    QTest::newRow("empty") << QByteArray("") << QByteArray("missing \"/length\"");
    QTest::newRow("no length") << QByteArray("10.0.0.0/") << QByteArray("missing prefix length");
    QTest::newRow("no address") << QByteArray("/24") << QByteArray("empty address");
    QTest::newRow("v4 /33") << QByteArray("1.2.3.0/33")
                            << QByteArray("prefix length 33 is longer than 32 bits of IPv4");
    QTest::newRow("v6 /129") << QByteArray("2001:db8::/129")
                             << QByteArray("prefix length 129 is longer than 128 bits of IPv6");
    QTest::newRow("huge length") << QByteArray("10.0.0.0/4294967328")
                                 << QByteArray("is longer than 32 bits");
    QTest::newRow("bad octets") << QByteArray("100.200.300.400/24")
                                << QByteArray("octet out of range");
    QTest::newRow("length not a number")
        << QByteArray("10.0.0.0/2a") << QByteArray("prefix length is not a number");
    QTest::newRow("negative length")
        << QByteArray("10.0.0.0/-1") << QByteArray("prefix length is not a number");
    QTest::newRow("two slashes") << QByteArray("10.0.0.0/24/8")
                                 << QByteArray("prefix length is not a number");
    QTest::newRow("netmask form") << QByteArray("10.0.0.0/255.255.255.0")
                                  << QByteArray("prefix length is not a number");
    QTest::newRow("leading space")
        << QByteArray(" 10.0.0.0/24") << QByteArray("unexpected character ' '");
    QTest::newRow("trailing space")
        << QByteArray("10.0.0.0/24 ") << QByteArray("prefix length is not a number");
    QTest::newRow("space before slash")
        << QByteArray("10.0.0.0 /24") << QByteArray("unexpected character ' '");
    QTest::newRow("length with leading zero")
        << QByteArray("10.0.0.0/024") << QByteArray("leading zero");
    QTest::newRow("zone id") << QByteArray("fe80::%eth0/64") << QByteArray("zone");
    // The address part itself contains ": "; the reason must still be the address parser's.
    QTest::newRow("': ' inside the address") << QByteArray("1: 2/64")
                                             << QByteArray(": not an IPv6 address: unexpected "
                                                           "character ' '");
}

void TestAddress::parsePrefixRejected()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, reason);

    for (bool strict : {false, true}) {
        auto p = strict ? Prefix::parseStrict(view(input)) : Prefix::parse(view(input));
        QVERIFY(!p.ok());
        const QByteArray message = bytes(p.error());
        QVERIFY2(message.startsWith(QByteArray('"' + input + "\": ")), message.constData());
        QVERIFY2(message.contains(reason), message.constData());
        // The input is named once, at the start, not again inside the reason.
        QVERIFY2(message.count(QByteArray('"' + input + '"')) == 1, message.constData());
    }
}

void TestAddress::parsePrefixStrict()
{
    auto loose = Prefix::parse("10.0.0.5/24");
    QVERIFY(loose.ok());
    auto strict = Prefix::parseStrict("10.0.0.5/24");
    QVERIFY(!strict.ok());
    QCOMPARE(bytes(strict.error()),
        QByteArray("\"10.0.0.5/24\": host bits are set (did you mean 10.0.0.0/24?)"));
    auto strict6 = Prefix::parseStrict("2001:db8::1/64");
    QVERIFY(!strict6.ok());
    QVERIFY(bytes(strict6.error()).contains("did you mean 2001:db8::/64?"));
    QVERIFY(Prefix::parseStrict("2001:db8::/64").ok());
    QVERIFY(Prefix::parseStrict("10.0.0.5/32").ok());
}

void TestAddress::prefixContains_data()
{
    QTest::addColumn<QByteArray>("outer");
    QTest::addColumn<QByteArray>("inner");
    QTest::addColumn<bool>("contains");
    QTest::addColumn<bool>("overlaps");

    QTest::newRow("same") << QByteArray("10.0.0.0/24") << QByteArray("10.0.0.0/24") << true << true;
    QTest::newRow("longer inside")
        << QByteArray("10.0.0.0/16") << QByteArray("10.0.5.0/24") << true << true;
    QTest::newRow("shorter around")
        << QByteArray("10.0.5.0/24") << QByteArray("10.0.0.0/16") << false << true;
    QTest::newRow("siblings") << QByteArray("10.0.0.0/25") << QByteArray("10.0.0.128/25") << false
                              << false;
    QTest::newRow("v4 /0 vs v6") << QByteArray("0.0.0.0/0") << QByteArray("::/128") << false
                                 << false;
    QTest::newRow("v6 /0 vs v4-mapped")
        << QByteArray("::/0") << QByteArray("::ffff:0.0.0.0/96") << true << true;
    QTest::newRow("v6 /0 vs v4") << QByteArray("::/0") << QByteArray("10.0.0.0/8") << false
                                 << false;
}

void TestAddress::prefixContains()
{
    QFETCH(QByteArray, outer);
    QFETCH(QByteArray, inner);
    QFETCH(bool, contains);
    QFETCH(bool, overlaps);

    const Prefix o = prefix(view(outer));
    const Prefix i = prefix(view(inner));
    QCOMPARE(o.contains(i), contains);
    QCOMPARE(o.overlaps(i), overlaps);
    QCOMPARE(i.overlaps(o), overlaps);
    QCOMPARE(o.contains(i.network()) && o.contains(i.last()), contains);
    QCOMPARE(o.range().overlaps(i.range()), overlaps);
}

void TestAddress::subnet_data()
{
    QTest::addColumn<QByteArray>("parent");
    QTest::addColumn<int>("newLength");
    QTest::addColumn<QByteArray>("indexHex");
    QTest::addColumn<QByteArray>("expected"); // "none" when out of range

    // The k3s way: one /24 per node out of the /16 pod CIDR.
    QTest::newRow("first /24 of /16")
        << QByteArray("10.42.0.0/16") << 24 << QByteArray("0") << QByteArray("10.42.0.0/24");
    QTest::newRow("node 3") << QByteArray("10.42.0.0/16") << 24 << QByteArray("3")
                            << QByteArray("10.42.3.0/24");
    QTest::newRow("last /24 of /16")
        << QByteArray("10.42.0.0/16") << 24 << QByteArray("ff") << QByteArray("10.42.255.0/24");
    QTest::newRow("past the last /24")
        << QByteArray("10.42.0.0/16") << 24 << QByteArray("100") << QByteArray("none");
    QTest::newRow("same length") << QByteArray("10.42.0.0/16") << 16 << QByteArray("0")
                                 << QByteArray("10.42.0.0/16");
    QTest::newRow("same length, index 1")
        << QByteArray("10.42.0.0/16") << 16 << QByteArray("1") << QByteArray("none");
    QTest::newRow("shorter") << QByteArray("10.42.0.0/16") << 15 << QByteArray("0")
                             << QByteArray("none");
    QTest::newRow("longer than 32")
        << QByteArray("10.42.0.0/16") << 33 << QByteArray("0") << QByteArray("none");
    QTest::newRow("last v4 address") << QByteArray("0.0.0.0/0") << 32 << QByteArray("ffffffff")
                                     << QByteArray("255.255.255.255/32");
    QTest::newRow("past the v4 space")
        << QByteArray("0.0.0.0/0") << 32 << QByteArray("100000000") << QByteArray("none");
    QTest::newRow("v6 /64 of /48") << QByteArray("2001:db8::/48") << 64 << QByteArray("1234")
                                   << QByteArray("2001:db8:0:1234::/64");
    QTest::newRow("v6 /0 in halves")
        << QByteArray("::/0") << 1 << QByteArray("1") << QByteArray("8000::/1");
    QTest::newRow("v6 /0 itself") << QByteArray("::/0") << 0 << QByteArray("0")
                                  << QByteArray("::/0");
    QTest::newRow("v6 /0 itself, index 1")
        << QByteArray("::/0") << 0 << QByteArray("1") << QByteArray("none");
    QTest::newRow("last v6 address")
        << QByteArray("::/0") << 128 << QByteArray("ffffffffffffffffffffffffffffffff")
        << QByteArray("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128");
    QTest::newRow("v6 /127 of /120") << QByteArray("2001:db8::100/120") << 127 << QByteArray("7f")
                                     << QByteArray("2001:db8::1fe/127");
    QTest::newRow("v6 /127 past") << QByteArray("2001:db8::100/120") << 127 << QByteArray("80")
                                  << QByteArray("none");
    QTest::newRow("v6 longer than 128")
        << QByteArray("2001:db8::/64") << 129 << QByteArray("0") << QByteArray("none");
}

void TestAddress::subnet()
{
    QFETCH(QByteArray, parent);
    QFETCH(int, newLength);
    QFETCH(QByteArray, indexHex);
    QFETCH(QByteArray, expected);

    const Prefix p = prefix(view(parent));
    const auto s = p.subnet(newLength, hex128(indexHex));
    QCOMPARE(optionalText(s), expected);
    if (s)
        QVERIFY(p.contains(*s));
}

QTEST_APPLESS_MAIN(TestAddress)

#include "tst_address.moc"
