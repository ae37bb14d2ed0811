// What a feed or sitemap lists, and the canonical form of a URL.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace azllm::sources {

struct FeedEntry
{
    QUrl url;
    QString title;
    QString date; // as the feed writes it (pubDate, updated, lastmod)
};

struct FeedContent
{
    QList<FeedEntry> entries; // pages (RSS items, Atom entries, sitemap urls)
    QList<QUrl> sitemaps;     // a sitemap index's sitemaps
    QString error;            // why it could not be read, naming line and column
};

// RSS 2.0, Atom and sitemaps (urlset and sitemapindex), by their root element. Relative links
// are resolved against base.
FeedContent parseFeed(const QByteArray &xml, const QUrl &base);

// The form under which a page is stored and compared: scheme and host in lower case, no
// default port, no fragment, no tracking parameters (utm_*, fbclid, gclid), no empty query.
QUrl canonicalUrl(const QUrl &url);

} // namespace azllm::sources
