#include "language_identifier.h"

#include <QChar>
#include <QFile>
#include <QString>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace azllm::sources {
namespace {

constexpr int kMaxOrder = 3;
// Overlapping n-grams of three orders are far from independent: dividing the summed log
// likelihood by the number of orders keeps the posterior from claiming certainty it lacks.
constexpr double kTemperature = kMaxOrder;

// Up to three code points packed in 63 bits (21 each). No code point of a gram is 0, so the
// order shows in the key's magnitude and grams of different orders never share a key.
std::uint64_t packNgram(const char32_t *codePoints, int n)
{
    std::uint64_t key = 0;
    for (int i = 0; i < n; ++i)
        key = (key << 21) | codePoints[i];
    return key;
}

int orderOf(std::uint64_t key)
{
    return key >= (std::uint64_t(1) << 42) ? 3 : key >= (std::uint64_t(1) << 21) ? 2 : 1;
}

// The same reading as scripts/build_langid_profiles.py: letters and marks lower-cased one code
// point at a time (İ -> i); anything else ends a word.
char32_t normalizeSlowly(char32_t c)
{
    if (c == 0x130)
        return U'i';
    if (!QChar::isLetter(c) && !QChar::isMark(c))
        return 0;
    return QChar::toLower(c);
}

// Latin, Greek and Cyrillic (every script of the profiles but Persian) from a table built once.
constexpr char32_t kTabled = 0x530;

char32_t normalizeLetter(char32_t c)
{
    static const std::vector<char32_t> table = [] {
        std::vector<char32_t> t(kTabled);
        for (char32_t i = 0; i < kTabled; ++i)
            t[i] = normalizeSlowly(i);
        return t;
    }();
    return c < kTabled ? table[c] : normalizeSlowly(c);
}

std::uint64_t slotOf(std::uint64_t key, std::uint64_t mask)
{
    const std::uint64_t h = key * 0x9e3779b97f4a7c15ULL;
    return (h ^ (h >> 32)) & mask; // the high half depends on every code point of the gram
}

// Decodes one UTF-8 code point at s[i]; advances i. Invalid bytes give U+FFFD.
char32_t nextCodePoint(std::string_view s, std::size_t &i)
{
    const auto b = static_cast<unsigned char>(s[i++]);
    if (b < 0x80)
        return b;
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
    if (extra < 0)
        return 0xFFFD;
    char32_t c = b & (0x3F >> extra);
    for (; extra > 0 && i < s.size(); --extra) {
        const auto next = static_cast<unsigned char>(s[i]);
        if ((next & 0xC0) != 0x80)
            return 0xFFFD;
        c = (c << 6) | (next & 0x3F);
        ++i;
    }
    return c;
}

std::u32string decodeUtf8(std::string_view s)
{
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();)
        out.push_back(nextCodePoint(s, i));
    return out;
}

// Up to maxBytes of text taken as a few windows spread over it, cut at spaces.
std::string sampleText(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return std::string(text);
    constexpr std::size_t kWindows = 4;
    const std::size_t window = maxBytes / kWindows;
    std::string sample;
    for (std::size_t w = 0; w < kWindows; ++w) {
        std::size_t start = (text.size() - window) * w / (kWindows - 1);
        std::size_t end = start + window;
        start = text.find(' ', start); // whole words only
        end = text.rfind(' ', end);
        if (start == std::string_view::npos || end == std::string_view::npos || end <= start)
            continue;
        sample.append(text.substr(start, end - start)).push_back(' ');
    }
    return sample;
}

// Adds rows of floats to the languages' sums, each sum in the rows' order (so the same scores
// whatever the copy). With the count of languages known here the sums stay in registers
// instead of memory, where each addition waited for the one before to be stored and loaded
// back; copies for AVX-512 and AVX2 (chosen by the loader at run time) add several at once.
template <std::size_t N>
__attribute__((target_clones("arch=x86-64-v4", "avx2", "default"))) void
sumRows(const float *logp, const std::uint32_t *rows, std::size_t count, double *sums)
{
    double acc[N];
    for (std::size_t l = 0; l < N; ++l)
        acc[l] = sums[l];
    for (std::size_t s = 0; s < count; ++s) {
        const float *row = logp + std::size_t(rows[s]) * N;
        for (std::size_t l = 0; l < N; ++l)
            acc[l] += row[l];
    }
    for (std::size_t l = 0; l < N; ++l)
        sums[l] = acc[l];
}

// Any other count of languages (profiles of one's own).
void sumRows(const float *logp, const std::uint32_t *rows, std::size_t count, std::size_t languages,
             double *sums)
{
    for (std::size_t s = 0; s < count; ++s) {
        const float *row = logp + std::size_t(rows[s]) * languages;
        for (std::size_t l = 0; l < languages; ++l)
            sums[l] += row[l];
    }
}

} // namespace

LanguageIdentifier LanguageIdentifier::fromProfiles(std::string_view profiles)
{
    LanguageIdentifier id;
    std::vector<std::vector<std::pair<std::uint64_t, float>>> entries; // per language
    std::vector<float> unseenByLanguage; // [language][order-1], as the file lists them
    std::istringstream in{std::string(profiles)};
    std::size_t lineNumber = 0;
    for (std::string line; std::getline(in, line);) {
        ++lineNumber;
        if (line.empty() || line[0] == '#')
            continue;
        std::vector<std::string> fields;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
            fields.push_back(line.substr(start, tab - start));
        fields.push_back(line.substr(start));
        const auto bad = [&] {
            return std::runtime_error("language profiles, line " + std::to_string(lineNumber) +
                                      ": malformed");
        };
        if (fields[0] == "language") {
            if (fields.size() != 3 + kMaxOrder)
                throw bad();
            id.m_codes.push_back(fields[1]);
            id.m_names.push_back(fields[2]);
            for (int n = 0; n < kMaxOrder; ++n)
                unseenByLanguage.push_back(std::stof(fields[3 + n]));
            entries.emplace_back();
            continue;
        }
        if (fields.size() != 3 || entries.empty())
            throw bad();
        const std::u32string gram = decodeUtf8(fields[0]);
        const int order = std::stoi(fields[1]);
        if (order < 1 || order > kMaxOrder || int(gram.size()) != order)
            throw bad();
        entries.back().emplace_back(packNgram(gram.data(), order), std::stof(fields[2]));
    }
    const std::size_t languages = id.m_codes.size();
    if (languages == 0)
        throw std::runtime_error("language profiles: no language in them");
    // Unseen log probabilities were stored language by language; regroup by order.
    std::vector<float> unseen(kMaxOrder * languages);
    for (std::size_t l = 0; l < languages; ++l)
        for (int n = 0; n < kMaxOrder; ++n)
            unseen[n * languages + l] = unseenByLanguage[l * kMaxOrder + n];
    std::unordered_map<std::uint64_t, std::uint32_t> rows; // n-gram -> row of m_logp
    std::vector<std::uint64_t> keys;                       // row -> n-gram
    for (std::size_t l = 0; l < languages; ++l) {
        for (const auto &[key, logp] : entries[l]) {
            auto [it, added] = rows.emplace(key, std::uint32_t(keys.size()));
            if (added) {
                keys.push_back(key);
                const int order = orderOf(key);
                for (std::size_t k = 0; k < languages; ++k)
                    id.m_logp.push_back(unseen[(order - 1) * languages + k]);
            }
            id.m_logp[std::size_t(it->second) * languages + l] = logp;
        }
    }
    id.m_unseenRow = std::uint32_t(keys.size());
    id.m_logp.insert(id.m_logp.end(), unseen.begin(), unseen.end());
    id.buildIndex(keys);
    id.buildDirectRows();
    return id;
}

void LanguageIdentifier::buildIndex(const std::vector<std::uint64_t> &keys)
{
    std::size_t slots = 16;
    while (slots < 2 * keys.size()) // at most half full: probes stay short
        slots *= 2;
    m_slotMask = slots - 1;
    m_slots.assign(slots, Slot{});
    for (std::size_t row = 0; row < keys.size(); ++row) {
        std::uint64_t slot = slotOf(keys[row], m_slotMask);
        while (m_slots[slot].key != 0)
            slot = (slot + 1) & m_slotMask;
        m_slots[slot] = {keys[row], std::uint32_t(row)};
    }
}

std::uint32_t LanguageIdentifier::rowOf(std::uint64_t key, int order) const
{
    for (std::uint64_t slot = slotOf(key, m_slotMask);; slot = (slot + 1) & m_slotMask) {
        const Slot &found = m_slots[slot];
        if (found.key == key)
            return found.row;
        if (found.key == 0)
            return m_unseenRow + std::uint32_t(order - 1);
    }
}

// The common letters: the word boundary, ASCII letters, the Azerbaijani Latin letters beyond
// them, the basic Cyrillic lower case and Azerbaijani's Cyrillic letters beyond it.
std::vector<char32_t> commonLetters()
{
    std::vector<char32_t> letters = {U' '};
    for (char32_t c = U'a'; c <= U'z'; ++c)
        letters.push_back(c);
    for (char32_t c : {0xE7, 0x259, 0x11F, 0x131, 0xF6, 0x15F, 0xFC})
        letters.push_back(c);
    for (char32_t c = 0x430; c <= 0x44F; ++c)
        letters.push_back(c);
    for (char32_t c : {0x4D9, 0x493, 0x49D, 0x458, 0x4BB, 0x4AF, 0x4E9, 0x4B9, 0x451, 0x456})
        letters.push_back(c);
    return letters;
}

void LanguageIdentifier::buildDirectRows()
{
    m_unigramRows.resize(kTabled);
    for (char32_t c = 1; c < kTabled; ++c)
        m_unigramRows[c] = rowOf(packNgram(&c, 1), 1);
    const std::vector<char32_t> common = commonLetters();
    constexpr std::size_t kCommon = 128;
    m_commonIndex.assign(kTabled, 255);
    m_commonBigrams.assign(kCommon * kCommon, 0);
    for (std::size_t i = 0; i < common.size() && i < kCommon; ++i)
        m_commonIndex[common[i]] = std::uint8_t(i);
    for (std::size_t i = 0; i < common.size(); ++i)
        for (std::size_t j = 0; j < common.size(); ++j) {
            const char32_t gram[2] = {common[i], common[j]};
            m_commonBigrams[i * kCommon + j] = rowOf(packNgram(gram, 2), 2);
        }
}

std::uint32_t LanguageIdentifier::rowOf(const char32_t *gram, int order) const
{
    if (order == 1 && gram[0] < kTabled)
        return m_unigramRows[gram[0]];
    if (order == 2 && gram[0] < kTabled && gram[1] < kTabled) {
        const std::uint8_t first = m_commonIndex[gram[0]], second = m_commonIndex[gram[1]];
        if (first != 255 && second != 255)
            return m_commonBigrams[std::size_t(first) * 128 + second];
    }
    return rowOf(packNgram(gram, order), order);
}

LanguageIdentifier LanguageIdentifier::load(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read language profiles " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return fromProfiles(text.str());
}

const LanguageIdentifier &LanguageIdentifier::builtIn()
{
    static const LanguageIdentifier identifier = [] {
        QFile file(QStringLiteral(":/langid/profiles.tsv"));
        if (!file.open(QIODevice::ReadOnly))
            throw std::runtime_error("the built-in language profiles are missing");
        const QByteArray bytes = file.readAll();
        return fromProfiles(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    }();
    return identifier;
}

std::string LanguageIdentifier::name(const std::string &code) const
{
    const auto found = std::find(m_codes.begin(), m_codes.end(), code);
    return found == m_codes.end() ? code : m_names[std::size_t(found - m_codes.begin())];
}

// The text's n-grams looked up first, a few thousand at a time, then their rows summed in the
// same order: the look-ups no longer wait for the additions.
void LanguageIdentifier::addNgrams(std::string_view utf8, std::vector<double> &logLikelihood) const
{
    constexpr std::size_t kRowsAtOnce = 4096;
    thread_local std::vector<std::uint32_t> rows; // kept: no allocation per document
    rows.clear();
    // A sliding window over the padded word: " bakı " gives " ", " b", " ba", "b", "ba", ...
    char32_t window[kMaxOrder] = {U' ', 0, 0};
    int filled = 1; // code points in the window, the leading space included
    const auto addEndingAt = [&](int length) {
        for (int n = 1; n <= std::min(length, kMaxOrder); ++n) {
            const char32_t *gram = window + (length - n);
            if (n == 1 && gram[0] == U' ')
                continue;
            rows.push_back(rowOf(gram, n));
        }
        if (rows.size() >= kRowsAtOnce) {
            addRows(rows, logLikelihood);
            rows.clear();
        }
    };
    const auto push = [&](char32_t c) {
        if (filled == kMaxOrder) {
            window[0] = window[1];
            window[1] = window[2];
            filled = kMaxOrder - 1;
        }
        window[filled++] = c;
        addEndingAt(filled);
    };
    bool inWord = false;
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t c = normalizeLetter(nextCodePoint(utf8, i));
        if (c != 0) {
            if (!inWord) {
                window[0] = U' ';
                filled = 1;
                inWord = true;
            }
            push(c);
        } else if (inWord) {
            push(U' ');
            inWord = false;
        }
    }
    if (inWord)
        push(U' ');
    addRows(rows, logLikelihood);
}

void LanguageIdentifier::addRows(const std::vector<std::uint32_t> &rows,
                                 std::vector<double> &logLikelihood) const
{
    const std::size_t languages = m_codes.size();
    if (languages == kProfileLanguages)
        sumRows<kProfileLanguages>(m_logp.data(), rows.data(), rows.size(), logLikelihood.data());
    else
        sumRows(m_logp.data(), rows.data(), rows.size(), languages, logLikelihood.data());
}

std::vector<LanguageScore> LanguageIdentifier::identify(std::string_view utf8,
                                                        std::size_t maxSampleBytes) const
{
    const std::size_t languages = m_codes.size();
    std::vector<double> logLikelihood(languages, 0.0);
    if (utf8.size() > maxSampleBytes)
        addNgrams(sampleText(utf8, maxSampleBytes), logLikelihood);
    else
        addNgrams(utf8, logLikelihood);
    const double best = *std::max_element(logLikelihood.begin(), logLikelihood.end());
    double sum = 0;
    std::vector<LanguageScore> scores(languages);
    for (std::size_t l = 0; l < languages; ++l) {
        scores[l].code = m_codes[l];
        scores[l].score = std::exp((logLikelihood[l] - best) / kTemperature);
        sum += scores[l].score;
    }
    for (LanguageScore &s : scores)
        s.score /= sum;
    std::stable_sort(
        scores.begin(), scores.end(),
        [](const LanguageScore &a, const LanguageScore &b) { return a.score > b.score; });
    return scores;
}

double LanguageIdentifier::scoreOf(const std::vector<LanguageScore> &scores,
                                   std::string_view prefix)
{
    double total = 0;
    for (const LanguageScore &s : scores)
        if (std::string_view(s.code).substr(0, prefix.size()) == prefix &&
            (s.code.size() == prefix.size() || s.code[prefix.size()] == '-'))
            total += s.score;
    return total;
}

} // namespace azllm::sources
