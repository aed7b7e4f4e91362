// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace k3snet::provision {

// The node side of provisioning, built into k3snet_core from packaging/ (provision.qrc): the
// script every remote command runs (packaging/node/k3snet-node.sh), the fallback supervisor
// (packaging/node/k3snet-supervise) and the hardened systemd unit
// (packaging/systemd/k3snet-agent.service).
struct NodeAssets
{
    static QByteArray nodeScript();
    static QByteArray supervisor();
    static QByteArray systemdUnit();
};

} // namespace k3snet::provision
