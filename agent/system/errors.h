// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <system_error>

namespace k3snet::agent {

// An errno value as a std::error_code (the agent's one error convention).
inline std::error_code errnoCode(int err)
{
    return {err, std::system_category()};
}

// "Operation not supported (EOPNOTSUPP)": the OS reason a person reads, with the symbolic
// name a person searches for.
std::string errnoText(int err);
inline std::string errorText(const std::error_code &ec)
{
    return ec.category() == std::system_category() ? errnoText(ec.value()) : ec.message();
}

} // namespace k3snet::agent
