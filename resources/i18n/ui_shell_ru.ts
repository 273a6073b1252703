<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../casefile/ui/controller.py" line="+273"/>
        <source>Deleted %n document(s).</source>
        <translation>
            <numerusform>Удалён %n документ.</numerusform>
            <numerusform>Удалено %n документа.</numerusform>
            <numerusform>Удалено %n документов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/main_window.py" line="+211"/>
        <source>&amp;Delete %n Documents…</source>
        <translation>
            <numerusform>&amp;Удалить %n документ…</numerusform>
            <numerusform>&amp;Удалить %n документа…</numerusform>
            <numerusform>&amp;Удалить %n документов…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/main_window_cases.py" line="+54"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n документ</numerusform>
            <numerusform>%n документа</numerusform>
            <numerusform>%n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/ocr_jobs.py" line="+143"/>
        <source>Text recognised on %n page(s); {failed} could not be.</source>
        <translation>
            <numerusform>Текст распознан на %n странице; не удалось: {failed}.</numerusform>
            <numerusform>Текст распознан на %n страницах; не удалось: {failed}.</numerusform>
            <numerusform>Текст распознан на %n страницах; не удалось: {failed}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Text recognised on %n page(s).</source>
        <translation>
            <numerusform>Текст распознан на %n странице.</numerusform>
            <numerusform>Текст распознан на %n страницах.</numerusform>
            <numerusform>Текст распознан на %n страницах.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/dialogs/passwords.py" line="+53"/>
        <source>%n PDF(s) cannot be read without a password. The password is kept for this session only, never in the case.</source>
        <translation>
            <numerusform>%n PDF-файл защищён паролем. Пароль хранится только до конца сеанса и никогда не записывается в дело.</numerusform>
            <numerusform>%n PDF-файла защищены паролем. Пароль хранится только до конца сеанса и никогда не записывается в дело.</numerusform>
            <numerusform>%n PDF-файлов защищены паролем. Пароль хранится только до конца сеанса и никогда не записывается в дело.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseCommands</name>
    <message>
        <location filename="../../casefile/ui/main_window_actions.py" line="+111"/>
        <source>The case was closed; open it and try again.</source>
        <translation>Дело закрыто; откройте его и попробуйте снова.</translation>
    </message>
</context>
<context>
    <name>CaseController</name>
    <message>
        <location filename="../../casefile/ui/controller.py" line="-241"/>
        <source>Updating the search index</source>
        <translation>Обновление поискового индекса</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rebuilding the search index…</source>
        <translation>Перестройка поискового индекса…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This case has no documents yet: import files with File → Import (Ctrl+I) or drop them on the window.</source>
        <translation>В деле пока нет документов: импортируйте файлы через Файл → Импортировать (Ctrl+I) или перетащите их в окно.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The search index was rebuilt; search is ready.</source>
        <translation>Поисковый индекс перестроен; поиск готов.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rebuilding the search index was stopped; the next search finishes it.</source>
        <translation>Перестройка поискового индекса остановлена; следующий поиск её завершит.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>This case is open read-only; nothing can be imported into it.</source>
        <translation>Дело открыто только для чтения; импортировать в него нельзя.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importing</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Verifying originals</source>
        <translation>Проверка оригиналов</translation>
    </message>
</context>
<context>
    <name>CaseLifecycle</name>
    <message>
        <location filename="../../casefile/ui/main_window_cases.py" line="-30"/>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{title} (read-only media) — Casefile</source>
        <translation>{title} (носитель только для чтения) — Casefile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title} (read-only) — Casefile</source>
        <translation>{title} (только для чтения) — Casefile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title} — Casefile</source>
        <translation>{title} — Casefile</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{documents} · {problems} with problems</source>
        <translation>{documents} · с проблемами: {problems}</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+8"/>
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Casefile case (*.casefile)</source>
        <translation>Дело Casefile (*.casefile)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case title:</source>
        <translation>Название дела:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Open case (a .casefile folder)</source>
        <translation>Открыть дело (папку .casefile)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open case archive</source>
        <translation>Открыть архив дела</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case archive (*.casezip)</source>
        <translation>Архив дела (*.casezip)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Opening the case archive “{name}”</source>
        <translation>Открытие архива дела «{name}»</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Building the demo case (a few seconds, once)…</source>
        <translation>Создание демонстрационного дела (несколько секунд, один раз)…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Opening “{name}”…</source>
        <translation>Открытие «{name}»…</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../casefile/ui/case_view.py" line="+46"/>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location line="+321"/>
        <source>Choose a result to read it here.</source>
        <translation>Выберите результат, чтобы прочитать его здесь.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a document to read it here.</source>
        <translation>Выберите документ, чтобы прочитать его здесь.</translation>
    </message>
</context>
<context>
    <name>JobWidget</name>
    <message>
        <location filename="../../casefile/ui/job_widget.py" line="+29"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop this job. What is already done is kept; it cannot be undone.</source>
        <translation>Остановить задачу. Уже сделанное сохраняется; отменить его нельзя.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{job}: stopping after the current file…</source>
        <translation>{job}: остановка после текущего файла…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{job} {done} of {total}</source>
        <translation>{job}: {done} из {total}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{job} (+{n} waiting)</source>
        <translation>{job} (ещё в очереди: {n})</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <location filename="../../casefile/ui/language_switch.py" line="+102"/>
        <source>The interface will switch to {language} when “{job}” ends, so that nothing it does is lost. You can keep working meanwhile, or restart Casefile.</source>
        <translation>Язык интерфейса сменится на «{language}», когда закончится задача «{job}», чтобы ничего из её работы не потерялось. Пока можно продолжать работу или перезапустить Casefile.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The interface will switch to {language} as soon as the case is open.</source>
        <translation>Язык интерфейса сменится на «{language}», как только дело откроется.</translation>
    </message>
</context>
<context>
    <name>MainToolbar</name>
    <message>
        <location filename="../../casefile/ui/main_toolbar.py" line="+29"/>
        <source>Main</source>
        <translation>Основная</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Search the case (Ctrl+F)… e.g. санкции AND Helix</source>
        <translation>Поиск (Ctrl+F)… например, санкции AND Helix</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../casefile/ui/main_window.py" line="-120"/>
        <source>Open &amp;Recent</source>
        <translation>Пос&amp;ледние дела</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>No recent cases</source>
        <translation>Нет последних дел</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Open or create a case first, then drop files on it.</source>
        <translation>Сначала откройте или создайте дело, затем перетащите на него файлы.</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../casefile/ui/navigator.py" line="+41"/>
        <source>Navigator</source>
        <translation>Навигатор</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved searches</source>
        <translation>Сохранённые поиски</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Documents  {n}</source>
        <translation>Документы  {n}</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+10"/>
        <source>None yet</source>
        <translation>Пока нет</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Search, then Edit → Save Search… (Ctrl+Shift+S) keeps it here.</source>
        <translation>Выполните поиск, затем Правка → Сохранить поиск… (Ctrl+Shift+S) — и он появится здесь.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tags added in the metadata panel appear here.</source>
        <translation>Здесь появляются метки, добавленные на панели метаданных.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rename saved search</source>
        <translation>Переименовать сохранённый поиск</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deleted the saved search “{name}”; Edit → Undo brings it back.</source>
        <translation>Сохранённый поиск «{name}» удалён; Правка → Отменить вернёт его.</translation>
    </message>
</context>
<context>
    <name>OcrJobs</name>
    <message>
        <location filename="../../casefile/ui/ocr_jobs.py" line="-117"/>
        <source>Recognising text</source>
        <translation>Распознавание текста</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>This case is open read-only; its text cannot be recognised.</source>
        <translation>Дело открыто только для чтения; распознать в нём текст нельзя.</translation>
    </message>
</context>
<context>
    <name>PasswordRows</name>
    <message>
        <location filename="../../casefile/ui/dialogs/passwords.py" line="+9"/>
        <source>Try on all</source>
        <translation>Применить ко всем</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One password for all of them</source>
        <translation>Один пароль для всех</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password to try on every locked PDF</source>
        <translation>Пароль для всех защищённых PDF-файлов</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Read</source>
        <translation>Прочитать</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password of {name}</source>
        <translation>Пароль для {name}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Reading…</source>
        <translation>Чтение…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Read with the password.</source>
        <translation>Прочитан с паролем.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read: {status}</source>
        <translation>Прочитан: {status}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wrong password; try again.</source>
        <translation>Неверный пароль; попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>PdfWindow</name>
    <message>
        <location filename="../../casefile/ui/dialogs/pdf_window.py" line="+21"/>
        <source>{name} — Casefile</source>
        <translation>{name} — Casefile</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>“{name}” could not be opened as a PDF.</source>
        <translation>Не удалось открыть «{name}» как PDF.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../casefile/ui/dialogs/preferences.py" line="+28"/>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System ({language})</source>
        <translation>Как в системе ({language})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Interface &amp;language:</source>
        <translation>&amp;Язык интерфейса:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The window is rebuilt in the new language at once; the open case stays open. While an import, recognition or export runs, the switch waits until it ends.</source>
        <translation>Окно сразу перестраивается на новом языке; открытое дело остаётся открытым. Если идёт импорт, распознавание или экспорт, смена языка дождётся его окончания.</translation>
    </message>
</context>
<context>
    <name>QueryHelp</name>
    <message>
        <location filename="../../casefile/ui/dialogs/query_help.py" line="+9"/>
        <source>
&lt;h3&gt;Searching a case&lt;/h3&gt;
&lt;p&gt;Words find their other forms in Russian and English: &lt;b&gt;распознавание&lt;/b&gt; also finds
&lt;i&gt;распознавания&lt;/i&gt;, &lt;b&gt;Газпром&lt;/b&gt; finds &lt;i&gt;Газпрома&lt;/i&gt;; &lt;b&gt;sanction&lt;/b&gt; finds
&lt;i&gt;sanctions&lt;/i&gt;. Case does not matter; the form you typed ranks first. A document
matches when the whole document has the words (they may be on different pages).&lt;/p&gt;
&lt;table cellpadding=&quot;4&quot;&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;Helix OkoVision&lt;/code&gt;&lt;/td&gt;&lt;td&gt;both words (AND is the default)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;&quot;face recognition&quot;&lt;/code&gt;&lt;/td&gt;&lt;td&gt;the exact phrase (within one page)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;санкции OR sanctions&lt;/code&gt;&lt;/td&gt;&lt;td&gt;either word&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;Helix NOT Amazon&lt;/code&gt;, &lt;code&gt;Helix -Amazon&lt;/code&gt;&lt;/td&gt;&lt;td&gt;leave out documents
with a word&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;face-recognition&lt;/code&gt;&lt;/td&gt;&lt;td&gt;hyphenated words, as written (a hyphen
inside a word never excludes)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;recogn*&lt;/code&gt;&lt;/td&gt;&lt;td&gt;words beginning so&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;kind:court_filing&lt;/code&gt;&lt;/td&gt;&lt;td&gt;one kind of document&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;tag:sanctions&lt;/code&gt;&lt;/td&gt;&lt;td&gt;documents with a tag&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;title:claim&lt;/code&gt;&lt;/td&gt;&lt;td&gt;a word in the title&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;notes:harbour&lt;/code&gt;&lt;/td&gt;&lt;td&gt;a word in your notes&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;from:bob@example.com&lt;/code&gt;, &lt;code&gt;to:carol&lt;/code&gt;, &lt;code&gt;cc:&lt;/code&gt;,
&lt;code&gt;subject:&lt;/code&gt;&lt;/td&gt;&lt;td&gt;e-mail headers&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;https://example.com/page&lt;/code&gt;&lt;/td&gt;&lt;td&gt;a pasted link is searched as text&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;date:[2023 TO 2024-06]&lt;/code&gt;&lt;/td&gt;&lt;td&gt;documents dated in a range&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;language:ru&lt;/code&gt;&lt;/td&gt;&lt;td&gt;documents in Russian&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
&lt;p&gt;Click a facet (kind, year, language, tag) beside the results to narrow them; click
it again to remove it. &lt;b&gt;Save search&lt;/b&gt; (Ctrl+Shift+S) keeps the query in the navigator.
In the viewer, &lt;b&gt;F3&lt;/b&gt; / &lt;b&gt;Shift+F3&lt;/b&gt; move to the next / previous hit.&lt;/p&gt;
</source>
        <translation>
&lt;h3&gt;Поиск по делу&lt;/h3&gt;
&lt;p&gt;Слова находятся и в других формах, по-русски и по-английски: &lt;b&gt;распознавание&lt;/b&gt; находит и
&lt;i&gt;распознавания&lt;/i&gt;, &lt;b&gt;Газпром&lt;/b&gt; — &lt;i&gt;Газпрома&lt;/i&gt;; &lt;b&gt;sanction&lt;/b&gt; — &lt;i&gt;sanctions&lt;/i&gt;.
Регистр букв не важен; форма, которую вы ввели, идёт первой. Документ подходит, если
слова есть во всём документе (они могут быть на разных страницах).&lt;/p&gt;
&lt;table cellpadding=&quot;4&quot;&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;Helix OkoVision&lt;/code&gt;&lt;/td&gt;&lt;td&gt;оба слова (AND подразумевается)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;&quot;face recognition&quot;&lt;/code&gt;&lt;/td&gt;&lt;td&gt;точная фраза (в пределах одной страницы)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;санкции OR sanctions&lt;/code&gt;&lt;/td&gt;&lt;td&gt;любое из слов&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;Helix NOT Amazon&lt;/code&gt;, &lt;code&gt;Helix -Amazon&lt;/code&gt;&lt;/td&gt;&lt;td&gt;исключить документы
со словом&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;face-recognition&lt;/code&gt;&lt;/td&gt;&lt;td&gt;слова через дефис, как написаны (дефис
внутри слова никогда не исключает)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;recogn*&lt;/code&gt;&lt;/td&gt;&lt;td&gt;слова, начинающиеся так&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;kind:court_filing&lt;/code&gt;&lt;/td&gt;&lt;td&gt;документы одного вида&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;tag:sanctions&lt;/code&gt;&lt;/td&gt;&lt;td&gt;документы с меткой&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;title:claim&lt;/code&gt;&lt;/td&gt;&lt;td&gt;слово в названии&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;notes:harbour&lt;/code&gt;&lt;/td&gt;&lt;td&gt;слово в ваших заметках&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;from:bob@example.com&lt;/code&gt;, &lt;code&gt;to:carol&lt;/code&gt;, &lt;code&gt;cc:&lt;/code&gt;,
&lt;code&gt;subject:&lt;/code&gt;&lt;/td&gt;&lt;td&gt;заголовки писем&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;https://example.com/page&lt;/code&gt;&lt;/td&gt;&lt;td&gt;вставленная ссылка ищется как текст&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;date:[2023 TO 2024-06]&lt;/code&gt;&lt;/td&gt;&lt;td&gt;документы с датой в диапазоне&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;language:ru&lt;/code&gt;&lt;/td&gt;&lt;td&gt;документы на русском языке&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
&lt;p&gt;Щёлкните фильтр (вид, год, язык, метка) рядом с результатами, чтобы сузить их; щёлкните
ещё раз, чтобы снять его. &lt;b&gt;Сохранить поиск&lt;/b&gt; (Ctrl+Shift+S) оставляет запрос в навигаторе.
В просмотре &lt;b&gt;F3&lt;/b&gt; / &lt;b&gt;Shift+F3&lt;/b&gt; переходят к следующему / предыдущему совпадению.&lt;/p&gt;
</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Search syntax</source>
        <translation>Синтаксис поиска</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../casefile/ui/dialogs/start_page.py" line="+27"/>
        <source>someone</source>
        <translation>кто-то</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>another computer</source>
        <translation>другом компьютере</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{user} on {host}</source>
        <translation>{user} на {host}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>process {pid}</source>
        <translation>процесс {pid}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>since {time}</source>
        <translation>с {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{holder} ({details})</source>
        <translation>{holder} ({details})</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Case files for investigators: import, search, cite. Works offline.</source>
        <translation>Дела для расследователей: импорт, поиск, ссылки на источники. Работает без сети.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;New case…</source>
        <translation>&amp;Новое дело…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open case…</source>
        <translation>&amp;Открыть дело…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;demo case</source>
        <translation>Открыть &amp;демо-дело</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open &amp;read-only</source>
        <translation>Открыть только для &amp;чтения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Try again</source>
        <translation>Попробовать &amp;снова</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Recent cases</source>
        <translation>Последние дела</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;Recent cases&lt;/b&gt;</source>
        <translation>&lt;b&gt;Последние дела&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No recent cases yet.</source>
        <translation>Последних дел пока нет.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;“{case}” is open elsewhere.&lt;/b&gt;&lt;br&gt;It is in use by &lt;b&gt;{holder}&lt;/b&gt;. Only one program at a time may change a case. Close it there, or open it read-only to look without changing anything.</source>
        <translation>&lt;b&gt;Дело «{case}» открыто в другом месте.&lt;/b&gt;&lt;br&gt;Его использует &lt;b&gt;{holder}&lt;/b&gt;. Изменять дело может только одна программа одновременно. Закройте его там или откройте только для чтения, чтобы посмотреть, ничего не меняя.</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <location filename="../../casefile/ui/dialogs/about.py" line="+18"/>
        <source>About Casefile</source>
        <translation>О программе Casefile</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offline case files for investigators. Nothing you do here leaves this computer.&lt;br&gt;&lt;br&gt;Licence: Apache-2.0. Built with Qt for Python (PySide6 {pyside}, LGPL-3.0), SQLAlchemy, Whoosh and pypdf.&lt;br&gt;&lt;br&gt;Qt {qt} · Python {python}</source>
        <translation>Дела для расследователей без подключения к сети. Ничто из того, что вы здесь делаете, не покидает этот компьютер.&lt;br&gt;&lt;br&gt;Лицензия: Apache-2.0. Создано с Qt for Python (PySide6 {pyside}, LGPL-3.0), SQLAlchemy, Whoosh и pypdf.&lt;br&gt;&lt;br&gt;Qt {qt} · Python {python}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../casefile/ui/app.py" line="+40"/>
        <source>Casefile desktop app</source>
        <translation>Настольное приложение Casefile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a .casefile folder (or its case.sqlite) to open, or a .casezip case archive to unpack beside it and open</source>
        <translation>папка .casefile (или её case.sqlite), которую нужно открыть, или архив дела .casezip, который нужно распаковать рядом и открыть</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>open the demo case</source>
        <translation>открыть демонстрационное дело</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open the case read-only</source>
        <translation>открыть дело только для чтения</translation>
    </message>
</context>
<context>
    <name>folders</name>
    <message>
        <location filename="../../casefile/ui/dialogs/folders.py" line="+35"/>
        <source>Import folders (Ctrl-click to choose several)</source>
        <translation>Импорт папок (Ctrl+щелчок — выбрать несколько)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Import files</source>
        <translation>Импорт файлов</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../casefile/ui/labels.py" line="+65"/>
        <source>{size} bytes</source>
        <translation>{size} байт</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{size} KB</source>
        <translation>{size} КБ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{size} MB</source>
        <translation>{size} МБ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{size} GB</source>
        <translation>{size} ГБ</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <location filename="../../casefile/ui/menus.py" line="+145"/>
        <source>Go to Navigator</source>
        <translation>Перейти к навигатору</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to Documents</source>
        <translation>Перейти к документам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to Viewer</source>
        <translation>Перейти к просмотру</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to Metadata</source>
        <translation>Перейти к метаданным</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New Case…</source>
        <translation>&amp;Новое дело…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open Case…</source>
        <translation>&amp;Открыть дело…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Demo Case</source>
        <translation>Открыть &amp;демо-дело</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open Case &amp;Archive…</source>
        <translation>Открыть &amp;архив дела…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Close Case</source>
        <translation>&amp;Закрыть дело</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import Files…</source>
        <translation>&amp;Импортировать файлы…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy files into the case (a bulk job: not undoable)</source>
        <translation>Скопировать файлы в дело (массовая операция: отменить нельзя)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import &amp;Folder…</source>
        <translation>Импортировать &amp;папку…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A report, spreadsheet tables (and more) of the case, for people without Casefile</source>
        <translation>Отчёт, таблицы (и не только) по делу — для тех, у кого нет Casefile</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save Search…</source>
        <translation>&amp;Сохранить поиск…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show &amp;All Documents</source>
        <translation>Показать &amp;все документы</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open &amp;Original</source>
        <translation>Открыть &amp;оригинал</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open a read-only copy in the system viewer</source>
        <translation>Открыть копию только для чтения в системной программе просмотра</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reveal in Folder</source>
        <translation>Показать в &amp;папке</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recognise &amp;Text</source>
        <translation>Распознать &amp;текст</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the text of scanned pages with OCR (the original is never changed)</source>
        <translation>Распознать текст отсканированных страниц (оригинал не изменяется)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Verify Originals</source>
        <translation>&amp;Проверить оригиналы</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re-hash every original and report any change</source>
        <translation>Заново вычислить хеши всех оригиналов и сообщить о любых изменениях</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Recognise Text of All Scans</source>
        <translation>&amp;Распознать текст всех сканов</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the text of every scanned page and picture in the case with OCR</source>
        <translation>Распознать текст всех отсканированных страниц и изображений в деле</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search &amp;Syntax</source>
        <translation>&amp;Синтаксис поиска</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About Casefile</source>
        <translation>&amp;О программе Casefile</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Preferences…</source>
        <translation>Н&amp;астройки…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Document</source>
        <translation>&amp;Документ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Case</source>
        <translation>Д&amp;ело</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../casefile/ui/messages.py" line="+17"/>
        <source>“{path}” could not be used: {error}. Check that the place exists and that you may write there, then try again.</source>
        <translation>Не удалось использовать «{path}»: {error}. Проверьте, что это место существует и у вас есть право записи, и повторите попытку.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The operating system refused the action: {error}. Check the disk and the permissions, then try again.</source>
        <translation>Операционная система не позволила выполнить действие: {error}. Проверьте диск и права доступа и повторите попытку.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something went wrong inside Casefile and the action was not completed ({error}).</source>
        <translation>Внутри Casefile что-то пошло не так, и действие не выполнено ({error}).</translation>
    </message>
</context>
</TS>
