#include "shot_tool.h"

#include <QApplication>
#include <QTextStream>
#include <QWidget>

ShotTool::ShotTool(const char *name, const char *usage, int minExtra, int maxExtra)
{
    QStringList args = QApplication::arguments().mid(1);
    const bool english =
        args.removeAll(QStringLiteral("--lang")) > 0 && args.removeAll(QStringLiteral("en")) > 0;
    if (args.isEmpty() || args.size() - 1 < minExtra || args.size() - 1 > maxExtra) {
        QTextStream(stderr) << "usage: " << name << ' ' << usage << " [--lang en]\n";
        return;
    }
    if (!english) {
        m_azerbaijani.emplace();
        if (!m_azerbaijani->loaded()) {
            QTextStream(stderr) << name << ": the Azerbaijani translation is not in the build\n";
            return;
        }
    }
    m_out.setPath(args.takeFirst());
    QDir().mkpath(m_out.path());
    m_extra = args;
    m_ok = true;
}

bool ShotTool::save(QWidget &widget, const QString &fileName) const
{
    QApplication::processEvents(); // lets the layout and QCustomPlot's queued replot settle
    QApplication::processEvents();
    const QString path = m_out.filePath(fileName);
    const bool saved = widget.grab().save(path);
    QTextStream(stdout) << (saved ? "wrote " : "could not write ") << path << '\n';
    return saved;
}
