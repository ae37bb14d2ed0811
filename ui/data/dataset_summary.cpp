#include "dataset_summary.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <stdexcept>

#include "token_file.h"

namespace azllm::ui {
namespace {

using Fields = QHash<QString, QString>;

std::uint64_t number(const Fields &fields, const char *key)
{
    return fields.value(QLatin1String(key)).toULongLong();
}

double decimal(const Fields &fields, const char *key)
{
    return fields.value(QLatin1String(key)).toDouble();
}

// "key: value" lines; repeated keys (issue) and numbered ones (top_piece_N) are handled apart.
void readReport(QFile &file, DatasetSummary &summary)
{
    Fields fields;
    while (!file.atEnd()) {
        QString line = QString::fromUtf8(file.readLine());
        if (line.endsWith(QLatin1Char('\n')))
            line.chop(1);
        const qsizetype colon = line.indexOf(QLatin1String(": "));
        if (line.startsWith(QLatin1Char('#')) || colon < 0)
            continue;
        const QString key = line.left(colon);
        const QString value = line.mid(colon + 2);
        if (key == QLatin1String("issue")) {
            summary.issues << value;
        } else if (key.startsWith(QLatin1String("top_piece_"))) {
            const qsizetype tab = value.lastIndexOf(QLatin1Char('\t'));
            if (tab > 0)
                summary.topPieces.append({value.left(tab), value.mid(tab + 1).toULongLong()});
        } else {
            fields.insert(key, value);
        }
    }
    summary.hasReport = true;
    summary.tokenizerType = fields.value(QStringLiteral("tokenizer_model"));
    summary.vocabSize = fields.value(QStringLiteral("vocab_size")).toInt();
    summary.files = number(fields, "files");
    summary.filesSkipped = number(fields, "files_skipped");
    summary.filesIgnored = number(fields, "files_ignored");
    summary.bytes = number(fields, "bytes");
    summary.documentsRead = number(fields, "documents_read");
    summary.emptyRemoved = number(fields, "empty_removed");
    summary.exactDuplicates = number(fields, "exact_duplicates_removed");
    summary.nearDuplicates = number(fields, "near_duplicates_removed");
    summary.documentsKept = number(fields, "documents_kept");
    summary.languageRemoved = number(fields, "lang_removed");
    for (const char *rule : {"quality_removed_too_short", "quality_removed_too_few_letters",
                             "quality_removed_too_many_symbols", "quality_removed_repeated_lines",
                             "quality_removed_boilerplate"})
        summary.qualityRemoved += number(fields, rule);
    summary.piiReplaced = number(fields, "pii_replaced");
    summary.trainDocuments = number(fields, "train_documents");
    summary.valDocuments = number(fields, "val_documents");
    summary.trainTokens = number(fields, "train_tokens");
    summary.valTokens = number(fields, "val_tokens");
    summary.statisticsSplit = fields.value(QStringLiteral("statistics_split"));
    summary.words = number(fields, "stat_words");
    summary.characters = number(fields, "stat_characters");
    summary.tokens = number(fields, "stat_tokens");
    summary.fertility = decimal(fields, "fertility_tokens_per_word");
    summary.charactersPerToken = decimal(fields, "characters_per_token");
    summary.byteFallbackShare = decimal(fields, "byte_fallback_share");
}

// A dataset prepared elsewhere may lack report.txt; its token files still know their size.
void readTokenFileHeaders(DatasetSummary &summary)
{
    const auto readCount = [&](const char *file, std::uint64_t &count) {
        const QString path = summary.folder + QLatin1Char('/') + QLatin1String(file);
        if (!QFileInfo::exists(path))
            return;
        try {
            const TokenFile tokens(path.toStdString());
            count = tokens.size();
            summary.vocabSize = int(tokens.vocabSize());
        } catch (const std::exception &) {
            // A damaged file: the list shows zero tokens rather than failing the whole screen.
        }
    };
    readCount("train.tokens", summary.trainTokens);
    readCount("val.tokens", summary.valTokens);
}

} // namespace

DatasetSummary readDatasetSummary(const QString &name, const QString &folder)
{
    DatasetSummary summary;
    summary.name = name;
    summary.folder = folder;
    QFile report(folder + QLatin1String("/report.txt"));
    if (report.open(QIODevice::ReadOnly | QIODevice::Text))
        readReport(report, summary);
    else
        readTokenFileHeaders(summary);
    return summary;
}

} // namespace azllm::ui
