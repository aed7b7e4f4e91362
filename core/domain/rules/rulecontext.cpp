// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/rules/rulecontext.h"

namespace k3snet::rules {

std::string pathOf(const ObjectRef &ref)
{
    if (ref.kind == "Node")
        return "nodes/" + ref.name;
    if (ref.kind == "IPAddressPool")
        return "pools/" + ref.name;
    if (ref.kind == "L2Advertisement")
        return "l2Advertisements/" + ref.name;
    if (ref.kind == "Service")
        return "services/" + ref.name;
    if (ref.kind == "Namespace")
        return "namespaces/" + ref.name;
    if (ref.kind == "Network")
        return "network." + ref.name;
    return {};
}

void RuleContext::report(Severity severity, std::string code, std::string message,
                         std::vector<ObjectRef> objects, const std::string &path)
{
    Diagnostic d{severity, std::move(code), std::move(message), std::move(objects), {}};
    d.location = m_project.sources.find(path.empty() && !d.objects.empty() ? pathOf(d.objects.front()) : path);
    m_out.push_back(std::move(d));
}

void RuleContext::adopt(const Diagnostics &found)
{
    for (auto d : found) {
        if (!d.location.isValid() && !d.objects.empty())
            d.location = m_project.sources.find(pathOf(d.objects.front()));
        m_out.push_back(std::move(d));
    }
}

} // namespace k3snet::rules
