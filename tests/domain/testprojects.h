// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"

#include <QString>
#include <QtTest>

#include <algorithm>
#include <string>

// Small builders for projects in memory, shared by the domain tests.
namespace testprojects {

inline k3snet::net::Address ip(const char *text)
{
    auto a = k3snet::net::Address::parse(text);
    if (!a)
        qFatal("bad test address %s", text);
    return *a;
}

inline k3snet::net::Prefix cidr(const char *text)
{
    auto p = k3snet::net::Prefix::parse(text);
    if (!p)
        qFatal("bad test prefix %s", text);
    return *p;
}

inline k3snet::model::Node node(const std::string &name, const char *lanIP,
                                k3snet::model::NodeRole role = k3snet::model::NodeRole::Agent)
{
    k3snet::model::Node n;
    n.name = name;
    n.lanIP = ip(lanIP);
    n.role = role;
    return n;
}

// The seed's cluster: k3s defaults, LAN 10.0.0.0/24 with gateway .1, node1..nodeN at .11...
inline k3snet::model::Project seedProject(int nodes = 3)
{
    k3snet::model::Project p;
    p.name = "seed";
    p.network.lan.subnet = cidr("10.0.0.0/24");
    p.network.lan.gateway = ip("10.0.0.1");
    for (int i = 1; i <= nodes; ++i) {
        const std::string addr = "10.0.0." + std::to_string(10 + i);
        p.nodes.push_back(node("node" + std::to_string(i), addr.c_str(),
                               i == 1 ? k3snet::model::NodeRole::Server : k3snet::model::NodeRole::Agent));
    }
    return p;
}

template<class Diags>
inline QStringList codes(const Diags &ds)
{
    QStringList out;
    for (const auto &d : ds)
        out << QString::fromStdString(d.code);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace testprojects
