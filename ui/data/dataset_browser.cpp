#include "dataset_browser.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "human_units.h"

namespace azllm::ui {
namespace {

enum Column
{
    NameColumn,
    DocumentsColumn,
    TokensColumn,
    VocabularyColumn,
    ColumnCount
};

const char *const kReportStyle = R"(
  h2 { margin: 0; }
  .muted { color: #64748b; }
  .figure { font-size: x-large; font-weight: bold; color: #0f172a; }
  .caption { color: #475569; }
  td.label { color: #475569; padding-right: 14px; }
  td.num { text-align: right; padding-right: 18px; }
  td.piece { background-color: #e0ecfd; padding: 1px 6px; white-space: pre; }
  .issue { color: #b91c1c; }
)";

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString decimal(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString headline(const QString &figure, const QString &caption)
{
    return QStringLiteral("<td width=\"33%\" style=\"padding: 8px; background-color: #f1f5f9;\">"
                          "<div class=\"figure\">%1</div><div class=\"caption\">%2</div></td>")
        .arg(figure, caption);
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td class=\"label\">%1</td><td>%2</td></tr>").arg(label, value);
}

QString tokenizerName(const QString &type)
{
    if (type == QLatin1String("bpe"))
        return DatasetBrowser::tr("BPE");
    if (type == QLatin1String("unigram"))
        return DatasetBrowser::tr("Unigram");
    return type;
}

QString headlineSection(const DatasetSummary &s)
{
    const QString split =
        s.statisticsSplit == QLatin1String("train")
            ? DatasetBrowser::tr("the training text (there is no validation split)")
            : DatasetBrowser::tr("the validation text");
    return QStringLiteral("<table width=\"100%\" cellspacing=\"6\"><tr>%1%2%3</tr></table>")
               .arg(headline(decimal(s.fertility, 2), DatasetBrowser::tr("tokens per word")),
                    headline(decimal(s.charactersPerToken, 2),
                             DatasetBrowser::tr("characters per token")),
                    headline(formatShare(s.byteFallbackShare, 2),
                             DatasetBrowser::tr("byte fallback"))) +
           QStringLiteral("<p class=\"muted\">%1 %2</p>")
               .arg(DatasetBrowser::tr("Measured on %1: %2 words, %3 characters, %4 tokens.")
                        .arg(split, formatCount(s.words), formatCount(s.characters),
                             formatCount(s.tokens)),
                    DatasetBrowser::tr("Fewer tokens per word means more text fits in the "
                                       "model's context; byte fallback counts characters the "
                                       "vocabulary lacks."));
}

QString documentsSection(const DatasetSummary &s)
{
    const auto documentsAndTokens = [](std::uint64_t documents, std::uint64_t tokens) -> QString {
        return formatCountOf(documents, DatasetBrowser::tr("%1 document"),
                             DatasetBrowser::tr("%1 documents")) +
               QStringLiteral(", ") +
               formatCountOf(tokens, DatasetBrowser::tr("%1 token"),
                             DatasetBrowser::tr("%1 tokens"));
    };
    QString rows;
    rows += row(DatasetBrowser::tr("Files read"),
                DatasetBrowser::tr("%1 (%2)").arg(formatCount(s.files), formatFileSize(s.bytes)));
    if (s.filesSkipped > 0)
        rows += row(DatasetBrowser::tr("Files skipped"), formatCount(s.filesSkipped));
    if (s.filesIgnored > 0)
        rows += row(DatasetBrowser::tr("Other files ignored"), formatCount(s.filesIgnored));
    rows += row(DatasetBrowser::tr("Documents found"), formatCount(s.documentsRead));
    rows += row(DatasetBrowser::tr("Removed"),
                DatasetBrowser::tr("%1 empty, %2 exact duplicates, %3 near duplicates")
                    .arg(formatCount(s.emptyRemoved), formatCount(s.exactDuplicates),
                         formatCount(s.nearDuplicates)));
    if (s.languageRemoved + s.qualityRemoved + s.piiReplaced > 0)
        rows += row(DatasetBrowser::tr("Filtered"),
                    DatasetBrowser::tr("%1 not Azerbaijani, %2 by quality rules; %3 e-mails and "
                                       "phone numbers replaced")
                        .arg(formatCount(s.languageRemoved), formatCount(s.qualityRemoved),
                             formatCount(s.piiReplaced)));
    rows += row(DatasetBrowser::tr("Kept"), formatCount(s.documentsKept));
    rows += row(DatasetBrowser::tr("Training split"),
                documentsAndTokens(s.trainDocuments, s.trainTokens));
    rows += row(DatasetBrowser::tr("Validation split"),
                documentsAndTokens(s.valDocuments, s.valTokens));
    return QStringLiteral("<h3>%1</h3><table cellspacing=\"2\">%2</table>")
        .arg(DatasetBrowser::tr("Documents"), rows);
}

// Twenty pieces in four columns of five: readable at a glance without scrolling.
QString topPiecesSection(const DatasetSummary &s)
{
    if (s.topPieces.isEmpty())
        return {};
    constexpr int kColumns = 4;
    const int rowsNeeded = int((s.topPieces.size() + kColumns - 1) / kColumns);
    QString rows;
    for (int r = 0; r < rowsNeeded; ++r) {
        rows += QStringLiteral("<tr>");
        for (int c = 0; c < kColumns; ++c) {
            const int index = c * rowsNeeded + r;
            if (index >= s.topPieces.size())
                break;
            const auto &[piece, count] = s.topPieces[index];
            rows += QStringLiteral("<td class=\"piece\">%1</td><td class=\"num muted\">%2</td>")
                        .arg(escaped(piece), formatCount(count));
        }
        rows += QStringLiteral("</tr>");
    }
    return QStringLiteral("<h3>%1</h3><table cellspacing=\"3\">%2</table>")
        .arg(DatasetBrowser::tr("Most frequent pieces"), rows);
}

QString issuesSection(const DatasetSummary &s)
{
    if (s.issues.isEmpty())
        return {};
    QString items;
    for (const QString &issue : s.issues)
        items += QStringLiteral("<li class=\"issue\">%1</li>").arg(escaped(issue));
    return QStringLiteral("<h3>%1</h3><ul>%2</ul>")
        .arg(DatasetBrowser::tr("Input that was skipped"), items);
}

} // namespace

DatasetBrowser::DatasetBrowser(QWidget *parent) : QWidget(parent)
{
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("datasetList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int column = DocumentsColumn; column < ColumnCount; ++column)
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_list->setMaximumHeight(130);

    m_empty = new QLabel(this);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));

    m_report = new QTextBrowser(this);
    m_report->setObjectName(QStringLiteral("datasetReport"));
    m_report->setOpenLinks(false);
    m_report->document()->setDefaultStyleSheet(QString::fromUtf8(kReportStyle));
    m_report->document()->setDocumentMargin(10);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addWidget(m_empty);
    layout->addWidget(m_report, 1);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &DatasetBrowser::showSelected);
    retranslate();
}

void DatasetBrowser::retranslate()
{
    m_list->setHeaderLabels({tr("Dataset"), tr("Documents"), tr("Tokens"), tr("Vocabulary")});
    m_empty->setText(tr("No datasets yet. Add text under “New dataset” and press "
                        "“Prepare dataset”."));
}

void DatasetBrowser::setDatasets(const QList<DatasetSummary> &datasets)
{
    const QString previous = selectedName();
    m_datasets = datasets;
    {
        const QSignalBlocker quiet(m_list);
        m_list->clear();
        for (const DatasetSummary &s : datasets) {
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(NameColumn, s.name);
            item->setText(DocumentsColumn, s.hasReport ? formatCount(s.documentsKept) : tr("?"));
            item->setText(TokensColumn, formatCount(s.totalTokens()));
            item->setText(VocabularyColumn, formatCount(std::uint64_t(s.vocabSize)));
            for (int column = DocumentsColumn; column < ColumnCount; ++column)
                item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(NameColumn, s.folder);
        }
    }
    m_empty->setVisible(datasets.isEmpty());
    m_list->setVisible(!datasets.isEmpty());
    const QStringList all = names();
    select(all.contains(previous) ? previous : all.value(0));
    showSelected();
}

void DatasetBrowser::select(const QString &name)
{
    const QList<QTreeWidgetItem *> found = m_list->findItems(name, Qt::MatchExactly, NameColumn);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
}

QString DatasetBrowser::selectedName() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->text(NameColumn) : QString();
}

QStringList DatasetBrowser::names() const
{
    QStringList all;
    for (const DatasetSummary &s : m_datasets)
        all << s.name;
    return all;
}

void DatasetBrowser::showSelected()
{
    const QString name = selectedName();
    const auto found = std::find_if(m_datasets.cbegin(), m_datasets.cend(),
                                    [&](const DatasetSummary &s) { return s.name == name; });
    m_report->setVisible(found != m_datasets.cend());
    m_report->setHtml(found != m_datasets.cend() ? reportHtml(*found) : QString());
    Q_EMIT selectionChanged(name);
}

QString DatasetBrowser::reportHtml(const DatasetSummary &s)
{
    QString subtitle =
        tr("%1 tokenizer, %2 pieces")
            .arg(tokenizerName(s.tokenizerType), formatCount(std::uint64_t(s.vocabSize)));
    QString html = QStringLiteral("<h2>%1</h2><p class=\"muted\">%2</p>")
                       .arg(escaped(s.name), escaped(subtitle));
    if (!s.hasReport)
        return html + QStringLiteral("<p>%1</p>")
                          .arg(tr("This dataset has no report.txt, so only its token counts are "
                                  "known: %1 training and %2 validation tokens.")
                                   .arg(formatCount(s.trainTokens), formatCount(s.valTokens)));
    return html + headlineSection(s) + documentsSection(s) + topPiecesSection(s) + issuesSection(s);
}

void DatasetBrowser::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        setDatasets(m_datasets);
    }
    QWidget::changeEvent(event);
}

} // namespace azllm::ui
