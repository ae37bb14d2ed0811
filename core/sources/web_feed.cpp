#include "web_feed.h"

#include <QUrlQuery>
#include <QXmlStreamReader>

namespace azllm::sources {
namespace {

QString nameOf(const QXmlStreamReader &xml)
{
    return xml.name().toString().toLower();
}

} // namespace

FeedContent parseFeed(const QByteArray &bytes, const QUrl &base)
{
    FeedContent content;
    QXmlStreamReader xml(bytes);
    FeedEntry entry;
    bool inEntry = false, inSitemap = false;
    while (!xml.atEnd()) {
        xml.readNext();
        const QString name = nameOf(xml);
        if (xml.isStartElement()) {
            if (name == QLatin1String("item") || name == QLatin1String("entry") ||
                name == QLatin1String("url")) {
                inEntry = true;
                entry = {};
            } else if (name == QLatin1String("sitemap")) {
                inSitemap = true;
            } else if (inSitemap && name == QLatin1String("loc")) {
                content.sitemaps.append(base.resolved(QUrl(xml.readElementText().trimmed())));
            } else if (inEntry && name == QLatin1String("link")) {
                const QString href = xml.attributes().value(QLatin1String("href")).toString();
                const QString rel = xml.attributes().value(QLatin1String("rel")).toString();
                const QString link = href.isEmpty() ? xml.readElementText().trimmed() : href;
                if (entry.url.isEmpty() && (rel.isEmpty() || rel == QLatin1String("alternate")))
                    entry.url = base.resolved(QUrl(link));
            } else if (inEntry && name == QLatin1String("loc")) {
                entry.url = base.resolved(QUrl(xml.readElementText().trimmed()));
            } else if (inEntry && name == QLatin1String("title")) {
                entry.title = xml.readElementText().trimmed();
            } else if (inEntry &&
                       (name == QLatin1String("pubdate") || name == QLatin1String("published") ||
                        name == QLatin1String("updated") || name == QLatin1String("lastmod") ||
                        name == QLatin1String("date"))) {
                const QString date = xml.readElementText().trimmed();
                if (entry.date.isEmpty())
                    entry.date = date;
            }
        } else if (xml.isEndElement()) {
            if (inEntry && (name == QLatin1String("item") || name == QLatin1String("entry") ||
                            name == QLatin1String("url"))) {
                inEntry = false;
                if (entry.url.isValid() && !entry.url.isEmpty())
                    content.entries.append(entry);
            } else if (name == QLatin1String("sitemap")) {
                inSitemap = false;
            }
        }
    }
    if (xml.hasError())
        content.error = QStringLiteral("line %1, column %2: %3")
                            .arg(xml.lineNumber())
                            .arg(xml.columnNumber())
                            .arg(xml.errorString());
    return content;
}

QUrl canonicalUrl(const QUrl &url)
{
    QUrl canonical = url.adjusted(QUrl::RemoveFragment | QUrl::NormalizePathSegments);
    canonical.setScheme(canonical.scheme().toLower());
    canonical.setHost(canonical.host().toLower());
    if ((canonical.scheme() == QLatin1String("http") && canonical.port() == 80) ||
        (canonical.scheme() == QLatin1String("https") && canonical.port() == 443))
        canonical.setPort(-1);
    if (canonical.path().isEmpty())
        canonical.setPath(QStringLiteral("/"));
    QUrlQuery query(canonical);
    for (const auto &[key, value] : query.queryItems()) {
        if (key.startsWith(QLatin1String("utm_")) || key == QLatin1String("fbclid") ||
            key == QLatin1String("gclid"))
            query.removeAllQueryItems(key);
    }
    canonical.setQuery(query.isEmpty() ? QString() : query.query(QUrl::FullyEncoded),
                       QUrl::StrictMode);
    if (canonical.query().isEmpty())
        canonical.setQuery(QString());
    return canonical;
}

} // namespace azllm::sources
