// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace k3snet::io {

// The bundled demo project (resources/demo/picluster.k3snet.yaml), compiled into the binary.
std::string_view demoProjectText();
inline constexpr std::string_view demoProjectFileName = "demo:picluster.k3snet.yaml";

} // namespace k3snet::io
