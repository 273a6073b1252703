<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../casefile/ui/entities/dialogs.py" line="+341"/>
        <location filename="../../casefile/ui/entities/entity_page.py" line="+202"/>
        <location filename="../../casefile/ui/entities/network.py" line="+262"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n документ</numerusform>
            <numerusform>%n документа</numerusform>
            <numerusform>%n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/entities/entity_page.py" line="+1"/>
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n упоминание</numerusform>
            <numerusform>%n упоминания</numerusform>
            <numerusform>%n упоминаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/entities/entity_mentions.py" line="+36"/>
        <source>in %n document(s)</source>
        <translation>
            <numerusform>в %n документе</numerusform>
            <numerusform>в %n документах</numerusform>
            <numerusform>в %n документах</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>(%n shown)</source>
        <translation>
            <numerusform>(показано %n)</numerusform>
            <numerusform>(показано %n)</numerusform>
            <numerusform>(показано %n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/entities/network.py" line="+14"/>
        <source>%n (entity|entities)</source>
        <translation>
            <numerusform>%n сущность</numerusform>
            <numerusform>%n сущности</numerusform>
            <numerusform>%n сущностей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n связь</numerusform>
            <numerusform>%n связи</numerusform>
            <numerusform>%n связей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n co-mention pair(s)</source>
        <translation>
            <numerusform>%n пара совместных упоминаний</numerusform>
            <numerusform>%n пары совместных упоминаний</numerusform>
            <numerusform>%n пар совместных упоминаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>(the %n mentioned most of {total})</source>
        <translation>
            <numerusform>(показана %n самая упоминаемая из {total})</numerusform>
            <numerusform>(показаны %n самые упоминаемые из {total})</numerusform>
            <numerusform>(показаны %n самых упоминаемых из {total})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/entities/relations_box.py" line="+101"/>
        <source>%n citation(s)</source>
        <translation>
            <numerusform>%n ссылка</numerusform>
            <numerusform>%n ссылки</numerusform>
            <numerusform>%n ссылок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../casefile/ui/entities/suggestion_queue.py" line="+182"/>
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n предложение</numerusform>
            <numerusform>%n предложения</numerusform>
            <numerusform>%n предложений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>from %n document(s)</source>
        <translation>
            <numerusform>из %n документа</numerusform>
            <numerusform>из %n документов</numerusform>
            <numerusform>из %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>; %n unchanged since the last run were not read again</source>
        <translation>
            <numerusform>; %n документ, не изменившийся с прошлого раза, не читался заново</numerusform>
            <numerusform>; %n документа, не изменившиеся с прошлого раза, не читались заново</numerusform>
            <numerusform>; %n документов, не изменившихся с прошлого раза, не читались заново</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AliasDialog</name>
    <message>
        <location filename="../../casefile/ui/entities/dialogs.py" line="-127"/>
        <source>Add Alias to {name}</source>
        <translation>Новый псевдоним: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another name, in any script: Форрест, D. Forrest…</source>
        <translation>Другое имя, в любой письменности: Форрест, D. Forrest…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Weak: an acronym or short form, found only exactly as written</source>
        <translation>&amp;Слабый: аббревиатура или краткая форма, ищется только в точном написании</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Former name: kept on record, not searched for</source>
        <translation>П&amp;режнее имя: хранится для справки, не ищется</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Alias:</source>
        <translation>&amp;Псевдоним:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
</context>
<context>
    <name>ChooseEntityDialog</name>
    <message>
        <location line="+96"/>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} ({kind}, {documents})</source>
        <translation>{name} ({kind}, {documents})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No entity has that name yet.</source>
        <translation>Сущности с таким именем пока нет.</translation>
    </message>
</context>
<context>
    <name>EditEntityDialog</name>
    <message>
        <location line="-188"/>
        <source>Edit Entity</source>
        <translation>Изменить сущность</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source &amp;reliability (A–F):</source>
        <translation>&amp;Надёжность источника (A–F):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Information credibility (1–6):</source>
        <translation>&amp;Достоверность информации (1–6):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N&amp;otes:</source>
        <translation>&amp;Заметки:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new name is added to the aliases; the old one stays one.</source>
        <translation>Новое имя добавляется в псевдонимы; прежнее остаётся среди них.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
</context>
<context>
    <name>EntitiesGui</name>
    <message>
        <location filename="../../casefile/ui/entities/install.py" line="+130"/>
        <source>&amp;Tag as Entity…</source>
        <translation>&amp;Отметить как сущность…</translation>
    </message>
</context>
<context>
    <name>EntitiesPanel</name>
    <message>
        <location filename="../../casefile/ui/entities/panel.py" line="+48"/>
        <source>&amp;New…</source>
        <translation>Со&amp;здать…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a person, organisation, place… by hand</source>
        <translation>Добавить лицо, организацию, место… вручную</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Entities</source>
        <translation>Сущности</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suggestions</source>
        <translation>Предложения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network</source>
        <translation>Сеть связей</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>This case is open read-only; nothing can be tagged.</source>
        <translation>Дело открыто только для чтения; отметить ничего нельзя.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tagged “{quote}”; Edit → Undo takes it back.</source>
        <translation>«{quote}» отмечено; Правка → Отменить снимет отметку.</translation>
    </message>
</context>
<context>
    <name>EntitiesSection</name>
    <message>
        <location filename="../../casefile/ui/entities/install.py" line="-91"/>
        <source>Entities</source>
        <translation>Сущности</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>People, organisations, places… and where they are mentioned</source>
        <translation>Лица, организации, места… и где они упоминаются</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Entities  {count}</source>
        <translation>Сущности  {count}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{kind}  {count}</source>
        <translation>{kind}  {count}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suggestions</source>
        <translation>Предложения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names the case does not know yet</source>
        <translation>Имена, которых в деле ещё нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network</source>
        <translation>Сеть связей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entities and their relations</source>
        <translation>Сущности и их связи</translation>
    </message>
</context>
<context>
    <name>EntityCommand</name>
    <message>
        <location filename="../../casefile/ui/entities/commands.py" line="+95"/>
        <source>Create entity “{name}”</source>
        <translation>создание сущности «{name}»</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Rename entity “{name}”</source>
        <translation>переименование сущности «{name}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit entity “{name}”</source>
        <translation>изменение сущности «{name}»</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Add alias “{alias}”</source>
        <translation>добавление псевдонима «{alias}»</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove alias “{alias}”</source>
        <translation>удаление псевдонима «{alias}»</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete entity “{name}”</source>
        <translation>удаление сущности «{name}»</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Merge “{other}” into “{keep}”</source>
        <translation>объединение «{other}» с «{keep}»</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Split “{alias}” off</source>
        <translation>выделение «{alias}» в отдельную сущность</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>an entity</source>
        <translation>сущность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag “{quote}” as {target}</source>
        <translation>отметку «{quote}» как {target}</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Reject “{text}” as {name}</source>
        <translation>отклонение упоминания «{text}» ({name})</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Accept suggestion “{name}”</source>
        <translation>принятие предложения «{name}»</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>This case is open read-only; entities cannot be changed.</source>
        <translation>Дело открыто только для чтения; сущности изменить нельзя.</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/entities/relations_box.py" line="-55"/>
        <source>Add relation “{relation}”</source>
        <translation>добавление связи «{relation}»</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Delete relation “{relation}”</source>
        <translation>удаление связи «{relation}»</translation>
    </message>
</context>
<context>
    <name>EntityList</name>
    <message>
        <location filename="../../casefile/ui/entities/entity_list.py" line="+35"/>
        <source>{alias} (weak)</source>
        <translation>{alias} (слабый)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{alias} (former)</source>
        <translation>{alias} (прежнее имя)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Filter by name or alias…</source>
        <translation>Отбор по имени или псевдониму…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter entities</source>
        <translation>Отбор сущностей</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All kinds</source>
        <translation>Все типы</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Entities</source>
        <translation>Сущности</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docs</source>
        <translation>Док.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentions</source>
        <translation>Упом.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Documents that mention it</source>
        <translation>Документы, где она упоминается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentions in all documents</source>
        <translation>Упоминания во всех документах</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>{kind}  {count}</source>
        <translation>{kind}  {count}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{name} · {kind}</source>
        <translation>{name} · {kind}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also: {aliases}</source>
        <translation>Также: {aliases}</translation>
    </message>
</context>
<context>
    <name>EntityPage</name>
    <message>
        <location filename="../../casefile/ui/entities/entity_page.py" line="-116"/>
        <source>Entity name</source>
        <translation>Имя сущности</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;Alias…</source>
        <translation>Добавить &amp;псевдоним…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge Into…</source>
        <translation>&amp;Объединить с…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fold this entity into another: its aliases, mentions and relations move there.</source>
        <translation>Влить эту сущность в другую: её псевдонимы, упоминания и связи перейдут туда.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+29"/>
        <source>Aliases</source>
        <translation>Псевдонимы</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>&amp;Remove Alias</source>
        <translation>Уда&amp;лить псевдоним</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;plit Off…</source>
        <translation>&amp;Выделить в сущность…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make this alias an entity of its own; its mentions go with it.</source>
        <translation>Сделать этот псевдоним отдельной сущностью; его упоминания перейдут к ней.</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/entities/entity_mentions.py" line="-15"/>
        <location filename="../../casefile/ui/entities/entity_page.py" line="+10"/>
        <source>Mentions</source>
        <translation>Упоминания</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/entities/entity_page.py" line="+16"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Relations</source>
        <translation>Связи</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose an entity to see its aliases, mentions and relations.</source>
        <translation>Выберите сущность, чтобы увидеть её псевдонимы, упоминания и связи.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>grade {grade}</source>
        <translation>оценка {grade}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>weak: exactly as written</source>
        <translation>слабый: только в точном написании</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>former</source>
        <translation>прежнее имя</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/entities/entity_mentions.py" line="+10"/>
        <source>Mentions: {mentions} {in_documents}</source>
        <translation>Упоминания: {mentions} {in_documents}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>p. {page}   …{before} «{text}» {after}…</source>
        <translation>с. {page}   …{before} «{text}» {after}…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Click to open the page at this mention. Tagged by hand.</source>
        <translation>Щёлкните, чтобы открыть страницу на этом упоминании. Отмечено вручную.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click to open the page at this mention.</source>
        <translation>Щёлкните, чтобы открыть страницу на этом упоминании.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{title}  ({count})</source>
        <translation>{title}  ({count})</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/entities/entity_page.py" line="+74"/>
        <source>“{name}” is now an entity of its own; Edit → Undo merges it back.</source>
        <translation>«{name}» теперь отдельная сущность; Правка → Отменить объединит их снова.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Merge Into</source>
        <translation>Объединить с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge “{name}” into which entity? Its aliases, mentions and relations move there, and it is gone (Edit → Undo brings it back).</source>
        <translation>С какой сущностью объединить «{name}»? Её псевдонимы, упоминания и связи перейдут туда, а сама она исчезнет (Правка → Отменить вернёт её).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Deleted the entity “{name}” and its mentions; Edit → Undo brings it back.</source>
        <translation>Сущность «{name}» и её упоминания удалены; Правка → Отменить вернёт их.</translation>
    </message>
</context>
<context>
    <name>EntityPicker</name>
    <message>
        <location filename="../../casefile/ui/entities/picker.py" line="+50"/>
        <source>Type a name or an alias…</source>
        <translation>Введите имя или псевдоним…</translation>
    </message>
</context>
<context>
    <name>MentionLayer</name>
    <message>
        <location filename="../../casefile/ui/entities/mention_layer.py" line="+114"/>
        <source>{kind}: {name} (tagged by hand)</source>
        <translation>{kind}: {name} (отмечено вручную)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kind}: {name}</source>
        <translation>{kind}: {name}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open Entity “{name}”</source>
        <translation>Открыть сущность «{name}»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reject This Mention of “{name}”</source>
        <translation>Отклонить это упоминание «{name}»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A wrong match: it stays rejected when the documents are matched again.</source>
        <translation>Ошибочное совпадение: оно останется отклонённым и при повторном сопоставлении документов.</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../casefile/ui/entities/network.py" line="-101"/>
        <source>Co-mentions</source>
        <translation>Совместные упоминания</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also join entities mentioned in the same document (thicker: more documents).</source>
        <translation>Соединить и сущности, упомянутые в одном документе (толще линия — больше документов).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fit</source>
        <translation>Показать всё</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the whole network</source>
        <translation>Показать всю сеть</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Network</source>
        <translation>Сеть связей</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>relation</source>
        <translation>связь</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>co-mention</source>
        <translation>совместное упоминание</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Laying out the network…</source>
        <translation>Построение сети…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{name}
{kind} · {documents}</source>
        <translation>{name}
{kind} · {documents}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{counts}. Drag to move, wheel to zoom, click to open.</source>
        <translation>{counts}. Перетаскивание — сдвиг, колесо — масштаб, щелчок — открыть.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No entities yet: add some on the Entities tab or accept suggestions.</source>
        <translation>Сущностей пока нет: добавьте их на вкладке «Сущности» или примите предложения.</translation>
    </message>
</context>
<context>
    <name>NewEntityDialog</name>
    <message>
        <location filename="../../casefile/ui/entities/dialogs.py" line="-62"/>
        <source>New Entity</source>
        <translation>Новая сущность</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name it is best known by</source>
        <translation>Имя, под которым она лучше всего известна</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other names, comma-separated, any script</source>
        <translation>Другие имена через запятую, в любой письменности</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Aliases:</source>
        <translation>&amp;Псевдонимы:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
</context>
<context>
    <name>RelationDialog</name>
    <message>
        <location line="+105"/>
        <source>Add Relation of {name}</source>
        <translation>Новая связь: {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} → the other</source>
        <translation>{name} → другая сущность</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the other → {name}</source>
        <translation>другая сущность → {name}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Optional EDTF: 2019-03/2024-03-15, 2023, 2024-05~</source>
        <translation>Необязательно, EDTF: 2019-03/2024-03-15, 2023, 2024-05~</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Direction:</source>
        <translation>&amp;Направление:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Relation:</source>
        <translation>&amp;Связь:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Other entity:</source>
        <translation>&amp;Другая сущность:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;ate:</source>
        <translation>Д&amp;ата:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Заметки:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
</context>
<context>
    <name>RelationsBox</name>
    <message>
        <location filename="../../casefile/ui/entities/relations_box.py" line="+51"/>
        <source>Relations</source>
        <translation>Связи</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add Re&amp;lation…</source>
        <translation>Добавить &amp;связь…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete Relatio&amp;n</source>
        <translation>Удалить св&amp;язь</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{relation}
Double-click to open the other entity.</source>
        <translation>{relation}
Двойной щелчок откроет другую сущность.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None yet</source>
        <translation>Пока нет</translation>
    </message>
</context>
<context>
    <name>SuggestionQueue</name>
    <message>
        <location filename="../../casefile/ui/entities/suggestion_table.py" line="+20"/>
        <source>language model</source>
        <translation>языковая модель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>capitalised words</source>
        <translation>слова с прописной буквы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latin name in Russian text</source>
        <translation>латинское имя в русском тексте</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>acronym</source>
        <translation>аббревиатура</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail header</source>
        <translation>заголовок письма</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/entities/suggestion_queue.py" line="-134"/>
        <source>&amp;Find Suggestions</source>
        <translation>&amp;Найти предложения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read every document for names the case does not know yet (in the background).</source>
        <translation>Прочитать все документы в поисках имён, которых в деле ещё нет (в фоне).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Find Suggestions reads every document for people, organisations and places the case does not know yet.</source>
        <translation>«Найти предложения» читает все документы в поисках лиц, организаций и мест, которых в деле ещё нет.</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/entities/suggestion_table.py" line="+14"/>
        <source>Suggestions</source>
        <translation>Предложения</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docs</source>
        <translation>Док.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forms found</source>
        <translation>Найденные формы</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Documents that mention it</source>
        <translation>Документы, где оно упоминается</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/entities/suggestion_queue.py" line="+9"/>
        <source>Where it stands</source>
        <translation>Где встречается</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The kind a new entity gets</source>
        <translation>Тип новой сущности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept</source>
        <translation>&amp;Принять</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept as Alias &amp;Of…</source>
        <translation>Принять как псе&amp;вдоним…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Отклонить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new entity with this name; the forms found become aliases (A)</source>
        <translation>Новая сущность с этим именем; найденные формы станут псевдонимами (A)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>More aliases for an entity the case has (M)</source>
        <translation>Новые псевдонимы для сущности, которая уже есть в деле (M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never suggest this name again (D)</source>
        <translation>Больше не предлагать это имя (D)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>As:</source>
        <translation>Как:</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Finding entity suggestions</source>
        <translation>Поиск предложений сущностей</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the documents for names… (Cancel in the status bar)</source>
        <translation>Чтение документов в поисках имён… (прервать — «Отмена» в строке состояния)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading the documents for names: {done} of {total}…</source>
        <translation>Чтение документов в поисках имён: {done} из {total}…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{suggestions} {from_documents}</source>
        <translation>{suggestions} {from_documents}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (stopped early: Find Suggestions again carries on from there)</source>
        <translation> (остановлено досрочно: повторный поиск продолжит с этого места)</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/entities/suggestion_table.py" line="+28"/>
        <source>Found by: {rules}</source>
        <translation>Найдено по признаку: {rules}</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/entities/suggestion_passages.py" line="+35"/>
        <source>Found by: {rules}.</source>
        <translation>Найдено по признаку: {rules}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sounds like {name}, which the case knows: Accept as Alias Of… (M) adds it there.</source>
        <translation>Похоже на «{name}», которое уже есть в деле: «Принять как псевдоним…» (M) добавит его туда.</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/entities/suggestion_queue.py" line="+81"/>
        <source>Accept as Alias Of</source>
        <translation>Принять как псевдоним</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add “{name}” and the forms found ({forms}) as aliases of:</source>
        <translation>Добавить «{name}» и найденные формы ({forms}) как псевдонимы сущности:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add Aliases</source>
        <translation>Добавить псевдонимы</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>“{name}” will not be suggested again.</source>
        <translation>«{name}» больше не будет предлагаться.</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../casefile/ui/entities/dialogs.py" line="-219"/>
        <source>Tag as Entity</source>
        <translation>Отметить как сущность</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Entity</source>
        <translation>Сущность</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also add “{quote}” as an alias</source>
        <translation>Также добавить «{quote}» как псевдоним</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Then it is found by itself in every document, in every form.</source>
        <translation>Тогда оно будет найдено само во всех документах и во всех формах.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Selected: “{quote}”</source>
        <translation>Выделено: «{quote}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Entity:</source>
        <translation>&amp;Сущность:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag</source>
        <translation>Отметить</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A mention of {name} ({kind}).</source>
        <translation>Упоминание: {name} ({kind}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A new entity: “{name}”.</source>
        <translation>Новая сущность: «{name}».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a name.</source>
        <translation>Введите имя.</translation>
    </message>
</context>
</TS>
