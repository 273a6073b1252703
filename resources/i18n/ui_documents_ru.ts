<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../casefile/ui/bulk_edit.py" line="+35"/>
        <source>Edit {fields} of %n document(s)</source>
        <translation>
            <numerusform>изменение поля «{fields}» у %n документа</numerusform>
            <numerusform>изменение поля «{fields}» у %n документов</numerusform>
            <numerusform>изменение поля «{fields}» у %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Add tag {tags} to %n document(s)</source>
        <translation>
            <numerusform>добавление метки «{tags}» к %n документу</numerusform>
            <numerusform>добавление метки «{tags}» к %n документам</numerusform>
            <numerusform>добавление метки «{tags}» к %n документам</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Remove tag {tags} from %n document(s)</source>
        <translation>
            <numerusform>снятие метки «{tags}» с %n документа</numerusform>
            <numerusform>снятие метки «{tags}» с %n документов</numerusform>
            <numerusform>снятие метки «{tags}» с %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Change tags of %n document(s)</source>
        <translation>
            <numerusform>изменение меток у %n документа</numerusform>
            <numerusform>изменение меток у %n документов</numerusform>
            <numerusform>изменение меток у %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/dialogs/reports.py" line="+137"/>
        <source>&lt;b&gt;%n document(s) imported&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;Импортирован %n документ&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;Импортировано %n документа&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;Импортировано %n документов&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n duplicate(s) skipped</source>
        <translation>
            <numerusform>пропущен %n дубликат</numerusform>
            <numerusform>пропущено %n дубликата</numerusform>
            <numerusform>пропущено %n дубликатов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) failed</source>
        <translation>
            <numerusform>%n файл не удалось импортировать</numerusform>
            <numerusform>%n файла не удалось импортировать</numerusform>
            <numerusform>%n файлов не удалось импортировать</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n item(s) skipped (not a regular file, or a link out of the folder)</source>
        <translation>
            <numerusform>Пропущен %n элемент (не обычный файл или ссылка за пределы папки)</numerusform>
            <numerusform>Пропущено %n элемента (не обычные файлы или ссылки за пределы папки)</numerusform>
            <numerusform>Пропущено %n элементов (не обычные файлы или ссылки за пределы папки)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n empty file(s)</source>
        <translation>
            <numerusform>%n пустой файл</numerusform>
            <numerusform>%n пустых файла</numerusform>
            <numerusform>%n пустых файлов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n document(s) kept without readable text (see below).</source>
        <translation>
            <numerusform>%n документ сохранён без читаемого текста (см. ниже).</numerusform>
            <numerusform>%n документа сохранены без читаемого текста (см. ниже).</numerusform>
            <numerusform>%n документов сохранено без читаемого текста (см. ниже).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Audit log: %n record(s) sealed and linked, none changed or removed.</source>
        <translation>
            <numerusform>Журнал аудита: %n запись запечатана и включена в цепочку, ничего не изменено и не удалено.</numerusform>
            <numerusform>Журнал аудита: %n записи запечатаны и связаны в цепочку, ни одна не изменена и не удалена.</numerusform>
            <numerusform>Журнал аудита: %n записей запечатаны и связаны в цепочку, ни одна не изменена и не удалена.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n original(s) in the case folder belong to no document: an import stopped before recording them; importing the same files again adds them.</source>
        <translation>
            <numerusform>%n оригинал в папке дела не принадлежит ни одному документу: импорт прервался до того, как его записал; повторный импорт того же файла добавит его.</numerusform>
            <numerusform>%n оригинала в папке дела не принадлежат ни одному документу: импорт прервался до того, как их записал; повторный импорт тех же файлов добавит их.</numerusform>
            <numerusform>%n оригиналов в папке дела не принадлежат ни одному документу: импорт прервался до того, как их записал; повторный импорт тех же файлов добавит их.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n original(s) of removed documents are kept in the case folder, as every original is.</source>
        <translation>
            <numerusform>%n оригинал удалённых документов хранится в папке дела, как и все оригиналы.</numerusform>
            <numerusform>%n оригинала удалённых документов хранятся в папке дела, как и все оригиналы.</numerusform>
            <numerusform>%n оригиналов удалённых документов хранятся в папке дела, как и все оригиналы.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Verification was stopped after %n original(s); run it again to check them all.</source>
        <translation>
            <numerusform>Проверка остановлена после %n оригинала; запустите её снова, чтобы проверить все.</numerusform>
            <numerusform>Проверка остановлена после %n оригиналов; запустите её снова, чтобы проверить все.</numerusform>
            <numerusform>Проверка остановлена после %n оригиналов; запустите её снова, чтобы проверить все.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>&lt;b&gt;All %n original(s) are intact.&lt;/b&gt; Each file still has the SHA-256 it had when it was imported.</source>
        <translation>
            <numerusform>&lt;b&gt;Проверен %n оригинал: всё цело.&lt;/b&gt; У каждого файла тот же SHA-256, что и при импорте.</numerusform>
            <numerusform>&lt;b&gt;Проверено %n оригинала: все целы.&lt;/b&gt; У каждого файла тот же SHA-256, что и при импорте.</numerusform>
            <numerusform>&lt;b&gt;Проверено %n оригиналов: все целы.&lt;/b&gt; У каждого файла тот же SHA-256, что и при импорте.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>&lt;b&gt;%n problem(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n проблема&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%n проблемы&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%n проблем&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>among %n original(s) checked:</source>
        <translation>
            <numerusform>среди %n проверенного оригинала:</numerusform>
            <numerusform>среди %n проверенных оригиналов:</numerusform>
            <numerusform>среди %n проверенных оригиналов:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/document_actions.py" line="+123"/>
        <source>{titles} and %n more</source>
        <translation>
            <numerusform>{titles} и ещё %n</numerusform>
            <numerusform>{titles} и ещё %n</numerusform>
            <numerusform>{titles} и ещё %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete these %n documents from the case? ({titles})</source>
        <translation>
            <numerusform>Удалить из дела %n документ? ({titles})</numerusform>
            <numerusform>Удалить из дела эти %n документа? ({titles})</numerusform>
            <numerusform>Удалить из дела эти %n документов? ({titles})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Delete %n Documents</source>
        <translation>
            <numerusform>Удалить %n документ</numerusform>
            <numerusform>Удалить %n документа</numerusform>
            <numerusform>Удалить %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/linked_documents.py" line="+59"/>
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/metadata_bulk.py" line="+97"/>
        <source>%n document(s) selected</source>
        <translation>
            <numerusform>Выбран %n документ</numerusform>
            <numerusform>Выбрано %n документа</numerusform>
            <numerusform>Выбрано %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n document(s) selected: kind, source, reliability and tags change all of them (one undo step). Title, date, author, address and notes belong to one document: select one to edit them.</source>
        <translation>
            <numerusform>Выбран %n документ: вид, источник, надёжность и метки меняются у всех сразу (одно действие для отмены). Название, дата, автор, адрес и заметки относятся к одному документу: чтобы изменить их, выберите один.</numerusform>
            <numerusform>Выбрано %n документа: вид, источник, надёжность и метки меняются у всех сразу (одно действие для отмены). Название, дата, автор, адрес и заметки относятся к одному документу: чтобы изменить их, выберите один.</numerusform>
            <numerusform>Выбрано %n документов: вид, источник, надёжность и метки меняются у всех сразу (одно действие для отмены). Название, дата, автор, адрес и заметки относятся к одному документу: чтобы изменить их, выберите один.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/metadata_panel.py" line="+365"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n страница</numerusform>
            <numerusform>%n страницы</numerusform>
            <numerusform>%n страниц</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/search_summary.py" line="+21"/>
        <source>about %n document(s) found</source>
        <translation>
            <numerusform>Найдено около %n документа</numerusform>
            <numerusform>Найдено около %n документов</numerusform>
            <numerusform>Найдено около %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n document(s) found</source>
        <translation>
            <numerusform>Найден %n документ</numerusform>
            <numerusform>Найдено %n документа</numerusform>
            <numerusform>Найдено %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>hits on about %n page(s)</source>
        <translation>
            <numerusform>совпадения примерно на %n странице</numerusform>
            <numerusform>совпадения примерно на %n страницах</numerusform>
            <numerusform>совпадения примерно на %n страницах</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>hits on %n page(s)</source>
        <translation>
            <numerusform>совпадения на %n странице</numerusform>
            <numerusform>совпадения на %n страницах</numerusform>
            <numerusform>совпадения на %n страницах</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <location filename="../../casefile/ui/dialogs/export_bundle_options.py" line="+215"/>
        <source>The whole case in one file: its database, every original and a manifest of their hashes. It opens as a new case on another computer with &apos;casefile import-archive ARCHIVE CASE&apos;, which rebuilds the search index there.</source>
        <translation>Всё дело в одном файле: его база данных, все оригиналы и манифест их хешей. На другом компьютере архив открывается как новое дело командой «casefile import-archive АРХИВ ДЕЛО», которая заново строит там поисковый индекс.</translation>
    </message>
</context>
<context>
    <name>BulkSelection</name>
    <message>
        <location filename="../../casefile/ui/metadata_bulk.py" line="-77"/>
        <source>Select one document to edit this</source>
        <translation>Выберите один документ, чтобы изменить это поле</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Mixed</source>
        <translation>Разные значения</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mixed: type to give all the same source</source>
        <translation>Разные: введите источник, чтобы задать его всем</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tags on every selected document. Add a tag to add it to all of them; remove one to remove it from all.</source>
        <translation>Метки, которые есть у всех выбранных документов. Добавленная метка появится у всех, удалённая — будет снята со всех.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On some of them only: {tags}.</source>
        <translation>Только у некоторых: {tags}.</translation>
    </message>
</context>
<context>
    <name>BundleArrangement</name>
    <message>
        <location filename="../../casefile/ui/dialogs/export_bundle_arrangement.py" line="+129"/>
        <source>Sections and documents</source>
        <translation>Разделы и документы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Section / document</source>
        <translation>Раздел / документ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New &amp;section</source>
        <translation>Новый &amp;раздел</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove section</source>
        <translation>&amp;Удалить раздел</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its documents move to the section before it (or after it, for the first).</source>
        <translation>Его документы перейдут в предыдущий раздел (для первого раздела — в следующий).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move &amp;up</source>
        <translation>&amp;Выше</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;down</source>
        <translation>&amp;Ниже</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Section %1</source>
        <translation>Раздел %1</translation>
    </message>
</context>
<context>
    <name>BundlePage</name>
    <message>
        <location filename="../../casefile/ui/dialogs/export_bundle_options.py" line="-163"/>
        <source>Court bundle</source>
        <translation>Пакет документов для суда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle title</source>
        <translation>Название пакета</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>By kind of document (court documents first)</source>
        <translation>По видам документов (сначала судебные)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One section per tag (choose below)</source>
        <translation>Раздел на каждую метку (выберите ниже)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One section with every document</source>
        <translation>Один раздел со всеми документами</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Arranged by hand (sections and order below)</source>
        <translation>Вручную (разделы и порядок — ниже)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tags, one section each</source>
        <translation>Метки, по разделу на каждую</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag a tag to change the order of the sections.</source>
        <translation>Перетащите метку, чтобы изменить порядок разделов.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>1, 2, 3 … (the PDF page numbers)</source>
        <translation>1, 2, 3 … (номера страниц PDF)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A1, A2 … B1 (by section)</source>
        <translation>A1, A2 … B1 (по разделам)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split into &amp;volumes of</source>
        <translation>Разбить на &amp;тома по</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pages</source>
        <translation>стр.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;ctions:</source>
        <translation>&amp;Разделы:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Numbering:</source>
        <translation>Н&amp;умерация:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Documents keep the order given above.</source>
        <translation>Документы идут в порядке, заданном выше.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents are in date order within each section.</source>
        <translation>Внутри каждого раздела документы идут по дате.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An index with links, bookmarks and a page number on every page are always included; documents that are not PDFs are typeset from their text.</source>
        <translation>Указатель со ссылками, закладки и номер на каждой странице добавляются всегда; документы не в формате PDF набираются из их текста.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Give the bundle a title; it heads its index.</source>
        <translation>Дайте пакету название: оно стоит в начале указателя.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tick the tags that make the sections, in the order wanted.</source>
        <translation>Отметьте метки, из которых составить разделы, в нужном порядке.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tick at least one document to put in the bundle.</source>
        <translation>Отметьте хотя бы один документ для пакета.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give every section a name; it heads its divider page.</source>
        <translation>Дайте название каждому разделу: оно открывает его титульный лист.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>bundle</source>
        <translation>пакет</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <location filename="../../casefile/ui/document_actions.py" line="-116"/>
        <source>No program is set to open {type} files; the copy is at {path}.</source>
        <translation>Не задана программа для открытия файлов {type}; копия лежит здесь: {path}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No program is set to open this file; the copy is at {path}.</source>
        <translation>Не задана программа для открытия этого файла; копия лежит здесь: {path}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened a read-only copy of “{title}”.</source>
        <translation>Открыта копия «{title}» только для чтения.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot open the original</source>
        <translation>Не удаётся открыть оригинал</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Opening a read-only copy of the original…</source>
        <translation>Открывается копия оригинала только для чтения…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The original is stored as {name} (named by its SHA-256); do not edit it.</source>
        <translation>Оригинал хранится как {name} (имя — его SHA-256); не изменяйте его.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Delete “{title}” from the case?</source>
        <translation>Удалить «{title}» из дела?</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Delete documents</source>
        <translation>Удаление документов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete document</source>
        <translation>Удаление документа</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Text, tags and notes are removed and cannot be restored with Undo. The deletion is recorded in the case&apos;s audit log, and the original files stay in the case folder&apos;s store.</source>
        <translation>Текст, метки и заметки будут удалены, и команда «Отменить» их не вернёт. Удаление записывается в журнал аудита дела, а файлы оригиналов остаются в хранилище папки дела.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../casefile/ui/document_model.py" line="+43"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages</source>
        <translation>Стр.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../casefile/ui/dialogs/export.py" line="+56"/>
        <source>Casefile export</source>
        <translation>Экспорт Casefile</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save to</source>
        <translation>Куда сохранить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export</source>
        <comment>button</comment>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel Export</source>
        <translation>Остановить экспорт</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show in Folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>View in Casefile</source>
        <translation>Открыть в Casefile</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Export:</source>
        <translation>&amp;Экспорт:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save to:</source>
        <translation>&amp;Куда сохранить:</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Export to folder</source>
        <translation>Экспорт в папку</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export to</source>
        <translation>Экспорт в файл</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose where to save the export.</source>
        <translation>Выберите, куда сохранить экспорт.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Exporting: {kind}</source>
        <translation>Экспорт: {kind}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exporting to {path}…</source>
        <translation>Экспорт в {path}…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopping…</source>
        <translation>Остановка…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Export Again</source>
        <translation>Экспортировать снова</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The export was cancelled; nothing was written.</source>
        <translation>Экспорт отменён; ничего не записано.</translation>
    </message>
</context>
<context>
    <name>ExportOptions</name>
    <message>
        <location filename="../../casefile/ui/dialogs/export_bundle_options.py" line="-154"/>
        <source>Court bundle (PDF)</source>
        <translation>Пакет документов для суда (PDF)</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Case archive (.casezip)</source>
        <translation>Архив дела (.casezip)</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/dialogs/export_options.py" line="+33"/>
        <source>(any)</source>
        <translation>(любая)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Scope (nothing chosen: the whole case)</source>
        <translation>Охват (ничего не выбрано — всё дело)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Entities</source>
        <translation>Сущности</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 2023 or 2023-02</source>
        <translation>напр. 2023 или 2023-02</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 2024-06</source>
        <translation>напр. 2024-06</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Tag:</source>
        <translation>&amp;Метка:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;ntities:</source>
        <translation>&amp;Сущности:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events &amp;from / to:</source>
        <translation>События с / &amp;по:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Events f&amp;lagged:</source>
        <translation>События с &amp;отметкой:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Report (DOCX)</source>
        <translation>Отчёт (DOCX)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>your login name</source>
        <translation>ваше имя пользователя</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional: a summary placed after the contents</source>
        <translation>Необязательно: резюме после оглавления</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved searches</source>
        <translation>Сохранённые поиски</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cast of &amp;characters</source>
        <translation>Список &amp;лиц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Document index</source>
        <translation>&amp;Указатель документов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cite &amp;bundle pages (B/123) when a bundle was made</source>
        <translation>Ссылаться на &amp;номера страниц пакета (B/123), если он создан</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Author:</source>
        <translation>&amp;Автор:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ummary:</source>
        <translation>Ре&amp;зюме:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excerpts of &amp;saved searches:</source>
        <translation>&amp;Выдержки сохранённых поисков:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates in:</source>
        <translation>Даты на языке:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{case} — report</source>
        <translation>{case} — отчёт</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Spreadsheet tables (CSV)</source>
        <translation>Таблицы (CSV)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Documents</source>
        <translation>&amp;Документы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Entities</source>
        <translation>Су&amp;щности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mentions</source>
        <translation>&amp;Упоминания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hronology</source>
        <translation>&amp;Хронология</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tables (one CSV file each, UTF-8)</source>
        <translation>Таблицы (каждая — отдельный файл CSV, UTF-8)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose at least one table to export.</source>
        <translation>Выберите хотя бы одну таблицу для экспорта.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{case} — tables</source>
        <translation>{case} — таблицы</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../casefile/ui/dialogs/reports.py" line="-190"/>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import cancelled</source>
        <translation>Импорт отменён</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Already in the case as “{title}”</source>
        <translation>Уже есть в деле как «{title}»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kept, text not read</source>
        <translation>Сохранён, текст не прочитан</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>An import cannot be undone; delete documents you did not want.</source>
        <translation>Импорт нельзя отменить; удалите ненужные документы.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Read with password</source>
        <translation>Прочитан с паролем</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{imported}, {duplicates}, {failed}.</source>
        <translation>{imported}, {duplicates}, {failed}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{skipped}, {empty}.</source>
        <translation>{skipped}, {empty}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The import was cancelled: the files above were kept; the rest were not imported. Import them again to finish.</source>
        <translation>Импорт отменён: файлы из списка выше сохранены, остальные не импортированы. Импортируйте их ещё раз, чтобы завершить.</translation>
    </message>
</context>
<context>
    <name>LinkedDocuments</name>
    <message>
        <location filename="../../casefile/ui/linked_documents.py" line="-9"/>
        <source>Attached to:</source>
        <translation>Вложено в:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attachments:</source>
        <translation>Вложения:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(untitled)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open “{title}”</source>
        <translation>Открыть «{title}»</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <location filename="../../casefile/ui/metadata_panel.py" line="-281"/>
        <source>Comma-separated, e.g. sanctions, OkoVision</source>
        <translation>Через запятую, например: санкции, OkoVision</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Title</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date</source>
        <translation>&amp;Дата</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Source</source>
        <translation>&amp;Источник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Author</source>
        <translation>&amp;Автор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add&amp;ress</source>
        <translation>Ад&amp;рес</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reliability</source>
        <translation>Надёжно&amp;сть</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ta&amp;gs</source>
        <translation>&amp;Метки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notes</source>
        <translation>&amp;Заметки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admiralty code: how reliable is the source (A–F)?</source>
        <translation>Шкала Адмиралтейства: насколько надёжен источник (A–F)?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Admiralty code: how credible is this information (1–6)?</source>
        <translation>Шкала Адмиралтейства: насколько достоверна эта информация (1–6)?</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>The date “{date}” was not saved for “{title}”: it is not a date Casefile understands.</source>
        <translation>Дата «{date}» для «{title}» не сохранена: Casefile не понимает такую дату.</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/metadata_date.py" line="+36"/>
        <source>No date</source>
        <translation>Без даты</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{error} Escape puts back the saved date.</source>
        <translation>{error} Escape вернёт сохранённую дату.</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/metadata_panel.py" line="+90"/>
        <source>unknown</source>
        <translation>язык не определён</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>d MMMM yyyy, HH:mm</source>
        <translation>d MMMM yyyy, HH:mm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file}
{type} · {size} · {pages} · {languages}
Imported {when} · SHA-256 {hash}…</source>
        <translation>{file}
{type} · {size} · {pages} · {languages}
Импортирован {when} · SHA-256 {hash}…</translation>
    </message>
</context>
<context>
    <name>OcrStrip</name>
    <message>
        <location filename="../../casefile/ui/page_overlay.py" line="+141"/>
        <source>Recognise text</source>
        <translation>Распознать текст</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the text of this document&apos;s scanned pages with OCR (Russian and English); the original is never changed, and a PDF&apos;s own text is kept.</source>
        <translation>Распознать текст отсканированных страниц этого документа (русский и английский); оригинал не изменяется, собственный текст PDF сохраняется.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>This page could not be recognised: {error}</source>
        <translation>Эту страницу не удалось распознать: {error}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>⚠ Low OCR confidence on this page ({confidence}): check it against the original.</source>
        <translation>⚠ Низкая уверенность распознавания на этой странице ({confidence}): сверьте её с оригиналом.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Text recognised by OCR · confidence {confidence}</source>
        <translation>Текст распознан · уверенность {confidence}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{engine}, languages {languages}, {dpi} dpi</source>
        <translation>{engine}, языки {languages}, {dpi} dpi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This document has a garbled text layer: OCR can read its text.</source>
        <translation>Текстовый слой этого документа искажён: распознавание прочитает его текст.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This document has scanned pages: OCR can read its text.</source>
        <translation>В этом документе есть отсканированные страницы: распознавание прочитает их текст.</translation>
    </message>
</context>
<context>
    <name>SearchFacets</name>
    <message>
        <location filename="../../casefile/ui/search_facets.py" line="+19"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entity</source>
        <translation>Сущность</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Undated</source>
        <translation>Без даты</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Click to remove this filter</source>
        <translation>Нажмите, чтобы снять этот фильтр</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click to show only these results</source>
        <translation>Нажмите, чтобы показать только эти результаты</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Remove this filter</source>
        <translation>Снять этот фильтр</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../casefile/ui/search_panel.py" line="+78"/>
        <source>Sort results</source>
        <translation>Сортировка результатов</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also match transliterations</source>
        <translation>Учитывать транслитерацию</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chekhov also finds Чехов, Gazprom Газпром, and back</source>
        <translation>Chekhov найдёт и «Чехов», Gazprom — «Газпром», и наоборот</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save search…</source>
        <translation>Сохранить поиск…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sort:</source>
        <translation>Сортировка:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Facets</source>
        <translation>Фильтры</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <location line="+64"/>
        <location line="+15"/>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Waiting for the search index to be ready…</source>
        <translation>Ожидание готовности поискового индекса…</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>An estimate from a sample of the matches; narrow the search for an exact count.</source>
        <translation>Оценка по выборке совпадений; уточните запрос, чтобы получить точное число.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Run a search first, then save it.</source>
        <translation>Сначала выполните поиск, затем сохраните его.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save search</source>
        <translation>Сохранить поиск</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../casefile/ui/search_results.py" line="+45"/>
        <source>page {pages}</source>
        <translation>стр. {pages}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pages {pages}</source>
        <translation>стр. {pages}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>p. {page}</source>
        <translation>стр. {page}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The tag “{tag}” has a quote mark and cannot be saved as a filter.</source>
        <translation>В метке «{tag}» есть кавычка, поэтому её нельзя сохранить как фильтр.</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <location filename="../../casefile/ui/status_banner.py" line="+43"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password of the PDF</source>
        <translation>Пароль PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read with password</source>
        <translation>Прочитать с паролем</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again</source>
        <translation>Повторить попытку</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show original</source>
        <translation>Показать оригинал</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>This PDF is protected by a password</source>
        <translation>Этот PDF защищён паролем</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its text could not be read. Enter the password to read it again; the original is not changed.</source>
        <translation>Его текст не удалось прочитать. Введите пароль, чтобы прочитать его снова; оригинал не изменится.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Needs OCR.</source>
        <translation>Нужно распознавание текста.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page {page} is a picture of text without a text layer, so it cannot be searched yet. Use Original to read it.</source>
        <translation>Страница {page} — изображение текста без текстового слоя, поэтому по ней пока нельзя искать. Прочитайте её в режиме «Оригинал».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pages {pages} are pictures of text without a text layer, so they cannot be searched yet. Use Original to read them.</source>
        <translation>Страницы {pages} — изображения текста без текстового слоя, поэтому по ним пока нельзя искать. Прочитайте их в режиме «Оригинал».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This document is pictures of text without a text layer, so it cannot be searched yet. Use Original to read it.</source>
        <translation>Этот документ — изображения текста без текстового слоя, поэтому по нему пока нельзя искать. Прочитайте его в режиме «Оригинал».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No text.</source>
        <translation>Нет текста.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file opened fine but contains no text.</source>
        <translation>Файл открылся без ошибок, но текста в нём нет.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This file could not be read.</source>
        <translation>Этот файл не удалось прочитать.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This file is in a format Casefile does not read.</source>
        <translation>Этот файл в формате, который Casefile не читает.</translation>
    </message>
</context>
<context>
    <name>SuggestionBar</name>
    <message>
        <location filename="../../casefile/ui/suggestions.py" line="+17"/>
        <source>title</source>
        <translation>название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>author</source>
        <translation>автор</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>taken from the file (its own title or its name)</source>
        <translation>взято из файла (его собственный заголовок или имя)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>guessed from the text</source>
        <translation>определено по тексту</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>taken from the file&apos;s properties</source>
        <translation>взято из свойств файла</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept the suggested values as they are (recorded in the audit log)</source>
        <translation>Принять предложенные значения как есть (записывается в журнал аудита)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Suggested by Casefile, not yet checked: {fields} (in italics).</source>
        <translation>Предложено Casefile, ещё не проверено: {fields} (курсивом).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Suggested: {why}. Check it; editing it or Confirm makes it yours.</source>
        <translation>Предложение: {why}. Проверьте: после правки или «Подтвердить» значение станет вашим.</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <location filename="../../casefile/ui/undo_commands.py" line="+38"/>
        <source>title</source>
        <translation>название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>author</source>
        <translation>автор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source reliability</source>
        <translation>надёжность источника</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>information credibility</source>
        <translation>достоверность информации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>заметки</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Edit {field} of “{title}”</source>
        <translation>изменение поля «{field}» документа «{title}»</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Add tag {tags}</source>
        <translation>добавление метки «{tags}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove tag {tags}</source>
        <translation>снятие метки «{tags}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change tags</source>
        <translation>изменение меток</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>“{edit}” was an edit of a document deleted since; there is nothing to undo.</source>
        <translation>«{edit}» — правка документа, который с тех пор удалён; отменять нечего.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Rename saved search “{name}”</source>
        <translation>переименование сохранённого поиска «{name}»</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Delete saved search “{name}”</source>
        <translation>удаление сохранённого поиска «{name}»</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Confirm {fields} of “{title}”</source>
        <translation>подтверждение предложенного ({fields}) для «{title}»</translation>
    </message>
</context>
<context>
    <name>VerifyReportDialog</name>
    <message>
        <location filename="../../casefile/ui/dialogs/reports.py" line="+15"/>
        <source>Audit log: changed outside Casefile (see below).</source>
        <translation>Журнал аудита: изменён вне Casefile (см. ниже).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The head you lodged is in the log.</source>
        <translation>Сохранённая вами вершина журнала в нём есть.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The head you lodged is NOT in the log.</source>
        <translation>Сохранённой вами вершины журнала в нём НЕТ.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This run was not recorded in the audit log: {reason}.</source>
        <translation>Эта проверка не записана в журнал аудита: {reason}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This run is recorded in the audit log.</source>
        <translation>Эта проверка записана в журнал аудита.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verification report</source>
        <translation>Отчёт о проверке</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{problems} {among}</source>
        <translation>{problems} {among}</translation>
    </message>
</context>
<context>
    <name>Viewer</name>
    <message>
        <location filename="../../casefile/ui/viewer.py" line="+39"/>
        <source>Select a document to read it here.</source>
        <translation>Выберите документ, чтобы прочитать его здесь.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Document text</source>
        <translation>Текст документа</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/viewer_original.py" line="+53"/>
        <source>The original is protected by a password: enter it above to read its text and show the original.</source>
        <translation>Оригинал защищён паролем: введите его выше, чтобы прочитать текст и показать оригинал.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The original cannot be shown here. Use Document → Open Original to open it in another program.</source>
        <translation>Оригинал нельзя показать здесь. Откройте его в другой программе: Документ → Открыть оригинал.</translation>
    </message>
</context>
<context>
    <name>ViewerToolbar</name>
    <message>
        <location filename="../../casefile/ui/viewer_toolbar.py" line="+35"/>
        <source>Viewer</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Original</source>
        <translation>Оригинал</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Previous page</source>
        <translation>Предыдущая страница</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Page</source>
        <translation>Страница</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next page</source>
        <translation>Следующая страница</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous hit</source>
        <translation>Предыдущее совпадение</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next hit</source>
        <translation>Следующее совпадение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paragraphs</source>
        <translation>Абзацы</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Join hard-wrapped lines into paragraphs (off: the text exactly as extracted)</source>
        <translation>Собирать перенесённые строки в абзацы (выкл.: текст точно в том виде, в каком извлечён)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>of {total}</source>
        <translation>из {total}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hits on page: {current}/{total}</source>
        <translation>Совпадения: {current}/{total}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hits on page: none</source>
        <translation>Совпадений нет</translation>
    </message>
</context>
</TS>
