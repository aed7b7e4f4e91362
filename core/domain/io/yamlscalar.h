// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

// How a YAML scalar must be written so that kubectl reads it back as the same string. kubectl
// reads YAML 1.1 (go-yaml v2: `yes`, `on`, `0755` and `1:20` are not strings there), so a
// string is quoted whenever a YAML 1.1 or YAML 1.2 reader could take it for a null, boolean,
// number or timestamp. The style choices follow libyaml's emitter, which go-yaml v2 and so
// kubectl and MetalLB's tools use. Used by yamlwriter.h.
namespace k3snet::io {

// Whether a plain scalar with this text would be read as something other than a string by
// go-yaml v2 (YAML 1.1: null, y/yes/on/off..., ints in any base, floats, base-60 numbers,
// timestamps, "<<") or by a YAML 1.2 core-schema reader.
bool resolvesAsNonString(std::string_view text);
// Whether text can be written as a plain scalar in block context (libyaml's rules: no
// leading/trailing space, no indicator at the start, no ": " or " #", printable, one line).
bool isPlainSafe(std::string_view text);
// Whether text can go between single quotes: one line of printable characters.
bool isSingleQuotable(std::string_view text);
// Whether a multi-line string can be a literal block ("|"): printable, no trailing spaces,
// and a first line that does not start with a space (which would need an indentation
// indicator).
bool isLiteralBlockable(std::string_view text);
// Appends text as a double-quoted scalar, with YAML's escapes. Bytes that are not UTF-8
// cannot be kept as bytes in YAML; they become \xNN (the code point, not the byte).
void appendDoubleQuoted(std::string &out, std::string_view text);
// go-yaml v2's order of string mapping keys (sigs.k8s.io/yaml sorts with it): runs of digits
// compare as numbers, and a letter sorts after anything that is not one.
bool goKeyLess(std::string_view a, std::string_view b);

} // namespace k3snet::io
