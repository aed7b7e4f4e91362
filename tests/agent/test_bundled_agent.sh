#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A bundled agent (packaging/cmake/BundledAgents.cmake) is what the provisioner pushes to a node
# of that CPU: check that it is a static, stripped executable for that CPU, and run it there
# (under qemu-user for ARM) - `version`, and `check` on a good and on a typo'd AgentConfig.
#
# Usage: test_bundled_agent.sh MACHINE AGENT_BINARY TEST_DATA_DIR
set -uo pipefail

machine=$1 agent=$2 data=$3
fails=0
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; fails=$((fails + 1)); }

case "$machine" in
    aarch64) elf_machine="AArch64" elf_class="ELF64" runner=(qemu-aarch64-static) ;;
    armhf) elf_machine="ARM" elf_class="ELF32" runner=(qemu-arm-static) ;;
    x86_64) elf_machine="Advanced Micro Devices X86-64" elf_class="ELF64" runner=() ;;
    *) echo "FAIL: unknown machine $machine"; exit 1 ;;
esac

if [[ ! -x "$agent" ]]; then
    echo "FAIL: no bundled $machine agent at $agent: install the cross compilers and sysroots" \
        "with packaging/install-deps.sh, then reconfigure and rebuild"
    exit 1
fi
if [[ ${#runner[@]} -gt 0 ]] && ! command -v "${runner[0]}" >/dev/null; then
    echo "FAIL: ${runner[0]} is missing (Debian package qemu-user-static; packaging/install-deps.sh installs it)"
    exit 1
fi

header=$(readelf -h "$agent")
grep -q "Class: *$elf_class" <<<"$header" && grep -q "Machine: *$elf_machine" <<<"$header" \
    && pass "$machine: $elf_class executable for $elf_machine" \
    || fail "$machine: wrong ELF class or machine: $(grep -E 'Class|Machine' <<<"$header" | tr -s ' ')"
if readelf -l "$agent" | grep -q "INTERP"; then
    fail "$machine: dynamically linked (has a program interpreter)"
else
    pass "$machine: static (no program interpreter, no shared libraries)"
fi
if readelf -S "$agent" | grep -q "\.symtab"; then
    fail "$machine: not stripped (.symtab present)"
else
    pass "$machine: stripped"
fi
echo "INFO: $machine agent is $(stat -c %s "$agent") bytes"

version=$("${runner[@]}" "$agent" version 2>&1)
[[ "$version" =~ ^k3snet-agent\ [0-9]+\.[0-9]+\.[0-9]+ ]] \
    && pass "$machine: version runs: $version" || fail "$machine: version printed: $version"

good=$("${runner[@]}" "$agent" check "$data/agent/node1.agent.yaml" 2>&1)
rc=$?
[[ $rc -eq 0 && "$good" == *"ok (node node1"* ]] \
    && pass "$machine: check accepts a good config" || fail "$machine: check on a good config: rc=$rc: $good"

bad=$("${runner[@]}" "$agent" check "$data/agent/typo.agent.yaml" 2>&1)
rc=$?
[[ $rc -eq 1 && "$bad" == *'unknown key "masquerde" in cni; did you mean "masquerade"?'* \
    && "$bad" == *"typo.agent.yaml:"* ]] \
    && pass "$machine: check refuses a typo'd config and names the line" \
    || fail "$machine: check on a typo'd config: rc=$rc: $bad"

[[ $fails -eq 0 ]] && echo "all checks passed" || echo "$fails checks failed"
exit $((fails > 0))
