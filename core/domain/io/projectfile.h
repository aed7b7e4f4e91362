// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"
#include "domain/rules/diagnostic.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

// The k3snet project file (*.k3snet.yaml, apiVersion k3snet.io/v1alpha1, kind Project): load
// with diagnostics that carry file:line:column, and save in one canonical form, so that saving
// an unchanged project rewrites the same bytes and diffs in the user's repository stay small.
namespace k3snet::io {

// Larger project files are refused before they are parsed.
inline constexpr std::size_t maxProjectFileBytes = 16 * 1024 * 1024;

struct LoadResult
{
    // Set only when there are no errors; warnings may come with a loaded project.
    std::optional<model::Project> project;
    // In file order. Codes: io-error, too-large, too-deep, yaml-syntax, multiple-documents,
    // empty-document, unsupported-api-version, wrong-kind, unknown-key, duplicate-key,
    // missing-field, wrong-type, invalid-value, too-many-errors; warning host-bits-set.
    rules::Diagnostics diagnostics;
};

// Whether text is a k3snet project file (apiVersion k3snet.io/..., or kind: Project at the top
// level of its first document) rather than Kubernetes or MetalLB YAML, judged from the text
// alone so that a project with syntax errors still gets the project file's diagnostics.
bool isProjectText(std::string_view text);

// Never throws: whatever the text holds ends up as diagnostics. fileName is used in locations.
LoadResult loadProjectText(std::string_view text, const std::string &fileName);
LoadResult loadProjectFile(const std::string &path);

// The bytes of the file at path (any YAML k3snet reads), refusing files larger than maxBytes.
// On failure an "io-error" or "too-large" diagnostic naming the path; what names the kind of
// file in the too-large message ("a project file").
std::variant<std::string, rules::Diagnostic> readInputFile(const std::string &path,
    std::size_t maxBytes = maxProjectFileBytes, const std::string &what = "a project file");

// The canonical text of a project: block style, fixed key order, fields that equal their
// default or are unset left out (the network settings are always written, since they are what
// the file is about). load(save(p)) == p.
std::string saveProjectText(const model::Project &project);
// Writes atomically (see atomicfile.h); returns an error message naming the path on failure.
std::optional<std::string> saveProjectFile(const model::Project &project, const std::string &path);

} // namespace k3snet::io
