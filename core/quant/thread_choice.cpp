#include "thread_choice.h"

namespace azllm::quant {

int ThreadChoice::next()
{
    if (m_max <= 1)
        return 1;
    m_exploring = ++m_sinceExplored >= m_interval;
    if (m_exploring)
        m_sinceExplored = 0;
    const bool single = m_preferSingle != m_exploring;
    return single ? 1 : m_max;
}

void ThreadChoice::record(double seconds)
{
    if (m_max <= 1)
        return;
    const int used = (m_preferSingle != m_exploring) ? 1 : 0;
    double &average = m_average[used];
    average = average == 0 ? seconds : 0.75 * average + 0.25 * seconds;
    if (!m_exploring)
        return;
    const double preferred = m_average[m_preferSingle ? 1 : 0];
    if (average < preferred) {
        m_preferSingle = used == 1;
        m_interval = kFirstInterval;
    } else if (m_interval < kLongestInterval) {
        m_interval *= 2;
    }
}

} // namespace azllm::quant
