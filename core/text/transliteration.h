// Cyrillic-script Azerbaijani to the Latin alphabet (the official 1991 correspondences), so
// texts from before and after the script change meet in one vocabulary.
#pragma once

#include <string>

namespace azllm {

// Transliterates every Cyrillic letter in a sequence of code points; other characters pass
// through. Letters of the Azerbaijani Cyrillic alphabet map one to one (ә→ə, ғ→ğ, ҹ→c, ч→ç,
// ј→y, ы→ı, и→i, ...); Russian-only letters found in Soviet-era texts follow the usual
// Azerbaijani spelling (я→ya, ю→yu, ё→yo, ц→ts, щ→şç, й→y, э→e; ъ and ь are dropped).
std::u32string transliterateCyrillic(const std::u32string &text);

// The same on UTF-8.
std::string transliterateCyrillicUtf8(const std::string &utf8);

} // namespace azllm
