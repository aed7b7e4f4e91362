// SPDX-License-Identifier: GPL-3.0-or-later
#include "startpagewidget.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace k3snet {

namespace {

QLabel *heading(const QString &text, qreal scale, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * scale);
    label->setFont(f);
    return label;
}

} // namespace

StartPageWidget::StartPageWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    setAccessibleName(tr("Start page"));

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize) * 2;
    icon->setPixmap(QApplication::windowIcon().pixmap(iconSize, iconSize));
    icon->setFixedSize(iconSize, iconSize);
    auto *title = heading(tr("k3snet"), 2.0, this);
    auto *tagline
        = new QLabel(tr("See, design and run the network of your K3s cluster: nodes, pod subnets, "
                        "VXLAN tunnels and MetalLB address pools."),
            this);
    tagline->setWordWrap(true);
    auto *titleBox = new QVBoxLayout;
    titleBox->addWidget(title);
    titleBox->addWidget(tagline);
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addSpacing(12);
    top->addLayout(titleBox, 1);

    auto makeButton
        = [this](const QString &text, const QString &description, const QString &iconName,
              QStyle::StandardPixmap fallback, const QString &objectName) {
              auto *b = new QCommandLinkButton(text, description, this);
              b->setIcon(QIcon::fromTheme(iconName, style()->standardIcon(fallback)));
              b->setObjectName(objectName);
              b->setAccessibleName(text);
              b->setAccessibleDescription(description);
              return b;
          };
    auto *newButton = makeButton(tr("New Project…"),
        tr("Describe your LAN and your nodes; k3s's defaults are filled in."),
        QStringLiteral("document-new"), QStyle::SP_FileIcon, QStringLiteral("newProjectButton"));
    auto *openButton = makeButton(tr("Open Project…"), tr("Open a *.k3snet.yaml project file."),
        QStringLiteral("document-open"), QStyle::SP_DialogOpenButton,
        QStringLiteral("openProjectButton"));
    auto *demoButton = makeButton(tr("Open the Demo Cluster"),
        tr("Four Raspberry Pis on 10.0.0.0/24 with Traefik behind a MetalLB pool."),
        QStringLiteral("applications-education"), QStyle::SP_ComputerIcon,
        QStringLiteral("openDemoButton"));
    auto *importButton = makeButton(tr("Import MetalLB or kubectl YAML…"),
        tr("Pools, L2 advertisements, services and nodes from manifests or a "
           "kubectl get -o yaml dump."),
        QStringLiteral("document-import"), QStyle::SP_ArrowDown,
        QStringLiteral("importYamlButton"));
    connect(newButton, &QAbstractButton::clicked, this, &StartPageWidget::newProjectRequested);
    connect(openButton, &QAbstractButton::clicked, this, &StartPageWidget::openRequested);
    connect(demoButton, &QAbstractButton::clicked, this, &StartPageWidget::demoRequested);
    connect(importButton, &QAbstractButton::clicked, this, &StartPageWidget::importRequested);

    auto *startBox = new QVBoxLayout;
    startBox->addWidget(heading(tr("Start"), 1.25, this));
    startBox->addWidget(newButton);
    startBox->addWidget(openButton);
    startBox->addWidget(demoButton);
    startBox->addWidget(importButton);
    startBox->addStretch(1);

    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("recentProjects"));
    m_recent->setAccessibleName(tr("Recent projects"));
    m_recent->setUniformItemSizes(true);
    m_recent->setTextElideMode(Qt::ElideMiddle);
    m_recent->setSpacing(2);
    // As tall as its entries, not as the page.
    m_recent->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_recent->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_noRecent = new QLabel(tr("Projects you open or save will be listed here."), this);
    m_noRecent->setWordWrap(true);
    m_noRecent->setForegroundRole(QPalette::PlaceholderText);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT recentRequested(item->data(Qt::UserRole).toString());
    });
    auto *recentLabel = heading(tr("Recent Projects"), 1.25, this);
    recentLabel->setBuddy(m_recent);
    auto *recentBox = new QVBoxLayout;
    recentBox->addWidget(recentLabel);
    recentBox->addWidget(m_recent);
    recentBox->addWidget(m_noRecent);
    recentBox->addStretch(1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(startBox, 1);
    columns->addSpacing(24);
    columns->addLayout(recentBox, 1);

    auto *content = new QWidget(this);
    content->setMaximumWidth(1000);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(top);
    contentLayout->addSpacing(24);
    contentLayout->addLayout(columns, 1);

    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(24, 24, 24, 24);
    outer->addStretch(1);
    outer->addWidget(content, 4);
    outer->addStretch(1);

    setRecentFiles({});
}

void StartPageWidget::setRecentFiles(const QStringList &files)
{
    m_recent->clear();
    for (const QString &path : files) {
        const QFileInfo info(path);
        auto *item = new QListWidgetItem(m_recent);
        item->setText(
            info.fileName() + QLatin1Char('\n') + QDir::toNativeSeparators(info.absolutePath()));
        item->setToolTip(QDir::toNativeSeparators(path));
        item->setData(Qt::UserRole, path);
        item->setIcon(QIcon::fromTheme(
            QStringLiteral("text-x-generic"), style()->standardIcon(QStyle::SP_FileIcon)));
    }
    m_recent->setVisible(!files.isEmpty());
    m_noRecent->setVisible(files.isEmpty());
}

} // namespace k3snet
