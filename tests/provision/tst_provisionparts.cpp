// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of the provisioner that need no node: the step model, the report, host-key
// decisions, the node's detect output, install plans, agent health, the cluster key, agent
// binaries and the prompt broker (remote commands: tst_remotecommand.cpp). The end-to-end
// behaviour is test_provision.sh's (root, sshd nodes).
#include "provision/agentbundle.h"
#include "provision/agenthealth.h"
#include "provision/clusterkey.h"
#include "provision/hostkeypolicy.h"
#include "provision/installplan.h"
#include "provision/nodefacts.h"
#include "provision/promptbroker.h"
#include "provision/provisionreport.h"
#include "provision/step.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <sys/stat.h>

using namespace k3snet::provision;

namespace {

QByteArray sha(const QByteArray &b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
}

// A prompter that counts its questions and answers from a script.
class FakePrompter : public Prompter
{
public:
    bool isInteractive() const override { return interactive; }
    bool canAskSecrets() const override { return interactive || secretsOnly; }
    HostKeyAnswer askHostKey(const HostKeyQuestion &) override
    {
        ++hostKeyQuestions;
        return hostKeyAnswer;
    }
    std::optional<QByteArray> askSecret(const SecretQuestion &q) override
    {
        ++secretQuestions;
        QThread::msleep(20); // long enough for the other jobs to queue up behind this question
        if (q.retry)
            return QByteArray("second");
        return QByteArray("first");
    }
    bool interactive = true;
    bool secretsOnly = false;
    HostKeyAnswer hostKeyAnswer = HostKeyAnswer::AcceptOnce;
    std::atomic<int> hostKeyQuestions{0};
    std::atomic<int> secretQuestions{0};
};

const char detectSample[] = "arch=aarch64\n"
                            "kernel=6.6.31+rpt-rpi-v8\n"
                            "init=systemd\n"
                            "vxlan=yes\n"
                            "k3s=/usr/local/bin/k3s\n"
                            "k3s_config=present\n"
                            "k3s_flannel_none=yes\n"
                            "k3s_servicelb_disabled=no\n"
                            "release=0123456789abcdef\n"
                            "release_0123456789abcdef=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
                            "release_fedcba9876543210=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n"
                            "releases=0123456789abcdef fedcba9876543210\n"
                            "sha_agent=" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
                            "sha_config=\n"
                            "sha_key=\n"
                            "sha_unit=\n"
                            "sha_supervise=\n"
                            "pending=no\n"
                            "running=yes\n"
                            "pid=42\n"
                            "---\n"
                            "{\"converged\": true, \"agent\": {\"running\": true, \"pid\": 42}, \"note\": \"x=y\"}\n";

} // namespace

class TestProvisionParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsAndFractions()
    {
        const QList<Step> steps = stepsOf(Operation::Provision);
        QCOMPARE(steps.first(), Step::Connect);
        QCOMPARE(steps.last(), Step::Done);
        QVERIFY(steps.indexOf(Step::VerifyHostKey) < steps.indexOf(Step::Authenticate));
        QVERIFY(steps.indexOf(Step::Upload) < steps.indexOf(Step::Verify));
        QVERIFY(steps.indexOf(Step::Verify) < steps.indexOf(Step::Install));
        QVERIFY(steps.indexOf(Step::Start) < steps.indexOf(Step::HealthCheck));
        QVERIFY(!stepsOf(Operation::Status).contains(Step::Upload));
        QVERIFY(stepsOf(Operation::Status).contains(Step::ReadStatus));
        QVERIFY(stepsOf(Operation::Uninstall).contains(Step::Remove));
        // Fractions only grow along the steps, within a step too, and end at 1.
        double last = -1.0;
        for (Step s : steps) {
            for (double within : {0.0, 0.5, 1.0}) {
                const double f = jobFraction(Operation::Provision, s, within);
                QVERIFY2(f >= last, qPrintable(stepId(s)));
                QVERIFY(f >= 0.0 && f <= 1.0);
                last = f;
            }
        }
        QCOMPARE(jobFraction(Operation::Provision, Step::Done), 1.0);
        QCOMPARE(jobFraction(Operation::Provision, Step::Connect), 0.0);
        // The upload weighs four steps.
        const double upload = jobFraction(Operation::Provision, Step::Upload, 1.0) - jobFraction(Operation::Provision, Step::Upload);
        const double verify = jobFraction(Operation::Provision, Step::Verify, 1.0) - jobFraction(Operation::Provision, Step::Verify);
        QCOMPARE(qRound(upload / verify), 4);
        QSet<QString> ids;
        for (Step s : steps) {
            QVERIFY(!stepName(s).isEmpty());
            ids.insert(stepId(s));
        }
        QCOMPARE(ids.size(), steps.size());
    }

    void report()
    {
        NodeResult a;
        a.node = QStringLiteral("pi1");
        a.outcome = Outcome::UpToDate;
        a.lastStep = Step::Done;
        a.uploadedBytes = 0;
        NodeResult b;
        b.node = QStringLiteral("pi2");
        b.outcome = Outcome::RolledBack;
        b.lastStep = Step::HealthCheck;
        b.message = QStringLiteral("the agent did not converge");
        b.agentError = QStringLiteral("eth9 missing");
        ProvisionReport r;
        r.nodes = {a, b};
        QVERIFY(!r.allOk());
        QCOMPARE(r.failedCount(), 1);
        QCOMPARE(r.count(Outcome::UpToDate), 1);
        QCOMPARE(r.find(QStringLiteral("pi2"))->outcome, Outcome::RolledBack);
        QVERIFY(!r.find(QStringLiteral("pi9")));
        const QJsonObject j = r.toJson();
        QCOMPARE(j.value(QLatin1String("ok")).toBool(), false);
        const QJsonObject second = j.value(QLatin1String("nodes")).toArray().at(1).toObject();
        QCOMPARE(second.value(QLatin1String("outcome")).toString(), QStringLiteral("rolled-back"));
        QCOMPARE(second.value(QLatin1String("step")).toString(), QStringLiteral("health-check"));
        QCOMPARE(second.value(QLatin1String("agentError")).toString(), QStringLiteral("eth9 missing"));
        r.nodes = {a};
        QVERIFY(r.allOk());
        r.cancelled = true;
        QVERIFY(!r.allOk());
        for (Outcome o : {Outcome::Installed, Outcome::Updated, Outcome::Reconfigured, Outcome::Started,
                 Outcome::UpToDate, Outcome::Healthy, Outcome::NotInstalled, Outcome::Removed})
            QVERIFY(isSuccess(o));
        for (Outcome o : {Outcome::RolledBack, Outcome::Failed, Outcome::Cancelled, Outcome::Unhealthy})
            QVERIFY(!isSuccess(o));
    }

    void hostKeyDecisions_data()
    {
        QTest::addColumn<KnownHostState>("user");
        QTest::addColumn<KnownHostState>("own");
        QTest::addColumn<bool>("acceptNew");
        QTest::addColumn<bool>("canAsk");
        QTest::addColumn<HostKeyVerdict>("verdict");
        using K = KnownHostState;
        using V = HostKeyVerdict;
        QTest::newRow("known to OpenSSH") << K::Match << K::NoFile << false << false << V::Trusted;
        QTest::newRow("known to k3snet") << K::NotFound << K::Match << false << false << V::Trusted;
        QTest::newRow("match wins over a stale entry") << K::Changed << K::Match << false << false << V::Trusted;
        QTest::newRow("changed: refused even with accept-new") << K::Changed << K::NotFound << true << true << V::RefuseChanged;
        QTest::newRow("changed in k3snet's file") << K::NoFile << K::Changed << true << true << V::RefuseChanged;
        QTest::newRow("other key type only") << K::OtherType << K::NoFile << true << true << V::RefuseOtherType;
        QTest::newRow("unreadable file") << K::Error << K::NotFound << true << true << V::Error;
        QTest::newRow("unknown, accept-new") << K::NotFound << K::NoFile << true << false << V::AcceptNew;
        QTest::newRow("unknown, ask") << K::NoFile << K::NoFile << false << true << V::Ask;
        QTest::newRow("unknown, nobody to ask") << K::NoFile << K::NotFound << false << false << V::RefuseUnknown;
    }
    void hostKeyDecisions()
    {
        QFETCH(KnownHostState, user);
        QFETCH(KnownHostState, own);
        QFETCH(bool, acceptNew);
        QFETCH(bool, canAsk);
        QFETCH(HostKeyVerdict, verdict);
        QCOMPARE(decideHostKey(user, own, acceptNew, canAsk), verdict);
    }

    void knownHostsFiles()
    {
        qputenv("K3SNET_KNOWN_HOSTS", "/tmp/x/known_hosts");
        QCOMPARE(ownKnownHostsFile(), QStringLiteral("/tmp/x/known_hosts"));
        qunsetenv("K3SNET_KNOWN_HOSTS");
        QVERIFY(ownKnownHostsFile().endsWith(QLatin1String("/k3snet/known_hosts")));
        QVERIFY(userKnownHostsFile().endsWith(QLatin1String("/.ssh/known_hosts")));
    }

    void nodeFacts()
    {
        QString error;
        const auto f = parseNodeFacts(detectSample, &error);
        QVERIFY2(f, qPrintable(error));
        QCOMPARE(f->arch, QStringLiteral("aarch64"));
        QVERIFY(f->systemd);
        QCOMPARE(f->release, QStringLiteral("0123456789abcdef"));
        QCOMPARE(f->releases.size(), 2);
        QVERIFY(f->running);
        QVERIFY(f->k3sFlannelNone);
        QVERIFY(!f->k3sServicelbDisabled);
        QVERIFY(f->installed());
        QCOMPARE(f->releaseShas.value(QStringLiteral("fedcba9876543210")), QByteArray(64, 'b'));
        // detect --health: the same output holds the agent's health.
        QVERIFY(parseAgentHealth(detectSample).converged());
        QVERIFY(!parseNodeFacts("arch=x86_64\n", &error));
        QVERIFY(error.contains(QLatin1String("init")));
        QVERIFY(!parseNodeFacts(QByteArray(detectSample).replace("sha_key=", "sha_key=xyz"), &error));
        QVERIFY(error.contains(QLatin1String("sha_key")));
        QVERIFY(!parseNodeFacts(QByteArray(detectSample).replace("=bbbb", "=zzzz"), &error));
        QVERIFY(error.contains(QLatin1String("release_fedcba9876543210")));
        QCOMPARE(parseKeyValues("a=1\nnot a pair\n=x\nB=2\nc=x=y\n").value(QStringLiteral("c")), QStringLiteral("x=y"));
        QVERIFY(!parseKeyValues("B=2").contains(QStringLiteral("B")));
    }

    void arch_data()
    {
        QTest::addColumn<QString>("uname");
        QTest::addColumn<QString>("bundle");
        QTest::newRow("Pi OS 64-bit") << QStringLiteral("aarch64") << QStringLiteral("aarch64");
        QTest::newRow("arm64") << QStringLiteral("arm64") << QStringLiteral("aarch64");
        QTest::newRow("Pi OS 32-bit") << QStringLiteral("armv7l") << QStringLiteral("armhf");
        QTest::newRow("32-bit on a Pi 4") << QStringLiteral("armv8l") << QStringLiteral("armhf");
        QTest::newRow("PC") << QStringLiteral("x86_64") << QStringLiteral("x86_64");
        QTest::newRow("Pi Zero") << QStringLiteral("armv6l") << QString();
        QTest::newRow("riscv") << QStringLiteral("riscv64") << QString();
        QTest::newRow("nothing") << QString() << QString();
    }
    void arch()
    {
        QFETCH(QString, uname);
        QFETCH(QString, bundle);
        QCOMPARE(agentArchFor(uname).value_or(QString()), bundle);
    }

    void installPlans()
    {
        QString error;
        NodeFacts fresh = *parseNodeFacts("arch=x86_64\ninit=none\nrelease=\nrunning=no\n", &error);
        Payload p{QStringLiteral("1111222233334444"), sha("agent"), sha("config"), sha("key"), sha("supervise")};
        InstallPlan plan = planInstall(fresh, p);
        QVERIFY(plan.fresh && plan.uploadAgent && plan.switchRelease && plan.config && plan.key && plan.service);
        QCOMPARE(plan.action, InstallPlan::Action::Restart);
        QCOMPARE(plan.uploads(QStringLiteral("supervise")),
            QStringList({QStringLiteral("agent"), QStringLiteral("config"), QStringLiteral("key"), QStringLiteral("supervise")}));

        NodeFacts same = fresh;
        same.release = p.release;
        same.shaAgent = p.agentSha;
        same.shaConfig = p.configSha;
        same.shaKey = p.keySha;
        same.shaSupervise = p.serviceSha;
        same.running = true;
        plan = planInstall(same, p);
        QVERIFY(plan.upToDate());
        QVERIFY(plan.uploads(QStringLiteral("supervise")).isEmpty());

        NodeFacts stopped = same;
        stopped.running = false;
        QCOMPARE(planInstall(stopped, p).action, InstallPlan::Action::Start);
        QVERIFY(!planInstall(stopped, p).changesFiles());

        NodeFacts oldConfig = same;
        oldConfig.shaConfig = sha("old config");
        plan = planInstall(oldConfig, p);
        QCOMPARE(plan.action, InstallPlan::Action::Reload);
        QCOMPARE(plan.uploads(QStringLiteral("supervise")), QStringList{QStringLiteral("config")});

        NodeFacts oldKey = same;
        oldKey.shaKey = sha("old key");
        QCOMPARE(planInstall(oldKey, p).action, InstallPlan::Action::Restart);

        // The service file is the unit on systemd nodes.
        NodeFacts systemd = same;
        systemd.systemd = true;
        plan = planInstall(systemd, p);
        QVERIFY(plan.service);
        QCOMPARE(plan.configured(QStringLiteral("unit")), QStringList{QStringLiteral("unit")});

        // Back to a release that is still on the node: switched to, not uploaded.
        NodeFacts older = same;
        older.release = QStringLiteral("9999888877776666");
        older.shaAgent = sha("older agent");
        older.releases << p.release;
        older.releaseShas.insert(p.release, p.agentSha);
        plan = planInstall(older, p);
        QVERIFY(plan.switchRelease && !plan.uploadAgent);
        QCOMPARE(plan.action, InstallPlan::Action::Restart);
        // A damaged binary of the current release is uploaded again.
        NodeFacts damaged = same;
        damaged.shaAgent = sha("garbage");
        damaged.releaseShas.insert(p.release, sha("garbage"));
        plan = planInstall(damaged, p);
        QVERIFY(plan.switchRelease && plan.uploadAgent);
    }

    void agentHealth()
    {
        const QByteArray good = "running=yes\npid=42\n---\n"
                                "{\"converged\": true, \"problems\": [], \"agent\": {\"running\": true, \"pid\": 42}}\n";
        AgentHealth h = parseAgentHealth(good);
        QVERIFY(h.converged());
        QVERIFY(h.problems().isEmpty());
        // A status written by the agent before a restart does not count.
        h = parseAgentHealth(QByteArray(good).replace("pid=42", "pid=43"));
        QVERIFY(!h.converged());
        QVERIFY(h.problems().join(QLatin1Char(' ')).contains(QLatin1String("43")));
        h = parseAgentHealth("running=yes\npid=42\n---\n{\"converged\": false, \"problems\": [\"the uplink eth9 does not exist\"],"
                             " \"agent\": {\"running\": true, \"pid\": 42}, \"recentErrors\": [{\"time\": \"t\", \"message\": \"boom\"}]}");
        QVERIFY(!h.converged());
        QCOMPARE(h.problems(), QStringList({QStringLiteral("the uplink eth9 does not exist"), QStringLiteral("boom")}));
        h = parseAgentHealth("running=no\npid=\n---\n");
        QVERIFY(!h.converged());
        QVERIFY(!h.problems().isEmpty());
        h = parseAgentHealth("running=yes\npid=1\n---\n{not json");
        QVERIFY(!h.converged());
        QVERIFY(!h.parseError.isEmpty());
        h = parseAgentHealth("installed=no\n");
        QVERIFY(!h.installed);
        QVERIFY(!h.converged());
    }

    void clusterKey()
    {
        QCOMPARE(clusterKeyPathFor(QStringLiteral("/p/picluster.k3snet.yaml")), QStringLiteral("/p/picluster.key"));
        QCOMPARE(clusterKeyPathFor(QStringLiteral("/p/lab.yaml")), QStringLiteral("/p/lab.key"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.key"));
        QString error;
        const auto created = loadOrCreateClusterKey(path, &error);
        QVERIFY2(created, qPrintable(error));
        QVERIFY(created->created);
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), 0600);
        QCOMPARE(QByteArray::fromBase64(created->text.trimmed()).size(), 32);
        const auto again = loadOrCreateClusterKey(path, &error);
        QVERIFY(again && !again->created);
        QCOMPARE(again->text, created->text);
        // Another run's key is another key.
        const auto other = loadOrCreateClusterKey(dir.filePath(QStringLiteral("d.key")), &error);
        QVERIFY(other && other->text != created->text);
        ::chmod(QFile::encodeName(path).constData(), 0644);
        QVERIFY(!loadOrCreateClusterKey(path, &error));
        QVERIFY(error.contains(QLatin1String("chmod 600")));
        QFile garbage(dir.filePath(QStringLiteral("g.key")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("not base64 !!\n");
        garbage.close();
        garbage.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(!loadOrCreateClusterKey(garbage.fileName(), &error));
        QVERIFY(error.contains(QLatin1String("not a cluster key")));
    }

    void agentBinaries()
    {
        QFile agent(QStringLiteral(K3SNET_BINARY_DIR "/bin/k3snet-agent"));
        if (!agent.open(QIODevice::ReadOnly))
            QSKIP("k3snet-agent is not built in this tree");
        const QByteArray bytes = agent.readAll();
        QVERIFY(AgentBundle::checkElf(bytes, QStringLiteral("x86_64")).isEmpty());
        QVERIFY(AgentBundle::checkElf(bytes, QStringLiteral("aarch64")).contains(QLatin1String("architecture")));
        QVERIFY(!AgentBundle::checkElf("#!/bin/sh\necho hi\n", QStringLiteral("x86_64")).isEmpty());
        // K3SNET_AGENT_DIR comes first; a wrong file there is an error that names it.
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("aarch64"));
        QFile::copy(agent.fileName(), dir.filePath(QStringLiteral("aarch64/k3snet-agent")));
        qputenv("K3SNET_AGENT_DIR", QFile::encodeName(dir.path()));
        QCOMPARE(AgentBundle::candidates(QStringLiteral("aarch64")).first(), dir.filePath(QStringLiteral("aarch64/k3snet-agent")));
        AgentBundle bundle;
        QString error;
        QVERIFY(!bundle.binaryFor(QStringLiteral("aarch64"), &error));
        QVERIFY(error.contains(QLatin1String("another architecture")));
        // An architecture missing there falls back to this build's bundled agents
        // (packaging/cmake/BundledAgents.cmake), or is an error that says where it looked.
        const QString bundledArmhf = QStringLiteral(K3SNET_BINARY_DIR "/lib/k3snet/agents/armhf/k3snet-agent");
        const auto armhf = bundle.binaryFor(QStringLiteral("armhf"), &error);
        if (QFile::exists(bundledArmhf)) {
            QVERIFY2(armhf, qPrintable(error));
            QCOMPARE(armhf->path, bundledArmhf);
        } else {
            QVERIFY(!armhf);
            QVERIFY(error.contains(QLatin1String("K3SNET_AGENT_DIR")));
        }
        QDir(dir.path()).mkpath(QStringLiteral("x86_64"));
        QFile::copy(agent.fileName(), dir.filePath(QStringLiteral("x86_64/k3snet-agent")));
        const auto binary = bundle.binaryFor(QStringLiteral("x86_64"), &error);
        QVERIFY2(binary, qPrintable(error));
        QCOMPARE(binary->sha256, sha(bytes));
        QCOMPARE(binary->release, QString::fromLatin1(sha(bytes).left(16)));
        qunsetenv("K3SNET_AGENT_DIR");
    }

    // Five jobs want the sudo password at once: one question, one answer for all.
    void promptBrokerAsksOnce()
    {
        FakePrompter prompter;
        std::atomic<bool> cancelled{false};
        PromptBroker broker(&prompter, &cancelled);
        SecretQuestion q;
        q.kind = SecretQuestion::Kind::SudoPassword;
        QThreadPool pool;
        pool.setMaxThreadCount(5);
        std::atomic<int> answers{0};
        for (int i = 0; i < 5; ++i) {
            pool.start([&] {
                const auto s = broker.secret(q);
                if (s && *s == "first")
                    ++answers;
            });
        }
        pool.waitForDone();
        QCOMPARE(answers.load(), 5);
        QCOMPARE(prompter.secretQuestions.load(), 1);
        // Refused: asked again (retry), and the new answer is kept.
        q.retry = true;
        QCOMPARE(broker.secret(q).value_or(QByteArray()), QByteArray("second"));
        q.retry = false;
        QCOMPARE(broker.secret(q).value_or(QByteArray()), QByteArray("second"));
        QCOMPARE(prompter.secretQuestions.load(), 2);
        // Passphrases are per key file.
        SecretQuestion key;
        key.kind = SecretQuestion::Kind::KeyPassphrase;
        key.keyFile = QStringLiteral("/a");
        broker.secret(key);
        key.keyFile = QStringLiteral("/b");
        broker.secret(key);
        QCOMPARE(prompter.secretQuestions.load(), 4);
        // wipe() overwrites the answers in place, also in copies handed out.
        QByteArray copy = *broker.secret(q);
        broker.wipe();
        QCOMPARE(copy, QByteArray(6, '\0'));
        QCOMPARE(prompter.secretQuestions.load(), 4);
        QVERIFY(broker.secret(q)); // asked again after the wipe
        QCOMPARE(prompter.secretQuestions.load(), 5);
    }

    void promptBrokerWithoutPerson()
    {
        std::atomic<bool> cancelled{false};
        PromptBroker none(nullptr, &cancelled);
        QVERIFY(!none.canAsk());
        QCOMPARE(none.askHostKey({}), HostKeyAnswer::Reject);
        QVERIFY(!none.secret({}));
        FakePrompter batch;
        batch.interactive = false;
        PromptBroker quiet(&batch, &cancelled);
        QVERIFY(!quiet.canAsk());
        QVERIFY(!quiet.canAskSecrets());
        QCOMPARE(quiet.askHostKey({}), HostKeyAnswer::Reject);
        QCOMPARE(batch.hostKeyQuestions.load(), 0);
        // An askpass program answers secrets, never host keys.
        batch.secretsOnly = true;
        QVERIFY(!quiet.canAsk());
        QVERIFY(quiet.canAskSecrets());
        QCOMPARE(quiet.askHostKey({}), HostKeyAnswer::Reject);
        FakePrompter person;
        PromptBroker asks(&person, &cancelled);
        QCOMPARE(asks.askHostKey({}), HostKeyAnswer::AcceptOnce);
        cancelled = true;
        QCOMPARE(asks.askHostKey({}), HostKeyAnswer::Reject);
        QVERIFY(!asks.secret({}));
        QCOMPARE(person.hostKeyQuestions.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProvisionParts)
#include "tst_provisionparts.moc"
