// Opening a workspace's studio.db: any bytes are refused with a message or opened and migrated,
// never a crash (Qt's SQLite driver over the system SQLite).
#include <QCoreApplication>

#include "fuzz_support.h"
#include "studio_database.h"

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // Qt loads its SQLite driver as a plugin, which needs an application object.
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const std::string path = fuzz::scratchPath("studio.db");
    fuzz::writeFile(path, data, size);
    std::filesystem::remove(path + "-journal");
    try {
        azllm::StudioDatabase database(QString::fromStdString(path));
        (void)database.schemaVersion();
    } catch (const std::exception &) {
    }
    return 0;
}
