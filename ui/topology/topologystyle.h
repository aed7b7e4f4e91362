// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/node.h"

#include <QColor>
#include <QFont>

class QPainter;
class QPalette;
class QStyleOptionGraphicsItem;

namespace k3snet {

// Colours and fonts the topology items share. Everything derives from the palette the scene
// carries, so the picture reads in light and dark themes; nothing paints fixed black or white.
class TopologyStyle
{
public:
    static bool isDark(const QPalette &palette);
    // t = 0 gives a, t = 1 gives b.
    static QColor mix(const QColor &a, const QColor &b, qreal t);

    // A colour of the given hue that stands out on the palette's base colour.
    static QColor hueColor(int hue, const QPalette &palette);
    // A distinct colour for the index-th pool, lighter on dark backgrounds.
    static QColor poolColor(int index, const QPalette &palette);
    static QColor roleColor(model::NodeRole role, const QPalette &palette);
    static QColor podColor(const QPalette &palette);
    static QColor vtepColor(const QPalette &palette);
    static QColor warningColor(const QPalette &palette);
    static QColor errorColor(const QPalette &palette);
    // Wires and tunnels: the text colour, softened towards the background.
    static QColor lineColor(const QPalette &palette);
    // A colour washed onto the base colour, for box fills behind palette text.
    static QColor wash(const QColor &colour, const QPalette &palette, qreal amount = 0.18);

    static QFont boldFont(const QFont &font);
    static QFont captionFont(const QFont &font);
    static QFont monoFont(const QFont &font);
    // QFontMetricsF::horizontalAdvance, remembered: the scene measures the same addresses and
    // names again on every edit, and shaping text is what measuring costs.
    static qreal textWidth(const QFont &font, const QString &text);
    // Whether text in font would come out too small to read at the painter's zoom: items then
    // draw their shapes only (a 100-node cluster fitted to the window), which also keeps a
    // repaint of thousands of items within a frame.
    static bool isTextTooSmall(
        const QFont &font, const QStyleOptionGraphicsItem *option, const QPainter *painter);
    // The same for a font of this height (QFontMetricsF::height()), which an item painted
    // thousands of times keeps rather than measuring its font on every paint.
    static bool isTextTooSmall(
        qreal fontHeight, const QStyleOptionGraphicsItem *option, const QPainter *painter);

    static constexpr qreal padding = 10;
    static constexpr qreal radius = 6;
};

} // namespace k3snet
