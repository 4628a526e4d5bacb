<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>etlab::MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="45"/>
        <source>etlab — Efficient Transformer Lab</source>
        <translation>etlab — Efficient Transformer Lab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="64"/>
        <source>Filter runs (status, preset, method, task…)</source>
        <translation>Läufe filtern (Status, Voreinstellung, Methode, Aufgabe…)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="68"/>
        <source>&lt;h3&gt;No runs yet&lt;/h3&gt;&lt;p&gt;Train a first model from a terminal:&lt;/p&gt;&lt;pre&gt;%1 train --preset smoke-dense&lt;/pre&gt;&lt;p&gt;Runs appear here as they start.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Noch keine Läufe&lt;/h3&gt;&lt;p&gt;Trainieren Sie ein erstes Modell in einem Terminal:&lt;/p&gt;&lt;pre&gt;%1 train --preset smoke-dense&lt;/pre&gt;&lt;p&gt;Läufe erscheinen hier, sobald sie starten.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="85"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="86"/>
        <source>&amp;Open Database…</source>
        <translation>&amp;Datenbank öffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="88"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="91"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="93"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="94"/>
        <source>&amp;About etlab</source>
        <translation>Ü&amp;ber etlab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="112"/>
        <source>Cannot open database</source>
        <translation>Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="113"/>
        <source>%1 could not be opened:
%2</source>
        <translation>%1 konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="129"/>
        <source>Open etlab database</source>
        <translation>etlab-Datenbank öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="130"/>
        <source>etlab databases (*.db *.sqlite);;All files (*)</source>
        <translation>etlab-Datenbanken (*.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="135"/>
        <source>About etlab</source>
        <translation>Über etlab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="136"/>
        <source>&lt;h3&gt;etlab %1&lt;/h3&gt;&lt;p&gt;The Efficient Transformer Lab: learned sparse attention and LoRA, measured on your own machine.&lt;/p&gt;&lt;p&gt;Qt %2 · git %3&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;etlab %1&lt;/h3&gt;&lt;p&gt;Das Efficient Transformer Lab: gelernte Sparse Attention und LoRA, gemessen auf Ihrem eigenen Rechner.&lt;/p&gt;&lt;p&gt;Qt %2 · git %3&lt;/p&gt;&lt;p&gt;MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="145"/>
        <source>%n run(s) in %1</source>
        <translation>
            <numerusform>%n Lauf in %1</numerusform>
            <numerusform>%n Läufe in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>etlab::RunTableModel</name>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="87"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="88"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="89"/>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="90"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="91"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="92"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="93"/>
        <source>Test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="94"/>
        <source>Trainable parameters</source>
        <translation>Trainierbare Parameter</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="95"/>
        <source>Wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="96"/>
        <source>Created (UTC)</source>
        <translation>Erstellt (UTC)</translation>
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
