// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/io/yamlreader.h"
#include "domain/model/labelselector.h"

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

// Reading and writing of the pieces that Kubernetes objects share (label selectors, label maps,
// string lists), in the field names and shapes Kubernetes uses. Shared by the project file and
// the MetalLB / kubectl importers and exporters, so all of them read these the same way.
namespace k3snet::io {

// A LabelSelector {matchLabels, matchExpressions[{key, operator, values}]} at node. Operators
// are kept as written (LabelSelector::isValid judges them). nullopt after a reported error.
std::optional<model::LabelSelector> readLabelSelector(
    YamlReader &reader, const YAML::Node &node, const std::string &path);
// The list of label selectors under key of map; entries with errors are left out (and reported).
std::vector<model::LabelSelector> readLabelSelectors(
    YamlReader &reader, const YamlMap &map, std::string_view key);

// Writers for block-style documents. The *If variants write nothing for an empty value, so
// that saved files only hold what was set.
void writeString(YAML::Emitter &out, std::string_view key, const std::string &value);
void writeStringIf(YAML::Emitter &out, std::string_view key, const std::string &value);
void writeLabelsIf(YAML::Emitter &out, std::string_view key, const model::Labels &labels);
void writeStringListIf(
    YAML::Emitter &out, std::string_view key, const std::vector<std::string> &list);
void writeLabelSelector(YAML::Emitter &out, const model::LabelSelector &selector);
void writeLabelSelectorsIf(
    YAML::Emitter &out, std::string_view key, const std::vector<model::LabelSelector> &selectors);

} // namespace k3snet::io
