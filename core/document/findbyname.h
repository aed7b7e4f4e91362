// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/service.h"

#include <algorithm>
#include <string>
#include <vector>

// How commands find their targets in a project: by the stable name (namespace/name for
// services), looked up again on every edit, never by pointer or index.
namespace k3snet::commands {

template<class T>
typename std::vector<T>::iterator findByName(std::vector<T> &items, const std::string &name)
{
    return std::find_if(items.begin(), items.end(), [&](const T &x) { return x.name == name; });
}

template<class T> bool hasName(const std::vector<T> &items, const std::string &name)
{
    return std::any_of(items.begin(), items.end(), [&](const T &x) { return x.name == name; });
}

inline std::vector<model::Service>::iterator findService(
    std::vector<model::Service> &services, const std::string &ns, const std::string &name)
{
    return std::find_if(services.begin(), services.end(),
        [&](const model::Service &s) { return s.namespaceName == ns && s.name == name; });
}

} // namespace k3snet::commands
