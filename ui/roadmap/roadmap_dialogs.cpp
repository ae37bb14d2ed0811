#include "roadmap_dialogs.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

#include "roadmap_markdown.h"

#include <algorithm>

namespace azllm::ui {
namespace {

// lupdate files a free tr() in this namespace under "azllm::ui"; look the strings up there.
QString tr(const char *text)
{
    return QCoreApplication::translate("azllm::ui", text);
}

// A dialog with a form and OK/Cancel; OK is enabled only while `valid` says so.
struct FormDialog
{
    QDialog dialog;
    QFormLayout *form = nullptr;
    QPushButton *ok = nullptr;

    FormDialog(QWidget *parent, const QString &caption) : dialog(parent)
    {
        dialog.setWindowTitle(caption);
        dialog.setMinimumWidth(460);
        form = new QFormLayout;
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        ok = buttons->button(QDialogButtonBox::Ok);
        QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        auto *outer = new QVBoxLayout(&dialog);
        outer->addLayout(form);
        outer->addWidget(buttons);
    }

    // Keeps OK disabled while the line edit is blank: every item needs a name.
    void requireText(QLineEdit *edit)
    {
        const auto check = [this, edit] { ok->setEnabled(!edit->text().trimmed().isEmpty()); };
        QObject::connect(edit, &QLineEdit::textChanged, &dialog, check);
        check();
    }

    bool run() { return dialog.exec() == QDialog::Accepted; }
};

QDateEdit *dateEdit(const QDate &date)
{
    auto *edit = new QDateEdit(date.isValid() ? date : QDate::currentDate());
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return edit;
}

// The condition kinds in the order the combo lists them.
const ConditionKind kConditionKinds[] = {
    ConditionKind::None,
    ConditionKind::ValidationLossAtMost,
    ConditionKind::ParametersAtLeast,
    ConditionKind::CorpusTokensAtLeast,
    ConditionKind::KnowledgeBaseDocumentsAtLeast,
    ConditionKind::ClassifierAccuracyAtLeast,
};

QString conditionLabel(ConditionKind kind)
{
    switch (kind) {
    case ConditionKind::None:
        return tr("None: I tick it by hand");
    case ConditionKind::ValidationLossAtMost:
        return tr("Some run's validation loss is at most…");
    case ConditionKind::ParametersAtLeast:
        return tr("Some run's model has at least … parameters");
    case ConditionKind::CorpusTokensAtLeast:
        return tr("Some dataset holds at least … tokens");
    case ConditionKind::KnowledgeBaseDocumentsAtLeast:
        return tr("A knowledge base holds at least … documents (not in the studio yet)");
    case ConditionKind::ClassifierAccuracyAtLeast:
        return tr("A classifier reaches accuracy of at least…");
    }
    return {};
}

// The statuses in the learner's words; the stored key rides along as the item's data.
QComboBox *statusBox(const QStringList &keys, const QString &current)
{
    auto *box = new QComboBox;
    for (const QString &key : keys)
        box->addItem(statusTitle(key), key);
    box->setCurrentIndex(std::max(0, box->findData(current)));
    return box;
}

} // namespace

std::optional<RoadmapHeader> editRoadmapHeader(QWidget *parent, const RoadmapHeader &initial,
                                               const QString &caption)
{
    FormDialog d(parent, caption);
    auto *title = new QLineEdit(initial.title);
    auto *start = dateEdit(initial.start);
    auto *months = new QSpinBox;
    months->setRange(3, 6);
    months->setSuffix(tr(" months"));
    months->setValue(initial.horizonMonths);
    d.form->addRow(tr("Title:"), title);
    d.form->addRow(tr("Starts on:"), start);
    d.form->addRow(tr("Horizon:"), months);
    d.requireText(title);
    if (!d.run())
        return std::nullopt;
    return RoadmapHeader{title->text().trimmed(), start->date(), months->value()};
}

std::optional<Goal> editGoal(QWidget *parent, const Goal &initial, const QString &caption)
{
    FormDialog d(parent, caption);
    auto *kind = new QComboBox;
    for (GoalKind k : {GoalKind::NextTarget, GoalKind::DataSource, GoalKind::Technique})
        kind->addItem(goalKindTitle(k), int(k));
    kind->setCurrentIndex(kind->findData(int(initial.kind)));
    auto *title = new QLineEdit(initial.title);
    title->setPlaceholderText(tr("for example: Train a 300M model"));
    auto *description = new QPlainTextEdit(initial.description);
    description->setMinimumHeight(90);
    QComboBox *status = statusBox(Goal::statuses(), initial.status);
    d.form->addRow(tr("Kind:"), kind);
    d.form->addRow(tr("Goal:"), title);
    d.form->addRow(tr("Description:"), description);
    d.form->addRow(tr("Status:"), status);
    d.requireText(title);
    if (!d.run())
        return std::nullopt;
    Goal goal = initial;
    goal.kind = GoalKind(kind->currentData().toInt());
    goal.title = title->text().trimmed();
    goal.description = description->toPlainText().trimmed();
    goal.status = status->currentData().toString();
    return goal;
}

std::optional<Milestone> editMilestone(QWidget *parent, const Milestone &initial,
                                       const QString &caption)
{
    FormDialog d(parent, caption);
    auto *title = new QLineEdit(initial.title);
    auto *due = dateEdit(initial.due);
    auto *condition = new QComboBox;
    for (ConditionKind k : kConditionKinds)
        condition->addItem(conditionLabel(k), int(k));
    condition->setCurrentIndex(condition->findData(int(initial.condition.kind)));
    auto *threshold = new QDoubleSpinBox;
    threshold->setRange(0, 1e13);
    threshold->setDecimals(3);
    threshold->setValue(initial.condition.threshold);
    threshold->setToolTip(tr("Loss as a number (3.2), parameters and tokens as counts "
                             "(300000000), accuracy as a share (0.9)."));
    const auto enableThreshold = [condition, threshold] {
        threshold->setEnabled(ConditionKind(condition->currentData().toInt()) !=
                              ConditionKind::None);
    };
    QObject::connect(condition, &QComboBox::currentIndexChanged, &d.dialog, enableThreshold);
    enableThreshold();
    auto *hint = new QLabel(tr("A measured milestone ticks itself when the workspace reaches it, "
                               "and shows the run or dataset that did."));
    hint->setWordWrap(true);
    d.form->addRow(tr("Milestone:"), title);
    d.form->addRow(tr("Due:"), due);
    d.form->addRow(tr("Measured by:"), condition);
    d.form->addRow(tr("Threshold:"), threshold);
    d.form->addRow(hint);
    d.requireText(title);
    if (!d.run())
        return std::nullopt;
    Milestone m = initial;
    m.title = title->text().trimmed();
    m.due = due->date();
    m.condition = {ConditionKind(condition->currentData().toInt()), threshold->value()};
    return m;
}

std::optional<DataSource> editSource(QWidget *parent, const DataSource &initial,
                                     const QString &caption)
{
    FormDialog d(parent, caption);
    auto *name = new QLineEdit(initial.name);
    auto *location = new QLineEdit(initial.location);
    location->setPlaceholderText(tr("https://… or a folder"));
    auto *kind = new QComboBox;
    kind->setEditable(true);
    kind->addItems({tr("news site"), tr("books"), tr("laws"), tr("encyclopedia"), tr("forum")});
    kind->setCurrentText(initial.kind);
    QComboBox *status = statusBox(DataSource::statuses(), initial.status);
    auto *documents = new QSpinBox;
    documents->setRange(0, 2'000'000'000);
    documents->setValue(int(std::min<qint64>(initial.documents, 2'000'000'000)));
    auto *tokens = new QDoubleSpinBox;
    tokens->setRange(0, 1e13);
    tokens->setDecimals(0);
    tokens->setValue(double(initial.tokens));
    d.form->addRow(tr("Name:"), name);
    d.form->addRow(tr("URL or path:"), location);
    d.form->addRow(tr("Kind:"), kind);
    d.form->addRow(tr("Status:"), status);
    d.form->addRow(tr("Documents contributed:"), documents);
    d.form->addRow(tr("Tokens contributed:"), tokens);
    d.requireText(name);
    if (!d.run())
        return std::nullopt;
    DataSource s = initial;
    s.name = name->text().trimmed();
    s.location = location->text().trimmed();
    s.kind = kind->currentText().trimmed();
    s.status = status->currentData().toString();
    s.documents = documents->value();
    s.tokens = qint64(tokens->value());
    return s;
}

} // namespace azllm::ui
