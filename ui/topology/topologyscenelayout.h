// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topology/lanitem.h"

// The distances TopologyScene lays its items out with (topologyscene.cpp builds and patches the
// items, topologyscenelayout.cpp places them).
namespace k3snet::topologylayout {

inline constexpr qreal columnGap = 36;
inline constexpr qreal uplinkLength = 34;
inline constexpr qreal busGap = 18; // between a bus and the row it serves
inline constexpr qreal arcBase = 18;
inline constexpr qreal arcStep = 20;
inline constexpr qreal belowArcs = 34;
inline constexpr qreal x0 = LanItem::trunkX + 26;

} // namespace k3snet::topologylayout
