#include "knowledge_file.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

#include "corpus_reader.h"
#include "pdf_text.h"

namespace azllm {
namespace {

QString qt(const std::string &s)
{
    return QString::fromStdString(s);
}

// "laws/qanun.md" -> "qanun"; compression suffixes go first ("qanun.txt.gz" -> "qanun").
QString documentName(const QFileInfo &file)
{
    QString name = file.fileName();
    for (const char *suffix : {".gz", ".bz2", ".xz", ".zst"})
        if (name.endsWith(QLatin1String(suffix), Qt::CaseInsensitive))
            name.chop(qsizetype(qstrlen(suffix)));
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return dot > 0 ? name.left(dot) : name;
}

QString formatOf(const QFileInfo &file)
{
    const QString name = file.fileName().toLower();
    const QString base = documentName(file).toLower();
    return name.size() > base.size() + 1 ? name.mid(base.size() + 1).section(QLatin1Char('.'), 0, 0)
                                         : QString();
}

std::optional<QString> hashOf(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha1);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return std::nullopt;
    return QString::fromLatin1(hash.result().toHex());
}

// The line a CorpusReader document starts at: its source is "path" or "path:line".
int firstLineOf(const std::string &source, const std::string &path)
{
    if (source.size() > path.size() + 1 && source.compare(0, path.size(), path) == 0)
        return std::max(1, std::atoi(source.c_str() + path.size() + 1));
    return 1;
}

QVector<SourceLine> readTextLines(const QString &path, const QString &format,
                                  QVector<FileIssue> &issues, bool *usable)
{
    const std::string file = path.toStdString();
    ImportOptions options;
    options.maxDocumentBytes = std::size_t(64) << 20; // documents stay whole: lines keep numbers
    CorpusReader reader({file}, options);
    QVector<SourceLine> lines;
    const bool perLine = format == QLatin1String("jsonl");
    reader.read([&](Document &&document) {
        int number = firstLineOf(document.source, file);
        if (!lines.isEmpty())
            lines.push_back({number, QString()}); // documents never run into each other
        for (const QString &line : qt(document.text).split(QLatin1Char('\n')))
            lines.push_back({perLine ? number : number++, line});
        return true;
    });
    for (const ImportIssue &issue : reader.issues())
        issues.push_back({qt(issue.where), qt(issue.message)});
    *usable = reader.skippedFiles() == 0;
    return lines;
}

} // namespace

bool isPdf(const QString &path)
{
    return path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
}

FileListing listKnowledgeFiles(const QStringList &inputs)
{
    FileListing listing;
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (!info.exists()) {
            listing.issues.push_back({input, QStringLiteral("no such file or folder")});
        } else if (info.isDir()) {
            const CorpusReader reader({input.toStdString()});
            for (const std::string &file : reader.files())
                listing.files << QFileInfo(qt(file)).absoluteFilePath();
            listing.ignored += int(reader.ignoredFiles());
            // CorpusReader counts PDFs among the files it passes over; they are ours.
            QDirIterator pdfs(input, {QStringLiteral("*.pdf"), QStringLiteral("*.PDF")},
                              QDir::Files, QDirIterator::Subdirectories);
            while (pdfs.hasNext()) {
                const QFileInfo pdf(pdfs.next());
                const QString relative = QDir(input).relativeFilePath(pdf.absoluteFilePath());
                const bool hidden = relative.startsWith(QLatin1Char('.')) ||
                                    relative.contains(QLatin1String("/."));
                if (!hidden) {
                    listing.files << pdf.absoluteFilePath();
                    --listing.ignored;
                }
            }
        } else if (isPdf(input) || CorpusReader::isSupported(input.toStdString())) {
            listing.files << info.absoluteFilePath();
        } else {
            listing.issues.push_back(
                {input, QStringLiteral("unsupported file type (a knowledge base reads .txt, .md, "
                                       ".html, .jsonl and .pdf); skipped")});
        }
    }
    std::sort(listing.files.begin(), listing.files.end());
    listing.files.erase(std::unique(listing.files.begin(), listing.files.end()),
                        listing.files.end());
    listing.ignored = std::max(0, listing.ignored);
    return listing;
}

std::optional<KnowledgeFile> readKnowledgeFile(const QString &path, QVector<FileIssue> &issues)
{
    const QFileInfo info(path);
    KnowledgeFile file;
    file.path = info.absoluteFilePath();
    file.name = documentName(info);
    file.format = formatOf(info);
    file.bytes = info.size();
    const std::optional<QString> hash = hashOf(path);
    if (!hash) {
        issues.push_back({path, QStringLiteral("cannot be read; skipped")});
        return std::nullopt;
    }
    file.hash = *hash;
    if (isPdf(path)) {
        QString error;
        const std::optional<QStringList> lines = readPdfLines(path, &error);
        if (!lines) {
            issues.push_back({path, error});
            return std::nullopt;
        }
        for (qsizetype i = 0; i < lines->size(); ++i)
            file.lines.push_back({int(i + 1), lines->at(i)});
        return file;
    }
    bool usable = false;
    file.lines = readTextLines(file.path, file.format, issues, &usable);
    if (!usable)
        return std::nullopt;
    return file;
}

} // namespace azllm
