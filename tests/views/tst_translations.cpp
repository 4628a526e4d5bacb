// SPDX-License-Identifier: MIT
// The German and Chinese translations are complete, keep every placeholder, and load.
#include <QDomDocument>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTranslator>
#include <QtTest>

namespace {

QSet<QString> placeholders(const QString& s) {
  QSet<QString> out;
  static const QRegularExpression re(QStringLiteral("%L?\\d+|%n"));
  for (auto it = re.globalMatch(s); it.hasNext();) out.insert(it.next().captured());
  return out;
}

}  // namespace

class TestTranslations : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void completeAndPlaceholdersKept_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("de") << QStringLiteral(ETLAB_TS_DIR "/etlab_de.ts");
    QTest::newRow("zh_CN") << QStringLiteral(ETLAB_TS_DIR "/etlab_zh_CN.ts");
  }

  void completeAndPlaceholdersKept() {
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QDomDocument doc;
    QVERIFY(doc.setContent(&f));
    const auto messages = doc.elementsByTagName(QStringLiteral("message"));
    int checked = 0;
    for (int i = 0; i < messages.count(); ++i) {
      const auto m = messages.at(i).toElement();
      const auto t = m.firstChildElement(QStringLiteral("translation"));
      const QString type = t.attribute(QStringLiteral("type"));
      if (type == QStringLiteral("vanished") || type == QStringLiteral("obsolete")) continue;
      const QString source = m.firstChildElement(QStringLiteral("source")).text();
      QVERIFY2(type != QStringLiteral("unfinished"), qPrintable(QStringLiteral("untranslated: ") + source));
      QStringList forms;
      const auto numerus = t.elementsByTagName(QStringLiteral("numerusform"));
      for (int k = 0; k < numerus.count(); ++k) forms << numerus.at(k).toElement().text();
      if (forms.isEmpty()) forms << t.text();
      for (const QString& form : forms) {
        QVERIFY2(!form.isEmpty(), qPrintable(QStringLiteral("empty translation: ") + source));
        QCOMPARE(placeholders(form), placeholders(source));
      }
      ++checked;
    }
    QVERIFY(checked > 300);
  }

  void compiledTranslationsLoad() {
    QTranslator de, zh;
    QVERIFY(de.load(QStringLiteral(ETLAB_QM_DIR "/etlab_de.qm")));
    QVERIFY(zh.load(QStringLiteral(ETLAB_QM_DIR "/etlab_zh_CN.qm")));
    QCOMPARE(de.translate("etlab::MainWindow", "&File"), QStringLiteral("&Datei"));
    QVERIFY(zh.translate("etlab::MainWindow", "&File").contains(QStringLiteral("文件")));
    QVERIFY(!de.translate("etlab::AttentionExplorer", "Probe").isEmpty());
  }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
