// SPDX-License-Identifier: GPL-3.0-or-later
#include "texttable.h"

#include <QTextStream>

TextTable::TextTable(QStringList header)
    : m_header(std::move(header))
{
}

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < m_header.size())
        cells.append(QString());
    m_rows.append(std::move(cells));
}

void TextTable::print(QTextStream &out, const QString &indent) const
{
    QList<qsizetype> widths(m_header.size(), 0);
    auto measure = [&widths](const QStringList &row) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    };
    measure(m_header);
    for (const auto &row : m_rows)
        measure(row);
    auto printRow = [&](const QStringList &row) {
        QString line = indent;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            const QString cell = c < row.size() ? row[c] : QString();
            line += c + 1 < widths.size() ? cell.leftJustified(widths[c] + 2) : cell;
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out << line << '\n';
    };
    printRow(m_header);
    for (const auto &row : m_rows)
        printRow(row);
}
