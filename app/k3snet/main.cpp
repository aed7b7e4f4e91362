// SPDX-License-Identifier: GPL-3.0-or-later
// k3snet: the desktop app. `k3snet [PROJECT]` opens a project (or imports Kubernetes/MetalLB
// YAML); without one it shows the start page.
#include "k3snet_version.h"
#include "mainwindow.h"
#include "projectfilecontroller.h"
#include "translations/translationloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("k3snet"));
    QApplication::setOrganizationDomain(QStringLiteral("k3snet.org"));
    QApplication::setApplicationName(QStringLiteral("k3snet"));
    QApplication::setApplicationVersion(QStringLiteral(K3SNET_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("org.k3snet.k3snet"));
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("k3snet"), QIcon(QStringLiteral(":/icons/k3snet.svg"))));
    k3snet::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "See, design and run the network of a K3s cluster."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
        QApplication::translate("main",
            "A k3snet project (*.k3snet.yaml), or Kubernetes/MetalLB "
            "YAML to import."),
        QStringLiteral("[PROJECT]"));
    QCommandLineOption demoOption(
        QStringLiteral("demo"), QApplication::translate("main", "Open the demo cluster."));
    parser.addOption(demoOption);
    parser.process(app);

    k3snet::MainWindow window;
    window.show();
    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty())
        window.files()->openFile(args.constFirst());
    else if (parser.isSet(demoOption))
        window.files()->openDemo();
    return app.exec();
}
