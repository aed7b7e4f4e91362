// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <memory>
#include <vector>

namespace k3snet {

// Keeps what an edit replaced (the plan before it, the topology's old chip contents) until
// the window's next repaint has been done, then frees it: freeing thousands of objects is
// work that nothing on screen waits for, and was a millisecond of an edit that moves 2,000
// services. Without an event loop (tests, tools), at most a few batches wait; older ones are
// freed as new ones come.
class DeferredDisposal : public QObject
{
    Q_OBJECT

public:
    explicit DeferredDisposal(QObject *parent = nullptr);
    ~DeferredDisposal() override;

    template<typename T> void dispose(T value) { keep(std::make_shared<T>(std::move(value))); }
    // How many batches wait (for tests).
    std::size_t pending() const { return m_kept.size(); }

protected:
    bool event(QEvent *event) override;

private:
    void keep(std::shared_ptr<void> batch);

    std::vector<std::shared_ptr<void>> m_kept;
};

} // namespace k3snet
