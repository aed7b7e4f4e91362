// SPDX-License-Identifier: GPL-3.0-or-later
// The provision dialog against real nodes: run by test_provisiondialog.sh inside the admin
// namespace of simulated Pis that run OpenSSH sshd (tests/provision/sshnode-lib.sh). The
// script passes the project, the key and each node's host-key fingerprint in the environment;
// run on its own, the test skips. Drives the dialog as a user would: choose the options,
// press Provision, compare the fingerprint in the host-key dialog and accept it, type the sudo
// password when asked, then read the rows, the summary and the report; a second run must
// find every node up to date. Writes a screenshot of the finished dialog.
#include "domain/io/projectfile.h"
#include "provision/guiprompter.h"
#include "provision/hostkeydialog.h"
#include "provision/provisiondialog.h"
#include "provision/provisionprogresswidget.h"

#include <QApplication>
#include <QDir>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace k3snet;
using namespace k3snet::provision;

class TestProvisionDialog : public QObject
{
    Q_OBJECT

private:
    QString env(const char *name) const { return qEnvironmentVariable(name); }
    QStringList m_nodes;
    QStringList m_fingerprints; // "SHA256:..." per node, in m_nodes' order
    int m_hostKeyQuestions = 0;
    int m_sudoQuestions = 0;
    QStringList m_problems;

    // Answers whatever the dialog asks, as the user would, after checking what it shows.
    void answer(QWidget *dialog)
    {
        QTimer::singleShot(0, dialog, [this, dialog] {
            if (auto *hostKey = qobject_cast<HostKeyDialog *>(dialog)) {
                ++m_hostKeyQuestions;
                const QString shown = hostKey->findChild<QLabel *>(QStringLiteral("fingerprint"))->text();
                bool known = false;
                for (const QString &fp : std::as_const(m_fingerprints))
                    known = known || shown.endsWith(fp);
                if (!known)
                    m_problems.append(QStringLiteral("unexpected fingerprint shown: ") + shown);
                hostKey->findChild<QPushButton *>(known ? QStringLiteral("acceptRememberButton") : QStringLiteral("rejectButton"))->click();
            } else if (auto *input = qobject_cast<QInputDialog *>(dialog)) {
                ++m_sudoQuestions;
                if (input->textEchoMode() != QLineEdit::Password)
                    m_problems.append(QStringLiteral("a secret was asked without password echo"));
                input->setTextValue(env("K3SNET_TEST_SUDO_PASSWORD"));
                input->accept();
            } else {
                m_problems.append(QStringLiteral("unexpected question dialog"));
                dialog->close();
            }
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (env("K3SNET_TEST_PROJECT").isEmpty())
            QSKIP("run by test_provisiondialog.sh, which starts the sshd nodes");
        m_nodes = env("K3SNET_TEST_NODES").split(QLatin1Char(','));
        m_fingerprints = env("K3SNET_TEST_FINGERPRINTS").split(QLatin1Char(','));
        QCOMPARE(m_nodes.size(), m_fingerprints.size());
    }

    void provisionThroughTheDialog()
    {
        const QString file = env("K3SNET_TEST_PROJECT");
        const io::LoadResult loaded = io::loadProjectFile(file.toStdString());
        QVERIFY2(loaded.project.has_value(), "the test project loads");

        ProvisionDialog dialog(*loaded.project, file, Operation::Provision);
        connect(dialog.prompter(), &GuiPrompter::questionShown, this, &TestProvisionDialog::answer);
        ProvisionOptions options;
        options.user = env("K3SNET_TEST_USER");
        options.identityFile = env("K3SNET_TEST_IDENTITY");
        options.jobs = 4;
        dialog.setOptions(options);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        QSignalSpy finished(&dialog, &ProvisionDialog::runFinished);
        QPushButton *start = dialog.findChild<QPushButton *>(QStringLiteral("startButton"));
        QVERIFY(start && start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY2(dialog.isRunning(), qPrintable(dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text()));
        QVERIFY(!start->isEnabled());
        QVERIFY(finished.wait(240000));

        QVERIFY2(m_problems.isEmpty(), qPrintable(m_problems.join(QLatin1Char('\n'))));
        QCOMPARE(m_hostKeyQuestions, m_nodes.size()); // every node was new, each asked once
        QVERIFY(m_sudoQuestions >= 1);                 // the node with a sudo password
        const ProvisionReport &report = dialog.report();
        QVERIFY2(report.allOk(), qPrintable(QString::fromUtf8(QJsonDocument(report.toJson()).toJson())));
        for (const QString &node : std::as_const(m_nodes)) {
            QCOMPARE(dialog.progress()->resultText(node), outcomeName(Outcome::Installed));
            QCOMPARE(dialog.progress()->progressPercent(node), 100);
            QVERIFY(!dialog.progress()->logOf(node).isEmpty());
        }
        QVERIFY(dialog.summaryText().contains(outcomeName(Outcome::Installed)));

        const QString shots = env("K3SNET_TEST_SHOTS");
        if (!shots.isEmpty()) {
            QDir().mkpath(shots);
            QVERIFY(dialog.grab().save(shots + QStringLiteral("/provision-dialog.png")));
        }

        // Again: the host keys are remembered now and nothing changed.
        m_hostKeyQuestions = 0;
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(finished.wait(240000));
        QCOMPARE(m_hostKeyQuestions, 0);
        for (const QString &node : std::as_const(m_nodes))
            QCOMPARE(dialog.progress()->resultText(node), outcomeName(Outcome::UpToDate));
    }
};

QTEST_MAIN(TestProvisionDialog)
#include "tst_provisiondialog.moc"
