// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the project file reader (see README.md): any bytes must give a project
// or diagnostics, never a crash, a hang or an exception; and a project that loads must survive
// a save and a second load unchanged, saving to the same bytes both times.
#include "domain/io/projectfile.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

[[noreturn]] void fail(const char *what, const std::string &text)
{
    std::fprintf(stderr, "fuzz_projectfile: %s\n--- saved text ---\n%s\n", what, text.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace k3snet;
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const io::LoadResult first = io::loadProjectText(text, "fuzz.yaml");
    if (first.project.has_value() == rules::hasErrors(first.diagnostics))
        fail("a project must load exactly when there are no errors", std::string(text));
    if (!first.project)
        return 0;

    const std::string saved = io::saveProjectText(*first.project);
    const io::LoadResult second = io::loadProjectText(saved, "saved.yaml");
    if (!second.project)
        fail("the saved text of a loaded project does not load", saved);
    if (!(*second.project == *first.project))
        fail("load(save(p)) differs from p", saved);
    if (io::saveProjectText(*second.project) != saved)
        fail("saving a reloaded project gives different bytes", saved);
    return 0;
}
