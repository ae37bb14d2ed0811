// Numbers as a learner reads them: "16,577 tokens", "1.2 million", "92.5 KB", "5 %".
#pragma once

#include <QString>

#include <cstdint>

namespace azllm::ui {

// Exact with thousands separators below a million, then "1.23 million" / "4.5 billion".
QString formatCount(std::uint64_t count);
// "1 document" / "16,577 documents": oneForm and manyForm hold %1 (English source strings carry
// no plural rules, so the form is picked here; translations supply their own two forms).
QString formatCountOf(std::uint64_t count, const QString &oneForm, const QString &manyForm);
// Bytes in KB / MB / GB (decimal units, as file managers show them).
QString formatFileSize(std::uint64_t bytes);
// A share (0..1) as a percentage with the given decimals: "5 %", "0.12 %".
QString formatShare(double share, int decimals = 1);
// A time left: "45 s", "3 min", "1 h 20 min".
QString formatTimeLeft(double seconds);

} // namespace azllm::ui
