<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az">
<context>
    <name>ChatPage</name>
    <message>
        <location filename="../ui/chat/chat_page.cpp" line="+102"/>
        <source>%1 · step %2 · loss %3</source>
        <translation>%1 · addım %2 · itki %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(no checkpoints yet: train a model on the Train screen)</source>
        <translation>(hələ yoxlama nöqtəsi yoxdur: Təlim ekranında model öyrədin)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading %1…</source>
        <translation>%1 yüklənir…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 parameters · vocabulary %2 · sees %3 tokens at a time · %4</source>
        <translation>%1 parametr · lüğət %2 · bir dəfəyə %3 token görür · %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>chat markers present</source>
        <translation>çat markerləri var</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no chat markers in its tokenizer: Completion mode only</source>
        <translation>tokenizatorunda çat markerləri yoxdur: yalnız Tamamlama rejimi</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not loaded.</source>
        <translation>Yüklənməyib.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Your message to the assistant (Ctrl+Enter sends)</source>
        <translation>Assistentə mesajınız (Ctrl+Enter göndərir)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text for the model to continue, e.g. &quot;Azərbaycan&quot; (Ctrl+Enter sends)</source>
        <translation>Modelin davam etdirəcəyi mətn, məs. &quot;Azərbaycan&quot; (Ctrl+Enter göndərir)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Load a checkpoint first (top of the screen).</source>
        <translation>Əvvəlcə yoxlama nöqtəsi yükləyin (ekranın yuxarısında).</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Generating…</source>
        <translation>Yaradılır…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chat: generating</source>
        <translation>Çat: cavab yaradılır</translation>
    </message>
    <message>
        <location line="+106"/>
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
        <location line="+4"/>
        <source>Model&apos;s continuation of “%1”</source>
        <translation>Modelin davamı: “%1”</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Editing message %1: Send replaces it and every message after it.</source>
        <translation>Mesaj %1 redaktə olunur: “Göndər” onu və ondan sonrakı bütün mesajları əvəz edir.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 tokens · %2 tokens/s · first token after %3 ms · prompt %4 tokens · seed %5</source>
        <translation>%1 token · %2 token/s · ilk token %3 ms sonra · prompt %4 token · toxum %5</translation>
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
        <translation>%1 token · %2 token/s · ilk token %3 ms sonra · prompt %4 token</translation>
    </message>
    <message>
        <location line="+11"/>
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
    <message>
        <location line="+11"/>
        <source>Grey bars: the model&apos;s own probabilities (temperature 1). Blue bars: the probabilities generation samples from with the settings above; move them and watch. ␣ marks the start of a word.</source>
        <translation>Boz zolaqlar: modelin öz ehtimalları (temperatur 1). Mavi zolaqlar: yuxarıdakı ayarlarla generasiyanın seçdiyi ehtimallar; ayarları dəyişib izləyin. ␣ sözün başlanğıcını göstərir.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Explain works on answers generated since the screen opened: the model&apos;s exact tokens are not stored. Regenerate the answer to explore it.</source>
        <translation>“İzah et” yalnız ekran açılandan sonra yaradılmış cavablarda işləyir: modelin dəqiq tokenləri saxlanılmır. Onu araşdırmaq üçün cavabı yenidən yaradın.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Computing…</source>
        <translation>Hesablanır…</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Token %1 of the answer: the model chose “%2” (▶), %3 likely on its own, %4 with your settings. These %5 candidates hold %6 of its probability; your settings leave %7 of %8 tokens possible.</source>
        <translation>Cavabdakı token %1: model “%2” seçdi (▶); modelin öz ehtimalı %3, ayarlarınızla %4. Bu %5 namizəd ehtimalın %6 hissəsini tutur; ayarlarınız %8 tokendən %7 tokeni mümkün saxlayır.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../ui/chat/chat_page_layout.cpp" line="+185"/>
        <source>Regenerate</source>
        <translation>Yenidən yarat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer again</source>
        <translation>Yenidən cavab ver</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_page_layout.cpp" line="-108"/>
        <source>Every checkpoint of every run in the workspace; the run&apos;s tokenizer comes with it.</source>
        <translation>İş sahəsindəki bütün təlim proseslərinin bütün yoxlama nöqtələri; prosesin tokenizatoru da onunla gəlir.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Other folder…</source>
        <translation>Başqa qovluq…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Talk to a checkpoint or run folder outside the workspace (for example azllm demo&apos;s).</source>
        <translation>İş sahəsindən kənardakı yoxlama nöqtəsi və ya təlim qovluğu ilə danışın (məsələn, azllm demo-nunku).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checkpoint or run folder</source>
        <translation>Yoxlama nöqtəsi və ya təlim qovluğu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Completion: the model continues your text</source>
        <translation>Tamamlama: model mətninizi davam etdirir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat: turns with the chat template (for chat-tuned models)</source>
        <translation>Çat: çat şablonu ilə dialoq (söhbət üzrə öyrədilmiş modellər üçün)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A pretrained model only knows how to continue text: use Completion. A model tuned on conversations answers in Chat mode (docs/chat_template.md).</source>
        <translation>İlkin təlim keçmiş model yalnız mətni davam etdirməyi bilir: Tamamlama rejimini seçin. Söhbətlər üzərində əlavə öyrədilmiş model Çat rejimində cavab verir (docs/chat_template.md).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pick a checkpoint to start.</source>
        <translation>Başlamaq üçün yoxlama nöqtəsi seçin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkpoint</source>
        <translation>Yoxlama nöqtəsi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mode</source>
        <translation>Rejim</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>System prompt</source>
        <translation>Sistem promptu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional: how the assistant should behave, e.g. &quot;Qısa cavab ver.&quot;</source>
        <translation>İstəyə bağlı: assistent özünü necə aparmalıdır, məs. &quot;Qısa cavab ver.&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent first, in the &lt;|system|&gt; turn, and always kept when old turns are left out.</source>
        <translation>Birinci, &lt;|system|&gt; növbəsində göndərilir və köhnə növbələr çıxarılanda da həmişə saxlanılır.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Write a message below. In Completion mode the model continues what you write; in Chat mode it answers as the assistant. Turn on Explain (right) and click any token of an answer to see which tokens the model weighed.</source>
        <translation>Aşağıda mesaj yazın. Tamamlama rejimində model yazdığınızı davam etdirir; Çat rejimində assistent kimi cavab verir. Modelin hansı tokenləri nəzərdən keçirdiyini görmək üçün “İzah et”i (sağda) açın və cavabın istənilən tokeninə klikləyin.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cancel edit</source>
        <translation>Redaktəni ləğv et</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your message (Ctrl+Enter sends)</source>
        <translation>Mesajınız (Ctrl+Enter göndərir)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send</source>
        <translation>Göndər</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the message; the answer streams in token by token (Ctrl+Enter).</source>
        <translation>Mesajı göndər; cavab token-token gəlir (Ctrl+Enter).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop</source>
        <translation>Dayandır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the answer now; the tokens so far are kept.</source>
        <translation>Cavabı indi bitir; indiyədək yaranan tokenlər saxlanılır.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace the last answer with a new one (the same one again if the seed is fixed).</source>
        <translation>Son cavabı yenisi ilə əvəz et (toxum sabitdirsə, eyni cavab alınır).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sampling</source>
        <translation>Seçmə (sampling)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How the next token is chosen from the model&apos;s probabilities. Hover a control for what it does.</source>
        <translation>Növbəti tokenin modelin ehtimallarından necə seçildiyi. Hər tənzimləyicinin nə etdiyini görmək üçün kursoru onun üzərinə gətirin.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Explain</source>
        <translation>İzah et</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explain: click a token of an answer</source>
        <translation>İzah: cavabın bir tokeninə klikləyin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shows the answers&apos; tokens as chips; click one to see the 10 candidates the model weighed at that position.</source>
        <translation>Cavabların tokenlərini çip kimi göstərir; modelin həmin mövqedə nəzərdən keçirdiyi 10 namizədi görmək üçün birinə klikləyin.</translation>
    </message>
</context>
<context>
    <name>ChatWorker</name>
    <message>
        <location filename="../ui/chat/chat_worker.cpp" line="+78"/>
        <source>No checkpoint is loaded.</source>
        <translation>Heç bir yoxlama nöqtəsi yüklənməyib.</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <location filename="../ui/chat/conversation_list.cpp" line="+38"/>
        <source>Search all messages…</source>
        <translation>Bütün mesajlarda axtar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finds messages containing every word you type, parts of words too (&quot;kitab&quot; finds &quot;kitablar&quot;).</source>
        <translation>Yazdığınız bütün sözləri, həm də söz hissələrini ehtiva edən mesajları tapır (&quot;kitab&quot; &quot;kitablar&quot;ı da tapır).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New</source>
        <translation>Yeni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new conversation (the current one stays saved).</source>
        <translation>Yeni söhbətə başla (cari söhbət saxlanılır).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename…</source>
        <translation>Adını dəyiş…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>İxrac et…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the conversation as a Markdown file.</source>
        <translation>Söhbəti Markdown faylı kimi saxla.</translation>
    </message>
    <message>
        <location line="+9"/>
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
    <name>DataPage</name>
    <message>
        <location filename="../ui/data/data_page.cpp" line="+23"/>
        <source>Data</source>
        <translation>Verilənlər</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Turn Azerbaijani text into training data: clean it, remove duplicates, train a tokenizer and write token files. Then see how the tokenizer splits your own sentences.</source>
        <translation>Azərbaycanca mətni təlim verilənlərinə çevirin: təmizləyin, təkrarları silin, tokenizator öyrədin və token fayllarını yazın. Sonra tokenizatorun öz cümlələrinizi necə böldüyünə baxın.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Tokenizer playground</source>
        <translation>Tokenizator sınağı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New dataset</source>
        <translation>Yeni verilənlər dəsti</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your datasets</source>
        <translation>Verilənlər dəstləriniz</translation>
    </message>
</context>
<context>
    <name>ExplainChart</name>
    <message>
        <location filename="../ui/chat/explain_chart.cpp" line="+29"/>
        <source>probability (%)</source>
        <translation>ehtimal (%)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>model (temperature 1)</source>
        <translation>model (temperatur 1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sampled with your settings</source>
        <translation>ayarlarınızla seçilən</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Turn on Explain and click
a token of an answer.</source>
        <translation>“İzah et”i açın və cavabın
bir tokeninə klikləyin.</translation>
    </message>
</context>
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
</context>
<context>
    <name>LessonsPage</name>
    <message>
        <location filename="../ui/lessons/lessons_page.cpp" line="+28"/>
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
        <location line="+93"/>
        <source>I have finished this lesson</source>
        <translation>Bu dərsi bitirdim</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>My notes for this lesson (saved automatically)</source>
        <translation>Bu dərs üçün qeydlərim (avtomatik saxlanılır)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 of %2 days done · bold lessons are written out in full</source>
        <translation>%2 gündən %1 gün bitib · qalın şriftli dərslər tam yazılıb</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Day %1 of %2 · exercise on the %3 screen</source>
        <translation>Gün %1 / %2 · tapşırıq %3 ekranında</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Try it:</source>
        <translation>Sınayın:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opens the %1 screen</source>
        <translation>%1 ekranını açır</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="+28"/>
        <source>Az-LLM Studio — %1</source>
        <translation>Az-LLM Studio — %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Lessons</source>
        <translation>Dərslər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The 50-day course, day by day (Ctrl+1)</source>
        <translation>50 günlük kurs, gün-gün (Ctrl+1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>Verilənlər</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train</source>
        <translation>Təlim</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Import text, clean it, train a tokenizer (Ctrl+2)</source>
        <translation>Mətn idxal edin, təmizləyin, tokenizator öyrədin (Ctrl+2)</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Chat</source>
        <translation>Çat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talk to a checkpoint and see its probabilities (Ctrl+5)</source>
        <translation>Yoxlama nöqtəsi ilə danışın və onun ehtimallarını görün (Ctrl+5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roadmap</source>
        <translation>Yol xəritəsi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan your next 3-6 months (Ctrl+6)</source>
        <translation>Növbəti 3-6 ayınızı planlayın (Ctrl+6)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&amp;File</source>
        <translation>&amp;Fayl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open workspace folder</source>
        <translation>İş sahəsi qovluğunu aç</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>Çı&amp;xış</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Görünüş</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>&amp;Kömək</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Az-LLM Studio</source>
        <translation>Az-LLM Studio &amp;haqqında</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Az-LLM Studio</source>
        <translation>Az-LLM Studio haqqında</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Az-LLM Studio&lt;/b&gt;&lt;p&gt;Build an Azerbaijani GPT from scratch: data, tokenizer, model size, pretraining, and what comes after.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Az-LLM Studio&lt;/b&gt;&lt;p&gt;Azərbaycanca GPT-ni sıfırdan qurun: verilənlər, tokenizator, modelin ölçüsü, ilkin təlim və sonrakı mərhələlər.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device: %1 · %2 threads</source>
        <translation>Cihaz: %1 · %2 axın</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace: %1</source>
        <translation>İş sahəsi: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Idle</source>
        <translation>Gözləmədə</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Running: %1</source>
        <translation>İcra olunur: %1</translation>
    </message>
    <message>
        <location line="+55"/>
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
    <name>MessageView</name>
    <message>
        <location filename="../ui/chat/message_view.cpp" line="+49"/>
        <source>Copy</source>
        <translation>Kopyala</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy this message to the clipboard.</source>
        <translation>Bu mesajı mübadilə buferinə kopyala.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit</source>
        <translation>Redaktə et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put this message back in the input box; sending it replaces it and everything after it.</source>
        <translation>Bu mesajı yenidən giriş sahəsinə qoy; göndərəndə o, özünü və ondan sonrakı hər şeyi əvəz edir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Regenerate</source>
        <translation>Yenidən yarat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ask the model for this answer again.</source>
        <translation>Bu cavabı modeldən yenidən istə.</translation>
    </message>
</context>
<context>
    <name>MetricChart</name>
    <message>
        <location filename="../ui/train/metric_chart.cpp" line="+10"/>
        <source>step</source>
        <translation>addım</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <location filename="../ui/model/model_page.cpp" line="+36"/>
        <source>Heads that divide %1 evenly near %2: %3 or %4.</source>
        <translation>%2 yaxınlığında %1 ədədini tam bölən başlıq sayları: %3 və ya %4.</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>Measuring: a few training steps of az-tiny…</source>
        <translation>Ölçülür: az-tiny ilə bir neçə təlim addımı…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Measure again</source>
        <translation>Yenidən ölç</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trains at %1 (%2 tokens/s on az-tiny, %3).</source>
        <translation>Təlim sürəti: %1 (az-tiny ilə %2 token/s, %3).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The measurement failed: %1</source>
        <translation>Ölçmə alınmadı: %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 parameters</source>
        <translation>%1 parametr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exactly %1 trainable numbers.</source>
        <translation>Dəqiq %1 öyrədilən ədəd.</translation>
    </message>
    <message>
        <location line="+43"/>
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
        <location filename="../ui/model/model_page_layout.cpp" line="+84"/>
        <source>Course presets</source>
        <translation>Kurs şablonları</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a preset to load it, or shape your own model below; every figure updates as you type. Parameter counts are exact, so a preset&apos;s name may round: see the Note column.</source>
        <translation>Şablonu yükləmək üçün üzərinə klikləyin və ya aşağıda öz modelinizi qurun; yazdıqca bütün rəqəmlər yenilənir. Parametr sayları dəqiqdir, şablonun adı isə yuvarlaqlaşdırılmış ola bilər: Qeyd sütununa baxın.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Train this model →</source>
        <translation>Bu modeli öyrət →</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the Train screen with this model&apos;s shape.</source>
        <translation>Təlim ekranını bu modelin quruluşu ilə açır.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Your model</source>
        <translation>Modeliniz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vocabulary</source>
        <translation>Lüğət</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of tokens your tokenizer knows; each gets a row of n_embd numbers, shared with the output layer.</source>
        <translation>Tokenizatorunuzun tanıdığı tokenlərin sayı; hər tokenə n_embd ədəddən ibarət bir sətir düşür və bu cədvəl çıxış qatı ilə paylaşılır.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Context length</source>
        <translation>Kontekst uzunluğu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest sequence the model reads at once; each position has its own learned embedding.</source>
        <translation>Modelin bir dəfəyə oxuduğu ən uzun ardıcıllıq; hər mövqenin öz öyrənilən embedding-i var.</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+1"/>
        <source>Heads (n_head)</source>
        <translation>Başlıqlar (n_head)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention heads per block; n_embd must split evenly between them.</source>
        <translation>Hər blokdakı diqqət başlıqları; n_embd onlar arasında bərabər bölünməlidir.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fraction of activations zeroed while training; 0 is right for pretraining, 0.1 helps when data is small. Adds memory for masks.</source>
        <translation>Təlim zamanı sıfırlanan aktivasiyaların payı; ilkin təlim üçün 0 uyğundur, verilənlər az olanda 0.1 kömək edir. Maskalar üçün əlavə yaddaş tələb edir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Training run</source>
        <translation>Təlim prosesi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sequences per optimizer step; activation memory grows with it.</source>
        <translation>Optimizatorun bir addımındakı ardıcıllıqların sayı; aktivasiya yaddaşı onunla birgə artır.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tokens per training sequence, at most the context length; attention memory grows with its square.</source>
        <translation>Bir təlim ardıcıllığındakı tokenlərin sayı, ən çox kontekst uzunluğu qədər; diqqət yaddaşı onun kvadratı ilə artır.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> M tokens</source>
        <translation> mln token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many tokens training will read in total (all epochs).</source>
        <translation>Təlimin ümumilikdə oxuyacağı tokenlərin sayı (bütün epoxalar).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the compute-optimal budget</source>
        <translation>Optimal büdcəni tətbiq et</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+3"/>
        <source>About 20 tokens per parameter trains the best model for a fixed amount of compute (Chinchilla).</source>
        <translation>Hər parametrə təxminən 20 token verilmiş hesablama həcmində ən yaxşı modeli öyrədir (Chinchilla).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This machine</source>
        <translation>Bu kompüter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure this machine</source>
        <translation>Bu kompüteri ölç</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Times a few real training steps of az-tiny (batch 8, context 64) to learn how many FLOP/s this machine achieves.</source>
        <translation>Bu kompüterin neçə FLOP/s verdiyini öyrənmək üçün az-tiny ilə bir neçə real təlim addımının (paket 8, kontekst 64) vaxtını ölçür.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Training speed measured on this machine, in FLOPs per second.</source>
        <translation>Bu kompüterdə ölçülmüş təlim sürəti, saniyədə FLOP ilə.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not measured yet.</source>
        <translation>Hələ ölçülməyib.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Parameters</source>
        <translation>Parametrlər</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every trainable number in the model, counted exactly.</source>
        <translation>Modeldəki bütün öyrədilən ədədlər, dəqiq sayılıb.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where the parameters live: the token and position tables, attention, the MLPs and the LayerNorms.</source>
        <translation>Parametrlərin yeri: token və mövqe cədvəlləri, diqqət, MLP-lər və LayerNorm-lar.</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <translation>Çəkilər təlimdə saxlandığı kimi, 32 bitlik sürüşkən nöqtəli ədədlərlə.</translation>
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
        <location line="+1"/>
        <source>int8</source>
        <translation>int8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matrices as 8-bit integers with one fp32 scale per row; biases and norms stay fp32.</source>
        <translation>Matrislər 8 bitlik tam ədədlərlə, hər sətrə bir fp32 miqyas; sürüşmələr (bias) və normlar fp32 qalır.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compute</source>
        <translation>Hesablama</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training, per token</source>
        <translation>Təlim, token başına</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward and backward pass for one token at the sequence length: about 6 FLOPs per parameter plus attention.</source>
        <translation>Ardıcıllıq uzunluğunda bir token üçün irəli və geri keçid: hər parametrə təxminən 6 FLOP, üstəgəl diqqət.</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+16"/>
        <source>Where it fits</source>
        <translation>Harada sığır</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+31"/>
        <source>Weights</source>
        <translation>Çəkilər</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+32"/>
        <source>The model itself, 4 bytes per parameter.</source>
        <translation>Modelin özü, hər parametrə 4 bayt.</translation>
    </message>
    <message>
        <location line="-31"/>
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
        <location line="+1"/>
        <location line="+30"/>
        <source>Total</source>
        <translation>Cəmi</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Everything one training step holds at its peak.</source>
        <translation>Bir təlim addımının pik anda tutduğu hər şey.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Inference memory (fp32, batch 1)</source>
        <translation>İnferens yaddaşı (fp32, paket 1)</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <translation>Çəkilər, KV keşi və lüğət üzrə bir sətir bal.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/studio/main.cpp" line="+66"/>
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
        <location line="+18"/>
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
    <name>RoadmapPage</name>
    <message>
        <location filename="../ui/roadmap/roadmap_page.cpp" line="+85"/>
        <source>Timeline</source>
        <translation>Zaman xətti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List</source>
        <translation>Siyahı</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Roadmap:</source>
        <translation>Yol xəritəsi:</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+0"/>
        <source>An empty roadmap with a title and a 3-6 month horizon</source>
        <translation>Başlığı və 3-6 aylıq üfüqü olan boş yol xəritəsi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title and dates…</source>
        <translation>Başlıq və tarixlər…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title, start date and horizon of this roadmap</source>
        <translation>Bu yol xəritəsinin başlığı, başlama tarixi və üfüqü</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Markdown…</source>
        <translation>Markdown kimi ixrac et…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save this roadmap as a Markdown file</source>
        <translation>Bu yol xəritəsini Markdown faylı kimi saxla</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+5"/>
        <source>Done milestones and imported sources over all of them</source>
        <translation>Bitmiş mərhələlər və idxal olunmuş mənbələrin ümumi saya nisbəti</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+16"/>
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
        <location line="+1"/>
        <location line="+233"/>
        <source>Mark done</source>
        <translation>Tamamla</translation>
    </message>
    <message>
        <location line="-232"/>
        <location line="+220"/>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <location line="-219"/>
        <source>Deletes the selected item, or the roadmap when nothing is selected; Undo delete brings it back</source>
        <translation>Seçilmiş elementi, heç nə seçilməyibsə yol xəritəsini silir; “Silməni geri al” onu qaytarır</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a goal to add milestones or sources to it; double-click an item to edit it.</source>
        <translation>Seçilmiş məqsədə mərhələ və ya mənbə əlavə edin; redaktə üçün iki dəfə klikləyin.</translation>
    </message>
    <message>
        <location line="+52"/>
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
    <name>RunHistoryView</name>
    <message>
        <location filename="../ui/train/run_history_view.cpp" line="+67"/>
        <source>Run</source>
        <translation>Proses</translation>
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
        <translation>Ən yaxşı validasiya</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Vəziyyət</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>Başlayıb</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tick runs to overlay their curves and compare their settings</source>
        <translation>Əyrilərini üst-üstə qoyub ayarlarını müqayisə etmək üçün təlim proseslərini işarələyin</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Runs compared</source>
        <translation>Müqayisə olunan proseslər</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>loss</source>
        <translation>itki</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export chart as PNG…</source>
        <translation>Qrafiki PNG kimi ixrac et…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export chart as PDF…</source>
        <translation>Qrafiki PDF kimi ixrac et…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG image (*.png)</source>
        <translation>PNG şəkli (*.png)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF sənədi (*.pdf)</translation>
    </message>
    <message>
        <location line="+74"/>
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
    <name>SamplingPanel</name>
    <message>
        <location filename="../ui/chat/sampling_panel.cpp" line="+69"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ehtimalları kəskinləşdirir (1-dən aşağı) və ya düzləşdirir (1-dən yuxarı); 0 hər dəfə ən ehtimallı tokeni seçir.
Sharpens (below 1) or flattens (above 1) the probabilities; 0 always picks the most likely token.</source>
        <translation>Ehtimalları kəskinləşdirir (1-dən aşağı) və ya düzləşdirir (1-dən yuxarı); 0 hər dəfə ən ehtimallı tokeni seçir.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yalnız ən ehtimallı k token arasından seçir; 0 hamısını saxlayır.
Samples only among the k most likely tokens; 0 keeps them all.</source>
        <translation>Yalnız ən ehtimallı k token arasından seçir; 0 hamısını saxlayır.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ehtimalları cəmi p-yə çatan ən kiçik token dəstindən seçir; 1 hamısını saxlayır.
Samples from the smallest set of likely tokens whose probabilities add up to p; 1 keeps them all.</source>
        <translation>Ehtimalları cəmi p-yə çatan ən kiçik token dəstindən seçir; 1 hamısını saxlayır.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Repetition penalty</source>
        <translation>Təkrar cəzası</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mətndə artıq olan tokenləri daha az ehtimallı edir; 1 söndürür.
Makes tokens already in the text less likely; 1 turns it off.</source>
        <translation>Mətndə artıq olan tokenləri daha az ehtimallı edir; 1 söndürür.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cavab ən çoxu bu qədər tokendən ibarət olur.
The answer is at most this many tokens long.</source>
        <translation>Cavab ən çoxu bu qədər tokendən ibarət olur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max new tokens</source>
        <translation>Maks. yeni token</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Eyni toxum, model və parametrlər eyni cavabı verir.
The same seed, model and settings give the same answer.</source>
        <translation>Eyni toxum, model və parametrlər eyni cavabı verir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New seed each answer</source>
        <translation>Hər cavaba yeni toxum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hər cavab üçün yeni təsadüfi toxum götürür (istifadə olunan toxum cavabın altında göstərilir).
Picks a fresh random seed for every answer (the seed used is shown under the answer).</source>
        <translation>Hər cavab üçün yeni təsadüfi toxum götürür (istifadə olunan toxum cavabın altında göstərilir).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seed</source>
        <translation>Toxum</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <location filename="../ui/train/train_page.cpp" line="+110"/>
        <source>step %v of %m</source>
        <translation>addım %v / %m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a dataset and a model, then press Start.</source>
        <translation>Verilənlər dəsti və model seçin, sonra “Başla” düyməsini basın.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Token shards prepared on the Data screen</source>
        <translation>Verilənlər ekranında hazırlanmış token hissələri (shard)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model&apos;s shape; the Model screen shows what each costs</source>
        <translation>Modelin quruluşu; hər birinin nəyə başa gəldiyini Model ekranı göstərir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens per training window; at most the model&apos;s context</source>
        <translation>Bir təlim pəncərəsindəki tokenlərin sayı; ən çox modelin konteksti qədər</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Peak learning rate, reached after warmup and then decayed along a cosine</source>
        <translation>Pik öyrənmə sürəti: isinmədən sonra ona çatılır, sonra kosinus üzrə azalır</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Validation loss every N steps</source>
        <translation>Validasiya itkisi hər N addımdan bir hesablanır</translation>
    </message>
    <message>
        <location line="+20"/>
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
        <location line="+4"/>
        <source>Start</source>
        <translation>Başla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new run (Ctrl+Enter)</source>
        <translation>Yeni təlim prosesini başlat (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Fasilə</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume</source>
        <translation>Davam et</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Dayandır</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop after this step and keep a checkpoint to resume from (Ctrl+.)</source>
        <translation>Bu addımdan sonra dayandır və davam etmək üçün yoxlama nöqtəsi saxla (Ctrl+.)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Run setup</source>
        <translation>Təlim ayarları</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <translation>Ötürmə sürəti</translation>
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
        <location line="+2"/>
        <source>Log scale</source>
        <translation>Loqarifmik şkala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A logarithmic loss axis shows late, small improvements</source>
        <translation>Loqarifmik itki oxu gec gələn kiçik irəliləyişləri də göstərir</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>After each checkpoint the model continues &quot;Azərbaycan&quot;; watch its language improve.</source>
        <translation>Hər yoxlama nöqtəsindən sonra model &quot;Azərbaycan&quot; sözünü davam etdirir; dilinin necə yaxşılaşdığını izləyin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resume from here</source>
        <translation>Buradan davam et</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue the run exactly from the selected checkpoint, up to the Steps above</source>
        <translation>Təlimi seçilmiş yoxlama nöqtəsindən dəqiq davam etdir, yuxarıdakı Addımlar sayına qədər</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location line="+8"/>
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
        <location line="+11"/>
        <source>from the Model screen (%1 layers, %2 wide)</source>
        <translation>Model ekranından (%1 qat, genişlik %2)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No dataset yet: prepare one on the Data screen.</source>
        <translation>Hələ verilənlər dəsti yoxdur: onu Verilənlər ekranında hazırlayın.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>New run %1 on dataset &apos;%2&apos;.</source>
        <translation>Yeni təlim prosesi %1, verilənlər dəsti &apos;%2&apos;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot start: %1</source>
        <translation>Başlatmaq mümkün deyil: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot start training</source>
        <translation>Təlimi başlatmaq mümkün deyil</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Training…</source>
        <translation>Təlim gedir…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>training %1</source>
        <translation>təlim %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ln(vocab) = %1: a uniform guess</source>
        <translation>ln(lüğət) = %1: bərabər ehtimallı təxmin</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Could not save metrics: %1</source>
        <translation>Metrikləri saxlamaq alınmadı: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>step %1: validation loss %2</source>
        <translation>addım %1: validasiya itkisi %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>loss %1 · %2 tokens/s · %3 left</source>
        <translation>itki %1 · %2 token/s · %3 qalıb</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>step %1 · loss %2 · validation %3</source>
        <translation>addım %1 · itki %2 · validasiya %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>step %1 · loss %2</source>
        <translation>addım %1 · itki %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Training diverged.</source>
        <translation>Təlim dağıldı (itki nəzarətdən çıxdı).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training failed.</source>
        <translation>Təlim alınmadı.</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+13"/>
        <source>Paused at step %1. Resume continues exactly here.</source>
        <translation>Fasilə verildi (addım %1). “Davam et” təlimi məhz buradan davam etdirir.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Stopping after this step…</source>
        <translation>Bu addımdan sonra dayandırılır…</translation>
    </message>
    <message>
        <location line="+31"/>
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
    <name>TrainingWorker</name>
    <message>
        <location filename="../ui/train/training_worker.cpp" line="+124"/>
        <source>%1 processes train this run, %2 threads each; the others write to %3/logs.</source>
        <translation>Bu təlimi %1 proses aparır, hər birində %2 axın; digər proseslər %3/logs qovluğuna yazır.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>(no sample: %1)</source>
        <translation>(nümunə yoxdur: %1)</translation>
    </message>
</context>
<context>
    <name>azllm::ui</name>
    <message>
        <location filename="../ui/model/device_fit.cpp" line="+26"/>
        <source>NVIDIA T4 (12 GB)</source>
        <translation>NVIDIA T4 (12 GB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NVIDIA T4 (16 GB)</source>
        <translation>NVIDIA T4 (16 GB)</translation>
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
        <translation>✔ sığır</translation>
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
        <location filename="../ui/model/size_format.cpp" line="+79"/>
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
        <source>A classifier reaches accuracy of at least… (not in the studio yet)</source>
        <translation>Klassifikatorun dəqiqliyi ən azı… (studiyada hələ yoxdur)</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <translation>Üfüq:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>for example: Train a 300M model</source>
        <translation>məsələn: 300M model öyrətmək</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+78"/>
        <source>Kind:</source>
        <translation>Növ:</translation>
    </message>
    <message>
        <location line="-77"/>
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
        <location line="+76"/>
        <source>Status:</source>
        <translation>Vəziyyət:</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Loss as a number (3.2), parameters and tokens as counts (300000000), accuracy as a share (0.9).</source>
        <translation>İtki ədəd kimi (3.2), parametr və tokenlər say kimi (300000000), dəqiqlik pay kimi (0.9).</translation>
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
        <location line="+12"/>
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
    <name>azllm::ui::DataParallelPanel</name>
    <message>
        <location filename="../ui/train/data_parallel_panel.cpp" line="+124"/>
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
        <translation>Verilənlərə görə paralel təlim: hər proses hər paketin öz payını götürür, qradiyentlər isə hər addımdan sonra ortalanır. Birdən çox seçiləndə digər proseslər bu kompüterdə azllm proqramı kimi işə salınır.</translation>
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
        <location filename="../ui/data/dataset_browser.cpp" line="+61"/>
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
        <translation>Söz başına token nə qədər azdırsa, modelin kontekstinə bir o qədər çox mətn sığır; bayt ehtiyatı lüğətdə olmayan simvolları sayır.</translation>
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
        <location line="+3"/>
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
        <location line="+45"/>
        <source>Documents</source>
        <translation>Sənədlər</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Most frequent pieces</source>
        <translation>Ən çox rast gəlinən parçalar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Input that was skipped</source>
        <translation>Buraxılmış girişlər</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+10"/>
        <source>No datasets yet. Add text under “New dataset” and press “Prepare dataset”.</source>
        <translation>Hələ verilənlər dəsti yoxdur. “Yeni verilənlər dəsti” bölməsində mətn əlavə edin və “Verilənlər dəstini hazırla” düyməsini basın.</translation>
    </message>
    <message>
        <location line="+31"/>
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
        <location filename="../ui/model/device_fit_table.cpp" line="+62"/>
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
        <location line="+23"/>
        <source>Nominal memory; the GPU driver and framework keep roughly 0.5-1 GiB for themselves, so a close fit may still fail.</source>
        <translation>Nominal yaddaş; GPU drayveri və freymvork özləri üçün təxminən 0.5-1 GiB saxlayır, ona görə güclə sığan model yenə də sığmaya bilər.</translation>
    </message>
    <message>
        <location line="+12"/>
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
    <name>azllm::ui::ParameterChart</name>
    <message>
        <location filename="../ui/model/parameter_chart.cpp" line="+29"/>
        <source>Embeddings</source>
        <translation>Embedding-lər</translation>
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
        <translation>Normlar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>parameters (millions)</source>
        <translation>parametrlər (milyon)</translation>
    </message>
    <message>
        <location line="+16"/>
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
    <name>azllm::ui::PreparePanel</name>
    <message>
        <location filename="../ui/data/prepare_panel.cpp" line="+121"/>
        <source>1.  Text to learn from</source>
        <translation>1.  Öyrənmək üçün mətn</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import files…</source>
        <translation>Faylları idxal et…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import folder…</source>
        <translation>Qovluğu idxal et…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the sample corpus</source>
        <translation>Nümunə korpusu əlavə et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Çıxar</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Plain text (.txt, .md), JSON lines (.jsonl, one document per line) and web pages (.html). Files must be UTF-8. You can also drop files and folders here.</source>
        <translation>Sadə mətn (.txt, .md), JSON sətirləri (.jsonl, hər sətirdə bir sənəd) və veb səhifələr (.html). Fayllar UTF-8 kodlaşdırmasında olmalıdır. Faylları və qovluqları bura sürükləyib ata da bilərsiniz.</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+4"/>
        <source>BPE (recommended; what llama.cpp expects)</source>
        <translation>BPE (tövsiyə olunur; llama.cpp bunu gözləyir)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unigram</source>
        <translation>Unigram</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> % of documents</source>
        <translation> % sənəd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transliterate Cyrillic-script Azerbaijani to Latin</source>
        <translation>Kiril əlifbalı azərbaycanca mətni latın əlifbasına çevir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One document per paragraph (blank-line separated)</source>
        <translation>Hər abzas ayrıca sənəddir (boş sətirlə ayrılır)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>8,000 suits a few MB of text, 32,000 hundreds of MB.</source>
        <translation>8 000 bir neçə MB mətn üçün, 32 000 isə yüzlərlə MB üçün uyğundur.</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+8"/>
        <source>3.  Clean, train the tokenizer, write token files</source>
        <translation>3.  Təmizlə, tokenizatoru öyrət, token fayllarını yaz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepare dataset</source>
        <translation>Verilənlər dəstini hazırla</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Ləğv et</translation>
    </message>
    <message>
        <location line="+47"/>
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
        <location line="+3"/>
        <source>A dataset called “%1” already exists: choose another name.</source>
        <translation>“%1” adlı verilənlər dəsti artıq var: başqa ad seçin.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import text files</source>
        <translation>Mətn fayllarını idxal et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text corpora (*.txt *.md *.markdown *.jsonl *.html *.htm);;All files (*)</source>
        <translation>Mətn korpusları (*.txt *.md *.markdown *.jsonl *.html *.htm);;Bütün fayllar (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import a folder of texts</source>
        <translation>Mətnlər olan qovluğu idxal et</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Cancelling…</source>
        <translation>Ləğv edilir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelling the preparation of “%1”…</source>
        <translation>“%1” hazırlığı ləğv edilir…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reading, cleaning and removing duplicates</source>
        <translation>Oxunur, təmizlənir, təkrarlar silinir</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>: %1 of %2</source>
        <translation>: %1 / %2</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Training the tokenizer on %1 (no progress to show; large corpora take minutes)</source>
        <translation>Tokenizator %1 üzərində öyrədilir (irəliləyiş göstərilmir; böyük korpuslar dəqiqələr çəkir)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+39"/>
        <source>%1 document</source>
        <translation>%1 sənəd</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+40"/>
        <source>%1 documents</source>
        <translation>%1 sənəd</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Writing token files</source>
        <translation>Token faylları yazılır</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finishing</source>
        <translation>Tamamlanır</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step %1 of 3 · %2</source>
        <translation>Mərhələ %1/3 · %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preparing “%1”: %2</source>
        <translation>“%1” hazırlanır: %2</translation>
    </message>
    <message>
        <location line="+16"/>
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
        <location filename="../ui/model/preset_table.cpp" line="+64"/>
        <source>named %1 but really %2 parameters</source>
        <translation>adı %1, əslində %2 parametr</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <translation>Embedding genişliyi: bütün bloklarda eynidir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of transformer blocks.</source>
        <translation>Transformer bloklarının sayı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention heads per block.</source>
        <translation>Hər blokdakı diqqət başlıqları.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Click a preset to load it into the form below.</source>
        <translation>Şablonu aşağıdakı formaya yükləmək üçün üzərinə klikləyin.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 parameters exactly</source>
        <translation>dəqiq %1 parametr</translation>
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
    <name>azllm::ui::TokenizerPlayground</name>
    <message>
        <location filename="../ui/data/tokenizer_playground.cpp" line="+49"/>
        <source>Tokenizer of dataset:</source>
        <translation>Verilənlər dəstinin tokenizatoru:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type or paste Azerbaijani text here…</source>
        <translation>Azərbaycanca mətni bura yazın və ya yapışdırın…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Each coloured chip is one token. ▁ marks the start of a word; dashed orange chips are byte fallback (a character the vocabulary lacks, spelled byte by byte). Hover a chip to see its id.</source>
        <translation>Hər rəngli çip bir tokendir. ▁ sözün başlanğıcını göstərir; qırıq xətli narıncı çiplər bayt ehtiyatıdır (byte fallback: lüğətdə olmayan simvol bayt-bayt yazılır). Çipin id-sini görmək üçün kursoru onun üzərinə gətirin.</translation>
    </message>
    <message>
        <location line="+81"/>
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
</TS>
