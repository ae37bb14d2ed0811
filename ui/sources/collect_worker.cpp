#include "collect_worker.h"

#include <QElapsedTimer>

#include <exception>

namespace azllm::ui {

void CollectWorker::collect(const QList<sources::CollectSource> &sources,
                            const sources::CollectOptions &options)
{
    sources::CollectOptions withStop = options;
    withStop.stop = &m_stopRequested;
    sources::Collector collector(withStop);
    QElapsedTimer sinceReport;
    try {
        const sources::CollectReport report =
            collector.run(sources, [&](const sources::CollectProgress &p) {
                // A person cannot read faster than this; the last report always goes out.
                if (!sinceReport.isValid() || sinceReport.elapsed() > 100 || p.done == p.total) {
                    sinceReport.start();
                    Q_EMIT progressed(p.done, p.total, p.url);
                }
                return !m_stopRequested.load();
            });
        const QString summary =
            tr("%n new article(s); %1 already collected, %2 kept out by robots.txt, %3 failed.",
               nullptr, report.documents)
                .arg(report.alreadyHad)
                .arg(report.robotsBlocked)
                .arg(report.failed) +
            (report.stopped ? QLatin1Char(' ') + tr("Stopped; Collect again goes on from here.")
                            : QString());
        Q_EMIT finished(report.documents, summary, report.problems);
    } catch (const std::exception &error) {
        Q_EMIT finished(0, tr("Collecting failed: %1").arg(QString::fromUtf8(error.what())), {});
    }
}

} // namespace azllm::ui
