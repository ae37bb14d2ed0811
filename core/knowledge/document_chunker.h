// Cuts a document into the pieces a knowledge base retrieves, following the structure of
// Azerbaijani legal and reference texts: `Bölmə` and `Fəsil` headings and Markdown headings give
// each chunk its heading path; `Maddə N` and `Maddə N-1` start articles; an article longer than
// the size limit is cut at its numbered parts (`N.M.`), then at paragraphs, then at sentences,
// with some overlap; short articles under one heading may share a chunk. Every chunk keeps the
// articles it holds and the lines it came from.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace azllm {

// One line of a document as read, with its 1-based line number in the file (for a PDF or an
// HTML page: in the text extracted from it).
struct SourceLine
{
    int number = 0;
    QString text;
};

struct ChunkingOptions
{
    // A chunk's text stays under this many characters (about 250 tokens of Azerbaijani with a
    // small vocabulary), so one fits in a 256-token model's prompt with the question.
    int maxChars = 900;
    // A whole article shorter than this joins the next one under the same heading.
    int minChars = 120;
    // When a long article is cut, the next piece repeats up to this many characters of the end
    // of the previous one, so a sentence split between them is found from either.
    int overlapChars = 150;
};

struct DocumentChunk
{
    QString heading;     // "II fəsil. Təhsil sistemi › Maddə 12-1. Rəqəmsal platformalar"
    QStringList articles; // "12-1"; several when short articles share the chunk; empty outside
    int firstLine = 0;
    int lastLine = 0;
    QString text;        // the lines as written, joined with \n
    // What the index reads: the text, after the article's own heading line when the chunk is a
    // later piece of a long article (so every piece can be found by the article's title).
    QString indexText;
};

class DocumentChunker
{
public:
    explicit DocumentChunker(ChunkingOptions options = {});

    QVector<DocumentChunk> chunk(const QVector<SourceLine> &lines) const;

    // The document's title: its first Markdown `#` heading, else its first line when that is
    // short and not an article, else `fallback` (the file name).
    static QString titleOf(const QVector<SourceLine> &lines, const QString &fallback);
    // The article a line starts ("12-1" for "Maddə 12-1. ..."), empty when it starts none.
    static QString articleStartedBy(const QString &line);

private:
    ChunkingOptions m_options;
};

} // namespace azllm
