// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/system/errors.h"

#include <cstring>

namespace k3snet::agent {

std::string errnoText(int err)
{
    std::string text = std::system_category().message(err);
    if (const char *name = ::strerrorname_np(err))
        text += std::string(" (") + name + ")";
    return text;
}

} // namespace k3snet::agent
