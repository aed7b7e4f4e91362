// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace k3snet::agent {

class HmacKey;

// The heartbeat datagram (wire format in README.md next to this file): a fixed header, the
// sender's name, the names it considers alive, and an HMAC-SHA256 tag over all of it. Parsing
// is strict and allocation-free: every length is checked against the bytes that remain, and a
// packet has exactly one valid encoding, so encode(parse(p)) gives p back.
namespace heartbeat {

inline constexpr std::uint8_t magic[4] = {'k', '3', 'h', 'b'};
inline constexpr std::uint8_t version = 1;
inline constexpr std::size_t headerSize = 28;
inline constexpr std::size_t tagSize = 32;
// The largest UDP payload that crosses a 1500-byte Ethernet LAN unfragmented over IPv6 (and so
// over IPv4); anything bigger is dropped before it is looked at.
inline constexpr std::size_t maxPacketSize = 1452;
inline constexpr std::size_t minPacketSize
    = headerSize + 2 + tagSize; // 1-byte name, no alive names
inline constexpr std::size_t maxNameLength = 253; // a Kubernetes node name (DNS subdomain)
inline constexpr std::size_t maxAliveNames = 255;
inline constexpr std::uint32_t maxIntervalMs = 60000; // as AgentConfig's membership.intervalMs
inline constexpr std::uint8_t flagAliveTruncated = 0x01;

enum class MessageType : std::uint8_t
{
    Heartbeat = 1,
    Goodbye = 2
};

// Printable ASCII without spaces, 1..253 bytes: what a node name can be on the wire.
bool isValidName(std::string_view name);

// The alive list inside a parsed packet, iterated in place (strictly ascending names).
class AliveNames
{
public:
    class Iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = std::string_view;
        Iterator() = default;
        explicit Iterator(const std::uint8_t *p)
            : m_p(p)
        {
        }
        std::string_view operator*() const
        {
            return {reinterpret_cast<const char *>(m_p + 1), m_p[0]};
        }
        Iterator &operator++()
        {
            m_p += 1 + m_p[0];
            return *this;
        }
        Iterator operator++(int)
        {
            Iterator old = *this;
            ++*this;
            return old;
        }
        friend bool operator==(const Iterator &, const Iterator &) = default;

    private:
        const std::uint8_t *m_p = nullptr;
    };

    AliveNames() = default;
    AliveNames(const std::uint8_t *entries, std::size_t bytes, std::size_t count)
        : m_entries(entries)
        , m_bytes(bytes)
        , m_count(count)
    {
    }
    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }
    Iterator begin() const { return Iterator(m_entries); }
    Iterator end() const { return Iterator(m_entries + m_bytes); }
    bool equals(const std::vector<std::string> &names) const;
    std::vector<std::string> toVector() const;

private:
    const std::uint8_t *m_entries = nullptr;
    std::size_t m_bytes = 0;
    std::size_t m_count = 0;
};

struct Message
{
    MessageType type = MessageType::Heartbeat;
    bool aliveTruncated = false; // the sender had more alive names than fit
    std::uint64_t incarnation = 0; // nonzero; grows across restarts of the sender
    std::uint64_t sequence = 0; // nonzero; grows within an incarnation
    std::uint32_t intervalMs = 0; // the sender's heartbeat interval, 1..maxIntervalMs
    std::string_view sender;
    AliveNames alive; // filled by parse(); encode() takes the names separately
};

enum class ParseError
{
    None,
    Oversized,
    Truncated,
    BadMagic,
    BadVersion,
    Malformed
};
const char *parseErrorText(ParseError error);

struct Parsed
{
    Message message;
    std::span<const std::uint8_t> signedBytes; // everything before the tag
    std::span<const std::uint8_t> tag;
};

// Checks the structure only; the caller checks the tag with HmacKey::verify(signedBytes, tag).
// The views in out point into packet.
ParseError parse(std::span<const std::uint8_t> packet, Parsed &out);

// Encodes and signs message with the alive names (strictly ascending, each valid; a goodbye
// takes none) into out. Names that do not fit in maxPacketSize are left out and the message
// says so. Returns the length, or 0 when the message is invalid or signing failed.
std::size_t encode(const Message &message, std::span<const std::string> alive, HmacKey &key,
    std::span<std::uint8_t> out);

} // namespace heartbeat
} // namespace k3snet::agent
