// Where the program finds its read-only data and where downloads go, the same way installed (a
// .deb, `cmake --install`) and in a build tree, with nothing compiled in from the source tree:
//
//   <prefix>/bin/azllm, azllm-studio         <build>/app/azllm/azllm, app/studio/azllm-studio
//   <prefix>/share/az-llm-studio/...         <build>/share/az-llm-studio/... (links made by CMake
//                                            into the source tree: resources, bench, data/udhr)
//
// Plain C++ (no Qt, no LibTorch): the engine-only build's azllm uses it too.
#pragma once

#include <string>

namespace azllm {

// The folder of the program's data: the first share/az-llm-studio found walking up from the
// running program's folder (at most three levels), or $AZLLM_DATA_DIR when set. Empty when
// neither exists.
std::string programDataDir();
// programDataDir()/relative, empty when there is no data folder.
std::string programDataPath(const std::string &relative);

// The user's own data folder for the studio: $XDG_DATA_HOME/az-llm-studio, by default
// ~/.local/share/az-llm-studio (where the first start also suggests the workspace).
std::string userDataDir();

// The Universal Declaration of Human Rights in Azerbaijani as fetched by `azllm-fetch-data`
// (scripts/fetch_data.sh): the user's data folder first, then the program's; empty when neither
// holds it.
std::string udhrDir();

} // namespace azllm
