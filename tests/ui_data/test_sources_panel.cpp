// The Data screen's Sources panel: sources added with their licence, bad ones refused with a
// reason, kept in studio.db across restarts, removed; collecting from a local server (127.0.0.1
// only) writes documents and offers them as a dataset input.
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include "sources_panel.h"
#include "workspace.h"

using azllm::ui::SourcesPanel;

class TestSourcesPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sourcesKeptAcrossRestarts();
    void collectsAndOffersTheDocuments();
};

void TestSourcesPanel::sourcesKeptAcrossRestarts()
{
    QTemporaryDir dir;
    {
        azllm::Workspace workspace(dir.path());
        SourcesPanel panel(workspace);
        QVERIFY(panel.addSource(QStringLiteral("feed"), QStringLiteral("https://x.az/rss"),
                                QStringLiteral("CC BY 4.0")));
        QVERIFY(!panel.addSource(QStringLiteral("feed"), QStringLiteral("https://x.az/rss"), {}));
        QVERIFY(!panel.addSource(QStringLiteral("sitemap"), QStringLiteral("x.az"), {}));
        QVERIFY(!panel.addSource(QStringLiteral("urls"), QStringLiteral("/no/such/list.txt"), {}));
        QCOMPARE(panel.sourceCount(), 1);
    }
    azllm::Workspace workspace(dir.path());
    SourcesPanel panel(workspace);
    QCOMPARE(panel.sourceCount(), 1);
    auto *table = panel.findChild<QTableWidget *>(QStringLiteral("sourcesTable"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("CC BY 4.0"));
    panel.resize(900, 600);
    const QString shots = qEnvironmentVariable("AZLLM_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        panel.grab().save(shots + QStringLiteral("/sources_panel.png"));
}

void TestSourcesPanel::collectsAndOffersTheDocuments()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QTcpServer::newConnection, this, [&server] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            const QByteArray request = socket->readAll();
            const QByteArray body =
                request.startsWith("GET /robots.txt")
                    ? QByteArray("User-agent: *\nDisallow:\n")
                    : QByteArray("<html><body><article><h1>Bakı xəbəri</h1><p>Bakıda bu gün "
                                 "yeni kitabxana açıldı və uşaqlar çox sevindilər.</p></article>"
                                 "</body></html>");
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(body.size()) +
                          "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
    });
    QTemporaryDir dir;
    const QString list = dir.filePath(QStringLiteral("list.txt"));
    QFile file(list);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("http://127.0.0.1:%1/xeber/1\n").arg(server.serverPort()).toUtf8());
    file.close();
    azllm::Workspace workspace(dir.filePath(QStringLiteral("ws")));
    SourcesPanel panel(workspace);
    QVERIFY(panel.addSource(QStringLiteral("urls"), list, QStringLiteral("test")));
    QSignalSpy use(&panel, &SourcesPanel::useCollectedRequested);
    panel.startCollecting();
    QVERIFY(panel.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 20000);
    auto *status = panel.findChild<QLabel *>(QStringLiteral("collectStatus"));
    QVERIFY2(status->text().startsWith(QStringLiteral("1 new")), qPrintable(status->text()));
    auto *useButton = panel.findChild<QPushButton *>(QStringLiteral("collectUse"));
    QVERIFY(useButton->isEnabled());
    useButton->click();
    QCOMPARE(use.count(), 1);
    QVERIFY(QFile::exists(use.at(0).at(0).toString()));
}

QTEST_MAIN(TestSourcesPanel)
#include "test_sources_panel.moc"
