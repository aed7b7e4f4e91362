// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "diagnostics/diagnosticswidget.h"
#include "document/document.h"
#include "k3snet_version.h"
#include "projectfilecontroller.h"
#include "recentfiles.h"
#include "selectionsync.h"
#include "startpagewidget.h"
#include "tables/objecttablewidget.h"
#include "topology/topologyexporter.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "wizard/newprojectwizard.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

namespace k3snet {

namespace {

constexpr int windowStateVersion = 1;

QIcon themeIcon(const char *name, QStyle::StandardPixmap fallback = QStyle::SP_CustomBase)
{
    const QIcon fallbackIcon
        = fallback == QStyle::SP_CustomBase ? QIcon() : qApp->style()->standardIcon(fallback);
    return QIcon::fromTheme(QLatin1String(name), fallbackIcon);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new Document(this))
    , m_recentFiles(new RecentFiles(this))
{
    m_files = new ProjectFileController(m_document, m_recentFiles, this);
    setObjectName(QStringLiteral("MainWindow"));
    setAccessibleName(tr("k3snet"));
    m_scene = new TopologyScene(m_document, this);
    m_scene->setPalette(palette());
    m_view = new TopologyView(m_scene, this);
    m_startPage = new StartPageWidget(this);
    m_central = new QStackedWidget(this);
    m_central->addWidget(m_startPage);
    m_central->addWidget(m_view);
    setCentralWidget(m_central);
    m_selectionSync = new SelectionSync(m_scene, this);

    createActions();
    createDocks();
    createStatusDock();
    createObjectActions();
    createClusterActions();
    createMenus();

    m_zoomLabel = new QLabel(this);
    m_problemsLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_problemsLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_view, &TopologyView::zoomChanged, this,
        [this](qreal zoom) { m_zoomLabel->setText(tr("Zoom %1 %").arg(qRound(zoom * 100))); });
    m_zoomLabel->setText(tr("Zoom %1 %").arg(100));
    connect(m_diagnostics, &DiagnosticsWidget::summaryChanged, m_problemsLabel, &QLabel::setText);
    m_problemsLabel->setText(m_diagnostics->summary());

    connect(m_startPage, &StartPageWidget::newProjectRequested, this, &MainWindow::newProject);
    connect(m_startPage, &StartPageWidget::openRequested, m_files,
        &ProjectFileController::chooseAndOpen);
    connect(
        m_startPage, &StartPageWidget::demoRequested, m_files, &ProjectFileController::openDemo);
    connect(m_startPage, &StartPageWidget::importRequested, m_files,
        &ProjectFileController::chooseAndImport);
    connect(m_startPage, &StartPageWidget::recentRequested, this, [this](const QString &path) {
        if (m_files->maybeSave())
            m_files->openFile(path);
    });
    connect(m_recentFiles, &RecentFiles::changed, this, &MainWindow::updateRecentMenu);
    connect(m_files, &ProjectFileController::opened, this, &MainWindow::showProject);
    connect(m_files, &ProjectFileController::closed, this, &MainWindow::showStartPage);
    connect(m_files, &ProjectFileController::stateChanged, this, &MainWindow::updateTitle);
    connect(m_files, &ProjectFileController::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    connect(
        m_diagnostics, &DiagnosticsWidget::objectsActivated, this, [this](const QStringList &keys) {
            if (m_scene->selectKeys(keys) > 0)
                m_view->showSelection();
        });

    updateRecentMenu();
    readSettings();
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The object actions ask the window's parts what is selected whenever the focus or a
    // selection changes, which happens while those parts are being deleted: they go first.
    delete m_objectActions;
    m_objectActions = nullptr;
}

void MainWindow::createActions()
{
    const auto make = [this](const QString &text, const char *objectName, const QIcon &icon,
                          const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(icon, text, this);
        action->setObjectName(QLatin1String(objectName));
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newAction
        = make(tr("&New Project…"), "file_new", themeIcon("document-new", QStyle::SP_FileIcon),
            QKeySequence::New, [this] { newProject(); });
    m_openAction
        = make(tr("&Open…"), "file_open", themeIcon("document-open", QStyle::SP_DialogOpenButton),
            QKeySequence::Open, [this] { m_files->chooseAndOpen(); });
    m_demoAction = make(tr("Open the &Demo Cluster"), "file_open_demo",
        themeIcon("applications-education"), QKeySequence(), [this] { m_files->openDemo(); });
    m_importAction
        = make(tr("&Import MetalLB/kubectl YAML…"), "file_import", themeIcon("document-import"),
            QKeySequence(Qt::CTRL | Qt::Key_I), [this] { m_files->chooseAndImport(); });
    m_saveAction
        = make(tr("&Save"), "file_save", themeIcon("document-save", QStyle::SP_DialogSaveButton),
            QKeySequence::Save, [this] { m_files->save(); });
    m_saveAsAction = make(tr("Save &As…"), "file_save_as", themeIcon("document-save-as"),
        QKeySequence::SaveAs, [this] { m_files->saveAs(); });
    m_exportPngAction
        = make(tr("Export Picture as &PNG…"), "file_export_png", themeIcon("image-x-generic"),
            QKeySequence(), [this] { chooseAndExport(QStringLiteral("png")); });
    m_exportSvgAction
        = make(tr("Export Picture as S&VG…"), "file_export_svg", themeIcon("image-svg+xml"),
            QKeySequence(), [this] { chooseAndExport(QStringLiteral("svg")); });
    m_closeAction = make(tr("&Close Project"), "file_close", themeIcon("document-close"),
        QKeySequence::Close, [this] { m_files->closeProject(); });
    m_quitAction = make(tr("&Quit"), "file_quit", themeIcon("application-exit"), QKeySequence::Quit,
        [this] { close(); });
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("edit_undo"));
    m_undoAction->setIcon(themeIcon("edit-undo", QStyle::SP_ArrowBack));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("edit_redo"));
    m_redoAction->setIcon(themeIcon("edit-redo", QStyle::SP_ArrowForward));
    m_redoAction->setShortcut(QKeySequence::Redo);

    m_zoomInAction = make(tr("Zoom &In"), "view_zoom_in", themeIcon("zoom-in"),
        QKeySequence::ZoomIn, [this] { m_view->zoomIn(); });
    m_zoomOutAction = make(tr("Zoom &Out"), "view_zoom_out", themeIcon("zoom-out"),
        QKeySequence::ZoomOut, [this] { m_view->zoomOut(); });
    m_fitAction = make(tr("&Fit to Window"), "view_fit", themeIcon("zoom-fit-best"),
        QKeySequence(Qt::CTRL | Qt::Key_0), [this] { m_view->fitToContents(); });
    m_actualSizeAction = make(tr("&Actual Size"), "view_actual_size", themeIcon("zoom-original"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_0), [this] { m_view->resetZoom(); });
    // Ctrl+= as well as Ctrl++ on keyboards where + needs Shift.
    m_zoomInAction->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});

    for (QAction *action : findChildren<QAction *>()) {
        const QString plain = action->text().remove(QLatin1Char('&'));
        action->setStatusTip(plain);
        if (!action->shortcut().isEmpty())
            action->setToolTip(
                tr("%1 (%2)").arg(plain, action->shortcut().toString(QKeySequence::NativeText)));
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(themeIcon("document-open-recent"), tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("file_open_recent"));
    file->addAction(m_demoAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_exportPngAction);
    file->addAction(m_exportSvgAction);
    file->addSeparator();
    file->addAction(m_closeAction);
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addActions(m_objectActions->addActions());
    edit->addAction(m_objectActions->addAction());
    edit->addSeparator();
    edit->addAction(m_objectActions->editAction());
    edit->addAction(m_objectActions->deleteAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_fitAction);
    view->addAction(m_actualSizeAction);
    view->addSeparator();
    m_panelsMenu = view->addMenu(tr("&Panels"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_panelsMenu->addAction(dock->toggleViewAction());

    QMenu *cluster = menuBar()->addMenu(tr("&Cluster"));
    cluster->addAction(m_provisionAction);
    cluster->addSeparator();
    cluster->addAction(m_refreshStatusAction);
    cluster->addAction(m_periodicStatusAction);
    cluster->addSeparator();
    cluster->addAction(m_uninstallAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about
        = help->addAction(themeIcon("help-about"), tr("&About k3snet"), this, &MainWindow::about);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);

    QToolBar *tools = addToolBar(tr("Main Toolbar"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setAccessibleName(tr("Main toolbar"));
    tools->setToolButtonStyle(Qt::ToolButtonFollowStyle);
    tools->addAction(m_newAction);
    tools->addAction(m_openAction);
    tools->addAction(m_saveAction);
    tools->addSeparator();
    tools->addAction(m_undoAction);
    tools->addAction(m_redoAction);
    tools->addSeparator();
    tools->addAction(m_objectActions->addAction());
    tools->addAction(m_objectActions->deleteAction());
    tools->addSeparator();
    tools->addAction(m_zoomInAction);
    tools->addAction(m_zoomOutAction);
    tools->addAction(m_fitAction);
    m_panelsMenu->addSeparator();
    m_panelsMenu->addAction(tools->toggleViewAction());
}

QDockWidget *MainWindow::addDock(
    QWidget *widget, const QString &title, const QString &objectName, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setAccessibleName(title);
    dock->setWidget(widget);
    addDockWidget(area, dock);
    return dock;
}

QTableView *MainWindow::nodeTable() const
{
    return m_nodes->view();
}

QTableView *MainWindow::poolTable() const
{
    return m_pools->view();
}

QTableView *MainWindow::serviceTable() const
{
    return m_services->view();
}

bool MainWindow::isShowingProject() const
{
    return m_files->isOpen();
}

void MainWindow::readSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        resize(1400, 900);
    restoreState(settings.value(QStringLiteral("state")).toByteArray(), windowStateVersion);
    if (!isShowingProject()) {
        m_projectLayout = saveState(windowStateVersion);
        setDocksVisible(false);
    }
}

void MainWindow::setDocksVisible(bool visible)
{
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        dock->setVisible(visible);
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"),
        isShowingProject() ? saveState(windowStateVersion) : m_projectLayout);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_scene->setPalette(palette());
}

void MainWindow::updateTitle()
{
    if (!isShowingProject()) {
        setWindowTitle(tr("k3snet"));
        setWindowModified(false);
        return;
    }
    setWindowTitle(tr("%1[*] — k3snet").arg(m_document->displayName()));
    setWindowModified(m_files->needsSaving());
}

void MainWindow::updateActions()
{
    const bool open = isShowingProject();
    m_zoomLabel->setVisible(open);
    m_problemsLabel->setVisible(open);
    for (QAction *action : {m_saveAction, m_saveAsAction, m_exportPngAction, m_exportSvgAction,
             m_closeAction, m_zoomInAction, m_zoomOutAction, m_fitAction, m_actualSizeAction,
             m_provisionAction, m_uninstallAction, m_refreshStatusAction, m_periodicStatusAction})
        action->setEnabled(open);
    for (QAction *action : m_objectActions->addActions())
        action->setEnabled(open);
    m_objectActions->addAction()->setEnabled(open);
    if (open)
        m_objectActions->refresh();
    else
        for (QAction *action : {m_objectActions->editAction(), m_objectActions->deleteAction()})
            action->setEnabled(false);
    m_panelsMenu->setEnabled(open);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recentFiles->files();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        QAction *action
            = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] {
            if (m_files->maybeSave())
                m_files->openFile(path);
        });
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), m_recentFiles, &RecentFiles::clear);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
    m_startPage->setRecentFiles(files);
}

void MainWindow::showProject()
{
    const bool first = m_central->currentWidget() != m_view;
    m_central->setCurrentWidget(m_view);
    updateActions();
    updateTitle();
    if (first) {
        if (m_projectLayout.isEmpty() || !restoreState(m_projectLayout, windowStateVersion))
            setDocksVisible(true);
        m_view->resetZoom();
        // Once the view has its final size.
        QTimer::singleShot(0, m_view, &TopologyView::fitToContents);
    }
}

void MainWindow::showStartPage()
{
    if (m_central->currentWidget() == m_view) {
        m_projectLayout = saveState(windowStateVersion);
        setDocksVisible(false);
    }
    m_central->setCurrentWidget(m_startPage);
    updateActions();
    updateTitle();
}

bool MainWindow::exportPicture(const QString &path)
{
    TopologyExporter exporter(m_scene);
    if (!exporter.exportTo(path, devicePixelRatioF())) {
        QMessageBox::warning(this, tr("Export Picture"), exporter.errorString());
        return false;
    }
    statusBar()->showMessage(
        tr("Exported the picture to %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::newProject()
{
    if (!m_files->maybeSave())
        return;
    QPointer<NewProjectWizard> wizard = new NewProjectWizard(this);
    const bool accepted = wizard->exec() == QDialog::Accepted;
    if (!wizard)
        return;
    if (accepted)
        m_files->startProject(wizard->project());
    delete wizard;
}

void MainWindow::chooseAndExport(const QString &format)
{
    const bool svg = format == QLatin1String("svg");
    QString base = m_document->displayName();
    for (const auto &suffix : {QStringLiteral(".k3snet.yaml"), QStringLiteral(".yaml")})
        if (base.endsWith(suffix))
            base.chop(suffix.size());
    const QString dir = m_document->filePath().isEmpty()
        ? QDir::homePath()
        : QFileInfo(m_document->filePath()).absolutePath();
    QString path = QFileDialog::getSaveFileName(this,
        svg ? tr("Export Picture as SVG") : tr("Export Picture as PNG"),
        QDir(dir).filePath(base + QStringLiteral("-topology.") + format),
        svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + format;
    exportPicture(path);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About k3snet"),
        tr("<h3>k3snet %1</h3>"
           "<p>See, design and run the network of a K3s cluster: nodes, pod subnets, "
           "flannel-compatible VXLAN tunnels and MetalLB-style address pools.</p>"
           "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
            .arg(QStringLiteral(K3SNET_VERSION_STRING)));
}

} // namespace k3snet
