// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of core/domain/net: the address arithmetic every pool, subnet and allocation in k3snet
// rests on. This part: MetalLB pool entries (IPAddressPool.spec.addresses, see
// shared/docs/reference/metallb.md §1.1 and §2) parsed into ranges, the mixed-family case,
// and the exact error messages of the address, prefix and pool-entry parsers.

#include "addresstestutil.h"

#include "domain/net/address.h"
#include "domain/net/prefix.h"
#include "domain/net/range.h"

#include <QTest>

using namespace k3snet::net;
using addresstest::bytes;
using addresstest::view;

class TestAddressRange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void poolEntry_data();
    void poolEntry();
    void poolEntryRejected_data();
    void poolEntryRejected();
    void mixedFamily_data();
    void mixedFamily();
    void exactMessages_data();
    void exactMessages();
};

// ---- Range and MetalLB pool entries ---------------------------------------------------------

void TestAddressRange::poolEntry_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("last");
    QTest::addColumn<QByteArray>("size");

    // Every form of metallb.md §1.1.
    QTest::newRow("v4 CIDR") << QByteArray("192.168.10.0/24") << QByteArray("192.168.10.0")
                             << QByteArray("192.168.10.255") << QByteArray("256");
    QTest::newRow("v4 CIDR with host bits")
        << QByteArray("192.168.10.7/24") << QByteArray("192.168.10.0")
        << QByteArray("192.168.10.255") << QByteArray("256");
    QTest::newRow("v6 CIDR") << QByteArray("2001:db8::/64") << QByteArray("2001:db8::")
                             << QByteArray("2001:db8::ffff:ffff:ffff:ffff")
                             << QByteArray("18446744073709551616");
    QTest::newRow("v6 /124") << QByteArray("fc00:f853:ccd:e799::/124")
                             << QByteArray("fc00:f853:ccd:e799::")
                             << QByteArray("fc00:f853:ccd:e799::f") << QByteArray("16");
    QTest::newRow("single /32") << QByteArray("10.0.0.7/32") << QByteArray("10.0.0.7")
                                << QByteArray("10.0.0.7") << QByteArray("1");
    QTest::newRow("single /128") << QByteArray("2001:db8::7/128") << QByteArray("2001:db8::7")
                                 << QByteArray("2001:db8::7") << QByteArray("1");
    QTest::newRow("range") << QByteArray("10.0.0.100-10.0.0.200") << QByteArray("10.0.0.100")
                           << QByteArray("10.0.0.200") << QByteArray("101");
    QTest::newRow("range, spaces around dash")
        << QByteArray("10.0.0.100 - 10.0.0.200") << QByteArray("10.0.0.100")
        << QByteArray("10.0.0.200") << QByteArray("101");
    QTest::newRow("range from the docs")
        << QByteArray("40.0.0.210 - 40.0.0.240") << QByteArray("40.0.0.210")
        << QByteArray("40.0.0.240") << QByteArray("31");
    QTest::newRow("a - a") << QByteArray("10.0.0.5 - 10.0.0.5") << QByteArray("10.0.0.5")
                           << QByteArray("10.0.0.5") << QByteArray("1");
    QTest::newRow("a-a") << QByteArray("10.0.0.5-10.0.0.5") << QByteArray("10.0.0.5")
                         << QByteArray("10.0.0.5") << QByteArray("1");
    QTest::newRow("spaces around the ends")
        << QByteArray("  10.0.0.1-10.0.0.2  ") << QByteArray("10.0.0.1") << QByteArray("10.0.0.2")
        << QByteArray("2");
    // Go's strings.TrimSpace also drops tabs and line breaks.
    QTest::newRow("tabs and newlines")
        << QByteArray("\t10.0.0.1\t-\n10.0.0.2\r\n") << QByteArray("10.0.0.1")
        << QByteArray("10.0.0.2") << QByteArray("2");
    QTest::newRow("v6 range") << QByteArray("2001:db8::1-2001:db8::ff") << QByteArray("2001:db8::1")
                              << QByteArray("2001:db8::ff") << QByteArray("255");
    QTest::newRow("v6 range, spaces")
        << QByteArray("2001:db8::1 - 2001:db8::1:0") << QByteArray("2001:db8::1")
        << QByteArray("2001:db8::1:0") << QByteArray("65536");
    QTest::newRow("v6 range with embedded v4")
        << QByteArray("::ffff:10.0.0.1-::ffff:10.0.0.9") << QByteArray("::ffff:10.0.0.1")
        << QByteArray("::ffff:10.0.0.9") << QByteArray("9");
    QTest::newRow("v6 CIDR with embedded v4")
        << QByteArray("64:ff9b::192.0.2.0/120") << QByteArray("64:ff9b::c000:200")
        << QByteArray("64:ff9b::c000:2ff") << QByteArray("256");
    QTest::newRow("whole v4") << QByteArray("0.0.0.0-255.255.255.255") << QByteArray("0.0.0.0")
                              << QByteArray("255.255.255.255") << QByteArray("4294967296");
    QTest::newRow("whole v6") << QByteArray(":: - ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
                              << QByteArray("::")
                              << QByteArray("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
                              << QByteArray("340282366920938463463374607431768211456");
}

void TestAddressRange::poolEntry()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, last);
    QFETCH(QByteArray, size);

    auto r = Range::parsePoolEntry(view(input));
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    QCOMPARE(bytes(r->first().toString()), first);
    QCOMPARE(bytes(r->last().toString()), last);
    QCOMPARE(bytes(r->size().toString()), size);
    QVERIFY(!Range::isMixedFamily(view(input)));

    // Range::toString() is itself a valid pool entry for the same range.
    const std::string text = r->toString();
    QCOMPARE(bytes(text), first == last ? first : QByteArray(first + '-' + last));
    auto again = Range::parsePoolEntry(
        r->first() == r->last() ? text + (r->first().isV4() ? "/32" : "/128") : text);
    QVERIFY2(again.ok(), again.ok() ? "" : again.error().c_str());
    QCOMPARE(*again, *r);
}

void TestAddressRange::poolEntryRejected_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("reason");

    // Rule 3: not a range and not a CIDR.
    QTest::newRow("bad octets") << QByteArray("100.200.300.400/24")
                                << QByteArray("octet out of range");
    QTest::newRow("/33") << QByteArray("1.2.3.0/33") << QByteArray("longer than 32 bits");
    QTest::newRow("/129") << QByteArray("2001:db8::/129") << QByteArray("longer than 128 bits");
    QTest::newRow("bare v4") << QByteArray("10.0.0.1") << QByteArray("missing \"/length\"");
    QTest::newRow("bare v6") << QByteArray("2001:db8::1") << QByteArray("missing \"/length\"");
    QTest::newRow("leading space")
        << QByteArray(" 10.0.0.0/24") << QByteArray("unexpected character ' '");
    QTest::newRow("trailing space")
        << QByteArray("10.0.0.0/24 ") << QByteArray("prefix length is not a number");
    QTest::newRow("empty") << QByteArray("") << QByteArray("missing \"/length\"");
    QTest::newRow("hostname") << QByteArray("lb.example.org/32")
                              << QByteArray("unexpected character 'l'");
    // Rule 4: unparsable ends.
    QTest::newRow("bad start") << QByteArray("10.0.0.x-10.0.0.5")
                               << QByteArray("invalid start IP: not an IPv4 address: unexpected "
                                             "character 'x'");
    QTest::newRow("bad end") << QByteArray("10.0.0.1-10.0.0.256")
                             << QByteArray("invalid end IP: not an IPv4 address: octet out of "
                                           "range");
    QTest::newRow("no end") << QByteArray("10.0.0.1-")
                            << QByteArray("invalid end IP: empty address");
    QTest::newRow("no start") << QByteArray(" - 10.0.0.1")
                              << QByteArray("invalid start IP: empty address");
    QTest::newRow("three ends") << QByteArray("10.0.0.1-10.0.0.2-10.0.0.3")
                                << QByteArray("invalid end IP");
    QTest::newRow("CIDRs as ends")
        << QByteArray("10.0.0.0/24-10.0.1.0/24") << QByteArray("invalid start IP");
    QTest::newRow("v6 start with zone") << QByteArray("fe80::1%eth0-fe80::2")
                                        << QByteArray("invalid start IP: not an IPv6 address: "
                                                      "zone");
    // The end contains ": "; the reason must still be the address parser's own.
    QTest::newRow("': ' inside an end") << QByteArray("::1-1: 2")
                                        << QByteArray("invalid end IP: not an IPv6 address: "
                                                      "unexpected character ' '");
    // Rule 5: start after end.
    QTest::newRow("reversed") << QByteArray("10.0.0.200-10.0.0.100")
                              << QByteArray("start IP 10.0.0.200 is after the end IP 10.0.0.100");
    QTest::newRow("reversed v6") << QByteArray("2001:db8::2 - 2001:db8::1")
                                 << QByteArray("start IP 2001:db8::2 is after the end IP "
                                               "2001:db8::1");
    // Mixed families: MetalLB rejects one order and silently drops the other; k3snet rejects
    // both, and Range::isMixedFamily lets the caller say which case it is.
    QTest::newRow("v4 to v6") << QByteArray("1.2.3.4-2001:db8::1")
                              << QByteArray("different families (IPv4 and IPv6)");
    QTest::newRow("v6 to v4") << QByteArray("2001:db8::1 - 1.2.3.4")
                              << QByteArray("different families (IPv6 and IPv4)");
}

void TestAddressRange::poolEntryRejected()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, reason);

    auto r = Range::parsePoolEntry(view(input));
    QVERIFY(!r.ok());
    const QByteArray message = bytes(r.error());
    QVERIFY2(message.startsWith(QByteArray('"' + input + "\": ")), message.constData());
    QVERIFY2(message.contains(reason), message.constData());
    QVERIFY2(message.count(QByteArray('"' + input + '"')) == 1, message.constData());
}

void TestAddressRange::mixedFamily_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("mixed");

    QTest::newRow("v4 to v6") << QByteArray("1.2.3.4-2001:db8::1") << true;
    QTest::newRow("v6 to v4, spaces") << QByteArray("2001:db8::1 - 1.2.3.4") << true;
    QTest::newRow("v4-mapped to v4") << QByteArray("::ffff:1.2.3.4-1.2.3.5") << true;
    QTest::newRow("v4 range") << QByteArray("1.2.3.4-1.2.3.5") << false;
    QTest::newRow("v6 range") << QByteArray("::1-::2") << false;
    QTest::newRow("CIDR") << QByteArray("10.0.0.0/24") << false;
    QTest::newRow("bad end") << QByteArray("1.2.3.4-nope") << false;
}

void TestAddressRange::mixedFamily()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, mixed);
    QCOMPARE(Range::isMixedFamily(view(input)), mixed);
}

void TestAddressRange::exactMessages_data()
{
    QTest::addColumn<QByteArray>("parser"); // address, prefix or entry
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("message");

    QTest::newRow("address") << QByteArray("address") << QByteArray("10.0.0.300")
                             << QByteArray("\"10.0.0.300\": not an IPv4 address: octet out of "
                                           "range (0-255)");
    QTest::newRow("prefix, bad address")
        << QByteArray("prefix") << QByteArray("10.0.0.300/24")
        << QByteArray("\"10.0.0.300/24\": not an IPv4 address: octet out of range (0-255)");
    QTest::newRow("entry, bad CIDR") << QByteArray("entry") << QByteArray("1.2.3.0/33")
                                     << QByteArray("\"1.2.3.0/33\": prefix length 33 is longer "
                                                   "than 32 bits of IPv4");
    QTest::newRow("entry, reversed") << QByteArray("entry") << QByteArray("10.0.0.200-10.0.0.100")
                                     << QByteArray("\"10.0.0.200-10.0.0.100\": start IP "
                                                   "10.0.0.200 is after the end IP 10.0.0.100");
    QTest::newRow("entry, bad start") << QByteArray("entry") << QByteArray("10.0.0.1x - 10.0.0.9")
                                      << QByteArray("\"10.0.0.1x - 10.0.0.9\": invalid start IP: "
                                                    "not an IPv4 address: unexpected character "
                                                    "'x'");
    // The address text contains ": " itself: the reason must not be cut out of it.
    QTest::newRow("prefix, ': ' in the address")
        << QByteArray("prefix") << QByteArray("1: 2/64")
        << QByteArray("\"1: 2/64\": not an IPv6 address: unexpected character ' '");
    QTest::newRow("entry, ': ' in the end")
        << QByteArray("entry") << QByteArray("::1-1: 2")
        << QByteArray("\"::1-1: 2\": invalid end IP: not an IPv6 address: unexpected character "
                      "' '");
    QTest::newRow("entry, ': ' in the start")
        << QByteArray("entry") << QByteArray("a: b-::1")
        << QByteArray("\"a: b-::1\": invalid start IP: not an IPv6 address: unexpected "
                      "character ' '");
}

void TestAddressRange::exactMessages()
{
    QFETCH(QByteArray, parser);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, message);

    std::string error;
    if (parser == "address")
        error = Address::parse(view(input)).error();
    else if (parser == "prefix")
        error = Prefix::parse(view(input)).error();
    else
        error = Range::parsePoolEntry(view(input)).error();
    QCOMPARE(bytes(error), message);
}

QTEST_APPLESS_MAIN(TestAddressRange)

#include "tst_addressrange.moc"
