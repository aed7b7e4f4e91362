// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/plan/plan.h"
#include "domain/rules/diagnostic.h"

#include <QJsonArray>
#include <QJsonObject>

namespace k3snet::report {

// JSON forms of domain results, for `k3snetctl --format json` and for anything that reads them
// back (field names are part of the CLI's contract; see README "JSON output").
QJsonObject toJson(const rules::Diagnostic &d);
QJsonArray toJson(const rules::Diagnostics &d);
// The plan as `k3snetctl plan --format json` prints it: nodes, pools, services, diagnostics.
QJsonObject toJson(const plan::Plan &p);

} // namespace k3snet::report
