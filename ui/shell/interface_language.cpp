#include "interface_language.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace azllm::ui {

namespace {

const QString kLanguageKey = QStringLiteral("ui/language");

// The translators applyLanguage installed, owned by the application object.
struct InstalledLanguage
{
    QString language = QStringLiteral("en");
    QPointer<QTranslator> studio;
    QPointer<QTranslator> qt;
};

InstalledLanguage &installed()
{
    static InstalledLanguage state;
    return state;
}

void uninstall(QPointer<QTranslator> &translator)
{
    if (!translator)
        return;
    QApplication::removeTranslator(translator);
    translator->deleteLater();
    translator = nullptr;
}

// A translator for `name` from `folder`, installed; null when there is no such file.
QTranslator *install(const QString &name, const QString &folder)
{
    auto *translator = new QTranslator(qApp);
    if (!translator->load(name, folder)) {
        delete translator;
        return nullptr;
    }
    QApplication::installTranslator(translator);
    return translator;
}

} // namespace

QString savedLanguage()
{
    return QSettings().value(kLanguageKey, QStringLiteral("az")).toString();
}

void saveLanguage(const QString &language)
{
    QSettings().setValue(kLanguageKey, language);
}

bool applyLanguage(const QString &language)
{
    InstalledLanguage &state = installed();
    uninstall(state.studio);
    uninstall(state.qt);
    state.language = QStringLiteral("en");
    if (language == QLatin1String("en")) {
        QLocale::setDefault(QLocale::system());
        return true;
    }
    // Qt's own strings (dialog buttons) first, so that the studio's translation, installed
    // last, is asked first.
    state.qt = install(QLatin1String("qtbase_") + language,
                       QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    state.studio = install(QLatin1String("azllm_studio_") + language, QStringLiteral(":/i18n"));
    if (!state.studio) {
        uninstall(state.qt);
        QLocale::setDefault(QLocale::system());
        return false;
    }
    state.language = language;
    QLocale::setDefault(QLocale(language));
    return true;
}

QString currentLanguage()
{
    return installed().language;
}

} // namespace azllm::ui
