// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <netinet/in.h>

// announcetool's shared helpers and its ARP client commands (announcetool_arp.cpp); the
// commands are described in announcetool.cpp.
namespace announcetool {

int usage();
bool parseIPv4(const char *text, in_addr &out);
bool parseNumber(const char *text, long min, long max, long &out);

int arpFlood(int argc, char **argv);
int arpPing(int argc, char **argv);

} // namespace announcetool
