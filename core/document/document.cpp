// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/document.h"

#include "document/deferreddisposal.h"
#include "domain/election/rankingcache.h"
#include "domain/io/demoproject.h"
#include "domain/io/projectfile.h"

#include <QFile>
#include <QFileInfo>
#include <QUndoStack>

#include <utility>

namespace k3snet {

struct Document::Private
{
    ProjectSnapshot project = std::make_shared<const model::Project>();
    plan::Plan plan;
    plan::PlanChange change; // of the last projectChanged
    quint64 generation = 0;
    // Election orders per service IP, kept across edits: most of an edit's plan otherwise.
    election::RankingCache rankings;
    QUndoStack *undoStack = nullptr;
    QString filePath;
    bool modified = false;
    // Plans that edits replaced, freed after the window's next frame (see applyProject).
    DeferredDisposal *disposal = nullptr;
};

namespace {

// The pod subnets of a plan, fed back into the next one so that an edit never moves a node's
// subnet (adding or removing another node, or undoing, leaves it where it was).
std::map<std::string, net::Prefix> podSubnetsOf(const plan::Plan &plan)
{
    std::map<std::string, net::Prefix> subnets;
    for (const auto &node : plan.nodes)
        if (node.podCIDR)
            subnets.emplace(node.name, *node.podCIDR);
    return subnets;
}

plan::PlanOptions planOptions(election::RankingCache &rankings)
{
    plan::PlanOptions options;
    options.rankingCache = &rankings;
    return options;
}

std::string localPath(const QString &path)
{
    return QFile::encodeName(path).toStdString();
}

} // namespace

Document::Document(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->undoStack = new QUndoStack(this);
    d->disposal = new DeferredDisposal(this);
    d->plan = plan::makePlan(*d->project, planOptions(d->rankings));
    connect(d->undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (d->modified == !clean)
            return;
        d->modified = !clean;
        Q_EMIT modifiedChanged(d->modified);
    });
}

Document::~Document()
{
    // The stack's commands point back at this document: delete them while it is still whole,
    // without telling anyone that the history was cleared on the way out.
    disconnect(d->undoStack, nullptr, this, nullptr);
    delete d->undoStack;
    d->undoStack = nullptr;
}

const model::Project &Document::project() const
{
    return *d->project;
}

ProjectSnapshot Document::snapshot() const
{
    return d->project;
}

const plan::Plan &Document::plan() const
{
    return d->plan;
}

const plan::PlanChange &Document::lastChange() const
{
    return d->change;
}

quint64 Document::generation() const
{
    return d->generation;
}

const std::vector<std::size_t> *Document::changedServicesSince(quint64 seen) const
{
    return seen + 1 == d->generation && !d->change.allServices ? &d->change.services : nullptr;
}

QUndoStack *Document::undoStack() const
{
    return d->undoStack;
}

QString Document::filePath() const
{
    return d->filePath;
}

QString Document::displayName() const
{
    if (!d->filePath.isEmpty())
        return QFileInfo(d->filePath).fileName();
    if (!d->project->name.empty())
        return QString::fromStdString(d->project->name);
    return tr("Untitled");
}

bool Document::isModified() const
{
    return d->modified;
}

void Document::reset(model::Project project, const QString &filePath)
{
    // Clearing first: the commands on the stack describe edits of the project being replaced.
    d->undoStack->clear();
    d->project = std::make_shared<const model::Project>(std::move(project));
    d->plan = plan::makePlan(*d->project, planOptions(d->rankings));
    d->change = plan::PlanChange();
    ++d->generation;
    const bool pathChanged = d->filePath != filePath;
    d->filePath = filePath;
    d->undoStack->setClean();
    if (d->modified) {
        d->modified = false;
        Q_EMIT modifiedChanged(false);
    }
    Q_EMIT projectChanged();
    if (pathChanged)
        Q_EMIT filePathChanged();
}

bool Document::open(const QString &path, rules::Diagnostics *diagnostics)
{
    io::LoadResult result = io::loadProjectFile(localPath(path));
    if (diagnostics)
        *diagnostics = result.diagnostics;
    if (!result.project)
        return false;
    reset(std::move(*result.project), QFileInfo(path).absoluteFilePath());
    return true;
}

void Document::openDemo()
{
    io::LoadResult result
        = io::loadProjectText(io::demoProjectText(), std::string(io::demoProjectFileName));
    // The demo is compiled in and tested (tst_projectfile); an empty project is the fallback
    // should it ever not load.
    reset(result.project ? std::move(*result.project) : model::Project());
}

bool Document::save(QString *error)
{
    if (d->filePath.isEmpty()) {
        if (error)
            *error = tr("The project has no file yet: choose where to save it.");
        return false;
    }
    return saveAs(d->filePath, error);
}

bool Document::saveAs(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        if (error)
            *error = tr("No file name given.");
        return false;
    }
    if (auto failure = io::saveProjectFile(*d->project, localPath(path))) {
        if (error)
            *error = QString::fromStdString(*failure);
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const bool pathChanged = d->filePath != absolute;
    d->filePath = absolute;
    d->undoStack->setClean();
    if (pathChanged)
        Q_EMIT filePathChanged();
    return true;
}

void Document::applyProject(model::Project project)
{
    applyProject(std::make_shared<const model::Project>(std::move(project)));
}

void Document::applyProject(ProjectSnapshot project)
{
    plan::PlanOptions options = planOptions(d->rankings);
    options.previousPodSubnets = podSubnetsOf(d->plan);
    // The plan being replaced lends its elections to the new one (plan::PlanOptions).
    const ProjectSnapshot before = std::exchange(d->project, std::move(project));
    plan::Plan previous = std::move(d->plan);
    options.previousProject = before.get();
    options.previousPlan = &previous;
    options.change = &d->change;
    d->plan = plan::makePlan(*d->project, options);
    ++d->generation;
    Q_EMIT projectChanged();
    // Freeing the services' plans of the one replaced (2,000 of them, a hundred fallbacks
    // each) took a millisecond of an edit that moves every service, and nothing on screen
    // waits for it: it waits for the repaint.
    d->disposal->dispose(std::move(previous));
}

} // namespace k3snet
