// Small Azerbaijani texts and helpers shared by the text pipeline tests.
#pragma once

#include <QFile>
#include <QString>

#include <string>

namespace azllm::testing {

// A few sentences of modern Azerbaijani (written for these tests), with every letter of the
// alphabet, digits and punctuation.
inline const char *const kAzerbaijaniSentences[] = {
    "Azərbaycan Cənubi Qafqazda yerləşən bir ölkədir və paytaxtı Bakı şəhəridir.",
    "Xəzər dənizinin sahilində yerləşən Bakı qədim və müasir memarlığı ilə tanınır.",
    "Uşaqlar səhər tezdən məktəbə gedir, dərsdən sonra həyətdə futbol oynayırlar.",
    "Nənəm çörəyi təndirdə bişirir, biz isə çay dəmləyib qonaqları gözləyirik.",
    "İçərişəhər on ikinci əsrdən qalan divarları ilə məşhurdur.",
    "Şuşa musiqi və poeziya ocağı kimi tanınır, orada çoxlu xanəndə yetişib.",
    "Güneşli havada dağlara qalxmaq, bulaqdan su içmək insana rahatlıq verir.",
    "Alimlər 2023-cü ildə 15 yeni növ bitki aşkar etdiklərini bildirdilər.",
    "Kompüter proqramları məlumatları sürətlə emal edir və nəticələri göstərir.",
    "Qış aylarında Qəbələ və Şahdağ xizək sevənlərin ən çox getdiyi yerlərdir.",
    "Ölkənin iqlimi müxtəlifdir: on bir iqlim qurşağından doqquzu burada var.",
    "Jurnalist yazısında Ağdam, Füzuli və Zəngilan haqqında ətraflı danışır.",
    "Yay tətilində ailəmizlə Lənkərana, sonra isə Şəkiyə səyahət etdik.",
    "Vətən müharibəsindən sonra yeni yollar, körpülər və hava limanları tikildi.",
    "Dünya çempionatında idmançılarımız 3 qızıl, 4 gümüş medal qazandılar!",
    "Bu kitabı oxuyan hər kəs Azərbaycan ədəbiyyatının zənginliyini hiss edəcək.",
};

inline std::string sampleText(int repeats)
{
    std::string text;
    for (int r = 0; r < repeats; ++r)
        for (const char *sentence : kAzerbaijaniSentences)
            text += std::string(sentence) + "\n";
    return text;
}

inline bool writeFile(const QString &path, const std::string &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(bytes.data(), static_cast<qint64>(bytes.size())) ==
           static_cast<qint64>(bytes.size());
}

} // namespace azllm::testing
