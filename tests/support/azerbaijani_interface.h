// The studio as a learner reads it by default, for the tests and screenshot tools that check its
// Azerbaijani: the translation (azllm_test_azerbaijani embeds it as :/i18n/azllm_studio_az.qm,
// compiled from the same .ts as the studio's) and the Azerbaijani locale (decimal comma), both
// installed while an AzerbaijaniInterface lives.
#pragma once

#include <QLocale>
#include <QTranslator>

class AzerbaijaniInterface final
{
public:
    AzerbaijaniInterface();
    ~AzerbaijaniInterface();
    AzerbaijaniInterface(const AzerbaijaniInterface &) = delete;
    AzerbaijaniInterface &operator=(const AzerbaijaniInterface &) = delete;

    // False when the .qm is missing from the resources: a build mistake, not a finding.
    bool loaded() const { return m_loaded; }

private:
    QLocale m_previousLocale;
    QTranslator m_translator;
    bool m_loaded = false;
};
