// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;

namespace k3snet {

// Loads the embedded k3snet catalogue and Qt's own for the user's UI language (LANGUAGE,
// LC_ALL, LC_MESSAGES or LANG, as QLocale reads them).
void installTranslations(QCoreApplication &app);

} // namespace k3snet
