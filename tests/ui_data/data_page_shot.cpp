// Renders the Data screen to PNGs so a person can look at it:
//   QT_QPA_PLATFORM=offscreen data_page_shot OUT_DIR
// Prepares the sample corpus (vocabulary 2,000) into a temporary workspace, then saves
// data_playground.png, data_byte_fallback.png, data_new_dataset.png and data_preparing.png.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include "corpus_preparer.h"
#include "data_page.h"
#include "dataset_browser.h"
#include "prepare_panel.h"
#include "tokenizer_playground.h"
#include "workspace.h"

using namespace azllm::ui;

namespace {

void prepareSample(azllm::Workspace &workspace, const QString &name, int vocabSize)
{
    azllm::PrepareOptions options;
    options.inputs = {AZLLM_SOURCE_DIR "/resources/sample_corpus"};
    options.outputDir = workspace.datasetDir(name).toStdString();
    options.import.paragraphDocuments = true;
    options.tokenizer.vocabSize = vocabSize;
    azllm::CorpusPreparer(options).run();
}

void save(DataPage &page, const QString &path)
{
    QApplication::processEvents();
    page.grab().save(path);
    QTextStream(stdout) << path << "\n";
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        QTextStream(stderr) << "usage: data_page_shot OUT_DIR\n";
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    QDir().mkpath(out.path());
    QTemporaryDir temp;
    azllm::Workspace workspace(temp.filePath(QStringLiteral("workspace")));
    prepareSample(workspace, QStringLiteral("sample"), 2000);
    prepareSample(workspace, QStringLiteral("sample-8k"), 8000);

    DataPage page(workspace);
    page.resize(1280, 800);
    page.show();
    page.datasets().select(QStringLiteral("sample"));
    save(page, out.filePath(QStringLiteral("data_playground.png")));

    page.playground().setText(QStringLiteral("Salam, dostlar! \U0001F600 Sabah görüşək.\n"
                                             "Qiymət: 25 manat 40 qəpik."));
    save(page, out.filePath(QStringLiteral("data_byte_fallback.png")));

    page.addInputs({QStringLiteral(AZLLM_SOURCE_DIR "/resources/sample_corpus"),
                    QStringLiteral(AZLLM_SOURCE_DIR "/resources/sample_corpus/tarix.txt")});
    save(page, out.filePath(QStringLiteral("data_new_dataset.png")));

    // Mid-run: wait for the tokenizer stage, grab, then cancel and wait for the page to settle.
    bool grabbed = false;
    QObject::connect(&page.preparePanel(), &azllm::ui::PreparePanel::progressed, &page,
                     [&](const azllm::PrepareProgress &progress) {
                         if (grabbed || progress.stage != azllm::PrepareStage::TrainTokenizer)
                             return;
                         grabbed = true;
                         save(page, out.filePath(QStringLiteral("data_preparing.png")));
                         page.preparePanel().cancel();
                     });
    page.preparePanel().startPreparing();
    while (page.isBusy())
        QApplication::processEvents(QEventLoop::WaitForMoreEvents);
    save(page, out.filePath(QStringLiteral("data_after.png")));

    // A folder with one file that is not UTF-8: prepared, and the file listed by name.
    const QString mixed = temp.filePath(QStringLiteral("mixed"));
    QDir().mkpath(mixed);
    QFile::copy(QStringLiteral(AZLLM_SOURCE_DIR "/resources/sample_corpus/tarix.txt"),
                mixed + QStringLiteral("/tarix.txt"));
    QFile legacy(mixed + QStringLiteral("/kohne-1254.txt"));
    if (legacy.open(QIODevice::WriteOnly))
        legacy.write("Az\xfdrbaycan dili\n");
    legacy.close();
    page.preparePanel().setDatasetName(QStringLiteral("mixed"));
    QObject::disconnect(&page.preparePanel(), &azllm::ui::PreparePanel::progressed, &page, nullptr);
    page.addInputs({mixed});
    page.findChild<QListWidget *>(QStringLiteral("prepareInputs"))->clear();
    page.addInputs({mixed});
    page.preparePanel().startPreparing();
    while (page.isBusy())
        QApplication::processEvents(QEventLoop::WaitForMoreEvents);
    save(page, out.filePath(QStringLiteral("data_issues.png")));
    return 0;
}
