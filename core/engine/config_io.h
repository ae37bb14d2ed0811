// The text form of a RunConfig: "key = value" lines, '#' comments. Config files for
// `azllm train --config`, the config stored in every checkpoint, and command-line flags
// (--key value) all go through the same table of keys.
#pragma once

#include <string>
#include <vector>

#include "train_config.h"

namespace azllm {

struct ConfigKey
{
    std::string name;
    std::string help;
};

// Every settable key with a one-line help, in the order they are written out.
std::vector<ConfigKey> configKeys();
bool isConfigKey(const std::string &key);

// Sets one field. "preset" replaces the whole model config. Throws std::invalid_argument
// naming the key for an unknown key or a value of the wrong type.
void setConfigValue(RunConfig &config, const std::string &key, const std::string &value);

// Parses config text; errors say "<sourceName>:<line>: ...". A "preset" line is applied
// before every other line, so the file's other model keys override the preset.
RunConfig parseConfigText(const std::string &text, const std::string &sourceName,
                          RunConfig base = RunConfig{});
RunConfig readConfigFile(const std::string &path, RunConfig base = RunConfig{});
std::string formatConfig(const RunConfig &config);

// Writes text to path through "<path>.tmp" + fsync + rename + fsync of the folder, so a reader
// never sees half a file and a power cut leaves the old text or the new one.
void writeFileAtomically(const std::string &path, const std::string &text);
std::string readTextFile(const std::string &path);

} // namespace azllm
