<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <translation>差值（蓝 − / 橙 +）</translation>
    </message>
    <message>
        <location filename="../views/attention/Heatmap.cpp" line="66"/>
        <source>viridis</source>
        <translation>viridis</translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="45"/>
        <source>nothing recorded for this selection</source>
        <translation>该选择没有记录数据</translation>
    </message>
</context>
<context>
    <name>JobManager</name>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="22"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="23"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="24"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="25"/>
        <source>failed</source>
        <translation>已失败</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="26"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="27"/>
        <source>crashed</source>
        <translation>已崩溃</translation>
    </message>
</context>
<context>
    <name>NewRunDialog</name>
    <message>
        <source>Task and model</source>
        <translation type="vanished">任务与模型</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="vanished">注意力</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation type="vanished">LoRA</translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="vanished">训练</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="342"/>
        <source>probabilities, unattended blocks dimmed</source>
        <translation>概率，未被关注的块调暗显示</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="343"/>
        <source>probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="344"/>
        <source>attended blocks</source>
        <translation>被关注的块</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="347"/>
        <source>difference to step %1</source>
        <translation>与第 %1 步的差值</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="358"/>
        <source>difference to run %1 at step %2</source>
        <translation>与运行 %1 在第 %2 步的差异</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="360"/>
        <source> · run %1 saw other inputs (%2 vs %3 tokens): no difference</source>
        <translation> · 运行 %1 的输入不同（%2 与 %3 个词元）：无法比较差异</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="368"/>
        <source>run %1 · step %2 · layer %3 · head %4 · %5</source>
        <translation>运行 %1 · 第 %2 步 · 第 %3 层 · 第 %4 个头 · %5</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="369"/>
        <source>query block</source>
        <translation>查询块</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="369"/>
        <source>query position</source>
        <translation>查询位置</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="370"/>
        <source>key block</source>
        <translation>键块</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="370"/>
        <source>key position</source>
        <translation>键位置</translation>
    </message>
</context>
<context>
    <name>RunDetails</name>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="38"/>
        <source>&lt;h4&gt;Data-parallel job: %1 ranks&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;数据并行任务：%1 个进程（rank）&lt;/h4&gt;</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="40"/>
        <source>&lt;p&gt;Effective batch %1 (%2 a rank × %3 accumulated × %4 ranks) · learning rate %5 (scaling: %6) · %7 all-reduce in %8 MiB buckets · started by %9&lt;/p&gt;</source>
        <translation>&lt;p&gt;有效批大小 %1（每个 rank %2 × 累积 %3 × %4 个 rank）· 学习率 %5（缩放：%6）· %7 全归约，每桶 %8 MiB · 启动方式 %9&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="54"/>
        <source>&lt;p&gt;Parameters were identical on every rank, bit for bit, at all %1 comparisons.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在全部 %1 次比较中，各 rank 的参数逐位完全一致。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="60"/>
        <source>rank</source>
        <translation>rank</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="60"/>
        <source>tokens/s (last)</source>
        <translation>词元/秒（最新）</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="60"/>
        <source>share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="60"/>
        <source>tokens/s (best)</source>
        <translation>词元/秒（最佳）</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="60"/>
        <source>peak tensors MiB</source>
        <translation>张量峰值 MiB</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="60"/>
        <source>peak RSS MiB</source>
        <translation>RSS 峰值 MiB</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="78"/>
        <source>seed %1</source>
        <translation>随机种子 %1</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="86"/>
        <source>&lt;p&gt;Tags: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;标签：%1&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="88"/>
        <source>&lt;p&gt;Notes: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;备注：%1&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="91"/>
        <source>metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="91"/>
        <source>last</source>
        <translation>最新值</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="91"/>
        <source>best</source>
        <translation>最佳值</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="91"/>
        <source>at step</source>
        <translation>最佳所在步</translation>
    </message>
    <message>
        <location filename="../views/runs/RunDetails.cpp" line="114"/>
        <source>&lt;p&gt;Recorded: %1 metric points, %2 evaluations, %3 attention selections, %4 probability maps, %5 spectra, %6 checkpoints.&lt;/p&gt;</source>
        <translation>&lt;p&gt;已记录：%1 个指标数据点，%2 次评估，%3 个注意力块选择，%4 张概率图，%5 个谱，%6 个检查点。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>etlab</name>
    <message>
        <location filename="../views/common/ChartExport.cpp" line="25"/>
        <source>%1 already exists; choose another name (nothing was overwritten)</source>
        <translation>%1 已存在；请另选一个名称（未覆盖任何文件）</translation>
    </message>
    <message>
        <location filename="../views/common/ChartExport.cpp" line="41"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf);;CSV data (*.csv)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf);;CSV 数据 (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="69"/>
        <source>no run &apos;%1&apos; in %2</source>
        <translation>%2 中没有运行“%1”</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="86"/>
        <location filename="../app/gui/HeadlessExport.cpp" line="199"/>
        <source>unknown view &apos;%1&apos; (heatmap, spectrum, tradeoff, curves)</source>
        <translation>未知的视图“%1”（heatmap、spectrum、tradeoff、curves）</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="91"/>
        <source>give --out FILE</source>
        <translation>请指定 --out FILE</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="95"/>
        <source>--out %1 does not end in .%2</source>
        <translation>--out %1 的扩展名不是 .%2</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="99"/>
        <source>no database at %1</source>
        <translation>%1 处没有数据库</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="106"/>
        <source>give --run ID (the %1 view shows runs)</source>
        <translation>请指定 --run ID（%1 视图显示的是运行）</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="117"/>
        <source>run %1 has no recorded attention</source>
        <translation>运行 %1 未记录注意力</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="127"/>
        <source>no attention recorded at step %1; recorded steps: %2</source>
        <translation>第 %1 步未记录注意力；已记录的步：%2</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="133"/>
        <source>layer %1 head %2 does not exist (the model has %3 layers of %4 heads)</source>
        <translation>第 %1 层第 %2 个头不存在（模型共有 %3 层，每层 %4 个头）</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="149"/>
        <location filename="../app/gui/HeadlessExport.cpp" line="168"/>
        <source>cannot load the runs</source>
        <translation>无法加载运行</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="153"/>
        <source>no metric &apos;%1&apos;; the runs have: %2</source>
        <translation>没有指标“%1”；这些运行包含的指标：%2</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="179"/>
        <source>cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="184"/>
        <source>no %1 benchmarks on %2 in %3</source>
        <translation>%3 中没有 %2 上的 %1 基准测试</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="190"/>
        <source>--tradeoff: expected runs or lengths (got &apos;%1&apos;)</source>
        <translation>--tradeoff：应为 runs 或 lengths（实际为“%1”）</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="245"/>
        <source>name at least one run</source>
        <translation>请至少指定一个运行</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="206"/>
        <source>%1 already holds a report (index.html); choose an empty folder</source>
        <translation>%1 中已有报告（index.html）；请选择一个空文件夹</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="210"/>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="253"/>
        <source>run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="253"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="253"/>
        <source>preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="253"/>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="253"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="253"/>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="253"/>
        <source>wall time</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="272"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="273"/>
        <source>Attention of the first run (last step, layer 0, head 0)</source>
        <translation>第一个运行的注意力（最后一步，第 0 层，第 0 个头）</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="274"/>
        <source>Rank spectra of the weight updates</source>
        <translation>权重更新的秩谱</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="275"/>
        <source>Speed and memory of every finished run in the database</source>
        <translation>数据库中所有已完成运行的速度与内存</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="287"/>
        <source>Not available: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="222"/>
        <source>data (CSV)</source>
        <translation>数据（CSV）</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="295"/>
        <source>etlab report</source>
        <translation>etlab 报告</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="296"/>
        <source>Database %1 · etlab %2 · git %3</source>
        <translation>数据库 %1 · etlab %2 · git %3</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="236"/>
        <location filename="../views/common/ChartExport.cpp" line="65"/>
        <location filename="../views/common/ChartExport.cpp" line="79"/>
        <location filename="../views/common/ChartExport.cpp" line="94"/>
        <location filename="../views/common/ChartExport.cpp" line="110"/>
        <location filename="../views/common/ChartExport.cpp" line="123"/>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="316"/>
        <source>export or report</source>
        <translation>export 或 report</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="317"/>
        <source>database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="318"/>
        <source>run id or prefix (several: comma-separated)</source>
        <translation>运行 ID 或其前缀（多个时以逗号分隔）</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="319"/>
        <source>heatmap, spectrum, tradeoff or curves</source>
        <translation>heatmap、spectrum、tradeoff 或 curves</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="320"/>
        <source>png, svg, pdf or csv</source>
        <translation>png、svg、pdf 或 csv</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="321"/>
        <source>file (export) or folder (report) to write</source>
        <translation>要写入的文件（export）或文件夹（report）</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="322"/>
        <source>layer (heatmap, spectrum)</source>
        <translation>层（heatmap、spectrum）</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="323"/>
        <source>head (heatmap)</source>
        <translation>头（heatmap）</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="324"/>
        <source>step (default: the last recorded)</source>
        <translation>步数（默认：最后记录的一步）</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="325"/>
        <source>adapted module (spectrum): q, k, v, o, ffn_in, ffn_out</source>
        <translation>适配的模块（spectrum）：q、k、v、o、ffn_in、ffn_out</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="327"/>
        <source>metric (curves)</source>
        <translation>指标（curves）</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="328"/>
        <source>PNG resolution</source>
        <translation>PNG 分辨率</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="329"/>
        <source>tradeoff view: runs or lengths</source>
        <translation>权衡视图：runs 或 lengths</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="331"/>
        <source>tradeoff lengths: fwd or fwdbwd</source>
        <translation>权衡 lengths：fwd 或 fwdbwd</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="332"/>
        <source>tradeoff lengths: cpu or cuda</source>
        <translation>权衡 lengths：cpu 或 cuda</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="334"/>
        <source>report: a review study&apos;s review.json instead of runs</source>
        <translation>report：使用综述研究的 review.json 而非运行</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="344"/>
        <source>report: give --out FOLDER</source>
        <translation>report：请指定 --out FOLDER</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="350"/>
        <source>%1: give --db FILE and --out PATH</source>
        <translation>%1：请指定 --db FILE 和 --out PATH</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="369"/>
        <source>export: --layer, --head, --step and --dpi take whole numbers</source>
        <translation>export：--layer、--head、--step 和 --dpi 必须是整数</translation>
    </message>
    <message>
        <location filename="../app/gui/HeadlessExport.cpp" line="376"/>
        <source>export: --format must be png, svg, pdf or csv</source>
        <translation>export：--format 必须是 png、svg、pdf 或 csv</translation>
    </message>
    <message>
        <location filename="../views/common/ChartExport.cpp" line="101"/>
        <source>unknown chart format &apos;%1&apos; (png, svg, pdf)</source>
        <translation>未知的图表格式“%1”（png、svg、pdf）</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="61"/>
        <source>Budget &lt;b&gt;%1&lt;/b&gt; (%2) · measured in %3 min · %4 runs trained, %5 reused · from &lt;code&gt;%6&lt;/code&gt;</source>
        <translation>预算 &lt;b&gt;%1&lt;/b&gt;（%2）· 测量耗时 %3 分钟 · 训练 %4 个运行，复用 %5 个 · 来自 &lt;code&gt;%6&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="66"/>
        <source>claim</source>
        <translation>论断</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="66"/>
        <source>claimed</source>
        <translation>文献声称</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="66"/>
        <source>measured here</source>
        <translation>本机实测</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="66"/>
        <source>verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="66"/>
        <source>setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="66"/>
        <source>runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="95"/>
        <source>Research gaps</source>
        <translation>研究空白</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="109"/>
        <source>Verdict rules (fixed before any run)</source>
        <translation>判定规则（在任何运行开始前确定）</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="110"/>
        <source>Rule per claim</source>
        <translation>各论断的规则</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="113"/>
        <source>etlab review study</source>
        <translation>etlab 综述研究</translation>
    </message>
    <message>
        <location filename="../app/gui/ReviewReport.cpp" line="114"/>
        <source>The literature review&apos;s claims measured on this machine · etlab %1 · git %2</source>
        <translation>在本机上实测文献综述中的论断 · etlab %1 · git %2</translation>
    </message>
</context>
<context>
    <name>etlab::AttentionExplorer</name>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="152"/>
        <source>Block selection of every layer and head at this step; click one to inspect it</source>
        <translation>此步中每一层、每个头的块选择；点击其中一个以查看详情</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="155"/>
        <source>Held-out probe example (the same inputs at every step)</source>
        <translation>留出的探针样本（每一步使用相同的输入）</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="157"/>
        <source>Scrub through training: the attention recorded at each evaluation</source>
        <translation>拖动浏览训练过程：每次评估时记录的注意力</translation>
    </message>
    <message>
        <source>Show the difference to another step (orange: more attention now, blue: less)</source>
        <translation type="vanished">显示与另一步的差值（橙色：当前注意力更多，蓝色：更少）</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="160"/>
        <source>Show the difference to another step or to another selected run at the same step (orange: more attention here, blue: less)</source>
        <translation>显示与另一步或另一个所选运行在同一步的差异（橙色：此处注意力更多，蓝色：更少）</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="166"/>
        <source>Choose a run to see its attention.</source>
        <translation>选择一个运行以查看其注意力。</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="170"/>
        <source>Probe</source>
        <translation>探针样本</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="172"/>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="175"/>
        <source>Compare with</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="177"/>
        <source>Colours</source>
        <translation>配色</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="227"/>
        <source>Loading the attention of run %1…</source>
        <translation>正在加载运行 %1 的注意力…</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="236"/>
        <source>Cannot load the attention: %1</source>
        <translation>无法加载注意力：%1</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="237"/>
        <source>This run recorded no attention (no evaluation has happened yet).</source>
        <translation>此运行未记录注意力（尚未进行过评估）。</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="244"/>
        <source>#%1 (%2 tokens) %3</source>
        <translation>#%1（%2 个词元）%3</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="264"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="265"/>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="267"/>
        <source>run %1 (same step)</source>
        <translation>运行 %1（同一步）</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="316"/>
        <source>L%1 H%2 %3</source>
        <translation>L%1 H%2 %3</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="317"/>
        <source>layer %1, head %2: %3 of the key blocks attended</source>
        <translation>第 %1 层，第 %2 个头：关注了 %3 的键块</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="377"/>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="382"/>
        <source>Run mean at step %1: density %2 · entropy %3 nats · mean distance %4 tokens</source>
        <translation>第 %1 步的运行均值：密度 %2 · 熵 %3 nats · 平均距离 %4 个词元</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="395"/>
        <source>This head: %1 of %2 block pairs (block %3)</source>
        <translation>此头：%2 个块对中的 %1 个（块大小 %3）</translation>
    </message>
    <message>
        <location filename="../views/attention/AttentionExplorer.cpp" line="436"/>
        <source>nothing to export yet</source>
        <translation>尚无可导出的内容</translation>
    </message>
</context>
<context>
    <name>etlab::CurvesView</name>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="110"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="111"/>
        <source>wall time (s)</source>
        <translation>运行时间（秒）</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="112"/>
        <source>tokens (from logged throughput)</source>
        <translation>词元数（根据记录的吞吐量估算）</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="116"/>
        <source>Exponential moving average, debiased as in TensorBoard; the raw curve stays faint behind</source>
        <translation>指数移动平均，按 TensorBoard 的方式去偏；原始曲线以淡色显示在后面</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="119"/>
        <source>Only differences</source>
        <translation>仅显示差异</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="121"/>
        <location filename="../views/curves/CurvesView.cpp" line="171"/>
        <source>Select one or more runs to plot their curves.</source>
        <translation>选择一个或多个运行以绘制其曲线。</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="134"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="136"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="138"/>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/curves/CurvesView.cpp" line="163"/>
        <source>Loading %n run(s)…</source>
        <translation>
            <numerusform>正在加载 %n 个运行…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="172"/>
        <source>Cannot load the runs: %1</source>
        <translation>无法加载运行：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/curves/CurvesView.cpp" line="244"/>
        <source>%1 — %n run(s)</source>
        <translation>
            <numerusform>%1 — %n 个运行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/curves/CurvesView.cpp" line="354"/>
        <source>nothing to export yet</source>
        <translation>尚无可导出的内容</translation>
    </message>
</context>
<context>
    <name>etlab::HeatmapView</name>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="213"/>
        <source>query block %1 → key block %2</source>
        <translation>查询块 %1 → 键块 %2</translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="214"/>
        <source>query %1 “%2” → key %3 “%4”</source>
        <translation>查询 %1“%2” → 键 %3“%4”</translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="215"/>
        <source>value %1</source>
        <translation>值 %1</translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="216"/>
        <source> · block attended</source>
        <translation> · 该块被关注</translation>
    </message>
    <message>
        <location filename="../views/attention/HeatmapView.cpp" line="216"/>
        <source> · block skipped</source>
        <translation> · 该块被跳过</translation>
    </message>
</context>
<context>
    <name>etlab::JobManager</name>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="98"/>
        <source>not started: “%1” did not finish</source>
        <translation>未启动：“%1”未完成</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="128"/>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="184"/>
        <source>the training process crashed</source>
        <translation>训练进程已崩溃</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="209"/>
        <source>stopping after the current step…</source>
        <translation>将在当前步完成后停止…</translation>
    </message>
</context>
<context>
    <name>etlab::JobsPanel</name>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="230"/>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="230"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="230"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="230"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="230"/>
        <source>ETA</source>
        <translation>预计剩余时间</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="230"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="277"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="277"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>etlab::MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="69"/>
        <source>etlab — Efficient Transformer Lab</source>
        <translation>etlab — 高效 Transformer 实验室</translation>
    </message>
    <message>
        <source>Filter runs (status, preset, method, task…)</source>
        <translation type="vanished">筛选运行（状态、预设、方法、任务…）</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No runs yet&lt;/h3&gt;&lt;p&gt;Train a first model from a terminal:&lt;/p&gt;&lt;pre&gt;%1 train --preset smoke-dense&lt;/pre&gt;&lt;p&gt;Runs appear here as they start.&lt;/p&gt;</source>
        <translation type="vanished">&lt;h3&gt;尚无运行&lt;/h3&gt;&lt;p&gt;在终端中训练第一个模型：&lt;/p&gt;&lt;pre&gt;%1 train --preset smoke-dense&lt;/pre&gt;&lt;p&gt;运行开始后会显示在这里。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="36"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="50"/>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="vanished">刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="63"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="158"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="159"/>
        <source>&amp;About etlab</source>
        <translation>关于 etlab(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="241"/>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="242"/>
        <source>%1 could not be opened:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="362"/>
        <source>Open etlab database</source>
        <translation>打开 etlab 数据库</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="363"/>
        <location filename="../app/gui/MainWindowMenus.cpp" line="55"/>
        <source>etlab databases (*.db *.sqlite);;All files (*)</source>
        <translation>etlab 数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="90"/>
        <source>Filter runs (any column, notes, id)</source>
        <translation>筛选运行（任意列、备注、ID）</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="94"/>
        <source>any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="103"/>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="108"/>
        <source>config, e.g. lora.r=8 attention.block=64</source>
        <translation>配置，例如 lora.r=8 attention.block=64</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="110"/>
        <location filename="../app/gui/MainWindow.cpp" line="114"/>
        <source>Conditions on the run configuration, KEY=VALUE separated by spaces; all must hold</source>
        <translation>运行配置的筛选条件，格式为 KEY=VALUE，以空格分隔；须全部满足</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="115"/>
        <source>Each condition must be KEY=VALUE, e.g. lora.r=8</source>
        <translation>每个条件都必须是 KEY=VALUE 格式，例如 lora.r=8</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="124"/>
        <source>&lt;h3&gt;No runs yet&lt;/h3&gt;&lt;p&gt;Start with the demo: it trains a dense, a learned-sparse and a LoRA model on ListOps (smoke-sized, about a minute each on a laptop CPU), so every view fills.&lt;/p&gt;&lt;p&gt;Or choose &lt;b&gt;File › New Run…&lt;/b&gt;, or train from a terminal:&lt;/p&gt;&lt;pre&gt;%1 train --preset smoke-dense&lt;/pre&gt;</source>
        <translation>&lt;h3&gt;尚无运行&lt;/h3&gt;&lt;p&gt;从演示开始：它会在 ListOps 上分别训练一个稠密模型、一个可学习稀疏模型和一个 LoRA 模型（冒烟测试规模，在笔记本电脑 CPU 上每个约需一分钟），让每个视图都有数据。&lt;/p&gt;&lt;p&gt;也可以选择&lt;b&gt;文件 › 新建运行…&lt;/b&gt;，或在终端中训练：&lt;/p&gt;&lt;pre&gt;%1 train --preset smoke-dense&lt;/pre&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="133"/>
        <source>Run the demo comparison</source>
        <translation>运行演示对比</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="174"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="175"/>
        <source>Curves &amp;&amp; Compare</source>
        <translation>曲线 &amp;&amp; 对比</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="176"/>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="177"/>
        <source>Rank Spectra</source>
        <translation>秩谱</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="178"/>
        <source>Speed vs Memory</source>
        <translation>速度与内存</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="179"/>
        <source>Review Study</source>
        <translation>综述研究</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="192"/>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="206"/>
        <source>Job “%1” %2</source>
        <translation>作业“%1”%2</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="218"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="267"/>
        <source>resume %1</source>
        <translation>恢复 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="37"/>
        <source>&amp;New Run…</source>
        <translation>新建运行(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="39"/>
        <source>Run the &amp;Demo Comparison</source>
        <translation>运行演示对比(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="41"/>
        <source>Review &amp;Study</source>
        <translation>综述研究(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="42"/>
        <source>Smoke (about 2 minutes)</source>
        <translation>冒烟（约 2 分钟）</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="43"/>
        <source>Quick (up to 30 minutes, indicative)</source>
        <translation>快速（最多 30 分钟，仅供参考）</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="44"/>
        <source>Standard (up to 2.5 hours, 3 seeds)</source>
        <translation>标准（最多 2.5 小时，3 个种子）</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="45"/>
        <source>Full (overnight)</source>
        <translation>完整（通宵）</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="48"/>
        <source>Open Review &amp;Report…</source>
        <translation>打开综述报告(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="52"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="53"/>
        <source>&amp;Merge Database…</source>
        <translation>合并数据库(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="54"/>
        <source>Merge runs from</source>
        <translation>选择要合并其运行的数据库</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="58"/>
        <source>&amp;Export View…</source>
        <translation>导出视图(&amp;E)…</translation>
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
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="66"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="67"/>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="69"/>
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="70"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="71"/>
        <source>N&amp;otes…</source>
        <translation>备注(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="72"/>
        <source>E&amp;xperiment…</source>
        <translation>实验(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="76"/>
        <location filename="../app/gui/MainWindowMenus.cpp" line="83"/>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindowMenus.cpp" line="77"/>
        <source>Group the %n selected run(s) under the experiment (empty: none):</source>
        <translation>
            <numerusform>将所选的 %n 个运行归入实验（留空：无）：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="87"/>
        <source>Tr&amp;y It…</source>
        <translation>试用(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="88"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="89"/>
        <source>Res&amp;ume</source>
        <translation>恢复(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="90"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="91"/>
        <source>Jobs Side by Side</source>
        <translation>并行作业数</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindowMenus.cpp" line="94"/>
        <source>%n at a time</source>
        <translation>
            <numerusform>同时运行 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="104"/>
        <source>Move to &amp;Bin</source>
        <translation>移到回收站(&amp;B)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="106"/>
        <source>&amp;Undo Delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="110"/>
        <source>Show the B&amp;in</source>
        <translation>显示回收站(&amp;I)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="113"/>
        <source>&amp;Restore from Bin</source>
        <translation>从回收站还原(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="115"/>
        <source>&amp;Empty Bin…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="118"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="119"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="122"/>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="122"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="122"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="133"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="136"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="147"/>
        <source>The language changes when etlab starts again</source>
        <translation>语言将在 etlab 下次启动时切换</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="150"/>
        <source>&amp;Details</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="150"/>
        <source>&amp;Curves and Compare</source>
        <translation>曲线与对比(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="151"/>
        <source>&amp;Attention</source>
        <translation>注意力(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="151"/>
        <source>Rank &amp;Spectra</source>
        <translation>秩谱(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="152"/>
        <source>Speed vs &amp;Memory</source>
        <translation>速度与内存(&amp;M)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowMenus.cpp" line="167"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="295"/>
        <source>any method</source>
        <translation>任意方法</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation type="vanished">随机种子 %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;Tags: %1&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;标签：%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Notes: %1&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;备注：%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>metric</source>
        <translation type="vanished">指标</translation>
    </message>
    <message>
        <source>last</source>
        <translation type="vanished">最新值</translation>
    </message>
    <message>
        <source>best</source>
        <translation type="vanished">最佳值</translation>
    </message>
    <message>
        <source>at step</source>
        <translation type="vanished">最佳所在步</translation>
    </message>
    <message>
        <source>&lt;p&gt;Recorded: %1 metric points, %2 evaluations, %3 attention selections, %4 probability maps, %5 spectra, %6 checkpoints.&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;已记录：%1 个指标数据点，%2 次评估，%3 个注意力块选择，%4 张概率图，%5 个谱，%6 个检查点。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="50"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="56"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="97"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="69"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="88"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="79"/>
        <source>Rename run</source>
        <translation>重命名运行</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="79"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="88"/>
        <source>Tags, separated by commas:</source>
        <translation>标签（以逗号分隔）：</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="97"/>
        <source>Notes on this run:</source>
        <translation>此运行的备注：</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="113"/>
        <source>Move to bin</source>
        <translation>移到回收站</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindowRuns.cpp" line="117"/>
        <source>%n run(s) moved to the bin — Undo with %1</source>
        <translation>
            <numerusform>已将 %n 个运行移到回收站 — 按 %1 撤销</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="130"/>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="149"/>
        <source>Restore</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="155"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="157"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="161"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="168"/>
        <source>Empty bin</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="157"/>
        <source>The bin is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindowRuns.cpp" line="162"/>
        <source>Remove %n run(s) and their %1 checkpoint file(s) (%2 MB) for good? This cannot be undone.</source>
        <translation>
            <numerusform>要永久删除 %n 个运行及其 %1 个检查点文件（%2 MB）吗？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="171"/>
        <source>Removed %1 run(s) and %2 file(s), %3 MB freed</source>
        <translation>已删除 %1 个运行和 %2 个文件，释放 %3 MB</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="179"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="186"/>
        <source>Merge database</source>
        <translation>合并数据库</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="180"/>
        <source>Import the runs of %1 into %2? Runs already present are skipped; %1 is not changed.</source>
        <translation>要将 %1 中的运行导入 %2 吗？已存在的运行将被跳过；%1 不会被修改。</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="189"/>
        <source>Merged: %1 run(s) added, %2 already present, %3 checkpoint file(s) copied</source>
        <translation>已合并：新增 %1 个运行，%2 个已存在，复制了 %3 个检查点文件</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="194"/>
        <source>; %1 checkpoint file(s) and %2 run(s) left out</source>
        <translation>；略过 %1 个检查点文件和 %2 个运行</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="203"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowReview.cpp" line="37"/>
        <source>Review study written to %1</source>
        <translation>综述研究已写入 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowReview.cpp" line="31"/>
        <source>Review study stopped: %1</source>
        <translation>综述研究已停止：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowReview.cpp" line="39"/>
        <source>Review study finished, but its report cannot be shown: %1</source>
        <translation>综述研究已完成，但无法显示其报告：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowReview.cpp" line="46"/>
        <source>review study (%1)</source>
        <translation>综述研究（%1）</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowReview.cpp" line="64"/>
        <location filename="../app/gui/MainWindowReview.cpp" line="68"/>
        <source>Open review report</source>
        <translation>打开综述报告</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowReview.cpp" line="65"/>
        <source>Review study reports (review.json);;JSON (*.json);;All files (*)</source>
        <translation>综述研究报告 (review.json);;JSON (*.json);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindowReview.cpp" line="86"/>
        <source>None of these %n run(s) is in the table (another database, the bin, or filtered out)</source>
        <translation>
            <numerusform>这 %n 个运行都不在表中（位于其他数据库或回收站中，或已被筛选掉）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindowReview.cpp" line="94"/>
        <source>%n run(s) not shown (another database, the bin, or filtered out)</source>
        <translation>
            <numerusform>%n 个运行未显示（位于其他数据库或回收站中，或已被筛选掉）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="342"/>
        <source>the Details view has no chart; choose Curves, Attention, Rank Spectra or Speed vs Memory</source>
        <translation>“详情”视图没有图表；请选择“曲线”“注意力”“秩谱”或“速度与内存”</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="347"/>
        <location filename="../app/gui/MainWindow.cpp" line="352"/>
        <location filename="../app/gui/MainWindow.cpp" line="357"/>
        <source>Export view</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="352"/>
        <source>Resolution of the PNG image (dots per inch):</source>
        <translation>PNG 图像的分辨率（每英寸点数）：</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="358"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="397"/>
        <source>Database dropped</source>
        <translation>拖入了数据库</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="398"/>
        <source>What should happen with %1?</source>
        <translation>要如何处理 %1？</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="399"/>
        <source>Open it</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="400"/>
        <source>Merge its runs into this database</source>
        <translation>将其中的运行合并到当前数据库</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="409"/>
        <source>Training in progress</source>
        <translation>训练正在进行</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="410"/>
        <source>%n training job(s) are running. Stop them now? They are saved and can be resumed later.</source>
        <translation>
            <numerusform>有 %n 个训练作业正在运行。现在停止吗？它们会被保存，之后可以恢复。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="234"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="235"/>
        <location filename="../app/gui/MainWindowRuns.cpp" line="236"/>
        <source>demo: %1</source>
        <translation>演示：%1</translation>
    </message>
    <message>
        <source>The LoRA demo needs the dense run: it starts when that one is finished</source>
        <translation type="vanished">LoRA 演示依赖稠密运行：将在稠密运行完成后开始</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="248"/>
        <source>Select one finished run to try</source>
        <translation>请选择一个已完成的运行来试用</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="253"/>
        <source>Only finished runs can be tried</source>
        <translation>只有已完成的运行可以试用</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindowRuns.cpp" line="269"/>
        <source>Run %1 is %2: only interrupted, cancelled or failed runs resume</source>
        <translation>运行 %1 的状态为 %2：只有已中断、已取消或失败的运行才能恢复</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="426"/>
        <source>About etlab</source>
        <translation>关于 etlab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="427"/>
        <source>&lt;h3&gt;etlab %1&lt;/h3&gt;&lt;p&gt;The Efficient Transformer Lab: learned sparse attention and LoRA, measured on your own machine.&lt;/p&gt;&lt;p&gt;Qt %2 · git %3&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;etlab %1&lt;/h3&gt;&lt;p&gt;高效 Transformer 实验室：可学习稀疏注意力与 LoRA，在您自己的机器上实测。&lt;/p&gt;&lt;p&gt;Qt %2 · git %3&lt;/p&gt;&lt;p&gt;MIT 许可证。&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="437"/>
        <source>%n run(s) in the bin of %1</source>
        <translation>
            <numerusform>%1 的回收站中共有 %n 个运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="438"/>
        <source>%n run(s) in %1</source>
        <translation>
            <numerusform>%1 中共有 %n 个运行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>etlab::NewRunDialog</name>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="38"/>
        <source>Task and model</source>
        <translation>任务与模型</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="39"/>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="40"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="41"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="93"/>
        <source>New run</source>
        <translation>新建运行</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="105"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="132"/>
        <source>Other settings and sweeps</source>
        <translation>其他设置与扫描</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="135"/>
        <source>one KEY=VALUE per line, e.g. train.lr=3e-4 (etlab-cli keys lists them)</source>
        <translation>每行一个 KEY=VALUE，例如 train.lr=3e-4（etlab-cli keys 会列出所有键）</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="139"/>
        <source>key, e.g. lora.r</source>
        <translation>键，例如 lora.r</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="141"/>
        <source>values, e.g. 4,8,16</source>
        <translation>取值，例如 4,8,16</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="152"/>
        <source>Overrides</source>
        <translation>覆盖项</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="153"/>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="155"/>
        <source>Seeds per setting</source>
        <translation>每组设置的种子数</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="160"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="244"/>
        <source>override &quot;%1&quot; is not KEY=VALUE</source>
        <translation>覆盖项“%1”不是 KEY=VALUE 格式</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="279"/>
        <source>give a key and its values</source>
        <translation>请给出键及其取值</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="287"/>
        <source>with %1=%2: %3</source>
        <translation>当 %1=%2 时：%3</translation>
    </message>
    <message>
        <location filename="../app/gui/NewRunDialog.cpp" line="334"/>
        <source>, sweep %1</source>
        <translation>，扫描 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/NewRunDialog.cpp" line="335"/>
        <source>, %n seeds</source>
        <translation>
            <numerusform>，%n 个种子</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>etlab::ReviewTableModel</name>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="30"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="31"/>
        <source>%1 is larger than 64 MiB; not a review report</source>
        <translation>%1 大于 64 MiB；不是综述报告</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="34"/>
        <source>%1 is not valid JSON</source>
        <translation>%1 不是有效的 JSON</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="36"/>
        <source>%1 is not a review study report (no budget or claims); it is written by etlab-cli study review</source>
        <translation>%1 不是综述研究报告（没有预算或论断）；此类报告由 etlab-cli study review 生成</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="49"/>
        <source>%1: a claim is not an object</source>
        <translation>%1：某条论断不是对象</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="60"/>
        <source>%1: a claim has no id or verdict</source>
        <translation>%1：某条论断缺少 id 或判定</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="69"/>
        <source>%1: a research-gap study is not an object</source>
        <translation>%1：某项研究空白研究不是对象</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="78"/>
        <source>%1: a research-gap study has no id or conclusion</source>
        <translation>%1：某项研究空白研究缺少 id 或结论</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="112"/>
        <source>Conclusion.</source>
        <translation>结论。</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="112"/>
        <source>Rule:</source>
        <translation>规则：</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="156"/>
        <source>Double-click to select these runs: %1</source>
        <translation>双击以选中这些运行：%1</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="158"/>
        <source>Rule: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="169"/>
        <source>Claim</source>
        <translation>论断</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="170"/>
        <source>Claimed</source>
        <translation>文献声称</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="171"/>
        <source>Measured here</source>
        <translation>本机实测</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="172"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="173"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewModel.cpp" line="174"/>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
</context>
<context>
    <name>etlab::ReviewView</name>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="284"/>
        <location filename="../views/study/ReviewView.cpp" line="359"/>
        <source>sequence length n (tokens)</source>
        <translation>序列长度 n（词元）</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="285"/>
        <location filename="../views/study/ReviewView.cpp" line="307"/>
        <location filename="../views/study/ReviewView.cpp" line="346"/>
        <source>test score (points)</source>
        <translation>测试得分（分）</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="288"/>
        <source>dense</source>
        <translation>稠密</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="289"/>
        <source>learned sparse</source>
        <translation>可学习稀疏</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="291"/>
        <source>2048 tokens</source>
        <translation>2048 个词元</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="306"/>
        <source>LoRA rank r</source>
        <translation>LoRA 秩 r</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="314"/>
        <source>%1: LoRA</source>
        <translation>%1：LoRA</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="318"/>
        <source>%1: full fine-tuning</source>
        <translation>%1：全量微调</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="323"/>
        <source>full fine-tuning</source>
        <translation>全量微调</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="324"/>
        <source>LoRA r = 8</source>
        <translation>LoRA r = 8</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="325"/>
        <source>majority class</source>
        <translation>多数类</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="364"/>
        <source>forward time (ms)</source>
        <translation>前向耗时（毫秒）</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="367"/>
        <source>exact (fastest dense, n^%1)</source>
        <translation>精确（最快的稠密实现，n^%1）</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="369"/>
        <source>learned sparse (n^%1)</source>
        <translation>可学习稀疏（n^%1）</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="379"/>
        <source>No review study loaded. Run one from File → Review Study, or open a review.json with File → Open Review Report…</source>
        <translation>尚未加载综述研究。可通过“文件 → 综述研究”运行一次，或通过“文件 → 打开综述报告…”打开 review.json。</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="406"/>
        <source>Export Chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="418"/>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="428"/>
        <source>Claims</source>
        <translation>论断</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="429"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="432"/>
        <location filename="../views/study/ReviewView.cpp" line="460"/>
        <source>No research-gap studies in this report (run the study with --gaps).</source>
        <translation>此报告中没有研究空白研究（使用 --gaps 运行研究）。</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="433"/>
        <source>Research gaps</source>
        <translation>研究空白</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="452"/>
        <source>&lt;b&gt;Review study, budget %1&lt;/b&gt; (%2) · %3 claims: %4 supported, %5 refuted, %6 other · %7 runs trained, %8 reused, %9 min · &lt;code&gt;%10&lt;/code&gt;</source>
        <translation>&lt;b&gt;综述研究，预算 %1&lt;/b&gt;（%2）· %3 条论断：%4 条得到支持，%5 条被驳斥，%6 条其他 · 训练 %7 个运行，复用 %8 个，%9 分钟 · &lt;code&gt;%10&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="174"/>
        <source>Accuracy against sequence length (dense vs learned sparse)</source>
        <translation>准确率随序列长度的变化（稠密与可学习稀疏对比）</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="175"/>
        <source>LoRA rank sweep against full fine-tuning</source>
        <translation>LoRA 秩扫描与全量微调对比</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="176"/>
        <source>Full fine-tuning vs LoRA per task</source>
        <translation>各任务上全量微调与 LoRA 的对比</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="177"/>
        <source>Attention time against sequence length</source>
        <translation>注意力耗时随序列长度的变化</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="483"/>
        <source>Research gap: %1</source>
        <translation>研究空白：%1</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="501"/>
        <source>No chart: the loaded report has no data for one.</source>
        <translation>无图表：已加载的报告中没有该图表的数据。</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="505"/>
        <source>Means over seeds; each length trains with the same tokens per step.</source>
        <translation>各种子的均值；每种长度每步训练的词元数相同。</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="507"/>
        <source>alpha = 2r at every rank; dashed: full fine-tuning of the same task.</source>
        <translation>每个秩下 alpha = 2r；虚线：同一任务的全量微调。</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="509"/>
        <source>Means over seeds; macro-F1 on imbalanced tasks, accuracy otherwise; the verdict per task is in the table&apos;s parity row.</source>
        <translation>各种子的均值；类别不平衡的任务用 macro-F1，其余用准确率；各任务的判定见表格中的 parity 行。</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="512"/>
        <source>From the attention benchmark the study ran (forward, B = 64, k = auto).</source>
        <translation>来自本研究运行的注意力基准测试（前向，B = 64，k = auto）。</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="521"/>
        <source>nothing to export: no chart</source>
        <translation>没有可导出的内容：无图表</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="583"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="587"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../views/study/ReviewView.cpp" line="588"/>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
</context>
<context>
    <name>etlab::RunTableModel</name>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="21"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="22"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="23"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="24"/>
        <source>failed</source>
        <translation>已失败</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="25"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="26"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="123"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="124"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="125"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="126"/>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="127"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="128"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="129"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="130"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="131"/>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="132"/>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="133"/>
        <source>Trainable parameters</source>
        <translation>可训练参数</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="134"/>
        <source>Wall time</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <location filename="../views/runs/RunTableModel.cpp" line="135"/>
        <source>Created (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
</context>
<context>
    <name>etlab::SpectraView</name>
    <message>
        <location filename="../views/spectra/SpectraCharts.cpp" line="344"/>
        <source>j: top vectors of %1</source>
        <translation>j：%1 的前 j 个奇异向量</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraCharts.cpp" line="345"/>
        <source>i: top vectors of %1</source>
        <translation>i：%1 的前 i 个奇异向量</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="64"/>
        <source>Which adapted weight: q, k, v, o projections, the feed-forward layers or the sparse-attention router</source>
        <translation>要查看的适配权重：q、k、v、o 投影，前馈层，或稀疏注意力路由器</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="66"/>
        <source>Transformer layer</source>
        <translation>Transformer 层</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="68"/>
        <source>Evaluation step whose spectrum is shown (runs without it show their last one before)</source>
        <translation>显示该评估步的谱（在该步没有谱的运行显示此前最后一次的谱）</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="70"/>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="71"/>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="72"/>
        <source>Vertical scale of the singular values</source>
        <translation>奇异值的纵轴刻度</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="78"/>
        <source>Fraction of the update&apos;s energy (sum of squared singular values) a rank must keep</source>
        <translation>秩需要保留的更新能量（奇异值平方和）比例</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="88"/>
        <source>&amp;Module</source>
        <translation>模块(&amp;M)</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="89"/>
        <source>&amp;Layer</source>
        <translation>层(&amp;L)</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="90"/>
        <source>S&amp;tep</source>
        <translation>步数(&amp;T)</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="91"/>
        <source>&amp;Scale</source>
        <translation>刻度(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="92"/>
        <source>&amp;Energy threshold</source>
        <translation>能量阈值(&amp;E)</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="95"/>
        <location filename="../views/spectra/SpectraView.cpp" line="186"/>
        <location filename="../views/spectra/SpectraView.cpp" line="206"/>
        <source>Choose one or more runs to see the rank spectra of their weight updates.</source>
        <translation>选择一个或多个运行以查看其权重更新的秩谱。</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="104"/>
        <source>Singular values of the weight update, largest first: a steep drop means the update is low-rank</source>
        <translation>权重更新的奇异值（从大到小）：急剧下降说明更新是低秩的</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="105"/>
        <source>Share of the update&apos;s energy kept by its top r directions; the dashed line is the threshold</source>
        <translation>前 r 个方向保留的更新能量占比；虚线为阈值</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="106"/>
        <source>Stable rank (||ΔW||_F² / ||ΔW||_2²) at each evaluation</source>
        <translation>每次评估时的稳定秩（||ΔW||_F² / ||ΔW||_2²）</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="108"/>
        <source>How much the top-i directions of adapter A overlap the top-j directions of adapter B (1: same subspace, 0: orthogonal)</source>
        <translation>适配器 A 的前 i 个方向与适配器 B 的前 j 个方向的重叠程度（1：相同子空间，0：正交）</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="112"/>
        <source>Adapter A (rows of the heatmap)</source>
        <translation>适配器 A（热力图的行）</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="113"/>
        <source>Adapter B (columns of the heatmap)</source>
        <translation>适配器 B（热力图的列）</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="117"/>
        <source>Compare adapters</source>
        <translation>比较适配器</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="120"/>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="143"/>
        <source>Open the new-run dialog with this run&apos;s preset and the suggested LoRA rank</source>
        <translation>用此运行的预设和建议的 LoRA 秩打开“新建运行”对话框</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/spectra/SpectraView.cpp" line="187"/>
        <source>Loading the spectra of %n run(s)…</source>
        <translation>
            <numerusform>正在加载 %n 个运行的谱…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="204"/>
        <source>Cannot read the spectra: %1</source>
        <translation>无法读取谱：%1</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="210"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="213"/>
        <source>Run %1 recorded no spectra.</source>
        <translation>运行 %1 未记录谱。</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="214"/>
        <source>None of the %1 chosen runs recorded spectra.</source>
        <translation>所选的 %1 个运行都未记录谱。</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="216"/>
        <source>Spectra of the weight updates are recorded at evaluations of LoRA and full fine-tune runs; dense training from scratch has none.</source>
        <translation>权重更新的谱在 LoRA 和全量微调运行评估时记录；从头开始的稠密训练没有谱。</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="269"/>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="281"/>
        <location filename="../views/spectra/SpectraView.cpp" line="488"/>
        <location filename="../views/spectra/SpectraView.cpp" line="496"/>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="297"/>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="301"/>
        <source>%1: no spectra recorded (dense runs have none)</source>
        <translation>%1：未记录谱（稠密运行没有谱）</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="306"/>
        <source>%1: no spectrum of %2 layer %3 at or before step %4</source>
        <translation>%1：第 %4 步及之前没有 %2 第 %3 层的谱</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="323"/>
        <source>%1: stable rank %2 · effective rank %3 · %4 of the energy in the top %5 of %6 directions</source>
        <translation>%1：稳定秩 %2 · 有效秩 %3 · %6 个方向中的前 %5 个包含 %4 的能量</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="330"/>
        <source>(its last spectrum before: step %1)</source>
        <translation>（此前最后一次的谱：第 %1 步）</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="338"/>
        <source>Suggested rank: r = %1, the smallest LoRA rank that would keep %2 of the energy of the full update of %3.</source>
        <translation>建议秩：r = %1，即能保留 %3 全量更新 %2 能量的最小 LoRA 秩。</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="339"/>
        <source>Suggested rank: r = %1, the smallest rank that keeps %2 of the update&apos;s energy in %3.</source>
        <translation>建议秩：r = %1，即能保留 %3 中 %2 更新能量的最小秩。</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="349"/>
        <source>Choose two LoRA runs to compare the subspaces their adapters learned.</source>
        <translation>选择两个 LoRA 运行以比较其适配器学到的子空间。</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="357"/>
        <source>%1 layer %2</source>
        <translation>%1 第 %2 层</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="359"/>
        <source>%1 has no adapter vectors for %2: only LoRA runs record them (full fine-tunes and dense runs do not).</source>
        <translation>%1 没有 %2 的适配器向量：只有 LoRA 运行会记录（全量微调和稠密运行不会记录）。</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="362"/>
        <source>These adapters do not match: %1 reads %2 input features, %3 reads %4; their subspaces cannot be compared.</source>
        <translation>这两个适配器不匹配：%1 的输入特征数为 %2，%3 的为 %4；无法比较它们的子空间。</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="372"/>
        <source>The adapter vectors of %1 are malformed (rows × columns do not match the data).</source>
        <translation>%1 的适配器向量格式错误（行数 × 列数与数据不符）。</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="377"/>
        <source>Start a LoRA run with r = %1…</source>
        <translation>以 r = %1 启动 LoRA 运行…</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="440"/>
        <source>Singular values of the update · %1 · layer %2 · step %3</source>
        <translation>更新的奇异值 · %1 · 第 %2 层 · 第 %3 步</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="441"/>
        <source>index i</source>
        <translation>索引 i</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="442"/>
        <source>singular value σ (log scale)</source>
        <translation>奇异值 σ（对数刻度）</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="442"/>
        <source>singular value σ</source>
        <translation>奇异值 σ</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="444"/>
        <location filename="../views/spectra/SpectraView.cpp" line="461"/>
        <source>No spectrum at this module, layer and step.</source>
        <translation>此模块、层和步没有谱。</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="455"/>
        <source>Cumulative energy Σσ² (normalised)</source>
        <translation>累积能量 Σσ²（归一化）</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="456"/>
        <source>rank r</source>
        <translation>秩 r</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="457"/>
        <source>share of energy</source>
        <translation>能量占比</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="467"/>
        <source>threshold %1</source>
        <translation>阈值 %1</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="468"/>
        <source>r = %1</source>
        <translation>r = %1</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="476"/>
        <source>Stable rank over training · %1 · layer %2</source>
        <translation>训练过程中的稳定秩 · %1 · 第 %2 层</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="477"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="478"/>
        <source>stable rank</source>
        <translation>稳定秩</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="479"/>
        <source>No spectra recorded for this module and layer.</source>
        <translation>此模块和层没有记录谱。</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="493"/>
        <source>Adapter subspace similarity φ(i, j) · %1 · layer %2</source>
        <translation>适配器子空间相似度 φ(i, j) · %1 · 第 %2 层</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="497"/>
        <source>steps %1 / %2</source>
        <translation>第 %1 / %2 步</translation>
    </message>
    <message>
        <location filename="../views/spectra/SpectraView.cpp" line="535"/>
        <source>nothing to export yet: no spectrum is shown</source>
        <translation>尚无可导出的内容：当前未显示谱</translation>
    </message>
</context>
<context>
    <name>etlab::TradeoffView</name>
    <message>
        <location filename="../views/tradeoff/TradeoffCharts.cpp" line="122"/>
        <source>forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCharts.cpp" line="123"/>
        <source>forward + backward</source>
        <translation>前向 + 反向</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCharts.cpp" line="124"/>
        <source>whole-model training step</source>
        <translation>整个模型的训练步</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCharts.cpp" line="125"/>
        <source>whole-model inference</source>
        <translation>整个模型的推理</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="35"/>
        <source>Wall time (s)</source>
        <translation>运行时间（秒）</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="36"/>
        <source>Throughput (tokens/s)</source>
        <translation>吞吐量（词元/秒）</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="37"/>
        <source>Speed-up vs dense</source>
        <translation>相对稠密的加速比</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="38"/>
        <source>Horizontal axis. Speed-up: throughput over the newest finished dense run of the same task (wall time when a run recorded no throughput).</source>
        <translation>横轴。加速比：相对于同一任务最新完成的稠密运行的吞吐量之比（运行未记录吞吐量时改用运行时间）。</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="40"/>
        <source>Logarithmic axes</source>
        <translation>对数坐标轴</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="52"/>
        <source>Time axis</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="62"/>
        <source>Runs: speed vs memory</source>
        <translation>运行：速度与内存</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="67"/>
        <source>Forward pass only, or forward and backward</source>
        <translation>仅前向传播，或前向加反向传播</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="88"/>
        <source>Slopes in the legends are least-squares fits of log(time) and log(memory) against log(n): 1 grows linearly with the sequence length, 2 quadratically.</source>
        <translation>图例中的斜率是 log(时间) 和 log(内存) 对 log(n) 的最小二乘拟合：1 表示随序列长度线性增长，2 表示二次增长。</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="91"/>
        <source>Pass</source>
        <translation>传播方式</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="94"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="105"/>
        <source>Sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="112"/>
        <source>Open a database to compare the speed and memory of its runs.</source>
        <translation>打开数据库以比较其中各运行的速度与内存。</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="113"/>
        <source>Open a database to see how attention scales with sequence length.</source>
        <translation>打开数据库以查看注意力开销如何随序列长度变化。</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="138"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="87"/>
        <source>%n run(s) recorded no peak memory</source>
        <translation>
            <numerusform>%n 个运行未记录峰值内存</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="88"/>
        <source>%n run(s) recorded no %1</source>
        <translation>
            <numerusform>%n 个运行未记录%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="88"/>
        <source>wall time</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="88"/>
        <source>throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="89"/>
        <source>%n run(s) have no finished dense run of their task to compare with</source>
        <translation>
            <numerusform>%n 个运行所属的任务没有可供比较的已完成稠密运行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="83"/>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="92"/>
        <source>Cannot read the database: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="94"/>
        <source>No finished runs yet. Train a run to completion and it appears here with its wall time, throughput and peak memory.</source>
        <translation>尚无已完成的运行。将一个运行训练至完成后，它会连同运行时间、吞吐量和峰值内存显示在这里。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="97"/>
        <source>None of the %n finished run(s) can be plotted: %1.</source>
        <translation>
            <numerusform>%n 个已完成的运行均无法绘制：%1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="106"/>
        <source>Not shown: %1.</source>
        <translation>未显示：%1。</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="137"/>
        <source>Wall time (s)  ← faster</source>
        <translation>运行时间（秒）  ← 更快</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="138"/>
        <source>Throughput (tokens/s)  faster →</source>
        <translation>吞吐量（词元/秒）  更快 →</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="139"/>
        <source>Speed-up vs dense (×)  faster →</source>
        <translation>相对稠密的加速比（×）  更快 →</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="130"/>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="141"/>
        <source>Peak memory (MiB)</source>
        <translation>峰值内存（MiB）</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="146"/>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="200"/>
        <source>%1 (%2)
%3 · %4
%5: %6
Peak memory: %7 MiB
Test accuracy: %8
Click to open the run</source>
        <translation>%1（%2）
%3 · %4
%5：%6
峰值内存：%7 MiB
测试准确率：%8
点击打开该运行</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="205"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="237"/>
        <source>%n finished run(s): lower right is better (faster, less memory)</source>
        <translation>
            <numerusform>%n 个已完成的运行：越靠右下越好（更快、内存更少）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/tradeoff/TradeoffRuns.cpp" line="239"/>
        <source>%n finished run(s): lower left is better (faster, less memory)</source>
        <translation>
            <numerusform>%n 个已完成的运行：越靠左下越好（更快、内存更少）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="85"/>
        <source>No attention benchmarks in this database yet. Measure dense, learned-sparse and fixed-sparse attention over several sequence lengths with
etlab-cli bench attention --seq 512,1024,2048,4096 --db %1</source>
        <translation>此数据库中尚无注意力基准测试。可使用以下命令在多个序列长度上测量稠密、可学习稀疏和固定稀疏注意力：
etlab-cli bench attention --seq 512,1024,2048,4096 --db %1</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="90"/>
        <source>No benchmarks for the %1 pass on %2.</source>
        <translation>%2 上没有 %1 传播的基准测试。</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="118"/>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="127"/>
        <source>Attention time, %1 pass on %2</source>
        <translation>注意力耗时，%2 上的 %1 传播</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="127"/>
        <source>Time of a %1 on %2</source>
        <translation>%1 的耗时（%2）</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="128"/>
        <source>Attention peak memory, %1 pass on %2</source>
        <translation>注意力峰值内存，%2 上的 %1 传播</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="128"/>
        <source>Peak memory of a %1 on %2</source>
        <translation>%1 的峰值内存（%2）</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="129"/>
        <source>Time per call (ms)</source>
        <translation>每次调用耗时（毫秒）</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="132"/>
        <source>Sequence length n</source>
        <translation>序列长度 n</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="144"/>
        <source>%1  slope %2</source>
        <translation>%1  斜率 %2</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="177"/>
        <source>Crossover: needs both %1 and %2 benchmarks for this pass and device.</source>
        <translation>交叉点：需要此传播方式和设备上 %1 与 %2 两者的基准测试。</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="181"/>
        <source>Crossover: %1 becomes faster than %2 at n ≈ %3 (interpolated in log–log space).</source>
        <translation>交叉点：在 n ≈ %3 处 %1 开始快于 %2（在双对数空间中插值）。</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="198"/>
        <source>Crossover: none in range (%1 and %2 share no sequence lengths).</source>
        <translation>交叉点：范围内没有（%1 与 %2 没有共同的序列长度）。</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="200"/>
        <source>Crossover: none in range — %1 is already faster at n = %2.</source>
        <translation>交叉点：范围内没有 — 在 n = %2 时 %1 已经更快。</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="204"/>
        <source>Crossover: none in range — %1 stays faster up to n = %2.</source>
        <translation>交叉点：范围内没有 — 直到 n = %2，%1 一直更快。</translation>
    </message>
    <message>
        <source>Crossover: needs both dense and learned_sparse benchmarks for this pass and device.</source>
        <translation type="vanished">交叉点：需要此传播方式和设备上 dense 与 learned_sparse 两者的基准测试。</translation>
    </message>
    <message>
        <source>Crossover: learned_sparse becomes faster than dense at n ≈ %1 (interpolated in log–log space).</source>
        <translation type="vanished">交叉点：在 n ≈ %1 处 learned_sparse 开始快于 dense（在双对数空间中插值）。</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffCurves.cpp" line="185"/>
        <source>crossover n ≈ %1</source>
        <translation>交叉点 n ≈ %1</translation>
    </message>
    <message>
        <source>Crossover: none in range (dense and learned_sparse share no sequence lengths).</source>
        <translation type="vanished">交叉点：范围内没有（dense 与 learned_sparse 没有共同的序列长度）。</translation>
    </message>
    <message>
        <source>Crossover: none in range — learned_sparse is already faster at n = %1.</source>
        <translation type="vanished">交叉点：范围内没有 — 在 n = %1 时 learned_sparse 已经更快。</translation>
    </message>
    <message>
        <source>Crossover: none in range — dense stays faster up to n = %1.</source>
        <translation type="vanished">交叉点：范围内没有 — 直到 n = %1，dense 一直更快。</translation>
    </message>
    <message>
        <location filename="../views/tradeoff/TradeoffView.cpp" line="235"/>
        <source>nothing to export yet</source>
        <translation>尚无可导出的内容</translation>
    </message>
</context>
<context>
    <name>etlab::TryItDialog</name>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="26"/>
        <source>Try run %1</source>
        <translation>试用运行 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="28"/>
        <source>Type or paste an input for this model, or pick a held-out example above</source>
        <translation>输入或粘贴此模型的输入，或在上方选择一个留出样本</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="31"/>
        <source>(your own text)</source>
        <translation>（自定义文本）</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="44"/>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="59"/>
        <source>Example</source>
        <translation>样本</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="60"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="64"/>
        <source>Layer and head</source>
        <translation>层与头</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="93"/>
        <source>Type an input first.</source>
        <translation>请先输入内容。</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="97"/>
        <source>The input is too long (%1 characters; at most 65,536).</source>
        <translation>输入过长（%1 个字符；最多 65,536 个）。</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="101"/>
        <source>Running the model…</source>
        <translation>正在运行模型…</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="114"/>
        <source>the inference process crashed</source>
        <translation>推理进程崩溃</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="115"/>
        <source>Cannot predict: %1</source>
        <translation>无法预测：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="126"/>
        <source>Cannot predict: %1 could not be started (%2)</source>
        <translation>无法预测：无法启动 %1（%2）</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="144"/>
        <source>&lt;b&gt;Prediction: %1&lt;/b&gt; (%2 tokens) — %3</source>
        <translation>&lt;b&gt;预测：%1&lt;/b&gt;（%2 个词元）— %3</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="152"/>
        <source>layer %1, head %2</source>
        <translation>第 %1 层，第 %2 头</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="181"/>
        <source>Blocks attended for this input · %1</source>
        <translation>此输入关注的块 · %1</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="182"/>
        <source>query position</source>
        <translation>查询位置</translation>
    </message>
    <message>
        <location filename="../app/gui/TryItDialog.cpp" line="183"/>
        <source>key position</source>
        <translation>键位置</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="37"/>
        <source>The Efficient Transformer Lab</source>
        <translation>高效 Transformer 实验室</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="41"/>
        <source>Database to open (default: %1)</source>
        <translation>要打开的数据库（默认：%1）</translation>
    </message>
</context>
</TS>
