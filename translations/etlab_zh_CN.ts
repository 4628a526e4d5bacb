<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>etlab::MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="45"/>
        <source>etlab — Efficient Transformer Lab</source>
        <translation>etlab — 高效 Transformer 实验室</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="64"/>
        <source>Filter runs (status, preset, method, task…)</source>
        <translation>筛选运行（状态、预设、方法、任务…）</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="68"/>
        <source>&lt;h3&gt;No runs yet&lt;/h3&gt;&lt;p&gt;Train a first model from a terminal:&lt;/p&gt;&lt;pre&gt;%1 train --preset smoke-dense&lt;/pre&gt;&lt;p&gt;Runs appear here as they start.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;尚无运行&lt;/h3&gt;&lt;p&gt;在终端中训练第一个模型：&lt;/p&gt;&lt;pre&gt;%1 train --preset smoke-dense&lt;/pre&gt;&lt;p&gt;运行开始后会显示在这里。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="85"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="86"/>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="88"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="91"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="93"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="94"/>
        <source>&amp;About etlab</source>
        <translation>关于 etlab(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="112"/>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="113"/>
        <source>%1 could not be opened:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="129"/>
        <source>Open etlab database</source>
        <translation>打开 etlab 数据库</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="130"/>
        <source>etlab databases (*.db *.sqlite);;All files (*)</source>
        <translation>etlab 数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="135"/>
        <source>About etlab</source>
        <translation>关于 etlab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="136"/>
        <source>&lt;h3&gt;etlab %1&lt;/h3&gt;&lt;p&gt;The Efficient Transformer Lab: learned sparse attention and LoRA, measured on your own machine.&lt;/p&gt;&lt;p&gt;Qt %2 · git %3&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;etlab %1&lt;/h3&gt;&lt;p&gt;高效 Transformer 实验室：可学习稀疏注意力与 LoRA，在您自己的机器上实测。&lt;/p&gt;&lt;p&gt;Qt %2 · git %3&lt;/p&gt;&lt;p&gt;MIT 许可证。&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="145"/>
        <source>%n run(s) in %1</source>
        <translation>
            <numerusform>%1 中共有 %n 个运行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>etlab::RunTableModel</name>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="87"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="88"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="89"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="90"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="91"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="92"/>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="93"/>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="94"/>
        <source>Trainable parameters</source>
        <translation>可训练参数</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="95"/>
        <source>Wall time</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="96"/>
        <source>Created (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="31"/>
        <source>The Efficient Transformer Lab</source>
        <translation>高效 Transformer 实验室</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="35"/>
        <source>Database to open (default: %1)</source>
        <translation>要打开的数据库（默认：%1）</translation>
    </message>
</context>
</TS>
