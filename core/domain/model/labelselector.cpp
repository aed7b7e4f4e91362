// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/model/labelselector.h"

#include <algorithm>

namespace k3snet::model {

bool LabelSelector::isValid(std::string *why) const
{
    for (const auto &e : matchExpressions) {
        if (e.key.empty()) {
            if (why)
                *why = "matchExpressions entry without a key";
            return false;
        }
        if (e.op == "In" || e.op == "NotIn") {
            if (e.values.empty()) {
                if (why)
                    *why = "operator " + e.op + " on key \"" + e.key + "\" needs values";
                return false;
            }
        } else if (e.op == "Exists" || e.op == "DoesNotExist") {
            if (!e.values.empty()) {
                if (why)
                    *why = "operator " + e.op + " on key \"" + e.key + "\" takes no values";
                return false;
            }
        } else {
            if (why)
                *why = "unknown operator \"" + e.op + "\" on key \"" + e.key
                    + "\" (expected In, NotIn, Exists or DoesNotExist)";
            return false;
        }
    }
    return true;
}

bool LabelSelector::matches(const Labels &labels) const
{
    if (!isValid())
        return false;
    for (const auto &[k, v] : matchLabels) {
        auto it = labels.find(k);
        if (it == labels.end() || it->second != v)
            return false;
    }
    for (const auto &e : matchExpressions) {
        auto it = labels.find(e.key);
        bool has = it != labels.end();
        bool inValues = has && std::find(e.values.begin(), e.values.end(), it->second) != e.values.end();
        if (e.op == "In" && !inValues)
            return false;
        if (e.op == "NotIn" && inValues)
            return false;
        if (e.op == "Exists" && !has)
            return false;
        if (e.op == "DoesNotExist" && has)
            return false;
    }
    return true;
}

std::string LabelSelector::toString() const
{
    std::string s;
    auto sep = [&s] {
        if (!s.empty())
            s += ",";
    };
    for (const auto &[k, v] : matchLabels) {
        sep();
        s += k + "=" + v;
    }
    for (const auto &e : matchExpressions) {
        sep();
        if (e.op == "Exists") {
            s += e.key;
        } else if (e.op == "DoesNotExist") {
            s += "!" + e.key;
        } else {
            s += e.key + (e.op == "In" ? " in (" : e.op == "NotIn" ? " notin (" : " " + e.op + " (");
            for (std::size_t i = 0; i < e.values.size(); ++i)
                s += (i ? "," : "") + e.values[i];
            s += ")";
        }
    }
    return s;
}

} // namespace k3snet::model
