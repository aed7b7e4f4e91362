// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/membership/heartbeatpacket.h"

#include "agent/membership/hmackey.h"

#include <algorithm>
#include <cstring>

namespace k3snet::agent::heartbeat {

namespace {

// Header offsets (README.md, "Wire format").
constexpr std::size_t offVersion = 4;
constexpr std::size_t offType = 5;
constexpr std::size_t offFlags = 6;
constexpr std::size_t offNameLength = 7;
constexpr std::size_t offIncarnation = 8;
constexpr std::size_t offSequence = 16;
constexpr std::size_t offInterval = 24;

std::uint64_t readBE(const std::uint8_t *p, int bytes)
{
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | p[i];
    return v;
}

void writeBE(std::uint8_t *p, std::uint64_t v, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i) {
        p[i] = std::uint8_t(v & 0xff);
        v >>= 8;
    }
}

std::string_view nameAt(const std::uint8_t *p, std::size_t length)
{
    return {reinterpret_cast<const char *>(p), length};
}

} // namespace

bool isValidName(std::string_view name)
{
    if (name.empty() || name.size() > maxNameLength)
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

bool AliveNames::equals(const std::vector<std::string> &names) const
{
    if (names.size() != m_count)
        return false;
    auto it = names.begin();
    for (std::string_view n : *this) {
        if (n != *it++)
            return false;
    }
    return true;
}

std::vector<std::string> AliveNames::toVector() const
{
    std::vector<std::string> out;
    out.reserve(m_count);
    for (std::string_view n : *this)
        out.emplace_back(n);
    return out;
}

const char *parseErrorText(ParseError error)
{
    switch (error) {
    case ParseError::None:
        return "valid";
    case ParseError::Oversized:
        return "larger than a heartbeat can be";
    case ParseError::Truncated:
        return "truncated";
    case ParseError::BadMagic:
        return "not a k3snet heartbeat (wrong magic)";
    case ParseError::BadVersion:
        return "unsupported heartbeat version";
    case ParseError::Malformed:
        return "malformed";
    }
    return "malformed";
}

ParseError parse(std::span<const std::uint8_t> packet, Parsed &out)
{
    const std::size_t size = packet.size();
    if (size > maxPacketSize)
        return ParseError::Oversized;
    const std::uint8_t *p = packet.data();
    if (size > 0 && std::memcmp(p, magic, std::min(size, sizeof magic)) != 0)
        return ParseError::BadMagic;
    if (size > offVersion && p[offVersion] != version)
        return ParseError::BadVersion;
    if (size < minPacketSize)
        return ParseError::Truncated;

    Message m;
    const std::uint8_t type = p[offType];
    if (type != std::uint8_t(MessageType::Heartbeat) && type != std::uint8_t(MessageType::Goodbye))
        return ParseError::Malformed;
    m.type = MessageType(type);
    const std::uint8_t flags = p[offFlags];
    if ((flags & ~flagAliveTruncated) != 0)
        return ParseError::Malformed;
    m.aliveTruncated = (flags & flagAliveTruncated) != 0;
    m.incarnation = readBE(p + offIncarnation, 8);
    m.sequence = readBE(p + offSequence, 8);
    m.intervalMs = std::uint32_t(readBE(p + offInterval, 4));
    if (m.incarnation == 0 || m.sequence == 0 || m.intervalMs == 0 || m.intervalMs > maxIntervalMs)
        return ParseError::Malformed;

    // Everything between the header and the tag; each length is checked against what is left.
    const std::size_t end = size - tagSize;
    std::size_t pos = headerSize;
    const std::size_t nameLength = p[offNameLength];
    if (nameLength > end - pos)
        return ParseError::Truncated;
    m.sender = nameAt(p + pos, nameLength);
    if (!isValidName(m.sender))
        return ParseError::Malformed;
    pos += nameLength;
    if (pos >= end)
        return ParseError::Truncated;
    const std::size_t count = p[pos++];
    const std::size_t entriesStart = pos;
    std::string_view previous;
    for (std::size_t i = 0; i < count; ++i) {
        if (pos >= end)
            return ParseError::Truncated;
        const std::size_t length = p[pos++];
        if (length > end - pos)
            return ParseError::Truncated;
        const std::string_view name = nameAt(p + pos, length);
        // Strictly ascending: no duplicates, and only one encoding of each alive set.
        if (!isValidName(name) || (i > 0 && !(previous < name)))
            return ParseError::Malformed;
        previous = name;
        pos += length;
    }
    if (pos != end)
        return ParseError::Malformed; // trailing bytes before the tag
    if (m.type == MessageType::Goodbye && (count != 0 || m.aliveTruncated))
        return ParseError::Malformed;
    m.alive = AliveNames(p + entriesStart, pos - entriesStart, count);

    out.message = m;
    out.signedBytes = packet.first(end);
    out.tag = packet.subspan(end);
    return ParseError::None;
}

std::size_t encode(
    const Message &m, std::span<const std::string> alive, HmacKey &key, std::span<std::uint8_t> out)
{
    const std::size_t capacity = std::min(out.size(), maxPacketSize);
    if (!isValidName(m.sender) || m.incarnation == 0 || m.sequence == 0 || m.intervalMs == 0
        || m.intervalMs > maxIntervalMs
        || (m.type == MessageType::Goodbye && (!alive.empty() || m.aliveTruncated)))
        return 0;
    const std::size_t fixed = headerSize + m.sender.size() + 1 + tagSize;
    if (capacity < fixed)
        return 0;
    std::uint8_t *p = out.data();
    std::memcpy(p, magic, sizeof magic);
    p[offVersion] = version;
    p[offType] = std::uint8_t(m.type);
    p[offNameLength] = std::uint8_t(m.sender.size());
    writeBE(p + offIncarnation, m.incarnation, 8);
    writeBE(p + offSequence, m.sequence, 8);
    writeBE(p + offInterval, m.intervalMs, 4);
    std::size_t pos = headerSize;
    std::memcpy(p + pos, m.sender.data(), m.sender.size());
    pos += m.sender.size();
    const std::size_t countAt = pos++;

    std::size_t count = 0;
    bool truncated = m.aliveTruncated;
    for (std::size_t i = 0; i < alive.size(); ++i) {
        const std::string &name = alive[i];
        if (!isValidName(name) || (i > 0 && !(alive[i - 1] < name)))
            return 0;
        if (count == maxAliveNames || pos + 1 + name.size() + tagSize > capacity) {
            truncated = true;
            break;
        }
        p[pos++] = std::uint8_t(name.size());
        std::memcpy(p + pos, name.data(), name.size());
        pos += name.size();
        ++count;
    }
    p[countAt] = std::uint8_t(count);
    p[offFlags] = truncated ? flagAliveTruncated : 0;
    if (!key.sign({p, pos}, std::span<std::uint8_t, tagSize>(p + pos, tagSize)))
        return 0;
    return pos + tagSize;
}

} // namespace k3snet::agent::heartbeat
