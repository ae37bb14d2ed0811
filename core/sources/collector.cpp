#include "collector.h"

#include "html_document.h"
#include "robots_rules.h"
#include "web_feed.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <stdexcept>

namespace azllm::sources {

namespace {

constexpr int kMaxRedirects = 5;
constexpr int kMaxSitemapDepth = 2;

QString stateFile(const QString &dir)
{
    return dir + QStringLiteral("/fetch_state.tsv");
}

QString documentsFile(const QString &dir)
{
    return dir + QStringLiteral("/documents.jsonl");
}

bool appendLine(const QString &path, const QByteArray &line)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    // One write per line: a crash leaves whole lines, at worst a last partial one, which the
    // readers skip as malformed.
    return file.write(line + '\n') == line.size() + 1 && file.flush();
}

} // namespace

QString kindKey(CollectSource::Kind kind)
{
    switch (kind) {
    case CollectSource::Kind::Feed:
        return QStringLiteral("feed");
    case CollectSource::Kind::Sitemap:
        return QStringLiteral("sitemap");
    case CollectSource::Kind::UrlList:
        return QStringLiteral("urls");
    }
    return {};
}

bool kindFromKey(const QString &key, CollectSource::Kind &kind)
{
    for (auto k :
         {CollectSource::Kind::Feed, CollectSource::Kind::Sitemap, CollectSource::Kind::UrlList})
        if (kindKey(k) == key) {
            kind = k;
            return true;
        }
    return false;
}

QList<CollectSource> readSourcesFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        throw std::runtime_error("cannot read sources file " + path.toStdString());
    QList<CollectSource> sources;
    int number = 0;
    QTextStream in(&file);
    while (!in.atEnd()) {
        ++number;
        const QString line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = line.split(QRegularExpression(QStringLiteral("\\s+")));
        CollectSource source;
        if (fields.size() < 2 || !kindFromKey(fields[0].toLower(), source.kind))
            throw std::runtime_error(path.toStdString() + ":" + std::to_string(number) +
                                     ": expected \"feed|sitemap|urls LOCATION [licence]\"");
        source.location = fields[1];
        source.licence = line.section(QRegularExpression(QStringLiteral("\\s+")), 2).trimmed();
        sources.append(source);
    }
    return sources;
}

QString sourcesFileText(const QList<CollectSource> &sources)
{
    QString text =
        QStringLiteral("# Az-LLM Studio sources: feed|sitemap|urls LOCATION [licence or terms]\n");
    for (const CollectSource &s : sources)
        text += kindKey(s.kind) + QLatin1Char(' ') + s.location +
                (s.licence.isEmpty() ? QString() : QLatin1Char(' ') + s.licence) +
                QLatin1Char('\n');
    return text;
}

struct Collector::Response
{
    int status = 0; // 0: no answer (network error, timeout)
    QByteArray body;
    QUrl url; // after redirects
    QString etag, lastModified, error;
    double retryAfter = -1;
};

struct Collector::Page
{
    QUrl url;
    QString title, date, licence, source;
};

struct Collector::Impl
{
    QHash<QString, RobotsRules> robots;        // by host:port
    QHash<QString, QElapsedTimer> lastRequest; // by host:port
    QHash<QString, double> hostDelay;          // Crawl-delay, when longer than ours
};

Collector::Collector(CollectOptions options)
    : m_options(std::move(options)), m_network(std::make_unique<QNetworkAccessManager>()),
      m_impl(std::make_unique<Impl>())
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

Collector::~Collector() = default;

bool Collector::sleepFor(double seconds)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < qint64(seconds * 1000)) {
        if (stopping())
            return false;
        QThread::msleep(std::min<qint64>(50, qint64(seconds * 1000) - timer.elapsed() + 1));
    }
    return !stopping();
}

void Collector::waitForHost(const QString &host)
{
    const double delay = std::max(m_options.delaySeconds, m_impl->hostDelay.value(host, 0.0));
    const auto found = m_impl->lastRequest.find(host);
    if (found != m_impl->lastRequest.end())
        sleepFor(delay - double(found->elapsed()) / 1000.0);
    m_impl->lastRequest[host].start();
}

Collector::Response Collector::fetchOnce(const QUrl &url, bool conditional)
{
    Response response;
    response.url = url;
    const QString host = url.host() + QLatin1Char(':') + QString::number(url.port());
    waitForHost(host);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_options.userAgent);
    request.setTransferTimeout(m_options.timeoutMs);
    const FetchState state = m_state.value(canonicalUrl(url).toString());
    if (conditional && !state.etag.isEmpty())
        request.setRawHeader("If-None-Match", state.etag.toUtf8());
    if (conditional && !state.lastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", state.lastModified.toUtf8());
    std::unique_ptr<QNetworkReply> reply(m_network->get(request));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer stopCheck;
    QObject::connect(&stopCheck, &QTimer::timeout, &loop, [&] {
        if (stopping())
            reply->abort();
    });
    stopCheck.start(100);
    if (!reply->isFinished())
        loop.exec();
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.etag = QString::fromUtf8(reply->rawHeader("ETag"));
    response.lastModified = QString::fromUtf8(reply->rawHeader("Last-Modified"));
    if (reply->hasRawHeader("Retry-After"))
        response.retryAfter = reply->rawHeader("Retry-After").trimmed().toDouble();
    if (response.status >= 300 && response.status < 400 && reply->hasRawHeader("Location"))
        response.url = url.resolved(QUrl(QString::fromUtf8(reply->rawHeader("Location"))));
    if (response.status == 0)
        response.error = reply->errorString();
    return response;
}

Collector::Response Collector::fetch(const QUrl &url, bool conditional)
{
    QSet<QString> visited;
    QUrl current = url;
    for (int hop = 0;; ++hop) {
        visited.insert(current.toString());
        Response response;
        for (int attempt = 0;; ++attempt) {
            response = fetchOnce(current, conditional);
            const bool busy = response.status == 429 || response.status == 503;
            if (!busy || attempt >= m_options.maxRetries)
                break;
            const double wait = response.retryAfter >= 0 ? response.retryAfter : 5.0;
            if (wait > m_options.maxRetryAfter || !sleepFor(wait))
                break;
        }
        const bool redirect = response.status >= 300 && response.status < 400 &&
                              response.status != 304 && response.url != current;
        if (!redirect)
            return response;
        if (visited.contains(response.url.toString()) || hop + 1 >= kMaxRedirects) {
            response.status = 0;
            response.error = visited.contains(response.url.toString())
                                 ? QStringLiteral("redirect loop")
                                 : QStringLiteral("too many redirects");
            return response;
        }
        current = response.url;
        if (!robotsAllow(current)) {
            response.status = 0;
            response.error = QStringLiteral("redirected to a page robots.txt disallows");
            return response;
        }
    }
}

bool Collector::robotsAllow(const QUrl &url)
{
    const QString host = url.host() + QLatin1Char(':') + QString::number(url.port());
    if (!m_impl->robots.contains(host)) {
        QUrl robotsUrl = url;
        robotsUrl.setPath(QStringLiteral("/robots.txt"));
        robotsUrl.setQuery(QString());
        const Response response = fetchOnce(robotsUrl, false);
        RobotsRules rules; // a missing robots.txt (404, an error) allows everything
        if (response.status == 401 || response.status == 403)
            rules = RobotsRules::disallowAll();
        else if (response.status == 200)
            rules = RobotsRules::parse(QString::fromUtf8(response.body),
                                       m_options.userAgent.section(QLatin1Char('/'), 0, 0));
        m_impl->robots.insert(host, rules);
        m_impl->hostDelay.insert(host, rules.crawlDelaySeconds());
    }
    const QString path =
        url.path(QUrl::FullyEncoded) +
        (url.hasQuery() ? QLatin1Char('?') + url.query(QUrl::FullyEncoded) : QString());
    return m_impl->robots.value(host).allows(path.isEmpty() ? QStringLiteral("/") : path);
}

QList<Collector::Page> Collector::listPages(const CollectSource &source, int depth,
                                            const QUrl &sitemap)
{
    QList<Page> pages;
    const auto add = [&](const QUrl &url, const QString &title, const QString &date) {
        pages.append({url, title, date, source.licence, source.location});
    };
    if (source.kind == CollectSource::Kind::UrlList && QFile::exists(source.location)) {
        QFile file(source.location);
        if (file.open(QIODevice::ReadOnly | QIODevice::Text))
            for (const QByteArray &line : file.readAll().split('\n'))
                if (!line.trimmed().isEmpty() && !line.startsWith('#'))
                    add(QUrl(QString::fromUtf8(line.trimmed())), {}, {});
        return pages;
    }
    const QUrl url = sitemap.isEmpty() ? QUrl(source.location) : sitemap;
    if (!url.isValid() || url.scheme().isEmpty()) {
        m_report.problems << source.location + QStringLiteral(": not a URL or an existing file");
        return pages;
    }
    if (!robotsAllow(url)) {
        ++m_report.robotsBlocked;
        return pages;
    }
    const Response response = fetch(url, true);
    if (response.status == 304) {
        ++m_report.notModified;
        return pages;
    }
    if (response.status != 200) {
        ++m_report.failed;
        m_report.problems << url.toString() + QStringLiteral(": ") +
                                 (response.error.isEmpty()
                                      ? QStringLiteral("HTTP %1").arg(response.status)
                                      : response.error);
        return pages;
    }
    recordState(url, response.status, response.etag, response.lastModified, QString());
    if (source.kind == CollectSource::Kind::UrlList) {
        for (const QByteArray &line : response.body.split('\n'))
            if (!line.trimmed().isEmpty() && !line.startsWith('#'))
                add(url.resolved(QUrl(QString::fromUtf8(line.trimmed()))), {}, {});
        return pages;
    }
    const FeedContent content = parseFeed(response.body, response.url);
    if (!content.error.isEmpty())
        m_report.problems << url.toString() + QStringLiteral(": ") + content.error;
    for (const FeedEntry &entry : content.entries)
        add(entry.url, entry.title, entry.date);
    if (depth < kMaxSitemapDepth)
        for (const QUrl &nested : content.sitemaps)
            pages += listPages(source, depth + 1, nested);
    return pages;
}

void Collector::collectPage(const Page &page)
{
    const QUrl url = canonicalUrl(page.url);
    const QString key = url.toString();
    if (m_state.value(key).status == 200 || m_canonicals.contains(key)) {
        ++m_report.alreadyHad;
        return;
    }
    if (!robotsAllow(url)) {
        ++m_report.robotsBlocked;
        return;
    }
    const Response response = fetch(url, false);
    if (response.status != 200) {
        ++m_report.failed;
        m_report.problems << key + QStringLiteral(": ") +
                                 (response.error.isEmpty()
                                      ? QStringLiteral("HTTP %1").arg(response.status)
                                      : response.error);
        recordState(url, response.status, {}, {}, {});
        return;
    }
    const Article article = extractArticle(response.body.toStdString());
    QString canonical = key;
    if (!article.canonical.empty())
        canonical =
            canonicalUrl(response.url.resolved(QUrl(QString::fromStdString(article.canonical))))
                .toString();
    recordState(url, response.status, response.etag, response.lastModified, canonical);
    if (canonical != key && m_canonicals.contains(canonical)) {
        ++m_report.alreadyHad; // the same article under another address
        return;
    }
    if (article.text.empty()) {
        ++m_report.failed;
        m_report.problems << key + QStringLiteral(": no article text found");
        return;
    }
    m_canonicals.insert(canonical);
    const QString date =
        article.published.empty() ? page.date : QString::fromStdString(article.published);
    const QString title =
        article.title.empty() ? page.title : QString::fromStdString(article.title);
    writeDocument(page, title, QString::fromStdString(article.text), canonical, date);
}

void Collector::loadState()
{
    QFile file(stateFile(m_options.outputDir));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> f = line.split('\t');
        if (f.size() < 6)
            continue; // a partial last line
        FetchState state{f[1].toInt(), QString::fromUtf8(f[2]), QString::fromUtf8(f[3])};
        m_state.insert(QString::fromUtf8(f[0]), state);
        if (state.status == 200 && !f[4].isEmpty())
            m_canonicals.insert(QString::fromUtf8(f[4]));
    }
}

void Collector::recordState(const QUrl &url, int status, const QString &etag,
                            const QString &modified, const QString &canonical)
{
    const QString key = canonicalUrl(url).toString();
    m_state.insert(key, {status, etag, modified});
    const QStringList fields = {key,       QString::number(status),
                                etag,      modified,
                                canonical, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)};
    if (!appendLine(stateFile(m_options.outputDir), fields.join(QLatin1Char('\t')).toUtf8()))
        throw std::runtime_error("cannot write " + stateFile(m_options.outputDir).toStdString());
}

void Collector::writeDocument(const Page &page, const QString &title, const QString &text,
                              const QString &canonical, const QString &date)
{
    QJsonObject object;
    object.insert(QStringLiteral("text"), text);
    object.insert(QStringLiteral("title"), title);
    object.insert(QStringLiteral("url"), canonical);
    object.insert(QStringLiteral("date"), date);
    object.insert(QStringLiteral("licence"), page.licence);
    object.insert(QStringLiteral("source"), page.source);
    if (!appendLine(documentsFile(m_options.outputDir),
                    QJsonDocument(object).toJson(QJsonDocument::Compact)))
        throw std::runtime_error("cannot write " +
                                 documentsFile(m_options.outputDir).toStdString());
    ++m_report.documents;
}

CollectReport Collector::run(const QList<CollectSource> &sources,
                             const std::function<bool(const CollectProgress &)> &progress)
{
    m_report = {};
    if (!QDir().mkpath(m_options.outputDir))
        throw std::runtime_error("cannot create " + m_options.outputDir.toStdString());
    loadState();
    QList<Page> pages;
    for (const CollectSource &source : sources) {
        if (stopping())
            break;
        pages += listPages(source);
    }
    for (int i = 0; i < pages.size() && !stopping(); ++i) {
        if (progress && !progress({i, int(pages.size()), pages[i].url.toString()}))
            m_stop.store(true);
        if (m_options.maxPages > 0 && m_report.documents >= m_options.maxPages)
            break;
        if (!stopping())
            collectPage(pages[i]);
    }
    m_report.stopped = stopping();
    if (progress)
        progress({int(pages.size()), int(pages.size()), QString()});
    return m_report;
}

} // namespace azllm::sources
