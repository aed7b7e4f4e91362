// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <string>
#include <vector>

namespace k3snet::model {

using Labels = std::map<std::string, std::string>;

// One matchExpressions entry of a Kubernetes LabelSelector, stored as written.
struct LabelSelectorRequirement
{
    std::string key;
    std::string op; // In, NotIn, Exists, DoesNotExist (validated by rules, kept as written)
    std::vector<std::string> values;
    friend bool operator==(const LabelSelectorRequirement &, const LabelSelectorRequirement &)
        = default;
};

// A Kubernetes LabelSelector (matchLabels AND matchExpressions). An empty selector matches
// everything.
struct LabelSelector
{
    Labels matchLabels;
    std::vector<LabelSelectorRequirement> matchExpressions;

    bool isEmpty() const { return matchLabels.empty() && matchExpressions.empty(); }
    // Whether the selector is well formed: known operators, values present for In/NotIn and
    // absent for Exists/DoesNotExist. Sets why on failure.
    bool isValid(std::string *why = nullptr) const;
    // Kubernetes semantics; an invalid selector matches nothing.
    bool matches(const Labels &labels) const;
    // "app=web,tier in (a,b)" — the kubectl rendering, used in messages and as a stable key.
    std::string toString() const;

    friend bool operator==(const LabelSelector &, const LabelSelector &) = default;
};

} // namespace k3snet::model
