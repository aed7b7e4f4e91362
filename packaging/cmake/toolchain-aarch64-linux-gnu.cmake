# Static k3snet-agent for aarch64 (Raspberry Pi OS 64-bit, Pi 3/4/5): Debian's
# g++-aarch64-linux-gnu and the arm64 sysroot of packaging/cross-sysroot.sh.
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(K3SNET_CROSS_TRIPLE aarch64-linux-gnu)
set(K3SNET_CROSS_DEBARCH arm64)
set(K3SNET_CROSS_QEMU qemu-aarch64-static)
include(${CMAKE_CURRENT_LIST_DIR}/cross-common.cmake)
