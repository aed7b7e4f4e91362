// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace k3snet::io {

// Bounds that keep hostile input (alias bombs, deep nesting, huge files) from costing more than
// a few hundred megabytes or a few seconds; real project files stay far below them.
struct YamlLimits
{
    std::size_t maxBytes = 16 * 1024 * 1024;
    std::size_t maxNodes = 500'000; // nodes in the parsed text; an alias counts once
    std::size_t maxVisits = 2'000'000; // values looked at while reading; aliases repeat them
    int maxDepth = 64; // nesting of mappings and sequences
    std::size_t maxErrors = 100; // later errors are summed up in one "too-many-errors"
};

// Why a text could not be parsed: a diagnostic code ("too-large", "too-deep", "yaml-syntax",
// "multiple-documents"), a message, and where (a null mark: the text as a whole).
struct YamlParseError
{
    std::string code;
    std::string message;
    YAML::Mark mark = YAML::Mark::null_mark();
};

// Parses exactly one YAML document from text, within limits, without throwing. Counts nodes and
// nesting in a first pass that builds nothing, so that a tree too large or too deep is never
// built. An empty text (or one with only comments) gives a null node.
std::variant<YAML::Node, YamlParseError> parseYamlDocument(
    std::string_view text, const YamlLimits &limits);

// Parses a stream of YAML documents ("---" separated, as kubectl and Helm write them), within
// the same limits counted over the whole text, without throwing. Documents that are empty (or
// only comments) are left out. Marks count lines from the start of the text, so that every
// document's diagnostics point into the file.
std::variant<std::vector<YAML::Node>, YamlParseError> parseYamlDocuments(
    std::string_view text, const YamlLimits &limits);

} // namespace k3snet::io
