// The few string fields the importer takes from a JSONL line (the text, "title" and "url"),
// read straight to UTF-8 without building a QJsonDocument and its QStrings.
//
// It is a fast path, not a second opinion: it reads only lines that are strict JSON objects in
// the simple shapes corpora use, and answers false for anything else (invalid JSON, another
// value than an object, the text field missing or not a string, a wanted key given twice, an
// escaped lone surrogate, a number with an exponent or over 32 characters, nesting deeper than
// 64, invalid UTF-8). The caller then reads that line with QJsonDocument as before, so every
// result and every error message stays what Qt gives.
#pragma once

#include <string>
#include <string_view>

namespace azllm {

struct JsonLineFields
{
    std::string text;  // the value of the text field
    std::string title; // "title" and "url" when they are strings, else empty (as Qt's
    std::string url;   // QJsonValue::toString() gives)
};

// Whether the line's bytes still need checking as UTF-8 (CorpusReader checks every line before
// it parses it, so it passes Checked; invalid UTF-8 is then never read as text).
enum class Utf8State
{
    Unchecked,
    Checked
};

// True when `line` was read into `fields` (see above); false leaves `fields` unspecified.
bool readJsonFields(std::string_view line, std::string_view textField, JsonLineFields &fields,
                    Utf8State utf8 = Utf8State::Unchecked);

} // namespace azllm
