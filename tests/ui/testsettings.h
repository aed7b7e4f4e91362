// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Every UI test runs with settings of its own: test mode (no file of the user's is read or
// written), its own organisation and application name, and nothing left from an earlier run.

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

namespace testsettings {

inline void isolate(const char *testName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("k3snet-tests"));
    QCoreApplication::setApplicationName(QString::fromLatin1(testName));
    QSettings().clear();
}

} // namespace testsettings
