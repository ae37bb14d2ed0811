// What the Data screen shows about one prepared dataset, read from its report.txt
// (format 1, docs/text_pipeline.md) or, for a dataset without one, from its token file headers.
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace azllm::ui {

struct DatasetSummary
{
    QString name;
    QString folder;
    bool hasReport = false;
    QString tokenizerType; // "bpe", "unigram", or "given (path)"
    int vocabSize = 0;
    // Import and cleaning.
    std::uint64_t files = 0, filesSkipped = 0, filesIgnored = 0, bytes = 0;
    std::uint64_t documentsRead = 0, emptyRemoved = 0, exactDuplicates = 0, nearDuplicates = 0,
                  documentsKept = 0;
    // The filters (report keys lang_removed, quality_removed_*, pii_replaced; 0 in older ones).
    std::uint64_t languageRemoved = 0, qualityRemoved = 0, piiReplaced = 0;
    // Split.
    std::uint64_t trainDocuments = 0, valDocuments = 0, trainTokens = 0, valTokens = 0;
    // Statistics on the validation split (or on the training split, see statisticsSplit).
    QString statisticsSplit;
    std::uint64_t words = 0, characters = 0, tokens = 0;
    double fertility = 0, charactersPerToken = 0, byteFallbackShare = 0;
    QList<QPair<QString, std::uint64_t>> topPieces;
    QStringList issues; // "file[:line]: message"

    std::uint64_t totalTokens() const { return trainTokens + valTokens; }
    QString tokenizerPath() const { return folder + QLatin1String("/tokenizer.model"); }
};

// Never throws: a missing or damaged report leaves the fields it could not read at zero.
DatasetSummary readDatasetSummary(const QString &name, const QString &folder);

} // namespace azllm::ui
