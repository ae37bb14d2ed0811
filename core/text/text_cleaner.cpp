#include "text_cleaner.h"

#include "transliteration.h"
#include "utf8_append.h"

#include <QString>

#include <array>

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

enum class Kind : unsigned char
{
    Visible,
    LineBreak,
    Space,
    Invisible
};

Kind kindOf(char32_t c)
{
    if (isLineBreak(c))
        return Kind::LineBreak;
    if (isSpace(c))
        return Kind::Space;
    return isInvisible(c) ? Kind::Invisible : Kind::Visible;
}

// The same answers for Latin, Greek and Cyrillic from a table: most text is there, and
// Azerbaijani's ə ğ ı ö ü ç ş are past ASCII.
constexpr char32_t kTabled = 0x530;

struct KindTable
{
    std::array<Kind, kTabled> kind{};
    std::array<bool, kTabled> emojiLike{};
    KindTable()
    {
        for (char32_t c = 0; c < kTabled; ++c) {
            kind[c] = kindOf(c);
            emojiLike[c] = isEmojiLike(c);
        }
    }
};
const KindTable kTable;

Kind kindOfFast(char32_t c)
{
    return c < kTabled ? kTable.kind[c] : kindOf(c);
}

bool isEmojiLikeFast(char32_t c)
{
    return c < kTabled ? kTable.emojiLike[c] : isEmojiLike(c);
}

// Decodes strict UTF-8 into code points when every one of them is NFC-inert. False otherwise:
// invalid UTF-8 (which Qt replaces with U+FFFD) or text that needs NFC takes Qt's path.
bool decodeInert(std::string_view utf8, std::u32string &out)
{
    out.clear();
    const auto *p = reinterpret_cast<const unsigned char *>(utf8.data());
    const auto *end = p + utf8.size();
    while (p < end) {
        const unsigned char b = *p;
        if (b < 0x80) {
            out.push_back(b);
            ++p;
            continue;
        }
        int length = 0;
        char32_t c = 0, min = 0;
        if (b >= 0xC2 && b <= 0xDF)
            length = 2, c = b & 0x1F, min = 0x80;
        else if (b >= 0xE0 && b <= 0xEF)
            length = 3, c = b & 0x0F, min = 0x800;
        else if (b >= 0xF0 && b <= 0xF4)
            length = 4, c = b & 0x07, min = 0x10000;
        else
            return false;
        if (end - p < length)
            return false;
        for (int i = 1; i < length; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            c = (c << 6) | (p[i] & 0x3F);
        }
        if (c < min || !isNfcInert(c))
            return false; // overlong, or needs NFC (surrogates and U+110000+ are not inert)
        out.push_back(c);
        p += length;
    }
    return true;
}

void nfcWithQt(std::string_view utf8, std::u32string &out)
{
    out = QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()))
              .normalized(QString::NormalizationForm_C)
              .toStdU32String();
}

void replaceTurnedE(std::u32string &text)
{
    for (char32_t &c : text) {
        if (c == 0x01DD) // ǝ, the "turned e", typed for ə
            c = 0x0259;
        else if (c == 0x018E) // Ǝ, the "reversed E", typed for Ə
            c = 0x018F;
    }
}

// Writes UTF-8 with whitespace normalised: a space or line break is held back until the next
// visible character shows whether it is needed.
class WhitespaceWriter
{
public:
    explicit WhitespaceWriter(std::size_t capacity) { m_out.reserve(capacity); }
    void space() { m_pendingSpace = true; }
    void lineBreak() { ++m_pendingBreaks; }
    void put(char32_t c)
    {
        if (!m_out.empty()) {
            if (m_pendingBreaks > 0)
                m_out.append(m_pendingBreaks > 1 ? 2 : 1, '\n');
            else if (m_pendingSpace)
                m_out.push_back(' ');
        }
        m_pendingBreaks = 0;
        m_pendingSpace = false;
        unicode::appendUtf8(m_out, c);
        m_last = c;
    }
    char32_t last() const { return m_last; } // 0 before the first
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
    char32_t m_last = 0;
    int m_pendingBreaks = 0;
    bool m_pendingSpace = false;
};

std::string withWhitespaceNormalised(const std::u32string &text, std::size_t utf8Bytes)
{
    WhitespaceWriter out(utf8Bytes);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (c == U'\r' && i + 1 < text.size() && text[i + 1] == U'\n')
            continue; // \r\n is one break
        const Kind kind = kindOfFast(c);
        if (kind == Kind::LineBreak)
            out.lineBreak();
        else if (kind == Kind::Space)
            out.space();
        else if (c == kZeroWidthJoiner && isEmojiLikeFast(out.last()) && i + 1 < text.size() &&
                 isEmojiLikeFast(text[i + 1]))
            out.put(c); // 👩‍💻 stays one emoji
        else if (kind == Kind::Visible)
            out.put(c);
    }
    return out.take();
}

} // namespace

// Every character below U+0300 (Latin, Azerbaijani's ə ğ ı ö ü ç ş İ included), Cyrillic
// letters, general punctuation (not the two singletons U+2000/U+2001), currency signs and the
// BOM; a test checks each of them, and each pair of them, against Qt's NFC.
bool isNfcInert(char32_t c)
{
    return c < 0x300 || (c >= 0x400 && c <= 0x482) || (c >= 0x48A && c <= 0x52F) ||
           (c >= 0x2002 && c <= 0x206F) || (c >= 0x20A0 && c <= 0x20C0) || c == 0xFEFF;
}

std::string TextCleaner::clean(std::string_view utf8) const
{
    // Reused per thread: the import cleans hundreds of thousands of documents on each core.
    thread_local std::u32string text;
    if (!decodeInert(utf8, text))
        nfcWithQt(utf8, text);
    replaceTurnedE(text);
    if (m_options.transliterateCyrillic)
        text = transliterateCyrillic(text);
    return withWhitespaceNormalised(text, utf8.size());
}

} // namespace azllm
