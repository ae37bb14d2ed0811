// Runs the collector off the GUI thread: the worker lives on its own QThread (SourcesPanel owns
// both); progress and the result travel back as queued signals with plain values; Stop is an
// atomic flag inside the collector, read between requests and while one is in flight.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>

#include "collector.h"

namespace azllm::ui {

class CollectWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectWorker)

public:
    explicit CollectWorker(QObject *parent = nullptr) : QObject(parent) {}

    // Safe from any thread: the collection stops after the request in flight.
    void requestStop() { m_stopRequested.store(true); }
    void clearStop() { m_stopRequested.store(false); }

    // Blocks the worker's thread until done; emits finished() exactly once.
    void collect(const QList<azllm::sources::CollectSource> &sources,
                 const azllm::sources::CollectOptions &options);

Q_SIGNALS:
    void progressed(int done, int total, const QString &url);
    // documents: new articles; summary: one line for people; problems: "url: why".
    void finished(int documents, const QString &summary, const QStringList &problems);

private:
    std::atomic<bool> m_stopRequested{false};
};

} // namespace azllm::ui
