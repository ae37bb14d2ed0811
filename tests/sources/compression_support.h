// Writes test files in every compressed format the readers take, with the libraries themselves.
#pragma once

#include <bzlib.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <QFile>
#include <QString>

#include <stdexcept>
#include <string>
#include <vector>

namespace azllm::testing {

inline std::string gzipBytes(const std::string &text)
{
    z_stream zs{};
    deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY); // +16: a gzip header
    std::string out(deflateBound(&zs, uLong(text.size())) + 32, '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(text.data()));
    zs.avail_in = uInt(text.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

inline std::string xzBytes(const std::string &text)
{
    std::string out(lzma_stream_buffer_bound(text.size()), '\0');
    std::size_t written = 0;
    lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, nullptr,
                            reinterpret_cast<const std::uint8_t *>(text.data()), text.size(),
                            reinterpret_cast<std::uint8_t *>(out.data()), &written, out.size());
    out.resize(written);
    return out;
}

inline std::string zstdBytes(const std::string &text)
{
    std::string out(ZSTD_compressBound(text.size()), '\0');
    out.resize(ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3));
    return out;
}

inline std::string bzip2Bytes(const std::string &text)
{
    std::string out(text.size() + text.size() / 100 + 1024, '\0');
    auto length = static_cast<unsigned>(out.size());
    BZ2_bzBuffToBuffCompress(out.data(), &length, const_cast<char *>(text.data()),
                             static_cast<unsigned>(text.size()), 9, 0, 0);
    out.resize(length);
    return out;
}

// Each part as its own bzip2 stream, concatenated: what Wikipedia's multistream dumps are.
inline std::string multistreamBzip2Bytes(const std::vector<std::string> &parts)
{
    std::string out;
    for (const std::string &part : parts)
        out += bzip2Bytes(part);
    return out;
}

inline void writeBytes(const QString &path, const std::string &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()))
        throw std::runtime_error("cannot write " + path.toStdString());
}

} // namespace azllm::testing
