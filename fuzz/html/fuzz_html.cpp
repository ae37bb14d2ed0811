// The HTML importer: visible text out of any bytes, directly and through the corpus reader.
#include "corpus_reader.h"
#include "fuzz_support.h"
#include "html_text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view html(reinterpret_cast<const char *>(data), size);
    (void)azllm::htmlToText(html);
    (void)azllm::decodeHtmlEntities(html);
    static const std::string path = fuzz::scratchPath("input.html");
    fuzz::writeFile(path, data, size);
    try {
        azllm::ImportOptions options;
        options.paragraphDocuments = size % 2 == 0;
        azllm::CorpusReader reader({path}, options);
        reader.read([](azllm::Document &&) { return true; });
    } catch (const std::exception &) {
    }
    return 0;
}
