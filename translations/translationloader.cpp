// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations/translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace k3snet {

void installTranslations(QCoreApplication &app)
{
    const QLocale locale;
    auto *ours = new QTranslator(&app);
    // English is the source language, but its catalogue holds the plural forms ("1 error");
    // it is the fallback for every language without a catalogue of its own.
    if (ours->load(locale, QStringLiteral("k3snet"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || ours->load(QStringLiteral(":/i18n/k3snet_en.qm")))
        QCoreApplication::installTranslator(ours);
    else
        delete ours;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}

} // namespace k3snet
