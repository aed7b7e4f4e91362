// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionsync.h"

#include "document/document.h"
#include "models/diagnosticmodel.h"
#include "models/l2advertisementmodel.h"
#include "models/nodemodel.h"
#include "models/poolmodel.h"
#include "models/servicemodel.h"
#include "topology/topologyscene.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>
#include <QSet>

namespace k3snet {

namespace {
constexpr int keyRole = NodeModel::ObjectKeyRole;
static_assert(keyRole == PoolModel::ObjectKeyRole && keyRole == ServiceModel::ObjectKeyRole
    && keyRole == L2AdvertisementModel::ObjectKeyRole && keyRole == DiagnosticModel::ObjectKeyRole);

// Sets a flag for a scope, so that the changes one side makes do not echo back.
class Guard
{
public:
    explicit Guard(bool &flag)
        : m_flag(flag)
    {
        m_flag = true;
    }
    ~Guard() { m_flag = false; }
    Guard(const Guard &) = delete;
    Guard &operator=(const Guard &) = delete;

private:
    bool &m_flag;
};
} // namespace

SelectionSync::SelectionSync(TopologyScene *scene, QObject *parent)
    : QObject(parent)
    , m_scene(scene)
{
    connect(scene, &QGraphicsScene::selectionChanged, this, &SelectionSync::sceneSelectionChanged);
}

void SelectionSync::addView(QAbstractItemView *view)
{
    m_views << view;
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this, view] { viewSelectionChanged(view); });
    // A reset forgets the selection without a signal: give the rows theirs back.
    connect(view->model(), &QAbstractItemModel::modelReset, this, [this, view] { resync(view); });
}

void SelectionSync::resync(QAbstractItemView *view)
{
    if (m_syncing)
        return;
    const Guard guard(m_syncing);
    selectInView(view, m_scene->selectedKeys());
}

void SelectionSync::viewSelectionChanged(QAbstractItemView *view)
{
    if (m_syncing)
        return;
    const Guard guard(m_syncing);
    QStringList keys;
    for (const QModelIndex &index : view->selectionModel()->selectedRows())
        keys << index.data(keyRole).toString();
    m_scene->selectKeys(keys);
    // The other tables show what the topology now shows (a pool's row selects its services').
    const QStringList shown = m_scene->selectedKeys();
    for (const auto &other : std::as_const(m_views))
        if (other && other != view)
            selectInView(other, shown);
}

void SelectionSync::sceneSelectionChanged()
{
    if (m_syncing)
        return;
    const Guard guard(m_syncing);
    const QStringList keys = m_scene->selectedKeys();
    for (const auto &view : std::as_const(m_views))
        if (view)
            selectInView(view, keys);
}

void SelectionSync::selectInView(QAbstractItemView *view, const QStringList &keys)
{
    const QSet<QString> wanted(keys.cbegin(), keys.cend());
    QAbstractItemModel *model = view->model();
    QItemSelection selection;
    QModelIndex first;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (!wanted.contains(index.data(keyRole).toString()))
            continue;
        selection.select(index, model->index(row, model->columnCount() - 1));
        if (!first.isValid())
            first = index;
    }
    QItemSelectionModel *selectionModel = view->selectionModel();
    selectionModel->select(selection, QItemSelectionModel::ClearAndSelect);
    if (first.isValid()) {
        selectionModel->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        view->scrollTo(first);
    }
}

} // namespace k3snet
