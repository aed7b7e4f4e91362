// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/topologystyle.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace k3snet {

bool TopologyStyle::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor TopologyStyle::mix(const QColor &a, const QColor &b, qreal t)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() + (y.redF() - x.redF()) * t),
        float(x.greenF() + (y.greenF() - x.greenF()) * t),
        float(x.blueF() + (y.blueF() - x.blueF()) * t));
}

QColor TopologyStyle::hueColor(int hue, const QPalette &palette)
{
    return isDark(palette) ? QColor::fromHsv(hue, 140, 235) : QColor::fromHsv(hue, 200, 175);
}

QColor TopologyStyle::poolColor(int index, const QPalette &palette)
{
    // Hues a golden angle apart stay distinct for many pools; the first one is a calm blue.
    return hueColor((210 + qMax(0, index) * 137) % 360, palette);
}

QColor TopologyStyle::roleColor(model::NodeRole role, const QPalette &palette)
{
    return hueColor(role == model::NodeRole::Server ? 275 : 150, palette);
}

QColor TopologyStyle::podColor(const QPalette &palette)
{
    return hueColor(185, palette);
}

QColor TopologyStyle::vtepColor(const QPalette &palette)
{
    return hueColor(25, palette);
}

QColor TopologyStyle::warningColor(const QPalette &palette)
{
    return isDark(palette) ? QColor::fromHsv(35, 200, 250) : QColor::fromHsv(30, 255, 200);
}

QColor TopologyStyle::errorColor(const QPalette &palette)
{
    return isDark(palette) ? QColor::fromHsv(0, 150, 255) : QColor::fromHsv(0, 220, 200);
}

QColor TopologyStyle::lineColor(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.35);
}

QColor TopologyStyle::wash(const QColor &colour, const QPalette &palette, qreal amount)
{
    return mix(palette.color(QPalette::Base), colour, amount);
}

QFont TopologyStyle::boldFont(const QFont &font)
{
    QFont f = font;
    f.setBold(true);
    return f;
}

QFont TopologyStyle::captionFont(const QFont &font)
{
    QFont f = font;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.88);
    else
        f.setPixelSize(qMax(8, int(f.pixelSize() * 0.88)));
    return f;
}

QFont TopologyStyle::monoFont(const QFont &font)
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (font.pointSizeF() > 0)
        f.setPointSizeF(font.pointSizeF());
    return f;
}

qreal TopologyStyle::textWidth(const QFont &font, const QString &text)
{
    // Per font (the scene uses a handful), bounded: a long session of edits sees many
    // addresses; starting over costs one edit's measuring once.
    struct Widths
    {
        QFont font;
        QHash<QString, qreal> widths;
    };
    static QList<Widths> cache;
    auto it = std::find_if(
        cache.begin(), cache.end(), [&font](const Widths &w) { return w.font == font; });
    if (it == cache.end()) {
        if (cache.size() >= 8)
            cache.removeFirst();
        cache.append({font, {}});
        it = cache.end() - 1;
    }
    if (it->widths.size() > 100000)
        it->widths.clear();
    auto found = it->widths.constFind(text);
    if (found != it->widths.constEnd())
        return *found;
    const qreal width = QFontMetricsF(font).horizontalAdvance(text);
    it->widths.insert(text, width);
    return width;
}

bool TopologyStyle::isTextTooSmall(
    const QFont &font, const QStyleOptionGraphicsItem *option, const QPainter *painter)
{
    return isTextTooSmall(QFontMetricsF(font).height(), option, painter);
}

bool TopologyStyle::isTextTooSmall(
    qreal fontHeight, const QStyleOptionGraphicsItem *option, const QPainter *painter)
{
    constexpr qreal smallestReadable = 4; // pixels of font height on the device
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    return fontHeight * lod < smallestReadable;
}

} // namespace k3snet
