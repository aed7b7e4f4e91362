# Shared part of the cross toolchain files. The caller sets K3SNET_CROSS_TRIPLE (GNU triple of
# Debian's cross compiler), K3SNET_CROSS_DEBARCH (Debian architecture), CMAKE_SYSTEM_PROCESSOR
# and K3SNET_CROSS_QEMU (the user-mode emulator that runs the result on this machine).
#
# Target libraries come from the sysroot that packaging/cross-sysroot.sh unpacks (static
# archives and headers of the target's -dev packages, not installed as multiarch packages; see
# that script for why), plus the cross compiler's own /usr/<triple>. Override the sysroot with
# the environment variable K3SNET_CROSS_SYSROOT. Nothing is taken from the host's /usr.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_C_COMPILER ${K3SNET_CROSS_TRIPLE}-gcc)
set(CMAKE_CXX_COMPILER ${K3SNET_CROSS_TRIPLE}-g++)
set(CMAKE_LIBRARY_ARCHITECTURE ${K3SNET_CROSS_TRIPLE})

if(DEFINED ENV{K3SNET_CROSS_SYSROOT})
    set(_k3snet_sysroot "$ENV{K3SNET_CROSS_SYSROOT}")
else()
    get_filename_component(_k3snet_sysroot
        "${CMAKE_CURRENT_LIST_DIR}/../../build/sysroot-${K3SNET_CROSS_DEBARCH}" ABSOLUTE)
endif()
if(NOT EXISTS "${_k3snet_sysroot}/usr/include/openssl")
    message(FATAL_ERROR "No ${K3SNET_CROSS_DEBARCH} sysroot at ${_k3snet_sysroot}: run "
        "packaging/cross-sysroot.sh ${K3SNET_CROSS_DEBARCH} (or packaging/install-deps.sh --with-cross)")
endif()

set(CMAKE_FIND_ROOT_PATH "${_k3snet_sysroot}" /usr/${K3SNET_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
# The sysroot first (yaml-cpp, nlohmann_json), then the host for build tools such as ECM.
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
set(ENV{PKG_CONFIG_LIBDIR} "${_k3snet_sysroot}/usr/lib/${K3SNET_CROSS_TRIPLE}/pkgconfig")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "${_k3snet_sysroot}")
set(CMAKE_CROSSCOMPILING_EMULATOR ${K3SNET_CROSS_QEMU})
# Debian's -dev packages keep arch-specific headers (openssl/opensslconf.h) under
# include/<triple>, which a native multiarch gcc searches by itself and a cross gcc does not.
set(CMAKE_C_STANDARD_INCLUDE_DIRECTORIES "${_k3snet_sysroot}/usr/include/${K3SNET_CROSS_TRIPLE}")
set(CMAKE_CXX_STANDARD_INCLUDE_DIRECTORIES "${_k3snet_sysroot}/usr/include/${K3SNET_CROSS_TRIPLE}")
