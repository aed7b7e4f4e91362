// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/io/yamlscalar.h"

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Writing YAML trees the way kubectl writes them (block style, lists not indented under their
// key, a scalar quoted only when it would otherwise read as something else; see yamlscalar.h),
// for the objects k3snet exports and keeps.
namespace k3snet::io {

// Scalars in the trees: a node tagged "!" is a string whatever its text (that is how
// yaml-cpp marks quoted scalars, and how yamlString() marks generated ones); an untagged
// ("?") scalar is plain text written as it is (numbers, booleans, and plain strings read
// from a file); any other tag is written out.
YAML::Node yamlString(std::string_view text);
YAML::Node yamlInteger(std::int64_t value);
YAML::Node yamlBool(bool value);
bool isStringScalar(const YAML::Node &node);

enum class KeyOrder : std::uint8_t
{
    AsGiven, // document order
    Go // sorted as sigs.k8s.io/yaml sorts them (go-yaml v2's natural order), as MetalLB writes
};

// The block-style text of node (a mapping, list or scalar), ending in a newline. Aliases
// are written out in full; nullopt when that would take more than maxNodes values or when a
// mapping key is not a scalar (which kubectl could not read either).
std::optional<std::string> writeKubeYaml(
    const YAML::Node &node, KeyOrder order = KeyOrder::AsGiven, std::size_t maxNodes = 200'000);

// Emits node into a yaml-cpp emitter (for files k3snet writes with one), quoting the strings
// that yaml-cpp would otherwise write plain although they read back as something else
// ("true", "123"). False when over maxNodes or a key is not a scalar; out is then unusable.
bool emitYamlNode(YAML::Emitter &out, const YAML::Node &node, std::size_t maxNodes = 200'000);

} // namespace k3snet::io
