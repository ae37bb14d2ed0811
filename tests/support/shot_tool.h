// What every screenshot tool does around its shots: reads OUT_DIR and the tool's own arguments,
// shows the studio as a learner reads it by default (Azerbaijani, with its decimal comma; --lang en
// keeps the English source texts), gives a scratch folder for a workspace, and saves widgets as
// PNG under OUT_DIR, saying which file it wrote. Make the QApplication first.
#pragma once

#include <QDir>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>

#include "azerbaijani_interface.h"

class QWidget;

class ShotTool final
{
public:
    // usage: the tool's synopsis after its name, e.g. "OUT_DIR [CHECKPOINT]". ok() is false
    // (usage printed) unless OUT_DIR and minExtra to maxExtra more arguments were given.
    ShotTool(const char *name, const char *usage, int minExtra, int maxExtra);
    ShotTool(const ShotTool &) = delete;
    ShotTool &operator=(const ShotTool &) = delete;

    bool ok() const { return m_ok; }
    // The arguments after OUT_DIR.
    const QStringList &extra() const { return m_extra; }
    // A temporary folder that lives as long as the tool.
    QString scratch() const { return m_scratch.path(); }
    // Grabs the widget once its layout has settled and writes OUT_DIR/fileName.
    bool save(QWidget &widget, const QString &fileName) const;

private:
    std::optional<AzerbaijaniInterface> m_azerbaijani;
    QTemporaryDir m_scratch;
    QDir m_out;
    QStringList m_extra;
    bool m_ok = false;
};
