// SPDX-License-Identifier: GPL-3.0-or-later
#include "l2/l2advertisementeditor.h"

#include "document/document.h"
#include "document/editl2advertisementcommand.h"
#include "l2/selectorlisteditor.h"
#include "models/announcerpreviewmodel.h"
#include "models/l2nodematchmodel.h"
#include "models/poolchoicemodel.h"
#include "validators/listvalidator.h"
#include "validators/namevalidator.h"
#include "widgets/validatedlineedit.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <map>

namespace k3snet {

namespace {

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setAccessibleName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Column widths from the first rows only: measuring thousands of addresses costs a frame.
    view->horizontalHeader()->setResizeContentsPrecision(50);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    const auto fit = [view] { view->resizeColumnsToContents(); };
    QObject::connect(model, &QAbstractItemModel::modelReset, view, fit);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, view, fit);
    return view;
}

} // namespace

L2AdvertisementEditor::L2AdvertisementEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("l2AdvertisementEditor"));
    setAccessibleName(tr("L2 advertisement editor"));
    m_pools = new PoolChoiceModel(document, this);
    m_nodes = new L2NodeMatchModel(document, this);
    m_preview = new AnnouncerPreviewModel(document, this);

    m_chooser = new QComboBox(this);
    m_chooser->setObjectName(QStringLiteral("l2Chooser"));
    m_chooser->setAccessibleName(tr("L2 advertisement"));
    m_chooser->setMinimumContentsLength(16);
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_chooser, &QComboBox::activated, this,
        [this](int index) { setAdvertisement(m_chooser->itemText(index)); });
    m_add = new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("&New…"), this);
    m_add->setToolTip(tr("Add an L2 advertisement"));
    connect(m_add, &QPushButton::clicked, this, &L2AdvertisementEditor::addRequested);
    m_remove
        = new QPushButton(QIcon::fromTheme(QStringLiteral("list-remove")), tr("&Remove"), this);
    m_remove->setToolTip(tr("Remove this L2 advertisement"));
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (!m_current.isEmpty())
            Q_EMIT removeRequested(m_current);
    });

    m_name = new ValidatedLineEdit(this);
    m_name->setObjectName(QStringLiteral("l2NameField"));
    m_name->setAccessibleName(tr("Name"));
    m_nameValidator = new NameValidator(NameValidator::Kind::Subdomain, m_name);
    m_name->setExplainingValidator(m_nameValidator);
    connect(m_name, &QLineEdit::editingFinished, this, &L2AdvertisementEditor::rename);

    m_interfaces = new ValidatedLineEdit(this);
    m_interfaces->setObjectName(QStringLiteral("l2Interfaces"));
    m_interfaces->setAccessibleName(tr("Interfaces"));
    auto *interfaces = new ListValidator(
        new NameValidator(NameValidator::Kind::InterfaceName, m_interfaces), m_interfaces);
    interfaces->setOptional(true);
    m_interfaces->setExplainingValidator(interfaces);
    m_interfaces->setPlaceholderText(tr("every interface"));
    connect(
        m_interfaces, &QLineEdit::editingFinished, this, &L2AdvertisementEditor::applyInterfaces);

    auto *top = new QHBoxLayout;
    auto *chooserLabel = new QLabel(tr("&Advertisement:"), this);
    chooserLabel->setBuddy(m_chooser);
    top->addWidget(chooserLabel);
    top->addWidget(m_chooser, 1);
    top->addWidget(m_add);
    top->addWidget(m_remove);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Interfaces:"), m_interfaces);

    // Three columns side by side, as the dock is wide and low: what is advertised, who may
    // announce it, and the outcome.
    auto *advertised = new QWidget(this);
    auto *advertisedLayout = new QVBoxLayout(advertised);
    advertisedLayout->setContentsMargins(0, 0, 0, 0);
    advertisedLayout->addLayout(form);
    advertisedLayout->addWidget(createPoolsSection(), 1);
    const auto scrolled = [this](QWidget *content) {
        auto *scroll = new QScrollArea(this);
        scroll->setWidget(content);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        return scroll;
    };

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(scrolled(advertised));
    splitter->addWidget(scrolled(createNodesSection()));
    splitter->addWidget(createPreviewSection());
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 5);

    m_body = splitter;
    m_noAdvertisement = new QLabel(
        tr("The project has no L2 advertisement, so no node answers ARP for a service address. "
           "Add one to advertise the pools."),
        this);
    m_noAdvertisement->setWordWrap(true);
    m_noAdvertisement->setAlignment(Qt::AlignCenter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_noAdvertisement, 1);

    connect(document, &Document::projectChanged, this, &L2AdvertisementEditor::reload);
    reload();
}

QWidget *L2AdvertisementEditor::createPoolsSection()
{
    auto *box = new QGroupBox(tr("Address pools"), this);
    m_poolView = makeTable(m_pools, tr("Pools of the advertisement"), box);
    m_poolView->setObjectName(QStringLiteral("l2PoolView"));
    m_poolView->setMinimumHeight(90);
    m_poolView->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_poolSelectors = new SelectorListEditor(box);
    m_poolSelectors->setObjectName(QStringLiteral("l2PoolSelectors"));
    connect(m_poolSelectors, &SelectorListEditor::edited, this,
        [this](const std::vector<model::LabelSelector> &selectors) {
            pushEdit(tr("Change pool selectors of %1").arg(m_current),
                [&](model::L2Advertisement &ad) { ad.ipAddressPoolSelectors = selectors; });
        });
    m_poolSummary = new QLabel(box);
    m_poolSummary->setWordWrap(true);
    auto *selectorLabel = new QLabel(tr("Or the pools with these labels:"), box);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(new QLabel(tr("Check the pools to advertise by name:"), box));
    layout->addWidget(m_poolView, 1);
    layout->addWidget(selectorLabel);
    layout->addWidget(m_poolSelectors);
    layout->addWidget(m_poolSummary);
    return box;
}

QWidget *L2AdvertisementEditor::createNodesSection()
{
    auto *box = new QGroupBox(tr("Nodes that may announce"), this);
    m_nodeSelectors = new SelectorListEditor(box);
    m_nodeSelectors->setObjectName(QStringLiteral("l2NodeSelectors"));
    m_nodeSelectors->setEmptyText(tr("No node selector: every node may announce."));
    connect(m_nodeSelectors, &SelectorListEditor::edited, this,
        [this](const std::vector<model::LabelSelector> &selectors) {
            pushEdit(tr("Change node selectors of %1").arg(m_current),
                [&](model::L2Advertisement &ad) { ad.nodeSelectors = selectors; });
        });
    m_nodeView = makeTable(m_nodes, tr("Nodes and whether the advertisement selects them"), box);
    m_nodeView->setObjectName(QStringLiteral("l2NodeView"));
    m_nodeView->setMinimumHeight(110);
    m_nodeView->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_nodeSummary = new QLabel(box);
    m_nodeSummary->setWordWrap(true);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_nodeSelectors);
    layout->addWidget(m_nodeView, 1);
    layout->addWidget(m_nodeSummary);
    return box;
}

QWidget *L2AdvertisementEditor::createPreviewSection()
{
    auto *box = new QGroupBox(tr("Who answers ARP for each address"), this);
    m_previewView = makeTable(m_preview, tr("Announcer preview"), box);
    m_previewView->setObjectName(QStringLiteral("l2PreviewView"));
    // Thousands of addresses: columns sized once from the first rows, then by the user.
    m_previewView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_previewSummary = new QLabel(box);
    m_previewSummary->setWordWrap(true);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_previewView, 1);
    layout->addWidget(m_previewSummary);
    return box;
}

const model::L2Advertisement *L2AdvertisementEditor::current() const
{
    for (const auto &ad : m_document->project().l2Advertisements)
        if (fromStd(ad.name) == m_current)
            return &ad;
    return nullptr;
}

QStringList L2AdvertisementEditor::matchedNodeKeys() const
{
    return m_current.isEmpty() ? QStringList() : m_nodes->matchedKeys();
}

void L2AdvertisementEditor::setAdvertisement(const QString &name)
{
    if (name == m_current)
        return;
    m_current = name;
    reload();
}

void L2AdvertisementEditor::setSuspended(bool suspended)
{
    m_suspended = suspended;
    m_pools->setSuspended(suspended);
    m_nodes->setSuspended(suspended);
    m_preview->setSuspended(suspended);
    if (!suspended && m_stale)
        reload();
}

void L2AdvertisementEditor::reload()
{
    if (m_suspended) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_reloading = true;
    const auto &ads = m_document->project().l2Advertisements;
    QStringList names;
    for (const auto &ad : ads)
        names << fromStd(ad.name);
    // Renamed or gone (an undo of a rename, a removal): the one at the same place, or the first.
    if (!names.contains(m_current))
        m_current = names.value(
            m_currentIndex >= 0 && m_currentIndex < names.size() ? m_currentIndex : 0);
    m_currentIndex = int(names.indexOf(m_current));

    QStringList shown;
    for (int i = 0; i < m_chooser->count(); ++i)
        shown << m_chooser->itemText(i);
    if (shown != names) {
        m_chooser->clear();
        m_chooser->addItems(names);
    }
    m_chooser->setCurrentIndex(m_currentIndex);

    const model::L2Advertisement *ad = current();
    m_body->setVisible(ad != nullptr);
    m_noAdvertisement->setVisible(ad == nullptr);
    m_remove->setEnabled(ad != nullptr);
    m_chooser->setEnabled(ad != nullptr);

    QStringList taken = names;
    taken.removeAll(m_current);
    m_nameValidator->setTaken(taken);
    if (!m_name->hasFocus() || !m_name->isModified())
        m_name->setText(m_current);
    m_name->recheck();

    std::vector<model::LabelSelector> none;
    m_poolSelectors->setSelectors(ad ? ad->ipAddressPoolSelectors : none);
    m_nodeSelectors->setSelectors(ad ? ad->nodeSelectors : none);
    QStringList interfaces;
    if (ad)
        for (const auto &i : ad->interfaces)
            interfaces << fromStd(i);
    if (!m_interfaces->hasFocus() || !m_interfaces->isModified())
        m_interfaces->setText(interfaces.join(QStringLiteral(", ")));

    m_pools->setAdvertisement(m_current);
    m_nodes->setAdvertisement(m_current);
    m_preview->setAdvertisement(m_current);
    updateSummaries();
    m_reloading = false;

    Q_EMIT advertisementChanged(m_current);
    const QStringList matched = matchedNodeKeys();
    if (matched != m_lastMatched) {
        m_lastMatched = matched;
        Q_EMIT matchedNodesChanged(matched);
    }
}

void L2AdvertisementEditor::updateSummaries()
{
    const model::L2Advertisement *ad = current();
    if (!ad)
        return;
    QStringList applies;
    for (int row = 0; row < m_pools->rowCount(); ++row) {
        const QModelIndex index = m_pools->index(row, 0);
        if (index.data(PoolChoiceModel::AppliesRole).toBool())
            applies << index.data().toString();
    }
    if (ad->ipAddressPools.empty() && ad->ipAddressPoolSelectors.empty())
        m_poolSummary->setText(tr("No pool named and no pool selector: every pool is advertised."));
    else
        m_poolSummary->setText(applies.isEmpty()
                ? tr("No pool is advertised.")
                : tr("Advertised: %1.").arg(applies.join(QStringLiteral(", "))));

    const int matched = int(m_nodes->matchedKeys().size());
    m_nodeSummary->setText(
        tr("%1 of %n node(s) may announce.", nullptr, m_nodes->rowCount()).arg(matched));

    std::map<QString, int> perNode;
    int nobody = 0;
    for (int row = 0; row < m_preview->rowCount(); ++row) {
        // The announcer only: the whole ranking is a hundred names per address.
        const QString announcer
            = m_preview->index(row, 0).data(AnnouncerPreviewModel::AnnouncerRole).toString();
        if (announcer.isEmpty())
            ++nobody;
        else
            ++perNode[announcer];
    }
    QStringList counts;
    for (const auto &[node, count] : perNode)
        counts << tr("%1: %2").arg(node).arg(count);
    QString text = tr("%n address(es).", nullptr, m_preview->rowCount());
    if (!counts.isEmpty())
        text += QLatin1Char(' ') + tr("Announcing: %1.").arg(counts.join(QStringLiteral(", ")));
    if (nobody > 0)
        text += QLatin1Char(' ') + tr("%n address(es) announced by nobody.", nullptr, nobody);
    m_previewSummary->setText(text);
}

void L2AdvertisementEditor::pushEdit(
    const QString &text, const std::function<void(model::L2Advertisement &)> &edit)
{
    const model::L2Advertisement *ad = current();
    if (!ad || m_reloading)
        return;
    model::L2Advertisement edited = *ad;
    edit(edited);
    if (edited == *ad)
        return;
    auto *command = new EditL2AdvertisementCommand(m_document, m_current, std::move(edited));
    command->setText(text);
    m_document->undoStack()->push(command);
}

void L2AdvertisementEditor::rename()
{
    const QString name = m_name->text().trimmed();
    if (!m_name->isAcceptable() || name == m_current || !current())
        return;
    // The reload the command causes finds the advertisement at its place under the new name.
    pushEdit(tr("Rename L2 advertisement %1 to %2").arg(m_current, name),
        [&](model::L2Advertisement &ad) { ad.name = name.toStdString(); });
    m_name->setModified(false);
}

void L2AdvertisementEditor::applyInterfaces()
{
    if (!m_interfaces->isAcceptable())
        return;
    std::vector<std::string> interfaces;
    for (const QString &entry : ListValidator::entries(m_interfaces->text()))
        interfaces.push_back(entry.toStdString());
    pushEdit(tr("Change interfaces of %1").arg(m_current),
        [&](model::L2Advertisement &ad) { ad.interfaces = interfaces; });
    m_interfaces->setModified(false);
}

} // namespace k3snet
