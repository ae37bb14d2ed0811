#include "document_chunker.h"

#include <QRegularExpression>

#include <algorithm>

#include "azerbaijani_text.h"

namespace azllm {

namespace {

// Between the headings of a chunk's heading path.
const QString kPathSeparator = QStringLiteral(" \u203A ");

enum class UnitKind
{
    Heading,
    Article,
    Paragraph
};

// A heading line, an article's first line, or a paragraph (a numbered part `N.M.` starts one).
struct Unit
{
    UnitKind kind = UnitKind::Paragraph;
    int level = 0;   // headings: 1 (Bölmə, #) and deeper
    QString article; // Article: its number
    QVector<SourceLine> lines;

    QString text() const
    {
        QStringList parts;
        for (const SourceLine &line : lines)
            parts << line.text.trimmed();
        return parts.join(QLatin1Char('\n'));
    }
};

// Units under one heading path: an article (from its first line to the next article or
// heading) or the text between headings that belongs to no article.
struct Section
{
    QStringList path;
    QString article;
    QString articleHead;
    QVector<Unit> units;
};

// A sentence or a whole paragraph of a section, with the lines it spans.
struct Atom
{
    int unit = 0;
    qsizetype start = 0; // within the unit's text
    qsizetype end = 0;
    int firstLine = 0;
    int lastLine = 0;
    qsizetype size() const { return end - start; }
};

// Markdown markup around a heading or an article's first line: "### **Maddə 5.**" -> "Maddə 5."
QString withoutMarkup(const QString &line)
{
    static const QRegularExpression markup(QStringLiteral("^[#*_\\s]+|[#*_\\s]+$"));
    return QString(line).remove(markup);
}

int markdownLevel(const QString &trimmed)
{
    static const QRegularExpression heading(QStringLiteral("^(#{1,6})\\s+\\S"));
    const QRegularExpressionMatch m = heading.match(trimmed);
    return m.hasMatch() ? int(m.capturedLength(1)) : 0;
}

// Bölmə (part) 1, Fəsil (chapter) 2, also when numbered first ("II fəsil", "Birinci bölmə").
int structuralLevel(const QString &trimmed)
{
    if (trimmed.size() > 150)
        return 0;
    static const QRegularExpression named(QStringLiteral(
        "^(?:(?:[0-9]+|[ıivxlc]+|birinci|ikinci|üçüncü|dördüncü|beşinci|altıncı|yeddinci|"
        "səkkizinci|doqquzuncu|onuncu)(?:-?(?:ci|cı|cu|cü))?[.)]?\\s+)?(fəsil|bölmə)(?:\\s|[.:]|$)"));
    const QRegularExpressionMatch m = named.match(foldAzerbaijani(withoutMarkup(trimmed)));
    if (!m.hasMatch())
        return 0;
    return m.captured(1) == QStringLiteral("bölmə") ? 1 : 2;
}

bool startsNumberedPart(const QString &trimmed)
{
    static const QRegularExpression part(QStringLiteral("^\\d+(?:-\\d+)?\\.\\d+(?:\\.\\d+)*\\.?\\s"));
    return part.match(trimmed).hasMatch();
}

QVector<Unit> unitsOf(const QVector<SourceLine> &lines)
{
    QVector<Unit> units;
    bool open = false; // whether units.back() is a paragraph still taking lines
    for (const SourceLine &line : lines) {
        const QString trimmed = line.text.trimmed();
        if (trimmed.isEmpty()) {
            open = false;
            continue;
        }
        if (const QString article = DocumentChunker::articleStartedBy(trimmed); !article.isEmpty()) {
            units.push_back({UnitKind::Article, 0, article, {line}});
            open = false;
            continue;
        }
        const int level = markdownLevel(trimmed) ? markdownLevel(trimmed) : structuralLevel(trimmed);
        if (level > 0) {
            units.push_back({UnitKind::Heading, level, {}, {line}});
            open = false;
            continue;
        }
        if (!open || startsNumberedPart(trimmed)) {
            units.push_back({UnitKind::Paragraph, 0, {}, {}});
            open = true;
        }
        units.back().lines.push_back(line);
    }
    return units;
}

QVector<Section> sectionsOf(const QVector<Unit> &units, const QString &title)
{
    QVector<Section> sections;
    QVector<QPair<int, QString>> headings; // the open headings, outermost first
    const auto path = [&headings] {
        QStringList names;
        for (const auto &h : headings)
            names << h.second;
        return names;
    };
    bool inSection = false;
    for (const Unit &unit : units) {
        switch (unit.kind) {
        case UnitKind::Heading: {
            const QString name = withoutMarkup(unit.text());
            while (!headings.isEmpty() && headings.back().first >= unit.level)
                headings.pop_back();
            if (name != title) // the document's own title is already its title
                headings.push_back({unit.level, name});
            inSection = false;
            break;
        }
        case UnitKind::Article:
            sections.push_back({path(), unit.article, withoutMarkup(unit.text()), {unit}});
            inSection = true;
            break;
        case UnitKind::Paragraph:
            if (!inSection)
                sections.push_back({path(), {}, {}, {}});
            sections.back().units.push_back(unit);
            inSection = true;
            break;
        }
    }
    return sections;
}

// The line holding character `offset` of a unit's text.
int lineAt(const Unit &unit, qsizetype offset)
{
    qsizetype start = 0;
    for (const SourceLine &line : unit.lines) {
        const qsizetype end = start + line.text.trimmed().size();
        if (offset <= end)
            return line.number;
        start = end + 1; // the \n between lines
    }
    return unit.lines.back().number;
}

// Where a unit's text may be cut: after a sentence end (. ! ? ;) and a space, once the
// sentence is long enough not to be a part number ("12.1."); a sentence still longer than
// `limit` is cut at the last space before it.
QVector<qsizetype> sentenceEnds(const QString &text, int limit)
{
    QVector<qsizetype> ends;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool end = QStringLiteral(".!?;").contains(text[i]) && i + 1 < text.size() &&
                         text[i + 1].isSpace() && i + 1 - start >= 20;
        if (end) {
            ends << i + 1;
            start = i + 2;
        } else if (i - start >= limit) {
            const qsizetype space = text.lastIndexOf(QLatin1Char(' '), i);
            const qsizetype cut = space > start ? space : i;
            ends << cut;
            start = cut + 1;
            i = cut;
        }
    }
    ends << text.size();
    return ends;
}

QVector<Atom> atomsOf(const Section &section, int limit, bool splitSentences)
{
    QVector<Atom> atoms;
    for (int u = 0; u < section.units.size(); ++u) {
        const Unit &unit = section.units[u];
        const QString text = unit.text();
        const QVector<qsizetype> ends =
            splitSentences ? sentenceEnds(text, limit) : QVector<qsizetype>{text.size()};
        qsizetype start = 0;
        for (qsizetype end : ends) {
            while (start < end && text[start].isSpace())
                ++start;
            if (end > start)
                atoms.push_back({u, start, end, lineAt(unit, start), lineAt(unit, end)});
            start = end;
        }
    }
    return atoms;
}

qsizetype spanSize(const QVector<Atom> &atoms, int first, int last)
{
    qsizetype size = 0;
    for (int i = first; i < last; ++i)
        size += atoms[i].size() + 1;
    return size;
}

QString spanText(const Section &section, const QVector<Atom> &atoms, int first, int last)
{
    QString text;
    for (int i = first; i < last;) {
        // Consecutive atoms of one unit come back as the unit wrote them, spaces and all.
        int j = i + 1;
        while (j < last && atoms[j].unit == atoms[i].unit)
            ++j;
        if (!text.isEmpty())
            text += QLatin1Char('\n');
        const QString unitText = section.units[atoms[i].unit].text();
        text += unitText.mid(atoms[i].start, atoms[j - 1].end - atoms[i].start);
        i = j;
    }
    return text;
}

// A chunk and what decides whether it may share with its neighbour.
struct Piece
{
    DocumentChunk chunk;
    QString path; // the headings above its article
    bool whole = false; // a whole section, not a piece of a long one
};

QVector<Piece> cutSection(const Section &section, const ChunkingOptions &options)
{
    const QString path = section.path.join(kPathSeparator);
    const QString heading = section.article.isEmpty() || path.isEmpty()
                                ? QString(path + section.articleHead)
                                : QString(path + kPathSeparator + section.articleHead);
    const QVector<Atom> wholeUnits = atomsOf(section, options.maxChars, false);
    const bool fits = spanSize(wholeUnits, 0, int(wholeUnits.size())) <= options.maxChars + 1;
    const QVector<Atom> atoms = fits ? wholeUnits : atomsOf(section, options.maxChars, true);
    QVector<Piece> pieces;
    int first = 0;
    while (first < atoms.size()) {
        int last = first + 1;
        while (last < atoms.size() && spanSize(atoms, first, last + 1) <= options.maxChars + 1)
            ++last;
        // Prefer to cut between paragraphs or numbered parts, if that keeps half a chunk.
        if (last < atoms.size())
            for (int b = last - 1; b > first; --b)
                if (atoms[b].unit != atoms[b - 1].unit) {
                    if (spanSize(atoms, first, b) >= options.maxChars / 2)
                        last = b;
                    break;
                }
        Piece piece{{}, path, fits};
        DocumentChunk &chunk = piece.chunk;
        chunk.heading = heading;
        if (!section.article.isEmpty())
            chunk.articles << section.article;
        chunk.firstLine = atoms[first].firstLine;
        chunk.lastLine = atoms[last - 1].lastLine;
        chunk.text = spanText(section, atoms, first, last);
        chunk.indexText = pieces.isEmpty() || section.articleHead.isEmpty()
                              ? chunk.text
                              : QString(section.articleHead + QLatin1Char('\n') + chunk.text);
        pieces.push_back(piece);
        if (last >= atoms.size())
            break;
        // The next piece starts with the end of this one, up to overlapChars.
        int next = last;
        while (next - 1 > first && spanSize(atoms, next - 1, last) <= options.overlapChars)
            --next;
        first = next;
    }
    return pieces;
}

QVector<DocumentChunk> mergeShortArticles(const QVector<Piece> &pieces, const ChunkingOptions &options)
{
    QVector<Piece> merged;
    for (const Piece &piece : pieces) {
        Piece *into = merged.isEmpty() ? nullptr : &merged.back();
        const bool shares = into && into->whole && piece.whole &&
                            into->chunk.text.size() < options.minChars &&
                            !into->chunk.articles.isEmpty() && !piece.chunk.articles.isEmpty() &&
                            into->path == piece.path &&
                            into->chunk.text.size() + 1 + piece.chunk.text.size() <=
                                options.maxChars;
        if (!shares) {
            merged.push_back(piece);
            continue;
        }
        DocumentChunk &chunk = into->chunk;
        chunk.articles += piece.chunk.articles;
        chunk.heading += QStringLiteral("; ") + piece.chunk.heading.section(kPathSeparator, -1);
        chunk.lastLine = piece.chunk.lastLine;
        chunk.text += QLatin1Char('\n') + piece.chunk.text;
        chunk.indexText = chunk.text;
    }
    QVector<DocumentChunk> chunks;
    for (const Piece &piece : merged)
        chunks.push_back(piece.chunk);
    return chunks;
}

} // namespace

DocumentChunker::DocumentChunker(ChunkingOptions options) : m_options(options) {}

QString DocumentChunker::articleStartedBy(const QString &line)
{
    static const QRegularExpression article(
        QStringLiteral("^maddə\\s+(\\d+(?:-\\d+)?)(?=$|[\\s.:)])"));
    const QRegularExpressionMatch m = article.match(foldAzerbaijani(withoutMarkup(line)));
    return m.hasMatch() ? m.captured(1) : QString();
}

QString DocumentChunker::titleOf(const QVector<SourceLine> &lines, const QString &fallback)
{
    for (const SourceLine &line : lines) {
        const QString trimmed = line.text.trimmed();
        if (trimmed.startsWith(QLatin1String("# ")))
            return withoutMarkup(trimmed);
    }
    for (const SourceLine &line : lines) {
        const QString trimmed = withoutMarkup(line.text.trimmed());
        if (trimmed.isEmpty())
            continue;
        const bool titleLike = trimmed.size() <= 120 && articleStartedBy(trimmed).isEmpty() &&
                               !trimmed.endsWith(QLatin1Char('.'));
        return titleLike ? trimmed : fallback;
    }
    return fallback;
}

QVector<DocumentChunk> DocumentChunker::chunk(const QVector<SourceLine> &lines) const
{
    QVector<Piece> pieces;
    for (const Section &section : sectionsOf(unitsOf(lines), titleOf(lines, QString())))
        pieces += cutSection(section, m_options);
    return mergeShortArticles(pieces, m_options);
}

} // namespace azllm
