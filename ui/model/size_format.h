// Human units for the configurator: parameters in K/M/B, bytes in MiB/GiB, FLOPs with SI
// prefixes, durations in the largest sensible unit. The page and its tests format through these,
// so a test can check the screen against the engine's numbers character for character. Decimals
// follow the default QLocale: the examples below are English, Azerbaijani writes 110,4M.
#pragma once

#include <QString>

#include <cstdint>

namespace azllm::ui {

// 5.3M, 110.4M, 1.23B: one decimal below a billion, two above.
QString formatParameterCount(std::int64_t count);
// Binary units (a GPU's "16 GB" is 16 GiB): 512 B, 21.1 MiB, 3.57 GiB; three significant digits.
QString formatBytes(std::int64_t bytes);
// 1.02 GFLOP, 6.90 TFLOP, 1.48 EFLOP.
QString formatFlops(double flops);
// 1.02 GFLOP/s
QString formatFlopRate(double flopsPerSecond);
// 45 s, 12 min, 3.4 hours, 5.2 days, 1.3 years.
QString formatDuration(double seconds);
// 106 M tokens, 19.1 B tokens.
QString formatTokenCount(double tokens);

} // namespace azllm::ui
