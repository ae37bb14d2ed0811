// The Knowledge screen's widgets, layout and texts; knowledge_page.cpp holds its behaviour.
#include "knowledge_page.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include "citations.h"

namespace azllm::ui {
namespace {

QLabel *sectionLabel()
{
    auto *label = new QLabel;
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

QLabel *hintLabel()
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QTableWidget *table(int columns)
{
    auto *t = new QTableWidget(0, columns);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->setVisible(false);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

} // namespace

void KnowledgePage::buildWidgets()
{
    m_title = sectionLabel();
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_title->setFont(big);
    m_origin = hintLabel();
    m_origin->setObjectName(QStringLiteral("originNote"));

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(buildBaseColumn());
    splitter->addWidget(buildDocumentColumn());
    splitter->addWidget(buildToolColumn());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({210, 640, 400});
    splitter->setChildrenCollapsible(false);

    m_status = new StatusLine;
    m_status->setObjectName(QStringLiteral("knowledgeStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_origin);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
}

QWidget *KnowledgePage::buildBaseColumn()
{
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 6, 0);
    m_basesLabel = sectionLabel();
    m_bases = new QListWidget;
    m_bases->setObjectName(QStringLiteral("basePicker"));
    connect(m_bases, &QListWidget::currentRowChanged, this, &KnowledgePage::handleBaseChanged);
    m_newBase = new QToolButton;
    m_renameBase = new QToolButton;
    m_deleteBase = new QToolButton;
    connect(m_newBase, &QToolButton::clicked, this, &KnowledgePage::askCreateBase);
    connect(m_renameBase, &QToolButton::clicked, this, &KnowledgePage::askRenameBase);
    connect(m_deleteBase, &QToolButton::clicked, this, &KnowledgePage::askDeleteBase);
    auto *buttons = new QHBoxLayout;
    for (QToolButton *b : {m_newBase, m_renameBase, m_deleteBase})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addWidget(m_basesLabel);
    layout->addWidget(m_bases, 1);
    layout->addLayout(buttons);
    auto *rename = new QShortcut(QKeySequence(Qt::Key_F2), m_bases);
    connect(rename, &QShortcut::activated, this, &KnowledgePage::askRenameBase);
    return column;
}

QWidget *KnowledgePage::buildDocumentColumn()
{
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(6, 0, 6, 0);

    m_importFiles = new QPushButton;
    m_importFiles->setObjectName(QStringLiteral("importFiles"));
    m_importFiles->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importFolder = new QPushButton;
    m_removeDocument = new QPushButton;
    m_cancel = new QPushButton;
    m_progress = new QProgressBar;
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    connect(m_importFiles, &QPushButton::clicked, this, &KnowledgePage::chooseFiles);
    connect(m_importFolder, &QPushButton::clicked, this, &KnowledgePage::chooseFolder);
    connect(m_removeDocument, &QPushButton::clicked, this, &KnowledgePage::removeSelectedDocument);
    connect(m_cancel, &QPushButton::clicked, this, &KnowledgePage::cancelWork);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_importFiles);
    actions->addWidget(m_importFolder);
    actions->addWidget(m_removeDocument);
    actions->addWidget(m_progress, 1);
    actions->addWidget(m_cancel);

    m_documentsLabel = sectionLabel();
    m_documents = table(6);
    m_documents->setObjectName(QStringLiteral("documentTable"));
    connect(m_documents, &QTableWidget::currentCellChanged, this, &KnowledgePage::showChunks);
    auto *remove = new QShortcut(QKeySequence::Delete, m_documents);
    connect(remove, &QShortcut::activated, this, &KnowledgePage::removeSelectedDocument);

    m_chunksLabel = sectionLabel();
    m_chunks = table(4);
    m_chunks->setObjectName(QStringLiteral("chunkTable"));
    connect(m_chunks, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && row < m_chunkRows.size())
            showChunk(m_chunkRows[row]);
    });
    m_chunkText = new QTextBrowser;
    m_chunkText->setObjectName(QStringLiteral("chunkText"));

    auto *lower = new QSplitter(Qt::Vertical);
    auto *documents = new QWidget;
    auto *documentsLayout = new QVBoxLayout(documents);
    documentsLayout->setContentsMargins(0, 0, 0, 0);
    documentsLayout->addWidget(m_documentsLabel);
    documentsLayout->addWidget(m_documents);
    auto *chunks = new QWidget;
    auto *chunksLayout = new QVBoxLayout(chunks);
    chunksLayout->setContentsMargins(0, 0, 0, 0);
    chunksLayout->addWidget(m_chunksLabel);
    chunksLayout->addWidget(m_chunks);
    lower->addWidget(documents);
    lower->addWidget(chunks);
    lower->addWidget(m_chunkText);
    lower->setSizes({180, 220, 240});

    layout->addLayout(actions);
    layout->addWidget(lower, 1);
    return column;
}

QWidget *KnowledgePage::buildToolColumn()
{
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(6, 0, 0, 0);

    m_searchLabel = sectionLabel();
    m_query = new QLineEdit;
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setClearButtonEnabled(true);
    connect(m_query, &QLineEdit::returnPressed, this, [this] { search(m_query->text()); });
    auto *focus = new QShortcut(QKeySequence::Find, this);
    connect(focus, &QShortcut::activated, m_query, [this] { m_query->setFocus(); });
    m_mode = new QComboBox;
    m_mode->setObjectName(QStringLiteral("searchMode"));
    for (RetrievalMode mode :
         {RetrievalMode::Morph, RetrievalMode::Bm25, RetrievalMode::Dense, RetrievalMode::Hybrid})
        m_mode->addItem(retrievalModeName(mode), int(mode));
    m_kLabel = new QLabel;
    m_k = new QSpinBox;
    m_k->setRange(1, 50);
    m_k->setValue(5);
    m_searchButton = new QPushButton;
    connect(m_searchButton, &QPushButton::clicked, this, [this] { search(m_query->text()); });
    auto *options = new QHBoxLayout;
    options->addWidget(m_mode, 1);
    options->addWidget(m_kLabel);
    options->addWidget(m_k);
    options->addWidget(m_searchButton);
    m_results = table(4);
    m_results->setObjectName(QStringLiteral("searchResults"));
    // The citation takes what the numbers leave, so score and coverage always show.
    m_results->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_results->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    connect(m_results, &QTableWidget::currentCellChanged, this, &KnowledgePage::showResult);
    m_searchNote = hintLabel();

    m_vectorsLabel = sectionLabel();
    m_checkpoint = new QComboBox;
    m_checkpoint->setObjectName(QStringLiteral("vectorCheckpoint"));
    m_checkpoint->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_checkpoint->setMinimumContentsLength(20);
    m_computeVectors = new QPushButton;
    connect(m_computeVectors, &QPushButton::clicked, this,
            [this] { computeVectors(m_checkpoint->currentData().toString()); });
    auto *vectorRow = new QHBoxLayout;
    vectorRow->addWidget(m_checkpoint, 1);
    vectorRow->addWidget(m_computeVectors);
    m_vectorStatus = hintLabel();

    m_evalLabel = sectionLabel();
    m_evaluate = new QPushButton;
    connect(m_evaluate, &QPushButton::clicked, this, &KnowledgePage::chooseQuestions);
    m_evalResult = hintLabel();
    m_evalResult->setObjectName(QStringLiteral("evaluationResult"));
    m_evalResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    layout->addWidget(m_searchLabel);
    layout->addWidget(m_query);
    layout->addLayout(options);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_searchNote);
    layout->addSpacing(8);
    layout->addWidget(m_vectorsLabel);
    layout->addLayout(vectorRow);
    layout->addWidget(m_vectorStatus);
    layout->addSpacing(8);
    layout->addWidget(m_evalLabel);
    layout->addWidget(m_evaluate);
    layout->addWidget(m_evalResult);
    column->setMinimumWidth(360);
    return column;
}

void KnowledgePage::retranslate()
{
    m_title->setText(tr("Knowledge bases"));
    m_basesLabel->setText(tr("Bases"));
    m_newBase->setText(tr("New…"));
    m_newBase->setToolTip(tr("Create an empty knowledge base."));
    m_renameBase->setText(tr("Rename…"));
    m_renameBase->setToolTip(tr("Rename the selected base (F2)."));
    m_deleteBase->setText(tr("Delete…"));
    m_deleteBase->setToolTip(tr("Delete the selected base with its documents and vectors."));
    m_importFiles->setText(tr("Import files…"));
    m_importFiles->setToolTip(
        tr("Add .txt, .md, .html, .jsonl or .pdf files (Ctrl+I). A file imported again replaces "
           "its chunks when it changed."));
    m_importFolder->setText(tr("Import folder…"));
    m_importFolder->setToolTip(tr("Add every readable file of a folder and its subfolders."));
    m_removeDocument->setText(tr("Remove document"));
    m_removeDocument->setToolTip(tr("Remove the selected document and its chunks (Delete)."));
    m_cancel->setText(tr("Cancel"));
    m_documentsLabel->setText(tr("Documents"));
    m_documents->setHorizontalHeaderLabels(
        {tr("Name"), tr("Title"), tr("Format"), tr("Chunks"), tr("Lines"), tr("Size")});
    m_chunksLabel->setText(tr("Chunks of the selected document"));
    m_chunks->setHorizontalHeaderLabels({tr("#"), tr("Articles"), tr("Lines"), tr("Heading")});
    m_searchLabel->setText(tr("Search"));
    m_query->setPlaceholderText(tr("A question in Azerbaijani (Ctrl+F, Enter searches)"));
    m_mode->setToolTip(
        tr("morph: word prefixes, so inflected forms meet (the default); bm25: exact words; "
           "dense: the model's vectors; hybrid: morph and dense fused."));
    m_kLabel->setText(tr("Top"));
    m_searchButton->setText(tr("Search", "button"));
    m_results->setHorizontalHeaderLabels({tr("#"), tr("Source"), tr("Score"), tr("Coverage")});
    m_vectorsLabel->setText(tr("Dense vectors"));
    m_checkpoint->setToolTip(tr("The model whose mean-pooled hidden states become the vectors."));
    m_computeVectors->setText(tr("Compute vectors"));
    m_computeVectors->setToolTip(
        tr("Computes a vector for every chunk that has none; all of them again when the "
           "model's weights changed."));
    m_evalLabel->setText(tr("Evaluate retrieval"));
    m_evaluate->setText(tr("Evaluate with a question file…"));
    m_evaluate->setToolTip(tr("JSONL lines {\"question\": ..., \"article\": N}: Recall@1, "
                              "Recall@5 and MRR for the mode above."));
    updateOriginNote();
    updateVectorStatus();
    if (!m_results || m_results->rowCount() == 0)
        m_searchNote->setText(
            tr("Coverage: the share of the question's words (weighted by rarity) the chunk "
               "holds. Below %1% the chat says it found nothing.")
                .arg(qRound(kDefaultMinCoverage * 100)));
}

void KnowledgePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace azllm::ui
