// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/net/range.h"

#include "domain/net/prefix.h"

namespace k3snet::net {

namespace {

// "\"" + std::string(text) + "\"" would do, but GCC 12 at -O2 warns (-Wrestrict, a false
// positive) on that form, and warnings are errors in CI.
std::string quoted(std::string_view text)
{
    std::string q;
    q.reserve(text.size() + 2);
    q.append(1, '"').append(text).append(1, '"');
    return q;
}

// MetalLB trims each end of a range with Go's strings.TrimSpace, so a newline or CR that a
// YAML block scalar leaves around an end is tolerated too (non-ASCII spaces are not).
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// Address::parse names its input as "\"<text>\": <reason>". The text may itself contain ": ",
// so the reason is found by the text's length, not by searching.
std::string reasonOf(const std::string &message, std::string_view addressText)
{
    const std::string prefix = quoted(addressText) + ": ";
    if (message.compare(0, prefix.size(), prefix) != 0)
        return message;
    return message.substr(prefix.size());
}

} // namespace

Result<Range> Range::parse(std::string_view text)
{
    const std::string q = quoted(text);
    auto dash = text.find('-');
    if (dash == std::string_view::npos)
        return Result<Range>::failure(q + ": not a range: missing \"-\" between start and end");
    auto startText = trim(text.substr(0, dash));
    auto endText = trim(text.substr(dash + 1));
    auto start = Address::parse(startText);
    if (!start)
        return Result<Range>::failure(
            q + ": invalid start IP: " + reasonOf(start.error(), startText));
    auto end = Address::parse(endText);
    if (!end)
        return Result<Range>::failure(q + ": invalid end IP: " + reasonOf(end.error(), endText));
    if (start->family() != end->family())
        return Result<Range>::failure(q + ": start and end are of different families ("
                                      + familyName(start->family()) + " and "
                                      + familyName(end->family()) + ")");
    if (*start > *end)
        return Result<Range>::failure(q + ": start IP " + start->toString()
                                      + " is after the end IP " + end->toString());
    return Range(*start, *end);
}

Result<Range> Range::parsePoolEntry(std::string_view text)
{
    if (text.find('-') != std::string_view::npos)
        return parse(text);
    auto p = Prefix::parse(text);
    if (!p)
        return Result<Range>::failure(p.error());
    return p->range();
}

bool Range::isMixedFamily(std::string_view text)
{
    auto dash = text.find('-');
    if (dash == std::string_view::npos)
        return false;
    auto start = Address::parse(trim(text.substr(0, dash)));
    auto end = Address::parse(trim(text.substr(dash + 1)));
    return start && end && start->family() != end->family();
}

Count Range::size() const
{
    u128 diff = m_last.value() - m_first.value();
    return Count(diff) + Count(1);
}

std::vector<Prefix> Range::toPrefixes() const
{
    std::vector<Prefix> out;
    const int bits = m_first.bits();
    u128 cur = m_first.value();
    const u128 last = m_last.value();
    while (true) {
        // Largest aligned block starting at cur that does not pass last.
        int hostBits = 0;
        while (hostBits < bits) {
            u128 blockMask = (u128(1) << hostBits) | ((u128(1) << hostBits) - 1); // 2^(h+1)-1
            if ((cur & blockMask) != 0)
                break; // not aligned to the next size
            u128 blockEnd = cur | blockMask;
            if (blockEnd > last || (bits == 32 && blockEnd > 0xffffffffu))
                break;
            ++hostBits;
        }
        Address a = m_first.isV4() ? Address::v4(static_cast<std::uint32_t>(cur)) : Address::v6(cur);
        out.emplace_back(a, bits - hostBits);
        u128 blockEnd = hostBits >= 128 ? ~u128(0) : cur | ((u128(1) << hostBits) - 1);
        if (blockEnd >= last)
            break;
        cur = blockEnd + 1;
    }
    return out;
}

std::string Range::toString() const
{
    if (m_first == m_last)
        return m_first.toString();
    return m_first.toString() + "-" + m_last.toString();
}

} // namespace k3snet::net
