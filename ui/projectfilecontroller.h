// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"

#include <QObject>
#include <QStringList>

class QWidget;

namespace k3snet {

class Document;
class RecentFiles;

// What the File menu and the start page do with the document: new, open, open the demo,
// import MetalLB/kubectl YAML, save (atomically, through Document) and close, asking before
// unsaved changes are lost. Dialogs are parented to the window; the plain variants (openFile,
// saveTo, ...) show a dialog only to report a failure.
class ProjectFileController : public QObject
{
    Q_OBJECT

public:
    ProjectFileController(Document *document, RecentFiles *recentFiles, QWidget *window);

    // Whether a project is open (and the window shows it rather than the start page).
    bool isOpen() const { return m_open; }
    // Changes not saved yet: edits, or a new or imported project that never was.
    bool needsSaving() const;

    // A project file; Kubernetes/MetalLB YAML becomes a new project (as from the start page).
    bool openFile(const QString &path);
    // Into the open project as one undoable step, or as a new project from the start page.
    bool importFile(const QString &path);
    void openDemo();
    // An empty new project (after asking about unsaved changes).
    void newProject();
    // Opens project as a new, never saved one (the new-project wizard's result); the caller
    // has asked about unsaved changes.
    void startProject(model::Project project);
    bool saveTo(const QString &path);

    void chooseAndOpen();
    void chooseAndImport();
    bool save();
    bool saveAs();
    // Asks what to do with unsaved changes; false when the user cancels.
    bool maybeSave();
    // Back to the start page (after maybeSave); false when cancelled.
    bool closeProject();

Q_SIGNALS:
    void opened();
    void closed();
    // needsSaving() or the document's name may have changed.
    void stateChanged();
    void statusMessage(const QString &message);

private:
    // merge: into the open project as one undoable step; otherwise as a new project.
    bool importYaml(const QString &path, bool merge);
    void setOpen(bool open, bool unsaved);
    void showProblems(const QString &title, const QString &text, const QStringList &details);
    QString startDirectory() const;

    Document *m_document;
    RecentFiles *m_recentFiles;
    QWidget *m_window;
    bool m_open = false;
    bool m_neverSaved = false;
};

} // namespace k3snet
