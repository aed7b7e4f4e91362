# Static k3snet-agent for armhf (Raspberry Pi OS 32-bit, ARMv7 hard-float): Debian's
# g++-arm-linux-gnueabihf and the armhf sysroot of packaging/cross-sysroot.sh.
set(CMAKE_SYSTEM_PROCESSOR arm)
set(K3SNET_CROSS_TRIPLE arm-linux-gnueabihf)
set(K3SNET_CROSS_DEBARCH armhf)
set(K3SNET_CROSS_QEMU qemu-arm-static)
include(${CMAKE_CURRENT_LIST_DIR}/cross-common.cmake)
# GCC notes on every std::vector growth that the 32-bit ARM calling convention for some types
# changed in GCC 7.1. The agent is built whole by this one compiler, so the note is about an
# ABI boundary it never crosses; silenced so that real warnings stand out in the build log.
string(APPEND CMAKE_CXX_FLAGS_INIT " -Wno-psabi")
