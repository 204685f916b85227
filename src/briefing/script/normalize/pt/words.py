"""Portuguese words and boundaries shared by every Portuguese rule: weekdays, months, number
words (num2words wrappers, with the "e" of large numbers and a few ordinals corrected), the
agreement of "um"/"dois"/"duzentos" with a feminine noun, and the patterns and context
helpers (token boundaries, a sentence's start, the noun after a number).
"""

from __future__ import annotations

import re
from functools import cache

from num2words import num2words

from briefing.script.normalize.context import SentenceContext, word_after, words_before

WEEKDAYS = "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo".split()
MONTHS = (
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"
).split()
MONTH_ABBREVIATIONS = dict(
    zip("jan fev mar abr mai jun jul ago set out nov dez".split(), MONTHS, strict=True)
)
MONTH = "|".join([*MONTHS, *(m.capitalize() for m in MONTHS)])
"""A month as written: "outubro", or "Outubro" as before the 1990 spelling agreement."""

_SCALES = (
    (10**18, "trilião", "triliões"),
    (10**12, "bilião", "biliões"),
    (10**6, "milhão", "milhões"),
)


def _round(group: int) -> bool:
    """Whether a last group of three digits is joined with "e": "mil e duzentos"."""
    return group < 100 or group % 100 == 0


@cache
def cardinal_int(number: int) -> str:
    """42 → "quarenta e dois"; 2 500 000 000 → "dois mil e quinhentos milhões" (the European
    long scale; num2words drops that "e": "dois mil quinhentos milhões")."""
    if number < 0:
        return "menos " + cardinal_int(-number)
    if number < 10**6:
        return str(num2words(number, lang="pt"))
    parts: list[tuple[str, int]] = []
    rest = number
    for size, one, many in _SCALES:
        count, rest = divmod(rest, size)
        if count:
            parts.append((f"{cardinal_int(count)} {one if count == 1 else many}", count))
    if rest:
        parts.append((cardinal_int(rest), rest))
    if len(parts) == 1:
        return parts[0][0]
    said, count = parts[-1]
    lone = count < 1000 or count % 1000 == 0  # one group of three digits: "e duzentos mil"
    joiner = " e " if lone and _round(count % 1000 or count // 1000) else " "
    return " ".join(p for p, _ in parts[:-1]) + joiner + said


DIGITS = [cardinal_int(d) for d in range(10)]


def cardinal(text: str) -> str:
    """ "1.234,5" → "mil duzentos e trinta e quatro vírgula cinco"; "4,12" → "quatro vírgula
    doze"; "0,05" → "zero vírgula zero cinco" (after the comma, up to three digits are read
    as a number, with any leading zero said; longer, digit by digit)."""
    whole, _, fraction = text.replace(".", "").replace(" ", "").partition(",")
    words = cardinal_int(int(whole or "0"))
    if fraction:
        zeros = len(fraction) - len(fraction.lstrip("0"))
        rest = fraction[zeros:]
        if len(rest) > 3:
            said = " ".join(DIGITS[int(d)] for d in fraction)
        else:
            said = " ".join(["zero"] * zeros + ([cardinal_int(int(rest))] if rest else []))
        words += " vírgula " + said
    return words


def value(text: str) -> float:
    return float(text.replace(".", "").replace(" ", "").replace(",", "."))


_ORDINAL_FIXES = {
    "quadrigentésimo": "quadringentésimo",
    "seiscentésimo": "sexcentésimo",
    "septigentésimo": "septingentésimo",
    "octigentésimo": "octingentésimo",
}


@cache
def ordinal(number: int, feminine: bool = False, plural: bool = False) -> str:
    """1 → "primeiro" ("primeira", "primeiros"); 21 → "vigésimo primeiro"; 400 →
    "quadringentésimo" (num2words writes "quadrigentésimo")."""
    words = str(num2words(number, lang="pt", to="ordinal"))
    words = " ".join(_ORDINAL_FIXES.get(w, w) for w in words.split())
    if feminine:
        words = re.sub(r"o\b", "a", words)
    if plural:
        words = re.sub(r"(?<=[oa])\b", "s", words)
    return words


_FEMININE_FORMS = {"um": "uma", "dois": "duas"} | {
    f"{h}entos": f"{h}entas" for h in "duz trez quatroc quinh seisc setec oitoc novec".split()
}
_LAST_SCALE = re.compile(r".*\b(?:milhão|milhões|bilião|biliões|trilião|triliões)\b")


def feminine(words: str) -> str:
    """ "vinte e um" → "vinte e uma"; "duzentos e dois mil" → "duzentas e duas mil"; "dois
    milhões e duzentos mil" → "dois milhões e duzentas mil" (the millions stay masculine)."""
    if "vírgula" in words:
        return words
    head = _LAST_SCALE.match(words)
    cut = head.end() if head else 0
    tail = re.sub(r"\b\w+\b", lambda m: _FEMININE_FORMS.get(m[0], m[0]), words[cut:])
    return words[:cut] + tail


FEMININE = frozenset(
    "vez vezes mulher mulheres mãe mães noite noites morte mortes tarde tardes árvore árvores "
    "ponte pontes fonte fontes rede redes greve greves lei leis sede sedes classe classes fase "
    "fases base bases crise crises análise análises dose doses espécie espécies série séries "
    "mão mãos ordem ordens nuvem nuvens chave chaves parte partes gente torre torres flor flores "
    "cor cores dor dores voz vozes luz luzes cruz cruzes frente frentes final finais capital "
    "capitais tese teses frase frases ave aves nave naves superfície hipótese hipóteses "
    "vontade metade origem origens margem margens creche creches arte artes febre carne neve "
    "sorte corrente correntes vertente vertentes enchente enchentes catástrofe catástrofes "
    "fome pele equipe equipes elite elites lista listas pista pistas revista revistas "
    "entrevista entrevistas conquista conquistas vista vistas das destas dessas daquelas "
    "elas".split()
)
"""Nouns, outside the regular endings, that a number agrees with ("duas vezes")."""
MASCULINE = frozenset(
    "dia dias mapa mapas guarda guardas polícia polícias colega colegas planeta planetas "
    "cometa cometas atleta atletas poeta poetas pirata piratas papa papas patriarca monarca "
    "astronauta astronautas homicida homicidas avião aviões camião camiões espião espiões "
    "milhão milhões bilião biliões bilhão bilhões trilião triliões sofá sofás coração "
    "corações bastão bastões israelita israelitas idiota idiotas patriota patriotas "
    "compatriota compatriotas jesuíta jesuítas".split()
)
_GREEK_MA = re.compile(
    r"(?:proble|siste|progra|te|cli|esque|idio|dra|poe|diplo|dile|le|emble|teore|fone|cine|"
    r"pija|trau|dog|enig|estig|paradig|pris|caris|aro|telegra|telefone|fantas|diagra|"
    r"crono|organo|quilogra|gra)mas?$"
)
_COMMON = re.compile(r"(?:ista|cida)s?$")
"""Nouns of both genders ("jornalistas", "homicidas"): the masculine serves."""
ADJECTIVES = frozenset(
    "grandes pequenos principais maiores menores melhores piores mais menos outros "
    "novos antigos últimos primeiros mesmos".split()
)
"""Words a noun may follow a number behind; the noun after them decides."""


def is_feminine(noun: str) -> bool:
    """Whether a number before `noun` takes the feminine: "pessoas", "vítimas", "regiões",
    "cidades", "vezes"; not "dias", "problemas", "jornalistas" (the masculine serves both)."""
    noun = noun.lower()
    if noun in FEMININE:
        return True
    if noun in MASCULINE or _GREEK_MA.search(noun) or _COMMON.search(noun):
        return False
    if re.search(
        r"(?:[çsx]ão|[çsx]ões|stão|stões|ião|iões|dades?|agem|agens|ez|ezes|[io]ses?)$", noun
    ):
        return True
    return bool(re.search(r"[aã]s?$", noun))


_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w-]*)")


def noun_after(match: re.Match[str]) -> str:
    """The noun a number counts (lower case), past "mil" and an adjective such as
    "grandes": "22 mil pessoas" → "pessoas"; "2 mil milhões" → "milhões"; or ""."""
    pos = match.end()
    text = match.string
    for _ in range(3):
        found = _NEXT_WORD.match(text, pos)
        if found is None:
            return ""
        word = found.group(1).lower()
        if word != "mil" and word not in ADJECTIVES:
            return word
        pos = found.end()
    return ""


def agree(words: str, noun: str) -> str:
    """ "vinte e um" before "pessoas" → "vinte e uma"; "dois" before "dias" stays."""
    return feminine(words) if is_feminine(noun) else words


def span_word(match: re.Match[str]) -> str:
    """What joins a span: "10-15" is "dez a quinze", but "entre 10-15" "entre dez e quinze"."""
    before = match.string[max(0, match.start() - 7) : match.start()]
    return "e" if re.search(r"\b[Ee]ntre\s$", before) else "a"


_NOT_NOUNS = frozenset(
    "a à as às da na nas pela pelas para contra cada essa esta aquela outra toda uma mas "
    "mais menos era seria havia tinha estava ficava".split()
)


def agree_count(words: str, number: str, noun: str) -> str:
    """A cardinal that agrees with the noun it counts: "1" before "pessoa" is "uma", "22"
    before "pessoas" "vinte e duas"; a noun that does not fit the count ("Em 2019 havia",
    "de 2 a 5") is none, and a decimal never agrees."""
    if "," in number or noun in _NOT_NOUNS:
        return words
    if (number == "1") == noun.endswith("s") and noun != "das":
        return words
    return agree(words, noun)


TEMPERATURE_WORDS = frozenset(
    "temperatura temperaturas máxima máximas mínima mínimas termómetro termómetros termômetro "
    "termômetros calor frio graus".split()
)
_AFTER_TEMPERATURE = frozenset("à ao de em no na nos nas e ou a com durante".split())


def is_temperature(match: re.Match[str]) -> bool:
    """Whether "30º" is thirty degrees ("máximas de 30º em Évora"), not "trigésimo"."""
    after = word_after(match)
    if after and after[0].islower() and after not in _AFTER_TEMPERATURE:
        return False
    return bool(TEMPERATURE_WORDS & set(words_before(match, 4)))


NUM = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?: \d{3})+(?:,\d+)?(?! ?\d)|\d+(?:,\d+)?)"
"""A number as Portuguese writes it: a full stop (or, as the norm prefers, a space) before
exactly three digits groups thousands (`28.000`, `10 000`, but not a row of numbers: `316
630 18`); a comma marks the decimal (`23,7`)."""
L = r"(?<![\w.,/:€$£#@+\-–'])"
"""A token starts here: not inside a word, a number, an address or a code."""
R = r"(?![\w%€$£°º‰]|[.,:/\-–]\d|[.,][^\W\d_])"
"""A token ends here: no letter, digit or symbol glued on ("1.2.3", "7/2019", "3.Lisboa")."""
_UPPER = "A-ZÀ-ÖØ-Þ"

NOT_ENDING = frozenset(
    "sr sra srs sras dr dra drs dras prof profa eng enga arq pe sto sta exmo exma gen dep sen "
    "n nº no nos pág págs p pp art arts cap vol al tel av cia séc aprox ex d vs".split()
)
"""Words whose full stop does not end a sentence (for a capital at a sentence's start)."""

_CONTEXT = SentenceContext(NOT_ENDING)
"""Sentence starts in Portuguese."""
starts_sentence = _CONTEXT.starts_sentence
capital_at_start = _CONTEXT.capital_at_start
