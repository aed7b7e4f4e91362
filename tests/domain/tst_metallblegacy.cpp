// SPDX-License-Identifier: GPL-3.0-or-later
// Import of the legacy MetalLB configuration (the "config" ConfigMap and Helm's configInline):
// it converts byte for byte to configmaptocrs's golden output, lands in the model with its
// locations inside the embedded text, reports bad values as MetalLB does, renames objects by
// configmaptocrs's rule, and reads and writes Go durations as Go does.
#include "metallbtestutil.h"

#include "domain/io/legacyconfig.h"
#include "domain/io/metallbexport.h"
#include "domain/io/metallbimport.h"

#include <QtTest>

using namespace k3snet;
using metallbtest::codes;
using metallbtest::corpusDir;
using metallbtest::dump;
using metallbtest::find;
using metallbtest::import;
using metallbtest::importCorpus;
using metallbtest::readAll;

class TestMetalLBLegacy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void legacyGolden_data();
    void legacyGolden();
    void legacyImport();
    void legacyLocations();
    void legacyErrors_data();
    void legacyErrors();
    void legacyNames();
    void configInline();
    void goDurations();
};

void TestMetalLBLegacy::legacyGolden_data()
{
    QTest::addColumn<QString>("input");
    for (const char *name :
        {"config-data-address-pools", "config-yaml-address-pools", "config-yaml-full"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestMetalLBLegacy::legacyGolden()
{
    QFETCH(QString, input);
    rules::Diagnostics diagnostics;
    const std::string converted = io::exportLegacyConversion(
        readAll(corpusDir + "/" + input + ".yaml"), input.toStdString(), &diagnostics);
    QVERIFY2(!rules::hasErrors(diagnostics), qPrintable(dump(diagnostics)));
    // Byte for byte what MetalLB's configmaptocrs writes.
    QCOMPARE(QString::fromStdString(converted),
        QString::fromStdString(readAll(corpusDir + "/" + input + ".golden")));
}

void TestMetalLBLegacy::legacyImport()
{
    const auto r = importCorpus("config-yaml-full.yaml");
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    const auto &p = r.project;
    QCOMPARE(p.pools.size(), std::size_t(2));
    QCOMPARE(p.pools[0].name, "my-ip-space");
    QCOMPARE(p.pools[0].addresses,
        (std::vector<std::string>{"192.168.10.0/24", "192.168.0.150-192.168.0.200"}));
    QCOMPARE(p.pools[0].autoAssign, true);
    QCOMPARE(p.pools[0].avoidBuggyIPs, true);
    QCOMPARE(p.pools[0].namespaceName, "metallb-system");
    QCOMPARE(p.pools[1].name, "my-l2-space");
    QVERIFY(!p.pools[1].autoAssign);
    // "l2" is not a protocol configmaptocrs knows: no L2Advertisement.
    QVERIFY(p.l2Advertisements.empty());
    QStringList kinds;
    for (const auto &o : p.preserved)
        kinds << QString::fromStdString(o.kind + "/" + o.name);
    QCOMPARE(kinds,
        (QStringList{"BGPPeer/peer1", "BGPAdvertisement/bgpadvertisement1",
            "BFDProfile/bfdprofile1", "Community/communities"}));
    QCOMPARE(p.preserved[0].apiVersion, "metallb.io/v1beta2");
    QVERIFY(p.preserved[0].yaml.find("holdTime: 2m0s\n") != std::string::npos);

    QVERIFY(codes(r.diagnostics, rules::Severity::Warning).contains("legacy-bgp-not-managed"));
    QVERIFY(codes(r.diagnostics, rules::Severity::Warning).contains("legacy-unknown-protocol"));
    QVERIFY(codes(r.diagnostics, rules::Severity::Info).contains("legacy-configmap-deprecated"));
    QCOMPARE(codes(r.diagnostics, rules::Severity::Info).count("object-preserved"), 4);
    const auto *unknown = find(r.diagnostics, "legacy-unknown-protocol");
    QVERIFY(unknown->message.find("\"l2\"") != std::string::npos);
}

void TestMetalLBLegacy::legacyLocations()
{
    // Locations inside data.config (a literal block) point into the file: the pool item of
    // my-l2-space is line 42, column 7 of config-yaml-full.yaml.
    const auto r = importCorpus("config-yaml-full.yaml");
    const auto *unknown = find(r.diagnostics, "legacy-unknown-protocol");
    QVERIFY(unknown);
    QCOMPARE(unknown->location.line, 42);
    QCOMPARE(unknown->location.column, 7);
    const auto *bgp = find(r.diagnostics, "legacy-bgp-not-managed");
    QCOMPARE(bgp->location.line, 28);
    // The rules find the converted pool's addresses where they were written.
    const auto loc = r.project.sources.find("pools/my-l2-space.addresses[1]");
    QCOMPARE(std::pair(loc.line, loc.column), std::pair(46, 9));

    // A typo inside data.config is reported at its own line and column.
    const std::string text
        = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: metallb-system\n  name: "
          "config\n"
          "data:\n  config: |\n    address-pools:\n    - name: a\n      protocol: layer2\n"
          "      adresses: [10.0.0.1/32]\n";
    const auto typo = import(text);
    const auto *d = find(typo.diagnostics, "unknown-key");
    QVERIFY2(d, qPrintable(dump(typo.diagnostics)));
    QCOMPARE(std::pair(d->location.line, d->location.column), std::pair(11, 7));
    QVERIFY2(
        d->message.find("did you mean \"addresses\"") != std::string::npos, d->message.c_str());
    QCOMPARE(d->severity, rules::Severity::Error);
}

void TestMetalLBLegacy::legacyErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    const QByteArray peers
        = "peers:\n- peer-address: 10.0.0.1\n  peer-asn: 64512\n  my-asn: 64512\n";
    QTest::newRow("hold time too short")
        << QByteArray(peers + "  hold-time: 2s\n") << "invalid-value"
        << "peers[0].hold-time: invalid hold time \"2s\": must be 0 or >=3s";
    QTest::newRow("hold time without unit")
        << QByteArray(peers + "  hold-time: \"120\"\n") << "invalid-value"
        << "peers[0].hold-time: invalid hold time \"120\": time: missing unit in duration \"120\"";
    QTest::newRow("keepalive bad unit")
        << QByteArray(peers + "  keepalive-time: 3x\n") << "invalid-value"
        << "peers[0].keepalive-time: invalid keepalive time \"3x\": time: unknown unit \"x\" in "
           "duration \"3x\"";
    QTest::newRow("asn out of range")
        << QByteArray("peers:\n- my-asn: 4294967296\n") << "invalid-value"
        << "peers[0].my-asn: 4294967296 is out of range (0..4294967295)";
    QTest::newRow("addresses not a list")
        << QByteArray("address-pools:\n- name: a\n  protocol: layer2\n  addresses: 10.0.0.1/32\n")
        << "wrong-type"
        << "expected a list of strings for address-pools[0].addresses...";
    QTest::newRow("unknown top key")
        << QByteArray("address-pools: []\nbgp-communitys: {}\n") << "unknown-key"
        << "unknown key \"bgp-communitys\" in the document; did you mean \"bgp-communities\"?";
}

void TestMetalLBLegacy::legacyErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const auto r = import(text.toStdString());
    QVERIFY(r.hasErrors());
    const auto *d = find(r.diagnostics, code.toStdString());
    QVERIFY2(d, qPrintable(dump(r.diagnostics)));
    const QString actual = QString::fromStdString(d->message);
    if (message.endsWith("..."))
        QVERIFY2(actual.startsWith(message.chopped(3)), qPrintable(actual));
    else
        QCOMPARE(actual, message);
    QVERIFY(d->location.line > 0);
}

void TestMetalLBLegacy::legacyNames()
{
    // configmaptocrs's name rule, and pools referenced under their new names.
    QCOMPARE(io::legacyObjectName("01-numbered-addresspool"), "numbered-addresspool");
    QCOMPARE(io::legacyObjectName("Capitalized-AddressPool"), "capitalized-addresspool");
    QCOMPARE(io::legacyObjectName("underscored_bfd_profile"), "underscored-bfd-profile");
    QCOMPARE(io::legacyObjectName(
                 "tooLongBFDProfileName01-tooLongBFDProfileName02-tooLongBFDProfileName03-x"),
        "toolongbfdprofilename01-toolongbfdprofilename02-toolongbfdprofi");
    QCOMPARE(io::legacyObjectName("fine-name"), "fine-name");
    const auto r = import(
        "address-pools:\n- name: Pool_A\n  protocol: layer2\n  addresses: [10.0.0.0/28]\n");
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.project.pools.at(0).name, "pool-a");
    QCOMPARE(r.project.l2Advertisements.at(0).ipAddressPools, std::vector<std::string>{"pool-a"});
}

void TestMetalLBLegacy::configInline()
{
    // The seed's values.yaml, with the indentation it should have had.
    const std::string values
        = "controller:\n  image: {tag: v0.12.1}\nconfigInline:\n  address-pools:\n"
          "    - name: default\n      protocol: layer2\n      addresses:\n"
          "        - 10.0.0.100-10.0.0.200\n";
    auto r = import(values, "values.yaml");
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.project.pools.size(), std::size_t(1));
    QCOMPARE(r.project.pools[0].addresses, std::vector<std::string>{"10.0.0.100-10.0.0.200"});
    QCOMPARE(r.project.l2Advertisements.at(0).name, "l2advertisement1");
    QCOMPARE(r.project.l2Advertisements.at(0).ipAddressPools, std::vector<std::string>{"default"});
    const auto *d = find(r.diagnostics, "legacy-configinline-deprecated");
    QVERIFY(d);
    QCOMPARE(d->severity, rules::Severity::Info);
    QCOMPARE(d->location.line, 4);
    QCOMPARE(r.project.sources.find("pools/default.addresses[0]").line, 8);

    // configInline as a string, too.
    r = import("configInline: |\n  address-pools:\n  - name: s\n    protocol: layer2\n    "
               "addresses: [10.1.0.0/24]\n");
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.project.pools.at(0).name, "s");
    QCOMPARE(r.project.sources.find("pools/s").line, 3);

    // The seed's snippet as printed (protocol indented under the name) is not YAML.
    r = import("configInline:\n  address-pools:\n    - name: default\n        protocol: layer2\n",
        "values.yaml");
    QVERIFY(r.hasErrors());
    QCOMPARE(r.diagnostics.at(0).code, "yaml-syntax");
    QCOMPARE(r.diagnostics.at(0).location.line, 4);

    // The same conversion reproduces configmaptocrs's text.
    const std::string golden = io::exportLegacyConversion(values, "values.yaml");
    QVERIFY(
        golden.starts_with("# This was autogenerated by MetalLB's custom resource generator.\n"));
    QVERIFY(golden.find("kind: L2Advertisement\nmetadata:\n  name: l2advertisement1\n")
        != std::string::npos);
}

void TestMetalLBLegacy::goDurations()
{
    QCOMPARE(io::goDurationText(120), "2m0s");
    QCOMPARE(io::goDurationText(90), "1m30s");
    QCOMPARE(io::goDurationText(30), "30s");
    QCOMPARE(io::goDurationText(3600), "1h0m0s");
    QCOMPARE(io::goDurationText(0), "0s");
    QCOMPARE(io::parseGoDurationSeconds("120s", nullptr), 120);
    QCOMPARE(io::parseGoDurationSeconds("1h30m", nullptr), 5400);
    QCOMPARE(io::parseGoDurationSeconds("2.9s", nullptr), 2);
    QCOMPARE(io::parseGoDurationSeconds("1500ms", nullptr), 1);
    QCOMPARE(io::parseGoDurationSeconds("0", nullptr), 0);
    QCOMPARE(io::parseGoDurationSeconds("-5s", nullptr), -5);
    std::string why;
    QVERIFY(!io::parseGoDurationSeconds("", &why));
    QCOMPARE(why, "time: invalid duration \"\"");
    QVERIFY(!io::parseGoDurationSeconds("5", &why));
    QVERIFY(!io::parseGoDurationSeconds("s", &why));
    QVERIFY(!io::parseGoDurationSeconds("99999999999h", &why));
}

QTEST_APPLESS_MAIN(TestMetalLBLegacy)
#include "tst_metallblegacy.moc"
