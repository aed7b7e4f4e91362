// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/firewall/iptablesbackend.h"

#include "agent/system/process.h"

#include <sstream>

namespace k3snet::agent {

namespace {

// "-A CHAIN rest" → "-D CHAIN rest" (to delete the same rule).
std::string asDelete(const std::string &rule)
{
    return "-D" + rule.substr(2);
}

std::vector<std::string> splitLines(const std::string &text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
            line.pop_back();
        if (!line.empty())
            lines.push_back(line);
    }
    return lines;
}

// The words of a rule spec as iptables' argv ("k3snet masq" is one word without its quotes).
std::vector<std::string> ruleWords(const std::string &rule)
{
    std::vector<std::string> words;
    std::string word;
    bool quoted = false, any = false;
    for (char ch : rule) {
        if (ch == '"') {
            quoted = !quoted;
            any = true;
        } else if (ch == ' ' && !quoted) {
            if (any)
                words.push_back(word);
            word.clear();
            any = false;
        } else {
            word += ch;
            any = true;
        }
    }
    if (any)
        words.push_back(word);
    return words;
}

} // namespace

IptablesBackend::IptablesBackend()
    : m_iptables(findExecutable("iptables"))
    , m_restore(findExecutable("iptables-restore"))
    , m_save(findExecutable("iptables-save"))
{
}

IptablesBackend::Tables IptablesBackend::readTables()
{
    if (m_save.empty())
        return {readTable("nat"), readTable("filter")};
    Tables result;
    const ProcessResult r = runProcess({m_save});
    if (!r.ok())
        return result; // every chain is treated as missing, as for a failed `iptables -S`
    result.nat.ok = result.filter.ok = true;
    Table *current = nullptr;
    for (const std::string &line : splitLines(r.output)) {
        if (line == "*nat")
            current = &result.nat;
        else if (line == "*filter")
            current = &result.filter;
        else if (line[0] == '*')
            current = nullptr;
        else if (!current || line == "COMMIT" || line[0] == '#')
            continue;
        else if (line[0] == ':') {
            // ":CHAIN POLICY [packets:bytes]": a built-in chain has a policy, ours has "-".
            std::istringstream words(line.substr(1));
            std::string chain, policy;
            words >> chain >> policy;
            current->lines.push_back(policy == "-" ? "-N " + chain : "-P " + chain + " " + policy);
        } else {
            current->lines.push_back(line);
        }
    }
    return result;
}

IptablesBackend::Table IptablesBackend::readTable(const char *table)
{
    Table result;
    const ProcessResult r = runProcess({m_iptables, "-w", "5", "-t", table, "-S"});
    if (!r.ok())
        return result; // iptables cannot read it: every chain is treated as missing
    result.ok = true;
    result.lines = splitLines(r.output);
    return result;
}

IptablesBackend::Chain IptablesBackend::chainOf(const Table &table, const char *chain)
{
    Chain result;
    const std::string declaration = std::string("-N ") + chain;
    const std::string head = std::string("-A ") + chain + " ";
    for (const std::string &line : table.lines) {
        if (line == declaration)
            result.exists = true;
        else if (line.rfind(head, 0) == 0)
            result.rules.push_back(line);
    }
    return result;
}

int IptablesBackend::countJumps(const Table &table, const std::string &jump)
{
    int count = 0;
    for (const std::string &line : table.lines)
        count += line == jump;
    return count;
}

bool IptablesBackend::restore(const std::string &input, std::string &error)
{
    const ProcessResult r = runProcess({m_restore, "-w", "5", "--noflush"}, input);
    if (!r.ok()) {
        error = r.describe("iptables-restore");
        return false;
    }
    return true;
}

std::vector<std::string> IptablesBackend::check(const NatSpec &spec)
{
    std::vector<std::string> problems;
    if (!isAvailable()) {
        problems.push_back("iptables or iptables-restore is not installed");
        return problems;
    }
    const auto [nat, filter] = readTables();
    if (spec.masquerade) {
        const Chain masq = chainOf(nat, NatSpec::postroutingChain);
        if (!masq.exists)
            problems.push_back(
                std::string("iptables chain nat/") + NatSpec::postroutingChain + " is missing");
        else if (masq.rules != spec.postroutingRules(m_randomFully)
            && masq.rules != spec.postroutingRules(!m_randomFully))
            problems.push_back(std::string("iptables chain nat/") + NatSpec::postroutingChain
                + " differs from the wanted rules");
        const int jumps = countJumps(nat, NatSpec::postroutingJump());
        if (jumps != 1)
            problems.push_back("nat/POSTROUTING has " + std::to_string(jumps) + " jumps to "
                + NatSpec::postroutingChain + ", want 1");
    } else if (chainOf(nat, NatSpec::postroutingChain).exists) {
        problems.push_back(std::string("iptables chain nat/") + NatSpec::postroutingChain
            + " exists but masquerade is off");
    }
    const Chain fwd = chainOf(filter, NatSpec::forwardChain);
    if (!fwd.exists)
        problems.push_back(
            std::string("iptables chain filter/") + NatSpec::forwardChain + " is missing");
    else if (fwd.rules != spec.forwardRules())
        problems.push_back(std::string("iptables chain filter/") + NatSpec::forwardChain
            + " differs from the wanted rules");
    const int jumps = countJumps(filter, NatSpec::forwardJump());
    if (jumps != 1)
        problems.push_back("filter/FORWARD has " + std::to_string(jumps) + " jumps to "
            + NatSpec::forwardChain + ", want 1");
    return problems;
}

bool IptablesBackend::ensure(const NatSpec &spec, ApplyLog &log)
{
    if (!isAvailable()) {
        log.failed("cannot install the NAT rules: iptables or iptables-restore is not installed");
        return false;
    }
    bool ok = true;
    std::string input;
    std::vector<std::string> what;
    const auto [nat, filter] = readTables();

    if (spec.masquerade) {
        const Chain masq = chainOf(nat, NatSpec::postroutingChain);
        const int jumps = countJumps(nat, NatSpec::postroutingJump());
        const bool rulesOk = masq.exists && masq.rules == spec.postroutingRules(m_randomFully);
        if (!rulesOk || jumps != 1) {
            input += "*nat\n";
            input += std::string(":") + NatSpec::postroutingChain + " - [0:0]\n";
            for (const std::string &rule : spec.postroutingRules(m_randomFully))
                input += rule + "\n";
            for (int i = 1; i < jumps; ++i)
                input += asDelete(NatSpec::postroutingJump()) + "\n";
            if (jumps == 0)
                input += NatSpec::postroutingJump() + "\n";
            input += "COMMIT\n";
            what.push_back(std::string("nat/") + NatSpec::postroutingChain);
        }
    } else {
        ok = removeTable(
                 "nat", "POSTROUTING", NatSpec::postroutingJump(), NatSpec::postroutingChain, log)
            && ok;
    }

    const Chain fwd = chainOf(filter, NatSpec::forwardChain);
    const int fwdJumps = countJumps(filter, NatSpec::forwardJump());
    if (!fwd.exists || fwd.rules != spec.forwardRules() || fwdJumps != 1) {
        input += "*filter\n";
        input += std::string(":") + NatSpec::forwardChain + " - [0:0]\n";
        for (const std::string &rule : spec.forwardRules())
            input += rule + "\n";
        for (int i = 1; i < fwdJumps; ++i)
            input += asDelete(NatSpec::forwardJump()) + "\n";
        if (fwdJumps == 0)
            input += NatSpec::forwardJump() + "\n";
        input += "COMMIT\n";
        what.push_back(std::string("filter/") + NatSpec::forwardChain);
    }

    if (input.empty())
        return ok;
    std::string error;
    if (!restore(input, error) && m_randomFully && spec.masquerade) {
        // iptables older than 1.6.2 (or a kernel without it) has no --random-fully; flannel
        // then falls back to plain MASQUERADE, and so do we.
        const std::string option = " --random-fully";
        std::string retry = input;
        for (std::size_t pos; (pos = retry.find(option)) != std::string::npos;)
            retry.erase(pos, option.size());
        std::string secondError;
        if (restore(retry, secondError)) {
            m_randomFully = false;
            log.changed("using MASQUERADE without --random-fully, which this iptables cannot do ("
                + error + ")");
            error.clear();
        } else {
            error = secondError;
        }
    }
    if (!error.empty()) {
        log.failed("installing the NAT rules with iptables-restore failed: " + error);
        return false;
    }
    std::string list;
    for (const std::string &w : what)
        list += (list.empty() ? "" : ", ") + w;
    log.changed("installed NAT rules with iptables-restore: " + list);
    return ok;
}

bool IptablesBackend::removeTable(const char *table, const char *builtin, const std::string &jump,
    const char *chain, ApplyLog &log)
{
    bool ok = true;
    const Table listed = readTable(table);
    const int jumps = countJumps(listed, jump);
    for (int i = 0; i < jumps; ++i) {
        std::vector<std::string> argv{m_iptables, "-w", "5", "-t", table};
        for (std::string &w : ruleWords(asDelete(jump)))
            argv.push_back(std::move(w));
        const ProcessResult r = runProcess(argv);
        if (!r.ok()) {
            log.failed("removing the jump from " + std::string(table) + "/" + builtin
                + " failed: " + r.describe("iptables"));
            ok = false;
            break;
        }
    }
    if (jumps > 0)
        log.changed("removed the jump from " + std::string(table) + "/" + builtin + " to " + chain);
    if (!chainOf(listed, chain).exists)
        return ok;
    for (const char *op : {"-F", "-X"}) {
        const ProcessResult r = runProcess({m_iptables, "-w", "5", "-t", table, op, chain});
        if (!r.ok()) {
            log.failed("removing iptables chain " + std::string(table) + "/" + chain
                + " failed: " + r.describe("iptables"));
            return false;
        }
    }
    log.changed("removed iptables chain " + std::string(table) + "/" + chain);
    return ok;
}

bool IptablesBackend::remove(ApplyLog &log)
{
    if (!isAvailable())
        return true;
    const bool nat = removeTable(
        "nat", "POSTROUTING", NatSpec::postroutingJump(), NatSpec::postroutingChain, log);
    const bool filter
        = removeTable("filter", "FORWARD", NatSpec::forwardJump(), NatSpec::forwardChain, log);
    return nat && filter;
}

std::string IptablesBackend::listing()
{
    std::string text;
    for (const std::string &r : chainOf(readTable("nat"), NatSpec::postroutingChain).rules)
        text += r + "\n";
    for (const std::string &r : chainOf(readTable("filter"), NatSpec::forwardChain).rules)
        text += r + "\n";
    return text;
}

} // namespace k3snet::agent
