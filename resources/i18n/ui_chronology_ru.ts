<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../casefile/ui/chronology/suggestions.py" line="+191"/>
        <source>%n date(s) to review.</source>
        <translation>
            <numerusform>%n дата ждёт проверки.</numerusform>
            <numerusform>%n даты ждут проверки.</numerusform>
            <numerusform>%n дат ждут проверки.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Stopped; %n found so far are listed.</source>
        <translation>
            <numerusform>Остановлено; в списке %n найденная дата.</numerusform>
            <numerusform>Остановлено; в списке %n найденные даты.</numerusform>
            <numerusform>Остановлено; в списке %n найденных дат.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChronologyGui</name>
    <message>
        <location filename="../../casefile/ui/chronology/install.py" line="+56"/>
        <source>Chronology</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dated events and the passages that support them</source>
        <translation>События с датами и фрагменты, которые их подтверждают</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add to chronology…</source>
        <translation>Добавить в хронологию…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chronology  {count}</source>
        <translation>Хронология  {count}</translation>
    </message>
</context>
<context>
    <name>ChronologyView</name>
    <message>
        <location filename="../../casefile/ui/chronology/view.py" line="+72"/>
        <location line="+47"/>
        <source>Chronology</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Add Event…</source>
        <translation>Добавить событие…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete Event</source>
        <translation>Удалить событие</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show All</source>
        <translation>Показать всё</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom the timeline out to every event</source>
        <translation>Уменьшить шкалу времени, чтобы были видны все события</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dates in </source>
        <translation>Даты: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date language</source>
        <translation>Язык дат</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/chronology/event_details.py" line="+29"/>
        <source>Citations</source>
        <translation>Ссылки на источники</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/chronology/view.py" line="+48"/>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date Suggestions</source>
        <translation>Предложенные даты</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/chronology/event_details.py" line="+17"/>
        <source>Choose an event to see its sources.</source>
        <translation>Выберите событие, чтобы увидеть его источники.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Entities: {names}</source>
        <translation>Сущности: {names}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tags: {tags}</source>
        <translation>Метки: {tags}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No source yet: select words in the viewer and choose “Add to chronology…”.</source>
        <translation>Источника пока нет: выделите слова в просмотре и выберите «Добавить в хронологию…».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>⚠ quote lost</source>
        <translation>⚠ цитата утрачена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a document deleted since</source>
        <translation>документ, с тех пор удалённый</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{source} · {grade} · {title}{lost}
“{quote}”</source>
        <translation>{source} · {grade} · {title}{lost}
«{quote}»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click to read the passage in the viewer</source>
        <translation>Щёлкните, чтобы прочитать фрагмент в просмотре</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/chronology/view.py" line="+149"/>
        <source>This case is open read-only; nothing can be added.</source>
        <translation>Дело открыто только для чтения; добавить ничего нельзя.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{title}, p. {page}</source>
        <translation>{title}, с. {page}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Deleted the event “{title}”; Edit → Undo brings it back.</source>
        <translation>Событие «{title}» удалено; Правка → Отменить вернёт его.</translation>
    </message>
</context>
<context>
    <name>DateSuggestionQueue</name>
    <message>
        <location filename="../../casefile/ui/chronology/suggestions.py" line="-113"/>
        <source>Find Dates in the Documents</source>
        <translation>Найти даты в документах</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read every document for dates (in a separate process; the window stays free)</source>
        <translation>Прочитать все документы в поисках дат (в отдельном процессе; окно остаётся свободным)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Date suggestions</source>
        <translation>Предложенные даты</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the event with this sentence cited (undoable)</source>
        <translation>Добавить событие со ссылкой на это предложение (можно отменить)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never suggest this date from this passage again</source>
        <translation>Больше не предлагать эту дату из этого фрагмента</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show Passage</source>
        <translation>Показать фрагмент</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Finding dates</source>
        <translation>Поиск дат</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Stopping…</source>
        <translation>Остановка…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Page {done} of {total}</source>
        <translation>Страница {done} из {total}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Find Dates Again</source>
        <translation>Найти даты снова</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No new dates found.</source>
        <translation>Новых дат не найдено.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Accept the date {date} as an event</source>
        <translation>принятие даты «{date}» как события</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{title}, p. {page}</source>
        <translation>{title}, с. {page}</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <location filename="../../casefile/ui/chronology/editor.py" line="+43"/>
        <source>The document&apos;s</source>
        <translation>Как у документа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 Confirmed</source>
        <translation>1 Подтверждено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 Probably true</source>
        <translation>2 Вероятно верно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 Possibly true</source>
        <translation>3 Возможно верно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 Doubtful</source>
        <translation>4 Сомнительно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 Improbable</source>
        <translation>5 Маловероятно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>6 Cannot be judged</source>
        <translation>6 Нельзя оценить</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Edit Event</source>
        <translation>Изменить событие</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add Event</source>
        <translation>Новое событие</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>7 June 2024, c. May 2024, 2020–2022, 7 июня 2024 г., 2024-06</source>
        <translation>7 июня 2024 г., около мая 2024 г., 2020–2022, 7 June 2024, 2024-06</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened, in one line</source>
        <translation>Что произошло, одной строкой</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entities</source>
        <translation>Сущности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names, separated by commas</source>
        <translation>Имена через запятую</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags, separated by commas</source>
        <translation>Метки через запятую</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Citations</source>
        <translation>Ссылки на источники</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page</source>
        <translation>Стр.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote</source>
        <translation>Цитата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information</source>
        <translation>Информация</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show Passage</source>
        <translation>Показать фрагмент</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove Citation</source>
        <translation>Убрать ссылку</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Title:</source>
        <translation>&amp;Заголовок:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;scription:</source>
        <translation>&amp;Описание:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Entities:</source>
        <translation>&amp;Сущности:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ags:</source>
        <translation>&amp;Метки:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add a citation by selecting words in the viewer and choosing “Add to chronology…” from its context menu.</source>
        <translation>Чтобы добавить ссылку на источник, выделите слова в просмотре и выберите в контекстном меню «Добавить в хронологию…».</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Citations:</source>
        <translation>Ссылки на источники:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A document deleted since</source>
        <translation>Документ, с тех пор удалённый</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ quote lost: {quote}</source>
        <translation>⚠ цитата утрачена: {quote}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Information grade</source>
        <translation>Оценка информации</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No date: the event sorts last.</source>
        <translation>Без даты: событие встанет в конец.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>An event needs a title saying what happened.</source>
        <translation>Событию нужен заголовок, говорящий, что произошло.</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <location filename="../../casefile/ui/chronology/model.py" line="+37"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entities</source>
        <translation>Сущности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flags</source>
        <translation>Пометки</translation>
    </message>
    <message>
        <location line="+295"/>
        <source>{source}: {title} — “{quote}”</source>
        <translation>{source}: {title} — «{quote}»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a document deleted since</source>
        <translation>документ, с тех пор удалённый</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Source reliability A–F (of the document) and information credibility 1–6 (of the citation), per citation</source>
        <translation>Надёжность источника A–F (документа) и достоверность информации 1–6 (ссылки) для каждой ссылки</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../casefile/ui/chronology/filters.py" line="+28"/>
        <source>Entity</source>
        <translation>Сущность</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Any entity</source>
        <translation>Любая сущность</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Any tag</source>
        <translation>Любая метка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag</source>
        <translation>Пометка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Any flag</source>
        <translation>Любая пометка</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From (e.g. 2020)</source>
        <translation>С (2020 г.)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To (e.g. March 2024)</source>
        <translation>По (март 2024 г.)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Words</source>
        <translation>Слова</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Words in the event…</source>
        <translation>Слова в событии…</translation>
    </message>
</context>
<context>
    <name>PutEventCommand</name>
    <message>
        <location filename="../../casefile/ui/chronology/commands.py" line="+39"/>
        <source>Add event “{title}”</source>
        <translation>добавление события «{title}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete event “{title}”</source>
        <translation>удаление события «{title}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit event “{title}”</source>
        <translation>изменение события «{title}»</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../casefile/ui/chronology/timeline.py" line="+109"/>
        <source>Timeline</source>
        <translation>Шкала времени</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Dated events appear here. Wheel: zoom · drag: move · click: select</source>
        <translation>Здесь появятся события с датами. Колесо — масштаб · перетаскивание — сдвиг · щелчок — выбор</translation>
    </message>
</context>
</TS>
