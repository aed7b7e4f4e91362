// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/rules/diagnostic.h"

#include <algorithm>

namespace k3snet::rules {

const char *severityName(Severity s)
{
    switch (s) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "info";
    }
    return "error";
}

std::string Diagnostic::toString() const
{
    std::string s;
    if (!location.file.empty() || location.isValid())
        s = location.toString() + ": ";
    s += std::string(severityName(severity)) + ": " + message + " [" + code + "]";
    return s;
}

bool hasErrors(const Diagnostics &d)
{
    return countOf(d, Severity::Error) > 0;
}

int countOf(const Diagnostics &d, Severity s)
{
    return static_cast<int>(std::count_if(d.begin(), d.end(), [s](const Diagnostic &x) { return x.severity == s; }));
}

} // namespace k3snet::rules
