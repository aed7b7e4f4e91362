// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provision/noderesult.h"
#include "provision/provisionreport.h"
#include "provision/step.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <QTimer>

namespace k3snet::provision {
class Provisioner;
}

// The live progress of a provisioning run on the terminal. On a terminal: one line per node
// (bar, percent, current step), redrawn in place at most ten times a second, with warnings and
// failures scrolling above it. Piped: one plain line per step change and per result, so a log
// file reads in order. Thread-safe suspend()/resume() let a prompt take the terminal.
class ProgressView : public QObject
{
    Q_OBJECT

public:
    // fd: the descriptor behind stream (whether it is a terminal, its width).
    ProgressView(QTextStream &stream, int fd, bool verbose, QObject *parent = nullptr);
    void attach(k3snet::provision::Provisioner *provisioner);
    bool isLive() const { return m_live; }

    void suspend();
    void resume();
    // Writes a line above the live block (or just the line when piped).
    void printLine(const QString &line);

    // The table after the run: node, result, details; then the totals.
    static void printSummary(QTextStream &out, const k3snet::provision::ProvisionReport &report);

private:
    struct Row
    {
        QString node;
        k3snet::provision::Step step = k3snet::provision::Step::Connect;
        double fraction = 0.0;
        bool started = false;
        bool finished = false;
        k3snet::provision::NodeResult result;
    };

    void onStarted(const QStringList &nodes);
    void onStep(const QString &node, k3snet::provision::Step step, double fraction);
    void onLog(const QString &node, const QString &line);
    void onNodeFinished(const k3snet::provision::NodeResult &result);
    Row *row(const QString &node);
    void redrawLocked();
    void writeLocked(const QString &line);
    void eraseLocked();
    QString rowText(const Row &r) const;
    int width() const;

    QTextStream &m_out;
    int m_fd;
    bool m_live;
    bool m_verbose;
    QMutex m_mutex; // the terminal: the view (main thread) and a prompt (worker thread)
    bool m_suspended = false;
    bool m_dirty = false;
    int m_drawn = 0; // lines of the live block now on screen
    int m_nameWidth = 4;
    QList<Row> m_rows;
    QStringList m_held; // lines written while suspended
    QTimer m_timer;
};
