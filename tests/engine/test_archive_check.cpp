// The check every LibTorch archive passes before LibTorch reads it (archive_check.h), on a zip64
// archive in LibTorch's layout (data/make_zip64_archive.py) and on damaged copies of it.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "archive_check.h"

using namespace azllm;
namespace fs = std::filesystem;

namespace {

std::string readBytes(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

unsigned littleEndian16(const std::string &bytes, std::size_t at)
{
    return unsigned(static_cast<unsigned char>(bytes[at])) |
           unsigned(static_cast<unsigned char>(bytes[at + 1])) << 8;
}

// Where the n-th entry's bytes begin, from its local header.
std::size_t entryData(const std::string &archive, int n)
{
    std::size_t header = 0;
    for (int i = 0; i <= n; ++i)
        header = archive.find("PK\x03\x04", i == 0 ? 0 : header + 4);
    return header + 30 + littleEndian16(archive, header + 26) +
           littleEndian16(archive, header + 28);
}

} // namespace

class TestArchiveCheck : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_pristine = readBytes(fs::path(AZLLM_TEST_DATA) / "zip64-archive.zip");

    // The message for these bytes as a file, or "" when they pass.
    QString refusal(const std::string &bytes) const
    {
        const std::string path = (fs::path(m_dir.path().toStdString()) / "model.pt").string();
        std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
        try {
            verifyTorchArchive(path);
        } catch (const std::runtime_error &e) {
            return QString::fromStdString(e.what());
        }
        return QString();
    }

    std::string flipped(std::size_t at) const
    {
        std::string bytes = m_pristine;
        bytes[at] = char(bytes[at] ^ 0x04);
        return bytes;
    }

private Q_SLOTS:
    void aWholeZip64ArchivePasses()
    {
        QVERIFY(!m_pristine.empty());
        QCOMPARE(refusal(m_pristine), QString());
    }

    void aFlippedByteIsNamedByItsEntry()
    {
        QCOMPARE(
            refusal(flipped(entryData(m_pristine, 0) + 100)),
            QStringLiteral("model.pt has an entry 'archive/data/0' that fails its checksum (the "
                           "file is damaged)"));
        QVERIFY(
            refusal(flipped(entryData(m_pristine, 1) + 3))
                .startsWith(QStringLiteral("model.pt has an entry 'archive/code/__torch__.py'")));
    }

    void aCutFileHasNoDirectory()
    {
        QCOMPARE(refusal(m_pristine.substr(0, m_pristine.size() - 30)),
                 QStringLiteral("model.pt is not a LibTorch archive (no zip directory at its "
                                "end)"));
        QVERIFY(!refusal(std::string()).isEmpty());
    }

    // The zip64 record's entry count (8 bytes at +32) disagreeing with the directory.
    void aMiscountedDirectoryIsRefused()
    {
        const std::size_t record = m_pristine.rfind("PK\x06\x06");
        QVERIFY(record != std::string::npos);
        std::string bytes = m_pristine;
        bytes[record + 32] = 3;
        QCOMPARE(refusal(bytes), QStringLiteral("model.pt has a zip directory of 2 entries "
                                                "where 3 are declared"));
    }
};

QTEST_GUILESS_MAIN(TestArchiveCheck)
#include "test_archive_check.moc"
