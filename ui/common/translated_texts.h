// Texts a screen sets once from constant English sources (a group's title, a button's text, a
// tooltip), set again in the new language when the learner switches it (View > Language). Each
// entry is one property of one widget and its source, translated in the screen's context, so the
// sources are marked with QT_TR_NOOP in the screen's own member functions.
#pragma once

#include <QPointer>

#include <vector>

namespace azllm::ui {

class TranslatedTexts final
{
public:
    // `context`: the screen class's name, as tr() uses it (staticMetaObject.className()).
    explicit TranslatedTexts(const char *context) : m_context(context) {}

    // Sets `property` ("text", "title", "toolTip", "placeholderText", "suffix") of `object` to
    // the translation of `source`, now and at each retranslate().
    void set(QObject *object, const char *property, const char *source);
    void retranslate() const;

private:
    struct Entry
    {
        QPointer<QObject> object;
        const char *property;
        const char *source;
    };

    void apply(const Entry &entry) const;

    const char *m_context;
    std::vector<Entry> m_entries;
};

} // namespace azllm::ui
