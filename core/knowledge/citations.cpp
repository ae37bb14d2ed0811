#include "citations.h"

namespace azllm {

QString sourceName(const ChunkRecord &chunk)
{
    if (chunk.articles.isEmpty())
        return chunk.document;
    return chunk.document + QStringLiteral(", Maddə ") +
           chunk.articles.join(QStringLiteral(", "));
}

QString citationText(const ChunkRecord &chunk)
{
    const QString lines = chunk.firstLine == chunk.lastLine
                              ? QString::number(chunk.firstLine)
                              : QString::number(chunk.firstLine) + QChar(0x2013) +
                                    QString::number(chunk.lastLine);
    return sourceName(chunk) + QStringLiteral(", sətir ") + lines;
}

std::vector<PromptSource> promptSources(const QVector<RetrievedChunk> &chunks)
{
    std::vector<PromptSource> sources;
    for (int i = 0; i < chunks.size(); ++i)
        sources.push_back({QStringLiteral("[%1] %2").arg(i + 1).arg(sourceName(chunks[i].chunk))
                               .toStdString(),
                           chunks[i].chunk.text.toStdString()});
    return sources;
}

bool foundAnswerable(const QVector<RetrievedChunk> &chunks, double minCoverage)
{
    for (const RetrievedChunk &c : chunks)
        if (c.coverage >= minCoverage)
            return true;
    return false;
}

QString nothingFoundAnswer(const QString &baseName)
{
    return QStringLiteral("“%1” bilik bazasında bu suala aid mənbə tapmadım, ona görə cavab "
                          "vermirəm: uydurmaq istəmirəm. Sualı başqa sözlərlə yazın və ya bazaya "
                          "uyğun sənəd əlavə edin.")
        .arg(baseName);
}

QString citationsLine(const QVector<RetrievedChunk> &chunks, const std::vector<SourceFit> &fits)
{
    QStringList cited;
    for (int i = 0; i < chunks.size(); ++i) {
        const bool seen = std::size_t(i) < fits.size() && fits[std::size_t(i)].use != SourceUse::Dropped;
        if (seen)
            cited << QStringLiteral("[%1] %2").arg(i + 1).arg(citationText(chunks[i].chunk));
    }
    return cited.isEmpty() ? QString() : QStringLiteral("Mənbələr: ") + cited.join(QStringLiteral("; "));
}

} // namespace azllm
