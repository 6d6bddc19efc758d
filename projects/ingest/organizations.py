"""Organisations in a press release: who implements the project, who partners it, who pays.

`find_organizations(doc)` returns three lists, (implementers, partners, donors), read from role
cues in Russian, Kazakh and English ("Проект будет реализован ОО «Эхо»", "в партнерстве с ...",
"Жобаны іске асырушы ұйымдар", "«...» қоғамдық қоры ұйымдастырған", "implemented by",
"in partnership with", "при финансовой поддержке Европейского Союза", "ЕО жарнасы", ...).

Naming convention
-----------------
* A name is returned as printed: the legal form stays ("ОО «Эхо»", "ОФ «Десента»",
  "«Ақпараттық-ресурстық орталығы» қоғамдық қоры") and so do the quotation marks, in the
  characters the text uses («», “”, ""); a name the text prints wholly in quotes keeps them
  ("«Институт развития местного самоуправления»").
* Only what surrounds the name goes: punctuation, a leading conjunction or English article
  ("и", "және", "the"), and a parenthesised note after it ("(Алматы)", "(Болгария)").
* Russian names printed in an oblique case are brought back to the nominative by inflecting the
  leading adjectives and head noun with pymorphy3 ("Казахстанским международным бюро по правам
  человека" -> "Казахстанское международное бюро по правам человека", "«Центром развития ...»"
  -> "«Центр развития ...»"); the rest of the name (genitive complements, the quoted proper name)
  is left as written. Kazakh names lose an instrumental ending ("қорымен" -> "қоры").
* One organisation is returned once: names are compared by `org_key` (casefolded, quotes, legal
  forms and parenthesised notes removed, Russian words lemmatised, Kazakh case endings stripped),
  and an acronym ("ИРМС") is matched to the initials of a name already found. Every mention is
  kept as evidence. An organisation found as implementer is not repeated as partner.
* Donors are returned once each, `normalized` to one English name by `normalize_donor` when the
  donor is a known one ("European Union", "USAID", "U.S. Department of State", ...), with the
  evidence of every mention of it in the article (mentions as the EU's press office, "Делегация
  Европейского Союза", excepted). A known donor is a donor when a funding cue names it ("при
  финансовой поддержке X", "финансируется X", "funded by X", "X қаржыландыратын", "X жарнасы")
  or when a funding word (выдел-, вклад, поддержал, финансир-, грант, қаржы-, fund-, ...) stands
  within six words of it in the same sentence; donors joined by "и", "and", "және" share the cue
  ("Госдепартамент США и USAID выделят"). Unknown donors are read only from explicit cues. The
  EU delegation as a press office is neither a donor nor an implementer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from projects.ingest.donors import (
    STATE_BODY_NAMES,
    DonorBook,
    DonorMention,
    find_donor_mentions,
    normalize_donor,
)
from projects.ingest.legal_forms import (
    ENGLISH_HEAD,
    LEGAL_ABBREVIATIONS,
    LEGAL_PHRASES,
    ORG_HEADS_EN,
    ORG_HEADS_KK,
    ORG_HEADS_RU,
    initials,
    is_acronym,
    org_key,
)
from projects.ingest.result import Document, Evidence, OrganizationFound
from projects.ingest.sentences import sentence_span, wrapped_lines_joined
from projects.ingest.words import (
    KK_LETTERS,
    LETTER,
    UPPER,
    WORD_RE,
    has_kazakh,
    is_kazakh_name,
    is_latin,
    kazakh_head_nominative,
    kazakh_singular_possessive,
    mask_quotes,
    match_case,
    nominative_head,
    parses,
    quote_spans,
    quoted_core,
    strip_edges,
    strip_parentheses,
    tidy,
    unquoted,
)

# ---------------------------------------------------------------------------------------------
# Role cues
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    role: str  # implementer | partner | donor
    side: str  # "right": the organisations follow the cue; "left": they precede it
    lang: str
    case: str | None  # the case the organisation names take after a right-side Russian cue
    pattern: re.Pattern
    strong: bool = True  # unknown organisations may be read from it (donors)
    owner: bool = False  # "проект Фонда Евразия «Название»": the name stops before a title
    subject: bool = False  # left side: the organisation is the subject opening the sentence


def _cue(
    role, side, lang, case, pattern, strong=True, flags=re.IGNORECASE, owner=False, subject=False
) -> Cue:
    return Cue(role, side, lang, case, re.compile(pattern, flags), strong, owner, subject)


_DASH = r"\s*(?:[-–—:]\s*)?"

CUES: tuple[Cue, ...] = (
    # --- Russian, implementers
    _cue(
        "implementer", "right", "ru", "ablt",
        r"\b(?:реализова[нл]\w*|реализу(?:ется|ются|ем\w*)|осуществл(?:яется|яются|яем\w+|ен[аоы]?|енн\w+)|"
        r"выполня(?:ется|ются|ем\w+)|организова(?:н|на|но|ны|нн\w+)|организуем\w+|"
        r"проводим(?:ый|ого|ому|ым|ом|ая|ой|ую|ое|ые|ых|ыми))"
        r"(?:\s+(?:совместно(?!\s+со?\s)|успешно|непосредственно))?\s+"
        r"(?:(?:консорциум\w*|коалици\w+|групп\w+)\s+(?:в\s+составе|из)\s+)?",
    ),
    _cue(
        "implementer", "right", "ru", "nomn",
        r"\b(?:проект\w*|программ\w*)\s+(?:реализу[ею]т|осуществля[ею]т|выполня[ею]т|провод[ия]т)\s+",
    ),
    _cue(
        "implementer", "right", "ru", "gent",
        r"\b[Пп]роект(?:а|ом|е|у)?\s+(?=(?:ОО|ОФ|НПО|ОЮЛ|ТОО|ЧУ|РОО|МОО|КФ|ҚҚ|ҚБ)\s*[«\"“]|"
        r"(?:[Оо]бщественного\s+(?:фонда|объединения)|Фонда|Центра|Ассоциации|Института|Бюро|"
        r"Союза|Международного|Казахстанского|Информационно-\w+\s+центра)\s)",
        flags=0,
        owner=True,
    ),
    _cue(
        "implementer", "right", "ru", "nomn",
        r"\b(?:котор\w+|его|её|ее|их)\s+(?:реализу[ею]т|осуществля[ею]т|выполня[ею]т|"
        r"реализовал[аио]?|организовал[аио]?|организу[ею]т|провод[ия]т|провел[аио]?)\s+",
    ),
    _cue(
        "implementer", "right", "ru", None,
        r"\b(?:исполнител\w*|реализатор\w*|грантополучател\w*|организатор\w*|"
        r"(?<!через\s)оператор\w*)"
        r"(?:\s+(?:проекта|программы|мероприяти\w+|тренинга|семинара|конкурса|гранта|выступ\w+|"
        r"является|являются|стал[аио]?|станет|по\s+итогам\s+\w+|"
        r"по\s+направлению\s+«[^«»\n]{1,80}»|«[^«»\n]{1,80}»))*" + _DASH,
    ),
    # "Проект реализуется силами общественного фонда «X»", "Автором проекта выступил фонд «X»"
    _cue(
        "implementer", "right", "ru", "gent",
        r"\bсилами\s+(?:(?:волонт[её]ров|сотрудников|специалистов|юристов|активистов|"
        r"педагогов|членов)\s+)?(?=[«\"“A-ZА-ЯЁа-яё])",
    ),
    _cue(
        "implementer", "right", "ru", "nomn",
        r"\bавтор(?:ом)?\s+проекта\s*(?:(?:выступил[аио]?|является|стал[аио]?)\s+|[-–—:]\s*)",
    ),
    # "Реализацией проекта занимается общественное объединение «Ар-Намыс»"
    _cue(
        "implementer", "right", "ru", "nomn",
        r"\b(?:реализацией|выполнением|осуществлением)\s+проекта\s+"
        r"(?:занима(?:ется|ются|лся|лась|лось|лись)|займ[её]тся)\s+",
    ),
    # grantees: "Гранты получили фонд «Адал» и ...", "грант – 40 тыс. долларов – получил фонд
    # «X»", "Средства получит организация «Y»", "второй грант достался объединению «Z»"
    _cue(
        "implementer", "right", "ru", "nomn",
        r"\b(?:получил[аио]?|получат|получит|выиграл[аио]?|выиграют)\s+",
    ),
    _cue("implementer", "right", "ru", "datv", r"\bдостал(?:ся|ась|ось|ись)\s+"),
    # "Грант ... выделен общественному фонду «Адал»": the grantee after the verb, in the dative
    _cue(
        "implementer", "right", "ru", "datv",
        r"\b(?:выделен[аоы]?|предоставлен[аоы]?|присужден[аоы]?|вручен[аоы]?)\s+"
        r"(?=(?:[а-яё]+(?:ск|цк)\w+\s+)?(?:общественн|некоммерческ|частн|благотворительн|"
        r"фонду|объединению|ассоциации|центру|организации|учреждению|школ|больниц|ОФ|ОО|ОЮЛ))",
    ),
    # "Фонду «Адал» выделено 78 910 долларов": the grantee before the verb, in the dative
    _cue(
        "implementer", "left", "ru", "datv",
        r"(?<=[»\"”\w])\s+(?:выделен[оаы]?|выделяется|предоставлен[оаы]?|присужден[оаы]?)\b",
    ),
    # "подписал соглашение о гранте с Центром развития сельских сообществ"
    _cue(
        "implementer", "right", "ru", "ablt",
        r"\b(?:грантов\w+\s+(?:соглашени|договор|контракт)\w*|(?:соглашени|договор|контракт)\w*"
        r"\s+о\s+(?:гранте|предоставлении\s+гранта|грантовом\s+финансировании))\s+со?\s+"
        r"(?=[«\"“A-ZА-ЯЁ]|(?:общественн|частн|некоммерч)\w+\s)",
    ),
    # --- Russian, partners
    _cue("partner", "right", "ru", "ablt", r"\bв\s+партн[её]рстве\s+со?" + _DASH),
    _cue(
        "partner", "right", "ru", "ablt",
        r"\bв\s+(?:тесном\s+)?(?:сотрудничестве|кооперации|взаимодействии)\s+со?\s+",
    ),
    # "Отдел физической культуры ... предоставил спортивный зал и стал партнером проекта":
    # the subject that opens the sentence
    _cue(
        "partner", "left", "ru", None,
        r"\s+и\s+(?:также\s+)?(?:стал[аио]?|станет|выступа(?:ет|ют)|является)\s+"
        r"(?:\w+\s+)?партн[её]р(?:ом|ами)\b",
        subject=True,
    ),
    # "аппарат акима Айдарлинского сельского округа, который стал партнером проекта"
    _cue(
        "partner", "left", "ru", None,
        r",\s+котор(?:ый|ая|ое|ые)\s+(?:также\s+|тоже\s+)?"
        r"(?:(?:стал[аио]?|станет|станут|выступа(?:ет|ют)|является|являются)\s+"
        r"(?:\w+\s+)?партн[её]р(?:ом|ами)|участву(?:ет|ют)\s+в\s+проекте\s+(?:на\s+правах|"
        r"в\s+качестве)\s+партн[её]р\w*)\b",
    ),
    _cue(
        "partner", "right", "ru", None,
        r"\b(?:вместе|совместно)\s+со?\s+(?:сво\w+\s+)?(?:партн[её]рск\w+\s+организаци\w+|"
        r"партн[её]рами|организациями-партн[её]рами)" + _DASH,
    ),
    _cue("partner", "right", "ru", "ablt", r"\b(?:вместе|совместно)\s+со?\s+"),
    _cue("partner", "right", "ru", "gent", r"\bпри\s+(?:поддержке\s+и\s+)?участии\s+"),
    # "при содействии Каршинского государственного университета": help in kind, not money
    _cue("partner", "right", "ru", "gent", r"\bпри\s+(?:активном\s+)?содействии\s+"),
    _cue(
        "partner", "right", "ru", None,
        r"\bпартн[её]р(?:ы|ами|ом|ов)?(?:\s+(?:проекта|программы|мероприяти\w+|центра|фонда|"
        r"организации|объединения|в\s+проекте|по\s+проекту|также|тоже))*"
        r"(?:\s+(?:являются|является|выступа\w+|выступ(?:ил|ит|ят)\w*|стал[аи]?|станут|станет)"
        r"\s+|\s*[-–—:]\s*)",
    ),
    # --- Russian, donors
    _cue(
        "donor", "right", "ru", "gent",
        r"\bпри\s+(?:финансов\w+\s+|грантов\w+\s+)?(?:поддержке|финансировании)\s+"
        r"(?!и\s+участии)",
    ),
    _cue(
        "donor", "right", "ru", "ablt",
        r"\b(?:финансиру(?:ется|ются|ем\w*)|профинансирова(?:н|на|но|ны|нн\w+)|"
        r"софинансиру(?:ется|ются)|поддержан(?:а|о|ы|н\w+)?)\s+(?:за\s+сч[её]т\s+средств\s+)?",
    ),
    _cue(
        "donor", "right", "ru", "ablt",
        r"\b(?:выдел|предоставл)ен(?:а|о|ы|ный|ные|ных)?\s+", strong=False,
    ),
    # "SDC выделило 180 000 швейцарских франков", "КБФ «Халық» выделил 12 млн тенге": the
    # funder is the subject before the verb
    _cue(
        "donor", "left", "ru", None,
        r"\s+(?:выделил[аио]?|предоставил[аио]?)\s+(?=(?:более\s+|свыше\s+|около\s+)?\d|грант)",
    ),
    # "Дополнительно 62 млн сумов на ремонт выделил хокимият Кашкадарьинской области"
    _cue(
        "donor", "right", "ru", "nomn",
        r"(?<=[\s,])(?:выделил[аио]?|предоставил[аио]?)\s+(?=(?:хокимият|акимат|мэри|министерств|"
        r"фонд|компани|посольств|агентств)\w*\s)",
    ),
    # "Проект фонда финансирует компания «Казцинк»": the funder after the verb
    _cue(
        "donor", "right", "ru", "nomn",
        r"\b(?:финансиру(?:ет|ют)|профинансировал[аио]?)\s+(?=(?:компани|фонд|корпораци|"
        r"посольств|акимат|министерств|ТОО|АО|[«\"A-ZА-ЯЁ]))",
        flags=0,
    ),
    _cue("donor", "right", "ru", "gent", r"\bпо\s+(?:государственному\s+)?заказу\s+"),
    # "в рамках государственного социального заказа управления ... акимата Костанайской области"
    _cue(
        "donor", "right", "ru", "gent",
        r"\b(?:государственного\s+)?(?:социального\s+)?(?:заказа|гранта)\s+"
        r"(?=(?:управлени|акимат|министерств|отдел|департамент)\w*\s)",
    ),
    _cue("donor", "right", "ru", "gent", r"\bза\s+сч[её]т\s+(?:средств|гранта)\s+"),
    _cue("donor", "right", "ru", "gent", r"\b(?:в\s+рамках\s+)?гранта?\s+(?=[«\"A-ZА-ЯЁ])"),
    _cue(
        "donor", "right", "ru", None,
        r"\bдонор(?:ом|ами|ы)?(?:\s+проекта)?(?:\s+(?:является|являются|выступа\w+))?\s*[-–—:]?\s*",
    ),
    _cue("donor", "right", "ru", "gent", r"\bвклад\s+", strong=False),
    # "грант Министерства ... через оператора – НАО «Центр поддержки гражданских инициатив»":
    # the state grant operator pays the grant out
    _cue("donor", "right", "ru", None, r"\bчерез\s+оператора" + _DASH),
    # "выделило грант в размере 45 000 фунтов стерлингов общественному фонду «X»": the grantee
    _cue(
        "implementer", "right", "ru", "datv",
        r"\b(?:выделил\w*|предоставил\w*|присудил\w*|вручил\w*)\s+грант\w*"
        r"(?:\s+в\s+размере\s+[\d\s.,]+(?:(?:тыс\.?|тысяч\w*|млн\.?|миллион\w*|млрд\.?)\s*)?"
        r"(?:евро|долл\w*|\$|€|£|тенге|теңге|фунт\w*\s+стерлинг\w*|рубл\w*|сом\w*|[A-Z]{3})"
        r"(?:\s+США)?)?\s+",
    ),
    # --- Kazakh
    _cue(
        "implementer", "right", "kk", None,
        r"\b(?:жобаны\s+)?(?:іске|жүзеге)\s+асырушы(?:\s+ұйым\w*|\s+серіктес\w*)?" + _DASH,
    ),
    _cue("implementer", "right", "kk", None, r"\bжобаның\s+орындаушы\w*" + _DASH),
    # "жобаны жүзеге асыратын «X» қоғамдық қорының": the implementer after the participle
    _cue("implementer", "right", "kk", None, r"\b(?:жүзеге|іске)\s+асыратын\s+"),
    _cue("implementer", "right", "kk", None, r"\bгрант\s+алушы(?:лар)?\s*[-–—:]\s*"),
    _cue("implementer", "right", "kk", None, r"\bжобаның\s+авторы\s*[-–—:]\s*"),
    # "«X» қоғамдық қорына 5 млн теңге грант бөлінді": the grantee, in the dative, before
    _cue(
        "implementer", "left", "kk", None,
        r"\bгрант(?:тар)?\s+(?:берілді|бөлінді|беріледі|бөлінеді)\b",
    ),
    _cue("implementer", "right", "kk", None, r"\bгрант(?:тың|тардың)?\s+иегер\w*\s*[-–—:]\s*"),
    _cue("implementer", "right", "kk", None, r"\bұйымдастырушы(?:сы|лары)?\s*[-–—:]\s*"),
    _cue(
        "implementer", "left", "kk", None,
        r"\b(?:ұйымдастыр(?:ған|ды|уымен|ып\s+отыр\w*)|"
        r"(?:іске|жүзеге)\s+(?:асыр(?:атын|ады|ды|уда|ған|ып\s+(?:жатқан|отыр\w*)))|"
        r"іске\s+қос(?:ты|ады|қан|уда))\b",
    ),
    _cue(
        "partner", "right", "kk", None,
        r"\b(?:жобаның\s+)?серіктес(?:тері|тер)\s*(?:[-–—:]\s*|\n)",
    ),
    _cue("partner", "right", "kk", None, r"\bжобаның\s+серіктес\w*" + _DASH),
    _cue("partner", "right", "kk", None, r"\bсеріктес\s+ұйымдар(?:ы)?\s*[:–—-]\s*"),
    _cue(
        "partner", "left", "kk", None,
        r"\b(?:серіктестікте|серіктестігімен|бірлесіп(?!\s+қаржыландыр)|"
        r"(?:бірлесе|ынтымақтаса)\s+отырып)\b",
    ),
    # "Жобаға X аудандарының әкімдіктері серіктес ретінде қатысуда"
    _cue("partner", "left", "kk", None, r"\bсеріктес(?:тер)?\s+ретінде\b"),
    # "Батыс Қазақстан облысы полиция департаментінің қатысуымен өтеді"
    _cue("partner", "left", "kk", None, r"(?<=[ңн]ің|[ңн]ың|[дт]ің|[дт]ың)\s+қатысуымен\b"),
    _cue(
        "donor", "left", "kk", None,
        r"\b(?:(?:жобаны\s+)?(?:бірлесіп\s+)?қаржыландыр(?:атын|ған|ады|ды|уымен|ып)|"
        r"қаржыл(?:ық|ай)\s+қолдауымен|қолдауымен|жарнасы|"
        r"(?:(?:өңірлік|мемлекеттік|шағын)\s+)?гранты|беретін\s+(?:мемлекеттік\s+)?грант\w*)\b",
    ),
    # the body that orders a state social order pays for it: "Абай облысының жастар саясаты
    # мәселелері басқармасы ... мемлекеттік әлеуметтік тапсырыс аясында", "министрлігінің
    # тапсырысы бойынша"
    _cue(
        "donor", "left", "kk", None,
        r"\s+(?:\d{4}\s+жылға\s+арналған\s+)?мемлекеттік\s+әлеуметтік\s+тапсырыс\s+"
        r"(?:аясында|бойынша|шеңберінде)\b|(?<=[ңн]ің|[ңн]ың|[дт]ің|[дт]ың)\s+тапсырысы\s+"
        r"(?:бойынша|аясында)\b",
    ),
    # --- English
    _cue(
        "implementer", "right", "en", None,
        r"\b(?:implemented|carried\s+out|run|executed|organi[sz]ed|conducted|delivered|managed|"
        r"led)\s+(?:jointly\s+)?by\s*:?\s*",
    ),
    _cue(
        "implementer", "right", "en", None,
        r"\b(?:implementing\s+(?:organi[sz]ations?|partners?|agency)|implementers?|"
        r"grantees?|grant\s+recipients?|recipients?|lead\s+organi[sz]ation|executing\s+agency|"
        r"responsible\s+part(?:y|ies))\s*(?:is|are|will\s+be|include|:|-|–|,(?=\s+the\s))\s*",
    ),
    _cue(
        "implementer", "right", "en", None,
        r"\b(?:awarded|granted|given|went|goes|(?:will\s+)?go)\s+to\s+(?=(?:the\s+)?[A-Z\"“])",
    ),
    # "The grant will allow the Public Foundation X to train 200 teachers"
    _cue(
        "implementer", "right", "en", None,
        r"\bgrant\s+(?:will\s+)?(?:allows?|enables?|helps?)\s+(?=(?:the\s+)?[A-Z\"“])",
    ),
    # "signed a grant agreement under the Polish Aid programme with the Public Foundation X"
    _cue(
        "implementer", "right", "en", None,
        r"\bgrant\s+agreement\s+(?:under\s+[^.;\n]{1,80}?\s+)?with\s+(?=(?:the\s+)?[A-Z\"“])",
    ),
    # "The Committee of ... will be the executing agency"
    _cue(
        "implementer", "left", "en", None,
        r"\s+(?:will\s+be|is|was|acts\s+as)\s+the\s+(?:executing|implementing)\s+agency\b",
    ),
    # "together with its co-applicant, the Estonian organisation X": an applicant implements
    _cue("implementer", "right", "en", None, r"\b(?:its|their|the)\s+co-?applicants?,?\s+"),
    # "a grant of $45,000 to the Public Foundation X", "delivered through the NGO X"
    _cue(
        "implementer", "right", "en", None,
        r"\bgrants?\s+of\s+[^.;\n]{1,40}?\s+to\s+(?=(?:the\s+)?[A-Z\"“])"
        r"|\b(?:delivered|implemented|carried\s+out)\s+through\s+(?=(?:the\s+)?[A-Z\"“])",
    ),
    _cue(
        "partner", "right", "en", None,
        r"\bin\s+(?:partnership|cooperation|co-operation|collaboration|association)\s+with\s+",
    ),
    _cue("partner", "right", "en", None, r"\b(?:together|jointly)\s+with\s+"),
    # "will work alongside the Karakol City Mayor's Office", "co-organised with the X"
    _cue(
        "partner", "right", "en", None,
        r"\b(?:work(?:s|ing)?|will\s+work)\s+alongside\s+|\bco-?organi[sz]ed\s+with\s+",
    ),
    # "Kulsary Technical College, one of the project's partners", "Special Boarding School No. 3
    # in Rudny, the society's partner in the project"
    _cue(
        "partner", "left", "en", None,
        r",\s+(?:one\s+of\s+)?(?:the|its|their)\s+(?:\w+'s\s+)?(?:main\s+|key\s+|local\s+)?"
        r"partners?(?:\s+in\s+the\s+project)?\b(?!\s+(?:of|for|with|organi))",
    ),
    # 'The partner of "Umit" in the project is the Silesian Foundation for Miners' Families'
    _cue(
        "partner", "right", "en", None,
        r"\b[Pp]artner\s+of\s+[^.;\n]{1,60}?\s+(?:in\s+the\s+project\s+)?is\s+",
    ),
    # "Project partners: X", "Partners - X"; not the end of a name ("Hanbit Global Partners, a
    # Korean NGO")
    _cue(
        "partner", "right", "en", None,
        r"(?:\b[Pp]roject\s+[Pp]artners?|(?<![A-Za-z] )\bPartners?|\bpartners?)"
        r"(?:\s+organi[sz]ations?)?(?:\s+(?:in|on|of)\s+the\s+project)?"
        r"\s*(?:are|include|:|-|–|,)\s*",
        flags=0,
    ),
    # "The Education Department of Abai Region is a partner in the project", "the Ministry of
    # Emergency Situations, which is a partner in the project"
    _cue(
        "partner", "left", "en", None,
        r"(?:,\s+which|\s+(?=is|are))\s*(?:is|are)\s+(?:the|a|an)\s+"
        r"(?:national\s+|local\s+|key\s+|main\s+|government\s+|official\s+)?partners?\b",
    ),
    _cue(
        "donor", "right", "en", None,
        r"\b(?:funded|financed|co-funded|co-financed|sponsored|supported|provided|contributed"
        r"|granted)\s+(?:jointly\s+)?by"
        r"\s*:?\s*",
    ),
    _cue(
        "donor", "right", "en", None,
        r"\bwith\s+(?:the\s+)?(?:generous\s+)?(?:financial\s+)?(?:support|funding|assistance)\s+"
        r"(?:of|from)\s+",
    ),
    # "The Ministry of Foreign Affairs of Latvia has awarded a development cooperation grant"
    _cue(
        "donor", "left", "en", None,
        r"\s+(?:has\s+|have\s+)?(?:awarded|granted|allocated|provided)\s+(?:a|an)\s+"
        r"(?:[\w-]+\s+){0,3}?grant\b",
    ),
    # "a grant from X", "a grant of $18,000 from the Global Greengrants Fund"
    _cue("donor", "right", "en", None, r"\b(?:a\s+)?grant\s+(?:of\s+[^.;\n]{1,30}?\s+)?from\s+"),
    _cue("donor", "right", "en", None, r"\bdonors?\s*(?::|-|–|is|are)\s*"),
)  # fmt: skip

# Subject + verb: "ОО «Эхо» реализует проект", "Eurasia Foundation implements the project".
_SUBJECT_VERBS = re.compile(
    r"\b(?:(?:получил[аио]?|получает|получат|выиграл[аио]?|выигра[ею]т)\s+"
    r"(?:(?:государственный|новый|крупный|очередной)\s+)?(?:грант|финансирование|субсиди)|"
    r"стал[аио]?\s+(?:победител|грантополучател|обладател)\w*|"
    r"(?:реализу[ею]т|реализовал[аио]?|осуществля[ею]т|осуществил[аио]?|запустил[аио]?|"
    r"запуска[ею]т|начал[аио]?\s+реализацию|провел[аио]?|провод[ия]т|организовал[аио]?|"
    r"организу[ею]т)\s+(?:[а-яё-]+\s+){0,2}?"
    r"(?:проект|программ|тренинг|семинар|конкурс|кампани|форум|конференци|круглый|обучени|"
    r"мониторинг|исследовани|встреч|сери|цикл|акци)|"
    r"(?:has\s+|have\s+|will\s+)?(?:received?|receives|won|win|been\s+awarded)\s+"
    r"(?:a\s+|an\s+|the\s+)?(?:grant|funding|(?:[A-Z]{3}\s+)?\S*\d)|"
    r"is\s+the\s+(?:executing|implementing)\s+agency|"
    r"(?:will\s+use|uses|is\s+using)\s+(?:[A-Z]{3}\s*|[$€£])\d|"
    r"(?:implements|is\s+implementing|will\s+implement|has\s+implemented|implemented|launched|"
    r"has\s+launched|is\s+launching|organi[sz]ed|conducted|runs|is\s+running|"
    r"will\s+carry\s+out|carries\s+out|is\s+carrying\s+out)\s+"
    r"(?:the|a|an|its|this|their)?\s*(?:new\s+)?(?:\w+\s+)?"
    r"(?:project|programme|program|initiative|training|campaign|workshop|seminar|conference))",
    re.IGNORECASE,
)

# 'Public Association "Taza Su", a local NGO, will implement the project': the subject before
# an apposition.
# The apposition says the subject is an organisation, so the name needs no head word of its own:
# "Auyl Forumy, a local NGO that has worked with rural communities since 2015, will implement".
_APPOSITION_VERB = re.compile(
    r",\s+(?:an?|the)\s+(?:[\w'-]+\s+){0,4}?(?:NGO|non-governmental\s+organi[sz]ation|"
    r"organi[sz]ation|foundation|association|charity|network|centre|center)\b[^.;]{0,200}?,\s+"
    r"(?:will\s+(?:implement|run|carry\s+out|lead|deliver|launch|open)|implements|runs|leads|"
    r"is\s+implementing|(?:has\s+)?(?:launched|opened|started))\b",
    re.IGNORECASE,
)

# Donor cue words for known donors in the same sentence
_FUNDING_WORDS = re.compile(
    r"(?:финанс|финансир|поддерж|грант|выдел|вклад|донор|средств|спонсор|софинанс|оплат|"
    r"содейств|влож|вкладыва|қаржы|қолдау|жарна|демеу|бөл(?:ді|еді|ген|інді)|fund|financ|support|"
    r"grant|contribut|donor|sponsor|allocat|assistance|invest|award|присуд)",
    re.IGNORECASE,
)

# "поддержку выполнения рекомендаций Комитета ООН" does not make the UN a donor; "поддержал",
# "поддерживает" and the cues "при поддержке X" do
_GENERIC_SUPPORT = re.compile(r"^(?:поддержк|поддержани|support(?:s|ing)?$|assistance)", re.I)

_PRESS_OFFICE = re.compile(
    r"(?:делегаци\w*|представительств\w*|delegation|өкілдіг\w*|пресс-служб\w*|press\s+office)",
    re.IGNORECASE,
)

_STOP_FIRST_WORDS = {
    "проект", "проекта", "проекты", "программа", "программы", "данный", "данного", "этот", "эта",
    "это", "этого", "все", "который", "которая", "которые", "его", "её", "ее", "их", "наш", "они",
    "он", "она", "ряд", "более", "около", "свыше", "также", "кроме", "при", "в", "на", "с", "со",
    "по", "для", "из", "от", "до", "за", "the", "this", "these", "its", "their", "our", "we",
    "it", "they", "жоба", "жобаны", "жобаның", "бұл", "осы", "біз", "олар", "ол", "мы", "я",
    "вы", "you", "a", "an", "in", "with", "by", "from", "to", "of", "for", "and", "и", "а",
    "но", "или", "как", "так", "что", "где", "когда", "таких", "такие", "других", "другие",
    "местные", "местных", "международные", "международных", "казахстанские", "организации",
    "организациями", "организаций", "организация", "партнерами", "партнерские", "граждан",
    "гражданского", "общественности", "депутатов", "представителей", "представители",
    "период", "течение", "рамках", "сентябре", "апреле", "году",
}  # fmt: skip

_STOP_PREP_FOLLOWERS = (
    "рамках", "течение", "период", "ходе", "целях", "целью", "город", "регион", "област",
    "район", "год", "сфер", "том", "пределах", "качестве", "отношении", "связи", "счет", "счёт",
    "соответствии", "интересах", "партнерств", "партнёрств", "сотрудничеств",
    "стран", "сел", "аул", "территори", "базе", "уровне", "основе", "апреля", "мая", "июня",
    "настоящее", "изгнании",
)  # fmt: skip

_RU_ABBREV_BEFORE_DOT = {"г", "гг", "ул", "им", "обл", "р-н", "т", "д", "др", "пр", "с", "пос"}


@dataclass
class _Item:
    name: str
    start: int
    end: int
    role: str
    normalized: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Argument spans and items
# ---------------------------------------------------------------------------------------------


def _sentence_end(text: str, start: int, limit: int) -> int:
    """Where the argument that begins at `start` ends: a sentence end, a blank line, a line
    break after a complete item, or `limit`."""
    i = start
    seen_content = False
    quotes = quote_spans(text[start:limit])
    in_quote = [False] * (limit - start)
    for a, b in quotes:
        for k in range(a, b):
            in_quote[k] = True
    depth = 0
    while i < limit:
        ch = text[i]
        rel = i - start
        if in_quote[rel]:
            seen_content = True
            i += 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth:
            pass
        elif ch in "!?":
            return i
        elif ch == ";":
            following = text[i + 1 : limit]
            if not (
                re.match(r"\s*\n\s*[-•*–·]\s", following)
                or _starts_like_org(following, strict=True)
            ):
                return i
        elif ch == ".":
            before = re.search(rf"([{LETTER}-]+)$", text[start:i])
            word = before.group(1) if before else ""
            after = text[i + 1 : i + 3]
            abbreviation = word.lower() in _RU_ABBREV_BEFORE_DOT or (
                len(word) == 1 and word.isupper()
            )
            if not abbreviation and (not after or after[0].isspace() or after[0] in "*_"):
                return i
        elif ch == "\n":
            rest_line = text[i + 1 : limit]
            if re.match(r"[ \t]*\n", rest_line):
                if seen_content:
                    return i
            else:
                so_far = text[start:i].rstrip(" \t")
                continues = (
                    not seen_content
                    or re.search(r"(?:[,:;]|\b(?:и|және|and|мен))$", so_far)
                    or re.match(r"[ \t]*[-•*–·]\s", rest_line)
                )
                if not continues:
                    return i
        elif not ch.isspace():
            seen_content = True
        i += 1
    return limit


_COMMA_RE = re.compile(r"\s*[,;]\s*(?:а\s+также\s+|и\s+|және\s+|and\s+)?|\s*\n\s*[-•*–·]\s+")
_CONJ_RE = re.compile(r"\s+(?:а\s+также|и|және|and|&|мен|или|or)\s+(?=\S)")


_GENITIVE_ADJECTIVE_BEFORE = re.compile(r"(?<![\w-])[а-яё]+(?:ого|его)$")
_GENITIVE_ADJECTIVE_AFTER = re.compile(r"[а-яё]+(?:ого|его)\s+[а-яё]")


def _split_items(
    text: str, base: int, pattern: re.Pattern = _COMMA_RE
) -> list[tuple[str, int, int]]:
    """Split an argument into list items at top-level separators (not inside quotes, nor
    inside an office of several places named once: "the akimats of Shakhtinsk, Saran and
    Abay")."""
    masked = _EN_PLURAL.sub(lambda match: "_" * len(match.group()), mask_quotes(text))
    items = []
    pos = 0
    for match in pattern.finditer(masked):
        sep = match.group().strip()
        if (
            sep
            and sep[0] not in ",;-•*–·"
            and _GENITIVE_ADJECTIVE_BEFORE.search(text, 0, match.start())
            and _GENITIVE_ADJECTIVE_AFTER.match(text, match.end())
        ):
            continue  # "управление дошкольного и школьного образования": one name
        if sep and sep[0] not in ",;-•*–·":
            # a conjunction separates two organisations only if an organisation follows
            follow = text[match.end() : match.end() + 60]
            if not _starts_like_org(follow, strict=True):
                continue
            if sep.lower() == "and":
                # "Bureau for Human Rights and Rule of Law" is one name; "... of the Republic of
                # Kazakhstan and the Akimat of Mangystau Region" are two
                tail = text[match.end() :]
                tail = tail[: re.search(r"[,;]|$", tail).start()]
                article_follows = re.match(r"\s*(?:the|a|an)\s", tail, re.I)
                if (
                    not article_follows
                    and _EN_SPLIT_BLOCK.search(text[pos : match.start()] + " ")
                    or not (
                        re.match(r"\s*(?:the|a|an)\s", tail, re.I)
                        or re.search("|".join(ORG_HEADS_EN), tail, re.I)
                        or is_acronym(tail.split()[0] if tail.split() else "")
                    )
                ):
                    continue
        items.append((text[pos : match.start()], base + pos, base + match.start()))
        pos = match.end()
    items.append((text[pos:], base + pos, base + len(text)))
    return items


# An authority in English, in lower case inside a sentence: "and the khokimiyat of Rishton District"
_EN_AUTHORITY = re.compile(
    r"(?:akimat|khokimiyat|hokimiyat|office\s+of\s+the\s+akim|ministry|department)\s+of\s+[A-Z]"
)
# Kyrgyz: a village council, "айыл окмоту Кажисайского айылного аймака" (two words, lower case)
_VILLAGE_COUNCIL = re.compile(r"айыл\s+окмоту\b", re.IGNORECASE)


def _starts_like_org(text: str, strict: bool = False) -> bool:
    """Does an organisation name begin here? `strict` (after a conjunction) admits a lowercase
    start only for a written-out legal form or an authority ("акимат", "министерство")."""
    text = re.sub(r"^\s*(?:the|a|an)\s+", "", text, flags=re.IGNORECASE).lstrip()
    if not text:
        return False
    if text[0] in '«“"„':
        return True
    first = WORD_RE.match(text)
    if not first:
        return False
    word = first.group()
    if word in LEGAL_ABBREVIATIONS or is_acronym(word):
        return True
    if word[:1].isupper() and word.lower() not in _STOP_FIRST_WORDS:
        return True
    lower = word.lower()
    if _VILLAGE_COUNCIL.match(text) or _EN_PLURAL.match(text) or _EN_AUTHORITY.match(text):
        return True  # "айыл окмоту", "the akimats of X and Y", "the akimat of Talgar District"
    if strict:
        return bool(LEGAL_PHRASES.match(text)) or lower.startswith(
            ("акимат", "министерств", "управлени", "әкімдіг", "маслихат", "департамент", "хокимият",
             "akimat", "khokimiyat", "hokimiyat", "ministry", "office of", "department",
             # an institution after "и": "… и радиостанцией «Нарын FM»"
             "радиостанци", "телеканал", "редакци", "газет", "библиотек", "больниц", "колледж",
             "университет", "школ", "лице", "техникум", "отдел", "аппарат", "мэри", "хукумат",
             "центр", "палат", "комитет", "филиал")
        )  # fmt: skip
    return (
        lower.startswith(ORG_HEADS_RU)
        or lower.startswith(ORG_HEADS_KK)
        or bool(LEGAL_PHRASES.match(text))  # "public association "X""
    )


_EN_SPLIT_BLOCK = re.compile(r"\b(?:for|of|on|in)\s+(?:[A-Z][\w-]*\s+){1,3}$")


# "Ақкөл және Зеренді аудандарының әкімдіктері", "Баянауыл және Ақтоғай аудандарының білім
# бөлімдері": one office per district, named by the plural of the unit and of the office.
_KK_UNIT_NAME = rf"[{UPPER}][\w-]*(?:\s+ордасы)?"
_KK_PLURAL = re.compile(
    rf"^(?P<prefix>.*?)(?P<names>{_KK_UNIT_NAME}(?:(?:\s*,\s*|\s+(?:және|мен)\s+){_KK_UNIT_NAME})+)"
    r"\s+(?P<unit>аудандарының|облыстарының|қалаларының|ауылдарының|ауылдық\s+округтерінің|"
    r"кенттерінің)\s+(?P<head>(?:[а-яәғқңөұүһі]+\s+){0,3}[а-яәғқңөұүһі]+)$"
)
_KK_UNIT_SINGULAR = {
    "аудандарының": "ауданының",
    "облыстарының": "облысының",
    "қалаларының": "қаласының",
    "ауылдарының": "ауылының",
    "ауылдық округтерінің": "ауылдық округінің",
    "кенттерінің": "кентінің",
}
_KK_NAMES_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:және|мен)\s+")
# "отделы внутренней политики Жарминского и Кокпектинского районов", "акиматы Х и Y районов"
_RU_PLURAL = re.compile(
    r"^(?P<head>(?i:акиматы|акиматами|акиматов|акиматам|маслихаты|маслихатами|отделы|отделов|"
    r"отделами|отделам|управления|управлениями|аппараты|аппаратами|хокимияты|хокимиятами|"
    r"хокимиятов|хокимиятам|айыл\s+окмоту))"
    r"(?P<mods>(?:\s+[а-яё]+){0,3}?)\s+"
    rf"(?P<a>[{UPPER}][\w-]*)\s+и\s+(?P<b>[{UPPER}][\w-]*)\s+"
    r"(?P<unit>районов|областей|городов|сельских\s+округов|айылных\s+аймаков)(?P<rest>.*)$"
)
# Of each unit in the plural, its singular genitive and the ending its adjective takes there.
_RU_UNIT_SINGULAR = {
    "районов": ("района", "ого"),
    "областей": ("области", "ой"),
    "городов": ("города", "ого"),
    "сельских округов": ("сельского округа", "ого"),
    "айылных аймаков": ("айылного аймака", "ого"),
}
_RU_SINGULAR = {
    "айыл окмоту": ("айыл окмоту",),  # Kyrgyz, not declined: "при участии айыл окмоту X и Y"
    "хокимият": ("хокимияты", "хокимиятами", "хокимиятов", "хокимиятам"),
    "акимат": ("акиматы", "акиматами", "акиматов", "акиматам"),
    "маслихат": ("маслихаты", "маслихатами"),
    "отдел": ("отделы", "отделов", "отделами", "отделам"),
    "управление": ("управления", "управлениями"),
    "аппарат": ("аппараты", "аппаратами"),
}
_RU_HEAD_SINGULAR = {plural: one for one, plurals in _RU_SINGULAR.items() for plural in plurals}


# "Жамбыл облысының полиция департаменті және облыстың денсаулық сақтау басқармасы": "the
# region's" second office is the same region's.
_KK_BACK_REFERENCE = re.compile(
    rf"(?P<owner>(?:[{UPPER}][\w-]*\s+){{1,2}}(?P<unit>облысының|ауданының|қаласының))"
    r"(?P<middle>(?:\s+[а-яәғқңөұүһі]+){1,4}\s+(?:және|мен)\s+)"
    r"(?P<reference>облыстың|ауданның|қаланың)\b"
)
_KK_REFERENCE_OF = {"облысының": "облыстың", "ауданының": "ауданның", "қаласының": "қаланың"}


def _without_kazakh_back_reference(item: str) -> str:
    def named(match: re.Match) -> str:
        if _KK_REFERENCE_OF[match["unit"]] != match["reference"]:
            return match.group()
        return f"{match['owner']}{match['middle']}{match['owner']}"

    return _KK_BACK_REFERENCE.sub(named, item)


def _expand_plural(item: str) -> list[str] | None:
    """An office of several districts named once, as one office per district:
    "Шығыс Қазақстан облысы Глубокое және Шемонаиха аудандарының әкімдіктері",
    "отделы внутренней политики Жарминского и Кокпектинского районов". English ones are read
    item by item in _right_items (_expand_english_plural), after "and" has split the list."""
    return _expand_kazakh_plural(item) or _expand_russian_plural(item)


_EN_PLURAL = re.compile(
    r"(?:\b(?:the|The)\s+)?(?P<head>(?i:akimats|khokimiyats|hokimiyats|offices\s+of\s+the\s+akims|"
    r"administrations))\s+of\s+(?:the\s+)?"
    r"(?P<names>[A-Z][\w'’-]*(?:,\s+[A-Z][\w'’-]*)*,?\s+and\s+[A-Z][\w'’-]*)"
    r"(?:\s+(?P<unit>(?i:rural\s+districts|districts|regions|towns|cities|villages))\b)?"
)
_EN_HEAD_SINGULAR = {
    "akimats": "Akimat",
    "khokimiyats": "Khokimiyat",
    "hokimiyats": "Hokimiyat",
    "offices of the akims": "Office of the Akim",
    "administrations": "Administration",
}
_EN_UNIT_SINGULAR = {
    "rural districts": " Rural District",
    "districts": " District",
    "regions": " Region",
}


def _expand_english_plural(item: str) -> list[str] | None:
    match = _EN_PLURAL.fullmatch(item.strip())
    if not match:
        return None
    head = _EN_HEAD_SINGULAR[re.sub(r"\s+", " ", match["head"]).lower()]
    unit = _EN_UNIT_SINGULAR.get(re.sub(r"\s+", " ", match["unit"] or "").lower(), "")
    names = re.split(r",?\s+and\s+|,\s+", match["names"])
    return [f"{head} of {name}{unit}" for name in names]


def _expand_kazakh_plural(item: str) -> list[str] | None:
    match = _KK_PLURAL.match(item)
    if not match:
        return None
    *words, last = match["head"].split()
    office = kazakh_singular_possessive(last)
    if office is None:
        return None
    unit = _KK_UNIT_SINGULAR[re.sub(r"\s+", " ", match["unit"])]
    head = " ".join([*words, office])
    names = _KK_NAMES_SEPARATOR.split(match["names"])
    return [f"{match['prefix']}{name} {unit} {head}" for name in names]


def _expand_russian_plural(item: str) -> list[str] | None:
    match = _RU_PLURAL.match(item)
    if not match:
        return None
    head = re.sub(r"\s+", " ", match["head"])
    head = match_case(head, _RU_HEAD_SINGULAR[head.lower()])
    unit, ending = _RU_UNIT_SINGULAR[re.sub(r"\s+", " ", match["unit"])]
    out = []
    for adjective in (match["a"], match["b"]):
        adjective = re.sub(r"их$", ending, adjective)
        out.append(f"{head}{match['mods']} {adjective} {unit}{match['rest']}")
    return out


def _trim_item(text: str) -> str:
    """The organisation name at the start of an item, without what follows it."""
    text = strip_parentheses(text)
    text = re.sub(r"^\s*(?:и|а\s+также|және|and|or|или|также|the)\s+", "", text, flags=re.I)
    text = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I)
    masked = mask_quotes(text)
    cut = len(text)
    # clause boundaries
    for pattern in (
        r"\s[-–—]\s",
        r"\s*:",
        r"(?<=[»”\"])\s+(?:на|для|в|во|по|из|for|in|to)\s",  # «X» на ремонт школы
        r",?\s+котор\w+",
        r",\s+",
        r"\s+грант\w*\s+(?:в\s+)?(?:сумме|размере)\b",  # «X» грант в сумме девять миллионов
        r"\s+(?:в|во|на|с|со|из|от|до|за|по|через|при)\s+(?:\d|"
        + "|".join(_STOP_PREP_FOLLOWERS)
        + r")",
        r"\s+при\s+",
        r"\s+(?:в|на)\s+(?:\d|[\w])[\w-]*\s+(?:город|област|район|регион|стран|сел)",
        r"\s+\d",
    ):
        match = re.search(pattern, masked)
        if match and match.start() < cut:
            cut = match.start()
    text = text[:cut]
    masked = masked[:cut]
    # verbs (Russian), participles (Kazakh), lowercase non-connectors (English)
    words = list(re.finditer(rf"[{LETTER}]+(?:[-'’][{LETTER}]+)*", masked))
    latin = sum(1 for w in words if is_latin(w.group()))
    english = words and latin * 2 > len(words)
    legal_form = LEGAL_PHRASES.match(masked)  # "public association "X"": lower case, yet a name
    for index, match in enumerate(words):
        word = match.group()
        if set(word) == {"_"} or legal_form and match.end() <= legal_form.end():
            continue
        if english:
            if index > 0 and word[:1].islower() and word not in {
                "of", "for", "and", "the", "in", "on", "de", "des", "du", "la", "le", "to",
                "against", "without", "with", "at", "&",
                # "the Sughd regional office of the Migration Service", "Satpayev city akimat"
                "regional", "city", "district", "branch", "office", "department", "akimat",
                "hukumat", "khokimiyat",
            }:  # fmt: skip
                text = text[: match.start()]
                break
            continue
        if has_kazakh(word) or not re.search("[а-яё]", word.lower()):
            if (
                index > 0
                and re.search(
                    r"(?:ған|ген|қан|кен|атын|етін|йтын|йтін|ып|іп|уда|уде|ады|еді|йды|йді)$", word
                )
                and len(word) > 5
                and word.islower()
            ):
                text = text[: match.start()]
                break
            continue
        if index == 0 or not word.islower():
            continue
        options = parses(word)
        if (
            options
            and options[0].tag.POS in ("VERB", "INFN", "GRND", "PRTS")
            and options[0].score > 0.3
        ):
            text = text[: match.start()]
            break
    text = _through_kazakh_head(text)
    text = strip_edges(text)
    text = re.sub(r"\s+(?:of|for|and|the|in|on|и|және|по|в|на|с)$", "", text, flags=re.I)
    return strip_edges(text)


_KK_LEGAL_HEAD = re.compile(
    r"^(?:қор(?:ы|ын|ына|ынан|ымен|ының|ында)?|(?:бірлестіг|ұйым|орталығ|қауымдастығ|мекемесі"
    r"|әкімдіг|министрліг|серіктестіг|одағ|кәсіподағ|басқармасы)\w*"
    r"|(?:ЖШС|ҚҚ|ҚБ|КЕАҚ|АҚ|МКҚК)(?:-\w+)?)$",
    re.IGNORECASE,
)


def _through_kazakh_head(text: str) -> str:
    """A Kazakh name ends with its head ("«Жетісу экологиялық орталығы» қоғамдық қоры",
    "«Гидро Консалт Жетісу» ЖШС-мен"): what follows the first head after a quoted or
    capitalised name is the sentence, not the name."""
    if not has_kazakh(text) and not re.search(r"\b(?:ЖШС|ҚҚ|ҚБ|КЕАҚ)\b", text):
        return text
    masked = mask_quotes(text)
    words = list(re.finditer(r"\S+", masked))
    for index, word in enumerate(words[1:], start=1):
        bare = word.group().strip(',.;:»”"')
        if bare and _KK_LEGAL_HEAD.search(bare) and len(bare) > 1:
            following = words[index + 1].group() if index + 1 < len(words) else ""
            if re.search(r"(?:ның|нің|дың|дің|тың|тің)$", bare) and following[:1].isupper():
                continue  # "министрлігінің Жетісу облысы бойынша ... департаменті": it goes on
            # after the name itself, allowing the legal form's own words ("қоғамдық қоры")
            for previous in words[max(0, index - 3) : index][::-1]:
                written = previous.group()
                if written.endswith(("_", "»", "”", '"')) or written[:1].isupper():
                    return text[: word.end()]
    return text


_BARE_HEADS = {
    "фонд", "посольство", "министерство", "агентство", "центр", "ассоциация", "объединение",
    "организация", "қор", "елшілік", "бірлестік", "қауымдастық",
}  # fmt: skip


def _valid_name(name: str) -> bool:
    if not name or len(name) > 160:
        return False
    words = WORD_RE.findall(name)
    if not words or len(words) > 16:
        return False
    if sum(ch.isalpha() for ch in name) < 2:
        return False
    first_char = name[0]
    first = words[0]
    if first.lower() in _STOP_FIRST_WORDS and first_char not in '«“"„':
        return False
    if first_char in '«“"„':
        return True
    if first in LEGAL_ABBREVIATIONS or is_acronym(first):
        return True
    if len(words) == 1 and (first.lower() in ORG_HEADS_EN or first.lower() in _BARE_HEADS):
        return False  # "The Embassy provided a grant": which one, the text does not say here
    if first_char.isupper():
        return not _looks_like_person(words)
    lower = first.lower()
    if len(words) == 1:
        return False  # a bare head noun ("школа", "больница") names no organisation
    return (
        lower.startswith(ORG_HEADS_RU)
        or lower.startswith(ORG_HEADS_KK)
        or bool(LEGAL_PHRASES.match(name))
        or bool(_VILLAGE_COUNCIL.match(name))
        or bool(_EN_AUTHORITY.match(name))
    )


def _looks_like_person(words: list[str]) -> bool:
    """ "Айгерим Сапаровой", "Павел Лобачев": a given name and a surname, not an organisation."""
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    if is_latin("".join(words)) or has_kazakh("".join(words)):
        return False
    lowered = [w.lower() for w in words]
    if any(w.startswith(ORG_HEADS_RU) for w in lowered):
        return False
    given = sum(p.score for p in parses(lowered[0]) if "Name" in p.tag) >= 0.3
    surname = any("Surn" in p.tag for p in parses(lowered[-1])) or re.search(
        r"(?:ов|ев|ин|ова|ева|ина|ской|ский|ская|овой|евой|иной|овым|евым|иным|енко)$", lowered[-1]
    )
    return bool(given and surname)


def _is_press_office(name: str) -> bool:
    return bool(_PRESS_OFFICE.search(name)) and normalize_donor(name) == "European Union"


# "Центром развития сельских сообществ (ЦРСС) из Худжанда": where it is from is not its name
_RU_FROM_TOWN = re.compile(r"(?<=[а-яё»])\s+из\s+[А-ЯЁ][а-яё-]+$")


def _clean_name(name: str, lang: str, case: str | None) -> str:
    name = _RU_FROM_TOWN.sub("", tidy(name))
    if lang == "kk" or is_kazakh_name(unquoted(name)):
        words = name.split(" ")
        words[-1] = kazakh_head_nominative(words[-1])
        name = " ".join(words)
    elif lang == "ru" or re.search("[а-яё]", name.lower()):
        name = nominative_head(name, case)
    return strip_edges(name)


_PURPOSE_TAIL = re.compile(
    r"\s+(?:на|для)\s+(?:реализаци|проведени|осуществлени|выполнени|проект)\w*\b.*$",
    re.DOTALL | re.IGNORECASE,
)
_ENGLISH_TRAILING_PLACE = re.compile(
    r"([\"”»])\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?P<rest>.*)$", re.DOTALL
)


def _without_english_place(chunk: str) -> str:
    """'Public Association "Eco Damu" in Kyzylorda Region': the place is not in the name; an
    organisation after it ('... in Bokhtar and the Public Organization "Y" in Kulob') stays."""

    def cut(match: re.Match) -> str:
        rest = match["rest"]
        following = re.match(r"\s*(?:,\s*)?(?:and|&)\s+", rest)
        if following:
            item = rest[following.end() :]
            # "... and the Public Organization "Y"", not "... and Zhambyl Region"
            if _starts_like_org(item) and (re.search('["“«]', item) or ENGLISH_HEAD.search(item)):
                return match[1] + rest
        return match[1]

    previous = None
    while previous != chunk:
        previous, chunk = chunk, _ENGLISH_TRAILING_PLACE.sub(cut, chunk, count=1)
    return chunk


# What a release says of an organisation before its name, not part of it: where it is from
# ("уральский", "көкшетаулық", "Aktau-based"), that it is local or young ("местное",
# "молодёжному").
_KK_FRAME = re.compile(r"^[^.;\n«»]{1,160}?\s(?:аясында|шеңберінде)\s+")
_DESCRIPTOR = re.compile(
    r"^(?:(?!некоммерческ)(?:[а-яё]+(?:ск|цк)(?:ий|ая|ое|ие|ого|ому|им|ом|ой|ую)|местн\w+|молод[её]жн\w+|"
    r"сельск\w+|[a-z]*(?:[A-Z][\w\']*)?-based|local|national|international|non-profit|nonprofit|"
    r"non-governmental|[A-Z][a-z]+(?:an|ish|ese)(?=\s+(?:non-|nonprofit|local|NGO|organi[sz]ation))|"
    r"organi[sz]ation(?=\s+[A-Z])|[a-z]+(?:'s)?(?=\s+(?:NGO|non-governmental)\b)|"
    r"[а-яәғқңөұүһі]+(?:лық|лік|дық|дік|тық|тік))"
    r"\s+)+(?=\S)"
)


_LABELLED_LINE = re.compile(r"^[\s*_]*[^\W\d][^:\n]{0,30}:[*_]*\s")


_RELATIVE_CLAUSE = re.compile(
    r"\s*(?:and\s+)?(?:whose|which|who|where|котор\w+|где|чей|чья|чьи)\b", re.IGNORECASE
)


def _right_items(text: str, start: int, end: int, cue: Cue) -> list[tuple[str, int, int]]:
    """Organisation names in text[start:end] after a right-side cue."""
    argument = text[start:end]
    lead = len(argument) - len(argument.lstrip(" \t\n:-–—"))
    argument = argument[lead:]
    base = start + lead
    article = re.match(r"(?:the|a|an)\s+", argument, re.IGNORECASE)
    if article:
        argument = argument[article.end() :]
        base += article.end()
    frame = _KK_FRAME.match(argument)  # "X бағдарламасы аясында «Y» қорына": Y, not X
    if frame:
        argument = argument[frame.end() :]
        base += frame.end()
    descriptor = _DESCRIPTOR.match(argument)
    if descriptor:
        argument = argument[descriptor.end() :]
        base += descriptor.end()
    if not _starts_like_org(argument):
        return []
    out = []
    for index, (chunk, a, _b) in enumerate(_split_items(argument, base)):
        if out and _LABELLED_LINE.match(chunk):
            break  # the next line of a fact sheet ("- **Мерзімі:** 2023–2025"): the list ended
        if index and _RELATIVE_CLAUSE.match(chunk):
            continue  # "X, whose faculty hosts the classes, and the Department of Y"
        if index and not _starts_like_org(chunk.lstrip()):
            break  # "Funded by X, the project will run … in Baizak, Merke and Zhualy districts"
        # 'Public Association "Eco Damu" in Kyzylorda Region': the place is not in the name.
        chunk = _without_english_place(chunk)
        # "фонду «X» на реализацию проекта «Y»": the purpose is not part of the name.
        chunk = _PURPOSE_TAIL.sub("", chunk)
        chunk = _without_kazakh_back_reference(chunk)
        core = tidy(strip_parentheses(chunk))
        expanded = _expand_plural(core)
        if expanded:
            s = a + len(chunk) - len(chunk.lstrip())
            for name in expanded:
                out.append((name, s, a + len(chunk.rstrip())))
            continue
        for raw, c, _d in _split_items(chunk, a, _CONJ_RE):
            # "and the Estonian non-profit X": X
            lead = re.match(r"\s*(?:(?:the|a|an)\s+(?=[A-Z][a-z]+(?:an|ish|ese)\s))?", raw)
            descriptor = _DESCRIPTOR.match(raw[lead.end() :])
            if descriptor:
                c += lead.end() + descriptor.end()
                raw = raw[lead.end() + descriptor.end() :]
            # "the akimats of Y and Z", alone or after "X and" (its "and"s are not split)
            offices = _expand_english_plural(tidy(raw))
            if offices:
                out.extend((office, c, c + len(raw)) for office in offices)
                continue
            if cue.owner:
                raw = _without_title(raw)
            trimmed = _trim_item(raw)
            if not trimmed:
                continue
            offset = raw.find(trimmed[: min(len(trimmed), 12)])
            s = c + max(offset, 0)
            out.append((trimmed, s, s + len(trimmed)))
    return out


# "The 2024 grantees are:\n\n1. Public Association "X" (Taraz) – $24,500 to ...": a list.
_LIST_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[-•*–·])[ \t]+(?P<item>.+)$", re.MULTILINE)
_WHITE_SPACE = re.compile(r"\s*")
_ITEM_NAME_END = re.compile(r"\s+\(|\s+[-–—]\s|,\s|:\s|\s+(?:from|in|of|из|в)\s+[A-ZА-Я]")


# "гранты получат пять организаций:", "the grantees are the following organisations:"
_LIST_LEAD = re.compile(
    r"[ \t]*(?:(?:[^\W\d]+[ \t]+){0,2}(?:организаци\w*|НПО|ННО|грантополучател\w*|"
    r"победител\w*|проект\w*|organi[sz]ations|NGOs|grantees|projects))?[ \t]*:",
    re.IGNORECASE,
)


def _list_items(text: str, cue_end: int) -> list[tuple[str, int, int]]:
    """The organisation opening each item of a numbered or bulleted list that follows a cue
    ending in a colon, one item per line (blank lines between them allowed)."""
    colon = _LIST_LEAD.match(text[cue_end:])
    if not text[:cue_end].rstrip().endswith(":") and not colon:
        return []
    items, position = [], cue_end + (colon.end() if colon else 0)
    while True:
        match = _LIST_ITEM.match(text, _WHITE_SPACE.match(text, position).end())
        if not match:
            return items
        line = match.group("item")
        cut = _ITEM_NAME_END.search(mask_quotes(line))  # not inside 'Association "Women of X"'
        name = _trim_item(line[: cut.start()] if cut else line)
        if name and _starts_like_org(name):
            start = match.start("item") + line.find(name[:8])
            items.append((name, start, start + len(name)))
        position = match.end()


def _without_title(item: str) -> str:
    """ "Фонда Евразия Центральной Азии «Общественные пространства»" -> the name before the
    project's title; "Фонда «Сорос-Казахстан»" and "ОФ «Эхо»" keep their quoted name."""
    quotes = quote_spans(item)
    if not quotes:
        return item
    first_start = quotes[0][0]
    before = WORD_RE.findall(item[:first_start])
    if len(quotes) > 1 and not any(w[:1].isupper() for w in before[1:]):
        return item[: quotes[1][0]]
    if any(w[:1].isupper() for w in before[1:]):
        return item[:first_start]
    return item


_LEFT_STOP = re.compile(
    r"^(?:жобаны|жоба|жобаның|жобаға|бұл|осы|және|ал|тарапынан|сондай-ақ|мен|аясында|шеңберінде|"
    r"грантты|гранттарды|қаржыны|қаржылай|"
    r"the|project|проект|"
    r"который|которая|также|и|a|an|was|were|is|are|has|have|при|совместно|вместе|а|но|with|by|"
    r"together|jointly|in)$",
    re.IGNORECASE,
)
_LEFT_CONJUNCTION = re.compile(r"^(?:және|мен|и|and)$", re.IGNORECASE)
_PROJECT_WORD = re.compile(
    r"(?:жобасын|жобаны|жобасы|бағдарламасын|бағдарламаны|бағдарламасы|іс-шараны|тренингті)\s*$",
    re.IGNORECASE,
)
_KK_HEAD = re.compile(
    r"^(?:альянсы|қоры|бірлестігі|орталығы|ассоциациясы|одағы|институты|ұйымы|желісі|"
    r"коалициясы|бастамасы|әкімдігі|министрлігі|басқармасы|департаменті|агенттігі|"
    r"қауымдастығы|палатасы|университеті|академиясы|ЖШС|ҚҚ|ҚБ|КЕАҚ|АҚ)$"
)


def _kk_subject(text: str, end: int) -> tuple[int, int] | None:
    """The organisation that opens the sentence ending in "... жобасын жүзеге асырды":
    "Қазақстанның Азаматтық альянсы ... жобасын жүзеге асырды"."""
    window_start = max(0, end - 400)
    masked = mask_quotes(text[window_start:end])
    starts = [masked.rfind(sep) + len(sep) for sep in (". ", "\n", " — ", " – ") if sep in masked]
    start = window_start + max(starts, default=0)
    # "...Агенттігінің қолдауымен «Болашақ» қоғамдық қоры ... жобасын іске қосты": the subject
    # follows the phrase naming whose support or participation the work has.
    inserts = list(_KK_SUPPORT_PHRASE.finditer(text, start, end))
    if inserts:
        start = inserts[-1].end()
    words = list(WORD_RE.finditer(text, start, end))[:9]
    for index, word in enumerate(words):
        if _KK_HEAD.match(word.group()):
            first = words[0].start()
            quote = text.rfind("«", start, first)
            if quote != -1 and text[quote:first].strip() == "«":
                first = quote
            if not (text[first : first + 1].isupper() or text[first : first + 1] in '«"“'):
                return None
            return first, word.end()
        if index and word.group()[:1].islower() and not has_kazakh(word.group()):
            continue
    return None


_KK_SUPPORT_PHRASE = re.compile(
    r"\w*(?:қолдауымен|қаржыландыруымен|қатысуымен|демеушілігімен|көмегімен)\b", re.IGNORECASE
)
_KK_PARTICIPLE = re.compile(r"(?:ған|ген|қан|кен|атын|етін|йтын|йтін|ады|еді|йды|йді)$")
_KK_SUFFIX_HEADS = re.compile(
    r"(?:қоры|қорымен|қоғамдық\s+қоры|қоғамдық\s+бірлестігі|бірлестігі|ассоциациясы|орталығы|"
    r"одағы|ұйымы|институты|ЖШС|ҚҚ|ҚБ|АҚ|ҮЕҰ|қауымдастығы|желісі|коалициясы|бастамасы)$",
    re.IGNORECASE,
)


# Russian heads of an organisation's name that a left-side cue trusts without a legal form or
# quotes: NGOs' ("фонд", "объединение") and institutions' that receive grants ("школа",
# "больница", "библиотека").
_RU_INSTITUTION = re.compile(
    r"фонд|центр|институт|ассоциаци|бюро|объединени|агентств|школ|гимнази|лице[йяю]|колледж"
    r"|университет|больниц|поликлиник|амбулатори|библиотек|музе[йяю]",
    re.IGNORECASE,
)


_RU_LOWER_HEAD = re.compile(
    r"(?<![\w-])(?:аппарат\w*\s+акима|мэри[яиюей]|хокимият\w*|хукумат\w*|акимат\w*|отдел\w*\s"
    r"|управлени\w*\s|департамент\w*\s|больниц\w*|поликлиник\w*|колледж\w*|техникум\w*"
    r"|библиотек\w*|радиостанци\w*|редакци\w*|интернет-издани\w*)"
)


# "Мейірбикелерді оқыту Семей медицина университетінің серіктестігімен": the sentence's object
_KK_PLURAL_OBJECT = re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ды|ді|ны|ні|ты|ті)$", re.IGNORECASE)
# A plural noun opening the sentence is its subject ("Курстар", "Сабақтар"), not the first word
# of the capitalised name after it ("Кәсіпкерлер палатасы" goes on in lower case).
_KK_PLURAL_SUBJECT = re.compile(rf"[{UPPER}][{LETTER}]+(?:[лдт][аеә]р)\s+(?=[{UPPER}])")
# "Курчатовтағы", "Қазалы ауданында": where something happens, not a word of the name after it
_KK_LOCATIVE = re.compile(r"(?:[дт][аә]ғы|[дт]егі|[ыі]н[дт][аеә]|[аә]н[дт][аә])$", re.IGNORECASE)


def _sentence_subject(text: str, cue_start: int) -> tuple[int, int] | None:
    """The organisation that opens the sentence ending in a cue: "Отдел физической культуры и
    спорта Ерейментауского района предоставил спортивный зал и стал партнером проекта"."""
    start, _end = sentence_span(text, cue_start, cue_start)
    if not _starts_like_org(text[start:cue_start]):
        return None
    end = start
    for number, word in enumerate(
        re.finditer(r"[«\"“][^»\"”\n]{1,80}[»\"”]|[\w-]+", text[start:cue_start])
    ):
        options = parses(word.group()) if word.group().islower() else []
        if number and options and options[0].tag.POS in ("VERB", "PRTS", "GRND", "INFN"):
            break
        end = start + word.end()
    return (start, end) if end > start else None


def _left_name(
    text: str, end: int, spans: list[tuple[int, int]], strong_only: bool, lang: str = "ru"
) -> tuple[int, int] | None:
    """The organisation name that ends at `end` (before a left-side cue)."""
    e = end
    while e > 0 and text[e - 1] in " \t":
        e -= 1
    # a parenthesised note before the cue: "(Алматы)"
    if e > 0 and text[e - 1] == ")":
        opening = text.rfind("(", max(0, e - 80), e)
        if opening != -1:
            e = opening
            while e > 0 and text[e - 1] in " \t":
                e -= 1
    window_start = max(0, e - 250)
    window = mask_quotes(text[window_start:e])
    boundary = window_start + max(window.rfind(ch) for ch in ".\n;:,)!?")
    boundary = max(boundary, window_start - 1)
    quotes = {b: a for a, b in spans if a > boundary and b <= e}
    pos = e
    start = None
    words_taken = 0
    quoted = False
    seen_capital = False
    while pos > boundary + 1:
        while pos > boundary + 1 and text[pos - 1] in " \t":
            pos -= 1
        if pos <= boundary + 1:
            break
        if pos in quotes:
            pos = quotes[pos]
            start = pos
            quoted = True
            # legal forms or head words just before the quotes: "ОО «Эхо»", "Общественный фонд «X»"
            while True:
                before = re.search(rf"([{LETTER}]+)[ \t]+$", text[max(boundary + 1, 0) : pos])
                if not before:
                    break
                word = before.group(1)
                if (
                    word in LEGAL_ABBREVIATIONS
                    or word.lower().startswith(ORG_HEADS_RU)
                    or word.lower() in ORG_HEADS_EN
                    or (word.lower() in {"общественный", "общественное", "public"})
                ):
                    pos = pos - len(before.group(0))
                    start = pos
                    continue
                break
            break
        match = re.search(rf"([{LETTER}0-9]+(?:[-'’.][{LETTER}0-9]+)*)$", text[boundary + 1 : pos])
        if not match:
            break
        word = match.group(1)
        if _LEFT_CONJUNCTION.match(word) and not seen_capital and words_taken:
            # "Мәдениет және ақпарат министрлігі": the name has not begun yet
            pos -= len(word)
            continue
        if word == "the" and words_taken and re.search(r"\bof\s+$", text[boundary + 1 : pos - 3]):
            pos -= len(word)  # "Ministry of Foreign Affairs of the Republic of Latvia"
            words_taken += 1
            continue
        if (
            _LEFT_STOP.match(word)
            or (
                has_kazakh(word)
                and word.islower()
                and _KK_PARTICIPLE.search(word)
                and len(word) > 5
                and words_taken > 0
            )
            or (lang == "kk" and words_taken > 0 and _KK_LOCATIVE.search(word))
            or (lang == "kk" and words_taken > 0 and _KK_PLURAL_OBJECT.search(word))
        ):
            break
        if lang == "ru" and not has_kazakh(word) and word.islower() and not is_latin(word):
            options = parses(word)
            if options and options[0].tag.POS in ("VERB", "INFN", "PRTF", "GRND", "PRTS"):
                break
        if words_taken >= (12 if lang == "en" else 8):  # "Ministry of … of the Republic of X"
            break
        pos -= len(word)
        start = pos
        words_taken += 1
        seen_capital = seen_capital or word[:1].isupper()
    if start is None:
        return None
    # the name starts at a capital, a quote or a legal form, or at a head word before them
    # ("аппарат акима Айдарлинского сельского округа", "мэрия города Ош")
    segment = text[start:e]
    if not quoted:
        first = re.search(rf"[«“\"„{UPPER}]", segment)
        head = _RU_LOWER_HEAD.search(segment) if lang == "ru" else None
        if head and (not first or head.start() < first.start()):
            first = head
        if not first:
            return None
        start += first.start()
        segment = text[start:e]
    name = strip_edges(segment)
    if not name:
        return None
    if strong_only and not (
        quoted
        or any(w in LEGAL_ABBREVIATIONS for w in WORD_RE.findall(name))
        or re.search("|".join(ORG_HEADS_EN), name, re.IGNORECASE)
        or _RU_INSTITUTION.search(name)
        or _KK_SUFFIX_HEADS.search(name)
        or _KK_HEAD.match(kazakh_head_nominative(name.split()[-1]))  # "әкімдігінің"
    ):
        return None
    offset = text.find(name, start, e)
    if offset == -1:
        offset = start
    if lang == "kk" and (plural := _KK_PLURAL_SUBJECT.match(name)):
        offset += plural.end()  # "Курстар Батыс Қазақстан облысы полиция департаментінің"
        name = name[plural.end() :]
    return offset, offset + len(name)


# ---------------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------------


def _sentences(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for match in re.finditer(r"(?<=[.!?])\s+(?=[«\"“*A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])|\n[ \t]*\n", text):
        if _INITIAL_BEFORE.search(text, max(0, match.start() - 4), match.start()):
            continue  # "U.S. Embassy", "Ж. Ахметов": an initial, not a sentence's end
        out.append((start, match.start()))
        start = match.end()
    out.append((start, len(text)))
    return out


_INITIAL_BEFORE = re.compile(rf"(?:^|[\s.(])[{UPPER}]\.$")


# ---------------------------------------------------------------------------------------------
# The recogniser
# ---------------------------------------------------------------------------------------------


class _Registry:
    """Organisations found so far, one per key."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.items: list[_Item] = []

    def find(self, name: str) -> _Item | None:
        key = org_key(name)
        for item in self.items:
            if org_key(item.name) == key:
                return item
        quoted = quoted_core(name)
        if quoted:
            for item in self.items:
                if quoted_core(item.name) == quoted:
                    return item
        compact = name.replace(" ", "")
        if is_acronym(compact) and len(compact) >= 3:
            for item in self.items:
                item_initials = initials(item.name)
                if len(item_initials) >= 3 and (
                    item_initials == compact.casefold()
                    or (len(compact) >= 4 and item_initials.startswith(compact.casefold()))
                ):
                    return item
        return None

    def add(self, name: str, role: str, start: int, end: int, normalized: str | None = None):
        existing = self.find(name)
        evidence = self.doc.evidence(start, end)
        if existing is not None:
            if role == "implementer" and existing.role == "partner":
                existing.role = "implementer"
            if evidence not in existing.evidence:
                existing.evidence.append(evidence)
            return existing
        item = _Item(name, start, end, role, normalized, [evidence])
        self.items.append(item)
        return item


_INSERTED = re.compile(
    r"[\s,]+(?:при|совместно|в\s+партн[её]рстве|вместе|в\s+рамках|with|in\s+partnership|"
    r"together|jointly|in\s+cooperation|based\s+in)\s[^.;:!?\n]*$",
    re.IGNORECASE,
)
_OWN_PROJECT_BEFORE = re.compile(
    r"\b(?:проект\w*|программ\w*|project|programme|program)\s+$", re.IGNORECASE
)
_OWN_PROJECT_AFTER = re.compile(
    r"(?:-|\s+)(?:жоба\w*|бағдарлама\w*|project|programme|program|funded|financed)\b",
    re.IGNORECASE,
)
_FUNDERS_ONLY = {
    "European Union", "USAID", "U.S. Department of State", "National Endowment for Democracy",
    "World Bank", "Asian Development Bank", "EBRD", "JICA", "KOICA",
    "Swiss Agency for Development and Cooperation",
}  # fmt: skip


def find_organizations(
    doc: Document, donors: DonorBook | None = None
) -> tuple[list[OrganizationFound], list[OrganizationFound], list[OrganizationFound]]:
    """(implementers, partners, donors) named in the article, each once, with evidence; the
    donors known by name are the book's (default: the lexicon in donors.py)."""
    text = wrapped_lines_joined(doc.article)  # "with the Public\nFoundation X": one name
    spans = quote_spans(text)
    registry = _Registry(doc)
    unknown_donors = _Registry(doc)

    mentions = find_donor_mentions(text, book=donors)
    groups = _mention_groups(text, mentions)
    donor_groups: set[int] = set()
    mention_case: dict[int, str | None] = {}
    cue_spans: list[tuple[int, int]] = []

    for cue_start, cue_end, cue in _cue_matches(text, spans):
        cue_spans.append((cue_start, cue_end))
        if cue.side == "right":
            limit = next((s for s, _e, _c in _cue_matches(text, spans) if s >= cue_end), len(text))
            limit = min(limit, cue_end + 600)
            end = _sentence_end(text, cue_end, limit)
            items = _list_items(text, cue_end) or _right_items(text, cue_end, end, cue)
            if cue.role == "donor":
                head = re.match(r"[\s:–—-]*(?:(?:the|a|an)\s+)?", text[cue_end:end], re.I).end()
                for index, mention in enumerate(mentions):
                    if mention.start == cue_end + head or any(
                        mention.start < e and s < mention.end for _n, s, e in items
                    ):
                        donor_groups.add(groups[index])
                        mention_case.setdefault(index, cue.case if cue.lang == "ru" else None)
                _donor_items(items, cue, mentions, unknown_donors)
                continue
            for name, s, e in items:
                _register(registry, name, s, e, cue, doc)
        elif cue.role == "donor":
            # "агенттігінің (USAID) қолдауымен": the donor may end in an acronym in brackets
            before = text[:cue_start].rstrip(" \t-–—)")
            index = next(
                (
                    k
                    for k, m in enumerate(mentions)
                    if m.end <= cue_start
                    and (m.end >= len(before) or _SEAT.fullmatch(text, m.end, len(before)))
                ),
                None,
            )
            if index is not None:
                donor_groups.add(groups[index])
                continue
            _left_donors(
                text, cue_start, spans, cue, mentions, groups, donor_groups, unknown_donors
            )
        else:
            _left_list(text, cue_start, spans, cue, registry, doc)

    if doc.language == "kk":
        _kazakh_implementers(doc, registry)

    # subjects of implementing verbs: "ОО «Эхо» реализует проект"
    subjects = [(match, True) for match in _SUBJECT_VERBS.finditer(text)]
    subjects += [(match, False) for match in _APPOSITION_VERB.finditer(text)]
    for match, strong_only in subjects:
        lang = "en" if is_latin(match.group().replace(" ", "")) else "ru"
        # "ОО «Эхо» при поддержке USAID реализует проект": the subject is before the insert
        found = None
        inserted = _INSERTED.search(mask_quotes(text[max(0, match.start() - 150) : match.start()]))
        if inserted:
            end = max(0, match.start() - 150) + inserted.start()
            found = _left_name(text, end, spans, strong_only, lang)
        if not found:
            found = _left_name(text, match.start(), spans, strong_only, lang)
        if found:
            name = _clean_name(text[found[0] : found[1]], doc.language, "nomn")
            if (
                _valid_name(name)
                and not _is_press_office(name)
                and normalize_donor(name) not in _FUNDERS_ONLY
            ):
                registry.add(name, "implementer", found[0], found[1])

    # other funding words ("Вклад ЕС", "USAID выделит", "Европейский Союз поддержал"): the
    # nearest donor mentions in the sentence
    # "в рамках проекта Европейского союза", "ЕО жобасы", "an EU project": the donor's project
    # A weak cue does not make a donor of an organisation the text names as implementer or
    # partner ("Программа малых грантов ГЭФ, осуществляемая ПРООН", "проект Фонда Евразия").
    roles = {normalize_donor(item.name, donors) for item in registry.items} - {None}
    for index, mention in enumerate(mentions):
        before = text[max(0, mention.start - 30) : mention.start]
        after = text[mention.end : mention.end + 30]
        own_project = _OWN_PROJECT_BEFORE.search(before) or _OWN_PROJECT_AFTER.match(after)
        if own_project and not _near_press_office(text, mention) and mention.canonical not in roles:
            donor_groups.add(groups[index])
    weak = _groups_near_funding_words(text, mentions, groups, cue_spans) - donor_groups
    donor_groups |= {
        g
        for g in weak
        if not any(groups[k] == g and m.canonical in roles for k, m in enumerate(mentions))
    }

    donor_list = _donor_list(doc, mentions, groups, donor_groups, mention_case)
    known = {d.normalized for d in donor_list}
    for item in unknown_donors.items:
        canonical = normalize_donor(item.name, donors)
        if canonical in known:
            continue
        if canonical:
            known.add(canonical)
        donor_list.append(OrganizationFound(item.name, "donor", canonical, list(item.evidence)))
    donor_list.sort(key=lambda d: d.evidence[0].start if d.evidence else 0)

    if not any(item.role == "implementer" for item in registry.items):
        _salient_ngo(doc, text, registry, donor_list)

    items = sorted(registry.items, key=lambda i: min(e.start for e in i.evidence))
    implementers = [
        OrganizationFound(i.name, "implementer", None, sorted(i.evidence, key=lambda e: e.start))
        for i in items
        if i.role == "implementer"
    ]
    partners = [
        OrganizationFound(i.name, "partner", None, sorted(i.evidence, key=lambda e: e.start))
        for i in items
        if i.role == "partner"
    ]
    return implementers, partners, donor_list


# An NGO named with its legal form and a quoted name: "общественный фонд «Адал»", "ОФ «Адал»",
# "«Мейірім» қоғамдық бірлестігі", "«Дала Даму» ҚҚ", 'Public Association "Taza Su"'.
_RU_NGO_FORM = (
    r"(?<![\w-])(?:ОО|ОФ|ОЮЛ|ЧУ|КФ|РОО|МОО|РОФ|НПО|ННО|НКО|АНО|PF|PA|"
    r"(?:[Оо]бщественн|[Чч]астн|[Кк]орпоративн|[Нн]екоммерческ|[Бб]лаготворительн)\w*\s+"
    r"(?:объединени|фонд|учреждени|организаци)\w*|"
    r"[Pp]ublic\s+(?:[Aa]ssociation|[Ff]oundation|[Ff]und|[Uu]nion)|NGO)"
)
_NGO_WITH_FORM = re.compile(
    rf"{_RU_NGO_FORM}\s+(?P<q1>[«“\"][^«»“”\"\n]{{2,80}}[»”\"])"
    r"|(?P<q2>«[^«»\n]{2,80}»)\s+(?:қоғамдық\s+(?:бірлестіг|қор)\w*|бірлестіг\w*|қор[ыа]\w*|ҚБ|ҚҚ)"
)


def _times_quoted(core: str, text: str) -> int:
    return len(re.findall(rf"[«“\"]{re.escape(core)}[»”\"]", text, re.IGNORECASE))


def _salient_ngo(doc: Document, text: str, registry: _Registry, donors) -> None:
    """A release that names no implementer by a cue is still about someone's project: the NGO
    it names with a legal form and quotes most often (twice at least, or the only one), which
    is neither a donor nor a partner, is taken as the implementer."""
    taken = {quoted_core(item.name) for item in registry.items}
    taken |= {quoted_core(donor.name) for donor in donors}
    found: dict[str, tuple[int, int]] = {}
    for match in _NGO_WITH_FORM.finditer(text):
        quoted = match.group("q1") or match.group("q2")
        core = quoted_core(quoted)
        if core and core not in taken and normalize_donor(quoted) is None:
            found.setdefault(core, (match.start(), match.end()))
    if not found:
        return
    mentions = {core: _times_quoted(core, text) for core in found}
    ranked = sorted(found, key=lambda core: (-mentions[core], found[core][0]))
    best = ranked[0]
    if len(found) > 1 and (mentions[best] < 2 or mentions[best] == mentions[ranked[1]]):
        return  # no single organisation stands out
    start, end = found[best]
    name = _clean_name(text[start:end], doc.language, None)
    if _valid_name(name):
        registry.add(name, "implementer", start, end)


# Kazakh puts the verb last: "Жобаны «Жетісу экологиялық орталығы» қоғамдық қоры «Гидро Консалт
# Жетісу» ЖШС-мен консорциумда жүзеге асырады", "«Болашақ Ауыл» қоғамдық бірлестігі ... конкурста
# жеңіп алды". The organisations of such a sentence, by a quoted name and its legal form.
_KK_IMPLEMENTING_VERB = re.compile(
    r"^(?:асыр(?:ады|ды|уда|ып|атын)|жеңіп|ұтып|алды|иеленді|атанды|ұйымдастырды|өткізді"
    r"|өткізеді|ұйымдастырады|бастады|қолға)$",
    re.IGNORECASE,
)
_KK_QUOTED_ORG = re.compile(
    r"«[^«»\n]{2,80}»(?:\s+[а-яәғқңөұүһі]+){0,3}?\s+"
    r"(?:қоры|қор|бірлестігі|ұйымы|орталығы|қауымдастығы|мекемесі|ЖШС|ҚҚ|ҚБ|КЕАҚ)"
    r"(?P<ending>-?[а-яәғқңөұүһі]*)"
)


def _kazakh_implementers(doc: Document, registry: _Registry) -> None:
    text = doc.article
    for start, end in _sentences(text):
        words = WORD_RE.findall(text[start:end])
        if not any(_KK_IMPLEMENTING_VERB.match(word) for word in words[-3:]):
            continue
        for match in _KK_QUOTED_ORG.finditer(text, start, end):
            ending = match.group("ending").lstrip("-").lower()
            if ending in ("мен", "бен", "пен"):
                consortium = re.match(r"\s+консорциум", text[match.end() : match.end() + 20])
                role = "implementer" if consortium else "partner"
            elif ending in ("", "ы", "і"):
                role = "implementer"
            else:
                continue  # another case: the sentence's object or a complement
            name = _clean_name(match.group(), "kk", None)
            if _valid_name(name):
                registry.add(name, role, match.start(), match.end())


# "The British Embassy in Ashgabat has awarded": the donor's seat between its name and the cue
_SEAT = re.compile(r"\s+(?:in|to)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?")


def _left_donors(text, cue_start, spans, cue, mentions, groups, donor_groups, unknown) -> None:
    """The donors named before a Kazakh cue ("ҚР Мәдениет және ақпарат министрлігі мен
    «Азаматтық бастамаларды қолдау орталығы» КЕАҚ қолдауымен"): known ones by their mention,
    others by their name, along a list joined by commas and "мен", "және"."""
    end = cue_start
    for _ in range(4):
        found = _left_name(text, end, spans, True, cue.lang)
        if not found:
            break
        known = [k for k, m in enumerate(mentions) if m.start < found[1] and found[0] < m.end]
        if known:
            donor_groups.update(groups[k] for k in known)
        else:
            name = _clean_name(text[found[0] : found[1]], cue.lang, None)
            if _valid_name(name) and not _is_press_office(name):
                unknown.add(name, "donor", found[0], found[1])
        joined = re.search(
            r"(?:,|\s(?:және|мен|бен|пен|и|and))\s*$", text[max(0, found[0] - 20) : found[0]]
        )
        if not joined:
            break
        end = found[0] - len(joined.group(0))


@lru_cache(maxsize=8)
def _cue_matches_cached(text: str, spans: tuple) -> tuple:
    matches: list[tuple[int, int, Cue]] = []
    for cue in CUES:
        for match in cue.pattern.finditer(text):
            if any(a < match.start() < b for a, b in spans):
                continue  # a cue word inside a quoted title
            matches.append((match.start(), match.end(), cue))
    # overlapping cues: keep the longest at each place
    matches.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, Cue]] = []
    for match in matches:
        if kept and match[0] < kept[-1][1] and match[2].side == kept[-1][2].side:
            continue
        kept.append(match)
    return tuple(kept)


def _cue_matches(text: str, spans: list[tuple[int, int]]) -> tuple:
    return _cue_matches_cached(text, tuple(spans))


def _mention_groups(text: str, mentions: list[DonorMention]) -> list[int]:
    """Mentions joined only by "и", "and", ",", brackets form one group ("Госдеп США и USAID")."""
    groups: list[int] = []
    for index, mention in enumerate(mentions):
        if index and re.fullmatch(
            r"[\s,()&/]*(?:(?:и|and|және|мен|а\s+также|as\s+well\s+as)[\s,()]*)?",
            text[mentions[index - 1].end : mention.start],
        ):
            groups.append(groups[-1])
        else:
            groups.append(index)
    return groups


def _groups_near_funding_words(text, mentions, groups, cue_spans) -> set[int]:
    found: set[int] = set()
    if not mentions:
        return found
    for s_start, s_end in _sentences(text):
        inside = [k for k, m in enumerate(mentions) if s_start <= m.start < s_end]
        if not inside:
            continue
        words = list(re.finditer(rf"[{LETTER}0-9]+", text[:s_end]))
        words = [w for w in words if w.start() >= s_start]
        for position, word in enumerate(words):
            if not _FUNDING_WORDS.match(word.group()) or _GENERIC_SUPPORT.match(word.group()):
                continue
            if any(a <= word.start() < b for a, b in cue_spans):
                continue
            if any(mentions[k].start <= word.start() < mentions[k].end for k in inside):
                continue  # "Национальный фонд в поддержку демократии" is a name
            best = None
            for k in inside:
                if _near_press_office(text, mentions[k]):
                    continue
                at = next(
                    (i for i, w in enumerate(words) if w.start() >= mentions[k].start), len(words)
                )
                until = next(
                    (i for i, w in enumerate(words) if w.start() >= mentions[k].end), len(words)
                )
                distance = at - position if at > position else position - until + 1
                if distance <= 6 and (best is None or distance < best[0]):
                    best = (distance, k)
            if best is not None:
                found.add(groups[best[1]])
        found |= {groups[k] for k in _kazakh_subjects_of_funding(text, words, inside, mentions)}
    return found


_KK_FUNDING_VERB = re.compile(
    r"^(?:қаржыландыр|бөл(?:ді|еді|ген|інді|мек)|қолда(?:ды|йды|ған)|демеу|грант\w*$)", re.I
)


def _kazakh_subjects_of_funding(text, words, inside, mentions) -> list[int]:
    """Kazakh puts the verb last: "Азия даму банкі ... жобаны қаржыландырады". A donor named
    among the sentence's first words is its subject when one of its last words funds."""
    if not words or not any(_KK_FUNDING_VERB.match(w.group()) for w in words[-3:]):
        return []
    if not any(ch in KK_LETTERS for w in words for ch in w.group()):
        return []
    opening = words[min(3, len(words) - 1)].end()
    return [k for k in inside if mentions[k].start < opening]


_CASE_BEFORE = (
    (re.compile(r"(?:поддержк\w+|содействи\w+|вклад|средств|грант\w*|заказу)\s*$", re.I), "gent"),
    (
        re.compile(r"(?:финансируется|финансируются|профинансирован\w*|поддержан\w*)\s*$", re.I),
        "ablt",
    ),
)
_KK_CASE_ENDING = re.compile(
    r"(?:-?(?:ның|нің|дың|дің|тың|тің|нан|нен|дан|ден|тан|тен|ға|ге|қа|ке|мен|бен|пен))$"
)


def _donor_list(doc, mentions, groups, donor_groups, mention_case) -> list[OrganizationFound]:
    text = doc.article
    canonicals: list[str] = []
    for index, mention in enumerate(mentions):
        if groups[index] in donor_groups and mention.canonical not in canonicals:
            canonicals.append(mention.canonical)
    canonicals = _one_per_state(canonicals)
    out = []
    for canonical in canonicals:
        indices = [k for k, m in enumerate(mentions) if m.canonical == canonical]
        own = [k for k in indices if not _near_press_office(text, mentions[k])] or indices
        first = mentions[own[0]]
        written = tidy(text[first.start : first.end])
        if written.count("«") > written.count("»") and text[first.end : first.end + 1] == "»":
            written += "»"
        elif written.count("“") > written.count("”") and text[first.end : first.end + 1] == "”":
            written += "”"
        elif written.count('"') % 2 and text[first.end : first.end + 1] == '"':
            written += '"'
        if has_kazakh(written) or doc.language == "kk":
            words = written.split(" ")
            stripped = _KK_CASE_ENDING.sub("", words[-1])
            if len(stripped) >= 2:
                words[-1] = stripped
            written = " ".join(words)
        elif re.search("[а-яё]", written.lower()):
            case = mention_case.get(own[0])
            if case is None:
                before = text[max(0, first.start - 40) : first.start]
                case = next((c for pattern, c in _CASE_BEFORE if pattern.search(before)), None)
            written = nominative_head(written, case)
        out.append(
            OrganizationFound(
                name=written,
                role="donor",
                normalized=canonical,
                evidence=[doc.evidence(mentions[k].start, mentions[k].end) for k in own],
            )
        )
    return out


def _one_per_state(canonicals: list[str]) -> list[str]:
    """A state funds once, however its embassy, government and ministry are named: the
    embassy (its office in the country) stands for it, else the first named."""
    kept: dict[str, str] = {}
    for canonical in canonicals:
        body = next((b for b in STATE_BODY_NAMES if canonical.startswith(b)), None)
        state = canonical.removeprefix(body) if body else canonical
        if state not in kept or canonical.startswith("Embassy of "):
            kept[state] = canonical
    return [canonical for canonical in canonicals if canonical in kept.values()]


def _register(registry: _Registry, name: str, s: int, e: int, cue: Cue, doc: Document) -> None:
    offices = _expand_kazakh_plural(tidy(name))
    if offices:
        for office in offices:
            _register(registry, office, s, e, cue, doc)
        return
    lang = cue.lang if cue.lang != "en" or is_latin(name.replace(" ", "")) else doc.language
    name = _clean_name(_through_kazakh_head(name), lang, cue.case)
    if not _valid_name(name) or _is_press_office(name):
        return
    if normalize_donor(name) in _FUNDERS_ONLY and not (
        any(w in LEGAL_ABBREVIATIONS for w in WORD_RE.findall(name))
    ):
        return  # "в партнерстве с ЕС": the donor, not a partner organisation
    registry.add(name, cue.role, s, e)


_KK_AMOUNT_BEFORE = re.compile(
    r"\s+\d[\d ,.]*(?:\s*(?:млн|мың|млрд)\.?)?(?:\s*\([^()\d\n]{1,80}\))?"
    r"\s*(?:теңге|АҚШ\s+доллары|доллар\w*|еуро)(?:\s+көлемінде)?\s*$"
)
_EN_UNDER_TAIL = re.compile(
    r"\s+under\s+the\s+(?:Government|Ministry|Office|President)\s+of\s+(?:the\s+)?"
    r"[A-Z][\w’' ]{0,50}?$"
)
_RU_AMOUNT_BEFORE = re.compile(
    r"\s+(?:грант\w*\s+)?(?:в\s+(?:сумме|размере)\s+)?[^«»\"“”\n.;]{1,80}?"
    r"(?:тенге|теңге|долл\w*(?:\s+США)?|евро|рубл\w*|сом\w*|фунт\w*(?:\s+стерлинг\w*)?|"
    r"\$|€|USD|EUR|KZT)\s*$"
)
_RU_LOCATION_BEFORE = re.compile(
    rf"\s+в\s+(?:сел[еау]|город[еа]|пос[её]лке|ауле|деревне|г\.|с\.)?\s*[{UPPER}][\w-]+"
    rf"(?:\s+[{UPPER}][\w-]*(?:ского|ской|ском)\s+(?:района|области|округа))*\s*$"
)


# What stands between a name and a left-side cue without being part of the name, by language,
# each with how far back it is looked for, in this order:
# "Фонду «Адал» в Шымкенте выделено" (a place), "фонду «X» грант в сумме девять миллионов
# тенге предоставлен" (a sum), "«X» қорына 5 млн теңге грант бөлінді" (a sum), "The Committee
# of X under the Government of Y will be the executing agency" (whose body it is).
_NOT_THE_NAME_BEFORE_CUE = {
    "ru": ((_RU_LOCATION_BEFORE, 120), (_RU_AMOUNT_BEFORE, 150)),
    "kk": ((_KK_AMOUNT_BEFORE, 120),),
    "en": ((_EN_UNDER_TAIL, 80),),
}


def _left_list(text, cue_start, spans, cue: Cue, registry: _Registry, doc: Document) -> None:
    """Names before a left-side cue, several when joined by "және", "мен" or commas (in
    English, only names with a head word: "the Education Department ... is a partner")."""
    if cue.subject:
        found = _sentence_subject(text, cue_start)
        if found:
            _register(registry, text[found[0] : found[1]], found[0], found[1], cue, doc)
        return
    if cue.role == "implementer" and _PROJECT_WORD.search(text[max(0, cue_start - 40) : cue_start]):
        found = _kk_subject(text, cue_start)
        if found:
            _register(registry, text[found[0] : found[1]], found[0], found[1], cue, doc)
        return
    end = cue_start
    for tail, reach in _NOT_THE_NAME_BEFORE_CUE.get(cue.lang, ()):
        found = tail.search(text, max(0, end - reach), end)
        end = found.start() if found else end
    for _ in range(6):
        found = _left_name(text, end, spans, cue.role == "implementer", cue.lang)
        if not found:
            break
        s, e = found
        s = _offices_start(text, s, e)
        name = text[s:e]
        if cue.lang == "en" and not ENGLISH_HEAD.search(name):
            break
        _register(registry, name, s, e, cue, doc)
        # another name before this one?
        before = text[max(0, s - 30) : s]
        joined = re.search(r"(?:,(?:\s*(?:сондай-ақ|а\s+также))?|\s(?:және|мен|и|and))\s*$", before)
        if not joined:
            break
        end = s - len(joined.group(0))


_NAMES_BEFORE_OFFICES = re.compile(rf"(?:{_KK_UNIT_NAME}(?:\s*,\s*|\s+(?:және|мен)\s+))+$")


def _offices_start(text: str, start: int, end: int) -> int:
    """Where a Kazakh name of several districts' offices starts, when the name read back from
    the cue is its last part: "Ақкөл және Зеренді аудандарының әкімдіктері" for "Зеренді
    аудандарының әкімдіктері"."""
    names = _NAMES_BEFORE_OFFICES.search(text, max(0, start - 80), start)
    if names and _expand_kazakh_plural(text[names.start() : end]):
        return names.start()
    return start


def _donor_items(items, cue: Cue, mentions, unknown: _Registry) -> None:
    for name, s, e in items:
        if any(m.start < e and s < m.end for m in mentions):
            continue  # a known donor: found by its mention
        if not cue.strong:
            continue
        name = _clean_name(name, cue.lang, cue.case)
        if not _valid_name(name) or _is_press_office(name):
            continue
        words = WORD_RE.findall(name)
        if len(words) == 1 and not is_acronym(words[0]) and not name.startswith(("«", '"', "“")):
            continue  # "при поддержке Аскара": one capitalised word is too little
        if re.match(r"[«“\"„]?(?:Европейск\w+\s+программ|программ|проект)", name, re.I):
            continue
        unknown.add(name, "donor", s, e)


def _near_press_office(text: str, mention: DonorMention) -> bool:
    before = text[max(0, mention.start - 40) : mention.start]
    after = text[mention.end : mention.end + 60]
    if re.search(
        r"(?:делегаци\w*|представительств\w*|(?:delegation|office)\s+of(?:\s+the)?)\s*$",
        before,
        re.I,
    ):
        return True
    if re.match(r"\s*(?:delegation|делегация)", after, re.I):
        return True
    # Kazakh: "Еуропалық Одақтың Қазақстан Республикасындағы өкілдігі", "ЕО делегациясы"
    words = WORD_RE.findall(after)[:3]
    return any(re.match(r"(?:делегация|өкілдіг)", w, re.I) for w in words)
