#include "text_cleaner.h"

#include "transliteration.h"

#include <QString>

namespace azllm {
namespace {

constexpr char32_t kZeroWidthJoiner = 0x200D;

bool isLineBreak(char32_t c)
{
    return c == U'\n' || c == U'\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

bool isSpace(char32_t c)
{
    return c == U'\t' || QChar::category(c) == QChar::Separator_Space;
}

bool isEmojiLike(char32_t c)
{
    const auto category = QChar::category(c);
    return category == QChar::Symbol_Other || category == QChar::Symbol_Modifier || c == 0xFE0F;
}

// Characters that carry no visible text: C0/C1 controls and format characters.
bool isInvisible(char32_t c)
{
    const auto category = QChar::category(c);
    return category == QChar::Other_Control || category == QChar::Other_Format;
}

// Writes code points with whitespace normalised: a space or line break is held back until the
// next visible character shows whether it is needed.
class WhitespaceWriter
{
public:
    void space() { m_pendingSpace = true; }
    void lineBreak() { ++m_pendingBreaks; }
    void put(char32_t c)
    {
        if (!m_out.empty()) {
            if (m_pendingBreaks > 0)
                m_out.append(m_pendingBreaks > 1 ? 2 : 1, U'\n');
            else if (m_pendingSpace)
                m_out.push_back(U' ');
        }
        m_pendingBreaks = 0;
        m_pendingSpace = false;
        m_out.push_back(c);
    }
    char32_t last() const { return m_out.empty() ? 0 : m_out.back(); }
    std::u32string take() { return std::move(m_out); }

private:
    std::u32string m_out;
    int m_pendingBreaks = 0;
    bool m_pendingSpace = false;
};

} // namespace

std::string TextCleaner::clean(std::string_view utf8) const
{
    const QString nfc = QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()))
                            .normalized(QString::NormalizationForm_C);
    std::u32string text = nfc.toStdU32String();
    for (char32_t &c : text) {
        if (c == 0x01DD) // ǝ, the "turned e", typed for ə
            c = 0x0259;
        else if (c == 0x018E) // Ǝ, the "reversed E", typed for Ə
            c = 0x018F;
    }
    if (m_options.transliterateCyrillic)
        text = transliterateCyrillic(text);

    WhitespaceWriter out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (c == U'\r' && i + 1 < text.size() && text[i + 1] == U'\n')
            continue; // \r\n is one break
        if (isLineBreak(c))
            out.lineBreak();
        else if (isSpace(c))
            out.space();
        else if (c == kZeroWidthJoiner && isEmojiLike(out.last()) && i + 1 < text.size() &&
                 isEmojiLike(text[i + 1]))
            out.put(c); // 👩‍💻 stays one emoji
        else if (!isInvisible(c))
            out.put(c);
    }
    return QString::fromStdU32String(out.take()).toStdString();
}

} // namespace azllm
