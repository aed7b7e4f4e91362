# The k3snet-agent binaries that the app and k3snetctl push to nodes: one static, stripped
# binary per CPU a node can have, in a folder named by the provisioner's arch key (see
# core/provision/agentbundle.h). Each is a separate CMake build of this source tree (agent and core/domain only) with its own toolchain, run as
# an ExternalProject so that the cross compiler never sees the host's Qt build.
#
#   <build>/lib/k3snet/agents/aarch64/k3snet-agent   Pi 3/4/5 with a 64-bit OS
#   <build>/lib/k3snet/agents/armhf/k3snet-agent     Pi 2/3/4 with a 32-bit OS (uname -m: armv7l)
#   <build>/lib/k3snet/agents/x86_64/k3snet-agent    PCs and mini PCs
#
# installed to <prefix>/lib/k3snet/agents/<machine>/. The cross compilers, qemu and the target
# sysroots come from packaging/install-deps.sh (which runs packaging/cross-sysroot.sh).
include(ExternalProject)

set(K3SNET_AGENTS_DIR ${PROJECT_BINARY_DIR}/lib/k3snet/agents)
set(K3SNET_BUNDLED_AGENT_MACHINES "")

function(k3snet_bundle_agent machine toolchain)
    set(args
        -DBUILD_GUI=OFF -DBUILD_CORE=OFF -DBUILD_TESTING=OFF -DK3SNET_BUNDLE_AGENTS=OFF
        -DK3SNET_STATIC_AGENT=ON -DCMAKE_BUILD_TYPE=MinSizeRel -DK3SNET_WERROR=${K3SNET_WERROR})
    if(toolchain)
        list(APPEND args -DCMAKE_TOOLCHAIN_FILE=${PROJECT_SOURCE_DIR}/packaging/cmake/${toolchain})
    endif()
    ExternalProject_Add(k3snet_agent_${machine}
        SOURCE_DIR ${PROJECT_SOURCE_DIR}
        BINARY_DIR ${PROJECT_BINARY_DIR}/agents-build/${machine}
        CMAKE_GENERATOR Ninja
        CMAKE_ARGS ${args}
        BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> --target k3snet-agent
        # Rebuild on every build of the main tree: ninja in the sub-build decides what changed.
        BUILD_ALWAYS ON
        INSTALL_COMMAND ${CMAKE_COMMAND} -E copy_if_different <BINARY_DIR>/bin/k3snet-agent
            ${K3SNET_AGENTS_DIR}/${machine}/k3snet-agent
        USES_TERMINAL_BUILD OFF
        LOG_CONFIGURE ON LOG_OUTPUT_ON_FAILURE ON)
    install(PROGRAMS ${K3SNET_AGENTS_DIR}/${machine}/k3snet-agent
        DESTINATION ${KDE_INSTALL_LIBDIR}/k3snet/agents/${machine})
    set(K3SNET_BUNDLED_AGENT_MACHINES ${K3SNET_BUNDLED_AGENT_MACHINES} ${machine} PARENT_SCOPE)
endfunction()

# A cross target is bundled when its compiler and sysroot are present; otherwise the build
# says what to run, and the tests of that target fail with the same advice.
function(k3snet_bundle_cross_agent machine triple debarch toolchain)
    find_program(K3SNET_CC_${debarch} ${triple}-g++)
    if(NOT K3SNET_CC_${debarch} OR NOT EXISTS ${PROJECT_SOURCE_DIR}/build/sysroot-${debarch}/usr/include/openssl)
        message(WARNING "Not bundling the ${machine} agent: ${triple}-g++ or the ${debarch} sysroot "
            "is missing (run packaging/install-deps.sh, or packaging/cross-sysroot.sh ${debarch})")
        return()
    endif()
    k3snet_bundle_agent(${machine} ${toolchain})
    set(K3SNET_BUNDLED_AGENT_MACHINES ${K3SNET_BUNDLED_AGENT_MACHINES} PARENT_SCOPE)
endfunction()

if(CMAKE_SYSTEM_PROCESSOR STREQUAL "x86_64" AND NOT CMAKE_CROSSCOMPILING)
    k3snet_bundle_agent(x86_64 "")
endif()
k3snet_bundle_cross_agent(aarch64 aarch64-linux-gnu arm64 toolchain-aarch64-linux-gnu.cmake)
k3snet_bundle_cross_agent(armhf arm-linux-gnueabihf armhf toolchain-arm-linux-gnueabihf.cmake)
