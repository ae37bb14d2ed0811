// Polite collection of news pages (Qt Network): RSS/Atom feeds, sitemaps and URL lists; each
// site's robots.txt obeyed (its Crawl-delay too); one request at a time per site, at least
// `delaySeconds` apart; a user agent that names the studio; canonical URLs; conditional
// requests (ETag, Last-Modified) for feeds and sitemaps, and no page fetched twice; 429 and 503
// answers wait for Retry-After; redirects followed by hand (loops and chains cut off).
//
// Everything is kept in the output folder, appended as it happens, so a stopped collection
// resumes where it stopped (format in docs/formats.md):
//   documents.jsonl   one collected article a line: text, title, url, date, licence, source
//   fetch_state.tsv   one fetched URL a line: url, status, etag, last-modified, canonical, time
// documents.jsonl is an input like any other for `azllm prepare` and the Data screen.
#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace azllm::sources {

struct CollectSource
{
    enum class Kind
    {
        Feed,
        Sitemap,
        UrlList
    };
    Kind kind = Kind::Feed;
    QString location; // a URL; for a URL list also a local file
    QString licence;  // the site's licence or terms, as the learner recorded them
};

// "feed", "sitemap", "urls" and back.
QString kindKey(CollectSource::Kind kind);
bool kindFromKey(const QString &key, CollectSource::Kind &kind);

// A sources file: one source a line, "feed|sitemap|urls LOCATION [licence or terms ...]";
// blank lines and lines starting with # are skipped. Throws std::runtime_error naming the
// file and line of a bad one.
QList<CollectSource> readSourcesFile(const QString &path);
QString sourcesFileText(const QList<CollectSource> &sources);

struct CollectOptions
{
    QString outputDir;
    QString userAgent =
        QStringLiteral("AzLLMStudio/0.1 (an Azerbaijani language-model course; polite collector)");
    double delaySeconds = 1.0;  // between two requests to one site, at least
    int timeoutMs = 20000;      // per request
    int maxRetries = 2;         // after 429/503
    double maxRetryAfter = 120; // longer waits are not made; the page fails instead
    int maxPages = 0;           // stop after this many new documents (0: no limit)
    // Read while waiting and while a request is in flight, from any thread (a Stop button).
    const std::atomic<bool> *stop = nullptr;
};

struct CollectProgress
{
    int done = 0;  // pages handled this run
    int total = 0; // pages known so far
    QString url;   // the one being fetched
};

struct CollectReport
{
    int documents = 0;     // new articles written
    int alreadyHad = 0;    // pages skipped: fetched by an earlier run, or a known canonical
    int notModified = 0;   // feeds and sitemaps answering 304
    int robotsBlocked = 0; // pages robots.txt keeps us from
    int failed = 0;        // errors, timeouts, redirect loops, empty articles
    bool stopped = false;
    QStringList problems; // "url: what went wrong"
};

class Collector
{
public:
    explicit Collector(CollectOptions options);
    ~Collector();
    Collector(const Collector &) = delete;
    Collector &operator=(const Collector &) = delete;

    // Runs to the end (or a stop) in the calling thread, which needs no event loop of its own.
    // progress may return false to stop; requestStop() works from any thread.
    CollectReport run(const QList<CollectSource> &sources,
                      const std::function<bool(const CollectProgress &)> &progress = {});
    void requestStop() { m_stop.store(true); }

private:
    bool stopping() const { return m_stop.load() || (m_options.stop && m_options.stop->load()); }
    struct Response;
    struct Page;
    Response fetch(const QUrl &url, bool conditional);
    Response fetchOnce(const QUrl &url, bool conditional);
    bool robotsAllow(const QUrl &url);
    void waitForHost(const QString &host);
    bool sleepFor(double seconds);
    QList<Page> listPages(const CollectSource &source, int depth = 0, const QUrl &sitemap = {});
    void collectPage(const Page &page);
    void loadState();
    void recordState(const QUrl &url, int status, const QString &etag, const QString &modified,
                     const QString &canonical);
    void writeDocument(const Page &page, const QString &title, const QString &text,
                       const QString &canonical, const QString &date);

    struct Impl;
    CollectOptions m_options;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::atomic<bool> m_stop{false};
    CollectReport m_report;
    struct FetchState
    {
        int status = 0;
        QString etag, lastModified;
    };
    QHash<QString, FetchState> m_state; // by canonical URL
    QSet<QString> m_canonicals;         // pages already collected
    std::unique_ptr<Impl> m_impl;
};

} // namespace azllm::sources
