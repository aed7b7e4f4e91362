// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

namespace k3snet {

// The projects opened or saved last, newest first, kept in QSettings ("recentFiles") so the
// start page and the File menu offer them in the next session too.
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    static constexpr int maxCount = 10;

    explicit RecentFiles(QObject *parent = nullptr);

    QStringList files() const { return m_files; }
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void store();

    QStringList m_files;
};

} // namespace k3snet
