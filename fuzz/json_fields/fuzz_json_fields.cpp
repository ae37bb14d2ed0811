// The JSONL fast path (core/text/json_fields.h) against QJsonDocument: every line it reads
// itself must read exactly as Qt reads it, for the field "text" and for "title".
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "../tests/text/json_fields_oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view line(reinterpret_cast<const char *>(data), size);
    if (!azllm::testing::jsonFieldsAgreeWithQt(line, "text") ||
        !azllm::testing::jsonFieldsAgreeWithQt(line, "title"))
        std::abort();
    return 0;
}
