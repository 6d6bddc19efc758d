"""Aligned ru / kk / en phrase banks for synthetic projects (projects/synthetic.py).

Every entry says the same thing in the three languages, so a generated project's three texts
are translations of each other. Russian and Kazakh sentences avoid slots that would need a
case ending the generator cannot make: names go into the nominative ("Проект реализует
ОФ «Сенім»", "Жобаны ҚҚ «Сенім» іске асырады") or after a colon, and numbers follow
"не менее" / "кемінде" / "at least" (see Counted).

Which words are common and which rare is decided here; the shares are documented in
projects/synthetic.py. Keep "права" / "құқық" / "rights" out of every theme without
`rights=True` except in the sentences marked as optional, and keep the rare words (saiga,
petroglyphs) out of everything but RARE_SENTENCES.
"""

from typing import NamedTuple


class Text(NamedTuple):
    ru: str
    kk: str
    en: str


class Aim(NamedTuple):
    """What a project is for: ru in the accusative (after "направленный на"), kk as a verbal
    noun and in the dative (before "бағытталған"), en as a gerund (after "aimed at")."""

    ru: str
    kk: str
    kk_dative: str
    en: str


class Counted(NamedTuple):
    """A result with a number n in [low, high]. After "не менее" a Russian noun is in the
    genitive: singular after 1, 21, 31... (not 11), plural otherwise (ru_forms)."""

    ru: str
    ru_forms: tuple[str, str]
    kk: str
    en: str
    low: int
    high: int


class Theme(NamedTuple):
    slug: str
    weight: int
    rights: bool  # every project of the theme says "права" / "құқық" / "rights" (in its aim)
    topic: Text
    aims: tuple[Aim, ...]
    titles: tuple[Text, ...]
    context: tuple[Text, ...]
    activities: tuple[Text, ...]
    beneficiaries: tuple[Text, ...]
    objectives: tuple[Text, ...]
    results: tuple[Text | Counted, ...]
    keywords: tuple[Text, ...]
    optional_rights: tuple[Text, ...] = ()  # a sentence about rights some of its projects get


THEMES = (
    Theme(
        slug="human-rights",
        weight=10,
        rights=True,
        topic=Text("Права человека", "Адам құқықтары", "Human rights"),
        aims=(
            Aim(
                "защиту прав человека и основных свобод в регионе",
                "өңірде адам құқықтары мен негізгі бостандықтарын қорғау",
                "өңірде адам құқықтары мен негізгі бостандықтарын қорғауға",
                "protecting human rights and fundamental freedoms in the region",
            ),
            Aim(
                "укрепление механизмов защиты прав человека на местном уровне",
                "жергілікті деңгейде адам құқықтарын қорғау тетіктерін нығайту",
                "жергілікті деңгейде адам құқықтарын қорғау тетіктерін нығайтуға",
                "strengthening the mechanisms that protect human rights at the local level",
            ),
        ),
        titles=(
            Text(
                "Права человека — каждому", "Адам құқықтары – әркімге", "Human rights for everyone"
            ),
            Text(
                "Гражданский мониторинг прав человека",
                "Адам құқықтарының азаматтық мониторингі",
                "Civic monitoring of human rights",
            ),
            Text(
                "Права человека в повседневной жизни",
                "Күнделікті өмірдегі адам құқықтары",
                "Human rights in everyday life",
            ),
            Text(
                "Сеть правозащитников регионов",
                "Өңірлік құқық қорғаушылар желісі",
                "A regional network of human rights defenders",
            ),
        ),
        context=(
            Text(
                "Несмотря на принятые государством обязательства, граждане часто не знают, как "
                "защитить свои права при обращении в государственные органы.",
                "Мемлекет қабылдаған міндеттемелерге қарамастан, азаматтар мемлекеттік "
                "органдарға жүгінгенде өз құқықтарын қалай қорғау керектігін жиі білмейді.",
                "Despite the commitments the state has made, citizens often do not know how to "
                "defend their rights when dealing with public bodies.",
            ),
            Text(
                "Правозащитным организациям в регионах не хватает ресурсов и "
                "квалифицированных кадров.",
                "Өңірлердегі құқық қорғау ұйымдарына ресурстар мен білікті мамандар жетіспейді.",
                "Human rights organisations in the regions lack resources and qualified staff.",
            ),
            Text(
                "Рекомендации международных договорных органов по правам человека выполняются "
                "медленно и непоследовательно.",
                "Адам құқықтары жөніндегі халықаралық шарттық органдардың ұсынымдары баяу әрі "
                "жүйесіз орындалуда.",
                "The recommendations of the international human rights treaty bodies are being "
                "implemented slowly and inconsistently.",
            ),
        ),
        activities=(
            Text(
                "Юристы проекта проведут мониторинг соблюдения прав человека в учреждениях "
                "социального обслуживания.",
                "Жоба заңгерлері әлеуметтік қызмет көрсету мекемелерінде адам құқықтарының "
                "сақталуына мониторинг жүргізеді.",
                "The project's lawyers will monitor respect for human rights in social care "
                "institutions.",
            ),
            Text(
                "Для активистов будет организована школа правозащитника с модулями по "
                "международным стандартам.",
                "Белсенділер үшін халықаралық стандарттар бойынша модульдері бар құқық қорғаушы "
                "мектебі ұйымдастырылады.",
                "A school for human rights defenders, with modules on international standards, "
                "will be organised for activists.",
            ),
            Text(
                "Будет подготовлен альтернативный доклад о выполнении рекомендаций "
                "Универсального периодического обзора.",
                "Жалпыға бірдей мерзімдік шолу ұсынымдарының орындалуы туралы балама баяндама "
                "дайындалады.",
                "An alternative report on the implementation of the Universal Periodic Review "
                "recommendations will be prepared.",
            ),
        ),
        beneficiaries=(
            Text(
                "Главными бенефициарами станут местные НКО, адвокаты и граждане, чьи права "
                "были нарушены.",
                "Негізгі бенефициарлар – жергілікті ҮЕҰ-лар, адвокаттар және құқықтары "
                "бұзылған азаматтар.",
                "The main beneficiaries will be local NGOs, defence lawyers and citizens whose "
                "rights have been violated.",
            ),
        ),
        objectives=(
            Text(
                "Повысить осведомлённость населения о правах человека и способах их защиты.",
                "Халықтың адам құқықтары мен оларды қорғау тәсілдері туралы хабардарлығын арттыру.",
                "To raise public awareness of human rights and of the ways to defend them.",
            ),
            Text(
                "Укрепить потенциал местных правозащитных организаций.",
                "Жергілікті құқық қорғау ұйымдарының әлеуетін нығайту.",
                "To strengthen the capacity of local human rights organisations.",
            ),
            Text(
                "Наладить диалог гражданского общества и государственных органов по вопросам "
                "прав человека.",
                "Адам құқықтары мәселелері бойынша азаматтық қоғам мен мемлекеттік органдар "
                "арасында диалог орнату.",
                "To establish a dialogue between civil society and public bodies on human rights.",
            ),
        ),
        results=(
            Counted(
                "Не менее {n} {noun} прошли обучение по международным стандартам в области прав "
                "человека.",
                ("активиста", "активистов"),
                "Кемінде {n} белсенді адам құқықтары саласындағы халықаралық стандарттар "
                "бойынша оқудан өтті.",
                "At least {n} activists trained in international human rights standards.",
                30,
                300,
            ),
            Counted(
                "Не менее {n} {noun} получили консультации по защите своих прав.",
                ("гражданина", "граждан"),
                "Кемінде {n} азамат өз құқықтарын қорғау бойынша кеңес алды.",
                "At least {n} citizens received advice on defending their rights.",
                100,
                2000,
            ),
            Text(
                "Альтернативный доклад подготовлен и представлен.",
                "Балама баяндама дайындалып, ұсынылды.",
                "The alternative report prepared and presented.",
            ),
        ),
        keywords=(
            Text("Права человека", "Адам құқықтары", "Human rights"),
            Text("Мониторинг", "Мониторинг", "Monitoring"),
        ),
    ),
    Theme(
        slug="access-to-information",
        weight=7,
        rights=True,
        topic=Text("Доступ к информации", "Ақпаратқа қол жеткізу", "Access to information"),
        aims=(
            Aim(
                "реализацию права граждан на доступ к информации",
                "азаматтардың ақпаратқа қол жеткізу құқықтарын іске асыру",
                "азаматтардың ақпаратқа қол жеткізу құқықтарын іске асыруға",
                "helping citizens exercise their rights of access to information",
            ),
            Aim(
                "открытость государственных органов и защиту права на информацию",
                "мемлекеттік органдардың ашықтығын арттыру және ақпаратқа қол жеткізу "
                "құқықтарын қорғау",
                "мемлекеттік органдардың ашықтығын арттыруға және ақпаратқа қол жеткізу "
                "құқықтарын қорғауға",
                "making public bodies more open and protecting the rights of access to information",
            ),
        ),
        titles=(
            Text(
                "Открытая власть — информированные граждане",
                "Ашық билік – хабардар азаматтар",
                "Open government, informed citizens",
            ),
            Text(
                "Информация как общественное благо",
                "Ақпарат – қоғамдық игілік",
                "Information as a public good",
            ),
            Text("Право знать", "Білу құқығы", "The right to know"),
            Text(
                "Прозрачность местных органов власти",
                "Жергілікті билік органдарының ашықтығы",
                "Transparency of local government",
            ),
        ),
        context=(
            Text(
                "Запросы граждан на информацию нередко остаются без ответа или получают "
                "формальные отписки.",
                "Азаматтардың ақпарат сұраулары жиі жауапсыз қалады немесе оларға формальды "
                "жауап беріледі.",
                "Citizens' requests for information often go unanswered or receive purely "
                "formal replies.",
            ),
            Text(
                "Закон «О доступе к информации» применяется неравномерно, особенно на районном "
                "уровне.",
                "«Ақпаратқа қол жеткізу туралы» Заң, әсіресе аудан деңгейінде, біркелкі "
                "қолданылмайды.",
                "The Law on Access to Information is applied unevenly, especially at district "
                "level.",
            ),
            Text(
                "Интернет-ресурсы местных исполнительных органов редко публикуют бюджеты и "
                "протоколы заседаний.",
                "Жергілікті атқарушы органдардың интернет-ресурстары бюджеттер мен отырыс "
                "хаттамаларын сирек жариялайды.",
                "The websites of local executive bodies rarely publish budgets or the minutes "
                "of meetings.",
            ),
        ),
        activities=(
            Text(
                "Команда проекта направит запросы в государственные органы и оценит полноту и "
                "своевременность ответов.",
                "Жоба командасы мемлекеттік органдарға сұрау салып, жауаптардың толықтығы мен "
                "уақтылығын бағалайды.",
                "The project team will send requests to public bodies and assess how complete "
                "and timely the answers are.",
            ),
            Text(
                "Будет составлен рейтинг открытости интернет-ресурсов акиматов.",
                "Әкімдіктердің интернет-ресурстарының ашықтық рейтингі жасалады.",
                "A ranking of how open the akimats' websites are will be compiled.",
            ),
            Text(
                "Журналисты и активисты пройдут тренинги по подготовке информационных запросов.",
                "Журналистер мен белсенділер ақпараттық сұрау дайындау бойынша тренингтерден "
                "өтеді.",
                "Journalists and activists will be trained in drafting requests for information.",
            ),
        ),
        beneficiaries=(
            Text(
                "Бенефициары проекта — журналисты, местные активисты и все граждане, которые "
                "обращаются в государственные органы.",
                "Жобаның бенефициарлары – журналистер, жергілікті белсенділер және мемлекеттік "
                "органдарға жүгінетін барлық азаматтар.",
                "The project's beneficiaries are journalists, local activists and all citizens "
                "who deal with public bodies.",
            ),
        ),
        objectives=(
            Text(
                "Оценить практику применения законодательства о доступе к информации.",
                "Ақпаратқа қол жеткізу туралы заңнаманы қолдану практикасын бағалау.",
                "To assess how the legislation on access to information is applied.",
            ),
            Text(
                "Научить граждан составлять информационные запросы.",
                "Азаматтарды ақпараттық сұрау жазуға үйрету.",
                "To teach citizens how to write requests for information.",
            ),
            Text(
                "Добиться публикации бюджетов и решений маслихатов на официальных сайтах.",
                "Бюджеттер мен мәслихат шешімдерінің ресми сайттарда жариялануына қол жеткізу.",
                "To have budgets and maslikhat decisions published on official websites.",
            ),
        ),
        results=(
            Counted(
                "В государственные органы направлено не менее {n} {noun}.",
                ("информационного запроса", "информационных запросов"),
                "Мемлекеттік органдарға кемінде {n} ақпараттық сұрау жіберілді.",
                "At least {n} requests for information sent to public bodies.",
                50,
                600,
            ),
            Counted(
                "Не менее {n} {noun} освоили работу с информационными запросами.",
                ("журналиста", "журналистов"),
                "Кемінде {n} журналист ақпараттық сұраулармен жұмыс істеуді меңгерді.",
                "At least {n} journalists learned to work with requests for information.",
                15,
                150,
            ),
            Text(
                "Опубликован рейтинг открытости местных органов власти.",
                "Жергілікті билік органдарының ашықтық рейтингі жарияланды.",
                "A ranking of the openness of local authorities published.",
            ),
        ),
        keywords=(
            Text("Доступ к информации", "Ақпаратқа қол жеткізу", "Access to information"),
            Text("Открытое правительство", "Ашық үкімет", "Open government"),
        ),
    ),
    Theme(
        slug="local-self-government",
        weight=9,
        rights=False,
        topic=Text(
            "Местное самоуправление", "Жергілікті өзін-өзі басқару", "Local self-government"
        ),
        aims=(
            Aim(
                "развитие местного самоуправления и участие жителей в решении вопросов своих "
                "сёл и городов",
                "жергілікті өзін-өзі басқаруды дамыту және тұрғындарды өз ауылдары мен "
                "қалаларының мәселелерін шешуге тарту",
                "жергілікті өзін-өзі басқаруды дамытуға және тұрғындарды өз ауылдары мен "
                "қалаларының мәселелерін шешуге тартуға",
                "developing local self-government and involving residents in the affairs of "
                "their villages and towns",
            ),
            Aim(
                "повышение роли маслихатов и сельских сходов",
                "мәслихаттар мен ауыл жиындарының рөлін арттыру",
                "мәслихаттар мен ауыл жиындарының рөлін арттыруға",
                "strengthening the role of maslikhats and village gatherings",
            ),
        ),
        titles=(
            Text(
                "Сильные сёла — сильная страна",
                "Мықты ауыл – мықты ел",
                "Strong villages, a strong country",
            ),
            Text(
                "Школа местного самоуправления",
                "Жергілікті өзін-өзі басқару мектебі",
                "A school of local self-government",
            ),
            Text(
                "Бюджет участия в сельских округах",
                "Ауылдық округтердегі қатысу бюджеті",
                "Participatory budgeting in rural districts",
            ),
            Text(
                "Акимат и жители: диалог на равных",
                "Әкімдік пен тұрғындар: тең дәрежедегі диалог",
                "Akimat and residents: a dialogue between equals",
            ),
        ),
        context=(
            Text(
                "После реформы местного самоуправления сельские округа получили собственные "
                "бюджеты, однако жители мало знают о своих возможностях.",
                "Жергілікті өзін-өзі басқару реформасынан кейін ауылдық округтер өз "
                "бюджеттерін алды, алайда тұрғындар өз мүмкіндіктері туралы аз біледі.",
                "Since the local self-government reform rural districts have had budgets of "
                "their own, but residents know little about what they can do.",
            ),
            Text(
                "Депутаты маслихатов редко отчитываются перед избирателями.",
                "Мәслихат депутаттары сайлаушылар алдында сирек есеп береді.",
                "Maslikhat deputies rarely report back to their voters.",
            ),
            Text(
                "Сельские сходы и собрания местного сообщества проходят формально и собирают "
                "мало участников.",
                "Ауыл жиындары мен жергілікті қоғамдастық жиналыстары формальды түрде өтіп, "
                "оларға аз адам қатысады.",
                "Village gatherings and local community meetings are held as a formality and "
                "attract few people.",
            ),
        ),
        activities=(
            Text(
                "Проект поможет жителям подготовить и защитить предложения к бюджету сельского "
                "округа.",
                "Жоба тұрғындарға ауылдық округ бюджетіне ұсыныстар дайындап, оларды қорғауға "
                "көмектеседі.",
                "The project will help residents prepare and defend proposals for the rural "
                "district budget.",
            ),
            Text(
                "В каждом округе пройдут открытые встречи депутатов маслихата с избирателями.",
                "Әр округте мәслихат депутаттарының сайлаушылармен ашық кездесулері өтеді.",
                "Open meetings between maslikhat deputies and voters will be held in every "
                "district.",
            ),
            Text(
                "Для акимов сельских округов и их аппаратов будет проведена серия семинаров.",
                "Ауылдық округ әкімдері мен олардың аппараттарына арналған семинарлар сериясы "
                "өткізіледі.",
                "A series of seminars will be held for the akims of rural districts and their "
                "staff.",
            ),
        ),
        beneficiaries=(
            Text(
                "Бенефициарами станут жители сельских округов, депутаты маслихатов и сотрудники "
                "местных исполнительных органов.",
                "Бенефициарлар – ауылдық округтердің тұрғындары, мәслихат депутаттары және "
                "жергілікті атқарушы органдардың қызметкерлері.",
                "The beneficiaries will be residents of rural districts, maslikhat deputies "
                "and staff of local executive bodies.",
            ),
        ),
        objectives=(
            Text(
                "Вовлечь жителей в планирование местного бюджета и контроль за ним.",
                "Тұрғындарды жергілікті бюджетті жоспарлауға және бақылауға тарту.",
                "To involve residents in planning and overseeing the local budget.",
            ),
            Text(
                "Повысить подотчётность депутатов маслихатов избирателям.",
                "Мәслихат депутаттарының сайлаушылар алдындағы есептілігін арттыру.",
                "To make maslikhat deputies more accountable to voters.",
            ),
            Text(
                "Распространить успешные практики местного самоуправления.",
                "Жергілікті өзін-өзі басқарудың табысты тәжірибесін тарату.",
                "To spread successful practices of local self-government.",
            ),
        ),
        results=(
            Counted(
                "Жители подготовили не менее {n} {noun} к местным бюджетам.",
                ("предложения", "предложений"),
                "Тұрғындар жергілікті бюджеттерге кемінде {n} ұсыныс дайындады.",
                "Residents prepared at least {n} proposals for local budgets.",
                10,
                120,
            ),
            Counted(
                "Проведено не менее {n} {noun} депутатов с избирателями.",
                ("встречи", "встреч"),
                "Депутаттардың сайлаушылармен кемінде {n} кездесуі өтті.",
                "At least {n} meetings between deputies and voters held.",
                5,
                60,
            ),
            Text(
                "Разработаны методические рекомендации для сельских округов.",
                "Ауылдық округтерге арналған әдістемелік ұсынымдар әзірленді.",
                "Guidance for rural districts developed.",
            ),
        ),
        keywords=(
            Text("Местное самоуправление", "Жергілікті өзін-өзі басқару", "Local self-government"),
            Text("Бюджет участия", "Қатысу бюджеті", "Participatory budgeting"),
        ),
    ),
    Theme(
        slug="women",
        weight=8,
        rights=True,
        topic=Text("Участие женщин", "Әйелдердің қатысуы", "Women's participation"),
        aims=(
            Aim(
                "расширение прав и возможностей женщин в общественной и политической жизни",
                "әйелдердің қоғамдық және саяси өмірдегі құқықтары мен мүмкіндіктерін кеңейту",
                "әйелдердің қоғамдық және саяси өмірдегі құқықтары мен мүмкіндіктерін кеңейтуге",
                "expanding women's rights and opportunities in public and political life",
            ),
            Aim(
                "поддержку женского лидерства и защиту прав женщин в сельской местности",
                "ауылдық жерлердегі әйелдердің көшбасшылығын қолдау және олардың құқықтарын қорғау",
                "ауылдық жерлердегі әйелдердің көшбасшылығын қолдауға және олардың құқықтарын "
                "қорғауға",
                "supporting women's leadership and protecting women's rights in rural areas",
            ),
        ),
        titles=(
            Text(
                "Женщины-лидеры местных сообществ",
                "Жергілікті қауымдастықтардың көшбасшы әйелдері",
                "Women leaders of local communities",
            ),
            Text("Её голос — её выбор", "Оның үні – оның таңдауы", "Her voice, her choice"),
            Text(
                "Равные возможности для женщин в регионах",
                "Өңірлердегі әйелдерге тең мүмкіндіктер",
                "Equal opportunities for women in the regions",
            ),
            Text(
                "Женское предпринимательство на селе",
                "Ауылдағы әйелдер кәсіпкерлігі",
                "Rural women's entrepreneurship",
            ),
        ),
        context=(
            Text(
                "Женщины составляют больше половины населения, но редко занимают руководящие "
                "должности в местных органах власти.",
                "Әйелдер халықтың жартысынан астамын құрайды, бірақ жергілікті билік "
                "органдарында басшы қызметтерді сирек атқарады.",
                "Women make up more than half of the population but rarely hold senior posts "
                "in local government.",
            ),
            Text(
                "У сельских женщин ограничен доступ к кредитам, обучению и юридическим "
                "консультациям.",
                "Ауыл әйелдерінің несиеге, оқуға және заң кеңестеріне қолжетімділігі шектеулі.",
                "Rural women have limited access to credit, training and legal advice.",
            ),
            Text(
                "Гендерные стереотипы мешают женщинам выдвигаться кандидатами на выборах.",
                "Гендерлік стереотиптер әйелдердің сайлауда кандидат болып ұсынылуына кедергі "
                "келтіреді.",
                "Gender stereotypes keep women from standing as candidates in elections.",
            ),
        ),
        activities=(
            Text(
                "Для женщин-активисток будет организована программа наставничества с опытными "
                "депутатами и руководителями НКО.",
                "Белсенді әйелдерге тәжірибелі депутаттар мен ҮЕҰ басшылары тәлімгер болатын "
                "бағдарлама ұйымдастырылады.",
                "A mentoring programme with experienced deputies and NGO leaders will be "
                "organised for women activists.",
            ),
            Text(
                "Проект проведёт тренинги по публичным выступлениям, ведению кампаний и основам "
                "бюджета.",
                "Жоба көпшілік алдында сөйлеу, науқан жүргізу және бюджет негіздері бойынша "
                "тренингтер өткізеді.",
                "The project will run training in public speaking, campaigning and the basics "
                "of budgeting.",
            ),
            Text(
                "Участницы разработают и реализуют малые инициативы в своих сёлах.",
                "Қатысушы әйелдер өз ауылдарында шағын бастамаларды әзірлеп, іске асырады.",
                "Participants will design and carry out small initiatives in their own villages.",
            ),
        ),
        beneficiaries=(
            Text(
                "Прямые бенефициары — женщины из сельских районов и малых городов, в том числе "
                "молодые матери и женщины с инвалидностью.",
                "Тікелей бенефициарлар – ауылдық аудандар мен шағын қалалардағы әйелдер, соның "
                "ішінде жас аналар мен мүгедектігі бар әйелдер.",
                "The direct beneficiaries are women from rural districts and small towns, "
                "including young mothers and women with disabilities.",
            ),
        ),
        objectives=(
            Text(
                "Увеличить представленность женщин в маслихатах и общественных советах.",
                "Мәслихаттар мен қоғамдық кеңестердегі әйелдердің өкілдігін арттыру.",
                "To increase the number of women in maslikhats and public councils.",
            ),
            Text(
                "Обучить женщин навыкам лидерства и публичной политики.",
                "Әйелдерді көшбасшылық пен қоғамдық саясат дағдыларына үйрету.",
                "To train women in leadership and public policy skills.",
            ),
            Text(
                "Информировать женщин об их правах и механизмах их защиты.",
                "Әйелдерді олардың құқықтары мен оларды қорғау тетіктері туралы хабардар ету.",
                "To inform women of their rights and of how to defend them.",
            ),
        ),
        results=(
            Counted(
                "Не менее {n} {noun} прошли программу наставничества.",
                ("женщины", "женщин"),
                "Кемінде {n} әйел тәлімгерлік бағдарламадан өтті.",
                "At least {n} women completed the mentoring programme.",
                20,
                200,
            ),
            Counted(
                "Участницы реализовали не менее {n} {noun}.",
                ("местной инициативы", "местных инициатив"),
                "Қатысушылар кемінде {n} жергілікті бастаманы іске асырды.",
                "Participants carried out at least {n} local initiatives.",
                5,
                50,
            ),
            Text(
                "Несколько выпускниц программы вошли в состав общественных советов.",
                "Бағдарламаның бірнеше түлегі қоғамдық кеңестердің құрамына енді.",
                "Several graduates of the programme joined public councils.",
            ),
        ),
        keywords=(
            Text("Гендерное равенство", "Гендерлік теңдік", "Gender equality"),
            Text("Женское лидерство", "Әйелдер көшбасшылығы", "Women's leadership"),
        ),
    ),
    Theme(
        slug="youth",
        weight=9,
        rights=False,
        topic=Text("Молодёжное участие", "Жастардың қатысуы", "Youth participation"),
        aims=(
            Aim(
                "вовлечение молодёжи в общественную жизнь и принятие решений на местном уровне",
                "жастарды қоғамдық өмірге және жергілікті деңгейде шешім қабылдауға тарту",
                "жастарды қоғамдық өмірге және жергілікті деңгейде шешім қабылдауға тартуға",
                "involving young people in public life and local decision-making",
            ),
            Aim(
                "развитие молодёжного волонтёрства и гражданских инициатив",
                "жастар еріктілігі мен азаматтық бастамаларды дамыту",
                "жастар еріктілігі мен азаматтық бастамаларды дамытуға",
                "developing youth volunteering and civic initiatives",
            ),
        ),
        titles=(
            Text(
                "Молодёжь меняет город", "Жастар қаланы өзгертеді", "Young people change their town"
            ),
            Text("Академия молодых лидеров", "Жас көшбасшылар академиясы", "Young Leaders Academy"),
            Text(
                "Молодёжные советы при акиматах",
                "Әкімдіктер жанындағы жастар кеңестері",
                "Youth councils at the akimats",
            ),
            Text(
                "Волонтёры родного села",
                "Туған ауылдың еріктілері",
                "Volunteers for their home village",
            ),
        ),
        context=(
            Text(
                "Молодые люди редко участвуют в работе местных представительных органов и "
                "общественных советов.",
                "Жастар жергілікті өкілді органдар мен қоғамдық кеңестердің жұмысына сирек "
                "қатысады.",
                "Young people seldom take part in the work of local representative bodies and "
                "public councils.",
            ),
            Text(
                "Из-за нехватки возможностей молодёжь уезжает из малых городов и сёл в крупные "
                "города.",
                "Мүмкіндіктердің жетіспеуінен жастар шағын қалалар мен ауылдардан ірі қалаларға "
                "көшіп кетуде.",
                "Young people leave small towns and villages for the big cities because there "
                "are too few opportunities.",
            ),
            Text(
                "Молодёжным организациям не хватает навыков управления проектами и "
                "привлечения средств.",
                "Жастар ұйымдарына жобаларды басқару және қаражат тарту дағдылары жетіспейді.",
                "Youth organisations lack project management and fundraising skills.",
            ),
        ),
        activities=(
            Text(
                "Участники пройдут обучение управлению проектами и подготовят собственные "
                "социальные проекты.",
                "Қатысушылар жобаларды басқару бойынша оқудан өтіп, өз әлеуметтік жобаларын "
                "дайындайды.",
                "Participants will be trained in project management and prepare social "
                "projects of their own.",
            ),
            Text(
                "Лучшие молодёжные инициативы получат мини-гранты на реализацию.",
                "Үздік жастар бастамалары іске асыруға шағын гранттар алады.",
                "The best youth initiatives will receive small grants to carry them out.",
            ),
            Text(
                "При поддержке акиматов будут созданы молодёжные советы.",
                "Әкімдіктердің қолдауымен жастар кеңестері құрылады.",
                "Youth councils will be set up with the support of the akimats.",
            ),
        ),
        beneficiaries=(
            Text(
                "Бенефициары — молодёжь в возрасте от 16 до 29 лет, студенты колледжей и "
                "молодые активисты.",
                "Бенефициарлар – 16 жастан 29 жасқа дейінгі жастар, колледж студенттері және "
                "жас белсенділер.",
                "The beneficiaries are young people aged 16 to 29, college students and young "
                "activists.",
            ),
        ),
        objectives=(
            Text(
                "Развить у молодёжи навыки гражданского участия.",
                "Жастардың азаматтық қатысу дағдыларын дамыту.",
                "To develop young people's civic participation skills.",
            ),
            Text(
                "Поддержать молодёжные инициативы в малых городах и сёлах.",
                "Шағын қалалар мен ауылдардағы жастар бастамаларын қолдау.",
                "To support youth initiatives in small towns and villages.",
            ),
            Text(
                "Создать площадки для диалога молодёжи с местной властью.",
                "Жастар мен жергілікті билік арасындағы диалог алаңдарын құру.",
                "To create platforms for dialogue between young people and local authorities.",
            ),
        ),
        results=(
            Counted(
                "Обучение прошли не менее {n} {noun}.",
                ("молодого человека", "молодых людей"),
                "Кемінде {n} жас оқудан өтті.",
                "At least {n} young people trained.",
                40,
                400,
            ),
            Counted(
                "Поддержано не менее {n} {noun}.",
                ("молодёжной инициативы", "молодёжных инициатив"),
                "Кемінде {n} жастар бастамасы қолдау тапты.",
                "At least {n} youth initiatives supported.",
                5,
                60,
            ),
            Text(
                "В нескольких районах созданы и работают молодёжные советы.",
                "Бірнеше ауданда жастар кеңестері құрылып, жұмыс істеп тұр.",
                "Youth councils set up and working in several districts.",
            ),
        ),
        keywords=(
            Text("Молодёжь", "Жастар", "Youth"),
            Text("Волонтёрство", "Еріктілік", "Volunteering"),
        ),
    ),
    Theme(
        slug="inclusive-education",
        weight=7,
        rights=False,
        topic=Text("Инклюзивное образование", "Инклюзивті білім беру", "Inclusive education"),
        aims=(
            Aim(
                "создание условий для обучения детей с особыми образовательными потребностями в "
                "обычных школах",
                "ерекше білім беру қажеттіліктері бар балаларды жалпы мектептерде оқытуға "
                "жағдай жасау",
                "ерекше білім беру қажеттіліктері бар балаларды жалпы мектептерде оқытуға "
                "жағдай жасауға",
                "creating the conditions for children with special educational needs to learn "
                "in mainstream schools",
            ),
            Aim(
                "развитие инклюзивного образования в сельских школах",
                "ауыл мектептерінде инклюзивті білім беруді дамыту",
                "ауыл мектептерінде инклюзивті білім беруді дамытуға",
                "developing inclusive education in rural schools",
            ),
        ),
        titles=(
            Text("Школа для всех", "Барлығына арналған мектеп", "A school for everyone"),
            Text(
                "Инклюзия начинается в классе",
                "Инклюзия сыныптан басталады",
                "Inclusion starts in the classroom",
            ),
            Text(
                "Учителя для инклюзивной школы",
                "Инклюзивті мектепке арналған мұғалімдер",
                "Teachers for inclusive schools",
            ),
            Text(
                "Равный доступ к образованию",
                "Білімге тең қолжетімділік",
                "Equal access to education",
            ),
        ),
        context=(
            Text(
                "Многие дети с инвалидностью по-прежнему учатся на дому или в специальных "
                "учреждениях вдали от семьи.",
                "Мүгедектігі бар көптеген балалар әлі де үйде немесе отбасынан алыс арнаулы "
                "мекемелерде оқиды.",
                "Many children with disabilities are still taught at home or in special "
                "institutions far from their families.",
            ),
            Text(
                "Учителям общеобразовательных школ не хватает методик и помощников для работы в "
                "инклюзивных классах.",
                "Жалпы білім беретін мектептердің мұғалімдеріне инклюзивті сыныптарда жұмыс "
                "істеуге қажетті әдістемелер мен көмекшілер жетіспейді.",
                "Teachers in mainstream schools lack the methods and assistants they need for "
                "inclusive classes.",
            ),
            Text(
                "Здания многих сельских школ недоступны для детей на колясках.",
                "Көптеген ауыл мектептерінің ғимараттары арбадағы балалар үшін қолжетімсіз.",
                "Many rural school buildings cannot be used by children in wheelchairs.",
            ),
        ),
        activities=(
            Text(
                "Проект обучит педагогов и тьюторов методам инклюзивного обучения.",
                "Жоба педагогтер мен тьюторларды инклюзивті оқыту әдістеріне үйретеді.",
                "The project will train teachers and tutors in inclusive teaching methods.",
            ),
            Text(
                "В пилотных школах будут оборудованы кабинеты психолого-педагогической поддержки.",
                "Пилоттық мектептерде психологиялық-педагогикалық қолдау кабинеттері жабдықталады.",
                "Rooms for psychological and educational support will be equipped in the pilot "
                "schools.",
            ),
            Text(
                "Для родителей будут организованы клубы взаимной поддержки.",
                "Ата-аналарға арналған өзара қолдау клубтары ұйымдастырылады.",
                "Mutual support clubs will be organised for parents.",
            ),
        ),
        beneficiaries=(
            Text(
                "Бенефициары — дети с особыми образовательными потребностями, их родители и "
                "учителя пилотных школ.",
                "Бенефициарлар – ерекше білім беру қажеттіліктері бар балалар, олардың "
                "ата-аналары және пилоттық мектептердің мұғалімдері.",
                "The beneficiaries are children with special educational needs, their parents "
                "and the teachers of the pilot schools.",
            ),
        ),
        objectives=(
            Text(
                "Повысить квалификацию педагогов в области инклюзивного образования.",
                "Педагогтердің инклюзивті білім беру саласындағы біліктілігін арттыру.",
                "To improve teachers' skills in inclusive education.",
            ),
            Text(
                "Сделать пилотные школы доступными для детей с инвалидностью.",
                "Пилоттық мектептерді мүгедектігі бар балалар үшін қолжетімді ету.",
                "To make the pilot schools accessible to children with disabilities.",
            ),
            Text(
                "Изменить отношение родителей и учеников к инклюзии.",
                "Ата-аналар мен оқушылардың инклюзияға көзқарасын өзгерту.",
                "To change how parents and pupils see inclusion.",
            ),
        ),
        results=(
            Counted(
                "Не менее {n} {noun} прошли курсы инклюзивного обучения.",
                ("педагога", "педагогов"),
                "Кемінде {n} педагог инклюзивті оқыту курстарынан өтті.",
                "At least {n} teachers completed courses in inclusive teaching.",
                20,
                300,
            ),
            Counted(
                "В инклюзивные классы пришли не менее {n} {noun}.",
                ("ребёнка", "детей"),
                "Инклюзивті сыныптарға кемінде {n} бала келді.",
                "At least {n} children joined inclusive classes.",
                10,
                200,
            ),
            Text(
                "Пилотные школы оборудованы пандусами и кабинетами поддержки.",
                "Пилоттық мектептер пандустармен және қолдау кабинеттерімен жабдықталды.",
                "Pilot schools fitted with ramps and support rooms.",
            ),
        ),
        keywords=(
            Text("Инклюзивное образование", "Инклюзивті білім беру", "Inclusive education"),
            Text("Образование", "Білім беру", "Education"),
        ),
    ),
    Theme(
        slug="media-literacy",
        weight=7,
        rights=False,
        topic=Text("Медиаграмотность", "Медиасауаттылық", "Media literacy"),
        aims=(
            Aim(
                "повышение медиаграмотности населения и противодействие дезинформации",
                "халықтың медиасауаттылығын арттыру және жалған ақпаратқа қарсы тұру",
                "халықтың медиасауаттылығын арттыруға және жалған ақпаратқа қарсы тұруға",
                "raising media literacy and countering disinformation",
            ),
            Aim(
                "поддержку независимой региональной журналистики",
                "тәуелсіз өңірлік журналистиканы қолдау",
                "тәуелсіз өңірлік журналистиканы қолдауға",
                "supporting independent regional journalism",
            ),
        ),
        titles=(
            Text(
                "Проверь, прежде чем поделиться", "Бөліспес бұрын тексер", "Check before you share"
            ),
            Text(
                "Медиаграмотность для всех поколений",
                "Барлық буынға арналған медиасауаттылық",
                "Media literacy for every generation",
            ),
            Text(
                "Региональные медиа: качество и доверие",
                "Өңірлік медиа: сапа мен сенім",
                "Regional media: quality and trust",
            ),
            Text("Факты против фейков", "Фейкке қарсы фактілер", "Facts against fakes"),
        ),
        context=(
            Text(
                "Ложные сообщения быстро распространяются в мессенджерах и социальных сетях.",
                "Жалған хабарлар мессенджерлер мен әлеуметтік желілерде тез таралады.",
                "False messages spread quickly through messaging apps and social networks.",
            ),
            Text(
                "Региональные редакции испытывают финансовые трудности и теряют опытных "
                "журналистов.",
                "Өңірлік редакциялар қаржылық қиындықтарға тап болып, тәжірибелі "
                "журналистерінен айырылуда.",
                "Regional newsrooms are short of money and are losing experienced journalists.",
            ),
            Text(
                "Пожилые люди и школьники особенно уязвимы перед манипуляциями в интернете.",
                "Егде жастағы адамдар мен мектеп оқушылары интернеттегі манипуляцияларға "
                "әсіресе осал.",
                "Older people and schoolchildren are especially vulnerable to manipulation online.",
            ),
        ),
        activities=(
            Text(
                "Проект проведёт уроки медиаграмотности в школах и библиотеках.",
                "Жоба мектептер мен кітапханаларда медиасауаттылық сабақтарын өткізеді.",
                "The project will give media literacy lessons in schools and libraries.",
            ),
            Text(
                "Журналисты региональных редакций пройдут стажировки по проверке фактов.",
                "Өңірлік редакциялардың журналистері фактілерді тексеру бойынша тағылымдамадан "
                "өтеді.",
                "Journalists from regional newsrooms will do placements in fact-checking.",
            ),
            Text(
                "Будет запущен онлайн-курс на казахском и русском языках.",
                "Қазақ және орыс тілдерінде онлайн-курс іске қосылады.",
                "An online course in Kazakh and Russian will be launched.",
            ),
        ),
        beneficiaries=(
            Text(
                "Бенефициары — школьники, учителя, библиотекари, пожилые люди и сотрудники "
                "местных СМИ.",
                "Бенефициарлар – мектеп оқушылары, мұғалімдер, кітапханашылар, егде жастағы "
                "адамдар және жергілікті БАҚ қызметкерлері.",
                "The beneficiaries are schoolchildren, teachers, librarians, older people and "
                "local media staff.",
            ),
        ),
        objectives=(
            Text(
                "Научить граждан распознавать недостоверную информацию.",
                "Азаматтарды жалған ақпаратты ажыратуға үйрету.",
                "To teach citizens to recognise unreliable information.",
            ),
            Text(
                "Повысить профессиональный уровень региональных журналистов.",
                "Өңірлік журналистердің кәсіби деңгейін арттыру.",
                "To raise the professional standards of regional journalists.",
            ),
            Text(
                "Включить медиаграмотность во внеклассную работу школ.",
                "Медиасауаттылықты мектептердің сабақтан тыс жұмысына енгізу.",
                "To make media literacy part of schools' extracurricular work.",
            ),
        ),
        results=(
            Counted(
                "Уроки медиаграмотности посетили не менее {n} {noun}.",
                ("школьника", "школьников"),
                "Медиасауаттылық сабақтарына кемінде {n} оқушы қатысты.",
                "At least {n} pupils attended media literacy lessons.",
                100,
                3000,
            ),
            Counted(
                "Опубликовано не менее {n} {noun} с проверкой фактов.",
                ("материала", "материалов"),
                "Фактілері тексерілген кемінде {n} материал жарияланды.",
                "At least {n} fact-checked stories published.",
                20,
                300,
            ),
            Text(
                "Онлайн-курс бесплатно доступен на двух языках.",
                "Онлайн-курс екі тілде тегін қолжетімді.",
                "The online course available free of charge in two languages.",
            ),
        ),
        keywords=(
            Text("Медиаграмотность", "Медиасауаттылық", "Media literacy"),
            Text("Журналистика", "Журналистика", "Journalism"),
        ),
    ),
    Theme(
        slug="anti-corruption",
        weight=6,
        rights=False,
        topic=Text(
            "Противодействие коррупции",
            "Сыбайлас жемқорлыққа қарсы іс-қимыл",
            "Fighting corruption",
        ),
        aims=(
            Aim(
                "снижение коррупционных рисков в сфере государственных услуг",
                "мемлекеттік қызметтер саласындағы сыбайлас жемқорлық тәуекелдерін азайту",
                "мемлекеттік қызметтер саласындағы сыбайлас жемқорлық тәуекелдерін азайтуға",
                "reducing corruption risks in public services",
            ),
            Aim(
                "развитие общественного контроля за государственными закупками",
                "мемлекеттік сатып алуларға қоғамдық бақылауды дамыту",
                "мемлекеттік сатып алуларға қоғамдық бақылауды дамытуға",
                "developing public oversight of government procurement",
            ),
        ),
        titles=(
            Text("Прозрачные закупки", "Ашық сатып алулар", "Transparent procurement"),
            Text(
                "Общественный контроль: от жалобы к решению",
                "Қоғамдық бақылау: шағымнан шешімге дейін",
                "Public oversight: from complaint to solution",
            ),
            Text("Честные услуги", "Адал қызмет", "Honest public services"),
            Text(
                "Антикоррупционная лаборатория",
                "Сыбайлас жемқорлыққа қарсы зертхана",
                "Anti-corruption laboratory",
            ),
        ),
        context=(
            Text(
                "Граждане сталкиваются с неформальными платежами при получении медицинских и "
                "образовательных услуг.",
                "Азаматтар медициналық және білім беру қызметтерін алу кезінде бейресми "
                "төлемдерге тап болады.",
                "Citizens face informal payments when using health and education services.",
            ),
            Text(
                "Сведения о государственных закупках открыты, но мало кто умеет их анализировать.",
                "Мемлекеттік сатып алулар туралы мәліметтер ашық, бірақ оларды талдай алатындар "
                "аз.",
                "Procurement records are open, but few people know how to analyse them.",
            ),
            Text(
                "Жалобы граждан нередко остаются без последствий для нарушителей.",
                "Азаматтардың шағымдары көбіне бұзушылар үшін салдарсыз қалады.",
                "Citizens' complaints often have no consequences for those at fault.",
            ),
        ),
        activities=(
            Text(
                "Общественные наблюдатели проанализируют закупки местных исполнительных органов.",
                "Қоғамдық байқаушылар жергілікті атқарушы органдардың сатып алуларын талдайды.",
                "Public monitors will analyse the procurement of local executive bodies.",
            ),
            Text(
                "Будет открыта горячая линия для сообщений о коррупции.",
                "Сыбайлас жемқорлық туралы хабарлауға арналған сенім телефоны ашылады.",
                "A hotline for reporting corruption will be opened.",
            ),
            Text(
                "Проект проведёт антикоррупционную экспертизу проектов местных нормативных актов.",
                "Жоба жергілікті нормативтік актілердің жобаларына сыбайлас жемқорлыққа қарсы "
                "сараптама жүргізеді.",
                "The project will review draft local regulations for corruption risks.",
            ),
        ),
        beneficiaries=(
            Text(
                "Бенефициары — получатели государственных услуг, предприниматели и общественные "
                "наблюдатели.",
                "Бенефициарлар – мемлекеттік қызметтерді алушылар, кәсіпкерлер және қоғамдық "
                "байқаушылар.",
                "The beneficiaries are users of public services, entrepreneurs and public "
                "monitors.",
            ),
        ),
        objectives=(
            Text(
                "Выявить коррупционные риски при оказании государственных услуг.",
                "Мемлекеттік қызметтер көрсетудегі сыбайлас жемқорлық тәуекелдерін анықтау.",
                "To identify corruption risks in the delivery of public services.",
            ),
            Text(
                "Обучить граждан методам общественного мониторинга закупок.",
                "Азаматтарды сатып алуларға қоғамдық мониторинг жүргізу әдістеріне үйрету.",
                "To train citizens in methods of public procurement monitoring.",
            ),
            Text(
                "Добиться устранения выявленных нарушений.",
                "Анықталған бұзушылықтардың жойылуына қол жеткізу.",
                "To get the irregularities found put right.",
            ),
        ),
        results=(
            Counted(
                "Проанализировано не менее {n} {noun}.",
                ("закупки", "закупок"),
                "Кемінде {n} сатып алу талданды.",
                "At least {n} procurement procedures analysed.",
                100,
                2000,
            ),
            Counted(
                "На горячую линию поступило не менее {n} {noun}.",
                ("обращения", "обращений"),
                "Сенім телефонына кемінде {n} өтініш түсті.",
                "At least {n} reports received by the hotline.",
                30,
                900,
            ),
            Text(
                "По итогам мониторинга отменены несколько закупок с нарушениями.",
                "Мониторинг нәтижесінде бұзушылықпен өткен бірнеше сатып алудың күші жойылды.",
                "Several irregular procurements cancelled as a result of the monitoring.",
            ),
        ),
        keywords=(
            Text(
                "Противодействие коррупции",
                "Сыбайлас жемқорлыққа қарсы іс-қимыл",
                "Anti-corruption",
            ),
            Text("Государственные закупки", "Мемлекеттік сатып алулар", "Public procurement"),
        ),
    ),
    Theme(
        slug="steppe-ecosystems",
        weight=5,
        rights=False,
        topic=Text(
            "Охрана степных экосистем", "Дала экожүйелерін қорғау", "Protecting steppe ecosystems"
        ),
        aims=(
            Aim(
                "сохранение степных экосистем и биологического разнообразия",
                "дала экожүйелері мен биологиялық әртүрлілікті сақтау",
                "дала экожүйелері мен биологиялық әртүрлілікті сақтауға",
                "conserving steppe ecosystems and biological diversity",
            ),
            Aim(
                "вовлечение местных сообществ в охрану природы",
                "жергілікті қауымдастықтарды табиғатты қорғауға тарту",
                "жергілікті қауымдастықтарды табиғатты қорғауға тартуға",
                "involving local communities in nature conservation",
            ),
        ),
        titles=(
            Text("Живая степь", "Тірі дала", "Living steppe"),
            Text("Степь без пожаров", "Өртсіз дала", "A steppe without fires"),
            Text(
                "Сообщества на страже природы",
                "Табиғатты қорғайтын қауымдастықтар",
                "Communities guarding nature",
            ),
            Text(
                "Зелёный коридор Сарыарки",
                "Сарыарқаның жасыл дәлізі",
                "The green corridor of Saryarka",
            ),
        ),
        context=(
            Text(
                "Степные пожары, перевыпас скота и распашка земель угрожают уникальным "
                "экосистемам региона.",
                "Дала өрттері, малдың шамадан тыс жайылуы және жер жырту өңірдің бірегей "
                "экожүйелеріне қауіп төндіреді.",
                "Steppe fires, overgrazing and ploughing threaten the region's unique ecosystems.",
            ),
            Text(
                "Местные жители мало вовлечены в управление особо охраняемыми природными "
                "территориями.",
                "Жергілікті тұрғындар ерекше қорғалатын табиғи аумақтарды басқаруға аз тартылған.",
                "Local residents have little say in the management of protected natural areas.",
            ),
        ),
        activities=(
            Text(
                "Проект создаст добровольные пожарные дружины в степных сёлах.",
                "Жоба дала ауылдарында ерікті өрт сөндіру жасақтарын құрады.",
                "The project will set up volunteer fire brigades in steppe villages.",
            ),
            Text(
                "Вместе с учёными участники проведут учёт редких видов растений и птиц.",
                "Қатысушылар ғалымдармен бірге сирек кездесетін өсімдіктер мен құстардың есебін "
                "жүргізеді.",
                "Together with scientists, participants will survey rare species of plants and "
                "birds.",
            ),
            Text(
                "Для школьников будут организованы экологические лагеря и экскурсии.",
                "Мектеп оқушыларына арналған экологиялық лагерьлер мен экскурсиялар "
                "ұйымдастырылады.",
                "Ecological camps and excursions will be organised for schoolchildren.",
            ),
        ),
        beneficiaries=(
            Text(
                "Бенефициары — жители степных сёл, фермеры, школьники и сотрудники "
                "природоохранных учреждений.",
                "Бенефициарлар – дала ауылдарының тұрғындары, фермерлер, мектеп оқушылары және "
                "табиғат қорғау мекемелерінің қызметкерлері.",
                "The beneficiaries are residents of steppe villages, farmers, schoolchildren "
                "and staff of conservation bodies.",
            ),
        ),
        objectives=(
            Text(
                "Снизить число степных пожаров на территории проекта.",
                "Жоба аумағындағы дала өрттерінің санын азайту.",
                "To reduce the number of steppe fires in the project area.",
            ),
            Text(
                "Вовлечь местных жителей в мониторинг биоразнообразия.",
                "Жергілікті тұрғындарды биоәртүрлілік мониторингіне тарту.",
                "To involve local residents in monitoring biodiversity.",
            ),
            Text(
                "Повысить экологическую грамотность школьников.",
                "Мектеп оқушыларының экологиялық сауаттылығын арттыру.",
                "To improve schoolchildren's environmental literacy.",
            ),
        ),
        results=(
            Counted(
                "Создано не менее {n} {noun} добровольных пожарных.",
                ("дружины", "дружин"),
                "Кемінде {n} ерікті өрт сөндіру жасағы құрылды.",
                "At least {n} volunteer fire brigades formed.",
                3,
                40,
            ),
            Counted(
                "В экологических лагерях побывали не менее {n} {noun}.",
                ("школьника", "школьников"),
                "Экологиялық лагерьлерге кемінде {n} оқушы қатысты.",
                "At least {n} schoolchildren took part in ecological camps.",
                30,
                600,
            ),
            Text(
                "Составлена карта мест обитания редких видов.",
                "Сирек кездесетін түрлер мекендейтін жерлердің картасы жасалды.",
                "A map of the habitats of rare species drawn up.",
            ),
        ),
        keywords=(
            Text("Экология", "Экология", "Environment"),
            Text("Биоразнообразие", "Биоәртүрлілік", "Biodiversity"),
        ),
        optional_rights=(
            Text(
                "Граждане не всегда знают свои права при проведении общественных слушаний по "
                "экологическим вопросам.",
                "Азаматтар экологиялық мәселелер бойынша қоғамдық тыңдаулар кезінде өз "
                "құқықтарын әрдайым біле бермейді.",
                "Citizens do not always know their rights when public hearings on "
                "environmental matters are held.",
            ),
        ),
    ),
    Theme(
        slug="water",
        weight=5,
        rights=False,
        topic=Text("Управление водными ресурсами", "Су ресурстарын басқару", "Water management"),
        aims=(
            Aim(
                "бережное использование воды и участие водопользователей в управлении бассейном",
                "суды ұқыпты пайдалану және су пайдаланушыларды бассейнді басқаруға тарту",
                "суды ұқыпты пайдалануға және су пайдаланушыларды бассейнді басқаруға тартуға",
                "using water wisely and involving water users in managing the river basin",
            ),
            Aim(
                "улучшение доступа сельских жителей к чистой питьевой воде",
                "ауыл тұрғындарының таза ауыз суға қолжетімділігін жақсарту",
                "ауыл тұрғындарының таза ауыз суға қолжетімділігін жақсартуға",
                "improving rural residents' access to clean drinking water",
            ),
        ),
        titles=(
            Text("Каждая капля на счету", "Әр тамшы есепте", "Every drop counts"),
            Text("Чистая вода для сёл", "Ауылдарға таза су", "Clean water for villages"),
            Text(
                "Бассейновые советы: голос водопользователей",
                "Бассейндік кеңестер: су пайдаланушылардың үні",
                "Basin councils: a voice for water users",
            ),
            Text(
                "Вода для полей и людей", "Егістік пен адамдарға су", "Water for fields and people"
            ),
        ),
        context=(
            Text(
                "Из-за износа оросительных каналов теряется много воды.",
                "Суару каналдарының тозуынан су көп ысырап болады.",
                "Worn-out irrigation canals lose a great deal of water.",
            ),
            Text(
                "Многие сёла до сих пор пользуются привозной водой или водой из открытых "
                "источников.",
                "Көптеген ауылдар әлі күнге дейін тасымалданатын суды немесе ашық көздердің "
                "суын пайдаланады.",
                "Many villages still rely on water brought in by truck or taken from open sources.",
            ),
            Text(
                "Водопользователи слабо представлены в бассейновых советах.",
                "Бассейндік кеңестерде су пайдаланушылардың өкілдігі әлсіз.",
                "Water users are poorly represented on basin councils.",
            ),
        ),
        activities=(
            Text(
                "Проект поможет создать ассоциации водопользователей в сельских округах.",
                "Жоба ауылдық округтерде су пайдаланушылар қауымдастықтарын құруға көмектеседі.",
                "The project will help set up water user associations in rural districts.",
            ),
            Text(
                "Фермеры освоят водосберегающие технологии орошения.",
                "Фермерлер суды үнемдейтін суару технологияларын меңгереді.",
                "Farmers will learn water-saving irrigation techniques.",
            ),
            Text(
                "Будет проведён общественный мониторинг качества питьевой воды.",
                "Ауыз су сапасына қоғамдық мониторинг жүргізіледі.",
                "Public monitoring of drinking water quality will be carried out.",
            ),
        ),
        beneficiaries=(
            Text(
                "Бенефициары — фермеры, жители сёл без централизованного водоснабжения и члены "
                "бассейновых советов.",
                "Бенефициарлар – фермерлер, орталықтандырылған сумен жабдықтау жүйесі жоқ "
                "ауылдардың тұрғындары және бассейндік кеңестердің мүшелері.",
                "The beneficiaries are farmers, residents of villages without piped water and "
                "members of basin councils.",
            ),
        ),
        objectives=(
            Text(
                "Сократить потери воды при орошении.",
                "Суару кезіндегі су шығынын азайту.",
                "To cut water losses in irrigation.",
            ),
            Text(
                "Укрепить ассоциации водопользователей.",
                "Су пайдаланушылар қауымдастықтарын нығайту.",
                "To strengthen water user associations.",
            ),
            Text(
                "Обеспечить общественный контроль качества питьевой воды.",
                "Ауыз су сапасына қоғамдық бақылауды қамтамасыз ету.",
                "To ensure public oversight of drinking water quality.",
            ),
        ),
        results=(
            Counted(
                "Создано не менее {n} {noun} водопользователей.",
                ("ассоциации", "ассоциаций"),
                "Су пайдаланушылардың кемінде {n} қауымдастығы құрылды.",
                "At least {n} water user associations established.",
                2,
                30,
            ),
            Counted(
                "Водосберегающим технологиям обучены не менее {n} {noun}.",
                ("фермера", "фермеров"),
                "Кемінде {n} фермер суды үнемдейтін технологияларға оқытылды.",
                "At least {n} farmers trained in water-saving techniques.",
                20,
                500,
            ),
            Text(
                "Результаты мониторинга качества воды переданы в акиматы.",
                "Су сапасы мониторингінің нәтижелері әкімдіктерге берілді.",
                "Results of the water quality monitoring passed to the akimats.",
            ),
        ),
        keywords=(
            Text("Водные ресурсы", "Су ресурстары", "Water resources"),
            Text("Сельское хозяйство", "Ауыл шаруашылығы", "Agriculture"),
        ),
        optional_rights=(
            Text(
                "Проект также разъясняет жителям их права как потребителей услуг водоснабжения.",
                "Жоба тұрғындарға сумен жабдықтау қызметтерін тұтынушылар ретіндегі "
                "құқықтарын да түсіндіреді.",
                "The project also explains to residents their rights as consumers of water "
                "supply services.",
            ),
        ),
    ),
    Theme(
        slug="disability-rights",
        weight=6,
        rights=True,
        topic=Text(
            "Права людей с инвалидностью",
            "Мүгедектігі бар адамдардың құқықтары",
            "Disability rights",
        ),
        aims=(
            Aim(
                "защиту прав людей с инвалидностью и доступность городской среды",
                "мүгедектігі бар адамдардың құқықтарын қорғау және қалалық ортаны қолжетімді ету",
                "мүгедектігі бар адамдардың құқықтарын қорғауға және қалалық ортаны қолжетімді "
                "етуге",
                "protecting the rights of people with disabilities and making towns accessible",
            ),
            Aim(
                "выполнение Конвенции о правах людей с инвалидностью на местном уровне",
                "Мүгедектігі бар адамдардың құқықтары туралы конвенцияны жергілікті деңгейде "
                "іске асыру",
                "Мүгедектігі бар адамдардың құқықтары туралы конвенцияны жергілікті деңгейде "
                "іске асыруға",
                "putting the Convention on the Rights of Persons with Disabilities into "
                "practice locally",
            ),
        ),
        titles=(
            Text("Доступный город", "Қолжетімді қала", "An accessible town"),
            Text(
                "Ничего о нас без нас",
                "Біз туралы бізсіз ештеңе шешілмейді",
                "Nothing about us without us",
            ),
            Text("Независимая жизнь", "Тәуелсіз өмір", "Independent living"),
            Text(
                "Равные права — равные возможности",
                "Тең құқықтар – тең мүмкіндіктер",
                "Equal rights, equal opportunities",
            ),
        ),
        context=(
            Text(
                "Многие общественные здания, остановки и тротуары по-прежнему недоступны для "
                "людей на колясках.",
                "Көптеген қоғамдық ғимараттар, аялдамалар мен тротуарлар арбадағы адамдар үшін "
                "әлі де қолжетімсіз.",
                "Many public buildings, bus stops and pavements are still out of reach for "
                "wheelchair users.",
            ),
            Text(
                "Люди с инвалидностью сталкиваются с дискриминацией при трудоустройстве.",
                "Мүгедектігі бар адамдар жұмысқа орналасу кезінде кемсітушілікке тап болады.",
                "People with disabilities face discrimination when looking for work.",
            ),
            Text(
                "Организации людей с инвалидностью редко привлекают к разработке местных программ.",
                "Мүгедектігі бар адамдардың ұйымдары жергілікті бағдарламаларды әзірлеуге сирек "
                "тартылады.",
                "Organisations of people with disabilities are seldom involved in drawing up "
                "local programmes.",
            ),
        ),
        activities=(
            Text(
                "Общественные эксперты проверят доступность объектов социальной инфраструктуры.",
                "Қоғамдық сарапшылар әлеуметтік инфрақұрылым нысандарының қолжетімділігін "
                "тексереді.",
                "Public experts will check how accessible social infrastructure is.",
            ),
            Text(
                "Юристы проекта будут представлять интересы людей с инвалидностью в суде.",
                "Жоба заңгерлері сотта мүгедектігі бар адамдардың мүддесін білдіреді.",
                "The project's lawyers will represent people with disabilities in court.",
            ),
            Text(
                "Работодателям предложат программу сопровождаемого трудоустройства.",
                "Жұмыс берушілерге сүйемелденетін жұмысқа орналастыру бағдарламасы ұсынылады.",
                "Employers will be offered a supported employment programme.",
            ),
        ),
        beneficiaries=(
            Text(
                "Бенефициары — люди с инвалидностью, их семьи и организации, которые "
                "представляют их интересы.",
                "Бенефициарлар – мүгедектігі бар адамдар, олардың отбасылары және олардың "
                "мүддесін білдіретін ұйымдар.",
                "The beneficiaries are people with disabilities, their families and the "
                "organisations that represent them.",
            ),
        ),
        objectives=(
            Text(
                "Оценить доступность городской среды и добиться устранения барьеров.",
                "Қалалық ортаның қолжетімділігін бағалау және кедергілердің жойылуына қол жеткізу.",
                "To assess how accessible the town is and get barriers removed.",
            ),
            Text(
                "Защищать права людей с инвалидностью в суде и во внесудебном порядке.",
                "Мүгедектігі бар адамдардың құқықтарын сотта және соттан тыс тәртіппен қорғау.",
                "To defend the rights of people with disabilities in and out of court.",
            ),
            Text(
                "Содействовать трудоустройству людей с инвалидностью.",
                "Мүгедектігі бар адамдардың жұмысқа орналасуына жәрдемдесу.",
                "To help people with disabilities find work.",
            ),
        ),
        results=(
            Counted(
                "Проверена доступность не менее {n} {noun}.",
                ("объекта", "объектов"),
                "Кемінде {n} нысанның қолжетімділігі тексерілді.",
                "The accessibility of at least {n} buildings checked.",
                20,
                500,
            ),
            Counted(
                "Работу получили не менее {n} {noun} с инвалидностью.",
                ("человека", "человек"),
                "Мүгедектігі бар кемінде {n} адам жұмысқа орналасты.",
                "At least {n} people with disabilities found jobs.",
                5,
                120,
            ),
            Text(
                "Выиграно несколько судебных дел о доступности и дискриминации.",
                "Қолжетімділік пен кемсітушілік туралы бірнеше сот ісі жеңіспен аяқталды.",
                "Several court cases on accessibility and discrimination won.",
            ),
        ),
        keywords=(
            Text("Инвалидность", "Мүгедектік", "Disability"),
            Text("Доступная среда", "Қолжетімді орта", "Accessibility"),
        ),
    ),
    Theme(
        slug="legal-aid",
        weight=6,
        rights=True,
        topic=Text("Бесплатная юридическая помощь", "Тегін заң көмегі", "Free legal aid"),
        aims=(
            Aim(
                "оказание бесплатной юридической помощи и защиту прав социально уязвимых граждан",
                "әлеуметтік осал азаматтарға тегін заң көмегін көрсету және олардың "
                "құқықтарын қорғау",
                "әлеуметтік осал азаматтарға тегін заң көмегін көрсетуге және олардың "
                "құқықтарын қорғауға",
                "providing free legal aid and protecting the rights of socially vulnerable "
                "citizens",
            ),
            Aim(
                "повышение правовой грамотности населения и защиту прав граждан в суде",
                "халықтың құқықтық сауаттылығын арттыру және азаматтардың құқықтарын сотта қорғау",
                "халықтың құқықтық сауаттылығын арттыруға және азаматтардың құқықтарын сотта "
                "қорғауға",
                "raising legal literacy and defending citizens' rights in court",
            ),
        ),
        titles=(
            Text("Юрист рядом", "Заңгер жаныңызда", "A lawyer near you"),
            Text(
                "Правовая помощь в каждое село",
                "Әр ауылға заң көмегі",
                "Legal aid for every village",
            ),
            Text(
                "Мобильные юридические клиники", "Жылжымалы заң клиникалары", "Mobile legal clinics"
            ),
            Text("Знай закон", "Заңды біл", "Know the law"),
        ),
        context=(
            Text(
                "Жители отдалённых сёл не могут позволить себе услуги адвоката.",
                "Шалғай ауылдардың тұрғындары адвокат қызметіне ақы төлей алмайды.",
                "People in remote villages cannot afford a lawyer.",
            ),
            Text(
                "Многие граждане не знают, что имеют право на юридическую помощь, "
                "гарантированную государством.",
                "Көптеген азаматтар мемлекет кепілдік берген заң көмегін алуға құқылы екенін "
                "білмейді.",
                "Many people do not know that they are entitled to legal aid guaranteed by the "
                "state.",
            ),
            Text(
                "Чаще всего люди обращаются по вопросам пенсий, пособий, жилья и трудовых споров.",
                "Адамдар көбінесе зейнетақы, жәрдемақы, тұрғын үй және еңбек даулары бойынша "
                "жүгінеді.",
                "Most people come with questions about pensions, benefits, housing and labour "
                "disputes.",
            ),
        ),
        activities=(
            Text(
                "Мобильные группы юристов будут выезжать в сёла по графику.",
                "Заңгерлердің жылжымалы топтары ауылдарға кесте бойынша барып тұрады.",
                "Mobile teams of lawyers will visit villages on a regular schedule.",
            ),
            Text(
                "Студенты юридических факультетов будут консультировать граждан под руководством "
                "адвокатов.",
                "Заң факультеттерінің студенттері адвокаттардың жетекшілігімен азаматтарға "
                "кеңес береді.",
                "Law students will advise citizens under the supervision of practising lawyers.",
            ),
            Text(
                "Будут изданы памятки по самым частым юридическим вопросам.",
                "Ең жиі кездесетін заң мәселелері бойынша жадынамалар шығарылады.",
                "Leaflets on the most common legal questions will be published.",
            ),
        ),
        beneficiaries=(
            Text(
                "Бенефициары — малообеспеченные семьи, пенсионеры, люди с инвалидностью и "
                "жители отдалённых сёл.",
                "Бенефициарлар – аз қамтылған отбасылар, зейнеткерлер, мүгедектігі бар адамдар "
                "және шалғай ауылдардың тұрғындары.",
                "The beneficiaries are low-income families, pensioners, people with "
                "disabilities and residents of remote villages.",
            ),
        ),
        objectives=(
            Text(
                "Обеспечить бесплатные юридические консультации в отдалённых сёлах.",
                "Шалғай ауылдарда тегін заң кеңестерін қамтамасыз ету.",
                "To provide free legal advice in remote villages.",
            ),
            Text(
                "Представлять интересы граждан в судах и государственных органах.",
                "Азаматтардың мүддесін соттар мен мемлекеттік органдарда білдіру.",
                "To represent citizens in courts and before public bodies.",
            ),
            Text(
                "Повысить правовую грамотность населения.",
                "Халықтың құқықтық сауаттылығын арттыру.",
                "To improve people's knowledge of the law.",
            ),
        ),
        results=(
            Counted(
                "Бесплатную консультацию получили не менее {n} {noun}.",
                ("человека", "человек"),
                "Кемінде {n} адам тегін кеңес алды.",
                "At least {n} people received free advice.",
                200,
                5000,
            ),
            Counted(
                "Юристы проекта подготовили не менее {n} {noun}.",
                ("процессуального документа", "процессуальных документов"),
                "Жоба заңгерлері кемінде {n} іс жүргізу құжатын дайындады.",
                "The project's lawyers drafted at least {n} court documents.",
                30,
                800,
            ),
            Text(
                "Памятки распространены через сельские акиматы и библиотеки.",
                "Жадынамалар ауылдық әкімдіктер мен кітапханалар арқылы таратылды.",
                "Leaflets distributed through rural akimats and libraries.",
            ),
        ),
        keywords=(
            Text("Юридическая помощь", "Заң көмегі", "Legal aid"),
            Text("Правовое просвещение", "Құқықтық ағарту", "Legal education"),
        ),
    ),
    Theme(
        slug="labour-migration",
        weight=4,
        rights=True,
        topic=Text(
            "Защита трудовых мигрантов", "Еңбек мигранттарын қорғау", "Protecting labour migrants"
        ),
        aims=(
            Aim(
                "защиту прав трудовых мигрантов и членов их семей",
                "еңбек мигранттары мен олардың отбасы мүшелерінің құқықтарын қорғау",
                "еңбек мигранттары мен олардың отбасы мүшелерінің құқықтарын қорғауға",
                "protecting the rights of labour migrants and their families",
            ),
            Aim(
                "безопасную трудовую миграцию и соблюдение прав мигрантов в Центральной Азии",
                "Орталық Азияда қауіпсіз еңбек көші-қонын және мигранттардың құқықтарының "
                "сақталуын қамтамасыз ету",
                "Орталық Азияда қауіпсіз еңбек көші-қонын және мигранттардың құқықтарының "
                "сақталуын қамтамасыз етуге",
                "safe labour migration and respect for migrants' rights in Central Asia",
            ),
        ),
        titles=(
            Text("Безопасная миграция", "Қауіпсіз көші-қон", "Safe migration"),
            Text("Работа без обмана", "Алдаусыз жұмыс", "Work without deception"),
            Text(
                "Центры поддержки мигрантов",
                "Мигранттарды қолдау орталықтары",
                "Migrant support centres",
            ),
            Text(
                "Дорога к достойному труду", "Лайықты еңбекке апарар жол", "The road to decent work"
            ),
        ),
        context=(
            Text(
                "Каждый год в Казахстан из соседних стран приезжают тысячи трудовых мигрантов.",
                "Жыл сайын көрші елдерден Қазақстанға мыңдаған еңбек мигранттары келеді.",
                "Every year thousands of labour migrants come to Kazakhstan from neighbouring "
                "countries.",
            ),
            Text(
                "Не зная законодательства, мигранты становятся жертвами недобросовестных "
                "работодателей.",
                "Заңнаманы білмегендіктен мигранттар арам ниетті жұмыс берушілердің құрбанына "
                "айналады.",
                "Without knowledge of the law, migrants fall victim to dishonest employers.",
            ),
            Text(
                "Дети мигрантов не всегда могут пойти в школу и получить медицинскую помощь.",
                "Мигранттардың балалары мектепке бару және медициналық көмек алу мүмкіндігіне "
                "әрдайым ие бола бермейді.",
                "Migrants' children cannot always go to school or get medical care.",
            ),
        ),
        activities=(
            Text(
                "В пунктах пропуска и городах будут работать консультационные центры для "
                "мигрантов.",
                "Өткізу пункттері мен қалаларда мигранттарға арналған кеңес беру орталықтары "
                "жұмыс істейді.",
                "Advice centres for migrants will operate at border crossings and in towns.",
            ),
            Text(
                "Проект запустит телефонную линию помощи на нескольких языках региона.",
                "Жоба өңірдің бірнеше тілінде көмек телефонын іске қосады.",
                "The project will launch a helpline in several languages of the region.",
            ),
            Text(
                "Для полицейских и инспекторов труда пройдут семинары.",
                "Полиция қызметкерлері мен еңбек инспекторларына семинарлар өткізіледі.",
                "Seminars will be held for police officers and labour inspectors.",
            ),
        ),
        beneficiaries=(
            Text(
                "Бенефициары — трудовые мигранты, члены их семей и жертвы торговли людьми.",
                "Бенефициарлар – еңбек мигранттары, олардың отбасы мүшелері және адам "
                "саудасының құрбандары.",
                "The beneficiaries are labour migrants, their families and victims of human "
                "trafficking.",
            ),
        ),
        objectives=(
            Text(
                "Информировать мигрантов о правилах легального трудоустройства.",
                "Мигранттарды заңды жұмысқа орналасу ережелері туралы хабардар ету.",
                "To inform migrants of the rules for legal employment.",
            ),
            Text(
                "Оказать юридическую помощь мигрантам, пострадавшим от нарушений.",
                "Заң бұзушылықтан зардап шеккен мигранттарға заң көмегін көрсету.",
                "To give legal help to migrants who have suffered abuses.",
            ),
            Text(
                "Наладить сотрудничество государственных органов стран происхождения и назначения.",
                "Мигранттар шыққан және баратын елдердің мемлекеттік органдары арасында "
                "ынтымақтастық орнату.",
                "To build cooperation between the authorities of the countries of origin and "
                "destination.",
            ),
        ),
        results=(
            Counted(
                "Консультации получили не менее {n} {noun}.",
                ("мигранта", "мигрантов"),
                "Кемінде {n} мигрант кеңес алды.",
                "At least {n} migrants advised.",
                200,
                6000,
            ),
            Counted(
                "Не менее {n} {noun} с помощью проекта вернули невыплаченную зарплату.",
                ("мигранта", "мигрантов"),
                "Кемінде {n} мигрант жобаның көмегімен төленбеген жалақысын қайтарды.",
                "At least {n} migrants recovered unpaid wages with the project's help.",
                10,
                300,
            ),
            Text(
                "Подписан меморандум о сотрудничестве с миграционной службой.",
                "Көші-қон қызметімен ынтымақтастық туралы меморандумға қол қойылды.",
                "A memorandum of cooperation signed with the migration service.",
            ),
        ),
        keywords=(
            Text("Трудовая миграция", "Еңбек көші-қоны", "Labour migration"),
            Text("Торговля людьми", "Адам саудасы", "Human trafficking"),
        ),
    ),
    Theme(
        slug="domestic-violence",
        weight=4,
        rights=True,
        topic=Text(
            "Профилактика бытового насилия",
            "Тұрмыстық зорлық-зомбылықтың алдын алу",
            "Preventing domestic violence",
        ),
        aims=(
            Aim(
                "профилактику бытового насилия и защиту прав пострадавших",
                "тұрмыстық зорлық-зомбылықтың алдын алу және зардап шеккендердің құқықтарын қорғау",
                "тұрмыстық зорлық-зомбылықтың алдын алуға және зардап шеккендердің "
                "құқықтарын қорғауға",
                "preventing domestic violence and protecting the rights of survivors",
            ),
            Aim(
                "создание системы помощи пострадавшим от насилия и защиту их прав",
                "зорлық-зомбылықтан зардап шеккендерге көмек көрсету жүйесін құру және олардың "
                "құқықтарын қорғау",
                "зорлық-зомбылықтан зардап шеккендерге көмек көрсету жүйесін құруға және "
                "олардың құқықтарын қорғауға",
                "building a system of support for survivors of violence and protecting their "
                "rights",
            ),
        ),
        titles=(
            Text("Дом без насилия", "Зорлық-зомбылықсыз үй", "A home without violence"),
            Text("Ты не одна", "Сен жалғыз емессің", "You are not alone"),
            Text(
                "Кризисные центры: помощь рядом",
                "Дағдарыс орталықтары: көмек жаныңызда",
                "Crisis centres: help close at hand",
            ),
            Text("Безопасная семья", "Қауіпсіз отбасы", "A safe family"),
        ),
        context=(
            Text(
                "Пострадавшие от бытового насилия часто не обращаются за помощью из страха и "
                "из-за зависимости от обидчика.",
                "Тұрмыстық зорлық-зомбылықтан зардап шеккендер қорқыныштан және зорлық "
                "көрсетушіге тәуелді болғандықтан көбіне көмек сұрамайды.",
                "Survivors of domestic violence often do not seek help out of fear and because "
                "they depend on the abuser.",
            ),
            Text(
                "В сельских районах нет кризисных центров и приютов.",
                "Ауылдық аудандарда дағдарыс орталықтары мен баспаналар жоқ.",
                "Rural districts have no crisis centres or shelters.",
            ),
            Text(
                "Участковые инспекторы и медики не всегда знают, как действовать в случаях "
                "насилия.",
                "Учаскелік инспекторлар мен медицина қызметкерлері зорлық-зомбылық жағдайында "
                "қалай әрекет ету керектігін әрдайым біле бермейді.",
                "Local police officers and health workers do not always know what to do in "
                "cases of violence.",
            ),
        ),
        activities=(
            Text(
                "Проект откроет кризисные комнаты при центрах оказания специальных социальных "
                "услуг.",
                "Жоба арнаулы әлеуметтік қызметтер көрсету орталықтарының жанынан дағдарыс "
                "бөлмелерін ашады.",
                "The project will open crisis rooms at centres providing special social services.",
            ),
            Text(
                "Психологи и юристы окажут пострадавшим бесплатную помощь.",
                "Психологтар мен заңгерлер зардап шеккендерге тегін көмек көрсетеді.",
                "Psychologists and lawyers will give survivors free help.",
            ),
            Text(
                "Для полицейских, медиков и социальных работников разработают порядок "
                "совместного реагирования.",
                "Полиция қызметкерлері, медиктер мен әлеуметтік қызметкерлер үшін бірлесіп ден "
                "қою тәртібі әзірленеді.",
                "A joint response protocol will be developed for police, health and social "
                "workers.",
            ),
        ),
        beneficiaries=(
            Text(
                "Бенефициары — женщины и дети, пострадавшие от насилия, а также специалисты, "
                "которые им помогают.",
                "Бенефициарлар – зорлық-зомбылықтан зардап шеккен әйелдер мен балалар, сондай-ақ "
                "оларға көмектесетін мамандар.",
                "The beneficiaries are women and children who have suffered violence and the "
                "professionals who help them.",
            ),
        ),
        objectives=(
            Text(
                "Обеспечить пострадавшим доступ к психологической и юридической помощи.",
                "Зардап шеккендердің психологиялық және заң көмегін алуын қамтамасыз ету.",
                "To give survivors access to psychological and legal help.",
            ),
            Text(
                "Научить специалистов распознавать насилие и реагировать на него.",
                "Мамандарды зорлық-зомбылықты анықтауға және оған ден қоюға үйрету.",
                "To train professionals to recognise violence and respond to it.",
            ),
            Text(
                "Изменить отношение общества к бытовому насилию.",
                "Қоғамның тұрмыстық зорлық-зомбылыққа көзқарасын өзгерту.",
                "To change public attitudes to domestic violence.",
            ),
        ),
        results=(
            Counted(
                "Помощь получили не менее {n} {noun}.",
                ("пострадавшей", "пострадавших"),
                "Зардап шеккен кемінде {n} адам көмек алды.",
                "At least {n} survivors helped.",
                30,
                900,
            ),
            Counted(
                "Обучение прошли не менее {n} {noun}.",
                ("специалиста", "специалистов"),
                "Кемінде {n} маман оқудан өтті.",
                "At least {n} professionals trained.",
                20,
                400,
            ),
            Text(
                "Порядок совместного реагирования утверждён в пилотных районах.",
                "Бірлесіп ден қою тәртібі пилоттық аудандарда бекітілді.",
                "The joint response protocol adopted in the pilot districts.",
            ),
        ),
        keywords=(
            Text("Бытовое насилие", "Тұрмыстық зорлық-зомбылық", "Domestic violence"),
            Text("Гендерное равенство", "Гендерлік теңдік", "Gender equality"),
        ),
    ),
    Theme(
        slug="open-budgets",
        weight=4,
        rights=False,
        topic=Text("Открытый бюджет", "Ашық бюджет", "Open budgets"),
        aims=(
            Aim(
                "прозрачность местных бюджетов и участие граждан в бюджетном процессе",
                "жергілікті бюджеттердің ашықтығын арттыру және азаматтарды бюджет процесіне тарту",
                "жергілікті бюджеттердің ашықтығын арттыруға және азаматтарды бюджет процесіне "
                "тартуға",
                "making local budgets more transparent and involving citizens in the budget "
                "process",
            ),
            Aim(
                "развитие гражданского бюджета и публичных слушаний по бюджету",
                "азаматтық бюджетті және бюджет бойынша қоғамдық тыңдауларды дамыту",
                "азаматтық бюджетті және бюджет бойынша қоғамдық тыңдауларды дамытуға",
                "developing citizens' budgets and public budget hearings",
            ),
        ),
        titles=(
            Text(
                "Бюджет, понятный каждому",
                "Әркімге түсінікті бюджет",
                "A budget everyone can understand",
            ),
            Text("Гражданский бюджет", "Азаматтық бюджет", "Citizens' budget"),
            Text(
                "Деньги района под контролем жителей",
                "Аудан қаражаты тұрғындардың бақылауында",
                "District money under residents' control",
            ),
        ),
        context=(
            Text(
                "Бюджетные документы публикуются в виде, сложном для понимания.",
                "Бюджет құжаттары түсінуге қиын түрде жарияланады.",
                "Budget documents are published in a form that is hard to understand.",
            ),
            Text(
                "Публичные слушания по бюджету собирают мало участников.",
                "Бюджет бойынша қоғамдық тыңдауларға аз адам қатысады.",
                "Public hearings on the budget attract few participants.",
            ),
            Text(
                "Жители не знают, сколько средств выделяется на дороги, школы и освещение их улиц.",
                "Тұрғындар жолдарға, мектептерге және көшелерін жарықтандыруға қанша қаражат "
                "бөлінетінін білмейді.",
                "Residents do not know how much is spent on roads, schools and lighting in "
                "their streets.",
            ),
        ),
        activities=(
            Text(
                "Эксперты проекта подготовят гражданские версии областных и районных бюджетов.",
                "Жоба сарапшылары облыстық және аудандық бюджеттердің азаматтық нұсқаларын "
                "дайындайды.",
                "The project's experts will prepare citizens' versions of regional and "
                "district budgets.",
            ),
            Text(
                "Перед публичными слушаниями пройдут открытые встречи с жителями.",
                "Қоғамдық тыңдаулар алдында тұрғындармен ашық кездесулер өтеді.",
                "Open meetings with residents will be held before the public hearings.",
            ),
            Text(
                "Будет запущена онлайн-карта бюджетных расходов.",
                "Бюджет шығыстарының онлайн-картасы іске қосылады.",
                "An online map of budget spending will be launched.",
            ),
        ),
        beneficiaries=(
            Text(
                "Бенефициары — жители районов, депутаты маслихатов, журналисты и местные НКО.",
                "Бенефициарлар – аудан тұрғындары, мәслихат депутаттары, журналистер және "
                "жергілікті ҮЕҰ-лар.",
                "The beneficiaries are district residents, maslikhat deputies, journalists and "
                "local NGOs.",
            ),
        ),
        objectives=(
            Text(
                "Сделать бюджетную информацию понятной и доступной.",
                "Бюджет ақпаратын түсінікті әрі қолжетімді ету.",
                "To make budget information clear and accessible.",
            ),
            Text(
                "Привлечь больше жителей к публичным слушаниям по бюджету.",
                "Бюджет бойынша қоғамдық тыңдауларға көбірек тұрғынды тарту.",
                "To get more residents to take part in public budget hearings.",
            ),
            Text(
                "Сформировать сеть общественных бюджетных наблюдателей.",
                "Қоғамдық бюджет байқаушыларының желісін қалыптастыру.",
                "To build a network of public budget monitors.",
            ),
        ),
        results=(
            Counted(
                "Опубликовано не менее {n} {noun} бюджетов.",
                ("гражданской версии", "гражданских версий"),
                "Бюджеттердің кемінде {n} азаматтық нұсқасы жарияланды.",
                "At least {n} citizens' budgets published.",
                3,
                40,
            ),
            Counted(
                "В публичных слушаниях участвовали не менее {n} {noun}.",
                ("жителя", "жителей"),
                "Қоғамдық тыңдауларға кемінде {n} тұрғын қатысты.",
                "At least {n} residents took part in public hearings.",
                50,
                1500,
            ),
            Text(
                "Онлайн-карта бюджетных расходов открыта для всех жителей.",
                "Бюджет шығыстарының онлайн-картасы барлық тұрғындарға ашық.",
                "The online map of budget spending open to all residents.",
            ),
        ),
        keywords=(
            Text("Бюджетная прозрачность", "Бюджет ашықтығы", "Budget transparency"),
            Text("Бюджет участия", "Қатысу бюджеті", "Participatory budgeting"),
        ),
    ),
    Theme(
        slug="rural-development",
        weight=5,
        rights=False,
        topic=Text(
            "Развитие сельских сообществ",
            "Ауылдық қауымдастықтарды дамыту",
            "Rural community development",
        ),
        aims=(
            Aim(
                "развитие сельских сообществ и поддержку местных инициатив",
                "ауылдық қауымдастықтарды дамыту және жергілікті бастамаларды қолдау",
                "ауылдық қауымдастықтарды дамытуға және жергілікті бастамаларды қолдауға",
                "developing rural communities and supporting local initiatives",
            ),
            Aim(
                "создание рабочих мест и поддержку сельского предпринимательства",
                "жұмыс орындарын ашу және ауылдық кәсіпкерлікті қолдау",
                "жұмыс орындарын ашуға және ауылдық кәсіпкерлікті қолдауға",
                "creating jobs and supporting rural enterprise",
            ),
        ),
        titles=(
            Text(
                "Наше село — наша ответственность",
                "Біздің ауыл – біздің жауапкершілігіміз",
                "Our village, our responsibility",
            ),
            Text(
                "Кооперативы для сельских семей",
                "Ауыл отбасыларына арналған кооперативтер",
                "Cooperatives for rural families",
            ),
            Text("Село будущего", "Болашақ ауылы", "The village of the future"),
            Text(
                "Малые гранты для сельских инициатив",
                "Ауылдық бастамаларға шағын гранттар",
                "Small grants for rural initiatives",
            ),
        ),
        context=(
            Text(
                "Многие сёла теряют население из-за нехватки работы и услуг.",
                "Жұмыс пен қызметтердің жетіспеуінен көптеген ауылдардың халқы азайып барады.",
                "Many villages are losing people because there are too few jobs and services.",
            ),
            Text(
                "Сельские жители редко объединяются в кооперативы и ассоциации.",
                "Ауыл тұрғындары кооперативтер мен қауымдастықтарға сирек бірігеді.",
                "Rural residents seldom join together in cooperatives and associations.",
            ),
            Text(
                "У местных инициативных групп нет опыта работы с грантами.",
                "Жергілікті бастамашыл топтардың гранттармен жұмыс істеу тәжірибесі жоқ.",
                "Local initiative groups have no experience of working with grants.",
            ),
        ),
        activities=(
            Text(
                "Проект поможет создать сельскохозяйственные кооперативы и научит их членов "
                "основам бизнеса.",
                "Жоба ауыл шаруашылығы кооперативтерін құруға көмектесіп, олардың мүшелерін "
                "бизнес негіздеріне үйретеді.",
                "The project will help set up farming cooperatives and teach their members "
                "the basics of business.",
            ),
            Text(
                "Инициативные группы получат малые гранты на ремонт детских площадок, клубов и "
                "дорог.",
                "Бастамашыл топтар балалар алаңдарын, клубтар мен жолдарды жөндеуге шағын "
                "гранттар алады.",
                "Initiative groups will receive small grants to repair playgrounds, village "
                "clubs and roads.",
            ),
            Text(
                "Будут организованы ярмарки местной продукции.",
                "Жергілікті өнім жәрмеңкелері ұйымдастырылады.",
                "Fairs of local produce will be organised.",
            ),
        ),
        beneficiaries=(
            Text(
                "Бенефициары — жители сёл, фермеры, сельские предприниматели и инициативные "
                "группы.",
                "Бенефициарлар – ауыл тұрғындары, фермерлер, ауылдық кәсіпкерлер және "
                "бастамашыл топтар.",
                "The beneficiaries are villagers, farmers, rural entrepreneurs and initiative "
                "groups.",
            ),
        ),
        objectives=(
            Text(
                "Поддержать создание сельских кооперативов.",
                "Ауылдық кооперативтердің құрылуын қолдау.",
                "To support the creation of rural cooperatives.",
            ),
            Text(
                "Вовлечь жителей в решение местных проблем.",
                "Тұрғындарды жергілікті мәселелерді шешуге тарту.",
                "To involve residents in solving local problems.",
            ),
            Text(
                "Создать новые рабочие места в сёлах.",
                "Ауылдарда жаңа жұмыс орындарын ашу.",
                "To create new jobs in villages.",
            ),
        ),
        results=(
            Counted(
                "Создано не менее {n} {noun}.",
                ("кооператива", "кооперативов"),
                "Кемінде {n} кооператив құрылды.",
                "At least {n} cooperatives set up.",
                3,
                50,
            ),
            Counted(
                "Профинансировано не менее {n} {noun}.",
                ("местной инициативы", "местных инициатив"),
                "Кемінде {n} жергілікті бастама қаржыландырылды.",
                "At least {n} local initiatives funded.",
                5,
                80,
            ),
            Text(
                "В сёлах проекта открыты новые рабочие места.",
                "Жоба ауылдарында жаңа жұмыс орындары ашылды.",
                "New jobs created in the project's villages.",
            ),
        ),
        keywords=(
            Text("Развитие села", "Ауылды дамыту", "Rural development"),
            Text("Кооперативы", "Кооперативтер", "Cooperatives"),
        ),
    ),
)

# --- Shared by every theme (none of them mentions rights) -------------------------------------

TAGLINES = (
    Text("от диалога к действиям", "диалогтан іс-әрекетке", "from dialogue to action"),
    Text(
        "голос местных сообществ",
        "жергілікті қауымдастықтардың үні",
        "the voice of local communities",
    ),
    Text(
        "новые возможности для регионов",
        "өңірлер үшін жаңа мүмкіндіктер",
        "new opportunities for the regions",
    ),
    Text("партнёрство ради перемен", "өзгерістер үшін серіктестік", "partnership for change"),
    Text("знания, навыки, участие", "білім, дағды, қатысу", "knowledge, skills, participation"),
    Text("шаг за шагом", "қадам сайын", "step by step"),
    Text("общими усилиями", "бірлескен күшпен", "working together"),
    Text("равные возможности для всех", "барлығына тең мүмкіндік", "equal opportunities for all"),
    Text("сильные сообщества", "мықты қауымдастықтар", "strong communities"),
    Text("открытость и доверие", "ашықтық пен сенім", "openness and trust"),
    Text("опыт, который работает", "нәтиже беретін тәжірибе", "experience that works"),
    Text(
        "ответственность и участие", "жауапкершілік пен қатысу", "responsibility and participation"
    ),
    Text(
        "школа гражданских инициатив",
        "азаматтық бастамалар мектебі",
        "a school of civic initiatives",
    ),
    Text(
        "ресурсный центр для НКО", "ҮЕҰ-ға арналған ресурстық орталық", "a resource centre for NGOs"
    ),
)

GENERIC_ACTIVITIES = (
    Text(
        "В рамках проекта пройдут круглые столы с участием представителей государственных "
        "органов, НКО и экспертов.",
        "Жоба аясында мемлекеттік органдардың, ҮЕҰ-лар мен сарапшылардың өкілдері қатысатын "
        "дөңгелек үстелдер өтеді.",
        "Round tables with representatives of public bodies, NGOs and experts will be held as "
        "part of the project.",
    ),
    Text(
        "Информационная кампания охватит местные газеты, радио и социальные сети.",
        "Ақпараттық науқан жергілікті газеттерді, радио мен әлеуметтік желілерді қамтиды.",
        "The information campaign will cover local newspapers, radio and social networks.",
    ),
    Text(
        "Для участников будет подготовлено методическое пособие на казахском и русском языках.",
        "Қатысушыларға арналған әдістемелік құрал қазақ және орыс тілдерінде дайындалады.",
        "A handbook in Kazakh and Russian will be prepared for participants.",
    ),
    Text(
        "Опыт пилотных районов будет обобщён и представлен на республиканской конференции.",
        "Пилоттық аудандардың тәжірибесі жинақталып, республикалық конференцияда таныстырылады.",
        "The experience of the pilot districts will be summed up and presented at a national "
        "conference.",
    ),
    Text(
        "Команда проекта проведёт социологический опрос в начале и в конце работы.",
        "Жоба командасы жұмыстың басында және соңында әлеуметтанулық сауалнама жүргізеді.",
        "The project team will run a survey at the beginning and at the end of the work.",
    ),
    Text(
        "На каждом этапе будут учитываться потребности женщин, молодёжи и людей с инвалидностью.",
        "Әр кезеңде әйелдердің, жастардың және мүгедектігі бар адамдардың қажеттіліктері "
        "ескеріледі.",
        "The needs of women, young people and people with disabilities will be taken into "
        "account at every stage.",
    ),
    Text(
        "Партнёры проекта проведут выездные семинары в районных центрах.",
        "Жоба серіктестері аудан орталықтарында көшпелі семинарлар өткізеді.",
        "The project partners will hold seminars on location in district centres.",
    ),
    Text(
        "Все материалы проекта будут размещены в открытом доступе.",
        "Жобаның барлық материалдары ашық қолжетімділікке орналастырылады.",
        "All project materials will be made freely available.",
    ),
    Text(
        "По завершении проекта его результаты оценят независимые эксперты.",
        "Жоба аяқталған соң оның нәтижелерін тәуелсіз сарапшылар бағалайды.",
        "Independent experts will evaluate the project's results once it is finished.",
    ),
    Text(
        "Проект опирается на опыт предыдущих инициатив организации в регионе.",
        "Жоба ұйымның өңірдегі бұрынғы бастамаларының тәжірибесіне сүйенеді.",
        "The project builds on the organisation's earlier initiatives in the region.",
    ),
)

GENERIC_OBJECTIVES = (
    Text(
        "Укрепить сотрудничество НКО с местными органами власти.",
        "ҮЕҰ-лардың жергілікті билік органдарымен ынтымақтастығын нығайту.",
        "To strengthen cooperation between NGOs and local authorities.",
    ),
    Text(
        "Распространить опыт проекта в других регионах.",
        "Жоба тәжірибесін басқа өңірлерге тарату.",
        "To share the project's experience with other regions.",
    ),
    Text(
        "Повысить информированность населения о проблеме.",
        "Халықтың мәселе туралы хабардарлығын арттыру.",
        "To raise public awareness of the problem.",
    ),
)

GENERIC_RESULTS = (
    Counted(
        "Проведено не менее {n} {noun}.",
        ("семинара", "семинаров"),
        "Кемінде {n} семинар өткізілді.",
        "At least {n} seminars held.",
        5,
        60,
    ),
    Counted(
        "В СМИ вышло не менее {n} {noun} о проекте.",
        ("публикации", "публикаций"),
        "БАҚ-та жоба туралы кемінде {n} материал жарияланды.",
        "At least {n} media reports about the project published.",
        10,
        200,
    ),
    Counted(
        "В мероприятиях проекта приняли участие не менее {n} {noun}.",
        ("человека", "человек"),
        "Жоба іс-шараларына кемінде {n} адам қатысты.",
        "At least {n} people took part in the project's events.",
        100,
        5000,
    ),
    Text(
        "Подготовлен итоговый отчёт с рекомендациями для государственных органов.",
        "Мемлекеттік органдарға арналған ұсынымдары бар қорытынды есеп дайындалды.",
        "A final report with recommendations for public bodies prepared.",
    ),
    Text(
        "Методическое пособие издано и передано в районные библиотеки.",
        "Әдістемелік құрал басылып, аудандық кітапханаларға берілді.",
        "The handbook printed and given to district libraries.",
    ),
)

CLOSINGS = (
    Text(
        "После завершения проекта созданные механизмы продолжат работу при поддержке местных "
        "партнёров.",
        "Жоба аяқталғаннан кейін құрылған тетіктер жергілікті серіктестердің қолдауымен "
        "жұмысын жалғастырады.",
        "Once the project ends, the mechanisms it has created will keep working with the "
        "support of local partners.",
    ),
    Text(
        "Организаторы рассчитывают, что опыт проекта будет использован при разработке "
        "региональных программ.",
        "Ұйымдастырушылар жоба тәжірибесі өңірлік бағдарламаларды әзірлеуде пайдаланылады деп "
        "күтеді.",
        "The organisers expect the project's experience to be used in drawing up regional "
        "programmes.",
    ),
    Text(
        "За ходом проекта можно следить на страницах организации в социальных сетях.",
        "Жобаның барысын ұйымның әлеуметтік желілердегі парақшаларынан қадағалауға болады.",
        "Progress can be followed on the organisation's social media pages.",
    ),
    Text(
        "Проект открыт для новых партнёров из числа местных организаций.",
        "Жоба жергілікті ұйымдар қатарынан жаңа серіктестерге ашық.",
        "The project is open to new partners among local organisations.",
    ),
)

# Rare words: only these sentences carry them, each in one theme with a set probability
# (projects/synthetic.py turns that into the documented share).
RARE_SENTENCES = {
    "saiga": (
        "steppe-ecosystems",
        0.1,
        Text(
            "Отдельный компонент посвящён сохранению популяции сайгака в степных районах и "
            "наблюдению за путями его миграции.",
            "Жобаның жеке бөлігі дала аудандарындағы киік популяциясын сақтауға және "
            "киіктердің қоныс аудару жолдарын бақылауға арналған.",
            "A separate component is devoted to conserving the saiga antelope population in the "
            "steppe districts and to watching its migration routes.",
        ),
    ),
    "petroglyphs": (
        "steppe-ecosystems",
        0.04,
        Text(
            "Волонтёры проекта также очистят от мусора территорию вокруг древних петроглифов.",
            "Жоба еріктілері көне петроглифтер маңындағы аумақты да қоқыстан тазартады.",
            "Project volunteers will also clear litter from the area around ancient petroglyphs.",
        ),
    ),
}

# --- Sentences with slots -------------------------------------------------------------------

SUMMARY = (
    Text(
        "{lead} реализует проект, направленный на {aim}.",
        "{lead} {aim_dative} бағытталған жобаны іске асырады.",
        "{lead} is carrying out a project aimed at {aim}.",
    ),
    Text(
        "Проект направлен на {aim}.",
        "Жоба {aim_dative} бағытталған.",
        "The project is aimed at {aim}.",
    ),
)
LEAD = Text(
    "Проект реализует {lead}.",
    "Жобаны {lead} іске асырады.",
    "The project is implemented by {lead}.",
)
CO_IMPLEMENTER = Text(
    "Соисполнитель — {name}.", "Бірлескен орындаушы – {name}.", "Co-implementer: {name}."
)
PARTNERS = Text(
    "Партнёры проекта: {names}.", "Жоба серіктестері: {names}.", "Project partners: {names}."
)
LOCAL_AUTHORITY = Text(
    "Проект поддерживает {name}.", "Жобаны {name} қолдайды.", "The project is supported by {name}."
)
FUNDED_BY = Text(
    "Проект финансирует {names}.",
    "Жобаны {names} қаржыландырады.",
    "The project is funded by {names}.",
)
FUNDED_BY_MANY = Text(
    "Проект финансируют {names}.",
    "Жобаны {names} қаржыландырады.",
    "The project is funded by {names}.",
)
ONE_PLACE = Text(
    "Место реализации: {places}.", "Іске асырылатын жері: {places}.", "Location: {places}."
)
PLACES = Text(
    "География проекта: {places}.", "Жобаның географиясы: {places}.", "Project locations: {places}."
)
PERIOD = Text(
    "Сроки реализации проекта: {start} — {end}.",
    "Жобаны іске асыру мерзімі: {start} – {end}.",
    "Project period: {start} to {end}.",
)
STARTS = Text(
    "Начало реализации: {start}.",
    "Іске асырудың басталуы: {start}.",
    "Start of implementation: {start}.",
)
DURATION = Text(
    "Продолжительность проекта — {months}.",
    "Жобаның ұзақтығы – {months}.",
    "The project lasts {months}.",
)
TOTAL_BUDGET = Text(
    "Общий бюджет проекта составляет {amount}.",
    "Жобаның жалпы бюджеті – {amount}.",
    "The project's total budget is {amount}.",
)
CONTRIBUTION = Text(
    "Вклад донора ({donor}) составляет {amount}.",
    "Донордың үлесі ({donor}) – {amount}.",
    "The contribution of {donor} is {amount}.",
)
CO_FINANCING = Text(
    "Софинансирование из других источников: {amount}.",
    "Басқа көздерден қоса қаржыландыру: {amount}.",
    "Co-financing from other sources: {amount}.",
)
CO_FINANCING_NOTE = Text(
    "Собственные средства организации и местных партнёров.",
    "Ұйымның және жергілікті серіктестердің өз қаражаты.",
    "The organisation's own funds and those of local partners.",
)
TITLE_PHASE = Text("{title}, этап {phase}", "{title}, {phase}-кезең", "{title}, phase {phase}")
HEADLINES = (
    Text("Стартовал проект «{title}»", "«{title}» жобасы басталды", "Project “{title}” launched"),
    Text(
        "{lead} начинает новый проект", "{lead} жаңа жобаны бастайды", "{lead} starts a new project"
    ),
)
DATELINE = Text("{city}, {date}.", "{city}, {date}.", "{city}, {date}.")
PRESS_CONTACT = Text(
    "Контакты для СМИ: {contact}.", "БАҚ үшін байланыс: {contact}.", "Media contact: {contact}."
)
RECORD_ID = Text("Номер записи: {slug}.", "Жазба нөмірі: {slug}.", "Record number: {slug}.")
SOURCE_NOTICE = Text(
    "[Синтетические данные: текст создан генератором для нагрузочного тестирования.]",
    "[Синтетикалық деректер: мәтінді жүктемелік тестілеуге арналған генератор жасады.]",
    "[Synthetic data: text made by a generator for load testing.]",
)
OBJECTIVES_HEADING = Text("Задачи проекта:", "Жобаның міндеттері:", "The project's objectives:")
AND = Text(" и ", " және ", " and ")

MONTHS = {
    "ru_genitive": (
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ),
    "ru": (
        "январь", "февраль", "март", "апрель", "май", "июнь",
        "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    ),
    "kk": (
        "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
        "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

# Amounts are multiples of 10, so the Russian currency noun is always in the genitive plural.
# Kazakh: nominative, ablative (before "астам", more than), dative (before "дейін", up to).
CURRENCY_WORDS = {
    "EUR": ("евро", "еуро", "еуродан", "еуроға"),
    "USD": ("долларов США", "АҚШ доллары", "АҚШ долларынан", "АҚШ долларына"),
    "KZT": ("тенге", "теңге", "теңгеден", "теңгеге"),
    "GBP": ("фунтов стерлингов", "фунт стерлинг", "фунт стерлингтен", "фунт стерлингке"),
}

# --- Names ----------------------------------------------------------------------------------

# (kind, country, name); invented agencies, funds and countries: none impersonates a real donor.
DONORS = (
    (
        "donor_agency",
        "",
        Text(
            "Агентство гражданского партнёрства",
            "Азаматтық серіктестік агенттігі",
            "Agency for Civic Partnership",
        ),
    ),
    (
        "donor_agency",
        "",
        Text(
            "Каспийско-Балтийский фонд демократии",
            "Каспий-Балтық демократия қоры",
            "Caspian–Baltic Democracy Fund",
        ),
    ),
    (
        "donor_agency",
        "",
        Text(
            "Фонд гражданского общества «Шёлковый путь»",
            "«Жібек жолы» азаматтық қоғам қоры",
            "Silk Road Civil Society Foundation",
        ),
    ),
    (
        "donor_agency",
        "",
        Text(
            "Северный фонд местной демократии",
            "Жергілікті демократияның Солтүстік қоры",
            "Northern Fund for Local Democracy",
        ),
    ),
    (
        "donor_agency",
        "",
        Text("Фонд «Открытые горизонты»", "«Ашық көкжиектер» қоры", "Open Horizons Foundation"),
    ),
    (
        "donor_agency",
        "",
        Text(
            "Агентство развития «Степь и горы»",
            "«Дала мен тау» даму агенттігі",
            "Steppe and Mountains Development Agency",
        ),
    ),
    (
        "donor_agency",
        "",
        Text(
            "Фонд инклюзивных обществ",
            "Инклюзивті қоғамдар қоры",
            "Foundation for Inclusive Societies",
        ),
    ),
    (
        "donor_agency",
        "",
        Text(
            "Агентство Велории по сотрудничеству в целях развития",
            "Велорияның даму ісіндегі ынтымақтастық агенттігі",
            "Velorian Agency for Development Cooperation",
        ),
    ),
    (
        "donor_agency",
        "",
        Text("Фонд поддержки свободных СМИ", "Еркін БАҚ-ты қолдау қоры", "Free Media Support Fund"),
    ),
    (
        "international_organization",
        "",
        Text(
            "Международный совет по гражданскому образованию",
            "Азаматтық білім беру жөніндегі халықаралық кеңес",
            "International Council for Civic Education",
        ),
    ),
    (
        "international_organization",
        "",
        Text(
            "Евразийский институт демократического управления",
            "Демократиялық басқарудың Еуразиялық институты",
            "Eurasian Institute for Democratic Governance",
        ),
    ),
    (
        "international_organization",
        "",
        Text(
            "Центральноазиатское водное партнёрство",
            "Орталық Азия су серіктестігі",
            "Central Asian Water Partnership",
        ),
    ),
    (
        "international_organization",
        "",
        Text(
            "Международный альянс за свободу СМИ",
            "БАҚ бостандығы үшін халықаралық альянс",
            "International Alliance for Media Freedom",
        ),
    ),
    (
        "international_organization",
        "",
        Text(
            "Глобальный фонд инклюзивного образования",
            "Инклюзивті білім берудің жаһандық қоры",
            "Global Fund for Inclusive Education",
        ),
    ),
    (
        "international_organization",
        "",
        Text(
            "Международный союз охраны степей",
            "Даланы қорғаудың халықаралық одағы",
            "International Steppe Conservation Union",
        ),
    ),
    (
        "international_organization",
        "",
        Text(
            "Трансрегиональный диалог по вопросам миграции",
            "Көші-қон мәселелері жөніндегі трансөңірлік диалог",
            "Transregional Migration Dialogue",
        ),
    ),
    (
        "international_organization",
        "",
        Text(
            "Международная сеть за открытые бюджеты",
            "Ашық бюджеттер үшін халықаралық желі",
            "International Network for Open Budgets",
        ),
    ),
    (
        "diplomatic_mission",
        "",
        Text(
            "Посольство Республики Велория в Казахстане",
            "Велория Республикасының Қазақстандағы елшілігі",
            "Embassy of the Republic of Veloria in Kazakhstan",
        ),
    ),
    (
        "diplomatic_mission",
        "",
        Text(
            "Посольство Королевства Нордмарк в Казахстане",
            "Нордмарк Корольдігінің Қазақстандағы елшілігі",
            "Embassy of the Kingdom of Nordmark in Kazakhstan",
        ),
    ),
    (
        "diplomatic_mission",
        "",
        Text(
            "Посольство Федеративной Республики Альвания",
            "Альвания Федеративтік Республикасының елшілігі",
            "Embassy of the Federal Republic of Alvania",
        ),
    ),
    (
        "diplomatic_mission",
        "",
        Text(
            "Генеральное консульство Республики Сорвения в Алматы",
            "Сорвения Республикасының Алматыдағы Бас консулдығы",
            "Consulate General of the Republic of Sorvenia in Almaty",
        ),
    ),
    (
        "diplomatic_mission",
        "",
        Text(
            "Посольство Республики Марендия",
            "Марендия Республикасының елшілігі",
            "Embassy of the Republic of Marendia",
        ),
    ),
    (
        "diplomatic_mission",
        "",
        Text(
            "Посольство Великого Герцогства Люмерия",
            "Люмерия Ұлы Герцогтігінің елшілігі",
            "Embassy of the Grand Duchy of Lumeria",
        ),
    ),
    (
        "diplomatic_mission",
        "",
        Text(
            "Представительство Союза Кастеллия",
            "Кастеллия Одағының өкілдігі",
            "Delegation of the Union of Castellia",
        ),
    ),
    (
        "government",
        "",
        Text(
            "Министерство иностранных дел Республики Велория",
            "Велория Республикасының Сыртқы істер министрлігі",
            "Ministry of Foreign Affairs of the Republic of Veloria",
        ),
    ),
    (
        "government",
        "",
        Text(
            "Министерство сотрудничества в целях развития Королевства Нордмарк",
            "Нордмарк Корольдігінің Даму ісіндегі ынтымақтастық министрлігі",
            "Nordmark Ministry for Development Cooperation",
        ),
    ),
    (
        "government",
        "KZ",
        Text(
            "Государственный фонд гражданских инициатив",
            "Азаматтық бастамалардың мемлекеттік қоры",
            "State Fund for Civic Initiatives",
        ),
    ),
    (
        "government",
        "KZ",
        Text(
            "Региональный фонд социальных проектов",
            "Әлеуметтік жобалардың өңірлік қоры",
            "Regional Fund for Social Projects",
        ),
    ),
    (
        "government",
        "",
        Text(
            "Федеральное ведомство Альвании по поддержке демократии",
            "Альванияның Демократияны қолдау жөніндегі федералдық ведомствосы",
            "Alvanian Federal Office for Democracy Support",
        ),
    ),
    (
        "government",
        "",
        Text(
            "Программа малых грантов Правительства Марендии",
            "Марендия Үкіметінің шағын гранттар бағдарламасы",
            "Marendian Government Small Grants Programme",
        ),
    ),
)

# The part of an organisation's name in quotation marks: Kazakh words (kept as they are in
# Russian texts too) and Russian ones. English transliterates them.
NAME_STEMS = (
    "Сенім", "Үміт", "Мейірім", "Шапағат", "Бірлік", "Жарқын болашақ", "Жасыл әлем", "Ақниет",
    "Қамқор", "Ырыс", "Береке", "Жаңа толқын", "Арман", "Нұр", "Тірек", "Жігер", "Серпін",
    "Самға", "Саналы ұрпақ", "Ізгілік", "Парасат", "Ынтымақ", "Достық", "Адалдық", "Өркен",
    "Өрлеу", "Дарын", "Шаңырақ", "Мұрагер", "Тұмар", "Ақбұлақ", "Көктем", "Жұлдыз",
    "Алтын дән", "Жаңару", "Келешек", "Тамыр", "Бастау", "Қолдау", "Үйлесім", "Шырақ", "Белес",
    "Өнеге", "Ақжайық", "Қазына", "Даналық", "Тұлпар", "Сұңқар", "Көкжиек", "Інжу", "Маржан",
    "Сәуле", "Шуақ", "Аялы алақан", "Ашық әлем", "Жас қанат", "Дала гүлі", "Мөлдір бұлақ",
    "Ақ бота", "Қайнар", "Бәйшешек", "Жарық жол", "Ұлағат", "Талпын", "Шабыт", "Кемел",
    "Надежда", "Рассвет", "Доверие", "Открытый диалог", "Гражданская инициатива",
    "Новое поколение", "Зелёный мир", "Вектор", "Перспектива", "Содействие",
    "Равные возможности", "Гармония", "Диалог", "Ресурс", "Горизонт", "Импульс", "Шанс", "Опора",
    "Парус", "Маяк", "Родник", "Исток", "Милосердие", "Забота", "Солнечный круг", "Мир детства",
    "Созвездие", "Эдельвейс", "Берег надежды", "Точка роста",
)  # fmt: skip

# (kind, ru, kk, en) with {name} for the stem in quotation marks and {en} for its Latin form.
LEGAL_FORMS = (
    ("ngo", "ОФ «{name}»", "ҚҚ «{name}»", "{en} Public Foundation"),
    ("ngo", "ОО «{name}»", "ҚБ «{name}»", "{en} Public Association"),
    ("ngo", "ЧУ «{name}»", "ЖМ «{name}»", "{en} Private Institution"),
    ("ngo", "КФ «{name}»", "КҚ «{name}»", "{en} Corporate Foundation"),
    ("ngo", "ОЮЛ «{name}»", "ЗТБ «{name}»", "{en} Association of Legal Entities"),
    (
        "ngo",
        "Центр гражданских инициатив «{name}»",
        "«{name}» азаматтық бастамалар орталығы",
        "{en} Civic Initiatives Centre",
    ),
    ("ngo", "Кризисный центр «{name}»", "«{name}» дағдарыс орталығы", "{en} Crisis Centre"),
    (
        "ngo",
        "Экологическое общество «{name}»",
        "«{name}» экологиялық қоғамы",
        "{en} Ecological Society",
    ),
    ("media", "Медиацентр «{name}»", "«{name}» медиаорталығы", "{en} Media Centre"),
    (
        "academic",
        "Исследовательский центр «{name}»",
        "«{name}» зерттеу орталығы",
        "{en} Research Centre",
    ),
    ("private", "ТОО «{name}»", "ЖШС «{name}»", "{en} LLP"),
)

# Local authorities take their town's name: "{place}" is the place's name in each language.
AKIMAT = Text("Акимат города {place}", "{place} қаласының әкімдігі", "Akimat of {place}")

FIRST_NAMES = {
    "male": (
        Text("Нурлан", "Нұрлан", "Nurlan"), Text("Ерлан", "Ерлан", "Yerlan"),
        Text("Асхат", "Асхат", "Askhat"), Text("Бауыржан", "Бауыржан", "Bauyrzhan"),
        Text("Данияр", "Данияр", "Daniyar"), Text("Серик", "Серік", "Serik"),
        Text("Арман", "Арман", "Arman"), Text("Канат", "Қанат", "Kanat"),
        Text("Тимур", "Тимур", "Timur"), Text("Алексей", "Алексей", "Alexei"),
        Text("Дмитрий", "Дмитрий", "Dmitry"), Text("Ержан", "Ержан", "Yerzhan"),
        Text("Айдос", "Айдос", "Aidos"), Text("Сергей", "Сергей", "Sergei"),
    ),
    "female": (
        Text("Айгерим", "Айгерім", "Aigerim"), Text("Гульнара", "Гүлнара", "Gulnara"),
        Text("Динара", "Динара", "Dinara"), Text("Жанар", "Жанар", "Zhanar"),
        Text("Салтанат", "Салтанат", "Saltanat"), Text("Асель", "Әсел", "Assel"),
        Text("Карлыгаш", "Қарлығаш", "Karlygash"), Text("Мадина", "Мадина", "Madina"),
        Text("Алия", "Әлия", "Aliya"), Text("Елена", "Елена", "Yelena"),
        Text("Ольга", "Ольга", "Olga"), Text("Сауле", "Сәуле", "Saule"),
        Text("Айжан", "Айжан", "Aizhan"), Text("Наталья", "Наталья", "Natalya"),
    ),
}  # fmt: skip

# Surname stems and their ending: male / female forms are stem + ов/ова, ев/ева or ин/ина
# (en: ov/ova, yev/yeva, in/ina); "" for surnames that do not change (Ким, Пак).
SURNAMES = (
    (Text("Сапар", "Сапар", "Sapar"), "ov"),
    (Text("Джаманкул", "Жаманқұл", "Zhamankul"), "ov"),
    (Text("Ахмет", "Ахмет", "Akhmet"), "ov"),
    (Text("Нурпеис", "Нұрпейіс", "Nurpeis"), "ov"),
    (Text("Касым", "Қасым", "Kasym"), "ov"),
    (Text("Байжан", "Байжан", "Baizhan"), "ov"),
    (Text("Оспан", "Оспан", "Ospan"), "ov"),
    (Text("Тулеген", "Төлеген", "Tulegen"), "ov"),
    (Text("Серикба", "Серікба", "Serikba"), "ev"),
    (Text("Жумаба", "Жұмаба", "Zhumaba"), "ev"),
    (Text("Кузнец", "Кузнец", "Kuznets"), "ov"),
    (Text("Иван", "Иван", "Ivan"), "ov"),
    (Text("Мус", "Мус", "Mus"), "in"),
    (Text("Габдулл", "Ғабдулл", "Gabdull"), "in"),
    (Text("Ким", "Ким", "Kim"), ""),
    (Text("Пак", "Пак", "Pak"), ""),
)
SURNAME_ENDINGS = {
    "ov": {"male": Text("ов", "ов", "ov"), "female": Text("ова", "ова", "ova")},
    "ev": {"male": Text("ев", "ев", "yev"), "female": Text("ева", "ева", "yeva")},
    "in": {"male": Text("ин", "ин", "in"), "female": Text("ина", "ина", "ina")},
    "": {"male": Text("", "", ""), "female": Text("", "", "")},
}

POSITIONS = (
    Text("директор", "директор", "Director"),
    Text("координатор проекта", "жоба үйлестірушісі", "Project Coordinator"),
    Text(
        "менеджер по коммуникациям", "коммуникациялар жөніндегі менеджер", "Communications Manager"
    ),
    Text("юрист", "заңгер", "Lawyer"),
    Text("председатель правления", "басқарма төрағасы", "Chair of the Board"),
)
