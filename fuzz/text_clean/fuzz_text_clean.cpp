// The text cleaner's UTF-8 path against the cleaning rules written plainly over Qt
// (tests/text/clean_reference.h): any input on which they differ, or that crashes either, is a
// fault. The first byte's low bit turns Cyrillic transliteration on.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "../tests/text/clean_reference.h"
#include "text_cleaner.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    azllm::CleaningOptions options;
    options.transliterateCyrillic = (data[0] & 1) != 0;
    const std::string text(reinterpret_cast<const char *>(data) + 1, size - 1);
    if (azllm::TextCleaner(options).clean(text) !=
        azllm::test::referenceClean(text, options.transliterateCyrillic))
        std::abort(); // the two paths disagree
    return 0;
}
