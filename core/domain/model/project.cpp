// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/model/project.h"

#include <algorithm>

namespace k3snet::model {

namespace {
template<class C, class Pred>
auto findIn(const C &c, Pred pred) -> decltype(&*c.begin())
{
    auto it = std::find_if(c.begin(), c.end(), pred);
    return it == c.end() ? nullptr : &*it;
}
} // namespace

const Node *Project::findNode(const std::string &n) const
{
    return findIn(nodes, [&](const Node &x) { return x.name == n; });
}

const IPAddressPool *Project::findPool(const std::string &n) const
{
    return findIn(pools, [&](const IPAddressPool &x) { return x.name == n; });
}

const Service *Project::findService(const std::string &ns, const std::string &n) const
{
    return findIn(services, [&](const Service &x) { return x.namespaceName == ns && x.name == n; });
}

const K8sNamespace *Project::findNamespace(const std::string &n) const
{
    return findIn(namespaces, [&](const K8sNamespace &x) { return x.name == n; });
}

} // namespace k3snet::model
