// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/nodespage.h"

#include "delegates/validatingdelegate.h"
#include "validators/addressvalidator.h"
#include "validators/namevalidator.h"
#include "wizard/lanpage.h"
#include "wizard/nodedraftmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace k3snet {

namespace {

// The role column edits in a combo box of the two roles.
class RoleDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(
        QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *combo = new QComboBox(parent);
        combo->addItem(NodeDraftModel::tr("server"), QStringLiteral("server"));
        combo->addItem(NodeDraftModel::tr("agent"), QStringLiteral("agent"));
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole).toString()));
    }
    void setModelData(
        QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentData());
    }
};

} // namespace

NodesPage::NodesPage(LanPage *lan, QWidget *parent)
    : QWizardPage(parent)
    , m_lan(lan)
{
    setObjectName(QStringLiteral("nodesPage"));
    setTitle(tr("Nodes"));
    setSubTitle(tr("The machines of the cluster. Servers run the Kubernetes control plane; "
                   "agents run workloads. More can be added later."));
    m_model = new NodeDraftModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("wizardNodes"));
    m_view->setAccessibleName(tr("Nodes"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setEditTriggers(QAbstractItemView::AllEditTriggers);
    auto *delegate = new ValidatingDelegate(m_view);
    delegate->setColumnValidator(NodeDraftModel::NameColumn,
        [](QObject *parent) { return new NameValidator(NameValidator::Kind::Subdomain, parent); });
    delegate->setColumnValidator(NodeDraftModel::LanIPColumn, [](QObject *parent) {
        return new AddressValidator(AddressValidator::Kind::Address, parent);
    });
    delegate->setColumnValidator(NodeDraftModel::InterfaceColumn, [](QObject *parent) {
        auto *v = new NameValidator(NameValidator::Kind::InterfaceName, parent);
        v->setOptional(true);
        return v;
    });
    m_view->setItemDelegate(delegate);
    m_view->setItemDelegateForColumn(NodeDraftModel::RoleColumn, new RoleDelegate(m_view));

    m_add = new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("&Add Node"), this);
    m_add->setObjectName(QStringLiteral("addNodeButton"));
    m_remove
        = new QPushButton(QIcon::fromTheme(QStringLiteral("list-remove")), tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeNodeButton"));
    connect(m_add, &QPushButton::clicked, this, [this] {
        const int row = m_model->addNode();
        m_view->setCurrentIndex(m_model->index(row, NodeDraftModel::NameColumn));
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
            rows << index.row();
        if (rows.isEmpty() && m_view->currentIndex().isValid())
            rows << m_view->currentIndex().row();
        std::sort(rows.begin(), rows.end(), std::greater<int>());
        for (int row : std::as_const(rows))
            m_model->removeRow(row);
    });

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("problemMessage"));
    m_message->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(m_model, &QAbstractItemModel::dataChanged, this, &NodesPage::updateMessage);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &NodesPage::updateMessage);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &NodesPage::updateMessage);
}

void NodesPage::initializePage()
{
    m_model->setLan(m_lan->subnet(), m_lan->gateway(), m_lan->interfaceName());
    if (m_model->rowCount() == 0)
        m_model->addNode();
    m_view->resizeColumnsToContents();
    updateMessage();
}

void NodesPage::updateMessage()
{
    m_message->setText(m_model->problem());
    m_view->resizeColumnsToContents(); // a warning icon or a longer name needs room
    Q_EMIT completeChanged();
}

bool NodesPage::isComplete() const
{
    return m_model->problem().isEmpty();
}

} // namespace k3snet
