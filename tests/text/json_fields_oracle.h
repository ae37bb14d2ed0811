// What QJsonDocument makes of a JSONL line (the importer's reference): shared by the JSON fields
// test and its fuzz target, which both check that readJsonFields agrees with it.
#pragma once

#include "json_fields.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <string>
#include <string_view>

namespace azllm::testing {

// True when readJsonFields either leaves `line` to Qt or reads exactly what Qt reads.
inline bool jsonFieldsAgreeWithQt(std::string_view line, const std::string &field,
                                  bool *fastPathTaken = nullptr,
                                  Utf8State utf8 = Utf8State::Unchecked)
{
    JsonLineFields fields;
    const bool fast = readJsonFields(line, field, fields, utf8);
    if (fastPathTaken)
        *fastPathTaken = fast;
    if (!fast)
        return true;
    QJsonParseError error;
    const QJsonDocument json =
        QJsonDocument::fromJson(QByteArray(line.data(), qsizetype(line.size())), &error);
    if (error.error != QJsonParseError::NoError || !json.isObject())
        return false;
    const QJsonObject object = json.object();
    const QJsonValue text = object.value(QString::fromStdString(field));
    return text.isString() && text.toString().toStdString() == fields.text &&
           object.value(QLatin1String("title")).toString().toStdString() == fields.title &&
           object.value(QLatin1String("url")).toString().toStdString() == fields.url;
}

} // namespace azllm::testing
