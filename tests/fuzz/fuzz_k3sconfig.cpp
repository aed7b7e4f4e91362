// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the k3s config.yaml reader (see README.md): any bytes must give settings
// and diagnostics, never a crash, a hang or an exception. Every diagnostic names the file, has a
// message and a known code, and points at a line the text has; what the reader keeps is what
// it documents (valid values, disable split on commas).
//
// An import without errors is applied onto a default network (as k3snet imports a node's file)
// and k3sConfigFor writes a server's file for the result; tst_k3sconfig's roundTrip makes it the
// contract that a generated file reads back without a single finding to the settings it came
// from, so that file must import with no diagnostics at all and apply to the same network. The
// flannel-backend, disable and disable-network-policy of the input are not compared: a server's
// file always says none, [servicelb] and true, whatever the input said. The node-ip must come
// back too, except 0.0.0.0 and ::, which the writer leaves out on purpose (an unset LAN IP;
// k3s then picks the default route's address). An agent's file for that node-ip must read back
// to it alone, without findings.
#include "domain/io/k3sconfig.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

namespace {

using namespace k3snet;

[[noreturn]] void fail(const char *what, std::string_view text, const rules::Diagnostics &ds = {})
{
    std::fprintf(stderr, "fuzz_k3sconfig: %s\n--- text ---\n%.*s\n", what,
        static_cast<int>(text.size()), text.data());
    for (const rules::Diagnostic &d : ds)
        std::fprintf(stderr, "--- diagnostic: %s\n", d.toString().c_str());
    std::abort();
}

// Every diagnostic: the given file, a message, a code the reader has, a line of the text.
void checkDiagnostics(
    const rules::Diagnostics &ds, const std::string &file, std::string_view text)
{
    static const std::set<std::string> codes{"yaml-syntax", "wrong-type", "invalid-value",
        "k3s-duplicate-key", "k3s-unknown-key", "k3s-unknown-component", "k3s-dual-stack",
        "k3s-flannel-backend", "k3s-servicelb-enabled"};
    // However YAML counts \n, \r\n and \r, a text has at most this many lines (plus the
    // empty one after a final break, where end-of-input errors point).
    const long lines = 1 + std::count(text.begin(), text.end(), '\n')
        + std::count(text.begin(), text.end(), '\r');
    for (const rules::Diagnostic &d : ds) {
        if (d.location.file != file)
            fail("a diagnostic does not name the file", text, ds);
        if (d.message.empty())
            fail("a diagnostic has no message", text, ds);
        if (!codes.count(d.code))
            fail("a diagnostic has an unknown code", text, ds);
        if (d.location.line < 0 || d.location.line > lines
            || (d.location.isValid() && d.location.column < 1))
            fail("a diagnostic points outside the text", text, ds);
    }
}

// What the reader keeps is valid as documented.
void checkSettings(const io::K3sConfigImport &r, std::string_view text)
{
    std::set<std::string> seen;
    for (const std::string &c : r.disable) {
        if (c.empty() || c.find(',') != std::string::npos || !seen.insert(c).second)
            fail("disable holds an empty, unsplit or repeated component", text, r.diagnostics);
    }
    if (r.nodeCIDRMaskSize) {
        const net::Family family = r.clusterCIDR ? r.clusterCIDR->family() : net::Family::V4;
        const int length = r.clusterCIDR ? r.clusterCIDR->length() : 16; // k3s's 10.42.0.0/16
        if (*r.nodeCIDRMaskSize < length || *r.nodeCIDRMaskSize > net::familyBits(family)
            || *r.nodeCIDRMaskSize - length > 16)
            fail("the node CIDR mask kept does not fit cluster-cidr", text, r.diagnostics);
    }
    if (r.clusterDomain && r.clusterDomain->empty())
        fail("an empty cluster-domain was kept", text, r.diagnostics);
}

bool isUnspecified(const net::Address &a)
{
    return a.value() == 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const io::K3sConfigImport first = io::importK3sConfig(text, "fuzz.yaml");
    checkDiagnostics(first.diagnostics, "fuzz.yaml", text);
    checkSettings(first, text);
    if (rules::hasErrors(first.diagnostics))
        return 0;

    model::Project project;
    project.name = "fuzz";
    model::Node server;
    server.name = "server1";
    server.role = model::NodeRole::Server;
    if (first.nodeIP)
        server.lanIP = *first.nodeIP;
    project.nodes.push_back(server);
    const std::optional<net::Address> nodeIP = io::applyK3sConfig(first, project.network);
    if (nodeIP != first.nodeIP)
        fail("applyK3sConfig does not return the node-ip", text, first.diagnostics);

    const std::string written = io::k3sConfigFor(project, server);
    const io::K3sConfigImport second = io::importK3sConfig(written, "written.yaml");
    if (!second.diagnostics.empty())
        fail("the server file written for an import has findings", written, second.diagnostics);
    model::ClusterNetwork again;
    const std::optional<net::Address> nodeIPAgain = io::applyK3sConfig(second, again);
    if (!(again == project.network))
        fail("the server file written for an import reads back to other settings", written);
    const bool keepsNodeIP = first.nodeIP && !isUnspecified(*first.nodeIP);
    if (keepsNodeIP ? nodeIPAgain != first.nodeIP : nodeIPAgain.has_value())
        fail("the server file written for an import has another node-ip", written);
    if (io::k3sConfigFor(project, server) != written)
        fail("k3sConfigFor is not deterministic", written);

    model::Node agent = server;
    agent.name = "agent1";
    agent.role = model::NodeRole::Agent;
    const std::string agentText = io::k3sConfigFor(project, agent);
    const io::K3sConfigImport third = io::importK3sConfig(agentText, "agent.yaml");
    if (!third.diagnostics.empty())
        fail("the agent file written for an import has findings", agentText, third.diagnostics);
    if ((keepsNodeIP ? third.nodeIP != first.nodeIP : third.nodeIP.has_value())
        || third.clusterCIDR || third.serviceCIDR || third.clusterDNS || third.clusterDomain
        || third.nodeCIDRMaskSize || third.flannelBackend || third.disableNetworkPolicy
        || !third.disable.empty())
        fail("the agent file written for an import holds more than its node-ip", agentText);
    return 0;
}
