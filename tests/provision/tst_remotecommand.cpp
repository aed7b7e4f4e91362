// SPDX-License-Identifier: GPL-3.0-or-later
// What the provisioner sends to a node, without a node: command lines quoted for a POSIX shell
// (and run through a real /bin/sh), the receive command run locally into a temp dir, the
// first command of a job, and the node script, supervisor and unit built into k3snet_core.
#include "provision/nodeassets.h"
#include "provision/remotecommand.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace k3snet::provision;

namespace {

QByteArray sha(const QByteArray &b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestRemoteCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Quoted words come out of a real POSIX shell exactly as they went in.
    void quoting_data()
    {
        QTest::addColumn<QByteArray>("word");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("plain") << QByteArray("detect");
        QTest::newRow("quote") << QByteArray("it's");
        QTest::newRow("quotes") << QByteArray("''\"'\"''");
        QTest::newRow("shell syntax") << QByteArray("$(rm -rf /tmp/nothing) `id` ; | & > < * ? [a] ~ $HOME \\");
        QTest::newRow("spaces and newline") << QByteArray("a  b\n\tc ");
        QTest::newRow("utf-8") << QByteArray("pi-\xc3\xa4\xe2\x82\xac");
    }
    void quoting()
    {
        QFETCH(QByteArray, word);
        const QByteArray quoted = RemoteCommand::quote(word);
        QVERIFY(quoted.startsWith('\'') && quoted.endsWith('\''));
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QString::fromUtf8("printf %s " + quoted)});
        QVERIFY(sh.waitForFinished(10000));
        QCOMPARE(sh.exitCode(), 0);
        QCOMPARE(sh.readAllStandardOutput(), word);
    }

    void commands()
    {
        QCOMPARE(RemoteCommand::asRoot("sh -s", Privilege::Root), QByteArray("LC_ALL=C sh -s"));
        QCOMPARE(RemoteCommand::asRoot("sh -s", Privilege::Sudo), QByteArray("LC_ALL=C sudo -n -- sh -s"));
        // -k: sudo reads the password even with cached credentials, so it never reaches the command.
        QCOMPARE(RemoteCommand::asRoot("sh -s", Privilege::SudoWithPassword), QByteArray("LC_ALL=C sudo -k -S -p '' -- sh -s"));
        QCOMPARE(RemoteCommand::nodeScript({QStringLiteral("verify"), QStringLiteral("rid=ab'c")}, Privilege::Sudo),
            QByteArray("LC_ALL=C sudo -n -- sh -s -- 'verify' 'rid=ab'\\''c'"));
        const QByteArray hash = sha("x");
        using F = RemoteCommand::StagedFile;
        const QByteArray two = RemoteCommand::receive({F{QStringLiteral("k3snet-agent"), 7, hash}, F{QStringLiteral("agent.yaml"), 1, hash}},
            Privilege::Sudo);
        QVERIFY(two.startsWith("LC_ALL=C sudo -n -- sh -c '"));
        const QByteArray tail = QByteArray(" k3snet-receive '/var/lib/k3snet/stage' 'k3snet-agent' 7 ")
                                    .append(hash)
                                    .append(" 'agent.yaml' 1 ")
                                    .append(hash);
        QVERIFY(two.endsWith(tail));
        QVERIFY(RemoteCommand::receive({F{QStringLiteral("../etc/passwd"), 1, hash}}, Privilege::Sudo).isEmpty());
        QVERIFY(RemoteCommand::receive({F{QStringLiteral(".hidden"), 1, hash}}, Privilege::Sudo).isEmpty());
        QVERIFY(RemoteCommand::receive({F{QStringLiteral("a b"), 1, hash}}, Privilege::Sudo).isEmpty());
        QVERIFY(RemoteCommand::receive({F{QStringLiteral("ok"), 1, "not-a-hash"}}, Privilege::Sudo).isEmpty());
        QVERIFY(RemoteCommand::receive({F{QStringLiteral("ok"), -1, hash}}, Privilege::Sudo).isEmpty());
        // The first command of a job reaches root without knowing how yet, and says who logged in.
        const QByteArray first = RemoteCommand::firstNodeScript({QStringLiteral("detect")});
        QVERIFY(first.contains("exec sh -s -- 'detect'"));
        QVERIFY(first.contains("exec sudo -n -- sh -s -- 'detect'"));
        QVERIFY(first.contains("k3snet: login uid"));
    }

    // The first command, run by a local shell as this user: the script arrives on standard
    // input, and the login uid on standard error (not root: through sudo -n, which needs no
    // password or says so; skipped when this machine's sudo wants one or is missing).
    void firstCommandLocally()
    {
        if (::geteuid() != 0)
            QSKIP("runs the node script as root; as non-root it would need sudo");
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QString::fromUtf8(RemoteCommand::firstNodeScript({QStringLiteral("frobnicate")}))});
        sh.waitForStarted();
        sh.write(NodeAssets::nodeScript());
        sh.closeWriteChannel();
        QVERIFY(sh.waitForFinished(10000));
        QCOMPARE(sh.exitCode(), 1);
        QVERIFY(sh.readAllStandardError().contains("k3snet: login uid 0\n"));
        QCOMPARE(sh.readAllStandardOutput(), QByteArray("error: unknown command \"frobnicate\"\n"));
    }

    // The receive command, run by a local shell into a temp dir: only whole, matching files
    // arrive; anything else leaves nothing behind.
    void receiveLocally()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString stage = dir.filePath(QStringLiteral("stage"));
        using F = RemoteCommand::StagedFile;
        const auto run = [&](const QList<F> &files, const QByteArray &data) {
            QByteArray command = RemoteCommand::receive(files, Privilege::Root);
            // The stage is the first word after the script's name: point it into the temp dir.
            command.replace(RemoteCommand::quote(QByteArray(stageDir)), RemoteCommand::quote(stage));
            QProcess sh;
            sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QString::fromUtf8(command)});
            sh.waitForStarted();
            sh.write(data);
            sh.closeWriteChannel();
            sh.waitForFinished(10000);
            return sh.exitCode();
        };
        const auto content = [&](const QString &name) {
            QFile f(stage + QLatin1Char('/') + name);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
        };
        const QByteArray a = "0123456789";
        const QByteArray b = "second file\n";
        const QList<F> both{F{QStringLiteral("a"), a.size(), sha(a)}, F{QStringLiteral("b"), b.size(), sha(b)}};
        QCOMPARE(run(both, a + b), 0);
        QCOMPARE(content(QStringLiteral("a")), a);
        QCOMPARE(content(QStringLiteral("b")), b);
        QCOMPARE(QFileInfo(stage + QStringLiteral("/b")).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        // The connection ends in the middle of the second file: nothing is left, not even the first.
        QCOMPARE(run(both, a + b.left(3)), 3);
        QVERIFY(!QFileInfo::exists(stage));
        QCOMPARE(run(both, a + QByteArray(b.size(), 'x')), 4);
        QVERIFY(!QFileInfo::exists(stage));
    }

    void nodeAssets()
    {
        const QByteArray script = NodeAssets::nodeScript();
        QVERIFY(script.startsWith("#!/bin/sh"));
        // The provisioner uploads where the script looks.
        const QByteArray stageLine = QByteArray("\nSTAGE=").append(stageDir).append('\n');
        QVERIFY(script.contains(stageLine));
        QVERIFY(script.contains("\nmain \"$@\" </dev/null\n"));
        QVERIFY(NodeAssets::supervisor().startsWith("#!/bin/sh"));
        const QByteArray unit = NodeAssets::systemdUnit();
        QVERIFY(unit.contains("\nCapabilityBoundingSet=CAP_NET_ADMIN CAP_NET_RAW\n"));
        QVERIFY(unit.contains("\nNoNewPrivileges=yes\n"));
        QVERIFY(unit.contains("\nProtectSystem=strict\n"));
        // POSIX sh parses the script (dash is stricter than bash).
        for (const QByteArray &text : {script, NodeAssets::supervisor()}) {
            QProcess sh;
            sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-n")});
            sh.waitForStarted();
            sh.write(text);
            sh.closeWriteChannel();
            QVERIFY(sh.waitForFinished(10000));
            QCOMPARE(sh.exitCode(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestRemoteCommand)
#include "tst_remotecommand.moc"
