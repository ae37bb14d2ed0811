// Personal data out of the training text: e-mail addresses and telephone numbers are replaced
// by placeholders ("[e-poçt]", "[telefon]"), so the model never learns anyone's address.
//
// Telephone numbers: international ones (+994 50 123 45 67, +99450..., +7 495 ..., 9 to 15
// digits after a +), Azerbaijan's national form (050 123 45 67, (012) 493-12-34: ten digits
// starting with 0), 994501234567 (twelve digits starting 994), and local ones written
// 3-2-2 (493-12-34). Dates, years and other numbers stay.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace azllm::sources {

inline constexpr std::string_view kEmailPlaceholder = "[e-poçt]";
inline constexpr std::string_view kPhonePlaceholder = "[telefon]";

// Returns the scrubbed text; `replaced` counts the replacements.
std::string scrubPii(std::string_view text, std::uint64_t &replaced);

} // namespace azllm::sources
