// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace k3snet {

class TopologyScene;

// Writes the topology picture to a file: PNG at a device pixel ratio (2 gives a sharp image on
// a 200 % screen and in print), or SVG. The selection is left out of the picture, and files
// are replaced atomically (QSaveFile).
class TopologyExporter
{
    Q_DECLARE_TR_FUNCTIONS(TopologyExporter)

public:
    explicit TopologyExporter(TopologyScene *scene);

    // By the file name's suffix: .svg writes SVG, anything else PNG.
    bool exportTo(const QString &path, qreal devicePixelRatio = 1.0);
    bool exportPng(const QString &path, qreal devicePixelRatio = 1.0);
    bool exportSvg(const QString &path);
    QString errorString() const { return m_error; }

private:
    TopologyScene *m_scene;
    QString m_error;
};

} // namespace k3snet
