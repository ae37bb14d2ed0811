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
        // 2 -> 3: the learner's roadmap (goals, milestones, data sources) and lesson progress.
        // deleted_seq marks a soft delete: undo restores the rows with the highest number.
        {"CREATE TABLE roadmaps (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
         " start_date TEXT NOT NULL, horizon_months INTEGER NOT NULL"
         " CHECK (horizon_months BETWEEN 3 AND 6), deleted_seq INTEGER,"
         " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
         "CREATE TABLE goals (id INTEGER PRIMARY KEY,"
         " roadmap_id INTEGER NOT NULL REFERENCES roadmaps(id) ON DELETE CASCADE,"
         " kind TEXT NOT NULL CHECK (kind IN ('target', 'data', 'technique')),"
         " title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',"
         " status TEXT NOT NULL DEFAULT 'planned', deleted_seq INTEGER)",
         "CREATE TABLE milestones (id INTEGER PRIMARY KEY,"
         " goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,"
         " title TEXT NOT NULL, due_date TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open',"
         " condition_kind TEXT NOT NULL DEFAULT '', condition_value REAL,"
         " met_by TEXT NOT NULL DEFAULT '', met_at TEXT, note TEXT NOT NULL DEFAULT '',"
         " deleted_seq INTEGER)",
         "CREATE TABLE data_sources (id INTEGER PRIMARY KEY,"
         " goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,"
         " name TEXT NOT NULL, location TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '',"
         " status TEXT NOT NULL DEFAULT 'planned'"
         " CHECK (status IN ('planned', 'collected', 'imported')),"
         " documents INTEGER NOT NULL DEFAULT 0, tokens INTEGER NOT NULL DEFAULT 0,"
         " deleted_seq INTEGER)",
         "CREATE TABLE lesson_progress (day INTEGER PRIMARY KEY, done INTEGER NOT NULL DEFAULT 0,"
         " done_at TEXT, notes TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL)"},
        // 3 -> 4: chat conversations and their messages (core/chat/conversation_store.cpp), with a
        // trigram full-text index: substring search suits Azerbaijani's stacked suffixes.
        {"CREATE TABLE conversations (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
         " mode TEXT NOT NULL DEFAULT 'chat', checkpoint TEXT NOT NULL DEFAULT '',"
         " system_prompt TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT "
         "NULL)",
         "CREATE TABLE messages (id INTEGER PRIMARY KEY,"
         " conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
         " position INTEGER NOT NULL, role TEXT NOT NULL, content TEXT NOT NULL,"
         " prompt_tokens INTEGER NOT NULL DEFAULT 0, generated_tokens INTEGER NOT NULL DEFAULT 0,"
         " tokens_per_s REAL NOT NULL DEFAULT 0, ttft_ms REAL NOT NULL DEFAULT 0,"
         " dropped_turns INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL,"
         " UNIQUE (conversation_id, position))",
         "CREATE VIRTUAL TABLE messages_fts USING fts5(content, content='messages',"
         " content_rowid='id', tokenize='trigram')",
         "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN"
         " INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content); END",
         "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
         " INSERT INTO messages_fts(messages_fts, rowid, content)"
         " VALUES ('delete', old.id, old.content); END",
         "CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN"
         " INSERT INTO messages_fts(messages_fts, rowid, content)"
         " VALUES ('delete', old.id, old.content);"
         " INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content); END"},
        // 4 -> 5: the Data screen's web sources (feeds, sitemaps, URL lists) with the licence or
        // terms the learner recorded. Fetch state lives beside the collected pages
        // (<workspace>/collected/fetch_state.tsv, core/sources/collector.h).
        {"CREATE TABLE web_sources (id INTEGER PRIMARY KEY,"
         " kind TEXT NOT NULL CHECK (kind IN ('feed', 'sitemap', 'urls')),"
         " location TEXT NOT NULL UNIQUE, licence TEXT NOT NULL DEFAULT '',"
         " created_at TEXT NOT NULL)"},
        // 5 -> 6: fine-tuning (core/finetune). A run's kind (pretrain, sft, classify; every
        // earlier run pretrained) and a classifier's best validation accuracy.
        {"ALTER TABLE runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'pretrain'",
         "ALTER TABLE runs ADD COLUMN best_accuracy REAL"},
        // 6 -> 7: knowledge bases (core/knowledge, docs/knowledge.md): documents, their chunks,
        // dense vectors from a checkpoint, and the sources of chat answers. Each base has its
        // own full-text index, kb_fts_<id> (created with the base, so bm25's statistics are the
        // base's own), over Azerbaijani-folded words and their prefixes.
        {"CREATE TABLE knowledge_bases (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
         " description TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '',"
         " prefix_length INTEGER NOT NULL DEFAULT 5,"
         " embedding_checkpoint TEXT NOT NULL DEFAULT '', embedding_signature TEXT NOT NULL"
         " DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
         "CREATE TABLE kb_documents (id INTEGER PRIMARY KEY,"
         " kb_id INTEGER NOT NULL REFERENCES knowledge_bases(id) ON DELETE CASCADE,"
         " name TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', path TEXT NOT NULL,"
         " format TEXT NOT NULL DEFAULT '', content_hash TEXT NOT NULL, bytes INTEGER NOT NULL,"
         " lines INTEGER NOT NULL, imported_at TEXT NOT NULL, UNIQUE (kb_id, path))",
         "CREATE TABLE kb_chunks (id INTEGER PRIMARY KEY,"
         " document_id INTEGER NOT NULL REFERENCES kb_documents(id) ON DELETE CASCADE,"
         " position INTEGER NOT NULL, heading TEXT NOT NULL DEFAULT '',"
         " articles TEXT NOT NULL DEFAULT '', first_line INTEGER NOT NULL,"
         " last_line INTEGER NOT NULL, text TEXT NOT NULL, UNIQUE (document_id, position))",
         "CREATE TABLE kb_vectors (chunk_id INTEGER PRIMARY KEY"
         " REFERENCES kb_chunks(id) ON DELETE CASCADE, vector BLOB NOT NULL)",
         "CREATE TABLE message_sources (message_id INTEGER NOT NULL"
         " REFERENCES messages(id) ON DELETE CASCADE, rank INTEGER NOT NULL,"
         " kb TEXT NOT NULL, document TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',"
         " heading TEXT NOT NULL DEFAULT '', articles TEXT NOT NULL DEFAULT '',"
         " first_line INTEGER NOT NULL, last_line INTEGER NOT NULL, score REAL NOT NULL,"
         " use TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (message_id, rank))",
         "CREATE TABLE message_prompts (message_id INTEGER PRIMARY KEY"
         " REFERENCES messages(id) ON DELETE CASCADE, kb TEXT NOT NULL, mode TEXT NOT NULL,"
         " found INTEGER NOT NULL, prompt TEXT NOT NULL)",
         // Set once the default base was built, so a learner who deletes it keeps it deleted.
         "CREATE TABLE kb_seeded (origin TEXT NOT NULL, seeded_at TEXT NOT NULL)"},
    };
    return steps;
}

} // namespace azllm
