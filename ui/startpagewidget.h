// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace k3snet {

// What the window shows while no project is open: start a new project, open one (recent ones
// listed), open the bundled demo cluster, or import MetalLB/kubectl YAML.
class StartPageWidget : public QWidget
{
    Q_OBJECT

public:
    explicit StartPageWidget(QWidget *parent = nullptr);

    void setRecentFiles(const QStringList &files);
    QListWidget *recentList() const { return m_recent; }

Q_SIGNALS:
    void newProjectRequested();
    void openRequested();
    void demoRequested();
    void importRequested();
    void recentRequested(const QString &path);

private:
    QListWidget *m_recent;
    QLabel *m_noRecent;
};

} // namespace k3snet
