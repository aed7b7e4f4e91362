// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the Kubernetes/MetalLB YAML importer (see README.md): any bytes must give
// objects or diagnostics, never a crash, a hang or an exception; and what imports without
// errors must export to MetalLB YAML that imports back to the same pools, advertisements and
// kept objects, and plan without crashing.
#include "domain/io/metallbexport.h"
#include "domain/io/metallbimport.h"
#include "domain/plan/plan.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

[[noreturn]] void fail(const char *what, const std::string &text)
{
    std::fprintf(stderr, "fuzz_kubeimport: %s\n--- text ---\n%s\n", what, text.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace k3snet;
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const io::ImportResult first = io::importKubernetesYaml(text, "fuzz.yaml");
    (void)plan::makePlan(first.project);
    if (first.hasErrors())
        return 0;
    const std::string exported = io::exportMetalLB(first.project);
    const io::ImportResult second = io::importKubernetesYaml(exported, "exported.yaml");
    if (second.hasErrors())
        fail("the export of an error-free import does not import", exported);
    if (!(second.project.pools == first.project.pools))
        fail("pools changed through export and import", exported);
    if (!(second.project.l2Advertisements == first.project.l2Advertisements))
        fail("L2 advertisements changed through export and import", exported);
    return 0;
}
