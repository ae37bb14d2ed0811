// A screen's status line (what just happened, what is running, what went wrong), said again in
// the new language when the learner switches it (View > Language). What the line says is kept
// as a function of the screen that words it: a lambda that captures the status's figures and
// calls that screen's tr(), so a switch renders the same status with the new translation.
#pragma once

#include <QLabel>

#include <functional>

namespace azllm::ui {

class StatusLine final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusLine)

public:
    using Describe = std::function<QString()>;

    explicit StatusLine(QWidget *parent = nullptr);

    // Shows the status `describe` words, now and after each language switch (its colour is the
    // screen's own style sheet).
    void say(Describe describe);
    // A message that is no interface text (a file's error from core/): shown as it is.
    static Describe verbatim(const QString &message);
    void clearStatus();
    // Hidden while it says nothing (the Chat screen's line under the messages).
    void setHiddenWhenEmpty(bool on);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    Describe m_describe;
    bool m_hiddenWhenEmpty = false;
};

} // namespace azllm::ui
