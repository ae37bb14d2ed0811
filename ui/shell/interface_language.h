// The interface language, switched at run time: installing a translator makes Qt send every
// widget a LanguageChange event, and each screen's changeEvent re-sets its texts (retranslate()).
#pragma once

#include <QString>

namespace azllm::ui {

// The saved choice ("ui/language" in QSettings), Azerbaijani when none.
QString savedLanguage();
void saveLanguage(const QString &language);
// Replaces the installed translators with those of `language` ("az" or "en"; English is the
// source language and needs none). The studio's translation is embedded under :/i18n. Numbers,
// dates and spin boxes follow the interface language too. False, with English in place, when
// `language` has no embedded translation.
bool applyLanguage(const QString &language);
// The language applyLanguage last installed ("en" before any call).
QString currentLanguage();

} // namespace azllm::ui
