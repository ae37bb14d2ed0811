// Q8_0 and the decode kernels against plain scalar references, on sizes that do not divide into
// the kernels' tiles: rows not a multiple of 8, columns not a multiple of 32, 1 to 7 tokens (a
// group of four, then each remainder).
#include <QtTest>

#include <cmath>
#include <random>

#include "kernels.h"
#include "q8_0.h"
#include "thread_choice.h"

using namespace azllm::quant;

namespace {

std::vector<float> randomValues(std::size_t n, std::uint32_t seed, float scale = 1.0f)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, scale);
    std::vector<float> v(n);
    for (float &x : v)
        x = normal(rng);
    return v;
}

// Plain double-precision sums: the reference both kernel sets are held to.
double referenceDot(const float *a, const float *b, std::size_t n)
{
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += double(a[i]) * double(b[i]);
    return sum;
}

std::vector<const KernelSet *> kernelSets()
{
    std::vector<const KernelSet *> sets = {&scalarKernels()};
    if (const KernelSet *avx2 = avx2Kernels())
        sets.push_back(avx2);
    return sets;
}

} // namespace

class TestQuantKernels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void halfPrecisionRoundTripsAndRoundsToNearestEven()
    {
        QCOMPARE(halfToFloat(floatToHalf(1.0f)), 1.0f);
        QCOMPARE(halfToFloat(floatToHalf(65504.0f)), 65504.0f);
        QVERIFY(std::isinf(halfToFloat(floatToHalf(70000.0f))));
        QCOMPARE(halfToFloat(floatToHalf(5.9604645e-08f)), 5.9604645e-08f); // smallest subnormal
        QCOMPARE(floatToHalf(1.0f + 1.0f / 2048), std::uint16_t(0x3c00));   // a tie goes to even
        QCOMPARE(floatToHalf(1.0f + 3.0f / 2048), std::uint16_t(0x3c02));
        // Every half value survives the trip through float.
        for (std::uint32_t h = 0; h < 0x7c00; ++h)
            QCOMPARE(floatToHalf(halfToFloat(std::uint16_t(h))), std::uint16_t(h));
    }

    void q8BlocksKeepEachValueWithinHalfAStep()
    {
        const std::size_t cols = 77; // two whole blocks and a padded one
        const std::vector<float> x = randomValues(cols, 3);
        std::vector<BlockQ8> blocks(q8BlocksPerRow(cols));
        QCOMPARE(blocks.size(), std::size_t(3));
        quantizeRowQ8(x.data(), cols, blocks.data());
        std::vector<float> back(cols);
        dequantizeRowQ8(blocks.data(), cols, back.data());
        for (std::size_t i = 0; i < cols; ++i) {
            const float step = halfToFloat(blocks[i / 32].scale);
            QVERIFY2(std::fabs(back[i] - x[i]) <= 0.5f * step + 1e-3f * step,
                     qPrintable(QString::number(i)));
        }
        for (std::size_t i = cols % 32; i < 32; ++i)
            QCOMPARE(int(blocks.back().q[i]), 0); // padding multiplies to nothing
        // The largest magnitude of a block maps to +-127.
        int largest = 0;
        for (std::int8_t q : blocks[0].q)
            largest = std::max(largest, std::abs(int(q)));
        QCOMPARE(largest, 127);
    }

    void fp32ProductsMatchTheReferenceOnOddSizes()
    {
        for (const KernelSet *k : kernelSets())
            for (std::size_t rows : {1u, 7u, 13u, 37u})
                for (std::size_t cols : {5u, 31u, 33u, 100u})
                    for (std::size_t tokens : {1u, 2u, 3u, 4u, 5u, 6u, 7u}) {
                        const auto w = randomValues(rows * cols, 1);
                        const auto x = randomValues(tokens * cols, 2);
                        std::vector<float> y(tokens * rows, -1.0f);
                        // Two ranges, as two threads would split the rows.
                        k->matmulF32(w.data(), cols, 0, rows / 2, x.data(), tokens, y.data(), rows);
                        k->matmulF32(w.data(), cols, rows / 2, rows, x.data(), tokens, y.data(),
                                     rows);
                        for (std::size_t t = 0; t < tokens; ++t)
                            for (std::size_t r = 0; r < rows; ++r) {
                                const double want =
                                    referenceDot(w.data() + r * cols, x.data() + t * cols, cols);
                                QVERIFY2(std::fabs(y[t * rows + r] - want) <
                                             1e-4 * (1 + std::fabs(want)),
                                         qPrintable(QStringLiteral("%1 rows %2 cols %3 tokens %4")
                                                        .arg(QLatin1String(k->name))
                                                        .arg(rows)
                                                        .arg(cols)
                                                        .arg(tokens)));
                            }
                    }
    }

    // The int8 kernels against a scalar int8 reference on the same blocks: exact integer sums,
    // the same fp32 scales.
    void int8ProductsMatchTheScalarReferenceOnOddSizes()
    {
        for (std::size_t rows : {1u, 7u, 13u, 37u})
            for (std::size_t cols : {5u, 31u, 33u, 100u})
                for (std::size_t tokens : {1u, 2u, 3u, 4u, 5u, 6u, 7u}) {
                    const auto w = randomValues(rows * cols, 4);
                    const auto x = randomValues(tokens * cols, 5);
                    const MatrixQ8 wq = quantizeMatrixQ8(w.data(), rows, cols);
                    const MatrixQ8 xq = quantizeMatrixQ8(x.data(), tokens, cols);
                    for (const KernelSet *k : kernelSets()) {
                        std::vector<float> y(tokens * rows);
                        k->matmulQ8(wq.blocks.data(), wq.blocksPerRow(), 0, rows / 3,
                                    xq.blocks.data(), tokens, y.data(), rows);
                        k->matmulQ8(wq.blocks.data(), wq.blocksPerRow(), rows / 3, rows,
                                    xq.blocks.data(), tokens, y.data(), rows);
                        for (std::size_t t = 0; t < tokens; ++t)
                            for (std::size_t r = 0; r < rows; ++r) {
                                double want = 0;
                                for (std::size_t b = 0; b < wq.blocksPerRow(); ++b) {
                                    long products = 0;
                                    for (int i = 0; i < 32; ++i)
                                        products += long(wq.row(r)[b].q[i]) * xq.row(t)[b].q[i];
                                    want += double(halfToFloat(wq.row(r)[b].scale)) *
                                            halfToFloat(xq.row(t)[b].scale) * double(products);
                                }
                                QVERIFY2(std::fabs(y[t * rows + r] - want) <
                                             1e-5 * (1 + std::fabs(want)),
                                         qPrintable(QStringLiteral("%1 rows %2 cols %3 tokens %4")
                                                        .arg(QLatin1String(k->name))
                                                        .arg(rows)
                                                        .arg(cols)
                                                        .arg(tokens)));
                            }
                    }
                }
    }

    // And the int8 product is close to the fp32 one it stands for.
    void int8ProductsStayCloseToFp32()
    {
        const std::size_t rows = 64, cols = 256;
        const auto w = randomValues(rows * cols, 6, 0.02f);
        const auto x = randomValues(cols, 7);
        const MatrixQ8 wq = quantizeMatrixQ8(w.data(), rows, cols);
        std::vector<BlockQ8> xq(q8BlocksPerRow(cols));
        const KernelSet &k = bestKernels();
        k.quantizeRow(x.data(), cols, xq.data());
        std::vector<float> y(rows);
        k.matmulQ8(wq.blocks.data(), wq.blocksPerRow(), 0, rows, xq.data(), 1, y.data(), rows);
        double error = 0, norm = 0;
        for (std::size_t r = 0; r < rows; ++r) {
            const double want = referenceDot(w.data() + r * cols, x.data(), cols);
            error += (y[r] - want) * (y[r] - want);
            norm += want * want;
        }
        // Gaussian blocks: a step of about max/127 on each side, so about 1 % RMS; 2 % is the
        // bound.
        QVERIFY2(std::sqrt(error / norm) < 0.02,
                 qPrintable(QString::number(std::sqrt(error / norm))));
    }

    void activationQuantizersAgree()
    {
        const KernelSet *avx2 = avx2Kernels();
        if (!avx2)
            QSKIP("this CPU has no AVX2: only the scalar quantizer runs here");
        const std::size_t cols = 100;
        const auto x = randomValues(cols, 8);
        std::vector<BlockQ8> a(q8BlocksPerRow(cols)), b(q8BlocksPerRow(cols));
        scalarKernels().quantizeRow(x.data(), cols, a.data());
        avx2->quantizeRow(x.data(), cols, b.data());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].scale, b[i].scale);
            for (int j = 0; j < 32; ++j)
                QVERIFY(std::abs(int(a[i].q[j]) - int(b[i].q[j])) <= 1); // ties round apart
        }
    }

    void softmaxGeluDotAndAxpyAgreeWithScalar()
    {
        const KernelSet &s = scalarKernels();
        for (const KernelSet *k : kernelSets())
            for (std::size_t n : {1u, 7u, 8u, 19u, 64u, 131u}) {
                auto a = randomValues(n, 9, 3.0f), b = randomValues(n, 10);
                QVERIFY(std::fabs(k->dot(a.data(), b.data(), n) -
                                  referenceDot(a.data(), b.data(), n)) < 1e-3);
                auto softA = a, softB = a;
                s.softmax(softA.data(), n);
                k->softmax(softB.data(), n);
                auto geluA = a, geluB = a;
                s.gelu(geluA.data(), n);
                k->gelu(geluB.data(), n);
                auto yA = b, yB = b;
                s.axpy(0.5f, a.data(), yA.data(), n);
                k->axpy(0.5f, a.data(), yB.data(), n);
                for (std::size_t i = 0; i < n; ++i) {
                    QVERIFY(std::fabs(softA[i] - softB[i]) < 1e-6);
                    QVERIFY(std::fabs(geluA[i] - geluB[i]) < 1e-5 * (1 + std::fabs(geluA[i])));
                    QVERIFY(std::fabs(yA[i] - yB[i]) < 1e-6);
                }
            }
        std::vector<float> extremes = {-40.0f, -9.0f, 0.0f, 9.0f, 40.0f};
        bestKernels().gelu(extremes.data(), extremes.size());
        QCOMPARE(extremes[0], -0.0f);
        QVERIFY(std::fabs(extremes[4] - 40.0f) < 1e-5);
    }

    // Two threads at 1 s a token against one at 0.5 s (a busy machine): the single thread takes
    // over at its first trial, and two threads win back once they are faster again.
    void threadChoiceFollowsWhateverIsFaster()
    {
        ThreadChoice choice(2);
        double perToken[3] = {0, 0.5, 1.0}; // by thread count
        const auto decode = [&](int tokens) {
            int single = 0;
            for (int i = 0; i < tokens; ++i) {
                const int threads = choice.next();
                single += threads == 1;
                choice.record(perToken[threads]);
            }
            return single;
        };
        QCOMPARE(decode(7), 0); // all threads until the first trial
        // The trial was faster: one thread from then on, but for one trial of all threads 8 tokens
        // later (slower again, so the next trial waits 16).
        QCOMPARE(decode(20), 19);
        perToken[1] = 2.0; // the machine is idle again, one thread is now the slow one
        const int single = decode(200);
        QVERIFY2(single < 20, qPrintable(QString::number(single)));
        // Trials of the slower choice grow rarer: at most a handful in a thousand tokens.
        QVERIFY(decode(1000) < 14);
        ThreadChoice alone(1);
        QCOMPARE(alone.next(), 1);
    }
};

QTEST_APPLESS_MAIN(TestQuantKernels)
#include "test_quant_kernels.moc"
