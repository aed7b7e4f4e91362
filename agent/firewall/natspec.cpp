// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/firewall/natspec.h"

#include <sstream>

namespace k3snet::agent {

namespace {

const char *masqComment = "-m comment --comment \"k3snet masq\"";
const char *forwardComment = "-m comment --comment \"k3snet forward\"";

} // namespace

std::vector<std::string> NatSpec::postroutingRules(bool randomFully) const
{
    const std::string c = clusterCIDR.toString();
    const std::string s = podCIDR.toString();
    const std::string head = std::string("-A ") + postroutingChain + " ";
    const std::string masq = std::string(" -j MASQUERADE") + (randomFully ? " --random-fully" : "");
    return {
        head + "-m mark --mark 0x4000/0x4000 " + masqComment + " -j RETURN",
        head + "-s " + s + " -d " + c + " " + masqComment + " -j RETURN",
        head + "-s " + c + " -d " + s + " " + masqComment + " -j RETURN",
        head + "! -s " + c + " -d " + s + " " + masqComment + " -j RETURN",
        head + "-s " + c + " ! -d 224.0.0.0/4 " + masqComment + masq,
        head + "! -s " + c + " -d " + c + " " + masqComment + masq,
    };
}

std::vector<std::string> NatSpec::forwardRules() const
{
    const std::string c = clusterCIDR.toString();
    const std::string head = std::string("-A ") + forwardChain + " ";
    return {
        head + "-s " + c + " " + forwardComment + " -j ACCEPT",
        head + "-d " + c + " " + forwardComment + " -j ACCEPT",
    };
}

std::string NatSpec::postroutingJump()
{
    return std::string("-A POSTROUTING ") + masqComment + " -j " + postroutingChain;
}

std::string NatSpec::forwardJump()
{
    return std::string("-A FORWARD ") + forwardComment + " -j " + forwardChain;
}

std::string NatSpec::nftScript() const
{
    const std::string c = clusterCIDR.toString();
    const std::string s = podCIDR.toString();
    std::ostringstream out;
    // Declaring the table first makes the delete valid when it does not exist yet; all three
    // statements are one transaction.
    out << "table ip " << nftTable << "\n"
        << "delete table ip " << nftTable << "\n"
        << "table ip " << nftTable << " {\n";
    if (masquerade) {
        out << "\tchain " << postroutingChain << " {\n"
            << "\t\ttype nat hook postrouting priority 100; policy accept;\n"
            << "\t\tmeta mark & 0x4000 == 0x4000 return comment \"k3snet masq\"\n"
            << "\t\tip saddr " << s << " ip daddr " << c << " return comment \"k3snet masq\"\n"
            << "\t\tip saddr " << c << " ip daddr " << s << " return comment \"k3snet masq\"\n"
            << "\t\tip saddr != " << c << " ip daddr " << s << " return comment \"k3snet masq\"\n"
            << "\t\tip saddr " << c
            << " ip daddr != 224.0.0.0/4 masquerade fully-random comment \"k3snet masq\"\n"
            << "\t\tip saddr != " << c << " ip daddr " << c
            << " masquerade fully-random comment \"k3snet masq\"\n"
            << "\t}\n";
    }
    out << "\tchain " << forwardChain << " {\n"
        << "\t\ttype filter hook forward priority 0; policy accept;\n"
        << "\t\tip saddr " << c << " accept comment \"k3snet forward\"\n"
        << "\t\tip daddr " << c << " accept comment \"k3snet forward\"\n"
        << "\t}\n"
        << "}\n";
    return out.str();
}

std::string NatSpec::nftListing() const
{
    const std::string c = clusterCIDR.toString();
    const std::string s = podCIDR.toString();
    std::ostringstream out;
    out << "table ip " << nftTable << " {\n";
    if (masquerade) {
        out << "chain " << postroutingChain << " {\n"
            << "type nat hook postrouting priority srcnat; policy accept;\n"
            << "meta mark & 0x00004000 == 0x00004000 return comment \"k3snet masq\"\n"
            << "ip saddr " << s << " ip daddr " << c << " return comment \"k3snet masq\"\n"
            << "ip saddr " << c << " ip daddr " << s << " return comment \"k3snet masq\"\n"
            << "ip saddr != " << c << " ip daddr " << s << " return comment \"k3snet masq\"\n"
            << "ip saddr " << c
            << " ip daddr != 224.0.0.0/4 masquerade fully-random comment \"k3snet masq\"\n"
            << "ip saddr != " << c << " ip daddr " << c
            << " masquerade fully-random comment \"k3snet masq\"\n"
            << "}\n";
    }
    out << "chain " << forwardChain << " {\n"
        << "type filter hook forward priority filter; policy accept;\n"
        << "ip saddr " << c << " accept comment \"k3snet forward\"\n"
        << "ip daddr " << c << " accept comment \"k3snet forward\"\n"
        << "}\n"
        << "}\n";
    return normalizeListing(out.str());
}

std::string normalizeListing(const std::string &text)
{
    std::string out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string word, normalized;
        bool skipNext = false;
        int skipCount = 0;
        while (words >> word) {
            // "counter packets N bytes M" changes with traffic; it is not part of the rule.
            if (skipCount > 0) {
                --skipCount;
                continue;
            }
            if (word == "counter") {
                skipNext = true;
                continue;
            }
            if (skipNext && word == "packets") {
                skipCount = 3; // N bytes M
                skipNext = false;
                continue;
            }
            skipNext = false;
            if (!normalized.empty())
                normalized += ' ';
            normalized += word;
        }
        if (!normalized.empty())
            out += normalized + "\n";
    }
    return out;
}

} // namespace k3snet::agent
