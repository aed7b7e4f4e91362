// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"
#include "domain/plan/plan.h"

#include <QObject>
#include <QString>

#include <memory>

class QUndoStack;

namespace k3snet {

// A project as it was at one moment, never changed again: the document and the undo commands
// share these rather than copying 2,000 services three times per edit.
using ProjectSnapshot = std::shared_ptr<const model::Project>;

// The open project: the model, its plan (recomputed after every change, so views always show
// allocation, announcers and diagnostics that match the model), the undo stack every edit goes
// through, and where it is saved. Views never change the project directly; they push commands
// (core/document/*command.h), which call applyProject().
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    const model::Project &project() const;
    ProjectSnapshot snapshot() const; // the current project, to keep
    const plan::Plan &plan() const;
    // Which services the last change touched, as the plan saw it (everything after reset()):
    // views redo only those rows and chips when they can. It leads from generation() - 1 to
    // generation(), which counts the project's changes: a view that missed one redoes all.
    const plan::PlanChange &lastChange() const;
    quint64 generation() const;
    // For a view that last followed the document at generation `seen`: the services the one
    // change since then touched, when it was partial; otherwise (no change since, or more than
    // one, or one that touched everything) nullptr, and the view redoes everything.
    const std::vector<std::size_t> *changedServicesSince(quint64 seen) const;
    QUndoStack *undoStack() const;

    QString filePath() const; // empty for a new or demo project
    QString displayName() const; // file name, or the project name, or "Untitled"
    bool isModified() const; // the undo stack is not at its clean index

    // Replace the whole project (new, open, import, demo): clears the undo stack.
    void reset(model::Project project, const QString &filePath = QString());
    // Loads a *.k3snet.yaml file; on failure returns false and leaves the document unchanged,
    // with the load diagnostics in *diagnostics.
    bool open(const QString &path, rules::Diagnostics *diagnostics);
    void openDemo();
    // Atomic save; on failure returns false with a message naming the file and the reason.
    bool save(QString *error);
    bool saveAs(const QString &path, QString *error);

    // For commands only: make `project` the current one and recompute the plan.
    void applyProject(model::Project project);
    void applyProject(ProjectSnapshot project);

Q_SIGNALS:
    void projectChanged(); // after every change of the project (and its plan)
    void filePathChanged();
    void modifiedChanged(bool modified);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace k3snet
