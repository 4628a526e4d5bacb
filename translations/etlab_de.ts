<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Heatmap</name>
    <message>
        <location filename="../views/attention/Heatmap.cpp" line="64"/>
        <source>cividis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/Heatmap.cpp" line="65"/>
        <source>difference (blue − / orange +)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/Heatmap.cpp" line="66"/>
        <source>viridis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="45"/>
        <source>nothing recorded for this selection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobManager</name>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="22"/>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="23"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="24"/>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="25"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="26"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="27"/>
        <source>crashed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewRunDialog</name>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="29"/>
        <source>Task and model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="30"/>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="31"/>
        <source>LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="32"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="291"/>
        <source>probabilities, unattended blocks dimmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="292"/>
        <source>probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="293"/>
        <source>attended blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="296"/>
        <source>difference to step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="300"/>
        <source>run %1 · step %2 · layer %3 · head %4 · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="301"/>
        <source>query block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="301"/>
        <source>query position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="302"/>
        <source>key block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="302"/>
        <source>key position</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>etlab</name>
    <message>
        <location filename="../views/common/ChartExport.cpp" line="24"/>
        <source>%1 already exists; choose another name (nothing was overwritten)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/common/ChartExport.cpp" line="40"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf);;CSV data (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/common/ChartExport.cpp" line="64"/>
        <location filename="../views/common/ChartExport.cpp" line="78"/>
        <location filename="../views/common/ChartExport.cpp" line="93"/>
        <location filename="../views/common/ChartExport.cpp" line="109"/>
        <location filename="../views/common/ChartExport.cpp" line="122"/>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/common/ChartExport.cpp" line="100"/>
        <source>unknown chart format &apos;%1&apos; (png, svg, pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>etlab::AttentionExplorer</name>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="137"/>
        <source>Block selection of every layer and head at this step; click one to inspect it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="140"/>
        <source>Held-out probe example (the same inputs at every step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="142"/>
        <source>Scrub through training: the attention recorded at each evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="145"/>
        <source>Show the difference to another step (orange: more attention now, blue: less)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="150"/>
        <source>Choose a run to see its attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="154"/>
        <source>Probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="156"/>
        <source>Step</source>
        <translation type="unfinished">Schritt</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="159"/>
        <source>Compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="161"/>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="203"/>
        <source>Loading the attention of run %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="212"/>
        <source>Cannot load the attention: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="213"/>
        <source>This run recorded no attention (no evaluation has happened yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="220"/>
        <source>#%1 (%2 tokens) %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="225"/>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="226"/>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="267"/>
        <source>L%1 H%2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="268"/>
        <source>layer %1, head %2: %3 of the key blocks attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="309"/>
        <source>%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="314"/>
        <source>Run mean at step %1: density %2 · entropy %3 nats · mean distance %4 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="327"/>
        <source>This head: %1 of %2 block pairs (block %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="368"/>
        <source>nothing to export yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>etlab::CurvesView</name>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="110"/>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="111"/>
        <source>wall time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="112"/>
        <source>tokens (from logged throughput)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="116"/>
        <source>Exponential moving average, debiased as in TensorBoard; the raw curve stays faint behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="119"/>
        <source>Only differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="121"/>
        <location filename="../views/curves/CurvesView.cpp" line="171"/>
        <source>Select one or more runs to plot their curves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="134"/>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="136"/>
        <source>x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="138"/>
        <source>Smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/curves/CurvesView.cpp" line="163"/>
        <source>Loading %n run(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="172"/>
        <source>Cannot load the runs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/curves/CurvesView.cpp" line="244"/>
        <source>%1 — %n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="354"/>
        <source>nothing to export yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>etlab::HeatmapView</name>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="213"/>
        <source>query block %1 → key block %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="214"/>
        <source>query %1 “%2” → key %3 “%4”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="215"/>
        <source>value %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="216"/>
        <source> · block attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="216"/>
        <source> · block skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>etlab::JobManager</name>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="115"/>
        <source>cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="171"/>
        <source>the training process crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="196"/>
        <source>stopping after the current step…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>etlab::JobsPanel</name>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="217"/>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="217"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="217"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="217"/>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="217"/>
        <source>ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="217"/>
        <source>Run</source>
        <translation type="unfinished">Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="264"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="264"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>etlab::MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="77"/>
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
        <location filename="../app/gui/MainWindow.cpp" line="236"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="241"/>
        <source>&amp;Open Database…</source>
        <translation>&amp;Datenbank öffnen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="vanished">&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="254"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="315"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="316"/>
        <source>&amp;About etlab</source>
        <translation>Ü&amp;ber etlab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="367"/>
        <source>Cannot open database</source>
        <translation>Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="368"/>
        <source>%1 could not be opened:
%2</source>
        <translation>%1 konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="667"/>
        <source>Open etlab database</source>
        <translation>etlab-Datenbank öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="246"/>
        <location filename="../app/gui/MainWindow.cpp" line="668"/>
        <source>etlab databases (*.db *.sqlite);;All files (*)</source>
        <translation>etlab-Datenbanken (*.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="97"/>
        <source>Filter runs (any column, notes, id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="101"/>
        <source>any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="110"/>
        <source>tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="115"/>
        <source>config, e.g. lora.r=8 attention.block=64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="117"/>
        <location filename="../app/gui/MainWindow.cpp" line="121"/>
        <source>Conditions on the run configuration, KEY=VALUE separated by spaces; all must hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="122"/>
        <source>Each condition must be KEY=VALUE, e.g. lora.r=8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="131"/>
        <source>&lt;h3&gt;No runs yet&lt;/h3&gt;&lt;p&gt;Start with the demo: it trains a dense, a learned-sparse and a LoRA model on ListOps (smoke-sized, about a minute each on a laptop CPU), so every view fills.&lt;/p&gt;&lt;p&gt;Or choose &lt;b&gt;File › New Run…&lt;/b&gt;, or train from a terminal:&lt;/p&gt;&lt;pre&gt;%1 train --preset smoke-dense&lt;/pre&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="140"/>
        <source>Run the demo comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="171"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="172"/>
        <source>Curves &amp;&amp; Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="173"/>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="174"/>
        <source>Rank Spectra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="175"/>
        <source>Speed vs Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="188"/>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="202"/>
        <source>Job “%1” %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="214"/>
        <location filename="../app/gui/MainWindow.cpp" line="757"/>
        <source>resume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="237"/>
        <source>&amp;New Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="239"/>
        <source>Run the &amp;Demo Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="243"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="244"/>
        <source>&amp;Merge Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="245"/>
        <source>Merge runs from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="249"/>
        <source>&amp;Export View…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="250"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="251"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="257"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="258"/>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="260"/>
        <source>&amp;Tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="261"/>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="262"/>
        <source>N&amp;otes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="263"/>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="264"/>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="265"/>
        <source>Jobs Side by Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="268"/>
        <source>%n at a time</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="278"/>
        <source>Move to &amp;Bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="280"/>
        <source>&amp;Undo Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="284"/>
        <source>Show the B&amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="287"/>
        <source>&amp;Restore from Bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="289"/>
        <source>&amp;Empty Bin…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="292"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="293"/>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="296"/>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="296"/>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="296"/>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="307"/>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="307"/>
        <source>&amp;Curves and Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="308"/>
        <source>&amp;Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="308"/>
        <source>Rank &amp;Spectra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="309"/>
        <source>Speed vs &amp;Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="318"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="414"/>
        <source>any method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="462"/>
        <source>seed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="470"/>
        <source>&lt;p&gt;Tags: %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="472"/>
        <source>&lt;p&gt;Notes: %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="475"/>
        <source>metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="475"/>
        <source>last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="475"/>
        <source>best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="475"/>
        <source>at step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="481"/>
        <source>&lt;p&gt;Recorded: %1 metric points, %2 evaluations, %3 attention selections, %4 probability maps, %5 spectra, %6 checkpoints.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="509"/>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="515"/>
        <location filename="../app/gui/MainWindow.cpp" line="556"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="528"/>
        <location filename="../app/gui/MainWindow.cpp" line="547"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="538"/>
        <source>Rename run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="538"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="547"/>
        <source>Tags, separated by commas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="556"/>
        <source>Notes on this run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="572"/>
        <source>Move to bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="576"/>
        <source>%n run(s) moved to the bin — Undo with %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="589"/>
        <source>Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="608"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="614"/>
        <location filename="../app/gui/MainWindow.cpp" line="616"/>
        <location filename="../app/gui/MainWindow.cpp" line="620"/>
        <location filename="../app/gui/MainWindow.cpp" line="626"/>
        <source>Empty bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="616"/>
        <source>The bin is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="621"/>
        <source>Remove %n run(s) and their %1 checkpoint file(s) (%2 MB) for good? This cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="631"/>
        <location filename="../app/gui/MainWindow.cpp" line="637"/>
        <source>Merge database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="632"/>
        <source>Import the runs of %1 into %2? Runs already present are skipped; %1 is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="639"/>
        <source>Merged: %1 run(s) added, %2 already present, %3 checkpoint file(s) copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="654"/>
        <source>the Details view has no chart; choose Curves, Attention, Rank Spectra or Speed vs Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="659"/>
        <location filename="../app/gui/MainWindow.cpp" line="662"/>
        <source>Export view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="663"/>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="702"/>
        <source>Database dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="703"/>
        <source>What should happen with %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="704"/>
        <source>Open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="705"/>
        <source>Merge its runs into this database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="714"/>
        <source>Training in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="715"/>
        <source>%n training job(s) are running. Stop them now? They are saved and can be resumed later.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="740"/>
        <source>demo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="742"/>
        <source>The LoRA demo needs the dense run: it starts when that one is finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="759"/>
        <source>Run %1 is %2: only interrupted, cancelled or failed runs resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="766"/>
        <source>About etlab</source>
        <translation>Über etlab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="767"/>
        <source>&lt;h3&gt;etlab %1&lt;/h3&gt;&lt;p&gt;The Efficient Transformer Lab: learned sparse attention and LoRA, measured on your own machine.&lt;/p&gt;&lt;p&gt;Qt %2 · git %3&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;etlab %1&lt;/h3&gt;&lt;p&gt;Das Efficient Transformer Lab: gelernte Sparse Attention und LoRA, gemessen auf Ihrem eigenen Rechner.&lt;/p&gt;&lt;p&gt;Qt %2 · git %3&lt;/p&gt;&lt;p&gt;MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="777"/>
        <source>%n run(s) in the bin of %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="778"/>
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
        <location filename="../app/gui/NewRunDialog.cpp" line="50"/>
        <source>New run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="62"/>
        <source>Preset</source>
        <translation type="unfinished">Voreinstellung</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="123"/>
        <source>Other settings and sweeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="126"/>
        <source>one KEY=VALUE per line, e.g. train.lr=3e-4 (etlab-cli keys lists them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="130"/>
        <source>key, e.g. lora.r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="132"/>
        <source>values, e.g. 4,8,16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="143"/>
        <source>Overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="144"/>
        <source>Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="146"/>
        <source>Seeds per setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="151"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="235"/>
        <source>override &quot;%1&quot; is not KEY=VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="259"/>
        <source>give a key and its values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="267"/>
        <source>with %1=%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="314"/>
        <source>, sweep %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/NewRunDialog.cpp" line="315"/>
        <source>, %n seeds</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>etlab::RunTableModel</name>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="112"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="113"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="114"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="115"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="116"/>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="117"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="118"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="119"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="120"/>
        <source>Test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="121"/>
        <source>Trainable parameters</source>
        <translation>Trainierbare Parameter</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="122"/>
        <source>Wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="123"/>
        <source>Created (UTC)</source>
        <translation>Erstellt (UTC)</translation>
    </message>
</context>
<context>
    <name>etlab::SpectraView</name>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="473"/>
        <source>j: top vectors of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="474"/>
        <source>i: top vectors of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="557"/>
        <source>Which adapted weight: q, k, v, o projections, the feed-forward layers or the sparse-attention router</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="559"/>
        <source>Transformer layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="561"/>
        <source>Evaluation step whose spectrum is shown (runs without it show their last one before)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="563"/>
        <source>log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="564"/>
        <source>linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="565"/>
        <source>Vertical scale of the singular values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="571"/>
        <source>Fraction of the update&apos;s energy (sum of squared singular values) a rank must keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="581"/>
        <source>&amp;Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="582"/>
        <source>&amp;Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="583"/>
        <source>S&amp;tep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="584"/>
        <source>&amp;Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="585"/>
        <source>&amp;Energy threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="588"/>
        <location filename="../views/spectra/SpectraView.cpp" line="665"/>
        <location filename="../views/spectra/SpectraView.cpp" line="685"/>
        <source>Choose one or more runs to see the rank spectra of their weight updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="597"/>
        <source>Singular values of the weight update, largest first: a steep drop means the update is low-rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="598"/>
        <source>Share of the update&apos;s energy kept by its top r directions; the dashed line is the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="599"/>
        <source>Stable rank (||ΔW||_F² / ||ΔW||_2²) at each evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="601"/>
        <source>How much the top-i directions of adapter A overlap the top-j directions of adapter B (1: same subspace, 0: orthogonal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="605"/>
        <source>Adapter A (rows of the heatmap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="606"/>
        <source>Adapter B (columns of the heatmap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="610"/>
        <source>Compare adapters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="613"/>
        <source>with</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/spectra/SpectraView.cpp" line="666"/>
        <source>Loading the spectra of %n run(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="683"/>
        <source>Cannot read the spectra: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="689"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="692"/>
        <source>Run %1 recorded no spectra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="693"/>
        <source>None of the %1 chosen runs recorded spectra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="695"/>
        <source>Spectra of the weight updates are recorded at evaluations of LoRA and full fine-tune runs; dense training from scratch has none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="748"/>
        <source>layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="760"/>
        <location filename="../views/spectra/SpectraView.cpp" line="964"/>
        <location filename="../views/spectra/SpectraView.cpp" line="972"/>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="776"/>
        <source>%1: cannot be read (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="780"/>
        <source>%1: no spectra recorded (dense runs have none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="785"/>
        <source>%1: no spectrum of %2 layer %3 at or before step %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="802"/>
        <source>%1: stable rank %2 · effective rank %3 · %4 of the energy in the top %5 of %6 directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="809"/>
        <source>(its last spectrum before: step %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="817"/>
        <source>Suggested rank: r = %1, the smallest LoRA rank that would keep %2 of the energy of the full update of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="818"/>
        <source>Suggested rank: r = %1, the smallest rank that keeps %2 of the update&apos;s energy in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="828"/>
        <source>Choose two LoRA runs to compare the subspaces their adapters learned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="836"/>
        <source>%1 layer %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="838"/>
        <source>%1 has no adapter vectors for %2: only LoRA runs record them (full fine-tunes and dense runs do not).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="841"/>
        <source>These adapters do not match: %1 reads %2 input features, %3 reads %4; their subspaces cannot be compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="851"/>
        <source>The adapter vectors of %1 are malformed (rows × columns do not match the data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="916"/>
        <source>Singular values of the update · %1 · layer %2 · step %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="917"/>
        <source>index i</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="918"/>
        <source>singular value σ (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="918"/>
        <source>singular value σ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="920"/>
        <location filename="../views/spectra/SpectraView.cpp" line="937"/>
        <source>No spectrum at this module, layer and step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="931"/>
        <source>Cumulative energy Σσ² (normalised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="932"/>
        <source>rank r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="933"/>
        <source>share of energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="943"/>
        <source>threshold %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="944"/>
        <source>r = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="952"/>
        <source>Stable rank over training · %1 · layer %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="953"/>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="954"/>
        <source>stable rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="955"/>
        <source>No spectra recorded for this module and layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="969"/>
        <source>Adapter subspace similarity φ(i, j) · %1 · layer %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="973"/>
        <source>steps %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="1011"/>
        <source>nothing to export yet: no spectrum is shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>etlab::TradeoffView</name>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="255"/>
        <source>forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="256"/>
        <source>forward + backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="271"/>
        <source>Wall time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="272"/>
        <source>Throughput (tokens/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="273"/>
        <source>Speed-up vs dense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="274"/>
        <source>Horizontal axis. Speed-up: throughput over the newest finished dense run of the same task (wall time when a run recorded no throughput).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="276"/>
        <source>Logarithmic axes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="288"/>
        <source>Time axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="298"/>
        <source>Runs: speed vs memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="303"/>
        <source>Forward pass only, or forward and backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="324"/>
        <source>Slopes in the legends are least-squares fits of log(time) and log(memory) against log(n): 1 grows linearly with the sequence length, 2 quadratically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="327"/>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="330"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="341"/>
        <source>Sequence length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="348"/>
        <source>Open a database to compare the speed and memory of its runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="349"/>
        <source>Open a database to see how attention scales with sequence length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="374"/>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffView.cpp" line="525"/>
        <source>%n run(s) recorded no peak memory</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffView.cpp" line="526"/>
        <source>%n run(s) recorded no %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="526"/>
        <source>wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="526"/>
        <source>throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffView.cpp" line="527"/>
        <source>%n run(s) have no finished dense run of their task to compare with</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="530"/>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="741"/>
        <source>Cannot read the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="532"/>
        <source>No finished runs yet. Train a run to completion and it appears here with its wall time, throughput and peak memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffView.cpp" line="535"/>
        <source>None of the %n finished run(s) can be plotted: %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="544"/>
        <source>Not shown: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="575"/>
        <source>Wall time (s)  ← faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="576"/>
        <source>Throughput (tokens/s)  faster →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="577"/>
        <source>Speed-up vs dense (×)  faster →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="579"/>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="786"/>
        <source>Peak memory (MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="584"/>
        <source>Pareto front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="638"/>
        <source>%1 (%2)
%3 · %4
%5: %6
Peak memory: %7 MiB
Test accuracy: %8
Click to open the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="643"/>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffView.cpp" line="675"/>
        <source>%n finished run(s): lower right is better (faster, less memory)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffView.cpp" line="677"/>
        <source>%n finished run(s): lower left is better (faster, less memory)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="743"/>
        <source>No attention benchmarks in this database yet. Measure dense, learned-sparse and fixed-sparse attention over several sequence lengths with
etlab-cli bench attention --seq 512,1024,2048,4096 --db %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="748"/>
        <source>No benchmarks for the %1 pass on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="776"/>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="783"/>
        <source>Attention time, %1 pass on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="784"/>
        <source>Attention peak memory, %1 pass on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="785"/>
        <source>Time per call (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="788"/>
        <source>Sequence length n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="800"/>
        <source>%1  slope %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="828"/>
        <source>Crossover: needs both dense and learned_sparse benchmarks for this pass and device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="832"/>
        <source>Crossover: learned_sparse becomes faster than dense at n ≈ %1 (interpolated in log–log space).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="835"/>
        <source>crossover n ≈ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="848"/>
        <source>Crossover: none in range (dense and learned_sparse share no sequence lengths).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="850"/>
        <source>Crossover: none in range — learned_sparse is already faster at n = %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="853"/>
        <source>Crossover: none in range — dense stays faster up to n = %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="863"/>
        <source>nothing to export yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="31"/>
        <source>The Efficient Transformer Lab</source>
        <translation>Das Efficient Transformer Lab</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="35"/>
        <source>Database to open (default: %1)</source>
        <translation>Zu öffnende Datenbank (Standard: %1)</translation>
    </message>
</context>
</TS>
