// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's docks (tables, diagnostics, address map, L2 advertisement editor, undo history)
// and how the object actions learn what the user is working on.
#include "mainwindow.h"

#include "delegates/validatingdelegate.h"
#include "diagnostics/diagnosticswidget.h"
#include "document/document.h"
#include "l2/l2advertisementeditor.h"
#include "models/l2advertisementmodel.h"
#include "models/nodemodel.h"
#include "models/objectkey.h"
#include "models/poolmodel.h"
#include "models/servicemodel.h"
#include "objectactions.h"
#include "pools/addressmapwidget.h"
#include "pools/poolchartwidget.h"
#include "selectionsync.h"
#include "tables/objecttablewidget.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "validators/addressvalidator.h"
#include "validators/listvalidator.h"
#include "validators/namevalidator.h"

#include <QApplication>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QMenu>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

namespace k3snet {

namespace {

// Table cells edit with the validators the dialogs use.
void addValidators(QTableView *nodes, QTableView *pools)
{
    auto *nodeDelegate = new ValidatingDelegate(nodes);
    nodeDelegate->setColumnValidator(NodeModel::NameColumn,
        [](QObject *parent) { return new NameValidator(NameValidator::Kind::Subdomain, parent); });
    nodeDelegate->setColumnValidator(NodeModel::LanIPColumn, [](QObject *parent) {
        return new AddressValidator(AddressValidator::Kind::Address, parent);
    });
    nodes->setItemDelegate(nodeDelegate);
    auto *poolDelegate = new ValidatingDelegate(pools);
    poolDelegate->setColumnValidator(PoolModel::NameColumn,
        [](QObject *parent) { return new NameValidator(NameValidator::Kind::Subdomain, parent); });
    poolDelegate->setColumnValidator(PoolModel::AddressesColumn, [](QObject *parent) {
        return new ListValidator(
            new AddressValidator(AddressValidator::Kind::PoolEntry, parent), parent);
    });
    pools->setItemDelegate(poolDelegate);
}

QStringList selectedKeysOf(QAbstractItemView *view)
{
    QStringList keys;
    for (const QModelIndex &index : view->selectionModel()->selectedRows())
        keys << index.data(NodeModel::ObjectKeyRole).toString();
    return keys;
}

} // namespace

void MainWindow::createDocks()
{
    m_diagnostics = new DiagnosticsWidget(m_document, this);
    m_nodes = new ObjectTableWidget(new NodeModel(m_document, this), tr("Nodes"), this);
    m_pools = new ObjectTableWidget(new PoolModel(m_document, this), tr("Address pools"), this);
    m_l2 = new ObjectTableWidget(
        new L2AdvertisementModel(m_document, this), tr("L2 advertisements"), this);
    m_services = new ObjectTableWidget(new ServiceModel(m_document, this), tr("Services"), this);
    m_nodes->view()->setObjectName(QStringLiteral("nodeTable"));
    m_pools->view()->setObjectName(QStringLiteral("poolTable"));
    m_l2->view()->setObjectName(QStringLiteral("l2AdvertisementTable"));
    m_services->view()->setObjectName(QStringLiteral("serviceTable"));
    addValidators(m_nodes->view(), m_pools->view());
    for (auto *table : {m_nodes, m_pools, m_l2, m_services})
        m_selectionSync->addView(table->view());

    auto *undoView = new QUndoView(m_document->undoStack(), this);
    undoView->setObjectName(QStringLiteral("undoHistory"));
    undoView->setAccessibleName(tr("Undo history"));
    undoView->setEmptyLabel(tr("<opened>"));
    // Every entry is one line: the list need not measure each of hundreds of commands when
    // the current one moves, as it did on every edit.
    undoView->setUniformItemSizes(true);

    QDockWidget *nodes
        = addDock(m_nodes, tr("Nodes"), QStringLiteral("nodesDock"), Qt::BottomDockWidgetArea);
    QDockWidget *pools
        = addDock(m_pools, tr("Pools"), QStringLiteral("poolsDock"), Qt::BottomDockWidgetArea);
    QDockWidget *l2 = addDock(
        m_l2, tr("L2 Advertisements"), QStringLiteral("l2Dock"), Qt::BottomDockWidgetArea);
    QDockWidget *services = addDock(
        m_services, tr("Services"), QStringLiteral("servicesDock"), Qt::BottomDockWidgetArea);
    m_l2Editor = new L2AdvertisementEditor(m_document, this);
    m_l2EditorDock = addDock(m_l2Editor, tr("L2 Advertisement Editor"),
        QStringLiteral("l2EditorDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(nodes, pools);
    tabifyDockWidget(pools, l2);
    tabifyDockWidget(l2, m_l2EditorDock);
    tabifyDockWidget(m_l2EditorDock, services);
    nodes->raise();
    // A table in a hidden tab does not follow the document (DocumentTableModel::setSuspended):
    // a pool edit that changes 2,000 service rows is then no work for a services tab nobody
    // sees. Shown again, it catches up and takes the topology's selection.
    const std::pair<QDockWidget *, ObjectTableWidget *> tabbed[]
        = {{nodes, m_nodes}, {pools, m_pools}, {l2, m_l2}, {services, m_services}};
    for (const auto &[dock, table] : tabbed) {
        connect(dock, &QDockWidget::visibilityChanged, this, [this, table](bool shown) {
            table->model()->setSuspended(!shown);
            if (shown)
                m_selectionSync->resync(table->view());
        });
    }
    QDockWidget *diagnostics = addDock(m_diagnostics, tr("Diagnostics"),
        QStringLiteral("diagnosticsDock"), Qt::RightDockWidgetArea);

    // The address map above the pool chart, below the diagnostics.
    auto *poolsPanel = new QWidget(this);
    m_addressMap = new AddressMapWidget(m_document, poolsPanel);
    m_poolChart = new PoolChartWidget(m_document, poolsPanel);
    auto *poolsLayout = new QVBoxLayout(poolsPanel);
    poolsLayout->setContentsMargins(0, 0, 0, 0);
    poolsLayout->addWidget(m_addressMap, 3);
    poolsLayout->addWidget(m_poolChart, 2);
    QDockWidget *addressMap = addDock(
        poolsPanel, tr("Address map"), QStringLiteral("addressMapDock"), Qt::RightDockWidgetArea);
    // Split before the history joins the diagnostics: splitting a tabbed dock only adds a tab.
    splitDockWidget(diagnostics, addressMap, Qt::Vertical);
    QDockWidget *history = addDock(
        undoView, tr("Undo History"), QStringLiteral("undoDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(diagnostics, history);
    // Behind the diagnostics' tab, the history does not follow the stack: moving its current
    // entry cost an edit a millisecond per few hundred commands, seen or not.
    connect(history, &QDockWidget::visibilityChanged, undoView, [this, undoView](bool shown) {
        undoView->setStack(shown ? m_document->undoStack() : nullptr);
    });
    diagnostics->raise();
    resizeDocks({nodes}, {260}, Qt::Vertical);
    resizeDocks({diagnostics}, {420}, Qt::Horizontal);
    connect(m_pools->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                m_addressMap->setSelectedPool(
                    current.siblingAtColumn(PoolModel::NameColumn).data().toString());
        });
    connectL2Editor();
}

void MainWindow::connectL2Editor()
{
    m_selectionSync->addView(m_l2Editor->nodeView());
    m_selectionSync->addView(m_l2Editor->previewView());
    connect(m_l2->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                m_l2Editor->setAdvertisement(objectkey::nameOf(
                    current.data(L2AdvertisementModel::ObjectKeyRole).toString()));
        });
    // The editor follows the document only while its dock is on screen (visibilityChanged
    // also tells when its tab is chosen), and the nodes its advertisement selects are marked
    // in the topology meanwhile.
    m_l2Editor->setSuspended(true);
    const auto highlight = [this] {
        m_scene->setHighlightedKeys(
            m_l2Editor->isSuspended() ? QStringList() : m_l2Editor->matchedNodeKeys());
    };
    connect(m_l2Editor, &L2AdvertisementEditor::matchedNodesChanged, this, highlight);
    connect(m_l2EditorDock, &QDockWidget::visibilityChanged, this, [this, highlight](bool shown) {
        m_l2Editor->setSuspended(!shown);
        highlight();
    });
    connect(m_l2Editor, &L2AdvertisementEditor::addRequested, this,
        [this] { m_objectActions->addObject(QStringLiteral("L2Advertisement")); });
    connect(m_l2Editor, &L2AdvertisementEditor::removeRequested, this, [this](const QString &name) {
        m_objectActions->removeObjects({objectkey::l2Advertisement(name.toStdString())});
    });
}

void MainWindow::createObjectActions()
{
    m_objectActions = new ObjectActions(m_document, this);
    m_objectActions->setContextProvider([this] { return objectContext(); });
    connect(m_objectActions, &ObjectActions::l2EditRequested, this, [this](const QString &name) {
        m_l2Editor->setAdvertisement(name);
        m_l2EditorDock->show();
        m_l2EditorDock->raise();
    });
    connect(m_objectActions, &ObjectActions::objectAdded, this, [this](const QString &key) {
        if (m_scene->selectKeys({key}) > 0)
            m_view->showSelection();
    });
    connect(m_view, &TopologyView::itemActivated, m_objectActions, &ObjectActions::editObject);
    connect(m_view, &TopologyView::currentItemChanged, this,
        [this](const QString &, const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_view, &TopologyView::contextMenuRequested, this, [this](const QPoint &pos) {
        ObjectActions::Context context{QStringLiteral("Node"), m_scene->selectedKeys()};
        m_objectActions->contextMenu(context, this)->popup(pos);
    });
    for (auto *table : {m_nodes, m_pools, m_l2, m_services}) {
        QTableView *view = table->view();
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &pos) {
            ObjectActions::Context context{kindOfTable(view), selectedKeysOf(view)};
            m_objectActions->contextMenu(context, this)->popup(view->viewport()->mapToGlobal(pos));
        });
        connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, m_objectActions,
            &ObjectActions::refresh);
    }
    connect(m_scene, &QGraphicsScene::selectionChanged, m_objectActions, &ObjectActions::refresh);
    connect(qApp, &QApplication::focusChanged, m_objectActions, &ObjectActions::refresh);
}

QString MainWindow::kindOfTable(const QAbstractItemView *view) const
{
    if (view == m_pools->view())
        return QStringLiteral("IPAddressPool");
    if (view == m_l2->view())
        return QStringLiteral("L2Advertisement");
    if (view == m_services->view())
        return QStringLiteral("Service");
    return QStringLiteral("Node");
}

ObjectActions::Context MainWindow::objectContext() const
{
    // The table or editor that has the focus decides; otherwise the topology's selection.
    const QWidget *focus = QApplication::focusWidget();
    for (auto *table : {m_nodes, m_pools, m_l2, m_services})
        if (focus && table->isAncestorOf(focus))
            return {kindOfTable(table->view()), selectedKeysOf(table->view())};
    if (focus && m_l2Editor->isAncestorOf(focus))
        return {QStringLiteral("L2Advertisement"), {}};
    const QStringList keys = m_scene->selectedKeys();
    QString kind = keys.isEmpty() ? QStringLiteral("Node") : objectkey::kindOf(keys.constFirst());
    if (kind != QLatin1String("Service") && kind != QLatin1String("IPAddressPool"))
        kind = QStringLiteral("Node");
    return {kind, keys};
}

} // namespace k3snet
