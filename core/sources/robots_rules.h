// robots.txt as the collector obeys it (RFC 9309): the group for our user agent (or "*"),
// Allow and Disallow by longest match (Allow wins a tie), "*" and "$" in paths, Crawl-delay.
#pragma once

#include <QString>
#include <QStringList>

namespace azllm::sources {

class RobotsRules
{
public:
    // No rules: everything allowed (a missing robots.txt).
    RobotsRules() = default;
    // productToken: our user agent's name ("AzLLMStudio"), matched case-insensitively.
    static RobotsRules parse(const QString &text, const QString &productToken);
    // Everything disallowed (robots.txt answered 401 or 403).
    static RobotsRules disallowAll();

    bool allows(const QString &pathAndQuery) const;
    double crawlDelaySeconds() const { return m_crawlDelay; }

private:
    struct Rule
    {
        QString pattern;
        bool allow = false;
    };
    static bool matches(const QString &pattern, const QString &path);

    QList<Rule> m_rules;
    double m_crawlDelay = 0;
};

} // namespace azllm::sources
