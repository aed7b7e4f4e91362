// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/l2advertisement.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QUndoCommand;

namespace k3snet {

class AnnouncerPreviewModel;
class Document;
class L2NodeMatchModel;
class NameValidator;
class PoolChoiceModel;
class SelectorListEditor;
class ValidatedLineEdit;

// The L2 advertisement editor: for one MetalLB L2Advertisement, the pools it advertises (by
// name, checked in a list, or by label selectors), the nodes that may announce (node
// selectors as label chips, with every node listed and the selected ones checked; the window
// also highlights them in the topology), the interfaces, and a preview of who announces each
// service address and who takes over. Every change is pushed at once as an undoable
// EditL2AdvertisementCommand; the editor then shows the document again, so Undo and Redo show
// here as they happen.
class L2AdvertisementEditor : public QWidget
{
    Q_OBJECT

public:
    explicit L2AdvertisementEditor(Document *document, QWidget *parent = nullptr);

    // The advertisement shown (empty when the project has none).
    QString advertisement() const { return m_current; }
    void setAdvertisement(const QString &name);

    QComboBox *chooser() const { return m_chooser; }
    ValidatedLineEdit *nameField() const { return m_name; }
    ValidatedLineEdit *interfacesField() const { return m_interfaces; }
    SelectorListEditor *poolSelectors() const { return m_poolSelectors; }
    SelectorListEditor *nodeSelectors() const { return m_nodeSelectors; }
    QTableView *poolView() const { return m_poolView; }
    QTableView *nodeView() const { return m_nodeView; }
    QTableView *previewView() const { return m_previewView; }
    PoolChoiceModel *poolModel() const { return m_pools; }
    L2NodeMatchModel *nodeModel() const { return m_nodes; }
    AnnouncerPreviewModel *previewModel() const { return m_preview; }
    // The keys ("Node/x") of the nodes the advertisement selects.
    QStringList matchedNodeKeys() const;

    // While suspended (its dock is closed or tabbed behind another) the editor does not
    // follow the document, which saves every edit the work of its preview; resumed, it catches
    // up. A QMainWindow keeps tabbed-away docks "visible" (off-screen), so the window tells.
    void setSuspended(bool suspended);
    bool isSuspended() const { return m_suspended; }

Q_SIGNALS:
    void advertisementChanged(const QString &name);
    // The selected nodes changed (another advertisement, or an edit).
    void matchedNodesChanged(const QStringList &nodeKeys);
    void addRequested();
    void removeRequested(const QString &name);

private:
    QWidget *createPoolsSection();
    QWidget *createNodesSection();
    QWidget *createPreviewSection();
    void reload();
    const model::L2Advertisement *current() const;
    // Pushes the current advertisement changed by edit, as one command described by text.
    void pushEdit(const QString &text, const std::function<void(model::L2Advertisement &)> &edit);
    void rename();
    void applyInterfaces();
    void updateSummaries();

    Document *m_document;
    QString m_current;
    int m_currentIndex = -1;
    QComboBox *m_chooser;
    QPushButton *m_add;
    QPushButton *m_remove;
    ValidatedLineEdit *m_name;
    NameValidator *m_nameValidator;
    ValidatedLineEdit *m_interfaces;
    SelectorListEditor *m_poolSelectors;
    SelectorListEditor *m_nodeSelectors;
    PoolChoiceModel *m_pools;
    L2NodeMatchModel *m_nodes;
    AnnouncerPreviewModel *m_preview;
    QTableView *m_poolView;
    QTableView *m_nodeView;
    QTableView *m_previewView;
    QLabel *m_poolSummary;
    QLabel *m_nodeSummary;
    QLabel *m_previewSummary;
    QWidget *m_body;
    QLabel *m_noAdvertisement;
    QStringList m_lastMatched;
    bool m_reloading = false;
    bool m_suspended = false;
    bool m_stale = true;
};

} // namespace k3snet
