// SPDX-License-Identifier: MIT
#include "app/gui/NewRunDialog.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

#include "core/config/attention_kind.h"
#include "core/config/config_schema.h"
#include "core/config/presets.h"
#include "core/config/run_config.h"
#include "core/data/data_cache.h"
#include "core/data/dataset.h"

namespace etlab {

namespace {

// The form's fields in four groups; everything else goes through "overrides". The attention group
// shows the keys each registered kind asks for (AttentionKind::form_keys).
std::vector<std::pair<const char*, std::vector<std::string>>> formGroups() {
  std::vector<std::string> attention{"attention.kind", "attention.block", "attention.topk"};
  for (const AttentionKind* k : attention_kinds().all())
    for (const auto& key : k->form_keys) attention.push_back(key);
  return {
      {QT_TRANSLATE_NOOP("etlab::NewRunDialog", "Task and model"), {"task.dataset", "model.layers", "model.d_model", "model.heads"}},
      {QT_TRANSLATE_NOOP("etlab::NewRunDialog", "Attention"), attention},
      {QT_TRANSLATE_NOOP("etlab::NewRunDialog", "LoRA"), {"lora.enabled", "lora.r", "lora.alpha", "lora.targets", "lora.init", "lora.form"}},
      {QT_TRANSLATE_NOOP("etlab::NewRunDialog", "Training"), {"train.steps", "train.seed", "train.threads", "train.device"}},
  };
}

// The editor of one key, by its type; edits revalidate the form.
QWidget* makeEditor(const FieldSpec& spec, QWidget* parent, NewRunDialog* dialog, void (NewRunDialog::*revalidate)()) {
  switch (spec.type) {
    case FieldType::Enum: {
      auto* c = new QComboBox(parent);
      for (const auto& choice : spec.choices) c->addItem(QString::fromStdString(choice));
      QObject::connect(c, &QComboBox::currentIndexChanged, dialog, revalidate);
      return c;
    }
    case FieldType::Bool: {
      auto* c = new QCheckBox(parent);
      QObject::connect(c, &QCheckBox::toggled, dialog, revalidate);
      return c;
    }
    case FieldType::Int: {
      auto* s = new QSpinBox(parent);
      s->setRange(static_cast<int>(std::max(-2e9, spec.min)), static_cast<int>(std::min(2e9, spec.max)));
      QObject::connect(s, &QSpinBox::valueChanged, dialog, revalidate);
      return s;
    }
    case FieldType::Float: {
      auto* s = new QDoubleSpinBox(parent);
      s->setDecimals(4);
      s->setRange(std::max(-1e9, spec.min), std::min(1e9, spec.max));
      QObject::connect(s, &QDoubleSpinBox::valueChanged, dialog, revalidate);
      return s;
    }
    default: {
      auto* e = new QLineEdit(parent);
      QObject::connect(e, &QLineEdit::textChanged, dialog, revalidate);
      return e;
    }
  }
}

QString jsonText(const nlohmann::json& v) {
  if (v.is_string()) return QString::fromStdString(v.get<std::string>());
  if (v.is_array()) {
    QStringList items;
    for (const auto& x : v) items << jsonText(x);
    return items.join(QLatin1Char(','));
  }
  return QString::fromStdString(v.dump());
}

}  // namespace

NewRunDialog::NewRunDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("New run"));
  m_preset = new QComboBox(this);
  for (const auto& p : builtin_presets())
    if (p.name != "bert-base-shape") m_preset->addItem(QString::fromStdString(p.name));
  m_presetHelp = new QLabel(this);
  m_presetHelp->setWordWrap(true);
  m_general = new QLabel(this);
  m_general->setWordWrap(true);
  m_general->setStyleSheet(QStringLiteral("color: #c0392b;"));

  auto* layout = new QVBoxLayout(this);
  auto* top = new QFormLayout;
  top->addRow(tr("Preset"), m_preset);
  top->addRow(QString(), m_presetHelp);
  layout->addLayout(top);

  auto* columns = new QHBoxLayout;
  for (const auto& [title, keys] : formGroups()) {
    auto* box = new QGroupBox(QCoreApplication::translate("etlab::NewRunDialog", title), this);
    auto* form = new QFormLayout(box);
    for (const std::string& key : keys) {
      const FieldSpec* spec = find_field(key);
      if (!spec) continue;
      Field f;
      f.editor = makeEditor(*spec, box, this, &NewRunDialog::revalidate);
      f.editor->setToolTip(QString::fromStdString(spec->help));
      f.editor->setObjectName(QString::fromStdString(key));
      f.error = new QLabel(box);
      f.error->setWordWrap(true);
      f.error->setStyleSheet(QStringLiteral("color: #c0392b;"));
      f.error->hide();
      form->addRow(QString::fromStdString(key).section(QLatin1Char('.'), 1), f.editor);
      form->addRow(QString(), f.error);
      m_fields.insert(QString::fromStdString(key), f);
    }
    columns->addWidget(box);
  }
  layout->addLayout(columns);

  auto* more = new QGroupBox(tr("Other settings and sweeps"), this);
  auto* moreForm = new QFormLayout(more);
  m_overrides = new QPlainTextEdit(more);
  m_overrides->setPlaceholderText(tr("one KEY=VALUE per line, e.g. train.lr=3e-4 (etlab-cli keys lists them)"));
  m_overrides->setMaximumHeight(70);
  connect(m_overrides, &QPlainTextEdit::textChanged, this, &NewRunDialog::revalidate);
  m_sweepKey = new QLineEdit(more);
  m_sweepKey->setPlaceholderText(tr("key, e.g. lora.r"));
  m_sweepValues = new QLineEdit(more);
  m_sweepValues->setPlaceholderText(tr("values, e.g. 4,8,16"));
  m_seeds = new QSpinBox(more);
  m_seeds->setRange(1, 20);
  m_sweepError = new QLabel(more);
  m_sweepError->setStyleSheet(QStringLiteral("color: #c0392b;"));
  m_sweepError->hide();
  for (auto* w : {m_sweepKey, m_sweepValues}) connect(w, &QLineEdit::textChanged, this, &NewRunDialog::revalidate);
  connect(m_seeds, &QSpinBox::valueChanged, this, &NewRunDialog::revalidate);
  auto* sweepRow = new QHBoxLayout;
  sweepRow->addWidget(m_sweepKey);
  sweepRow->addWidget(m_sweepValues);
  moreForm->addRow(tr("Overrides"), m_overrides);
  moreForm->addRow(tr("Sweep"), sweepRow);
  moreForm->addRow(QString(), m_sweepError);
  moreForm->addRow(tr("Seeds per setting"), m_seeds);
  layout->addWidget(more);
  layout->addWidget(m_general);

  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
  connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(m_buttons);

  connect(m_preset, &QComboBox::currentIndexChanged, this, &NewRunDialog::loadPreset);
  setPreset(QStringLiteral("smoke-sparse"));
  loadPreset();
}

void NewRunDialog::setPreset(const QString& name) {
  const int i = m_preset->findText(name);
  if (i >= 0) m_preset->setCurrentIndex(i);
}

void NewRunDialog::loadPreset() {
  const Preset* p = find_preset(m_preset->currentText().toStdString());
  if (!p) return;
  m_presetHelp->setText(QString::fromStdString(p->description));
  m_presetResolved = nlohmann::json::object();
  validate_config(p->config, &m_presetResolved);
  m_loading = true;
  for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
    const nlohmann::json* v = json_at(m_presetResolved, it.key().toStdString());
    if (!v) continue;
    QWidget* e = it->editor;
    if (auto* c = qobject_cast<QComboBox*>(e)) c->setCurrentText(jsonText(*v));
    else if (auto* b = qobject_cast<QCheckBox*>(e)) b->setChecked(v->is_boolean() && v->get<bool>());
    else if (auto* s = qobject_cast<QSpinBox*>(e)) s->setValue(v->is_number() ? v->get<int>() : 0);
    else if (auto* d = qobject_cast<QDoubleSpinBox*>(e)) d->setValue(v->is_number() ? v->get<double>() : 0.0);
    else if (auto* l = qobject_cast<QLineEdit*>(e)) l->setText(jsonText(*v));
  }
  m_loading = false;
  revalidate();
}

bool NewRunDialog::setField(const QString& key, const QString& value) {
  auto it = m_fields.find(key);
  if (it == m_fields.end()) return false;
  QWidget* e = it->editor;
  if (auto* c = qobject_cast<QComboBox*>(e)) c->setCurrentText(value);
  else if (auto* b = qobject_cast<QCheckBox*>(e)) b->setChecked(value == QStringLiteral("true"));
  else if (auto* s = qobject_cast<QSpinBox*>(e)) s->setValue(value.toInt());
  else if (auto* d = qobject_cast<QDoubleSpinBox*>(e)) d->setValue(value.toDouble());
  else if (auto* l = qobject_cast<QLineEdit*>(e)) l->setText(value);
  return true;
}

void NewRunDialog::setOverrides(const QString& lines) { m_overrides->setPlainText(lines); }

void NewRunDialog::setSweep(const QString& key, const QString& values, int seeds) {
  m_sweepKey->setText(key);
  m_sweepValues->setText(values);
  m_seeds->setValue(seeds);
}

// The --set assignments: form fields that differ from the preset, then the free overrides.
QStringList NewRunDialog::assignments(QList<QPair<QString, QString>>* problems) const {
  QStringList sets;
  for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
    QWidget* e = it->editor;
    QString text;
    if (auto* c = qobject_cast<QComboBox*>(e)) text = c->currentText();
    else if (auto* b = qobject_cast<QCheckBox*>(e)) text = b->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    else if (auto* s = qobject_cast<QSpinBox*>(e)) text = QString::number(s->value());
    else if (auto* d = qobject_cast<QDoubleSpinBox*>(e)) text = QString::number(d->value(), 'g', 6);
    else if (auto* l = qobject_cast<QLineEdit*>(e)) text = l->text().trimmed();
    const nlohmann::json* v = json_at(m_presetResolved, it.key().toStdString());
    nlohmann::json probe = nlohmann::json::object();
    const auto issue = apply_set(probe, QString(it.key() + QLatin1Char('=') + text).toStdString());
    if (issue) {
      if (problems) problems->append(qMakePair(QString::fromStdString(issue->field), QString::fromStdString(issue->message)));
      continue;
    }
    const nlohmann::json* mine = json_at(probe, it.key().toStdString());
    const bool same = v && mine &&
                      (*v == *mine || (v->is_number() && mine->is_number() &&
                                       std::abs(v->get<double>() - mine->get<double>()) <= 1e-9 * std::max(1.0, std::abs(v->get<double>()))));
    if (!same) sets << it.key() + QLatin1Char('=') + text;
  }
  for (const QString& line : m_overrides->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
    const QString a = line.trimmed();
    if (a.isEmpty() || a.startsWith(QLatin1Char('#'))) continue;
    if (!a.contains(QLatin1Char('='))) {
      if (problems) problems->append(qMakePair(QString(), tr("override \"%1\" is not KEY=VALUE").arg(a)));
      continue;
    }
    sets << a;
  }
  return sets;
}

void NewRunDialog::revalidate() {
  if (m_loading) return;
  QList<QPair<QString, QString>> problems;
  const QStringList sets = assignments(&problems);
  const Preset* p = find_preset(m_preset->currentText().toStdString());
  nlohmann::json config = p ? p->config : nlohmann::json::object();
  for (const QString& s : sets)
    if (auto issue = apply_set(config, s.toStdString()))
      problems.append(qMakePair(QString::fromStdString(issue->field), QString::fromStdString(issue->message)));
  if (problems.isEmpty())
    for (const auto& i : validate_config(config, nullptr))
      problems.append(qMakePair(QString::fromStdString(i.field), QString::fromStdString(i.message)));
  // The data it reads: the packages' stamps and a user file's presence (the CLI parses it and hashes
  // the packages' files before it starts).
  if (problems.isEmpty()) {
    RunConfig rc;
    if (parse_run_config(config, rc).empty()) {
      for (const auto& i : check_data(rc.task, DataCache({}, /*verify_files=*/false), /*parse_user_file=*/false))
        problems.append(qMakePair(QString::fromStdString(i.field), QString::fromStdString(i.message)));
      for (const auto& i : check_launch(rc, /*distributed=*/false))  // the app starts single-process runs
        problems.append(qMakePair(QString::fromStdString(i.field), QString::fromStdString(i.message)));
    }
  }
  // The sweep: every value must be valid for its key.
  QString sweepProblem;
  const QString key = m_sweepKey->text().trimmed(), values = m_sweepValues->text().trimmed();
  if (!key.isEmpty() || !values.isEmpty()) {
    if (key.isEmpty() || values.isEmpty()) sweepProblem = tr("give a key and its values");
    for (const QString& v : values.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
      nlohmann::json copy = config;
      if (auto issue = apply_set(copy, QString(key + QLatin1Char('=') + v.trimmed()).toStdString())) {
        sweepProblem = QString::fromStdString(issue->field + ": " + issue->message);
        break;
      }
      if (const auto more = validate_config(copy, nullptr); !more.empty()) {
        sweepProblem = tr("with %1=%2: %3").arg(key, v.trimmed(), QString::fromStdString(more.front().field + ": " + more.front().message));
        break;
      }
    }
  }
  // Show each problem next to its field; the rest below the form.
  for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
    it->error->clear();
    it->error->hide();
  }
  QStringList general;
  for (const auto& [field, message] : problems) {
    auto it = m_fields.find(field);
    if (it != m_fields.end()) {
      it->error->setText(it->error->text().isEmpty() ? message : it->error->text() + QLatin1Char('\n') + message);
      it->error->show();
    } else {
      general << (field.isEmpty() ? message : field + QStringLiteral(": ") + message);
    }
  }
  m_general->setText(general.join(QLatin1Char('\n')));
  m_sweepError->setText(sweepProblem);
  m_sweepError->setVisible(!sweepProblem.isEmpty());
  if (!sweepProblem.isEmpty()) problems.append(qMakePair(QStringLiteral("sweep"), sweepProblem));
  m_issues = problems;
  m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
}

QString NewRunDialog::fieldError(const QString& key) const {
  if (key == QStringLiteral("sweep")) return m_sweepError->text();
  auto it = m_fields.find(key);
  return it == m_fields.end() ? QString() : it->error->text();
}

QStringList NewRunDialog::cliArguments() const {
  QStringList args{QStringLiteral("train"), QStringLiteral("--preset"), m_preset->currentText()};
  for (const QString& s : assignments(nullptr)) args << QStringLiteral("--set") << s;
  const QString key = m_sweepKey->text().trimmed(), values = m_sweepValues->text().trimmed();
  if (!key.isEmpty() && !values.isEmpty()) args << QStringLiteral("--sweep") << key + QLatin1Char('=') + values;
  if (m_seeds->value() > 1) args << QStringLiteral("--seeds") << QString::number(m_seeds->value());
  return args;
}

QString NewRunDialog::summary() const {
  QString s = m_preset->currentText();
  const QStringList sets = assignments(nullptr);
  if (!sets.isEmpty()) s += QStringLiteral(" (") + sets.join(QStringLiteral(", ")) + QLatin1Char(')');
  if (!m_sweepKey->text().trimmed().isEmpty()) s += tr(", sweep %1").arg(m_sweepKey->text().trimmed());
  if (m_seeds->value() > 1) s += tr(", %n seeds", nullptr, m_seeds->value());
  return s;
}

}  // namespace etlab
