#include "robots_rules.h"

#include <QRegularExpression>

namespace azllm::sources {

RobotsRules RobotsRules::disallowAll()
{
    RobotsRules rules;
    rules.m_rules.append({QStringLiteral("/"), false});
    return rules;
}

RobotsRules RobotsRules::parse(const QString &text, const QString &productToken)
{
    // Groups: consecutive User-agent lines, then their rules. Ours, else "*".
    RobotsRules mine, any;
    bool haveMine = false;
    QList<RobotsRules *> current;
    bool inRules = false;
    const QString token = productToken.toLower();
    for (QString line : text.split(QLatin1Char('\n'))) {
        line = line.section(QLatin1Char('#'), 0, 0).trimmed();
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon < 0)
            continue;
        const QString key = line.left(colon).trimmed().toLower();
        const QString value = line.mid(colon + 1).trimmed();
        if (key == QLatin1String("user-agent")) {
            if (inRules)
                current.clear();
            inRules = false;
            const QString agent = value.toLower();
            if (agent == QLatin1String("*"))
                current.append(&any);
            else if (!token.isEmpty() && token.contains(agent)) {
                current.append(&mine);
                haveMine = true;
            }
            continue;
        }
        inRules = true;
        for (RobotsRules *rules : current) {
            if (key == QLatin1String("allow") || key == QLatin1String("disallow")) {
                if (!value.isEmpty()) // "Disallow:" with nothing allows everything
                    rules->m_rules.append({value, key == QLatin1String("allow")});
            } else if (key == QLatin1String("crawl-delay")) {
                rules->m_crawlDelay = value.toDouble();
            }
        }
    }
    return haveMine ? mine : any;
}

bool RobotsRules::matches(const QString &pattern, const QString &path)
{
    if (!pattern.contains(QLatin1Char('*')) && !pattern.endsWith(QLatin1Char('$')))
        return path.startsWith(pattern);
    QString expression = QRegularExpression::escape(pattern);
    expression.replace(QStringLiteral("\\*"), QStringLiteral(".*"));
    if (expression.endsWith(QStringLiteral("\\$")))
        expression = expression.left(expression.size() - 2) + QLatin1Char('$');
    return QRegularExpression(QStringLiteral("^") + expression).match(path).hasMatch();
}

bool RobotsRules::allows(const QString &pathAndQuery) const
{
    int bestLength = -1;
    bool allowed = true;
    for (const Rule &rule : m_rules) {
        if (!matches(rule.pattern, pathAndQuery))
            continue;
        const int length = int(rule.pattern.size());
        if (length > bestLength || (length == bestLength && rule.allow)) {
            bestLength = length;
            allowed = rule.allow;
        }
    }
    return allowed;
}

} // namespace azllm::sources
