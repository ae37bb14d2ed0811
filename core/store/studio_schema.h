// The schema of studio.db as a list of migrations; documented in docs/formats.md.
#pragma once

#include <vector>

namespace azllm {

// Entry i takes the schema from version i to i + 1 (PRAGMA user_version). Append only: never
// edit an entry that has shipped, learners' databases already ran it.
const std::vector<std::vector<const char *>> &schemaMigrations();

} // namespace azllm
