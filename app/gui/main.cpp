// SPDX-License-Identifier: MIT
// etlab: the desktop application. Opens the default database ($XDG_DATA_HOME/etlab/etlab.db, created
// on first launch) or the file given on the command line.
#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include "app/gui/HeadlessExport.h"
#include "app/gui/MainWindow.h"
#include "core/config/paths.h"
#include "core/config/version.h"
#include "core/store/run_store.h"

int main(int argc, char** argv) {
  // `etlab export …` and `etlab report …` render views without a window.
  if (argc > 1 && (qstrcmp(argv[1], "export") == 0 || qstrcmp(argv[1], "report") == 0)) return etlab::headlessMain(argc, argv);
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("etlab"));
  QApplication::setOrganizationName(QStringLiteral("etlab"));
  QApplication::setApplicationVersion(QString::fromStdString(etlab::version()));
  QApplication::setDesktopFileName(QStringLiteral("etlab"));

  // The system locale, unless View > Language chose another (takes effect at the next start).
  const QString language = QSettings().value(QStringLiteral("view/language")).toString();
  const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
  QLocale::setDefault(locale);
  QTranslator qtTranslator, appTranslator;
  if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QApplication::installTranslator(&qtTranslator);
  if (appTranslator.load(locale, QStringLiteral("etlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    QApplication::installTranslator(&appTranslator);

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "The Efficient Transformer Lab"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("database"),
                               QApplication::translate("main", "Database to open (default: %1)")
                                   .arg(QString::fromStdString(etlab::default_db_path())));
  parser.process(app);
  QString db = parser.positionalArguments().value(0);
  if (db.isEmpty()) {
    db = QString::fromStdString(etlab::default_db_path());
    try {
      etlab::RunStore create(db.toStdString());  // first launch: create the folder and an empty database
    } catch (const std::exception&) {
      // The window shows the reason when it tries to open the file.
    }
  }
  etlab::MainWindow window(db);
  window.resize(1200, 700);
  window.show();
  return QApplication::exec();
}
