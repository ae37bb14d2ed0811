// The web sources the learner collects news from (studio.db table web_sources, schema 5): a
// feed, sitemap or URL list and the site's licence or terms as the learner recorded them.
#pragma once

#include <QList>
#include <QString>

#include "studio_database.h"

namespace azllm {

struct WebSource
{
    qint64 id = 0;
    QString kind; // "feed", "sitemap", "urls"
    QString location;
    QString licence;
};

class WebSourceStore
{
public:
    explicit WebSourceStore(StudioDatabase &database) : m_database(database) {}

    // All methods throw DatabaseError naming studio.db.
    QList<WebSource> sources() const; // oldest first
    // Throws DatabaseError when the location is already listed or the kind is unknown.
    qint64 add(const WebSource &source);
    void remove(qint64 id);

private:
    StudioDatabase &m_database;
};

} // namespace azllm
