// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace k3snet {

class Document;

// The actions that add, edit and remove project objects, for the Edit menu, the toolbar and
// the context menus: Add Node/Pool/L2 Advertisement/Service (dialogs that return values, from
// which this class builds the undo commands), Add (Insert: the kind the user is looking at),
// Edit (the dialog of the current object) and Delete (the selected objects, one undo step).
// What "selected" and "looking at" mean is asked of the window through setContextProvider.
class ObjectActions : public QObject
{
    Q_OBJECT

public:
    // The objects the user works on now: their kind ("Node", "IPAddressPool",
    // "L2Advertisement", "Service") and the stable keys of the selected ones.
    struct Context
    {
        QString kind;
        QStringList keys;
    };

    ObjectActions(Document *document, QWidget *window);

    void setContextProvider(std::function<Context()> provider);

    QAction *addNodeAction() const { return m_addNode; }
    QAction *addPoolAction() const { return m_addPool; }
    QAction *addL2AdvertisementAction() const { return m_addL2; }
    QAction *addServiceAction() const { return m_addService; }
    QAction *addAction() const { return m_add; }
    QAction *editAction() const { return m_edit; }
    QAction *deleteAction() const { return m_delete; }
    QList<QAction *> addActions() const;

    // Opens the add dialog of that kind; on OK pushes the command. Returns whether it did.
    bool addObject(const QString &kind);
    // Opens the edit dialog of the object with this key (L2 advertisements: editRequested).
    bool editObject(const QString &key);
    // Removes these objects (keys that name no removable object are skipped) in one undo
    // step; returns how many. No question asked: removal can be undone.
    int removeObjects(const QStringList &keys);
    // A menu for these objects (of kind) with Edit, Delete and the add actions.
    QMenu *contextMenu(const Context &context, QWidget *parent);

public Q_SLOTS:
    // Enables the actions for the current context.
    void refresh();

Q_SIGNALS:
    // The L2 advertisement editor should show this advertisement.
    void l2EditRequested(const QString &name);
    // An object was added (its key), e.g. for the window to select it.
    void objectAdded(const QString &key);

private:
    Context context() const;
    static QStringList removable(const QStringList &keys);

    Document *m_document;
    QWidget *m_window;
    std::function<Context()> m_contextProvider;
    QAction *m_addNode;
    QAction *m_addPool;
    QAction *m_addL2;
    QAction *m_addService;
    QAction *m_add;
    QAction *m_edit;
    QAction *m_delete;
};

} // namespace k3snet
