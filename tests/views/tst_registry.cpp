// SPDX-License-Identifier: MIT
// A test-only attention kind and LoRA form, registered by this test binary alone, appear in a New run
// dialog built here: the kind among the choices with its own key in the form, the form in LoRA's.
#include <QComboBox>
#include <QSpinBox>
#include <QtTest>

#include "app/gui/NewRunDialog.h"
#include "core/config/attention_kind.h"
#include "core/config/lora_axes.h"
#include "tests/core/config/test_kinds.h"

using namespace etlab;

namespace {

QStringList items(QComboBox* c) {
  QStringList out;
  for (int i = 0; i < c->count(); ++i) out << c->itemText(i);
  return out;
}

}  // namespace

class TestRegistry : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { test::register_test_variants(); }

  void newRunDialogOffersATestOnlyKindAndForm() {
    NewRunDialog d;
    d.setPreset(QStringLiteral("smoke-sparse"));
    auto* kind = d.findChild<QComboBox*>(QStringLiteral("attention.kind"));
    QVERIFY(kind);
    QVERIFY2(items(kind).contains(QStringLiteral("test_every_other")), qPrintable(items(kind).join(QLatin1Char(','))));
    auto* stride = d.findChild<QSpinBox*>(QStringLiteral("attention.test_stride"));
    QVERIFY2(stride, "the kind's own key is in the form");
    QCOMPARE(stride->maximum(), 64);
    auto* form = d.findChild<QComboBox*>(QStringLiteral("lora.form"));
    QVERIFY(form);
    QVERIFY(items(form).contains(QStringLiteral("test_half")));

    QVERIFY(d.setField(QStringLiteral("attention.kind"), QStringLiteral("test_every_other")));
    QVERIFY(d.setField(QStringLiteral("attention.test_stride"), QStringLiteral("3")));
    QVERIFY(d.setField(QStringLiteral("lora.enabled"), QStringLiteral("true")));
    QVERIFY(d.setField(QStringLiteral("lora.form"), QStringLiteral("test_half")));
    QVERIFY2(d.issues().isEmpty(), qPrintable(d.issues().value(0).first + QStringLiteral(": ") + d.issues().value(0).second));
    const QStringList args = d.cliArguments();
    QVERIFY2(args.contains(QStringLiteral("attention.kind=test_every_other")), qPrintable(args.join(QLatin1Char(' '))));
    QVERIFY(args.contains(QStringLiteral("attention.test_stride=3")));
    QVERIFY(args.contains(QStringLiteral("lora.form=test_half")));
  }
};

QTEST_MAIN(TestRegistry)
#include "tst_registry.moc"
