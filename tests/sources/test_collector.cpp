// The collector against a local HTTP server this test starts on 127.0.0.1 (never any other
// address): fixture feeds, a sitemap index, a URL list, robots.txt, 404, 429 with Retry-After,
// a redirect loop, a page that never answers, malformed HTML, a duplicate under another URL, and
// conditional requests on the second run.
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include "collector.h"
#include "robots_rules.h"
#include "web_feed.h"

using namespace azllm::sources;

namespace {

struct Answer
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool never = false; // hold the connection without answering
};

// A minimal HTTP/1.1 server: one request per connection, answers from a table of handlers.
class FixtureServer : public QObject
{
public:
    using Handler = std::function<Answer(const QHash<QByteArray, QByteArray> &headers)>;

    FixtureServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    void route(const QByteArray &path, Handler handler) { m_routes.insert(path, handler); }
    void page(const QByteArray &path, const QByteArray &html)
    {
        route(path, [html](const auto &) { return Answer{200, html, {}, false}; });
    }
    int hits(const QByteArray &path) const { return m_hits.value(path); }
    QByteArray lastUserAgent() const { return m_userAgent; }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> lines = buffer.split('\n');
        const QByteArray target = lines[0].split(' ').value(1);
        const QByteArray path = target.split('?').value(0);
        QHash<QByteArray, QByteArray> headers;
        for (const QByteArray &line : lines.mid(1)) {
            const int colon = line.indexOf(':');
            if (colon > 0)
                headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        m_userAgent = headers.value("user-agent");
        ++m_hits[path];
        const auto found = m_routes.find(path);
        const Answer answer =
            found == m_routes.end() ? Answer{404, "yoxdur", {}, false} : found.value()(headers);
        if (answer.never)
            return;
        QByteArray response = "HTTP/1.1 " + QByteArray::number(answer.status) + " X\r\n";
        for (const auto &[name, value] : answer.headers)
            response += name + ": " + value + "\r\n";
        response += "Content-Length: " + QByteArray::number(answer.body.size()) +
                    "\r\nConnection: close\r\n\r\n" + answer.body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QByteArray, Handler> m_routes;
    QHash<QByteArray, int> m_hits;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QByteArray m_userAgent;
};

QByteArray article(const QByteArray &title, const QByteArray &body,
                   const QByteArray &extraHead = {})
{
    return "<!doctype html><html lang=\"az\"><head><title>" + title + " | Xəbər</title>" +
           extraHead +
           "</head><body><nav><a href=\"/\">Ana səhifə</a> <a href=\"/idman\">İdman"
           "</a></nav><article><h1>" +
           title +
           "</h1><time datetime=\"2024-05-01\">1 may</time>"
           "<p>" +
           body +
           "</p><p>İkinci abzas: şəhərdə yeni park açıldı, sakinlər sevindi.</p>"
           "<div class=\"share\">Paylaş: Facebook</div></article><aside><ul><li><a href=\"/x\">"
           "Oxşar xəbər</a></li></ul></aside><footer>Bütün hüquqlar qorunur</footer></body></html>";
}

} // namespace

class TestCollector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void robotsRules();
    void canonicalUrls();
    void feedsAndSitemapsParsed();
    void sourcesFileRoundTrip();
    void collectsPolitelyAndResumes();

private:
    QList<QJsonObject> documents(const QString &dir) const;
};

void TestCollector::robotsRules()
{
    const RobotsRules rules = RobotsRules::parse(
        QStringLiteral("User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /gizli/\n"
                       "Allow: /gizli/acik\nDisallow: /*.pdf$\nCrawl-delay: 3\n"),
        QStringLiteral("AzLLMStudio"));
    QVERIFY(rules.allows(QStringLiteral("/xeber/1")));
    QVERIFY(!rules.allows(QStringLiteral("/gizli/sened")));
    QVERIFY(rules.allows(QStringLiteral("/gizli/acik/1")));
    QVERIFY(!rules.allows(QStringLiteral("/a/b.pdf")));
    QVERIFY(rules.allows(QStringLiteral("/a/b.pdf?x=1")));
    QCOMPARE(rules.crawlDelaySeconds(), 3.0);
    const RobotsRules ours = RobotsRules::parse(
        QStringLiteral("User-agent: *\nDisallow: /\nUser-agent: azllmstudio\nDisallow: /x\n"),
        QStringLiteral("AzLLMStudio"));
    QVERIFY(ours.allows(QStringLiteral("/y")));
    QVERIFY(!RobotsRules::disallowAll().allows(QStringLiteral("/")));
}

void TestCollector::canonicalUrls()
{
    QCOMPARE(canonicalUrl(
                 QUrl(QStringLiteral("HTTPS://Xeber.EXAMPLE.az:443/a/../b?utm_source=x&id=5#son")))
                 .toString(),
             QStringLiteral("https://xeber.example.az/b?id=5"));
    QCOMPARE(canonicalUrl(QUrl(QStringLiteral("http://x.az?fbclid=1"))).toString(),
             QStringLiteral("http://x.az/"));
}

void TestCollector::feedsAndSitemapsParsed()
{
    const QUrl base(QStringLiteral("https://x.az/feed"));
    const FeedContent rss =
        parseFeed("<rss><channel><title>X</title><item><title>Bir</title><link>/xeber/1</link>"
                  "<pubDate>Wed, 01 May 2024 10:00:00 +0400</pubDate></item></channel></rss>",
                  base);
    QCOMPARE(rss.entries.size(), 1);
    QCOMPARE(rss.entries[0].url.toString(), QStringLiteral("https://x.az/xeber/1"));
    QCOMPARE(rss.entries[0].title, QStringLiteral("Bir"));
    QVERIFY(rss.entries[0].date.startsWith(QStringLiteral("Wed")));
    const FeedContent atom =
        parseFeed("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>İki</title>"
                  "<link rel=\"alternate\" "
                  "href=\"https://x.az/2\"/><updated>2024-05-02</updated></entry></feed>",
                  base);
    QCOMPARE(atom.entries.size(), 1);
    QCOMPARE(atom.entries[0].url.toString(), QStringLiteral("https://x.az/2"));
    const FeedContent index = parseFeed(
        "<sitemapindex><sitemap><loc>https://x.az/s1.xml</loc></sitemap></sitemapindex>", base);
    QCOMPARE(index.sitemaps.size(), 1);
    const FeedContent broken = parseFeed("<rss><channel><item><link>/a</link></item>", base);
    QVERIFY(broken.error.contains(QStringLiteral("line")));
}

void TestCollector::sourcesFileRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sources.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# saytlar\nfeed https://x.az/rss CC BY 4.0\n\nsitemap https://y.az/sitemap.xml "
               "İstifadə şərtləri: yalnız təhsil\nurls /tmp/list.txt\n");
    file.close();
    const QList<CollectSource> sources = readSourcesFile(path);
    QCOMPARE(sources.size(), 3);
    QCOMPARE(sources[0].licence, QStringLiteral("CC BY 4.0"));
    QCOMPARE(sources[1].licence, QStringLiteral("İstifadə şərtləri: yalnız təhsil"));
    QCOMPARE(int(sources[2].kind), int(CollectSource::Kind::UrlList));
    QVERIFY(sourcesFileText(sources).contains(QStringLiteral("feed https://x.az/rss CC BY 4.0")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("feed\n");
    file.close();
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, readSourcesFile(path));
}

QList<QJsonObject> TestCollector::documents(const QString &dir) const
{
    QList<QJsonObject> objects;
    QFile file(dir + QStringLiteral("/documents.jsonl"));
    if (file.open(QIODevice::ReadOnly))
        for (const QByteArray &line : file.readAll().split('\n'))
            if (!line.isEmpty())
                objects << QJsonDocument::fromJson(line).object();
    return objects;
}

void TestCollector::collectsPolitelyAndResumes()
{
    FixtureServer server;
    server.route("/robots.txt", [](const auto &) {
        return Answer{200, "User-agent: *\nDisallow: /gizli/\n", {}, false};
    });
    const QByteArray feed =
        "<?xml version=\"1.0\"?><rss><channel><title>Xəbər</title>"
        "<item><title>Bir</title><link>/xeber/1</link><pubDate>Wed, 01 May 2024</pubDate></item>"
        "<item><link>/xeber/2?utm_source=rss</link></item>"
        "<item><link>/gizli/sened</link></item><item><link>/yoxdur</link></item>"
        "<item><link>/mesgul</link></item><item><link>/dovre-a</link></item>"
        "<item><link>/yavas</link></item><item><link>/pozuq</link></item>"
        "<item><link>/tekrar</link></item></channel></rss>";
    server.route("/feed.xml", [feed](const QHash<QByteArray, QByteArray> &headers) {
        if (headers.value("if-none-match") == "\"v1\"")
            return Answer{304, {}, {{"ETag", "\"v1\""}}, false};
        return Answer{200, feed, {{"ETag", "\"v1\""}}, false};
    });
    server.route("/sitemap.xml", [&server](const auto &) {
        return Answer{200,
                      "<sitemapindex><sitemap><loc>" +
                          server.url(QStringLiteral("/sitemap-xeber.xml")).toString().toUtf8() +
                          "</loc></sitemap></sitemapindex>",
                      {},
                      false};
    });
    server.route("/sitemap-xeber.xml", [](const auto &) {
        return Answer{200,
                      "<urlset><url><loc>/xeber/3</loc><lastmod>2024-05-03</lastmod></url>"
                      "</urlset>",
                      {},
                      false};
    });
    server.page(
        "/xeber/1",
        article("Bakıda yeni metro stansiyası",
                "Bakı metrosunun yeni stansiyası bu gün açıldı və minlərlə sərnişin qəbul etdi."));
    server.page("/xeber/2",
                article("Gəncədə festival",
                        "Gəncədə keçirilən musiqi festivalına on minə yaxın qonaq gəldi."));
    server.page("/xeber/3",
                article("Şəkidə turizm",
                        "Şəki şəhəri bu il turistlərin ən çox gəldiyi yerlərdən biri oldu."));
    server.page("/xeber/4",
                article("Lənkəranda çay",
                        "Lənkəran çayçıları bu il rekord məhsul topladılar və bazara çıxardılar."));
    server.page("/gizli/sened", article("Gizli", "Bu səhifəni heç kim oxumamalıdır."));
    int busyCalls = 0;
    server.route("/mesgul", [&busyCalls](const auto &) {
        if (++busyCalls == 1)
            return Answer{429, "sonra", {{"Retry-After", "1"}}, false};
        return Answer{200,
                      article("Quba almaları",
                              "Quba bağlarında alma yığımı başladı və fermerlər çox razıdırlar."),
                      {},
                      false};
    });
    server.route("/dovre-a", [](const auto &) {
        return Answer{302, {}, {{"Location", "/dovre-b"}}, false};
    });
    server.route("/dovre-b", [](const auto &) {
        return Answer{302, {}, {{"Location", "/dovre-a"}}, false};
    });
    server.route("/yavas", [](const auto &) { return Answer{200, {}, {}, true}; });
    server.page("/pozuq",
                "<html><body><div><p>Pozuq HTML: <b>qalın <i>mətn</b> burada</i> "
                "bağlanmayan teqlər <p>və Naxçıvanın <span>tarixi abidələri haqqında yazı."
                "<table><tr><td>hücrə</table></div>");
    server.page(
        "/tekrar",
        article("Bakıda yeni metro stansiyası",
                "Bakı metrosunun yeni stansiyası bu gün açıldı və minlərlə sərnişin qəbul etdi.",
                "<link rel=\"canonical\" href=\"/xeber/1\">"));

    QTemporaryDir dir;
    const QString listPath = dir.filePath(QStringLiteral("list.txt"));
    QFile list(listPath);
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write(server.url(QStringLiteral("/xeber/4")).toString().toUtf8() + "\n# şərh\n");
    list.close();
    const QList<CollectSource> sources = {
        {CollectSource::Kind::Feed, server.url(QStringLiteral("/feed.xml")).toString(),
         QStringLiteral("CC BY 4.0")},
        {CollectSource::Kind::Sitemap, server.url(QStringLiteral("/sitemap.xml")).toString(),
         QStringLiteral("Yalnız təhsil üçün")},
        {CollectSource::Kind::UrlList, listPath, QString()}};
    CollectOptions options;
    options.outputDir = dir.filePath(QStringLiteral("out"));
    options.delaySeconds = 0.01;
    options.timeoutMs = 700;

    CollectReport report = Collector(options).run(sources);
    QCOMPARE(report.documents, 6); // 1, 2, 3, 4, the busy one, the malformed one
    QCOMPARE(report.robotsBlocked, 1);
    QCOMPARE(server.hits("/gizli/sened"), 0);
    QCOMPARE(report.alreadyHad, 1); // /tekrar is /xeber/1 by its canonical link
    QCOMPARE(report.failed, 3);     // 404, the redirect loop, the page that never answers
    QCOMPARE(busyCalls, 2);
    QVERIFY(report.problems.join(QLatin1Char('\n')).contains(QStringLiteral("redirect loop")));
    QVERIFY(server.lastUserAgent().startsWith("AzLLMStudio/"));
    QCOMPARE(server.hits("/robots.txt"), 1);

    const QList<QJsonObject> docs = documents(options.outputDir);
    QCOMPARE(docs.size(), 6);
    QCOMPARE(docs[0].value(QStringLiteral("title")).toString(),
             QStringLiteral("Bakıda yeni metro stansiyası"));
    const QString text = docs[0].value(QStringLiteral("text")).toString();
    QVERIFY(text.contains(QStringLiteral("minlərlə sərnişin")));
    QVERIFY2(
        !text.contains(QStringLiteral("Ana səhifə")) && !text.contains(QStringLiteral("Paylaş")) &&
            !text.contains(QStringLiteral("Oxşar")) && !text.contains(QStringLiteral("hüquqlar")),
        qPrintable(text));
    QCOMPARE(docs[0].value(QStringLiteral("licence")).toString(), QStringLiteral("CC BY 4.0"));
    QCOMPARE(docs[0].value(QStringLiteral("date")).toString(), QStringLiteral("2024-05-01"));
    QVERIFY(docs[1].value(QStringLiteral("url")).toString().endsWith(QStringLiteral("/xeber/2")));
    bool malformed = false;
    for (const QJsonObject &doc : docs)
        malformed |=
            doc.value(QStringLiteral("text")).toString().contains(QStringLiteral("Naxçıvanın"));
    QVERIFY(malformed);

    // Second run: the feed answers 304 to its ETag, no page is fetched again.
    const int before = server.hits("/xeber/1");
    report = Collector(options).run(sources);
    QCOMPARE(report.documents, 0);
    QCOMPARE(report.notModified, 1);
    QCOMPARE(server.hits("/xeber/1"), before);
    QCOMPARE(server.hits("/xeber/3"), 1);
    QCOMPARE(documents(options.outputDir).size(), 6);
}

QTEST_GUILESS_MAIN(TestCollector)
#include "test_collector.moc"
