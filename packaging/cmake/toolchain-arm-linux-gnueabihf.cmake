# Static k3snet-agent for armhf (Raspberry Pi OS 32-bit, ARMv7 hard-float): Debian's
# g++-arm-linux-gnueabihf and the armhf sysroot of packaging/cross-sysroot.sh.
set(CMAKE_SYSTEM_PROCESSOR arm)
set(K3SNET_CROSS_TRIPLE arm-linux-gnueabihf)
set(K3SNET_CROSS_DEBARCH armhf)
set(K3SNET_CROSS_QEMU qemu-arm-static)
include(${CMAKE_CURRENT_LIST_DIR}/cross-common.cmake)
