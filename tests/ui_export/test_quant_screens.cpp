// The screens of issue 11 driven as a learner drives them, through their real worker threads, on
// a tiny model trained in seconds on the sample dataset: the Export dialog (export, cancel,
// refused choices), the Model screen's fp32/int8 table, the Chat screen's precision switch.
// QUANT_SCREENSHOTS=DIR also renders them to PNG.
#include <QtTest>

#include <QComboBox>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>

#include "../chat/chat_test_support.h"
#include "chat_page.h"
#include "checkpoint.h"
#include "export_dialog.h"
#include "gguf.h"
#include "quantization_panel.h"

using namespace azllm;
using namespace azllm::ui;

namespace {

constexpr int kWaitMs = 180000;

void shoot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("QUANT_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestQuantScreens : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    QString m_checkpoint;

private Q_SLOTS:
    void initTestCase()
    {
        m_workspace = std::make_unique<Workspace>(m_dir.filePath(QStringLiteral("ws")));
        const QString run = chat_test::trainSampleRun(*m_workspace, QStringLiteral("sample"), 30);
        m_checkpoint = QString::fromStdString(latestCheckpoint(run.toStdString())->path);
    }

    void exportDialogWritesTheChosenFormat()
    {
        ExportDialog dialog(m_checkpoint, m_dir.filePath(QStringLiteral("exports")));
        dialog.resize(720, 380);
        QVERIFY(dialog.destination().endsWith(QStringLiteral("sample-step-00000030-f32.gguf")));
        dialog.setType(quant::ExportType::Q8_0);
        QVERIFY(dialog.destination().endsWith(QStringLiteral("-q8_0.gguf")));
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport();
        QVERIFY(dialog.isRunning());
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(!dialog.isRunning());
        const ExportSummary summary = finished.first().first().value<ExportSummary>();
        QVERIFY(!summary.cancelled);
        QCOMPARE(summary.files.first(), dialog.destination());
        QCOMPARE(quant::GgufReader(dialog.destination().toStdString()).number("general.file_type"),
                 7.0);
        QVERIFY(dialog.statusText().contains(QFileInfo(dialog.destination()).fileName()));
        QCOMPARE(dialog.progressPercent(), 100);
        shoot(dialog, QStringLiteral("export_dialog"));
    }

    void safetensorsHasNoQ8Choice()
    {
        ExportDialog dialog(m_checkpoint, m_dir.filePath(QStringLiteral("exports")));
        dialog.setType(quant::ExportType::Q8_0);
        dialog.setFormat(ExportFormat::Safetensors);
        QCOMPARE(dialog.type(), quant::ExportType::F16);
        QVERIFY(dialog.destination().endsWith(QStringLiteral("-f16-hf")));
        auto *type = dialog.findChild<QComboBox *>(QStringLiteral("exportType"));
        const auto *items = qobject_cast<const QStandardItemModel *>(type->model());
        QVERIFY(!items->item(2)->isEnabled());
        dialog.setFormat(ExportFormat::Gguf);
        QVERIFY(items->item(2)->isEnabled());
    }

    void cancellingLeavesNothing()
    {
        ExportDialog dialog(m_checkpoint, m_dir.filePath(QStringLiteral("exports")));
        dialog.setFormat(ExportFormat::Safetensors);
        dialog.setDestination(m_dir.filePath(QStringLiteral("exports/cancelled-hf")));
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport();
        dialog.cancelExport(); // before the worker starts: it stops at its first step
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(finished.first().first().value<ExportSummary>().cancelled);
        QVERIFY(!QFileInfo::exists(dialog.destination()));
        QVERIFY(dialog.statusText().contains(QStringLiteral("nothing was written")));
    }

    void failureIsOneSentenceNamingTheFolder()
    {
        ExportDialog dialog(m_dir.filePath(QStringLiteral("no-such-run")),
                            m_dir.filePath(QStringLiteral("exports")));
        QSignalSpy failed(&dialog, &ExportDialog::exportFailed);
        dialog.startExport();
        QVERIFY(failed.wait(kWaitMs));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("no-such-run")));
        QVERIFY(dialog.statusText().startsWith(QStringLiteral("Not exported")));
    }

    void modelScreenTableComparesFp32AndInt8()
    {
        QuantizationPanel panel;
        panel.resize(900, 320);
        panel.setRunsFolder(m_workspace->runsDir());
        QCOMPARE(panel.checkpoint(), m_checkpoint);
        QSignalSpy measured(&panel, &QuantizationPanel::measured);
        panel.measure();
        QVERIFY(panel.isMeasuring());
        QVERIFY(measured.wait(kWaitMs));
        const QuantizationFigures f = *panel.figures();
        QVERIFY(f.evaluatedTokens > 100);
        QVERIFY(f.int8Bytes < f.fp32Bytes / 2);
        QVERIFY(f.fp32Perplexity > 1 && f.int8Perplexity > 1);
        // Quantization moves perplexity, but only a little.
        QVERIFY(std::fabs(f.int8Perplexity / f.fp32Perplexity - 1) < 0.05);
        QVERIFY(panel.cellText(QStringLiteral("int8"), QStringLiteral("change"))
                    .endsWith(QLatin1Char('%')));
        QVERIFY(!panel.cellText(QStringLiteral("fp32"), QStringLiteral("speed"))
                     .startsWith(QStringLiteral("\u2014")));
        shoot(panel, QStringLiteral("quantization_panel"));
    }

    void chatPrecisionSwitchReloadsInInt8()
    {
        ChatPage page(*m_workspace);
        page.resize(1280, 800);
        QSignalSpy ready(&page, &ChatPage::checkpointReady);
        page.setCheckpoint(m_checkpoint);
        QVERIFY(ready.wait(kWaitMs));
        QVERIFY(ready.last().first().toBool());
        QCOMPARE(page.precision(), quant::Precision::Fp32);
        page.setPrecision(quant::Precision::Int8);
        QVERIFY(ready.wait(kWaitMs));
        QVERIFY(ready.last().first().toBool());
        QVERIFY2(ready.last().at(1).toString().contains(QStringLiteral("int8")),
                 qPrintable(ready.last().at(1).toString()));
        QSignalSpy answered(&page, &ChatPage::answerFinished);
        page.send(QStringLiteral("Bakı"));
        QVERIFY(answered.wait(kWaitMs));
        // The int8 model answered: some tokens, or an end marker as its first choice (a barely
        // trained model may well pick one first); it saw the prompt either way.
        const auto reply = answered.first().first().value<ReplySummary>();
        QVERIFY2(reply.generatedTokens > 0 || !reply.endedBy.isEmpty(), qPrintable(reply.text));
        QVERIFY(!reply.promptTokens.isEmpty());
        shoot(page, QStringLiteral("chat_int8"));
    }
};

QTEST_MAIN(TestQuantScreens)
#include "test_quant_screens.moc"
