#include "translated_texts.h"

#include <QCoreApplication>
#include <QVariant>

namespace azllm::ui {

void TranslatedTexts::set(QObject *object, const char *property, const char *source)
{
    m_entries.push_back({object, property, source});
    apply(m_entries.back());
}

void TranslatedTexts::retranslate() const
{
    for (const Entry &entry : m_entries)
        apply(entry);
}

void TranslatedTexts::apply(const Entry &entry) const
{
    if (entry.object)
        entry.object->setProperty(entry.property,
                                  QCoreApplication::translate(m_context, entry.source));
}

} // namespace azllm::ui
