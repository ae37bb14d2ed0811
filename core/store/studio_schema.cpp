#include "studio_schema.h"

namespace azllm {

const std::vector<std::vector<const char *>> &schemaMigrations()
{
    static const std::vector<std::vector<const char *>> steps = {
        // 0 -> 1: training runs and their metrics.
        {"CREATE TABLE runs (id INTEGER PRIMARY KEY, name TEXT NOT NULL, dir TEXT NOT NULL UNIQUE,"
         " dataset TEXT NOT NULL DEFAULT '', config TEXT NOT NULL, status TEXT NOT NULL DEFAULT "
         "'created',"
         " message TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
         "CREATE TABLE metrics (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
         " step INTEGER NOT NULL, loss REAL NOT NULL, val_loss REAL, lr REAL NOT NULL, grad_norm "
         "REAL NOT NULL,"
         " tokens_per_s REAL NOT NULL, elapsed_s REAL NOT NULL, PRIMARY KEY (run_id, step))"},
        // 1 -> 2: the parameter count and the best validation loss, for the runs list.
        {"ALTER TABLE runs ADD COLUMN params INTEGER NOT NULL DEFAULT 0",
         "ALTER TABLE runs ADD COLUMN best_val_loss REAL",
         "UPDATE runs SET best_val_loss = (SELECT MIN(val_loss) FROM metrics WHERE metrics.run_id "
         "= runs.id)"},
    };
    return steps;
}

} // namespace azllm
