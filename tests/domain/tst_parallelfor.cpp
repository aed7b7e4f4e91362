// SPDX-License-Identifier: GPL-3.0-or-later
// util::parallelFor: every index exactly once, in contiguous parts on several threads, the
// calling thread alone for small counts, and a part's exception reaches the caller.
#include "domain/util/parallelfor.h"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace k3snet;

class TestParallelFor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyIndexOnce_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("minPerPart");
        QTest::newRow("nothing") << 0 << 1;
        QTest::newRow("one") << 1 << 1;
        QTest::newRow("fewer than a part") << 100 << 256;
        QTest::newRow("two parts' worth") << 600 << 256;
        QTest::newRow("uneven") << 1001 << 1;
        QTest::newRow("large") << 100000 << 64;
    }
    void everyIndexOnce()
    {
        QFETCH(int, count);
        QFETCH(int, minPerPart);
        std::vector<std::atomic<int>> hits(static_cast<std::size_t>(count));
        std::atomic<int> emptyParts = 0; // QVERIFY may not run on other threads
        std::mutex mutex;
        std::set<std::pair<std::size_t, std::size_t>> parts;
        util::parallelFor(
            std::size_t(count), std::size_t(minPerPart), [&](std::size_t begin, std::size_t end) {
                emptyParts += begin >= end;
                for (std::size_t i = begin; i < end; ++i)
                    ++hits[i];
                const std::lock_guard lock(mutex);
                parts.emplace(begin, end);
            });
        QCOMPARE(emptyParts.load(), 0);
        for (int i = 0; i < count; ++i)
            QCOMPARE(hits[std::size_t(i)].load(), 1);
        const unsigned expected = util::parallelParts(std::size_t(count), std::size_t(minPerPart));
        QCOMPARE(parts.size(), count == 0 ? std::size_t(0) : std::size_t(expected));
        // Contiguous and in order: each part starts where the one before ended.
        std::size_t next = 0;
        for (const auto &[begin, end] : parts) {
            QCOMPARE(begin, next);
            next = end;
        }
        QCOMPARE(next, std::size_t(count));
    }

    void smallCountsStayOnTheCallingThread()
    {
        const auto caller = std::this_thread::get_id();
        std::set<std::thread::id> threads;
        util::parallelFor(255, 256,
            [&](std::size_t, std::size_t) { threads.insert(std::this_thread::get_id()); });
        QCOMPARE(threads, std::set<std::thread::id>{caller});
    }

    void largeCountsUseOtherThreads()
    {
        if (util::parallelThreads(100000, 1) < 2)
            QSKIP("this machine has one processor: there is no second thread to use");
        const auto caller = std::this_thread::get_id();
        std::mutex mutex;
        std::set<std::thread::id> threads;
        // Each part takes a while, so the workers are awake before the caller is done with
        // its own (it takes the parts nobody has taken yet rather than wait for them).
        util::parallelFor(100000, 1, [&](std::size_t, std::size_t) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            const std::lock_guard lock(mutex);
            threads.insert(std::this_thread::get_id());
        });
        QVERIFY(threads.count(caller));
        QCOMPARE(threads.size(), std::size_t(util::parallelThreads(100000, 1)));
    }

    // A caller whose workers are slow to come takes their parts itself: every part runs once
    // whoever runs it.
    void callerTakesPartsNobodyTook()
    {
        std::atomic<int> parts = 0;
        for (int call = 0; call < 500; ++call)
            util::parallelFor(
                4, 1, [&](std::size_t begin, std::size_t end) { parts += int(end - begin); });
        QCOMPARE(parts.load(), 500 * 4);
    }

    // The workers are kept between calls: thousands of calls in a row, each complete.
    void manyCallsInARow()
    {
        std::atomic<long> sum = 0;
        for (int call = 0; call < 2000; ++call)
            util::parallelFor(64, 1, [&](std::size_t begin, std::size_t end) {
                for (std::size_t i = begin; i < end; ++i)
                    sum += long(i);
            });
        QCOMPARE(sum.load(), 2000L * (63 * 64 / 2));
    }

    // A part that calls parallelFor (the pool is busy then) runs the inner parts itself.
    void nestedCallsRunInline()
    {
        std::atomic<int> inner = 0;
        util::parallelFor(1000, 1, [&](std::size_t, std::size_t) {
            util::parallelFor(
                1000, 1, [&](std::size_t begin, std::size_t end) { inner += int(end - begin); });
        });
        QCOMPARE(inner.load(), 1000 * int(util::parallelParts(1000, 1)));
    }

    // Two threads calling at once: one gets the workers, the other does its parts itself;
    // both see every index once.
    void concurrentCallersAreServed()
    {
        std::vector<std::atomic<int>> a(50000), b(50000);
        const auto fill = [](std::vector<std::atomic<int>> &hits) {
            for (int round = 0; round < 50; ++round)
                util::parallelFor(hits.size(), 1, [&](std::size_t begin, std::size_t end) {
                    for (std::size_t i = begin; i < end; ++i)
                        ++hits[i];
                });
        };
        std::thread other([&] { fill(b); });
        fill(a);
        other.join();
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].load(), 50);
            QCOMPARE(b[i].load(), 50);
        }
    }

    void exceptionsReachTheCaller()
    {
        for (const std::size_t failing : {std::size_t(0), std::size_t(99999)}) {
            bool caught = false;
            try {
                util::parallelFor(100000, 1, [&](std::size_t begin, std::size_t end) {
                    if (failing >= begin && failing < end)
                        throw std::runtime_error("part failed");
                });
            } catch (const std::runtime_error &e) {
                caught = QByteArray(e.what()) == "part failed";
            }
            QVERIFY2(caught, qPrintable(QString::number(failing)));
        }
    }
};

QTEST_APPLESS_MAIN(TestParallelFor)
#include "tst_parallelfor.moc"
