// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace k3snet::provision {

// What a run does on each node.
enum class Operation { Provision, Status, Uninstall };

// The visible steps of one node's job, in the order they run. Each operation runs a subset
// (stepsOf); a node that needs no upload skips the steps in between and goes on to the next.
enum class Step {
    Connect,
    VerifyHostKey,
    Authenticate,
    Detect,
    Upload,
    Verify,
    Install,
    Configure,
    Start,
    HealthCheck,
    ReadStatus,
    Remove,
    Done,
};

QList<Step> stepsOf(Operation op);
// For people, translated: "verify host key".
QString stepName(Step s);
// Stable, for JSON and scripts: "verify-host-key".
QString stepId(Step s);
QString operationId(Operation op); // "provision", "status", "uninstall"

// The share (0..1) of a node's job that is done when `within` (0..1) of `step` is done. Every
// step weighs the same except the upload, which weighs as much as four, as it takes longest on
// a slow link. Done is 1.
double jobFraction(Operation op, Step step, double within = 0.0);

} // namespace k3snet::provision

Q_DECLARE_METATYPE(k3snet::provision::Step)
Q_DECLARE_METATYPE(k3snet::provision::Operation)
