// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provision/noderesult.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>

namespace k3snet::provision {

// The end of a run: one result per node, in the order the request named them.
struct ProvisionReport
{
    Operation operation = Operation::Provision;
    QList<NodeResult> nodes;
    bool cancelled = false; // cancel() was called during the run
    qint64 elapsedMs = 0;

    bool allOk() const;
    int failedCount() const;
    int count(Outcome o) const;
    const NodeResult *find(const QString &node) const;
    // {"operation", "ok", "cancelled", "elapsedMs", "nodes": [NodeResult::toJson()...]}
    QJsonObject toJson() const;
};

} // namespace k3snet::provision

Q_DECLARE_METATYPE(k3snet::provision::ProvisionReport)
