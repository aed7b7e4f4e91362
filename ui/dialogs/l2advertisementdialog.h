// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dialogs/objectdialog.h"
#include "domain/model/project.h"

class QComboBox;

namespace k3snet {

class ValidatedLineEdit;

// Adds an L2Advertisement: its name and the pool it starts with (every pool, or one by name).
// Node selectors, pool selectors and interfaces are edited afterwards in the L2 advertisement
// editor, where their effect can be seen.
class L2AdvertisementDialog : public ObjectDialog
{
    Q_OBJECT

public:
    explicit L2AdvertisementDialog(const model::Project &project, QWidget *parent = nullptr);

    model::L2Advertisement advertisement() const;

    ValidatedLineEdit *nameField() const { return m_name; }
    QComboBox *poolField() const { return m_pool; }

private:
    ValidatedLineEdit *m_name;
    QComboBox *m_pool;
};

} // namespace k3snet
