// SPDX-License-Identifier: GPL-3.0-or-later
// announcetool: what test_announce.sh and bench_failover.sh need beyond ip, arping and tcpdump.
//
//   announcetool forge SRC DST PORT SENDER heartbeat|goodbye COUNT NAME...
//       COUNT well-formed heartbeats (or goodbyes) from SENDER reporting NAME... alive, signed
//       with a random key (not the cluster's), sent with source address SRC to DST:PORT.
//   announcetool replay PCAP SRC DST PORT
//       every UDP payload that SRC sent to PORT in PCAP (tcpdump -w), sent again with source
//       address SRC to DST:PORT: byte for byte what the real node sent earlier.
//   announcetool garbage SRC DST PORT COUNT PCAP
//       COUNT junk datagrams from SRC to DST:PORT: random bytes of random length, oversized
//       ones, and truncated and bit-flipped copies of SRC's payloads in PCAP.
//   announcetool kill-down PGID IFNAME
//       prints the time (CLOCK_REALTIME, microseconds since the epoch), then at once kills
//       process group PGID (SIGKILL) and sets IFNAME (in this network namespace) down.
//   announcetool arp-flood IFNAME TARGET SECONDS [RATE]
//       broadcasts ARP requests for TARGET on IFNAME (sender: IFNAME's MAC and IPv4 address) as
//       fast as the socket takes them, or RATE per second, for SECONDS, and counts the replies;
//       prints "sent N replies N seconds S requests/s R replies/s R".
//   announcetool arp-ping IFNAME TARGET COUNT [INTERVAL_MS]
//       COUNT requests one after the other (INTERVAL_MS apart, default 10), each timed from its
//       send to the reply; prints "count N lost N p50_us X p99_us X max_us X".
//
// Spoofed sources need a raw IPv4 socket (root, in the namespace the test chose). Exit 0 on
// success, 1 on failure, 2 on wrong usage.

#include "announcetool.h"

#include "agent/membership/heartbeatpacket.h"
#include "agent/membership/hmackey.h"

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace announcetool {

int usage()
{
    std::cerr << "usage: announcetool forge SRC DST PORT SENDER heartbeat|goodbye COUNT NAME...\n"
                 "       announcetool replay PCAP SRC DST PORT\n"
                 "       announcetool garbage SRC DST PORT COUNT PCAP\n"
                 "       announcetool kill-down PGID IFNAME\n"
                 "       announcetool arp-flood IFNAME TARGET SECONDS [RATE]\n"
                 "       announcetool arp-ping IFNAME TARGET COUNT [INTERVAL_MS]\n";
    return 2;
}

bool parseIPv4(const char *text, in_addr &out)
{
    return ::inet_pton(AF_INET, text, &out) == 1;
}

bool parseNumber(const char *text, long min, long max, long &out)
{
    char *end = nullptr;
    errno = 0;
    out = std::strtol(text, &end, 10);
    return errno == 0 && end && *end == 0 && end != text && out >= min && out <= max;
}

} // namespace announcetool

namespace {

using namespace announcetool;
using Bytes = std::vector<std::uint8_t>;
namespace hb = k3snet::agent::heartbeat;

// IPv4 + UDP with any source address: the kernel fills in the IP checksum and id; the UDP
// checksum is 0 ("none"), which IPv4 allows.
class SpoofSender
{
public:
    bool open()
    {
        m_fd = ::socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
        if (m_fd < 0)
            std::cerr << "announcetool: raw socket: " << std::strerror(errno) << "\n";
        return m_fd >= 0;
    }
    ~SpoofSender()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool send(in_addr src, in_addr dst, std::uint16_t port, const std::uint8_t *data, std::size_t n)
    {
        Bytes packet(28 + n);
        std::uint8_t *ip = packet.data();
        ip[0] = 0x45;
        const std::uint16_t total = htons(std::uint16_t(packet.size()));
        std::memcpy(ip + 2, &total, 2);
        ip[6] = 0x40; // don't fragment
        ip[8] = 64;
        ip[9] = IPPROTO_UDP;
        std::memcpy(ip + 12, &src, 4);
        std::memcpy(ip + 16, &dst, 4);
        std::uint8_t *udp = ip + 20;
        const std::uint16_t p = htons(port), length = htons(std::uint16_t(8 + n));
        std::memcpy(udp, &p, 2);
        std::memcpy(udp + 2, &p, 2);
        std::memcpy(udp + 4, &length, 2);
        if (n)
            std::memcpy(udp + 8, data, n);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_addr = dst;
        if (::sendto(
                m_fd, packet.data(), packet.size(), 0, reinterpret_cast<sockaddr *>(&to), sizeof to)
            != ssize_t(packet.size())) {
            std::cerr << "announcetool: sendto: " << std::strerror(errno) << "\n";
            return false;
        }
        ++sent;
        // Paced, so that the receiver's socket buffer never overflows.
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        return true;
    }
    long sent = 0;

private:
    int m_fd = -1;
};

// The UDP payloads of IPv4 packets from src to port in a pcap file (Ethernet link type).
bool readPcapPayloads(
    const std::string &path, in_addr src, std::uint16_t port, std::vector<Bytes> &out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "announcetool: cannot read " << path << "\n";
        return false;
    }
    const Bytes file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (file.size() < 24) {
        std::cerr << "announcetool: " << path << ": not a pcap file (too short)\n";
        return false;
    }
    std::uint32_t magic = 0;
    std::memcpy(&magic, file.data(), 4);
    const bool swapped = magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1;
    if (!swapped && magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
        std::cerr << "announcetool: " << path << ": not a pcap file (magic)\n";
        return false;
    }
    auto u32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        std::memcpy(&v, file.data() + at, 4);
        return swapped ? __builtin_bswap32(v) : v;
    };
    if (u32(20) != 1) {
        std::cerr << "announcetool: " << path << ": link type " << u32(20) << ", not Ethernet\n";
        return false;
    }
    std::size_t at = 24;
    while (at + 16 <= file.size()) {
        const std::size_t length = u32(at + 8);
        at += 16;
        if (length > file.size() - at)
            break;
        const std::uint8_t *f = file.data() + at;
        at += length;
        if (length < 14 + 20 + 8 || f[12] != 0x08 || f[13] != 0x00)
            continue;
        const std::uint8_t *ip = f + 14;
        const std::size_t ihl = std::size_t(ip[0] & 0x0f) * 4;
        if ((ip[0] >> 4) != 4 || ihl < 20 || ip[9] != IPPROTO_UDP || length < 14 + ihl + 8)
            continue;
        if (std::memcmp(ip + 12, &src, 4) != 0)
            continue;
        const std::uint8_t *udp = ip + ihl;
        const std::uint16_t dport = std::uint16_t((udp[2] << 8) | udp[3]);
        const std::size_t udpLength = std::size_t((udp[4] << 8) | udp[5]);
        if (dport != port || udpLength < 8 || udpLength > length - 14 - ihl)
            continue;
        out.emplace_back(udp + 8, udp + udpLength);
    }
    return true;
}

int forge(int argc, char **argv)
{
    in_addr src{}, dst{};
    long port = 0, count = 0;
    if (argc < 8 || !parseIPv4(argv[2], src) || !parseIPv4(argv[3], dst)
        || !parseNumber(argv[4], 1, 65535, port) || !parseNumber(argv[7], 1, 100000, count))
        return usage();
    const std::string kind = argv[6];
    if (kind != "heartbeat" && kind != "goodbye")
        return usage();
    std::vector<std::string> alive(argv + 8, argv + argc);
    std::sort(alive.begin(), alive.end());
    std::random_device random;
    std::string wrongKey(32, '\0');
    for (char &c : wrongKey)
        c = char(random());
    k3snet::agent::HmacKey key(wrongKey);
    SpoofSender sender;
    if (!sender.open())
        return 1;
    hb::Message m;
    m.type = kind == "goodbye" ? hb::MessageType::Goodbye : hb::MessageType::Heartbeat;
    // An incarnation far ahead of any real one: were the tag not checked, it would win.
    m.incarnation = (std::uint64_t(1) << 62) + (random() & 0xffff);
    m.intervalMs = 10;
    m.sender = argv[5];
    std::array<std::uint8_t, hb::maxPacketSize> buffer{};
    const std::vector<std::string> none;
    for (long i = 0; i < count; ++i) {
        m.sequence = std::uint64_t(i + 1);
        const std::size_t n
            = hb::encode(m, m.type == hb::MessageType::Goodbye ? none : alive, key, buffer);
        if (n == 0) {
            std::cerr << "announcetool: cannot encode a message from " << m.sender << "\n";
            return 1;
        }
        if (!sender.send(src, dst, std::uint16_t(port), buffer.data(), n))
            return 1;
    }
    std::cout << "forged " << sender.sent << " " << kind << "s from " << m.sender << "\n";
    return 0;
}

int replay(int argc, char **argv)
{
    in_addr src{}, dst{};
    long port = 0;
    if (argc != 6 || !parseIPv4(argv[3], src) || !parseIPv4(argv[4], dst)
        || !parseNumber(argv[5], 1, 65535, port))
        return usage();
    std::vector<Bytes> payloads;
    if (!readPcapPayloads(argv[2], src, std::uint16_t(port), payloads))
        return 1;
    if (payloads.empty()) {
        std::cerr << "announcetool: " << argv[2] << " holds no datagram from " << argv[3]
                  << " to port " << port << "\n";
        return 1;
    }
    SpoofSender sender;
    if (!sender.open())
        return 1;
    for (const Bytes &p : payloads) {
        if (!sender.send(src, dst, std::uint16_t(port), p.data(), p.size()))
            return 1;
    }
    std::cout << "replayed " << sender.sent << " datagrams\n";
    return 0;
}

int garbage(int argc, char **argv)
{
    in_addr src{}, dst{};
    long port = 0, count = 0;
    if (argc != 7 || !parseIPv4(argv[2], src) || !parseIPv4(argv[3], dst)
        || !parseNumber(argv[4], 1, 65535, port) || !parseNumber(argv[5], 1, 100000, count))
        return usage();
    std::vector<Bytes> real;
    if (!readPcapPayloads(argv[6], src, std::uint16_t(port), real))
        return 1;
    SpoofSender sender;
    if (!sender.open())
        return 1;
    std::mt19937 random(12345);
    // The largest datagram one unfragmented IPv4 packet carries on a 1500-byte LAN.
    constexpr std::size_t largest = 1500 - 28;
    for (long i = 0; i < count; ++i) {
        Bytes p;
        const int kind = int(i % 4);
        if (kind == 0 || real.empty()) { // random bytes, random length
            p.resize(random() % 200);
            for (auto &b : p)
                b = std::uint8_t(random());
        } else if (kind == 1) { // oversized: larger than any heartbeat may be
            p.resize(hb::maxPacketSize + 1 + random() % (largest - hb::maxPacketSize));
            for (auto &b : p)
                b = std::uint8_t(random());
            if (!real.empty())
                std::copy_n(real[0].begin(), std::min(real[0].size(), p.size()), p.begin());
        } else if (kind == 2) { // a real packet cut short
            const Bytes &r = real[random() % real.size()];
            p.assign(r.begin(), r.begin() + long(random() % r.size()));
        } else { // a real packet with one bit flipped
            p = real[random() % real.size()];
            p[random() % p.size()] ^= std::uint8_t(1u << (random() % 8));
        }
        if (!sender.send(src, dst, std::uint16_t(port), p.data(), p.size()))
            return 1;
    }
    std::cout << "sent " << sender.sent << " garbage datagrams\n";
    return 0;
}

int killDown(int argc, char **argv)
{
    long pgid = 0;
    if (argc != 4 || !parseNumber(argv[2], 2, 1L << 22, pgid))
        return usage();
    const std::string ifname = argv[3];
    if (ifname.empty() || ifname.size() >= IFNAMSIZ)
        return usage();
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    ifreq req{};
    std::memcpy(req.ifr_name, ifname.data(), ifname.size());
    if (fd < 0 || ::ioctl(fd, SIOCGIFFLAGS, &req) != 0) {
        std::cerr << "announcetool: " << ifname << ": " << std::strerror(errno) << "\n";
        return 1;
    }
    req.ifr_flags = short(req.ifr_flags & ~IFF_UP);
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const int killed = ::kill(-pid_t(pgid), SIGKILL);
    const int killErrno = errno;
    const int down = ::ioctl(fd, SIOCSIFFLAGS, &req);
    const int downErrno = errno;
    std::cout << (long long)now.tv_sec * 1000000LL + now.tv_nsec / 1000 << "\n";
    if (killed != 0)
        std::cerr << "announcetool: kill -" << pgid << ": " << std::strerror(killErrno) << "\n";
    if (down != 0)
        std::cerr << "announcetool: " << ifname << " down: " << std::strerror(downErrno) << "\n";
    ::close(fd);
    return killed == 0 && down == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    using namespace announcetool;
    if (argc < 2)
        return usage();
    const std::string command = argv[1];
    if (command == "forge")
        return forge(argc, argv);
    if (command == "replay")
        return replay(argc, argv);
    if (command == "garbage")
        return garbage(argc, argv);
    if (command == "kill-down")
        return killDown(argc, argv);
    if (command == "arp-flood")
        return arpFlood(argc, argv);
    if (command == "arp-ping")
        return arpPing(argc, argv);
    return usage();
}
