// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rules/diagnostic.h"

#include <QJsonArray>
#include <QJsonObject>

namespace k3snet::report {

// JSON forms of domain results, for `k3snetctl --format json` and for anything that reads them
// back (field names are part of the CLI's contract; see README "JSON output").
QJsonObject toJson(const rules::Diagnostic &d);
QJsonArray toJson(const rules::Diagnostics &d);

} // namespace k3snet::report
