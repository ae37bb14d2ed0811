#include "status_line.h"

#include <QEvent>

namespace azllm::ui {

StatusLine::StatusLine(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
}

void StatusLine::say(Describe describe)
{
    m_describe = std::move(describe);
    render();
}

StatusLine::Describe StatusLine::verbatim(const QString &message)
{
    return [message] { return message; };
}

void StatusLine::clearStatus()
{
    say({});
}

void StatusLine::setHiddenWhenEmpty(bool on)
{
    m_hiddenWhenEmpty = on;
    render();
}

void StatusLine::render()
{
    setText(m_describe ? m_describe() : QString());
    if (m_hiddenWhenEmpty)
        setVisible(!text().isEmpty());
}

void StatusLine::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QLabel::changeEvent(event);
}

} // namespace azllm::ui
