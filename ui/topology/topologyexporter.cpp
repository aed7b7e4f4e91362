// SPDX-License-Identifier: GPL-3.0-or-later
#include "topology/topologyexporter.h"

#include "topology/topologyscene.h"

#include <QFileInfo>
#include <QGraphicsItem>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QSvgGenerator>

#include <cmath>

namespace k3snet {

namespace {

// Takes the selection away while the picture is drawn and gives it back afterwards, quietly:
// nobody else needs to hear about it.
class SelectionHider
{
public:
    explicit SelectionHider(TopologyScene *scene)
        : m_scene(scene)
        , m_items(scene->selectedItems())
    {
        const QSignalBlocker blocker(m_scene);
        for (QGraphicsItem *item : std::as_const(m_items))
            item->setSelected(false);
    }
    ~SelectionHider()
    {
        const QSignalBlocker blocker(m_scene);
        for (QGraphicsItem *item : std::as_const(m_items))
            item->setSelected(true);
    }
    SelectionHider(const SelectionHider &) = delete;
    SelectionHider &operator=(const SelectionHider &) = delete;

private:
    TopologyScene *m_scene;
    QList<QGraphicsItem *> m_items;
};

} // namespace

TopologyExporter::TopologyExporter(TopologyScene *scene)
    : m_scene(scene)
{
}

bool TopologyExporter::exportTo(const QString &path, qreal devicePixelRatio)
{
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0)
        return exportSvg(path);
    return exportPng(path, devicePixelRatio);
}

bool TopologyExporter::exportPng(const QString &path, qreal devicePixelRatio)
{
    const SelectionHider hider(m_scene);
    const QRectF source = m_scene->pictureRect();
    const qreal dpr = std::max(devicePixelRatio, 1.0);
    const QSize pixels(int(std::ceil(source.width() * dpr)), int(std::ceil(source.height() * dpr)));
    if (pixels.isEmpty() || pixels.width() > 32000 || pixels.height() > 32000) {
        m_error
            = tr("The picture is too large to export as PNG (%1 × %2 pixels); export it as SVG.")
                  .arg(pixels.width())
                  .arg(pixels.height());
        return false;
    }
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(m_scene->palette().color(QPalette::Base));
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        m_error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool TopologyExporter::exportSvg(const QString &path)
{
    const SelectionHider hider(m_scene);
    const QRectF source = m_scene->pictureRect();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(tr("Network topology"));
        svg.setDescription(tr("Made with k3snet"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            m_error = tr("Cannot write %1: the SVG generator failed").arg(path);
            file.cancelWriting();
            return false;
        }
        painter.fillRect(
            QRectF(QPointF(0, 0), source.size()), m_scene->palette().color(QPalette::Base));
        m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        painter.end();
    }
    if (!file.commit()) {
        m_error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace k3snet
