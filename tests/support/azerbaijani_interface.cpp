#include "azerbaijani_interface.h"

#include <QCoreApplication>

AzerbaijaniInterface::AzerbaijaniInterface()
{
    m_loaded = m_translator.load(QStringLiteral(":/i18n/azllm_studio_az"));
    if (m_loaded)
        QCoreApplication::installTranslator(&m_translator);
    QLocale::setDefault(QLocale(QLocale::Azerbaijani, QLocale::LatinScript, QLocale::Azerbaijan));
}

AzerbaijaniInterface::~AzerbaijaniInterface()
{
    if (m_loaded)
        QCoreApplication::removeTranslator(&m_translator);
    QLocale::setDefault(m_previousLocale);
}
