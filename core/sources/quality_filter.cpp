#include "quality_filter.h"

#include <QChar>

#include <array>
#include <unordered_set>

namespace azllm::sources {
namespace {

char32_t decodeAt(std::string_view s, std::size_t &i)
{
    const auto b = static_cast<unsigned char>(s[i++]);
    if (b < 0x80)
        return b;
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
    char32_t c = b & (0x3F >> extra);
    for (; extra > 0 && i < s.size(); --extra)
        c = (c << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    return c;
}

bool isSymbol(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other:
        return true;
    default:
        break;
    }
    return c == '#' || c == '|' || c == '{' || c == '}' || c == '[' || c == ']' || c == '<' ||
           c == '>' || c == '=' || c == '_' || c == '~' || c == '^' || c == '\\' || c == '@' ||
           c == '*';
}

enum class CharKind : unsigned char
{
    Space,
    Letter, // letters and marks
    Symbol,
    Other
};

CharKind kindOfSlowly(char32_t c)
{
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
        return CharKind::Space;
    if (QChar::isLetter(c) || QChar::isMark(c))
        return CharKind::Letter;
    return isSymbol(c) ? CharKind::Symbol : CharKind::Other;
}

// Latin, Greek and Cyrillic from a table built once: every letter of every document comes
// through here, and Azerbaijani's ə ğ ı ö ü ç ş are past ASCII.
constexpr char32_t kTabled = 0x530;

CharKind kindOf(char32_t c)
{
    static const auto table = [] {
        std::array<CharKind, kTabled> kinds{};
        for (char32_t a = 0; a < kTabled; ++a)
            kinds[a] = kindOfSlowly(a);
        return kinds;
    }();
    return c < kTabled ? table[c] : kindOfSlowly(c);
}

// FNV-1a, then a mix: the same on every machine.
std::uint64_t hashLine(std::string_view line)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : line) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 31;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 29);
}

template <typename F> void forEachLine(std::string_view text, F f)
{
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        f(text.substr(start, end - start), start, end);
        start = end + 1;
    }
}

bool isBlank(std::string_view line)
{
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

double repeatedLineShare(std::string_view text)
{
    std::unordered_set<std::uint64_t> seen;
    std::size_t lines = 0, repeated = 0;
    forEachLine(text, [&](std::string_view line, std::size_t, std::size_t) {
        if (isBlank(line))
            return;
        ++lines;
        repeated += !seen.insert(hashLine(line)).second;
    });
    return lines < 3 ? 0.0 : double(repeated) / double(lines);
}

} // namespace

const char *ruleKey(QualityRule rule)
{
    switch (rule) {
    case QualityRule::TooShort:
        return "too_short";
    case QualityRule::TooFewLetters:
        return "too_few_letters";
    case QualityRule::TooManySymbols:
        return "too_many_symbols";
    case QualityRule::RepeatedLines:
        return "repeated_lines";
    case QualityRule::Boilerplate:
        return "boilerplate";
    }
    return "unknown";
}

std::optional<QualityRule> checkQuality(std::string_view text, const QualityOptions &options)
{
    std::size_t words = 0, visible = 0, letters = 0, symbols = 0;
    bool inWord = false;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = decodeAt(text, i);
        const CharKind kind = kindOf(c);
        if (kind == CharKind::Space) {
            inWord = false;
            continue;
        }
        words += !inWord;
        inWord = true;
        ++visible;
        letters += kind == CharKind::Letter;
        symbols += kind == CharKind::Symbol;
    }
    if (int(words) < options.minWords)
        return QualityRule::TooShort;
    if (double(letters) < options.minLetterShare * double(visible))
        return QualityRule::TooFewLetters;
    if (double(symbols) > options.maxSymbolShare * double(visible))
        return QualityRule::TooManySymbols;
    if (repeatedLineShare(text) > options.maxRepeatedLineShare)
        return QualityRule::RepeatedLines;
    return std::nullopt;
}

std::vector<std::uint64_t> BoilerplateDetector::lineHashes(std::string_view text)
{
    std::vector<std::uint64_t> hashes;
    std::unordered_set<std::uint64_t> seen;
    forEachLine(text, [&](std::string_view line, std::size_t, std::size_t) {
        if (isBlank(line))
            return;
        const std::uint64_t hash = hashLine(line);
        if (seen.insert(hash).second)
            hashes.push_back(hash);
    });
    return hashes;
}

void BoilerplateDetector::count(const std::vector<std::uint64_t> &hashes)
{
    if (m_threshold <= 0)
        return;
    for (std::uint64_t h : hashes)
        ++m_documents[h];
    if (m_documents.size() > m_maxLines)
        prune();
}

void BoilerplateDetector::prune()
{
    for (auto it = m_documents.begin(); it != m_documents.end();)
        it = it->second <= 1 ? m_documents.erase(it) : std::next(it);
}

bool BoilerplateDetector::isBoilerplate(std::uint64_t lineHash) const
{
    if (m_threshold <= 0)
        return false;
    const auto found = m_documents.find(lineHash);
    return found != m_documents.end() && found->second >= std::uint32_t(m_threshold);
}

std::string BoilerplateDetector::strip(std::string_view text, std::size_t &removedLines) const
{
    removedLines = 0;
    const auto isRemoved = [&](std::string_view line) {
        return !isBlank(line) && isBoilerplate(hashLine(line));
    };
    forEachLine(text, [&](std::string_view line, std::size_t, std::size_t) {
        removedLines += isRemoved(line);
    });
    if (removedLines == 0)
        return std::string(text); // the common case: nothing to rebuild
    std::string out;
    out.reserve(text.size());
    forEachLine(text, [&](std::string_view line, std::size_t, std::size_t) {
        if (!isRemoved(line))
            out.append(line).push_back('\n');
    });
    while (!out.empty() && out.back() == '\n')
        out.pop_back();
    return out;
}

std::vector<std::pair<std::uint64_t, std::uint32_t>> BoilerplateDetector::snapshot() const
{
    return {m_documents.begin(), m_documents.end()};
}

void BoilerplateDetector::restore(
    const std::vector<std::pair<std::uint64_t, std::uint32_t>> &counts)
{
    m_documents.clear();
    m_documents.insert(counts.begin(), counts.end());
}

} // namespace azllm::sources
