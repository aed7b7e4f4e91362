// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectfilecontroller.h"

#include "document/document.h"
#include "document/importyamlcommand.h"
#include "domain/io/metallbimport.h"
#include "domain/io/projectfile.h"
#include "k3snet_ui_debug.h"
#include "recentfiles.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <QUndoStack>
#include <QWidget>

#include <variant>

namespace k3snet {

namespace {

const auto projectSuffix = QStringLiteral(".k3snet.yaml");

std::string localPath(const QString &path)
{
    return QFile::encodeName(path).toStdString();
}

QStringList describe(const rules::Diagnostics &diagnostics)
{
    QStringList lines;
    for (const auto &d : diagnostics)
        lines << QString::fromStdString(d.toString());
    return lines;
}

// "picluster" of "picluster.k3snet.yaml" or "metallb.yaml".
QString baseName(const QString &path)
{
    QString name = QFileInfo(path).fileName();
    for (const auto &suffix : {projectSuffix, QStringLiteral(".yaml"), QStringLiteral(".yml")}) {
        if (name.endsWith(suffix)) {
            name.chop(suffix.size());
            break;
        }
    }
    return name;
}

} // namespace

ProjectFileController::ProjectFileController(
    Document *document, RecentFiles *recentFiles, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_recentFiles(recentFiles)
    , m_window(window)
{
    connect(document, &Document::modifiedChanged, this, &ProjectFileController::stateChanged);
    connect(document, &Document::filePathChanged, this, &ProjectFileController::stateChanged);
}

bool ProjectFileController::needsSaving() const
{
    return m_open && (m_document->isModified() || m_neverSaved);
}

void ProjectFileController::setOpen(bool open, bool neverSaved)
{
    const bool wasOpen = m_open;
    m_open = open;
    m_neverSaved = neverSaved;
    if (open)
        Q_EMIT opened();
    else if (wasOpen)
        Q_EMIT closed();
    Q_EMIT stateChanged();
}

QString ProjectFileController::startDirectory() const
{
    if (!m_document->filePath().isEmpty())
        return QFileInfo(m_document->filePath()).absolutePath();
    if (!m_recentFiles->files().isEmpty())
        return QFileInfo(m_recentFiles->files().constFirst()).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void ProjectFileController::showProblems(
    const QString &title, const QString &text, const QStringList &details)
{
    qCWarning(K3SNET_UI) << text << details.mid(0, 3);
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    if (!details.isEmpty()) {
        // The first lines tell the story; a file with hundreds of errors needs an editor anyway.
        QStringList shown = details.mid(0, 50);
        if (details.size() > shown.size())
            shown << tr("… and %n more", nullptr, int(details.size() - shown.size()));
        box.setInformativeText(details.constFirst());
        box.setDetailedText(shown.join(QLatin1Char('\n')));
    }
    box.exec();
}

bool ProjectFileController::openFile(const QString &path)
{
    auto input = io::readInputFile(localPath(path), io::maxProjectFileBytes, "a project file");
    if (auto *failure = std::get_if<rules::Diagnostic>(&input)) {
        if (!QFileInfo::exists(path))
            m_recentFiles->remove(path);
        showProblems(tr("Open Project"), tr("Cannot open %1.").arg(QDir::toNativeSeparators(path)),
            {QString::fromStdString(failure->message)});
        return false;
    }
    // Kubernetes or MetalLB YAML given where a project was expected: import it.
    if (!io::isProjectText(std::get<std::string>(input)))
        return importYaml(path, false);
    rules::Diagnostics diagnostics;
    if (!m_document->open(path, &diagnostics)) {
        showProblems(tr("Open Project"),
            tr("%1 is not a valid k3snet project.").arg(QDir::toNativeSeparators(path)),
            describe(diagnostics));
        return false;
    }
    m_recentFiles->add(path);
    setOpen(true, false);
    Q_EMIT statusMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool ProjectFileController::importFile(const QString &path)
{
    return importYaml(path, m_open);
}

bool ProjectFileController::importYaml(const QString &path, bool merge)
{
    auto input = io::readInputFile(localPath(path), io::maxProjectFileBytes, "a YAML file");
    if (auto *failure = std::get_if<rules::Diagnostic>(&input)) {
        showProblems(tr("Import YAML"), tr("Cannot import %1.").arg(QDir::toNativeSeparators(path)),
            {QString::fromStdString(failure->message)});
        return false;
    }
    const QString fileName = QFileInfo(path).fileName();
    io::ImportResult result
        = io::importKubernetesYaml(std::get<std::string>(input), fileName.toStdString());
    if (result.hasErrors()) {
        showProblems(tr("Import YAML"),
            tr("%1 cannot be imported: it has errors. Nothing was changed.").arg(fileName),
            describe(result.diagnostics));
        return false;
    }
    if (merge) {
        auto *command = new ImportYamlCommand(m_document, result, fileName);
        m_document->undoStack()->push(command);
    } else {
        model::Project project = result.project;
        if (project.name.empty())
            project.name = baseName(path).toStdString();
        m_document->reset(std::move(project));
        setOpen(true, true);
    }
    Q_EMIT statusMessage(
        tr("Imported %n object(s) from %1", nullptr, int(result.objects.size())).arg(fileName));
    return true;
}

void ProjectFileController::openDemo()
{
    if (!maybeSave())
        return;
    m_document->openDemo();
    setOpen(true, false);
}

void ProjectFileController::newProject()
{
    if (!maybeSave())
        return;
    startProject(model::Project());
}

void ProjectFileController::startProject(model::Project project)
{
    m_document->reset(std::move(project));
    setOpen(true, true);
}

bool ProjectFileController::saveTo(const QString &path)
{
    QString error;
    if (!m_document->saveAs(path, &error)) {
        showProblems(tr("Save Project"), tr("The project was not saved."), {error});
        return false;
    }
    m_neverSaved = false;
    m_recentFiles->add(m_document->filePath());
    Q_EMIT stateChanged();
    Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_document->filePath())));
    return true;
}

void ProjectFileController::chooseAndOpen()
{
    const QString path
        = QFileDialog::getOpenFileName(m_window, tr("Open Project"), startDirectory(),
            tr("k3snet projects (*.k3snet.yaml);;Kubernetes and MetalLB YAML (*.yaml *.yml);;All "
               "files (*)"));
    if (!path.isEmpty() && maybeSave())
        openFile(path);
}

void ProjectFileController::chooseAndImport()
{
    const QString path = QFileDialog::getOpenFileName(m_window,
        tr("Import MetalLB or kubectl YAML"), startDirectory(),
        tr("Kubernetes and MetalLB YAML (*.yaml *.yml *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    importFile(path);
}

bool ProjectFileController::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveTo(m_document->filePath());
}

bool ProjectFileController::saveAs()
{
    const QString suggested
        = QDir(startDirectory()).filePath(baseName(m_document->displayName()) + projectSuffix);
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Save Project As"), suggested, tr("k3snet projects (*.k3snet.yaml)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".yaml")) && !path.endsWith(QLatin1String(".yml")))
        path += projectSuffix;
    return saveTo(path);
}

bool ProjectFileController::maybeSave()
{
    if (!needsSaving())
        return true;
    const auto answer = QMessageBox::warning(m_window, tr("Unsaved Changes"),
        tr("The project “%1” has changes that are not saved.\n"
           "Do you want to save them?")
            .arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool ProjectFileController::closeProject()
{
    if (!maybeSave())
        return false;
    m_document->reset(model::Project());
    setOpen(false, false);
    return true;
}

} // namespace k3snet
