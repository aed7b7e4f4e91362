// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QTextStream;

// A plain-text table for the terminal, columns padded to their widest cell, like kubectl's.
class TextTable
{
public:
    explicit TextTable(QStringList header);
    void addRow(QStringList cells);
    bool isEmpty() const { return m_rows.isEmpty(); }
    void print(QTextStream &out, const QString &indent = QString()) const;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};
