// A small JSON reader for the headers of safetensors files and Hugging Face's config.json, and a
// string escaper for writing them. Strict: a malformed document is refused with the byte where
// it goes wrong. Numbers are doubles (the headers' offsets stay below 2^53).
#pragma once

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace azllm::quant {

class JsonValue
{
public:
    enum class Kind
    {
        Null,
        Bool,
        Number,
        String,
        Array,
        Object
    };

    // Throws std::runtime_error "<source>: invalid JSON at byte N: ...".
    static JsonValue parse(const std::string &text, const std::string &source);

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool isNumber() const { return m_kind == Kind::Number; }
    bool isString() const { return m_kind == Kind::String; }
    bool isArray() const { return m_kind == Kind::Array; }
    bool isObject() const { return m_kind == Kind::Object; }

    bool boolean() const { return m_bool; }
    double number() const { return m_number; }
    const std::string &string() const { return m_string; }
    const std::vector<JsonValue> &array() const { return m_array; }
    const std::map<std::string, JsonValue> &object() const { return m_object; }
    // Null when the object has no such member (or this is not an object).
    const JsonValue *member(const std::string &key) const;

private:
    friend class JsonParser;
    Kind m_kind = Kind::Null;
    bool m_bool = false;
    double m_number = 0;
    std::string m_string;
    std::vector<JsonValue> m_array;
    std::map<std::string, JsonValue> m_object;
};

// The shortest text that reads back as this double, with a '.' whatever the locale.
std::string jsonNumber(double value);
// "text" with quotes, backslashes and control characters escaped.
std::string jsonQuoted(const std::string &text);

} // namespace azllm::quant
