// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <system_error>

namespace k3snet::agent::sysctl {

// Kernel settings through /proc/sys ("net/ipv4/ip_forward"). Device names keep their dots
// ("net/ipv6/conf/flannel.1/accept_ra"): /proc/sys is not the sysctl(8) dotted syntax.
std::optional<std::string> read(const std::string &key, std::error_code &ec);
std::error_code write(const std::string &key, const std::string &value);

} // namespace k3snet::agent::sysctl
