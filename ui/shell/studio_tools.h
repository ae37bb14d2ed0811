// What `azllm-studio --screenshot DIR` and `--bench-ui` do, with the real window and worker.
#pragma once

#include <QString>

namespace azllm::ui {
class MainWindow;

// Trains a short run on the sample dataset through the Train screen, then renders every screen
// (and the runs history) to DIR/<screen>.png. Returns the process exit code.
int takeScreenshots(MainWindow &window, const QString &dir, int steps);

// Trains a tiny model through the real worker while a 5 ms timer on the GUI thread measures how
// late it fires; prints the longest stall beside the same measurement with no training, as JSON.
int benchmarkUi(MainWindow &window, int steps);

} // namespace azllm::ui
