// SPDX-License-Identifier: GPL-3.0-or-later
// Input the MetalLB import must refuse, cleanly and with the place named: k3snet project
// files told apart from Kubernetes YAML, broken documents and objects reported at their line
// and column, and hostile input (deep nesting, huge or garbage text, alias bombs) failing
// within bounds in both the import and the legacy conversion.
#include "metallbtestutil.h"

#include "domain/io/metallbexport.h"
#include "domain/io/metallbimport.h"
#include "domain/io/projectfile.h"
#include "domain/io/yamldocument.h"

#include <QtTest>

#include <random>

using namespace k3snet;
using metallbtest::dump;
using metallbtest::find;
using metallbtest::import;

class TestMetalLBBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isProjectText_data();
    void isProjectText();
    void documentErrors_data();
    void documentErrors();
    void hostile_data();
    void hostile();
};

void TestMetalLBBadInput::isProjectText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("project");
    QTest::newRow("project") << QByteArray("apiVersion: k3snet.io/v1alpha1\nkind: Project\n")
                             << true;
    QTest::newRow("quoted, commented")
        << QByteArray("# a project\napiVersion: \"k3snet.io/v2\" # newer\n") << true;
    QTest::newRow("kind only") << QByteArray("kind: Project\nmetadata: {name: x}\n") << true;
    QTest::newRow("BOM") << QByteArray("\xef\xbb\xbf"
                                       "apiVersion: k3snet.io/v1alpha1\n")
                         << true;
    QTest::newRow("MetalLB") << QByteArray("apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\n")
                             << false;
    QTest::newRow("OpenShift project")
        << QByteArray("apiVersion: project.openshift.io/v1\nkind: Project\n") << false;
    QTest::newRow("second document")
        << QByteArray("kind: List\n---\napiVersion: k3snet.io/v1alpha1\n") << false;
    QTest::newRow("nested") << QByteArray("items:\n  apiVersion: k3snet.io/v1alpha1\n") << false;
    QTest::newRow("legacy") << QByteArray("address-pools: []\n") << false;
}

void TestMetalLBBadInput::isProjectText()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, project);
    QCOMPARE(io::isProjectText(text.toStdString()), project);
}

void TestMetalLBBadInput::documentErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QByteArray pool = "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\n";
    QTest::newRow("scalar document") << QByteArray("hello\n") << "wrong-type" << 1 << 1;
    QTest::newRow("no kind") << QByteArray("apiVersion: v1\nmetadata: {}\n") << "missing-field" << 1
                             << 1;
    QTest::newRow("neither object nor config")
        << QByteArray("---\nfoo: bar\n") << "not-a-kubernetes-object" << 2 << 1;
    QTest::newRow("project") << QByteArray("apiVersion: k3snet.io/v1alpha1\nkind: Project\n")
                             << "k3snet-project" << 1 << 1;
    QTest::newRow("pool without name")
        << QByteArray(pool + "metadata: {namespace: x}\nspec: {addresses: []}\n") << "missing-field"
        << 3 << 11;
    QTest::newRow("pool without spec")
        << QByteArray(pool + "metadata: {name: x}\n") << "missing-field" << 1 << 1;
    QTest::newRow("bad autoAssign")
        << QByteArray(pool + "metadata: {name: x}\nspec: {addresses: [], autoAssign: yes}\n")
        << "invalid-value" << 4 << 35;
    QTest::newRow("duplicate key")
        << QByteArray(pool + "metadata: {name: x}\nspec: {addresses: [], addresses: []}\n")
        << "duplicate-key" << 4 << 23;
    QTest::newRow("syntax in third document")
        << QByteArray("kind: Namespace\napiVersion: v1\nmetadata: {name: a}\n---\n---\nkind: [\n")
        << "yaml-syntax" << 7 << 1;
    QTest::newRow("bad port") << QByteArray(
        "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 0}]\n")
                              << "invalid-value" << 5 << 18;
    QTest::newRow("bad node address")
        << QByteArray("apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  addresses: "
                      "[{type: InternalIP, address: 10.0.0.300}]\n")
        << "invalid-value" << 5 << 43;
    QTest::newRow("items not a list")
        << QByteArray("apiVersion: v1\nkind: List\nitems: {a: b}\n") << "wrong-type" << 3 << 8;
    QTest::newRow("bad legacy config in ConfigMap") << QByteArray(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: config, namespace: metallb-system}\n"
        "data:\n  config: \"address-pools: [\"\n") << "yaml-syntax"
                                                    << 5 << 11;
}

void TestMetalLBBadInput::documentErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    const auto r = import(text.toStdString());
    QVERIFY(r.hasErrors());
    const auto *d = find(r.diagnostics, code.toStdString());
    QVERIFY2(d, qPrintable(dump(r.diagnostics)));
    QCOMPARE(d->severity, rules::Severity::Error);
    QCOMPARE(d->location.file, "in.yaml");
    QCOMPARE(std::pair(d->location.line, d->location.column), std::pair(line, column));
}

void TestMetalLBBadInput::hostile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code"); // empty: any error will do
    const int n = 100000;
    QTest::newRow("100000 [") << QByteArray(n, '[') << "too-deep";
    QTest::newRow("many documents") << QByteArray("---\na: 1\n").repeated(300000) << "too-large";
    QTest::newRow("many empty documents") << QByteArray("---\n").repeated(600000) << "too-large";
    QTest::newRow("20 MiB") << QByteArray(20 * 1024 * 1024, 'x') << "too-large";
    // Nested Lists, deeper than any dump.
    QByteArray nested = "x: 1\n";
    for (int i = 0; i < 12; ++i)
        nested = "apiVersion: v1\nkind: List\nitems:\n- " + nested.replace("\n", "\n  ").trimmed()
            + "\n";
    QTest::newRow("nested Lists") << nested << "too-deep";
    // A kept object whose aliases expand beyond what the writer writes out.
    QByteArray laughs = "apiVersion: example.com/v1\nkind: Bomb\nmetadata: {name: b}\nspec:\n  a: "
                        "&a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    const char *levels = "abcdefgh";
    for (int i = 1; i < 8; ++i) {
        const QByteArray prev = QByteArray("*") + levels[i - 1];
        laughs += "  " + QByteArray(1, levels[i]) + ": &" + levels[i] + " ["
            + QByteArray(prev + ", ").repeated(8) + prev + "]\n";
    }
    QTest::newRow("billion laughs kept") << laughs << "too-large";
    QByteArray legacyLaughs = QByteArray(laughs).replace(
        "apiVersion: example.com/v1\nkind: Bomb\nmetadata: {name: b}\nspec:\n", "x:\n");
    legacyLaughs += "address-pools:\n- {name: p, protocol: layer2, addresses: *h}\n";
    QTest::newRow("billion laughs legacy") << legacyLaughs << "";
    QTest::newRow("legacy config in a ConfigMap, hostile") << QByteArray(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {namespace: metallb-system, name: "
        "config}\ndata:\n  config: |\n    "
        + QByteArray(5000, '[')) << "too-deep";
    QTest::newRow("unterminated quote")
        << QByteArray("apiVersion: v1\nkind: Namespace\nmetadata: {name: \"a}\n") << "yaml-syntax";
    QTest::newRow("NUL bytes") << QByteArray("apiVersion: v1\n" + QByteArray(100, '\0')) << "";
    std::mt19937 random(20240502); // fixed seed: the same garbage on every run
    for (int i = 0; i < 6; ++i) {
        QByteArray garbage(4096 << i, '\0');
        for (char &c : garbage)
            c = static_cast<char>(random());
        QTest::newRow(qPrintable(QStringLiteral("garbage %1").arg(i))) << garbage << "";
    }
}

void TestMetalLBBadInput::hostile()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    const auto r = io::importKubernetesYaml(
        std::string_view(text.constData(), std::size_t(text.size())), "h.yaml");
    QVERIFY(r.hasErrors());
    if (!code.isEmpty())
        QVERIFY2(
            find(r.diagnostics, code.toStdString()), qPrintable(dump(r.diagnostics).left(2000)));
    QVERIFY(r.diagnostics.size() <= 4 * io::YamlLimits().maxErrors + 2);
    // The conversion refuses as cleanly.
    rules::Diagnostics diagnostics;
    QVERIFY(io::exportLegacyConversion(
        std::string_view(text.constData(), std::size_t(text.size())), "h.yaml", &diagnostics)
                .empty());
}

QTEST_APPLESS_MAIN(TestMetalLBBadInput)
#include "tst_metallbbadinput.moc"
