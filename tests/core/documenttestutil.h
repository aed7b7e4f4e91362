// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/io/demoproject.h"
#include "domain/io/projectfile.h"
#include "domain/model/project.h"

#include <QString>
#include <QtTest>

#include <string>

// Builders and finders for the document and model tests.
namespace documenttest {

using namespace k3snet;

inline model::Project demo()
{
    auto result = io::loadProjectText(io::demoProjectText(), std::string(io::demoProjectFileName));
    if (!result.project)
        qFatal("the demo project does not load");
    return *result.project;
}

// The saved form of a project: what the tests compare.
inline QString text(const model::Project &p)
{
    return QString::fromStdString(io::saveProjectText(p));
}

inline net::Address ip(const char *s)
{
    return *net::Address::parse(s);
}

inline net::Prefix cidr(const char *s)
{
    return *net::Prefix::parse(s);
}

inline model::Node newNode(const std::string &name, const char *lanIP)
{
    model::Node n;
    n.name = name;
    n.lanIP = ip(lanIP);
    return n;
}

inline model::IPAddressPool newPool(const std::string &name, const std::string &addresses)
{
    model::IPAddressPool p;
    p.name = name;
    p.addresses = {addresses};
    return p;
}

// default/name, a LoadBalancer on port 80 asking for requestedIP (when given).
inline model::Service loadBalancer(const std::string &name, const std::string &requestedIP = {})
{
    model::Service s;
    s.namespaceName = "default";
    s.name = name;
    s.type = "LoadBalancer";
    s.ports.push_back({"http", "TCP", 80, 0});
    if (!requestedIP.empty())
        s.annotations["metallb.io/loadBalancerIPs"] = requestedIP;
    return s;
}

inline model::Node &nodeIn(model::Project &p, const std::string &name)
{
    for (auto &n : p.nodes)
        if (n.name == name)
            return n;
    qFatal("no node %s", name.c_str());
}

inline model::IPAddressPool &poolIn(model::Project &p, const std::string &name)
{
    for (auto &x : p.pools)
        if (x.name == name)
            return x;
    qFatal("no pool %s", name.c_str());
}

inline model::Service &serviceIn(model::Project &p, const std::string &ns, const std::string &name)
{
    for (auto &s : p.services)
        if (s.namespaceName == ns && s.name == name)
            return s;
    qFatal("no service %s/%s", ns.c_str(), name.c_str());
}

} // namespace documenttest
