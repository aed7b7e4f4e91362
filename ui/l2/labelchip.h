// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace k3snet {

// One requirement of a label selector drawn as a chip ("zone=rack1 ×"), in colours taken from
// the palette; its × button (reachable with Tab) asks for its removal.
class LabelChip : public QWidget
{
    Q_OBJECT

public:
    explicit LabelChip(const QString &text, QWidget *parent = nullptr);

    QString text() const { return m_text; }
    QToolButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    void removeRequested();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QLabel *m_label;
    QToolButton *m_remove;
};

} // namespace k3snet
