// SPDX-License-Identifier: GPL-3.0-or-later
// announcetool arp-flood and arp-ping: ARP clients on a packet socket, for the responder part
// of bench_failover.sh and the return scenario of test_announce.sh.

#include "announcetool.h"

#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace announcetool {

namespace {

// An ARP client on one interface: a packet socket, and the broadcast request for a target
// with this interface's MAC and IPv4 address as sender.
struct ArpClient
{
    int fd = -1;
    std::uint8_t mac[6] = {};
    in_addr target{};
    std::array<std::uint8_t, 42> request{};

    ~ArpClient()
    {
        if (fd >= 0)
            ::close(fd);
    }
    bool open(const std::string &ifname, in_addr to)
    {
        target = to;
        if (ifname.empty() || ifname.size() >= IFNAMSIZ)
            return false;
        fd = ::socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(ETH_P_ARP));
        const int info = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        ifreq req{};
        std::memcpy(req.ifr_name, ifname.data(), ifname.size());
        if (fd < 0 || info < 0 || ::ioctl(info, SIOCGIFHWADDR, &req) != 0) {
            std::cerr << "announcetool: " << ifname << ": " << std::strerror(errno) << "\n";
            return false;
        }
        std::memcpy(mac, req.ifr_hwaddr.sa_data, 6);
        if (::ioctl(info, SIOCGIFADDR, &req) != 0) {
            std::cerr << "announcetool: " << ifname << " has no IPv4 address\n";
            ::close(info);
            return false;
        }
        ::close(info);
        const in_addr self = reinterpret_cast<sockaddr_in *>(&req.ifr_addr)->sin_addr;
        sockaddr_ll addr{};
        addr.sll_family = AF_PACKET;
        addr.sll_protocol = htons(ETH_P_ARP);
        addr.sll_ifindex = int(::if_nametoindex(ifname.c_str()));
        if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
            std::cerr << "announcetool: bind " << ifname << ": " << std::strerror(errno) << "\n";
            return false;
        }
        std::memset(request.data(), 0xff, 6);
        std::memcpy(request.data() + 6, mac, 6);
        request[12] = 0x08;
        request[13] = 0x06;
        const std::uint8_t header[8] = {0, 1, 8, 0, 6, 4, 0, 1};
        std::memcpy(request.data() + 14, header, 8);
        std::memcpy(request.data() + 22, mac, 6);
        std::memcpy(request.data() + 28, &self, 4);
        std::memcpy(request.data() + 38, &target, 4);
        return true;
    }
    bool send()
    {
        return ::send(fd, request.data(), request.size(), MSG_DONTWAIT) == ssize_t(request.size());
    }
    // Reads one queued frame: 1 for a reply from the target to us, 0 for another, -1 for none.
    int receive()
    {
        std::array<std::uint8_t, 128> buffer{};
        const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
        if (n < 0)
            return -1;
        return n >= 42 && buffer[20] == 0 && buffer[21] == 2
                && std::memcmp(buffer.data() + 28, &target, 4) == 0
                && std::memcmp(buffer.data(), mac, 6) == 0
            ? 1
            : 0;
    }
};

} // namespace

int arpFlood(int argc, char **argv)
{
    in_addr target{};
    long seconds = 0, rate = 0;
    if (argc < 5 || argc > 6 || !parseIPv4(argv[3], target)
        || !parseNumber(argv[4], 1, 3600, seconds)
        || (argc == 6 && !parseNumber(argv[5], 1, 10000000, rate)))
        return usage();
    ArpClient client;
    if (!client.open(argv[2], target))
        return 1;

    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    const Clock::time_point end = start + std::chrono::seconds(seconds);
    long long sent = 0, replies = 0;
    for (;;) {
        const Clock::time_point now = Clock::now();
        if (now >= end)
            break;
        const double elapsed = std::chrono::duration<double>(now - start).count();
        const bool due = rate == 0 || double(sent) < elapsed * double(rate);
        if (due && client.send())
            ++sent;
        for (int i = 0; i < 64; ++i) {
            const int r = client.receive();
            if (r < 0)
                break;
            replies += r;
        }
        if (!due) {
            pollfd p{client.fd, POLLIN, 0};
            ::poll(&p, 1, 1);
        }
    }
    // Late replies to the last requests.
    const Clock::time_point drainUntil = Clock::now() + std::chrono::milliseconds(200);
    while (Clock::now() < drainUntil) {
        pollfd p{client.fd, POLLIN, 0};
        if (::poll(&p, 1, 20) <= 0)
            continue;
        for (int r = client.receive(); r >= 0; r = client.receive())
            replies += r;
    }
    const double duration = double(seconds);
    std::printf("sent %lld replies %lld seconds %.1f requests/s %.0f replies/s %.0f\n", sent,
        replies, duration, double(sent) / duration, double(replies) / duration);
    return 0;
}

// One request at a time; the time from its send to the reply (user space to user space).
int arpPing(int argc, char **argv)
{
    in_addr target{};
    long count = 0, intervalMs = 10;
    if (argc < 5 || argc > 6 || !parseIPv4(argv[3], target)
        || !parseNumber(argv[4], 1, 1000000, count)
        || (argc == 6 && !parseNumber(argv[5], 0, 10000, intervalMs)))
        return usage();
    ArpClient client;
    if (!client.open(argv[2], target))
        return 1;
    using Clock = std::chrono::steady_clock;
    std::vector<double> rtts;
    long lost = 0;
    for (long i = 0; i < count; ++i) {
        while (client.receive() >= 0) { } // nothing stale
        const Clock::time_point sent = Clock::now();
        if (!client.send()) {
            ++lost;
            continue;
        }
        const Clock::time_point deadline = sent + std::chrono::milliseconds(200);
        bool answered = false;
        while (!answered && Clock::now() < deadline) {
            pollfd p{client.fd, POLLIN, 0};
            ::poll(&p, 1, 5);
            for (int r = client.receive(); r >= 0 && !answered; r = client.receive()) {
                if (r == 1) {
                    rtts.push_back(
                        std::chrono::duration<double, std::micro>(Clock::now() - sent).count());
                    answered = true;
                }
            }
        }
        if (!answered)
            ++lost;
        std::this_thread::sleep_for(std::chrono::milliseconds(intervalMs));
    }
    std::sort(rtts.begin(), rtts.end());
    auto rank = [&rtts](double q) {
        if (rtts.empty())
            return 0.0;
        const std::size_t i = std::size_t(std::ceil(q * double(rtts.size()))) - 1;
        return rtts[std::min(i, rtts.size() - 1)];
    };
    std::printf("count %ld lost %ld p50_us %.0f p99_us %.0f max_us %.0f\n", count, lost, rank(0.50),
        rank(0.99), rtts.empty() ? 0.0 : rtts.back());
    return 0;
}

} // namespace announcetool
