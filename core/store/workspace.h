// A workspace: the folder a learner works in. studio.db, prepared datasets and training runs:
//
//   <root>/studio.db
//   <root>/datasets/<name>/{tokenizer.model, train.tokens, val.tokens, report.txt}
//   <root>/runs/<name>/{config.txt, tokenizer.model, checkpoints/step-N/...}
#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

#include "run_store.h"
#include "studio_database.h"

namespace azllm {

class Workspace
{
public:
    // Creates the folder layout and studio.db when absent, migrates an older studio.db.
    // Throws DatabaseError (a damaged or foreign studio.db, untouched) or std::runtime_error.
    explicit Workspace(const QString &root);

    // Where a first start puts the workspace: the user's data folder.
    static QString defaultLocation();
    // The built-in sample corpus (share/az-llm-studio/sample_corpus beside the program, or
    // $AZLLM_SAMPLE_DIR), and the UDHR texts when they were fetched.
    static QStringList sampleInputs();

    QString root() const { return m_root; }
    QString databasePath() const;
    QString datasetsDir() const;
    QString runsDir() const;
    QString datasetDir(const QString &name) const;
    // Prepared datasets (folders under datasets/ with a train.tokens), sorted by name.
    QStringList datasetNames() const;
    // A run folder name not used yet, from a stem ("az-tiny" -> "az-tiny-3").
    QString newRunDir(const QString &stem) const;

    bool hasSampleDataset() const;
    // Prepares the sample corpus into datasets/sample (seconds). progress may return false to
    // cancel. Throws std::runtime_error when preparing fails.
    void seedSampleDataset(const std::function<bool(double)> &progress = {});

    StudioDatabase &database() { return *m_database; }
    RunStore &runs() { return *m_runs; }

private:
    QString m_root;
    std::unique_ptr<StudioDatabase> m_database;
    std::unique_ptr<RunStore> m_runs;
};

} // namespace azllm
