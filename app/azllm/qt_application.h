// Qt's SQLite driver is a plugin, and plugins load only under a QCoreApplication: the commands
// that open studio.db start one when none runs.
#pragma once

#include <QCoreApplication>

#include <memory>

inline std::unique_ptr<QCoreApplication> ensureQtApplication()
{
    if (QCoreApplication::instance())
        return nullptr;
    static int argc = 1;
    static char name[] = "azllm";
    static char *argv[] = {name, nullptr};
    return std::make_unique<QCoreApplication>(argc, argv);
}
