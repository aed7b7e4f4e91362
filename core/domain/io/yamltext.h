// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

// Text for messages about YAML input: values shown safely whatever bytes they hold, nodes
// described in words, and the known key a mistyped one was probably meant to be.
namespace k3snet::io {

// text with control characters, quotes, backslashes and bytes that are not UTF-8 escaped,
// cut after maxChars characters.
std::string printableText(std::string_view text, std::size_t maxChars);
// "value" in quotes, printable and cut to a readable length.
std::string quoteForMessage(std::string_view value);
// "a mapping", "a list", "null", "the string \"x\"" (quoted in the file), "the value \"x\"".
std::string describeYamlNode(const YAML::Node &node);
// The known key closest to key (ignoring case, counting a swap of two neighbours as one edit)
// when it is close enough to be a typo, else empty: "clusterCidr" -> "clusterCIDR".
std::string suggestKnownKey(std::string_view key, std::initializer_list<std::string_view> known);

} // namespace k3snet::io
