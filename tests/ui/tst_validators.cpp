// SPDX-License-Identifier: GPL-3.0-or-later
// The validators of the dialogs, the wizard and the table cells: partial input is Intermediate
// (and explained), impossible input Invalid, and what core/domain parses Acceptable; the label
// selector syntax of the L2 editor's chips; and the field that marks problems as one types.
#include "l2/labelterm.h"
#include "validators/addressvalidator.h"
#include "validators/labelvalidator.h"
#include "validators/listvalidator.h"
#include "validators/namevalidator.h"
#include "validators/portvalidator.h"
#include "widgets/validatedlineedit.h"

#include <QAction>
#include <QTest>

using namespace k3snet;

Q_DECLARE_METATYPE(AddressValidator::Kind)
Q_DECLARE_METATYPE(NameValidator::Kind)

namespace {
constexpr auto Invalid = QValidator::Invalid;
constexpr auto Intermediate = QValidator::Intermediate;
constexpr auto Acceptable = QValidator::Acceptable;
} // namespace

class TestValidators : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addresses_data()
    {
        QTest::addColumn<AddressValidator::Kind>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QValidator::State>("state");
        using K = AddressValidator::Kind;
        const auto row = [](const char *name, K kind, const char *text, QValidator::State state) {
            QTest::newRow(name) << kind << QString::fromUtf8(text) << state;
        };
        row("empty", K::Address, "", Intermediate);
        row("first octet", K::Address, "10", Intermediate);
        row("dot", K::Address, "10.", Intermediate);
        row("three octets", K::Address, "10.0.0", Intermediate);
        row("address", K::Address, "10.0.0.1", Acceptable);
        row("spaces around", K::Address, " 10.0.0.1 ", Acceptable);
        row("octet 256", K::Address, "10.0.0.256", Invalid);
        row("five octets", K::Address, "10.0.0.1.5", Invalid);
        row("letter", K::Address, "10.0.0.x", Invalid);
        row("leading zero", K::Address, "010.0.0.1", Invalid);
        row("empty octet mid-edit", K::Address, "10..0.1", Intermediate);
        row("inner space", K::Address, "10.0. 0.1", Invalid);
        row("ipv6", K::Address, "2001:db8::1", Acceptable);
        row("ipv6 partial", K::Address, "2001:db8:", Intermediate);
        row("ipv6 group start", K::Address, "fe80", Intermediate);
        row("ipv6 :::", K::Address, "2001:db8:::", Invalid);
        row("ipv6 two ::", K::Address, "1::2::3", Invalid);
        row("ipv6 long group", K::Address, "2001:db8a1::1", Invalid);
        row("ipv6 nine groups", K::Address, "1:2:3:4:5:6:7:8:9", Invalid);
        row("ipv4-mapped", K::Address, "::ffff:10.0.0.1", Acceptable);
        row("five digits", K::Address, "12345", Invalid);

        row("prefix", K::Prefix, "10.0.0.0/24", Acceptable);
        row("prefix host bits", K::Prefix, "10.0.0.5/24", Acceptable);
        row("strict host bits", K::StrictPrefix, "10.0.0.5/24", Intermediate);
        row("strict", K::StrictPrefix, "10.0.0.0/24", Acceptable);
        row("prefix slash", K::Prefix, "10.0.0.0/", Intermediate);
        row("prefix no slash", K::Prefix, "10.0.0.0", Intermediate);
        row("prefix /33", K::Prefix, "10.0.0.0/33", Invalid);
        row("prefix /2a", K::Prefix, "10.0.0.0/2a", Invalid);
        row("prefix early slash", K::Prefix, "10.0/8", Intermediate);
        row("prefix ipv6 /129", K::Prefix, "2001:db8::/129", Invalid);
        row("prefix ipv6", K::Prefix, "2001:db8::/64", Acceptable);

        row("range", K::Range, "10.0.0.100-10.0.0.200", Acceptable);
        row("range spaced", K::Range, "10.0.0.100 - 10.0.0.200", Acceptable);
        row("range open", K::Range, "10.0.0.100-", Intermediate);
        row("range reversed", K::Range, "10.0.0.200-10.0.0.100", Intermediate);
        row("range bad end", K::Range, "10.0.0.100-10.0.0.300", Invalid);
        row("range mixed", K::Range, "10.0.0.1-2001:db8::1", Intermediate);
        row("range two dashes", K::Range, "10.0.0.1-10.0.0.2-", Invalid);

        row("entry prefix", K::PoolEntry, "10.0.0.0/28", Acceptable);
        row("entry range", K::PoolEntry, "10.0.0.100-10.0.0.150", Acceptable);
        row("entry bare address", K::PoolEntry, "10.0.0.5", Intermediate);
        row("entry /40", K::PoolEntry, "10.0.0.0/40", Invalid);
    }

    void addresses()
    {
        QFETCH(AddressValidator::Kind, kind);
        QFETCH(QString, text);
        QFETCH(QValidator::State, state);
        AddressValidator validator(kind);
        QCOMPARE(validator.check(text), state);
        // Whatever is not acceptable says why; what is acceptable has nothing to say.
        QCOMPARE(validator.problem(text).isEmpty(), state == Acceptable);
    }

    void optionalAddress()
    {
        AddressValidator validator(AddressValidator::Kind::Address);
        validator.setOptional(true);
        QCOMPARE(validator.check(QString()), Acceptable);
        QCOMPARE(validator.check(QStringLiteral("10.0.")), Intermediate);
    }

    void everyPrefixOfAValidAddressIsIntermediate()
    {
        // Typing an address character by character never gets a keystroke refused.
        AddressValidator address(AddressValidator::Kind::Address);
        AddressValidator range(AddressValidator::Kind::PoolEntry);
        for (const QString &full : {QStringLiteral("192.168.100.254"),
                 QStringLiteral("2001:db8:85a3::8a2e:370:7334"), QStringLiteral("::ffff:10.0.0.1")})
            for (int n = 1; n <= full.size(); ++n)
                QVERIFY2(address.check(full.left(n)) != Invalid, qPrintable(full.left(n)));
        const QString entry = QStringLiteral("10.0.0.100 - 10.0.0.200");
        for (int n = 1; n <= entry.size(); ++n)
            QVERIFY2(range.check(entry.left(n)) != Invalid, qPrintable(entry.left(n)));
    }

    void lists()
    {
        auto *entry = new AddressValidator(AddressValidator::Kind::PoolEntry);
        ListValidator list(entry);
        entry->setParent(&list);
        QCOMPARE(list.check(QStringLiteral("10.0.0.0/28, 10.0.0.100-10.0.0.150")), Acceptable);
        QCOMPARE(list.check(QStringLiteral("10.0.0.0/28,")), Intermediate);
        QCOMPARE(list.check(QStringLiteral("10.0.0.0/28, 10.0.0.999")), Invalid);
        QCOMPARE(list.check(QString()), Intermediate);
        QVERIFY(list.problem(QStringLiteral("10.0.0.0/28, 10.0.0.5"))
                    .startsWith(QStringLiteral("10.0.0.5")));
        list.setOptional(true);
        QCOMPARE(list.check(QString()), Acceptable);
        QCOMPARE(ListValidator::entries(QStringLiteral(" a, ,b ,")),
            (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void names_data()
    {
        QTest::addColumn<NameValidator::Kind>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QValidator::State>("state");
        using K = NameValidator::Kind;
        const auto row
            = [](const char *name, K kind, const QString &text, QValidator::State state) {
                  QTest::newRow(name) << kind << text << state;
              };
        row("node", K::Subdomain, QStringLiteral("node1"), Acceptable);
        row("dotted", K::Subdomain, QStringLiteral("rack1.node1"), Acceptable);
        row("underscore", K::Subdomain, QStringLiteral("node_1"), Invalid);
        row("trailing dash", K::Subdomain, QStringLiteral("node-"), Intermediate);
        row("leading dash", K::Subdomain, QStringLiteral("-node"), Intermediate);
        row("empty", K::Subdomain, QString(), Intermediate);
        row("too long", K::Subdomain, QString(254, QLatin1Char('a')), Invalid);
        row("namespace", K::Label, QStringLiteral("kube-system"), Acceptable);
        row("namespace dot", K::Label, QStringLiteral("a.b"), Invalid);
        row("service", K::ServiceName, QStringLiteral("web"), Acceptable);
        row("service digit first", K::ServiceName, QStringLiteral("1web"), Intermediate);
        row("interface", K::InterfaceName, QStringLiteral("eth0"), Acceptable);
        row("vlan interface", K::InterfaceName, QStringLiteral("eth0.10"), Acceptable);
        row("interface colon", K::InterfaceName, QStringLiteral("eth0:1"), Invalid);
        row("interface too long", K::InterfaceName, QStringLiteral("averyverylongname"), Invalid);
        row("interface empty", K::InterfaceName, QString(), Intermediate);
    }

    void names()
    {
        QFETCH(NameValidator::Kind, kind);
        QFETCH(QString, text);
        QFETCH(QValidator::State, state);
        NameValidator validator(kind);
        QCOMPARE(validator.check(text), state);
        QCOMPARE(validator.problem(text).isEmpty(), state == Acceptable);
    }

    void namesAreLowercasedAndTakenNamesRefused()
    {
        NameValidator validator(NameValidator::Kind::Subdomain);
        QString input = QStringLiteral("Node1");
        int pos = 0;
        QCOMPARE(validator.validate(input, pos), Acceptable);
        QCOMPARE(input, QStringLiteral("node1"));
        validator.setTaken({QStringLiteral("node1")});
        QCOMPARE(validator.check(QStringLiteral("node1")), Intermediate);
        QVERIFY(validator.problem(QStringLiteral("node1")).contains(QStringLiteral("node1")));
        QCOMPARE(validator.check(QStringLiteral("node2")), Acceptable);
    }

    void ports_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QValidator::State>("state");
        QTest::newRow("port") << QStringLiteral("80") << Acceptable;
        QTest::newRow("udp") << QStringLiteral("53/udp") << Acceptable;
        QTest::newRow("slash") << QStringLiteral("80/") << Intermediate;
        QTest::newRow("partial protocol") << QStringLiteral("80/T") << Intermediate;
        QTest::newRow("bad protocol") << QStringLiteral("80/X") << Invalid;
        QTest::newRow("too big") << QStringLiteral("70000") << Invalid;
        QTest::newRow("zero") << QStringLiteral("0") << Intermediate;
        QTest::newRow("letters") << QStringLiteral("http") << Invalid;
    }

    void ports()
    {
        QFETCH(QString, text);
        QFETCH(QValidator::State, state);
        PortValidator validator;
        QCOMPARE(validator.check(text), state);
        const auto port = PortValidator::parse(text);
        QCOMPARE(port.has_value(), state == Acceptable);
        if (port && text.contains(QLatin1Char('/')))
            QCOMPARE(port->protocol, text.section(QLatin1Char('/'), 1).toUpper());
    }

    void labelTerms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QValidator::State>("state");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("equals") << QStringLiteral("app=web") << Acceptable
                                << QStringLiteral("app=web");
        QTest::newRow("double equals")
            << QStringLiteral("app == web") << Acceptable << QStringLiteral("app=web");
        QTest::newRow("in") << QStringLiteral("zone in (a, b)") << Acceptable
                            << QStringLiteral("zone in (a,b)");
        QTest::newRow("notin") << QStringLiteral("zone notin (a)") << Acceptable
                               << QStringLiteral("zone notin (a)");
        QTest::newRow("not equals")
            << QStringLiteral("zone!=a") << Acceptable << QStringLiteral("zone notin (a)");
        QTest::newRow("exists") << QStringLiteral("gpu") << Acceptable << QStringLiteral("gpu");
        QTest::newRow("does not exist")
            << QStringLiteral("!gpu") << Acceptable << QStringLiteral("!gpu");
        QTest::newRow("prefixed key") << QStringLiteral("k3snet.io/announce=true") << Acceptable
                                      << QStringLiteral("k3snet.io/announce=true");
        QTest::newRow("open set") << QStringLiteral("zone in (a") << Intermediate << QString();
        QTest::newRow("empty set") << QStringLiteral("zone in ()") << Intermediate << QString();
        QTest::newRow("bad key") << QStringLiteral("-zone=a") << Intermediate << QString();
        QTest::newRow("bad character") << QStringLiteral("zone$") << Invalid << QString();
    }

    void labelTerms()
    {
        QFETCH(QString, text);
        QFETCH(QValidator::State, state);
        QFETCH(QString, canonical);
        LabelValidator validator(LabelValidator::Kind::SelectorTerm);
        QCOMPARE(validator.check(text), state);
        const ParsedLabelTerm parsed = parseLabelTerm(text);
        QCOMPARE(parsed.term.has_value(), state == Acceptable);
        if (parsed.term) {
            QCOMPARE(parsed.term->text(), canonical);
            // The chip's text parses back to the same requirement.
            QCOMPARE(parseLabelTerm(parsed.term->text()).term, parsed.term);
        }
    }

    void labelsOfObjectsAreKeyValuePairs()
    {
        LabelValidator validator(LabelValidator::Kind::Label);
        QCOMPARE(validator.check(QStringLiteral("zone=rack1")), Acceptable);
        QCOMPARE(validator.check(QStringLiteral("zone")), Intermediate);
        QCOMPARE(validator.check(QStringLiteral("!zone")), Intermediate);
    }

    void selectorsRoundTrip()
    {
        model::LabelSelector selector;
        selector.matchLabels = {{"app", "web"}, {"tier", "front"}};
        selector.matchExpressions = {{"zone", "In", {"a", "b"}}, {"gpu", "DoesNotExist", {}}};
        const QList<LabelTerm> terms = termsOf(selector);
        QCOMPARE(terms.size(), 4);
        QCOMPARE(terms.at(0).text(), QStringLiteral("app=web"));
        QCOMPARE(terms.at(2).text(), QStringLiteral("zone in (a,b)"));
        QCOMPARE(terms.at(3).text(), QStringLiteral("!gpu"));
        QVERIFY(selectorOf(terms) == selector);
        // The kubectl rendering of the domain agrees with the chips' text.
        QStringList texts;
        for (const LabelTerm &term : terms)
            texts << term.text();
        QCOMPARE(texts.join(QLatin1Char(',')), QString::fromStdString(selector.toString()));
    }

    void fieldMarksProblemsAsOneTypes()
    {
        ValidatedLineEdit field;
        auto *validator = new AddressValidator(AddressValidator::Kind::Address, &field);
        field.setExplainingValidator(validator);
        auto *mark = field.findChild<QAction *>(QStringLiteral("problemMark"));
        QVERIFY(mark);
        QVERIFY(!field.isAcceptable()); // empty and required
        QVERIFY(!mark->isVisible()); // but an empty field is not marked

        QTest::keyClicks(&field, QStringLiteral("10.0."));
        QCOMPARE(field.text(), QStringLiteral("10.0."));
        QVERIFY(!field.isAcceptable());
        QVERIFY(mark->isVisible());
        QVERIFY(!mark->toolTip().isEmpty());

        // The keystroke that would make 300 is refused; the address stays acceptable.
        QTest::keyClicks(&field, QStringLiteral("0.30"));
        QVERIFY(field.isAcceptable());
        QTest::keyClicks(&field, QStringLiteral("0"));
        QCOMPARE(field.text(), QStringLiteral("10.0.0.30"));
        QVERIFY(field.isAcceptable());
        QVERIFY(!mark->isVisible());

        // A check beyond the validator.
        field.setCheck([](const QString &text) {
            return text == QLatin1String("10.0.0.30") ? QStringLiteral("taken") : QString();
        });
        QVERIFY(!field.isAcceptable());
        QCOMPARE(field.problem(), QStringLiteral("taken"));
        QVERIFY(mark->isVisible());
    }
};

QTEST_MAIN(TestValidators)
#include "tst_validators.moc"
