// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectactions.h"

#include "dialogs/l2advertisementdialog.h"
#include "dialogs/nodedialog.h"
#include "dialogs/pooldialog.h"
#include "dialogs/servicedialog.h"
#include "document/addl2advertisementcommand.h"
#include "document/addnodecommand.h"
#include "document/addpoolcommand.h"
#include "document/addservicecommand.h"
#include "document/document.h"
#include "document/editnodecommand.h"
#include "document/editpoolcommand.h"
#include "document/editservicecommand.h"
#include "document/removel2advertisementcommand.h"
#include "document/removenodecommand.h"
#include "document/removepoolcommand.h"
#include "document/removeservicecommand.h"
#include "models/objectkey.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QPointer>
#include <QStyle>
#include <QUndoStack>

namespace k3snet {

namespace {

const QString nodeKind = QStringLiteral("Node");
const QString poolKind = QStringLiteral("IPAddressPool");
const QString l2Kind = QStringLiteral("L2Advertisement");
const QString serviceKind = QStringLiteral("Service");

// Runs a dialog that returns a value; the QPointer guards against the window going away
// while exec() runs.
template<class Dialog, class Value>
std::optional<Value> runDialog(Dialog *dialog, Value (Dialog::*value)() const)
{
    QPointer<Dialog> guard(dialog);
    const bool accepted = dialog->exec() == QDialog::Accepted;
    if (!guard)
        return std::nullopt;
    std::optional<Value> result;
    if (accepted)
        result = (dialog->*value)();
    delete dialog;
    return result;
}

} // namespace

ObjectActions::ObjectActions(Document *document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
{
    const auto make = [this](const QString &text, const char *name, const char *icon) {
        auto *action = new QAction(QIcon::fromTheme(QLatin1String(icon)), text, this);
        action->setObjectName(QLatin1String(name));
        action->setStatusTip(QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")));
        return action;
    };
    m_addNode = make(tr("Add &Node…"), "edit_add_node", "list-add");
    m_addPool = make(tr("Add &Pool…"), "edit_add_pool", "list-add");
    m_addL2 = make(tr("Add &L2 Advertisement…"), "edit_add_l2", "list-add");
    m_addService = make(tr("Add &Service…"), "edit_add_service", "list-add");
    m_add = make(tr("&Add…"), "edit_add", "list-add");
    m_add->setShortcut(QKeySequence(Qt::Key_Insert));
    m_edit = make(tr("&Edit…"), "edit_properties", "document-edit");
    // Alt+Return, as "Properties" elsewhere; F2 stays the tables' in-place editing.
    m_edit->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Return));
    m_delete = make(tr("&Delete"), "edit_delete", "edit-delete");
    m_delete->setShortcut(QKeySequence::Delete);
    for (QAction *a : {m_add, m_edit, m_delete})
        a->setToolTip(
            tr("%1 (%2)").arg(a->statusTip(), a->shortcut().toString(QKeySequence::NativeText)));

    connect(m_addNode, &QAction::triggered, this, [this] { addObject(nodeKind); });
    connect(m_addPool, &QAction::triggered, this, [this] { addObject(poolKind); });
    connect(m_addL2, &QAction::triggered, this, [this] { addObject(l2Kind); });
    connect(m_addService, &QAction::triggered, this, [this] { addObject(serviceKind); });
    connect(m_add, &QAction::triggered, this, [this] {
        const QString kind = context().kind;
        addObject(kind.isEmpty() ? nodeKind : kind);
    });
    connect(m_edit, &QAction::triggered, this, [this] {
        const QStringList keys = context().keys;
        if (!keys.isEmpty())
            editObject(keys.constFirst());
    });
    connect(m_delete, &QAction::triggered, this, [this] { removeObjects(context().keys); });
    refresh();
}

QList<QAction *> ObjectActions::addActions() const
{
    return {m_addNode, m_addPool, m_addL2, m_addService};
}

void ObjectActions::setContextProvider(std::function<Context()> provider)
{
    m_contextProvider = std::move(provider);
    refresh();
}

ObjectActions::Context ObjectActions::context() const
{
    return m_contextProvider ? m_contextProvider() : Context();
}

QStringList ObjectActions::removable(const QStringList &keys)
{
    QStringList out;
    for (const QString &key : keys) {
        const QString kind = objectkey::kindOf(key);
        if ((kind == nodeKind || kind == poolKind || kind == l2Kind || kind == serviceKind)
            && !out.contains(key))
            out << key;
    }
    return out;
}

void ObjectActions::refresh()
{
    const Context now = context();
    const QStringList keys = removable(now.keys);
    m_delete->setEnabled(!keys.isEmpty());
    m_edit->setEnabled(!keys.isEmpty());
    const QString kind = now.kind.isEmpty() ? nodeKind : now.kind;
    const QAction *matching = kind == poolKind ? m_addPool
        : kind == l2Kind                       ? m_addL2
        : kind == serviceKind                  ? m_addService
                                               : m_addNode;
    m_add->setText(matching->text());
}

bool ObjectActions::addObject(const QString &kind)
{
    const model::Project &project = m_document->project();
    QUndoCommand *command = nullptr;
    QString key;
    if (kind == nodeKind) {
        if (auto node = runDialog(new NodeDialog(project, nullptr, m_window), &NodeDialog::node)) {
            key = objectkey::node(node->name);
            command = new AddNodeCommand(m_document, *node);
        }
    } else if (kind == poolKind) {
        if (auto pool = runDialog(new PoolDialog(project, nullptr, m_window), &PoolDialog::pool)) {
            key = objectkey::pool(pool->name);
            command = new AddPoolCommand(m_document, *pool);
        }
    } else if (kind == l2Kind) {
        if (auto ad = runDialog(new L2AdvertisementDialog(project, m_window),
                &L2AdvertisementDialog::advertisement)) {
            key = objectkey::l2Advertisement(ad->name);
            command = new AddL2AdvertisementCommand(m_document, *ad);
        }
    } else if (kind == serviceKind) {
        if (auto service
            = runDialog(new ServiceDialog(project, nullptr, m_window), &ServiceDialog::service)) {
            key = objectkey::service(service->namespaceName, service->name);
            command = new AddServiceCommand(m_document, *service);
        }
    }
    if (!command)
        return false;
    m_document->undoStack()->push(command);
    Q_EMIT objectAdded(key);
    if (kind == l2Kind)
        Q_EMIT l2EditRequested(objectkey::nameOf(key));
    return true;
}

bool ObjectActions::editObject(const QString &key)
{
    const model::Project &project = m_document->project();
    const QString kind = objectkey::kindOf(key);
    const QString name = objectkey::nameOf(key);
    QUndoCommand *command = nullptr;
    if (kind == nodeKind) {
        const model::Node *node = project.findNode(name.toStdString());
        if (!node)
            return false;
        if (auto edited = runDialog(new NodeDialog(project, node, m_window), &NodeDialog::node))
            command = new EditNodeCommand(m_document, name, *edited);
    } else if (kind == poolKind) {
        const model::IPAddressPool *pool = project.findPool(name.toStdString());
        if (!pool)
            return false;
        if (auto edited = runDialog(new PoolDialog(project, pool, m_window), &PoolDialog::pool))
            command = new EditPoolCommand(m_document, name, *edited);
    } else if (kind == serviceKind) {
        const QString ns = name.section(QLatin1Char('/'), 0, 0);
        const QString serviceName = name.section(QLatin1Char('/'), 1);
        const model::Service *service
            = project.findService(ns.toStdString(), serviceName.toStdString());
        if (!service)
            return false;
        if (auto edited
            = runDialog(new ServiceDialog(project, service, m_window), &ServiceDialog::service))
            command = new EditServiceCommand(m_document, ns, serviceName, *edited);
    } else if (kind == l2Kind) {
        Q_EMIT l2EditRequested(name);
        return true;
    }
    if (!command)
        return false;
    m_document->undoStack()->push(command);
    return true;
}

int ObjectActions::removeObjects(const QStringList &keys)
{
    const QStringList targets = removable(keys);
    if (targets.isEmpty())
        return 0;
    QList<QUndoCommand *> commands;
    auto *macro = targets.size() > 1
        ? new QUndoCommand(tr("Remove %n object(s)", nullptr, int(targets.size())))
        : nullptr;
    for (const QString &key : targets) {
        const QString kind = objectkey::kindOf(key);
        const QString name = objectkey::nameOf(key);
        if (kind == nodeKind)
            commands << new RemoveNodeCommand(m_document, name, macro);
        else if (kind == poolKind)
            commands << new RemovePoolCommand(m_document, name, macro);
        else if (kind == l2Kind)
            commands << new RemoveL2AdvertisementCommand(m_document, name, macro);
        else
            commands << new RemoveServiceCommand(m_document, name.section(QLatin1Char('/'), 0, 0),
                name.section(QLatin1Char('/'), 1), macro);
    }
    m_document->undoStack()->push(macro ? macro : commands.constFirst());
    return int(targets.size());
}

QMenu *ObjectActions::contextMenu(const Context &context, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QStringList keys = removable(context.keys);
    if (!keys.isEmpty()) {
        QAction *edit = menu->addAction(m_edit->icon(), m_edit->text());
        edit->setShortcut(m_edit->shortcut());
        const QString first = keys.constFirst();
        connect(edit, &QAction::triggered, this, [this, first] { editObject(first); });
        QAction *remove = menu->addAction(m_delete->icon(),
            keys.size() > 1 ? tr("&Delete %n Objects", nullptr, int(keys.size()))
                            : m_delete->text());
        remove->setShortcut(m_delete->shortcut());
        connect(remove, &QAction::triggered, this, [this, keys] { removeObjects(keys); });
        menu->addSeparator();
    }
    menu->addActions(addActions());
    return menu;
}

} // namespace k3snet
