#include "finetune_worker.h"

#include <QTemporaryDir>

#include "chat_engine.h"
#include "classifier_session.h"
#include "config_io.h"
#include "tokenizer.h"

namespace azllm::ui {

FinetuneWorker::FinetuneWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<PreparedTuning>();
    qRegisterMetaType<TuningRequest>();
    qRegisterMetaType<BaselineReports>();
    qRegisterMetaType<SftEvaluation>();
    qRegisterMetaType<std::vector<PreviewRow>>();
    qRegisterMetaType<RunConfig>();
}

void FinetuneWorker::prepare(const TuningRequest &request)
{
    try {
        Q_EMIT prepared(prepareTuning(request));
    } catch (const std::exception &e) {
        Q_EMIT failed(QStringLiteral("prepare"), QString::fromStdString(e.what()));
    }
}

// The same preparation into a scratch folder, so the learner can look before training.
void FinetuneWorker::preview(const TuningRequest &request)
{
    try {
        QTemporaryDir scratch;
        TuningRequest local = request;
        local.outDir = QString(scratch.path() + QLatin1String("/run")).toStdString();
        const PreparedTuning prepared = prepareTuning(local);
        const Tokenizer tokenizer = Tokenizer::load(local.outDir + "/tokenizer.model");
        QStringList summary;
        for (const std::string &line : prepared.summary())
            summary << QString::fromStdString(line);
        Q_EMIT previewReady(previewFirstBatch(prepared.config, tokenizer), summary);
    } catch (const std::exception &e) {
        Q_EMIT failed(QStringLiteral("preview"), QString::fromStdString(e.what()));
    }
}

// Majority class and bag-of-words on the split a run with this request would use.
void FinetuneWorker::baselines(const TuningRequest &request)
{
    try {
        const ClassificationDataset data = readClassificationDataset(request.data);
        std::vector<LabelledText> train, validation;
        if (request.validationData.empty()) {
            stratifiedSplit(data.items, request.validationRatio, request.seed, train, validation);
        } else {
            train = data.items;
            validation = readClassificationDataset(request.validationData).items;
        }
        Q_EMIT baselinesReady(
            runBaselines(train, validation, labelSet(train),
                         request.validationData.empty() ? request.data : request.validationData));
    } catch (const std::exception &e) {
        Q_EMIT failed(QStringLiteral("baselines"), QString::fromStdString(e.what()));
    }
}

void FinetuneWorker::previewRun(const RunConfig &config, const QString &tokenizerPath)
{
    try {
        const Tokenizer tokenizer = Tokenizer::load(tokenizerPath.toStdString());
        Q_EMIT previewReady(previewFirstBatch(config, tokenizer), {});
    } catch (const std::exception &e) {
        Q_EMIT failed(QStringLiteral("preview"), QString::fromStdString(e.what()));
    }
}

void FinetuneWorker::compare(const QString &baseCheckpoint, const QString &tunedCheckpoint,
                             const TuningRequest &request, int count, int maxTokens)
{
    m_stop = false;
    try {
        const std::vector<EvalItem> questions = heldOutQuestions(request, count);
        const int total = int(questions.size()) * 2;
        int done = 0;
        const auto progress = [&](int, int) {
            Q_EMIT comparisonProgress(done++, total);
            return !m_stop.load();
        };
        // One model in memory at a time: the base is released before the tuned one loads.
        SftEvaluation base;
        {
            ChatEngine engine = ChatEngine::load(baseCheckpoint.toStdString(), "cpu");
            base = evaluateAnswers(engine, questions, maxTokens, progress);
        }
        ChatEngine engine = ChatEngine::load(tunedCheckpoint.toStdString(), "cpu");
        const SftEvaluation tuned = evaluateAnswers(engine, questions, maxTokens, progress);
        Q_EMIT comparisonReady(base, tuned);
    } catch (const std::exception &e) {
        Q_EMIT failed(QStringLiteral("compare"), QString::fromStdString(e.what()));
    }
}

void FinetuneWorker::predict(const QString &checkpoint, const QString &text)
{
    try {
        const ClassifierSession session = ClassifierSession::load(checkpoint.toStdString(), "cpu");
        const std::vector<float> p = session.probabilities(text.toStdString());
        QStringList labels;
        for (const std::string &label : session.labels())
            labels << QString::fromStdString(label);
        Q_EMIT predictionReady(labels, QVector<double>(p.begin(), p.end()));
    } catch (const std::exception &e) {
        Q_EMIT failed(QStringLiteral("predict"), QString::fromStdString(e.what()));
    }
}

} // namespace azllm::ui
