// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/sourcelocation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace k3snet::rules {

enum class Severity : std::uint8_t { Error, Warning, Info };
const char *severityName(Severity s); // "error" / "warning" / "info"

// An object a diagnostic concerns, by kind and name ("Node", "node1"; "IPAddressPool",
// "default"; "Service", "kube-system/traefik"; "Network", "clusterCIDR").
struct ObjectRef
{
    std::string kind;
    std::string name;
    friend bool operator==(const ObjectRef &, const ObjectRef &) = default;
};

// One finding about a project: a stable code that tests and docs cite, a message a person
// understands, the objects concerned, and where in a file it comes from (when it does).
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string code;
    std::string message;
    std::vector<ObjectRef> objects;
    model::SourceLocation location;

    // "file:3:5: error: message [code]"
    std::string toString() const;
    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics &d);
int countOf(const Diagnostics &d, Severity s);

} // namespace k3snet::rules
