// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "objectactions.h"

#include <QMainWindow>

class QAbstractItemView;
class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;
class QTableView;

namespace k3snet {

class AddressMapWidget;
class DiagnosticsWidget;
class Document;
class L2AdvertisementEditor;
class ObjectTableWidget;
class PoolChartWidget;
class ProjectFileController;
class RecentFiles;
class SelectionSync;
class StartPageWidget;
class TopologyScene;
class LiveStatusController;
class LiveStatusWidget;
class TopologyView;

// The k3snet window: the start page until a project is open, then the topology in the middle
// with docks for the diagnostics, the object tables, the L2 advertisement editor and the undo
// history around it. It owns
// the document; every edit reaches the document as an undo command, so Undo/Redo come from
// its stack. Window layout and recent files live in QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return m_document; }
    ProjectFileController *files() const { return m_files; }
    TopologyScene *topologyScene() const { return m_scene; }
    TopologyView *topologyView() const { return m_view; }
    StartPageWidget *startPage() const { return m_startPage; }
    DiagnosticsWidget *diagnostics() const { return m_diagnostics; }
    AddressMapWidget *addressMap() const { return m_addressMap; }
    PoolChartWidget *poolChart() const { return m_poolChart; }
    L2AdvertisementEditor *l2Editor() const { return m_l2Editor; }
    QDockWidget *l2EditorDock() const { return m_l2EditorDock; }
    ObjectActions *objectActions() const { return m_objectActions; }
    QTableView *nodeTable() const;
    QTableView *poolTable() const;
    QTableView *serviceTable() const;
    bool isShowingProject() const;

    // Writes the topology picture (PNG or SVG by suffix) at the window's pixel ratio; reports
    // a failure in a message box.
    bool exportPicture(const QString &path);
    // File > New: asks about unsaved changes, then runs the new-project wizard and opens
    // what it returns.
    void newProject();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void connectL2Editor();
    void createObjectActions();
    // Cluster menu and Live Status panel (mainwindowcluster.cpp).
    void createClusterActions();
    void createStatusDock();
    void runProvisioning(int operation);
    QString kindOfTable(const QAbstractItemView *view) const;
    ObjectActions::Context objectContext() const;
    QDockWidget *addDock(
        QWidget *widget, const QString &title, const QString &objectName, Qt::DockWidgetArea area);
    void readSettings();
    void writeSettings();

    void chooseAndExport(const QString &format);
    void about();
    void showProject();
    void showStartPage();
    void updateTitle();
    void updateActions();
    void updateRecentMenu();
    void setDocksVisible(bool visible);

    Document *m_document;
    TopologyScene *m_scene;
    TopologyView *m_view;
    StartPageWidget *m_startPage;
    QStackedWidget *m_central;
    DiagnosticsWidget *m_diagnostics = nullptr;
    ObjectTableWidget *m_nodes = nullptr;
    ObjectTableWidget *m_pools = nullptr;
    ObjectTableWidget *m_l2 = nullptr;
    ObjectTableWidget *m_services = nullptr;
    AddressMapWidget *m_addressMap = nullptr;
    PoolChartWidget *m_poolChart = nullptr;
    L2AdvertisementEditor *m_l2Editor = nullptr;
    QDockWidget *m_l2EditorDock = nullptr;
    ObjectActions *m_objectActions = nullptr;
    SelectionSync *m_selectionSync;
    RecentFiles *m_recentFiles;
    ProjectFileController *m_files;
    // The docks' layout while a project is open; the start page shows no docks.
    QByteArray m_projectLayout;
    QLabel *m_zoomLabel = nullptr;
    QLabel *m_problemsLabel = nullptr;
    LiveStatusController *m_liveStatus = nullptr;
    LiveStatusWidget *m_liveStatusWidget = nullptr;
    QDockWidget *m_liveStatusDock = nullptr;
    QAction *m_provisionAction = nullptr;
    QAction *m_uninstallAction = nullptr;
    QAction *m_refreshStatusAction = nullptr;
    QAction *m_periodicStatusAction = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_exportPngAction = nullptr;
    QAction *m_exportSvgAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_actualSizeAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_panelsMenu = nullptr;
};

} // namespace k3snet
