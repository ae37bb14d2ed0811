// azllm-studio: parse the command line, open the workspace, show the window.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

#include "interface_language.h"
#include "main_window.h"
#include "runtime.h"
#include "studio_tools.h"
#include "workspace.h"

namespace {

// The UI language: --lang az|en, else the saved choice (View > Language), else Azerbaijani. Read
// from the raw arguments because the translations must be installed before the option texts are
// made.
QString chooseLanguage(const QStringList &arguments)
{
    const QString option = QStringLiteral("--lang");
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == option && i + 1 < arguments.size())
            return arguments[i + 1];
        if (arguments[i].startsWith(option + QLatin1Char('=')))
            return arguments[i].mid(option.size() + 1);
    }
    return azllm::ui::savedLanguage();
}

// The workspace named on the command line, else the last one, else the user's choice at first
// start (the data folder by default). Empty when the user cancels.
QString chooseWorkspace(const QCommandLineParser &args)
{
    if (args.isSet(QStringLiteral("workspace")))
        return args.value(QStringLiteral("workspace"));
    QSettings settings;
    const QString last = settings.value(QStringLiteral("workspace/path")).toString();
    if (!last.isEmpty())
        return last;
    QMessageBox::information(
        nullptr, QObject::tr("Welcome to Az-LLM Studio"),
        QObject::tr("Choose a folder for your workspace: your datasets, models and notes live "
                    "there. The suggested one is in your data folder."));
    const QString suggested = azllm::Workspace::defaultLocation();
    QDir().mkpath(suggested);
    return QFileDialog::getExistingDirectory(nullptr, QObject::tr("Workspace folder"), suggested);
}

// First start of a workspace: the sample corpus becomes the "sample" dataset, so every screen
// has something to show.
bool seedIfNew(azllm::Workspace &workspace, bool interactive)
{
    if (workspace.hasSampleDataset())
        return true;
    QProgressDialog progress(QObject::tr("Preparing the sample Azerbaijani corpus…"),
                             QObject::tr("Skip"), 0, 100);
    progress.setMinimumDuration(interactive ? 300 : 1'000'000);
    try {
        workspace.seedSampleDataset([&](double share) {
            progress.setValue(int(share * 100));
            return !progress.wasCanceled();
        });
    } catch (const std::exception &e) {
        if (interactive)
            QMessageBox::warning(nullptr, QObject::tr("Sample data"),
                                 QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

// The workspace at root, or null after telling the user why not. A studio.db that another program
// holds is offered again (Retry) rather than given up on.
std::unique_ptr<azllm::Workspace> openWorkspace(const QString &root, bool automated)
{
    for (;;) {
        try {
            return std::make_unique<azllm::Workspace>(root);
        } catch (const azllm::DatabaseBusyError &e) {
            const QString message = QString::fromStdString(e.what());
            std::fprintf(stderr, "azllm-studio: %s\n", qPrintable(message));
            if (automated || QMessageBox::warning(
                                 nullptr, QObject::tr("The workspace is in use"), message,
                                 QMessageBox::Retry | QMessageBox::Cancel) != QMessageBox::Retry)
                return nullptr;
        } catch (const std::exception &e) {
            const QString message = QString::fromStdString(e.what());
            if (!automated)
                QMessageBox::critical(nullptr, QObject::tr("Cannot open the workspace"), message);
            std::fprintf(stderr, "azllm-studio: %s\n", qPrintable(message));
            return nullptr;
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Az-LLM"));
    QApplication::setApplicationName(QStringLiteral("Az-LLM Studio"));
    azllm::initializeRuntime();
    const QString language = chooseLanguage(QApplication::arguments());
    if (!azllm::ui::applyLanguage(language))
        std::fprintf(stderr, "azllm-studio: no %s translation, using English\n",
                     qPrintable(language));

    QCommandLineParser args;
    args.setApplicationDescription(QObject::tr("Build an Azerbaijani GPT from scratch."));
    args.addHelpOption();
    args.addOptions(
        {{QStringLiteral("lang"),
          QObject::tr("Interface language: az or en (default: the saved choice, else az)."),
          QStringLiteral("LANG")},
         {QStringLiteral("workspace"), QObject::tr("Open the workspace in DIR."),
          QStringLiteral("DIR")},
         {QStringLiteral("screenshot"),
          QObject::tr("Train briefly, render every screen to DIR/*.png, exit."),
          QStringLiteral("DIR")},
         {QStringLiteral("bench-ui"),
          QObject::tr("Measure the GUI thread's longest stall while training.")},
         {QStringLiteral("steps"), QObject::tr("Steps for --screenshot and --bench-ui."),
          QStringLiteral("N"), QStringLiteral("60")}});
    args.process(app);
    const bool automated =
        args.isSet(QStringLiteral("screenshot")) || args.isSet(QStringLiteral("bench-ui"));

    QTemporaryDir scratch;
    const QString root = automated && !args.isSet(QStringLiteral("workspace"))
                             ? scratch.path()
                             : chooseWorkspace(args);
    if (root.isEmpty())
        return 0;
    const std::unique_ptr<azllm::Workspace> workspace = openWorkspace(root, automated);
    if (!workspace)
        return 1;
    if (!automated)
        QSettings().setValue(QStringLiteral("workspace/path"), workspace->root());
    seedIfNew(*workspace, !automated);

    azllm::ui::MainWindow window(*workspace);
    const int steps = args.value(QStringLiteral("steps")).toInt();
    if (args.isSet(QStringLiteral("screenshot")))
        return azllm::ui::takeScreenshots(window, args.value(QStringLiteral("screenshot")), steps);
    if (args.isSet(QStringLiteral("bench-ui")))
        return azllm::ui::benchmarkUi(window, steps);
    window.show();
    return QApplication::exec();
}
