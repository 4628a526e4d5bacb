<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Heatmap</name>
    <message>
        <location filename="../views/attention/Heatmap.cpp" line="64"/>
        <source>cividis</source>
        <translation>cividis</translation>
    </message>
    <message>
        <location filename="../views/attention/Heatmap.cpp" line="65"/>
        <source>difference (blue − / orange +)</source>
        <translation>Differenz (blau − / orange +)</translation>
    </message>
    <message>
        <location filename="../views/attention/Heatmap.cpp" line="66"/>
        <source>viridis</source>
        <translation>viridis</translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="45"/>
        <source>nothing recorded for this selection</source>
        <translation>für diese Auswahl nichts aufgezeichnet</translation>
    </message>
</context>
<context>
    <name>JobManager</name>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="22"/>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="23"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="24"/>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="25"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="26"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="27"/>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
</context>
<context>
    <name>NewRunDialog</name>
    <message>
        <source>Task and model</source>
        <translation type="vanished">Aufgabe und Modell</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="vanished">Attention</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation type="vanished">LoRA</translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="vanished">Training</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="342"/>
        <source>probabilities, unattended blocks dimmed</source>
        <translation>Wahrscheinlichkeiten, nicht beachtete Blöcke abgedunkelt</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="343"/>
        <source>probabilities</source>
        <translation>Wahrscheinlichkeiten</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="344"/>
        <source>attended blocks</source>
        <translation>beachtete Blöcke</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="347"/>
        <source>difference to step %1</source>
        <translation>Differenz zu Schritt %1</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="358"/>
        <source>difference to run %1 at step %2</source>
        <translation>Differenz zu Lauf %1 bei Schritt %2</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="360"/>
        <source> · run %1 saw other inputs (%2 vs %3 tokens): no difference</source>
        <translation> · Lauf %1 sah andere Eingaben (%2 statt %3 Token): keine Differenz</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="368"/>
        <source>run %1 · step %2 · layer %3 · head %4 · %5</source>
        <translation>Lauf %1 · Schritt %2 · Schicht %3 · Head %4 · %5</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="369"/>
        <source>query block</source>
        <translation>Query-Block</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="369"/>
        <source>query position</source>
        <translation>Query-Position</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="370"/>
        <source>key block</source>
        <translation>Key-Block</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="370"/>
        <source>key position</source>
        <translation>Key-Position</translation>
    </message>
</context>
<context>
    <name>RunDetails</name>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="38"/>
        <source>&lt;h4&gt;Data-parallel job: %1 ranks&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Datenparalleler Job: %1 Ränge&lt;/h4&gt;</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="40"/>
        <source>&lt;p&gt;Effective batch %1 (%2 a rank × %3 accumulated × %4 ranks) · learning rate %5 (scaling: %6) · %7 all-reduce in %8 MiB buckets · started by %9&lt;/p&gt;</source>
        <translation>&lt;p&gt;Effektive Batch-Größe %1 (%2 je Rang × %3 akkumuliert × %4 Ränge) · Lernrate %5 (Skalierung: %6) · %7-All-Reduce in Buckets zu %8 MiB · gestartet von %9&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="54"/>
        <source>&lt;p&gt;Parameters were identical on every rank, bit for bit, at all %1 comparisons.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Parameter waren auf jedem Rang bitgenau gleich, bei allen %1 Vergleichen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="60"/>
        <source>rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="60"/>
        <source>tokens/s (last)</source>
        <translation>Tokens/s (letzter Wert)</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="60"/>
        <source>share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="60"/>
        <source>tokens/s (best)</source>
        <translation>Tokens/s (bester Wert)</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="60"/>
        <source>peak tensors MiB</source>
        <translation>Tensor-Spitze MiB</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="60"/>
        <source>peak RSS MiB</source>
        <translation>RSS-Spitze MiB</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="78"/>
        <source>seed %1</source>
        <translation>Seed %1</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="86"/>
        <source>&lt;p&gt;Tags: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Tags: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="88"/>
        <source>&lt;p&gt;Notes: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Notizen: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="91"/>
        <source>metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="91"/>
        <source>last</source>
        <translation>letzter Wert</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="91"/>
        <source>best</source>
        <translation>bester Wert</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="91"/>
        <source>at step</source>
        <translation>bei Schritt</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="114"/>
        <source>&lt;p&gt;Recorded: %1 metric points, %2 evaluations, %3 attention selections, %4 probability maps, %5 spectra, %6 checkpoints.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aufgezeichnet: %1 Metrikpunkte, %2 Evaluationen, %3 Attention-Auswahlen, %4 Wahrscheinlichkeitskarten, %5 Spektren, %6 Checkpoints.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>etlab</name>
    <message>
        <location filename="../views/common/ChartExport.cpp" line="25"/>
        <source>%1 already exists; choose another name (nothing was overwritten)</source>
        <translation>%1 existiert bereits; wählen Sie einen anderen Namen (nichts wurde überschrieben)</translation>
    </message>
    <message>
        <location filename="../views/common/ChartExport.cpp" line="41"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf);;CSV data (*.csv)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf);;CSV-Daten (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="69"/>
        <source>no run &apos;%1&apos; in %2</source>
        <translation>kein Lauf „%1“ in %2</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="86"/>
        <location filename="../app/gui/HeadlessExport.cpp" line="199"/>
        <source>unknown view &apos;%1&apos; (heatmap, spectrum, tradeoff, curves)</source>
        <translation>unbekannte Ansicht „%1“ (heatmap, spectrum, tradeoff, curves)</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="91"/>
        <source>give --out FILE</source>
        <translation>geben Sie --out DATEI an</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="95"/>
        <source>--out %1 does not end in .%2</source>
        <translation>--out %1 endet nicht auf .%2</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="99"/>
        <source>no database at %1</source>
        <translation>keine Datenbank unter %1</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="106"/>
        <source>give --run ID (the %1 view shows runs)</source>
        <translation>geben Sie --run ID an (die Ansicht %1 zeigt Läufe)</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="117"/>
        <source>run %1 has no recorded attention</source>
        <translation>Lauf %1 hat keine Attention aufgezeichnet</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="127"/>
        <source>no attention recorded at step %1; recorded steps: %2</source>
        <translation>in Schritt %1 wurde keine Attention aufgezeichnet; aufgezeichnete Schritte: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="133"/>
        <source>layer %1 head %2 does not exist (the model has %3 layers of %4 heads)</source>
        <translation>Schicht %1, Head %2 existiert nicht (das Modell hat %3 Schichten mit je %4 Heads)</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="149"/>
        <location filename="../app/gui/HeadlessExport.cpp" line="168"/>
        <source>cannot load the runs</source>
        <translation>Läufe können nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="153"/>
        <source>no metric &apos;%1&apos;; the runs have: %2</source>
        <translation>keine Metrik „%1“; die Läufe haben: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="179"/>
        <source>cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="184"/>
        <source>no %1 benchmarks on %2 in %3</source>
        <translation>keine %1-Benchmarks auf %2 in %3</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="190"/>
        <source>--tradeoff: expected runs or lengths (got &apos;%1&apos;)</source>
        <translation>--tradeoff: erwartet runs oder lengths (erhalten: „%1“)</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="245"/>
        <source>name at least one run</source>
        <translation>geben Sie mindestens einen Lauf an</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="206"/>
        <source>%1 already holds a report (index.html); choose an empty folder</source>
        <translation>%1 enthält bereits einen Bericht (index.html); wählen Sie einen leeren Ordner</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="210"/>
        <source>cannot create %1</source>
        <translation>%1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="253"/>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="253"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="253"/>
        <source>preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="253"/>
        <source>method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="253"/>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="253"/>
        <source>test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="253"/>
        <source>wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="272"/>
        <source>Training loss</source>
        <translation>Trainings-Loss</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="273"/>
        <source>Attention of the first run (last step, layer 0, head 0)</source>
        <translation>Attention des ersten Laufs (letzter Schritt, Schicht 0, Head 0)</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="274"/>
        <source>Rank spectra of the weight updates</source>
        <translation>Rangspektren der Gewichts-Updates</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="275"/>
        <source>Speed and memory of every finished run in the database</source>
        <translation>Geschwindigkeit und Speicherbedarf aller abgeschlossenen Läufe in der Datenbank</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="287"/>
        <source>Not available: %1</source>
        <translation>Nicht verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="222"/>
        <source>data (CSV)</source>
        <translation>Daten (CSV)</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="295"/>
        <source>etlab report</source>
        <translation>etlab-Bericht</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="296"/>
        <source>Database %1 · etlab %2 · git %3</source>
        <translation>Datenbank %1 · etlab %2 · git %3</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="236"/>
        <location filename="../views/common/ChartExport.cpp" line="65"/>
        <location filename="../views/common/ChartExport.cpp" line="79"/>
        <location filename="../views/common/ChartExport.cpp" line="94"/>
        <location filename="../views/common/ChartExport.cpp" line="110"/>
        <location filename="../views/common/ChartExport.cpp" line="123"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="316"/>
        <source>export or report</source>
        <translation>export oder report</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="317"/>
        <source>database file</source>
        <translation>Datenbankdatei</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="318"/>
        <source>run id or prefix (several: comma-separated)</source>
        <translation>Lauf-ID oder ihr Präfix (mehrere: durch Kommas getrennt)</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="319"/>
        <source>heatmap, spectrum, tradeoff or curves</source>
        <translation>heatmap, spectrum, tradeoff oder curves</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="320"/>
        <source>png, svg, pdf or csv</source>
        <translation>png, svg, pdf oder csv</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="321"/>
        <source>file (export) or folder (report) to write</source>
        <translation>zu schreibende Datei (export) bzw. zu schreibender Ordner (report)</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="322"/>
        <source>layer (heatmap, spectrum)</source>
        <translation>Schicht (heatmap, spectrum)</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="323"/>
        <source>head (heatmap)</source>
        <translation>Head (heatmap)</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="324"/>
        <source>step (default: the last recorded)</source>
        <translation>Schritt (Standard: der zuletzt aufgezeichnete)</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="325"/>
        <source>adapted module (spectrum): q, k, v, o, ffn_in, ffn_out</source>
        <translation>adaptiertes Modul (spectrum): q, k, v, o, ffn_in, ffn_out</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="327"/>
        <source>metric (curves)</source>
        <translation>Metrik (curves)</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="328"/>
        <source>PNG resolution</source>
        <translation>PNG-Auflösung</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="329"/>
        <source>tradeoff view: runs or lengths</source>
        <translation>Trade-off-Ansicht: runs oder lengths</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="331"/>
        <source>tradeoff lengths: fwd or fwdbwd</source>
        <translation>Trade-off lengths: fwd oder fwdbwd</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="332"/>
        <source>tradeoff lengths: cpu or cuda</source>
        <translation>Trade-off lengths: cpu oder cuda</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="334"/>
        <source>report: a review study&apos;s review.json instead of runs</source>
        <translation>report: review.json einer Review-Studie statt Läufen</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="344"/>
        <source>report: give --out FOLDER</source>
        <translation>report: geben Sie --out ORDNER an</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="350"/>
        <source>%1: give --db FILE and --out PATH</source>
        <translation>%1: geben Sie --db DATEI und --out PFAD an</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="369"/>
        <source>export: --layer, --head, --step and --dpi take whole numbers</source>
        <translation>export: --layer, --head, --step und --dpi erwarten ganze Zahlen</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="376"/>
        <source>export: --format must be png, svg, pdf or csv</source>
        <translation>export: --format muss png, svg, pdf oder csv sein</translation>
    </message>
    <message>
        <location filename="../views/common/ChartExport.cpp" line="101"/>
        <source>unknown chart format &apos;%1&apos; (png, svg, pdf)</source>
        <translation>unbekanntes Diagrammformat „%1“ (png, svg, pdf)</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="61"/>
        <source>Budget &lt;b&gt;%1&lt;/b&gt; (%2) · measured in %3 min · %4 runs trained, %5 reused · from &lt;code&gt;%6&lt;/code&gt;</source>
        <translation>Budget &lt;b&gt;%1&lt;/b&gt; (%2) · gemessen in %3 min · %4 Läufe trainiert, %5 wiederverwendet · aus &lt;code&gt;%6&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="66"/>
        <source>claim</source>
        <translation>Behauptung</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="66"/>
        <source>claimed</source>
        <translation>behauptet</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="66"/>
        <source>measured here</source>
        <translation>hier gemessen</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="66"/>
        <source>verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="66"/>
        <source>setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="66"/>
        <source>runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="95"/>
        <source>Research gaps</source>
        <translation>Forschungslücken</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="109"/>
        <source>Verdict rules (fixed before any run)</source>
        <translation>Urteilsregeln (vor jedem Lauf festgelegt)</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="110"/>
        <source>Rule per claim</source>
        <translation>Regel je Behauptung</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="113"/>
        <source>etlab review study</source>
        <translation>etlab-Review-Studie</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="114"/>
        <source>The literature review&apos;s claims measured on this machine · etlab %1 · git %2</source>
        <translation>Die Behauptungen des Literatur-Reviews, gemessen auf diesem Rechner · etlab %1 · git %2</translation>
    </message>
</context>
<context>
    <name>etlab::AttentionExplorer</name>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="152"/>
        <source>Block selection of every layer and head at this step; click one to inspect it</source>
        <translation>Blockauswahl jeder Schicht und jedes Heads in diesem Schritt; zum Untersuchen anklicken</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="155"/>
        <source>Held-out probe example (the same inputs at every step)</source>
        <translation>Zurückgehaltenes Probe-Beispiel (in jedem Schritt dieselben Eingaben)</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="157"/>
        <source>Scrub through training: the attention recorded at each evaluation</source>
        <translation>Durch das Training blättern: die bei jeder Evaluation aufgezeichnete Attention</translation>
    </message>
    <message>
        <source>Show the difference to another step (orange: more attention now, blue: less)</source>
        <translation type="vanished">Differenz zu einem anderen Schritt anzeigen (orange: jetzt mehr Attention, blau: weniger)</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="160"/>
        <source>Show the difference to another step or to another selected run at the same step (orange: more attention here, blue: less)</source>
        <translation>Differenz zu einem anderen Schritt oder zu einem anderen ausgewählten Lauf beim selben Schritt (orange: hier mehr Attention, blau: weniger)</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="166"/>
        <source>Choose a run to see its attention.</source>
        <translation>Wählen Sie einen Lauf, um seine Attention zu sehen.</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="170"/>
        <source>Probe</source>
        <translation>Probe</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="172"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="175"/>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="177"/>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="227"/>
        <source>Loading the attention of run %1…</source>
        <translation>Attention von Lauf %1 wird geladen…</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="236"/>
        <source>Cannot load the attention: %1</source>
        <translation>Attention kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="237"/>
        <source>This run recorded no attention (no evaluation has happened yet).</source>
        <translation>Dieser Lauf hat keine Attention aufgezeichnet (bisher hat keine Evaluation stattgefunden).</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="244"/>
        <source>#%1 (%2 tokens) %3</source>
        <translation>#%1 (%2 Token) %3</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="264"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="265"/>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="267"/>
        <source>run %1 (same step)</source>
        <translation>Lauf %1 (selber Schritt)</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="316"/>
        <source>L%1 H%2 %3</source>
        <translation>L%1 H%2 %3</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="317"/>
        <source>layer %1, head %2: %3 of the key blocks attended</source>
        <translation>Schicht %1, Head %2: %3 der Key-Blöcke beachtet</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="377"/>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="382"/>
        <source>Run mean at step %1: density %2 · entropy %3 nats · mean distance %4 tokens</source>
        <translation>Mittelwert des Laufs in Schritt %1: Dichte %2 · Entropie %3 nats · mittlere Distanz %4 Token</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="395"/>
        <source>This head: %1 of %2 block pairs (block %3)</source>
        <translation>Dieser Head: %1 von %2 Blockpaaren (Block %3)</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="436"/>
        <source>nothing to export yet</source>
        <translation>noch nichts zu exportieren</translation>
    </message>
</context>
<context>
    <name>etlab::CurvesView</name>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="110"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="111"/>
        <source>wall time (s)</source>
        <translation>Laufzeit (s)</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="112"/>
        <source>tokens (from logged throughput)</source>
        <translation>Token (aus protokolliertem Durchsatz)</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="116"/>
        <source>Exponential moving average, debiased as in TensorBoard; the raw curve stays faint behind</source>
        <translation>Exponentieller gleitender Mittelwert, Bias-korrigiert wie in TensorBoard; die Rohkurve bleibt blass im Hintergrund</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="119"/>
        <source>Only differences</source>
        <translation>Nur Unterschiede</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="121"/>
        <location filename="../views/curves/CurvesView.cpp" line="171"/>
        <source>Select one or more runs to plot their curves.</source>
        <translation>Wählen Sie einen oder mehrere Läufe aus, um deren Kurven darzustellen.</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="134"/>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="136"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="138"/>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/curves/CurvesView.cpp" line="163"/>
        <source>Loading %n run(s)…</source>
        <translation>
            <numerusform>%n Lauf wird geladen…</numerusform>
            <numerusform>%n Läufe werden geladen…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="172"/>
        <source>Cannot load the runs: %1</source>
        <translation>Läufe können nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/curves/CurvesView.cpp" line="244"/>
        <source>%1 — %n run(s)</source>
        <translation>
            <numerusform>%1 — %n Lauf</numerusform>
            <numerusform>%1 — %n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="354"/>
        <source>nothing to export yet</source>
        <translation>noch nichts zu exportieren</translation>
    </message>
</context>
<context>
    <name>etlab::HeatmapView</name>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="213"/>
        <source>query block %1 → key block %2</source>
        <translation>Query-Block %1 → Key-Block %2</translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="214"/>
        <source>query %1 “%2” → key %3 “%4”</source>
        <translation>Query %1 „%2“ → Key %3 „%4“</translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="215"/>
        <source>value %1</source>
        <translation>Wert %1</translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="216"/>
        <source> · block attended</source>
        <translation> · Block beachtet</translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="216"/>
        <source> · block skipped</source>
        <translation> · Block übersprungen</translation>
    </message>
</context>
<context>
    <name>etlab::JobManager</name>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="98"/>
        <source>not started: “%1” did not finish</source>
        <translation>nicht gestartet: „%1“ wurde nicht fertig</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="128"/>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="184"/>
        <source>the training process crashed</source>
        <translation>der Trainingsprozess ist abgestürzt</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="209"/>
        <source>stopping after the current step…</source>
        <translation>wird nach dem aktuellen Schritt angehalten…</translation>
    </message>
</context>
<context>
    <name>etlab::JobsPanel</name>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="230"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="230"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="230"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="230"/>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="230"/>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="230"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="277"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="277"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>etlab::MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="69"/>
        <source>etlab — Efficient Transformer Lab</source>
        <translation>etlab — Efficient Transformer Lab</translation>
    </message>
    <message>
        <source>Filter runs (status, preset, method, task…)</source>
        <translation type="vanished">Läufe filtern (Status, Voreinstellung, Methode, Aufgabe…)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No runs yet&lt;/h3&gt;&lt;p&gt;Train a first model from a terminal:&lt;/p&gt;&lt;pre&gt;%1 train --preset smoke-dense&lt;/pre&gt;&lt;p&gt;Runs appear here as they start.&lt;/p&gt;</source>
        <translation type="vanished">&lt;h3&gt;Noch keine Läufe&lt;/h3&gt;&lt;p&gt;Trainieren Sie ein erstes Modell in einem Terminal:&lt;/p&gt;&lt;pre&gt;%1 train --preset smoke-dense&lt;/pre&gt;&lt;p&gt;Läufe erscheinen hier, sobald sie starten.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="36"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="50"/>
        <source>&amp;Open Database…</source>
        <translation>&amp;Datenbank öffnen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="vanished">&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="63"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="158"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="159"/>
        <source>&amp;About etlab</source>
        <translation>Ü&amp;ber etlab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="241"/>
        <source>Cannot open database</source>
        <translation>Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="242"/>
        <source>%1 could not be opened:
%2</source>
        <translation>%1 konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="362"/>
        <source>Open etlab database</source>
        <translation>etlab-Datenbank öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="363"/>
        <location filename="../app/gui/MainWindowMenus.cpp" line="55"/>
        <source>etlab databases (*.db *.sqlite);;All files (*)</source>
        <translation>etlab-Datenbanken (*.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="90"/>
        <source>Filter runs (any column, notes, id)</source>
        <translation>Läufe filtern (beliebige Spalte, Notizen, ID)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="94"/>
        <source>any status</source>
        <translation>beliebiger Status</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="103"/>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="108"/>
        <source>config, e.g. lora.r=8 attention.block=64</source>
        <translation>Konfiguration, z. B. lora.r=8 attention.block=64</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="110"/>
        <location filename="../app/gui/MainWindow.cpp" line="114"/>
        <source>Conditions on the run configuration, KEY=VALUE separated by spaces; all must hold</source>
        <translation>Bedingungen an die Laufkonfiguration, SCHLÜSSEL=WERT durch Leerzeichen getrennt; alle müssen erfüllt sein</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="115"/>
        <source>Each condition must be KEY=VALUE, e.g. lora.r=8</source>
        <translation>Jede Bedingung muss die Form SCHLÜSSEL=WERT haben, z. B. lora.r=8</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="124"/>
        <source>&lt;h3&gt;No runs yet&lt;/h3&gt;&lt;p&gt;Start with the demo: it trains a dense, a learned-sparse and a LoRA model on ListOps (smoke-sized, about a minute each on a laptop CPU), so every view fills.&lt;/p&gt;&lt;p&gt;Or choose &lt;b&gt;File › New Run…&lt;/b&gt;, or train from a terminal:&lt;/p&gt;&lt;pre&gt;%1 train --preset smoke-dense&lt;/pre&gt;</source>
        <translation>&lt;h3&gt;Noch keine Läufe&lt;/h3&gt;&lt;p&gt;Beginnen Sie mit der Demo: Sie trainiert ein Dense-Modell, ein Modell mit gelernter Sparse Attention und ein LoRA-Modell auf ListOps (in Smoke-Test-Größe, je etwa eine Minute auf einer Laptop-CPU), sodass sich jede Ansicht füllt.&lt;/p&gt;&lt;p&gt;Oder wählen Sie &lt;b&gt;Datei › Neuer Lauf…&lt;/b&gt; oder trainieren Sie in einem Terminal:&lt;/p&gt;&lt;pre&gt;%1 train --preset smoke-dense&lt;/pre&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="133"/>
        <source>Run the demo comparison</source>
        <translation>Demo-Vergleich starten</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="174"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="175"/>
        <source>Curves &amp;&amp; Compare</source>
        <translation>Kurven &amp;&amp; Vergleich</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="176"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="177"/>
        <source>Rank Spectra</source>
        <translation>Rangspektren</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="178"/>
        <source>Speed vs Memory</source>
        <translation>Geschwindigkeit vs. Speicher</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="179"/>
        <source>Review Study</source>
        <translation>Review-Studie</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="192"/>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="206"/>
        <source>Job “%1” %2</source>
        <translation>Job „%1“ %2</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="218"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="267"/>
        <source>resume %1</source>
        <translation>%1 fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="37"/>
        <source>&amp;New Run…</source>
        <translation>&amp;Neuer Lauf…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="39"/>
        <source>Run the &amp;Demo Comparison</source>
        <translation>Demo-&amp;Vergleich starten</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="41"/>
        <source>Review &amp;Study</source>
        <translation>Review-&amp;Studie</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="42"/>
        <source>Smoke (about 2 minutes)</source>
        <translation>Rauchtest (etwa 2 Minuten)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="43"/>
        <source>Quick (up to 30 minutes, indicative)</source>
        <translation>Schnell (bis 30 Minuten, Richtwert)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="44"/>
        <source>Standard (up to 2.5 hours, 3 seeds)</source>
        <translation>Standard (bis 2,5 Stunden, 3 Seeds)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="45"/>
        <source>Full (overnight)</source>
        <translation>Vollständig (über Nacht)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="48"/>
        <source>Open Review &amp;Report…</source>
        <translation>Review-Be&amp;richt öffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="52"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="53"/>
        <source>&amp;Merge Database…</source>
        <translation>Datenbank zusa&amp;mmenführen…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="54"/>
        <source>Merge runs from</source>
        <translation>Läufe zusammenführen aus</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="58"/>
        <source>&amp;Export View…</source>
        <translation>Ansicht &amp;exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="vanished">Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="59"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="60"/>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="66"/>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="67"/>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="69"/>
        <source>&amp;Tags…</source>
        <translation>&amp;Tags…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="70"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="71"/>
        <source>N&amp;otes…</source>
        <translation>&amp;Notizen…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="72"/>
        <source>E&amp;xperiment…</source>
        <translation>E&amp;xperiment…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="76"/>
        <location filename="../app/gui/MainWindowMenus.cpp" line="83"/>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindowMenus.cpp" line="77"/>
        <source>Group the %n selected run(s) under the experiment (empty: none):</source>
        <translation>
            <numerusform>Ordnet %n ausgewählten Lauf dem Experiment zu (leer: keines):</numerusform>
            <numerusform>Ordnet %n ausgewählte Läufe dem Experiment zu (leer: keines):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="87"/>
        <source>Tr&amp;y It…</source>
        <translation>Aus&amp;probieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="88"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="89"/>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="90"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="91"/>
        <source>Jobs Side by Side</source>
        <translation>Parallele Jobs</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindowMenus.cpp" line="94"/>
        <source>%n at a time</source>
        <translation>
            <numerusform>%n gleichzeitig</numerusform>
            <numerusform>%n gleichzeitig</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="104"/>
        <source>Move to &amp;Bin</source>
        <translation>In den &amp;Papierkorb verschieben</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="106"/>
        <source>&amp;Undo Delete</source>
        <translation>Löschen &amp;rückgängig machen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="110"/>
        <source>Show the B&amp;in</source>
        <translation>Papierkorb an&amp;zeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="113"/>
        <source>&amp;Restore from Bin</source>
        <translation>Aus dem Papierkorb &amp;wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="115"/>
        <source>&amp;Empty Bin…</source>
        <translation>Papierkorb &amp;leeren…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="118"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="119"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="122"/>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="122"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="122"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="133"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="136"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="147"/>
        <source>The language changes when etlab starts again</source>
        <translation>Die Sprache wechselt beim nächsten Start von etlab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="150"/>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="150"/>
        <source>&amp;Curves and Compare</source>
        <translation>&amp;Kurven und Vergleich</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="151"/>
        <source>&amp;Attention</source>
        <translation>&amp;Attention</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="151"/>
        <source>Rank &amp;Spectra</source>
        <translation>&amp;Rangspektren</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="152"/>
        <source>Speed vs &amp;Memory</source>
        <translation>Geschwindigkeit vs. &amp;Speicher</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="167"/>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="295"/>
        <source>any method</source>
        <translation>beliebige Methode</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation type="vanished">Seed %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;Tags: %1&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;Tags: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Notes: %1&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;Notizen: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>metric</source>
        <translation type="vanished">Metrik</translation>
    </message>
    <message>
        <source>last</source>
        <translation type="vanished">letzter Wert</translation>
    </message>
    <message>
        <source>best</source>
        <translation type="vanished">bester Wert</translation>
    </message>
    <message>
        <source>at step</source>
        <translation type="vanished">bei Schritt</translation>
    </message>
    <message>
        <source>&lt;p&gt;Recorded: %1 metric points, %2 evaluations, %3 attention selections, %4 probability maps, %5 spectra, %6 checkpoints.&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;Aufgezeichnet: %1 Metrikpunkte, %2 Evaluationen, %3 Attention-Auswahlen, %4 Wahrscheinlichkeitskarten, %5 Spektren, %6 Checkpoints.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="50"/>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="56"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="97"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="69"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="88"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="79"/>
        <source>Rename run</source>
        <translation>Lauf umbenennen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="79"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="88"/>
        <source>Tags, separated by commas:</source>
        <translation>Tags, durch Kommas getrennt:</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="97"/>
        <source>Notes on this run:</source>
        <translation>Notizen zu diesem Lauf:</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="113"/>
        <source>Move to bin</source>
        <translation>In den Papierkorb verschieben</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindowRuns.cpp" line="117"/>
        <source>%n run(s) moved to the bin — Undo with %1</source>
        <translation>
            <numerusform>%n Lauf in den Papierkorb verschoben — Rückgängig mit %1</numerusform>
            <numerusform>%n Läufe in den Papierkorb verschoben — Rückgängig mit %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="130"/>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="149"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="155"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="157"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="161"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="168"/>
        <source>Empty bin</source>
        <translation>Papierkorb leeren</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="157"/>
        <source>The bin is empty.</source>
        <translation>Der Papierkorb ist leer.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindowRuns.cpp" line="162"/>
        <source>Remove %n run(s) and their %1 checkpoint file(s) (%2 MB) for good? This cannot be undone.</source>
        <translation>
            <numerusform>%n Lauf und seine %1 Checkpoint-Datei(en) (%2 MB) endgültig entfernen? Dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%n Läufe und ihre %1 Checkpoint-Datei(en) (%2 MB) endgültig entfernen? Dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="171"/>
        <source>Removed %1 run(s) and %2 file(s), %3 MB freed</source>
        <translation>%1 Lauf/Läufe und %2 Datei(en) entfernt, %3 MB frei geworden</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="179"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="186"/>
        <source>Merge database</source>
        <translation>Datenbank zusammenführen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="180"/>
        <source>Import the runs of %1 into %2? Runs already present are skipped; %1 is not changed.</source>
        <translation>Die Läufe aus %1 in %2 importieren? Bereits vorhandene Läufe werden übersprungen; %1 wird nicht verändert.</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="189"/>
        <source>Merged: %1 run(s) added, %2 already present, %3 checkpoint file(s) copied</source>
        <translation>Zusammengeführt: %1 Lauf/Läufe hinzugefügt, %2 bereits vorhanden, %3 Checkpoint-Datei(en) kopiert</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="194"/>
        <source>; %1 checkpoint file(s) and %2 run(s) left out</source>
        <translation>; %1 Checkpoint-Datei(en) und %2 Lauf/Läufe ausgelassen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="203"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowReview.cpp" line="37"/>
        <source>Review study written to %1</source>
        <translation>Review-Studie geschrieben nach %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowReview.cpp" line="31"/>
        <source>Review study stopped: %1</source>
        <translation>Review-Studie abgebrochen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowReview.cpp" line="39"/>
        <source>Review study finished, but its report cannot be shown: %1</source>
        <translation>Review-Studie abgeschlossen, aber ihr Bericht kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowReview.cpp" line="46"/>
        <source>review study (%1)</source>
        <translation>Review-Studie (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowReview.cpp" line="64"/>
        <location filename="../app/gui/MainWindowReview.cpp" line="68"/>
        <source>Open review report</source>
        <translation>Review-Bericht öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowReview.cpp" line="65"/>
        <source>Review study reports (review.json);;JSON (*.json);;All files (*)</source>
        <translation>Review-Studienberichte (review.json);;JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindowReview.cpp" line="86"/>
        <source>None of these %n run(s) is in the table (another database, the bin, or filtered out)</source>
        <translation>
            <numerusform>Dieser %n Lauf ist nicht in der Tabelle (andere Datenbank, Papierkorb oder herausgefiltert)</numerusform>
            <numerusform>Keiner dieser %n Läufe ist in der Tabelle (andere Datenbank, Papierkorb oder herausgefiltert)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindowReview.cpp" line="94"/>
        <source>%n run(s) not shown (another database, the bin, or filtered out)</source>
        <translation>
            <numerusform>%n Lauf nicht angezeigt (andere Datenbank, Papierkorb oder herausgefiltert)</numerusform>
            <numerusform>%n Läufe nicht angezeigt (andere Datenbank, Papierkorb oder herausgefiltert)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="342"/>
        <source>the Details view has no chart; choose Curves, Attention, Rank Spectra or Speed vs Memory</source>
        <translation>die Ansicht „Details“ hat kein Diagramm; wählen Sie Kurven, Attention, Rangspektren oder Geschwindigkeit vs. Speicher</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="347"/>
        <location filename="../app/gui/MainWindow.cpp" line="352"/>
        <location filename="../app/gui/MainWindow.cpp" line="357"/>
        <source>Export view</source>
        <translation>Ansicht exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="352"/>
        <source>Resolution of the PNG image (dots per inch):</source>
        <translation>Auflösung des PNG-Bildes (Punkte pro Zoll):</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="358"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="397"/>
        <source>Database dropped</source>
        <translation>Datenbank abgelegt</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="398"/>
        <source>What should happen with %1?</source>
        <translation>Was soll mit %1 geschehen?</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="399"/>
        <source>Open it</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="400"/>
        <source>Merge its runs into this database</source>
        <translation>Ihre Läufe in diese Datenbank übernehmen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="409"/>
        <source>Training in progress</source>
        <translation>Training läuft</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="410"/>
        <source>%n training job(s) are running. Stop them now? They are saved and can be resumed later.</source>
        <translation>
            <numerusform>%n Trainingsjob läuft. Jetzt anhalten? Er wird gespeichert und kann später fortgesetzt werden.</numerusform>
            <numerusform>%n Trainingsjobs laufen. Jetzt anhalten? Sie werden gespeichert und können später fortgesetzt werden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="234"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="235"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="236"/>
        <source>demo: %1</source>
        <translation>Demo: %1</translation>
    </message>
    <message>
        <source>The LoRA demo needs the dense run: it starts when that one is finished</source>
        <translation type="vanished">Die LoRA-Demo benötigt den Dense-Lauf: Sie startet, sobald dieser abgeschlossen ist</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="248"/>
        <source>Select one finished run to try</source>
        <translation>Wählen Sie einen abgeschlossenen Lauf zum Ausprobieren</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="253"/>
        <source>Only finished runs can be tried</source>
        <translation>Nur abgeschlossene Läufe lassen sich ausprobieren</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="269"/>
        <source>Run %1 is %2: only interrupted, cancelled or failed runs resume</source>
        <translation>Lauf %1 hat den Status %2: nur unterbrochene, abgebrochene oder fehlgeschlagene Läufe lassen sich fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="426"/>
        <source>About etlab</source>
        <translation>Über etlab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="427"/>
        <source>&lt;h3&gt;etlab %1&lt;/h3&gt;&lt;p&gt;The Efficient Transformer Lab: learned sparse attention and LoRA, measured on your own machine.&lt;/p&gt;&lt;p&gt;Qt %2 · git %3&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;etlab %1&lt;/h3&gt;&lt;p&gt;Das Efficient Transformer Lab: gelernte Sparse Attention und LoRA, gemessen auf Ihrem eigenen Rechner.&lt;/p&gt;&lt;p&gt;Qt %2 · git %3&lt;/p&gt;&lt;p&gt;MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="437"/>
        <source>%n run(s) in the bin of %1</source>
        <translation>
            <numerusform>%n Lauf im Papierkorb von %1</numerusform>
            <numerusform>%n Läufe im Papierkorb von %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="438"/>
        <source>%n run(s) in %1</source>
        <translation>
            <numerusform>%n Lauf in %1</numerusform>
            <numerusform>%n Läufe in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>etlab::NewRunDialog</name>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="38"/>
        <source>Task and model</source>
        <translation>Aufgabe und Modell</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="39"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="40"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="41"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="93"/>
        <source>New run</source>
        <translation>Neuer Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="105"/>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="132"/>
        <source>Other settings and sweeps</source>
        <translation>Weitere Einstellungen und Sweeps</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="135"/>
        <source>one KEY=VALUE per line, e.g. train.lr=3e-4 (etlab-cli keys lists them)</source>
        <translation>ein SCHLÜSSEL=WERT pro Zeile, z. B. train.lr=3e-4 (etlab-cli keys listet sie auf)</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="139"/>
        <source>key, e.g. lora.r</source>
        <translation>Schlüssel, z. B. lora.r</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="141"/>
        <source>values, e.g. 4,8,16</source>
        <translation>Werte, z. B. 4,8,16</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="152"/>
        <source>Overrides</source>
        <translation>Überschreibungen</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="153"/>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="155"/>
        <source>Seeds per setting</source>
        <translation>Seeds pro Einstellung</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="160"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="244"/>
        <source>override &quot;%1&quot; is not KEY=VALUE</source>
        <translation>Überschreibung „%1“ hat nicht die Form SCHLÜSSEL=WERT</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="279"/>
        <source>give a key and its values</source>
        <translation>geben Sie einen Schlüssel und seine Werte an</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="287"/>
        <source>with %1=%2: %3</source>
        <translation>mit %1=%2: %3</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="334"/>
        <source>, sweep %1</source>
        <translation>, Sweep %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/NewRunDialog.cpp" line="335"/>
        <source>, %n seeds</source>
        <translation>
            <numerusform>, %n Seed</numerusform>
            <numerusform>, %n Seeds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>etlab::ReviewTableModel</name>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="30"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="31"/>
        <source>%1 is larger than 64 MiB; not a review report</source>
        <translation>%1 ist größer als 64 MiB; kein Review-Bericht</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="34"/>
        <source>%1 is not valid JSON</source>
        <translation>%1 ist kein gültiges JSON</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="36"/>
        <source>%1 is not a review study report (no budget or claims); it is written by etlab-cli study review</source>
        <translation>%1 ist kein Bericht einer Review-Studie (kein Budget bzw. keine Behauptungen); ein solcher Bericht wird von etlab-cli study review geschrieben</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="49"/>
        <source>%1: a claim is not an object</source>
        <translation>%1: eine Behauptung ist kein Objekt</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="60"/>
        <source>%1: a claim has no id or verdict</source>
        <translation>%1: eine Behauptung hat keine ID oder kein Urteil</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="69"/>
        <source>%1: a research-gap study is not an object</source>
        <translation>%1: eine Studie zu einer Forschungslücke ist kein Objekt</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="78"/>
        <source>%1: a research-gap study has no id or conclusion</source>
        <translation>%1: einer Studie zu einer Forschungslücke fehlen ID oder Schlussfolgerung</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="112"/>
        <source>Conclusion.</source>
        <translation>Schlussfolgerung.</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="112"/>
        <source>Rule:</source>
        <translation>Regel:</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="156"/>
        <source>Double-click to select these runs: %1</source>
        <translation>Doppelklicken, um diese Läufe auszuwählen: %1</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="158"/>
        <source>Rule: %1</source>
        <translation>Regel: %1</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="169"/>
        <source>Claim</source>
        <translation>Behauptung</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="170"/>
        <source>Claimed</source>
        <translation>Behauptet</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="171"/>
        <source>Measured here</source>
        <translation>Hier gemessen</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="172"/>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="173"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="174"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
</context>
<context>
    <name>etlab::ReviewView</name>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="284"/>
        <location filename="../views/study/ReviewView.cpp" line="359"/>
        <source>sequence length n (tokens)</source>
        <translation>Sequenzlänge n (Token)</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="285"/>
        <location filename="../views/study/ReviewView.cpp" line="307"/>
        <location filename="../views/study/ReviewView.cpp" line="346"/>
        <source>test score (points)</source>
        <translation>Testergebnis (Punkte)</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="288"/>
        <source>dense</source>
        <translation>Dense Attention</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="289"/>
        <source>learned sparse</source>
        <translation>Gelernte Sparse Attention</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="291"/>
        <source>2048 tokens</source>
        <translation>2048 Token</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="306"/>
        <source>LoRA rank r</source>
        <translation>LoRA-Rang r</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="314"/>
        <source>%1: LoRA</source>
        <translation>%1: LoRA</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="318"/>
        <source>%1: full fine-tuning</source>
        <translation>%1: Full Fine-Tuning</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="323"/>
        <source>full fine-tuning</source>
        <translation>Full Fine-Tuning</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="324"/>
        <source>LoRA r = 8</source>
        <translation>LoRA r = 8</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="325"/>
        <source>majority class</source>
        <translation>Mehrheitsklasse</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="364"/>
        <source>forward time (ms)</source>
        <translation>Zeit des Vorwärtsdurchlaufs (ms)</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="367"/>
        <source>exact (fastest dense, n^%1)</source>
        <translation>exakt (schnellste Dense-Variante, n^%1)</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="369"/>
        <source>learned sparse (n^%1)</source>
        <translation>gelernte Sparse Attention (n^%1)</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="379"/>
        <source>No review study loaded. Run one from File → Review Study, or open a review.json with File → Open Review Report…</source>
        <translation>Keine Review-Studie geladen. Starten Sie eine über Datei → Review-Studie oder öffnen Sie eine review.json über Datei → Review-Bericht öffnen…</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="406"/>
        <source>Export Chart…</source>
        <translation>Diagramm exportieren…</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="418"/>
        <source>Chart:</source>
        <translation>Diagramm:</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="428"/>
        <source>Claims</source>
        <translation>Behauptungen</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="429"/>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="432"/>
        <location filename="../views/study/ReviewView.cpp" line="460"/>
        <source>No research-gap studies in this report (run the study with --gaps).</source>
        <translation>Dieser Bericht enthält keine Studien zu Forschungslücken (die Studie mit --gaps ausführen).</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="433"/>
        <source>Research gaps</source>
        <translation>Forschungslücken</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="452"/>
        <source>&lt;b&gt;Review study, budget %1&lt;/b&gt; (%2) · %3 claims: %4 supported, %5 refuted, %6 other · %7 runs trained, %8 reused, %9 min · &lt;code&gt;%10&lt;/code&gt;</source>
        <translation>&lt;b&gt;Review-Studie, Budget %1&lt;/b&gt; (%2) · %3 Behauptungen: %4 bestätigt, %5 widerlegt, %6 sonstige · %7 Läufe trainiert, %8 wiederverwendet, %9 min · &lt;code&gt;%10&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="174"/>
        <source>Accuracy against sequence length (dense vs learned sparse)</source>
        <translation>Genauigkeit gegen Sequenzlänge (Dense vs. gelernte Sparse Attention)</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="175"/>
        <source>LoRA rank sweep against full fine-tuning</source>
        <translation>LoRA-Rang-Sweep im Vergleich zu Full Fine-Tuning</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="176"/>
        <source>Full fine-tuning vs LoRA per task</source>
        <translation>Full Fine-Tuning vs. LoRA pro Aufgabe</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="177"/>
        <source>Attention time against sequence length</source>
        <translation>Attention-Zeit gegen Sequenzlänge</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="483"/>
        <source>Research gap: %1</source>
        <translation>Forschungslücke: %1</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="501"/>
        <source>No chart: the loaded report has no data for one.</source>
        <translation>Kein Diagramm: Der geladene Bericht enthält keine Daten dafür.</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="505"/>
        <source>Means over seeds; each length trains with the same tokens per step.</source>
        <translation>Mittelwerte über Seeds; jede Länge trainiert mit gleich vielen Token pro Schritt.</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="507"/>
        <source>alpha = 2r at every rank; dashed: full fine-tuning of the same task.</source>
        <translation>alpha = 2r bei jedem Rang; gestrichelt: Full Fine-Tuning derselben Aufgabe.</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="509"/>
        <source>Means over seeds; macro-F1 on imbalanced tasks, accuracy otherwise; the verdict per task is in the table&apos;s parity row.</source>
        <translation>Mittelwerte über Seeds; Makro-F1 bei unausgewogenen Aufgaben, sonst Genauigkeit; das Urteil pro Aufgabe steht in der Parity-Zeile der Tabelle.</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="512"/>
        <source>From the attention benchmark the study ran (forward, B = 64, k = auto).</source>
        <translation>Aus dem Attention-Benchmark, den die Studie ausgeführt hat (Vorwärtsdurchlauf, B = 64, k = auto).</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="521"/>
        <source>nothing to export: no chart</source>
        <translation>nichts zu exportieren: kein Diagramm</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="583"/>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="587"/>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="588"/>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
</context>
<context>
    <name>etlab::RunTableModel</name>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="21"/>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="22"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="23"/>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="24"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="25"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="26"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="123"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="124"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="125"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="126"/>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="127"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="128"/>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="129"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="130"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="131"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="132"/>
        <source>Test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="133"/>
        <source>Trainable parameters</source>
        <translation>Trainierbare Parameter</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="134"/>
        <source>Wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="135"/>
        <source>Created (UTC)</source>
        <translation>Erstellt (UTC)</translation>
    </message>
</context>
<context>
    <name>etlab::SpectraView</name>
    <message>
        <location filename="../views/spectra/SpectraCharts.cpp" line="344"/>
        <source>j: top vectors of %1</source>
        <translation>j: führende Vektoren von %1</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraCharts.cpp" line="345"/>
        <source>i: top vectors of %1</source>
        <translation>i: führende Vektoren von %1</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="64"/>
        <source>Which adapted weight: q, k, v, o projections, the feed-forward layers or the sparse-attention router</source>
        <translation>Welches adaptierte Gewicht: q-, k-, v-, o-Projektionen, die Feed-Forward-Schichten oder der Sparse-Attention-Router</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="66"/>
        <source>Transformer layer</source>
        <translation>Transformer-Schicht</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="68"/>
        <source>Evaluation step whose spectrum is shown (runs without it show their last one before)</source>
        <translation>Evaluationsschritt, dessen Spektrum angezeigt wird (Läufe ohne diesen Schritt zeigen ihr letztes Spektrum davor)</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="70"/>
        <source>log</source>
        <translation>log</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="71"/>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="72"/>
        <source>Vertical scale of the singular values</source>
        <translation>Vertikale Skala der Singulärwerte</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="78"/>
        <source>Fraction of the update&apos;s energy (sum of squared singular values) a rank must keep</source>
        <translation>Anteil der Energie des Updates (Summe der quadrierten Singulärwerte), den ein Rang erhalten muss</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="88"/>
        <source>&amp;Module</source>
        <translation>&amp;Modul</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="89"/>
        <source>&amp;Layer</source>
        <translation>&amp;Schicht</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="90"/>
        <source>S&amp;tep</source>
        <translation>Sch&amp;ritt</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="91"/>
        <source>&amp;Scale</source>
        <translation>S&amp;kala</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="92"/>
        <source>&amp;Energy threshold</source>
        <translation>&amp;Energieschwelle</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="95"/>
        <location filename="../views/spectra/SpectraView.cpp" line="186"/>
        <location filename="../views/spectra/SpectraView.cpp" line="206"/>
        <source>Choose one or more runs to see the rank spectra of their weight updates.</source>
        <translation>Wählen Sie einen oder mehrere Läufe, um die Rangspektren ihrer Gewichts-Updates zu sehen.</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="104"/>
        <source>Singular values of the weight update, largest first: a steep drop means the update is low-rank</source>
        <translation>Singulärwerte des Gewichts-Updates, größter zuerst: ein steiler Abfall bedeutet, dass das Update niedrigen Rang hat</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="105"/>
        <source>Share of the update&apos;s energy kept by its top r directions; the dashed line is the threshold</source>
        <translation>Anteil der Energie des Updates, den seine r führenden Richtungen erhalten; die gestrichelte Linie ist die Schwelle</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="106"/>
        <source>Stable rank (||ΔW||_F² / ||ΔW||_2²) at each evaluation</source>
        <translation>Stabiler Rang (||ΔW||_F² / ||ΔW||_2²) bei jeder Evaluation</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="108"/>
        <source>How much the top-i directions of adapter A overlap the top-j directions of adapter B (1: same subspace, 0: orthogonal)</source>
        <translation>Wie stark die führenden i Richtungen von Adapter A die führenden j Richtungen von Adapter B überlappen (1: gleicher Unterraum, 0: orthogonal)</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="112"/>
        <source>Adapter A (rows of the heatmap)</source>
        <translation>Adapter A (Zeilen der Heatmap)</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="113"/>
        <source>Adapter B (columns of the heatmap)</source>
        <translation>Adapter B (Spalten der Heatmap)</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="117"/>
        <source>Compare adapters</source>
        <translation>Adapter vergleichen</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="120"/>
        <source>with</source>
        <translation>mit</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="143"/>
        <source>Open the new-run dialog with this run&apos;s preset and the suggested LoRA rank</source>
        <translation>Öffnet den Dialog „Neuer Lauf“ mit der Voreinstellung dieses Laufs und dem vorgeschlagenen LoRA-Rang</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/spectra/SpectraView.cpp" line="187"/>
        <source>Loading the spectra of %n run(s)…</source>
        <translation>
            <numerusform>Spektren von %n Lauf werden geladen…</numerusform>
            <numerusform>Spektren von %n Läufen werden geladen…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="204"/>
        <source>Cannot read the spectra: %1</source>
        <translation>Spektren können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="210"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="213"/>
        <source>Run %1 recorded no spectra.</source>
        <translation>Lauf %1 hat keine Spektren aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="214"/>
        <source>None of the %1 chosen runs recorded spectra.</source>
        <translation>Keiner der %1 gewählten Läufe hat Spektren aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="216"/>
        <source>Spectra of the weight updates are recorded at evaluations of LoRA and full fine-tune runs; dense training from scratch has none.</source>
        <translation>Spektren der Gewichts-Updates werden bei Evaluationen von LoRA- und Full-Fine-Tuning-Läufen aufgezeichnet; Dense-Training von Grund auf hat keine.</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="269"/>
        <source>layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="281"/>
        <location filename="../views/spectra/SpectraView.cpp" line="488"/>
        <location filename="../views/spectra/SpectraView.cpp" line="496"/>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="297"/>
        <source>%1: cannot be read (%2)</source>
        <translation>%1: kann nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="301"/>
        <source>%1: no spectra recorded (dense runs have none)</source>
        <translation>%1: keine Spektren aufgezeichnet (Dense-Läufe haben keine)</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="306"/>
        <source>%1: no spectrum of %2 layer %3 at or before step %4</source>
        <translation>%1: kein Spektrum von %2, Schicht %3, in oder vor Schritt %4</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="323"/>
        <source>%1: stable rank %2 · effective rank %3 · %4 of the energy in the top %5 of %6 directions</source>
        <translation>%1: stabiler Rang %2 · effektiver Rang %3 · %4 der Energie in den führenden %5 von %6 Richtungen</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="330"/>
        <source>(its last spectrum before: step %1)</source>
        <translation>(sein letztes Spektrum davor: Schritt %1)</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="338"/>
        <source>Suggested rank: r = %1, the smallest LoRA rank that would keep %2 of the energy of the full update of %3.</source>
        <translation>Vorgeschlagener Rang: r = %1, der kleinste LoRA-Rang, der %2 der Energie des vollständigen Updates von %3 erhalten würde.</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="339"/>
        <source>Suggested rank: r = %1, the smallest rank that keeps %2 of the update&apos;s energy in %3.</source>
        <translation>Vorgeschlagener Rang: r = %1, der kleinste Rang, der in %3 %2 der Energie des Updates erhält.</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="349"/>
        <source>Choose two LoRA runs to compare the subspaces their adapters learned.</source>
        <translation>Wählen Sie zwei LoRA-Läufe, um die von ihren Adaptern gelernten Unterräume zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="357"/>
        <source>%1 layer %2</source>
        <translation>%1 Schicht %2</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="359"/>
        <source>%1 has no adapter vectors for %2: only LoRA runs record them (full fine-tunes and dense runs do not).</source>
        <translation>%1 hat keine Adaptervektoren für %2: Nur LoRA-Läufe zeichnen sie auf (Full-Fine-Tuning- und Dense-Läufe nicht).</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="362"/>
        <source>These adapters do not match: %1 reads %2 input features, %3 reads %4; their subspaces cannot be compared.</source>
        <translation>Diese Adapter passen nicht zusammen: %1 liest %2 Eingabemerkmale, %3 liest %4; ihre Unterräume können nicht verglichen werden.</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="372"/>
        <source>The adapter vectors of %1 are malformed (rows × columns do not match the data).</source>
        <translation>Die Adaptervektoren von %1 sind fehlerhaft (Zeilen × Spalten passen nicht zu den Daten).</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="377"/>
        <source>Start a LoRA run with r = %1…</source>
        <translation>LoRA-Lauf mit r = %1 starten…</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="440"/>
        <source>Singular values of the update · %1 · layer %2 · step %3</source>
        <translation>Singulärwerte des Updates · %1 · Schicht %2 · Schritt %3</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="441"/>
        <source>index i</source>
        <translation>Index i</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="442"/>
        <source>singular value σ (log scale)</source>
        <translation>Singulärwert σ (log. Skala)</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="442"/>
        <source>singular value σ</source>
        <translation>Singulärwert σ</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="444"/>
        <location filename="../views/spectra/SpectraView.cpp" line="461"/>
        <source>No spectrum at this module, layer and step.</source>
        <translation>Kein Spektrum für dieses Modul, diese Schicht und diesen Schritt.</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="455"/>
        <source>Cumulative energy Σσ² (normalised)</source>
        <translation>Kumulative Energie Σσ² (normiert)</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="456"/>
        <source>rank r</source>
        <translation>Rang r</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="457"/>
        <source>share of energy</source>
        <translation>Energieanteil</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="467"/>
        <source>threshold %1</source>
        <translation>Schwelle %1</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="468"/>
        <source>r = %1</source>
        <translation>r = %1</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="476"/>
        <source>Stable rank over training · %1 · layer %2</source>
        <translation>Stabiler Rang im Trainingsverlauf · %1 · Schicht %2</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="477"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="478"/>
        <source>stable rank</source>
        <translation>stabiler Rang</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="479"/>
        <source>No spectra recorded for this module and layer.</source>
        <translation>Für dieses Modul und diese Schicht wurden keine Spektren aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="493"/>
        <source>Adapter subspace similarity φ(i, j) · %1 · layer %2</source>
        <translation>Ähnlichkeit der Adapter-Unterräume φ(i, j) · %1 · Schicht %2</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="497"/>
        <source>steps %1 / %2</source>
        <translation>Schritte %1 / %2</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="535"/>
        <source>nothing to export yet: no spectrum is shown</source>
        <translation>noch nichts zu exportieren: Es wird kein Spektrum angezeigt</translation>
    </message>
</context>
<context>
    <name>etlab::TradeoffView</name>
    <message>
        <location filename="../views/tradeoff/TradeoffCharts.cpp" line="122"/>
        <source>forward</source>
        <translation>Vorwärtsdurchlauf</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCharts.cpp" line="123"/>
        <source>forward + backward</source>
        <translation>Vorwärts- und Rückwärtsdurchlauf</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCharts.cpp" line="124"/>
        <source>whole-model training step</source>
        <translation>Trainingsschritt des ganzen Modells</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCharts.cpp" line="125"/>
        <source>whole-model inference</source>
        <translation>Inferenz des ganzen Modells</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="35"/>
        <source>Wall time (s)</source>
        <translation>Laufzeit (s)</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="36"/>
        <source>Throughput (tokens/s)</source>
        <translation>Durchsatz (Token/s)</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="37"/>
        <source>Speed-up vs dense</source>
        <translation>Beschleunigung ggü. Dense</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="38"/>
        <source>Horizontal axis. Speed-up: throughput over the newest finished dense run of the same task (wall time when a run recorded no throughput).</source>
        <translation>Horizontale Achse. Beschleunigung: Durchsatz relativ zum neuesten abgeschlossenen Dense-Lauf derselben Aufgabe (Laufzeit, wenn ein Lauf keinen Durchsatz aufgezeichnet hat).</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="40"/>
        <source>Logarithmic axes</source>
        <translation>Logarithmische Achsen</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="52"/>
        <source>Time axis</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="62"/>
        <source>Runs: speed vs memory</source>
        <translation>Läufe: Geschwindigkeit vs. Speicher</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="67"/>
        <source>Forward pass only, or forward and backward</source>
        <translation>Nur Vorwärtsdurchlauf oder Vorwärts- und Rückwärtsdurchlauf</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="88"/>
        <source>Slopes in the legends are least-squares fits of log(time) and log(memory) against log(n): 1 grows linearly with the sequence length, 2 quadratically.</source>
        <translation>Die Steigungen in den Legenden sind Kleinste-Quadrate-Anpassungen von log(Zeit) und log(Speicher) gegen log(n): 1 wächst linear mit der Sequenzlänge, 2 quadratisch.</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="91"/>
        <source>Pass</source>
        <translation>Durchlauf</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="94"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="105"/>
        <source>Sequence length</source>
        <translation>Sequenzlänge</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="112"/>
        <source>Open a database to compare the speed and memory of its runs.</source>
        <translation>Öffnen Sie eine Datenbank, um Geschwindigkeit und Speicherbedarf ihrer Läufe zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="113"/>
        <source>Open a database to see how attention scales with sequence length.</source>
        <translation>Öffnen Sie eine Datenbank, um zu sehen, wie Attention mit der Sequenzlänge skaliert.</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="138"/>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="87"/>
        <source>%n run(s) recorded no peak memory</source>
        <translation>
            <numerusform>%n Lauf hat keinen Spitzenspeicher aufgezeichnet</numerusform>
            <numerusform>%n Läufe haben keinen Spitzenspeicher aufgezeichnet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="88"/>
        <source>%n run(s) recorded no %1</source>
        <translation>
            <numerusform>%n Lauf hat keinen Wert für %1 aufgezeichnet</numerusform>
            <numerusform>%n Läufe haben keinen Wert für %1 aufgezeichnet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="88"/>
        <source>wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="88"/>
        <source>throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="89"/>
        <source>%n run(s) have no finished dense run of their task to compare with</source>
        <translation>
            <numerusform>%n Lauf hat keinen abgeschlossenen Dense-Lauf seiner Aufgabe zum Vergleich</numerusform>
            <numerusform>%n Läufe haben keinen abgeschlossenen Dense-Lauf ihrer Aufgabe zum Vergleich</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="83"/>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="92"/>
        <source>Cannot read the database: %1</source>
        <translation>Datenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="94"/>
        <source>No finished runs yet. Train a run to completion and it appears here with its wall time, throughput and peak memory.</source>
        <translation>Noch keine abgeschlossenen Läufe. Trainieren Sie einen Lauf bis zum Ende; er erscheint dann hier mit Laufzeit, Durchsatz und Spitzenspeicher.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="97"/>
        <source>None of the %n finished run(s) can be plotted: %1.</source>
        <translation>
            <numerusform>Der %n abgeschlossene Lauf kann nicht dargestellt werden: %1.</numerusform>
            <numerusform>Keiner der %n abgeschlossenen Läufe kann dargestellt werden: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="106"/>
        <source>Not shown: %1.</source>
        <translation>Nicht angezeigt: %1.</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="137"/>
        <source>Wall time (s)  ← faster</source>
        <translation>Laufzeit (s)  ← schneller</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="138"/>
        <source>Throughput (tokens/s)  faster →</source>
        <translation>Durchsatz (Token/s)  schneller →</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="139"/>
        <source>Speed-up vs dense (×)  faster →</source>
        <translation>Beschleunigung ggü. Dense (×)  schneller →</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="130"/>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="141"/>
        <source>Peak memory (MiB)</source>
        <translation>Spitzenspeicher (MiB)</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="146"/>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="200"/>
        <source>%1 (%2)
%3 · %4
%5: %6
Peak memory: %7 MiB
Test accuracy: %8
Click to open the run</source>
        <translation>%1 (%2)
%3 · %4
%5: %6
Spitzenspeicher: %7 MiB
Testgenauigkeit: %8
Klicken, um den Lauf zu öffnen</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="205"/>
        <source>not recorded</source>
        <translation>nicht aufgezeichnet</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="237"/>
        <source>%n finished run(s): lower right is better (faster, less memory)</source>
        <translation>
            <numerusform>%n abgeschlossener Lauf: unten rechts ist besser (schneller, weniger Speicher)</numerusform>
            <numerusform>%n abgeschlossene Läufe: unten rechts ist besser (schneller, weniger Speicher)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="239"/>
        <source>%n finished run(s): lower left is better (faster, less memory)</source>
        <translation>
            <numerusform>%n abgeschlossener Lauf: unten links ist besser (schneller, weniger Speicher)</numerusform>
            <numerusform>%n abgeschlossene Läufe: unten links ist besser (schneller, weniger Speicher)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="85"/>
        <source>No attention benchmarks in this database yet. Measure dense, learned-sparse and fixed-sparse attention over several sequence lengths with
etlab-cli bench attention --seq 512,1024,2048,4096 --db %1</source>
        <translation>Noch keine Attention-Benchmarks in dieser Datenbank. Messen Sie Dense Attention sowie gelernte und feste Sparse Attention über mehrere Sequenzlängen mit
etlab-cli bench attention --seq 512,1024,2048,4096 --db %1</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="90"/>
        <source>No benchmarks for the %1 pass on %2.</source>
        <translation>Keine Benchmarks für %1 auf %2.</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="118"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="127"/>
        <source>Attention time, %1 pass on %2</source>
        <translation>Attention-Zeit, %1 auf %2</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="127"/>
        <source>Time of a %1 on %2</source>
        <translation>Zeit: %1 auf %2</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="128"/>
        <source>Attention peak memory, %1 pass on %2</source>
        <translation>Attention-Spitzenspeicher, %1 auf %2</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="128"/>
        <source>Peak memory of a %1 on %2</source>
        <translation>Spitzenspeicher: %1 auf %2</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="129"/>
        <source>Time per call (ms)</source>
        <translation>Zeit pro Aufruf (ms)</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="132"/>
        <source>Sequence length n</source>
        <translation>Sequenzlänge n</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="144"/>
        <source>%1  slope %2</source>
        <translation>%1  Steigung %2</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="177"/>
        <source>Crossover: needs both %1 and %2 benchmarks for this pass and device.</source>
        <translation>Schnittpunkt: benötigt Benchmarks sowohl für %1 als auch für %2 für diesen Durchlauf und dieses Gerät.</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="181"/>
        <source>Crossover: %1 becomes faster than %2 at n ≈ %3 (interpolated in log–log space).</source>
        <translation>Schnittpunkt: %1 wird bei n ≈ %3 schneller als %2 (im Log-Log-Raum interpoliert).</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="198"/>
        <source>Crossover: none in range (%1 and %2 share no sequence lengths).</source>
        <translation>Schnittpunkt: keiner im Bereich (%1 und %2 haben keine gemeinsamen Sequenzlängen).</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="200"/>
        <source>Crossover: none in range — %1 is already faster at n = %2.</source>
        <translation>Schnittpunkt: keiner im Bereich — %1 ist bereits bei n = %2 schneller.</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="204"/>
        <source>Crossover: none in range — %1 stays faster up to n = %2.</source>
        <translation>Schnittpunkt: keiner im Bereich — %1 bleibt bis n = %2 schneller.</translation>
    </message>
    <message>
        <source>Crossover: needs both dense and learned_sparse benchmarks for this pass and device.</source>
        <translation type="vanished">Schnittpunkt: benötigt Benchmarks sowohl für dense als auch für learned_sparse für diesen Durchlauf und dieses Gerät.</translation>
    </message>
    <message>
        <source>Crossover: learned_sparse becomes faster than dense at n ≈ %1 (interpolated in log–log space).</source>
        <translation type="vanished">Schnittpunkt: learned_sparse wird bei n ≈ %1 schneller als dense (im Log-Log-Raum interpoliert).</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="185"/>
        <source>crossover n ≈ %1</source>
        <translation>Schnittpunkt n ≈ %1</translation>
    </message>
    <message>
        <source>Crossover: none in range (dense and learned_sparse share no sequence lengths).</source>
        <translation type="vanished">Schnittpunkt: keiner im Bereich (dense und learned_sparse haben keine gemeinsamen Sequenzlängen).</translation>
    </message>
    <message>
        <source>Crossover: none in range — learned_sparse is already faster at n = %1.</source>
        <translation type="vanished">Schnittpunkt: keiner im Bereich — learned_sparse ist bereits bei n = %1 schneller.</translation>
    </message>
    <message>
        <source>Crossover: none in range — dense stays faster up to n = %1.</source>
        <translation type="vanished">Schnittpunkt: keiner im Bereich — dense bleibt bis n = %1 schneller.</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="235"/>
        <source>nothing to export yet</source>
        <translation>noch nichts zu exportieren</translation>
    </message>
</context>
<context>
    <name>etlab::TryItDialog</name>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="26"/>
        <source>Try run %1</source>
        <translation>Lauf %1 ausprobieren</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="28"/>
        <source>Type or paste an input for this model, or pick a held-out example above</source>
        <translation>Geben Sie eine Eingabe für dieses Modell ein oder wählen Sie oben ein zurückgehaltenes Beispiel</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="31"/>
        <source>(your own text)</source>
        <translation>(eigener Text)</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="44"/>
        <source>Predict</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="59"/>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="60"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="64"/>
        <source>Layer and head</source>
        <translation>Schicht und Head</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="93"/>
        <source>Type an input first.</source>
        <translation>Geben Sie zuerst eine Eingabe ein.</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="97"/>
        <source>The input is too long (%1 characters; at most 65,536).</source>
        <translation>Die Eingabe ist zu lang (%1 Zeichen; höchstens 65.536).</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="101"/>
        <source>Running the model…</source>
        <translation>Das Modell rechnet…</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="114"/>
        <source>the inference process crashed</source>
        <translation>der Inferenzprozess ist abgestürzt</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="115"/>
        <source>Cannot predict: %1</source>
        <translation>Keine Vorhersage möglich: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="126"/>
        <source>Cannot predict: %1 could not be started (%2)</source>
        <translation>Keine Vorhersage möglich: %1 ließ sich nicht starten (%2)</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="144"/>
        <source>&lt;b&gt;Prediction: %1&lt;/b&gt; (%2 tokens) — %3</source>
        <translation>&lt;b&gt;Vorhersage: %1&lt;/b&gt; (%2 Token) — %3</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="152"/>
        <source>layer %1, head %2</source>
        <translation>Schicht %1, Head %2</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="181"/>
        <source>Blocks attended for this input · %1</source>
        <translation>Für diese Eingabe beachtete Blöcke · %1</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="182"/>
        <source>query position</source>
        <translation>Query-Position</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="183"/>
        <source>key position</source>
        <translation>Key-Position</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="37"/>
        <source>The Efficient Transformer Lab</source>
        <translation>Das Efficient Transformer Lab</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="41"/>
        <source>Database to open (default: %1)</source>
        <translation>Zu öffnende Datenbank (Standard: %1)</translation>
    </message>
</context>
</TS>
