// The studio as a learner reads it by default, for the tests that check its Azerbaijani: the
// translation (embedded by azllm_embed_translation as :/i18n/azllm_studio_az.qm) and the
// Azerbaijani locale (decimal comma), both installed while an AzerbaijaniInterface lives.
#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

class AzerbaijaniInterface final
{
public:
    AzerbaijaniInterface()
    {
        m_loaded = m_translator.load(QStringLiteral(":/i18n/azllm_studio_az"));
        if (m_loaded)
            QCoreApplication::installTranslator(&m_translator);
        QLocale::setDefault(
            QLocale(QLocale::Azerbaijani, QLocale::LatinScript, QLocale::Azerbaijan));
    }
    ~AzerbaijaniInterface()
    {
        if (m_loaded)
            QCoreApplication::removeTranslator(&m_translator);
        QLocale::setDefault(m_previousLocale);
    }
    AzerbaijaniInterface(const AzerbaijaniInterface &) = delete;
    AzerbaijaniInterface &operator=(const AzerbaijaniInterface &) = delete;

    // False when the .qm is missing from the test's resources: a build mistake, not a finding.
    bool loaded() const { return m_loaded; }

private:
    QLocale m_previousLocale;
    QTranslator m_translator;
    bool m_loaded = false;
};
