// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace k3snet::provision {

// What `k3snet-node.sh detect` found on a node: the machine, and what of k3snet is installed
// there (each file by its sha256, empty when absent).
struct NodeFacts
{
    QString arch;   // uname -m
    QString kernel; // uname -r
    bool systemd = false;
    QString vxlan; // "yes", "no" or "unknown"
    QString k3sPath;
    bool k3sConfig = false;
    bool k3sFlannelNone = false;
    bool k3sServicelbDisabled = false;
    QString release; // the current release id, empty when none
    QStringList releases;
    QMap<QString, QByteArray> releaseShas; // release id -> sha256 of its binary
    QByteArray shaAgent;                   // of the current binary
    QByteArray shaConfig, shaKey, shaUnit, shaSupervise;
    bool running = false;
    bool pending = false; // an earlier install did not finish (its snapshot is kept)

    bool installed() const { return !release.isEmpty(); }
};

// "key=value" lines; other lines are ignored. A key given twice keeps its last value.
QMap<QString, QString> parseKeyValues(const QByteArray &text);

// Parses the output of `detect` (up to a "---" line, where `detect --health` prints the
// agent's health); nullopt with the reason when it is not that output.
std::optional<NodeFacts> parseNodeFacts(const QByteArray &text, QString *error);

// The directory name of the bundled agent for a `uname -m`: "aarch64", "armhf" or "x86_64";
// nullopt for anything else (armv6l, i686, riscv64, ...).
std::optional<QString> agentArchFor(const QString &unameMachine);

} // namespace k3snet::provision
