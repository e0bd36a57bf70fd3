"""The data contract: column names, vocabularies and column specifications.

Column names are defined here once; every other module refers to these constants.
``docs/data-contract.md`` describes the same contract for people preparing data.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from .messages import message

# --- column names ---------------------------------------------------------------
PERSON_ID = "person_id"
# the person id of the example row that `evaltools new` writes above each sheet's header row (never read)
TEMPLATE_EXAMPLE_ID = "P001"
PROJECT_ID = "project_id"
SEX = "sex"
BIRTH_YEAR = "birth_year"
AGE = "age"
HOUSEHOLD_TYPE = "household_type"
N_CHILDREN = "n_children"
MUNICIPALITY = "municipality"
START_DATE = "start_date"
END_DATE = "end_date"
OUTCOME = "outcome"
SUPPORT_START = "support_start"
SUPPORT_EXIT = "support_exit"
ACTION_PLAN = "action_plan"
SGI_STATUS = "sgi_status"
EDUCATION = "education"
MONTHS_ON_SUPPORT_BEFORE = "months_on_support_before"
OCCUPATION_BEFORE = "occupation_before"
OCCUPATION_AFTER = "occupation_after"
EXTENT_BEFORE_PCT = "extent_before_pct"
EXTENT_AFTER_PCT = "extent_after_pct"
HOUSEHOLD_ID = "household_id"

MONTH = "month"
AMOUNT = "amount"
KIND = "kind"  # a benefit's kind (the benefits register file)
PAYMENT_DATE = "payment_date"  # one row per payment (a finance system's export)

PERIOD = "period"
CATEGORY = "category"
BUDGET = "budget"
ACTUAL = "actual"
FUNDER = "funder"

# Not a column of the contract: the heading a params file names (``data.columns``) for a follow-up system's
# reason for an exit (SUS's 'Avslutsanledning'), read only for FELREGISTRERING, which leaves the enrolment out
EXIT_REASON = "exit_reason"
FELREGISTRERING = "felregistrering"

# Derived columns added by the loader (never read from input files).
AGE_AT_START = "age_at_start"
# the situation some months after exit, from a participants file's follow-up column (``outcome_6m``, 'Utfall 6 mån'),
# read where a share goal counts it (``after_exit_months``): an outcome code, or empty where the file has none
FOLLOWUP_PREFIX = "outcome_after_"


def followup_column(months: int) -> str:
    """The loader's column of the situation ``months`` months after exit (``outcome_after_6m``)."""
    return f"{FOLLOWUP_PREFIX}{months}m"


AGE_GROUP = "age_group"
PROJECT_YEAR = "project_year"
EXIT_PROJECT_YEAR = "exit_project_year"
# the project year of a date in a pre-study (before period.implementation_start): shown as the pre-study
PRESTUDY_YEAR = 0
CALENDAR_YEAR = "calendar_year"
ONGOING = "ongoing"
DAYS_IN_PROJECT = "days_in_project"
# a budget line's utfall so far in a period not over when the data were taken: set aside from ``actual``
ACTUAL_SO_FAR = "actual_so_far"

UNKNOWN = "okänt"

# --- vocabularies: code -> (Swedish label, English label) ------------------------
OUTCOMES: dict[str, tuple[str, str]] = {
    "arbete": ("Arbete", "Work"),
    "arbete_med_stöd": ("Arbete med stöd", "Subsidised work"),
    "studier": ("Studier", "Studies"),
    "sjuk_aktivitetsersättning": ("Sjuk- eller aktivitetsersättning", "Sickness or activity compensation"),
    "sjukpenning": ("Sjukpenning", "Sickness benefit"),
    "annan_ersättning": ("Annan ersättning", "Other benefit"),
    "aktiv_planering_annan_part": ("Aktiv planering med annan part", "Active plan with another agency"),
    "arbetssökande": ("Arbetssökande", "Job seeker"),
    "kvar_försörjningsstöd": ("Kvar på försörjningsstöd", "Still on social assistance"),
    "flyttat": ("Flyttat", "Moved away"),
    "avbrott": ("Avbrott", "Dropped out"),
    "annat": ("Annat", "Other"),
    UNKNOWN: ("Okänt", "Unknown"),
}

# (English names a group of persons in the plural, as its statistics do: a table's row "Women", "sex: women" in a
# sentence; Swedish names the category: "Kvinna")
SEXES: dict[str, tuple[str, str]] = {
    "kvinna": ("Kvinna", "Women"),
    "man": ("Man", "Men"),
    "annat": ("Annat", "Other"),
    UNKNOWN: ("Okänt", "Unknown"),
}

HOUSEHOLD_TYPES: dict[str, tuple[str, str]] = {
    "ensamstående": ("Ensamstående utan barn", "Single, no children"),
    "ensamstående_med_barn": ("Ensamstående med barn", "Single parent"),
    "sambo_utan_barn": ("Sammanboende utan barn", "Couple, no children"),
    "sambo_med_barn": ("Sammanboende med barn", "Couple with children"),
    # a young adult in the parents' home (a youth project's commonest household): not a child of the
    # parents' household in försörjningsstöd once of age, nor a household of their own
    "bor_med_föräldrar": ("Bor hos föräldrar", "Living with parents"),
    "annat": ("Annat", "Other"),
    UNKNOWN: ("Okänt", "Unknown"),
}

SUPPORT_SOURCES: dict[str, tuple[str, str]] = {
    "försörjningsstöd": ("Försörjningsstöd", "Social assistance"),
    "sjukpenning": ("Sjukpenning", "Sickness benefit"),
    "sjuk_aktivitetsersättning": ("Sjuk- eller aktivitetsersättning", "Sickness or activity compensation"),
    "a_kassa": ("A-kassa", "Unemployment insurance"),
    "aktivitetsstöd": ("Aktivitetsstöd", "Activity support"),
    "lön": ("Lön", "Wages"),
    "studiemedel": ("Studiemedel", "Study support"),
    "annan_offentlig": ("Annan offentlig försörjning", "Other public support"),
    "ingen_offentlig": ("Ingen offentlig försörjning", "No public support"),
    UNKNOWN: ("Okänt", "Unknown"),
}

SGI_STATUSES: dict[str, tuple[str, str]] = {
    "nollklassad": ("Saknar SGI (nollklassad)", "No SGI"),
    "utförsäkrad": ("Utförsäkrad", "Benefit exhausted"),
    "har_sgi": ("Har SGI", "Has SGI"),
    UNKNOWN: ("Okänt", "Unknown"),
}

EDUCATION_LEVELS: dict[str, tuple[str, str]] = {
    "förgymnasial_ej_fullföljd": ("Grundskola ej fullföljd", "Compulsory school not completed"),
    "förgymnasial": ("Grundskola", "Compulsory school"),
    "gymnasial": ("Gymnasium", "Upper secondary"),
    "eftergymnasial": ("Eftergymnasial", "Post-secondary"),
    UNKNOWN: ("Okänt", "Unknown"),
}

OCCUPATIONS: dict[str, tuple[str, str]] = {
    "förvärvsarbete": ("Förvärvsarbete", "Employment"),
    "studier": ("Studier", "Studies"),
    "arbetssökande": ("Aktivt arbetssökande", "Job seeking"),
    "ingen": ("Ingen sysselsättning", "No occupation"),  # (never "None", which reads as a value missing)
    "övrigt": ("Övrigt", "Other"),
    UNKNOWN: ("Okänt", "Unknown"),
}

YES_NO: dict[str, tuple[str, str]] = {
    "ja": ("Ja", "Yes"),
    "nej": ("Nej", "No"),
    UNKNOWN: ("Okänt", "Unknown"),
}

FUNDERS: dict[str, tuple[str, str]] = {
    "förbund": ("Samordningsförbundet", "Coordination association"),
    "egen": ("Egen finansiering", "Own financing"),
    "kommun": ("Kommunens medfinansiering", "Municipality's co-financing"),
    "region": ("Regionens medfinansiering", "Region's co-financing"),
    "försäkringskassan": ("Försäkringskassans medfinansiering", "Social Insurance Agency's co-financing"),
    "arbetsförmedlingen": ("Arbetsförmedlingens medfinansiering", "Public Employment Service's co-financing"),
    "eu": ("EU-medel", "EU funds"),
}
# The ledger actor that bears a budget line outside the förbund's shares (own financing: the municipality;
# an EU fund's grant, ESF+ or another, the state, which pays Sweden's contribution to the EU budget)
FUNDER_ACTOR: dict[str, str] = {"egen": "kommun", "kommun": "kommun", "region": "region",
                                "försäkringskassan": "fk", "arbetsförmedlingen": "stat", "eu": "stat"}

# The kinds of a register benefit (the benefits file, ``kind``), each with the ledger actor that
# pays it: Försäkringskassan's own benefits to "fk", Arbetsförmedlingen's programme benefits (paid out
# by Försäkringskassan but on the state's labour-market budget) and unemployment insurance to "stat".
BENEFIT_KINDS: dict[str, tuple[str, str]] = {
    "sjukpenning": ("Sjukpenning", "Sickness benefit"),
    "sjuk_aktivitetsersättning": ("Sjuk- eller aktivitetsersättning", "Sickness or activity compensation"),
    "bostadsbidrag": ("Bostadsbidrag", "Housing allowance"),
    "aktivitetsstöd": ("Aktivitetsstöd", "Activity support"),
    "utvecklingsersättning": ("Utvecklingsersättning", "Development allowance"),
    "etableringsersättning": ("Etableringsersättning", "Introduction benefit"),
    "a_kassa": ("A-kassa", "Unemployment insurance"),
}
BENEFIT_PAYER: dict[str, str] = {
    "sjukpenning": "fk", "sjuk_aktivitetsersättning": "fk", "bostadsbidrag": "fk",
    "aktivitetsstöd": "stat", "utvecklingsersättning": "stat", "etableringsersättning": "stat", "a_kassa": "stat",
}

# Outcomes that mean the person left försörjningsstöd for another income source.
LEAVES_SOCIAL_ASSISTANCE = (
    "arbete", "arbete_med_stöd", "studier", "sjuk_aktivitetsersättning", "sjukpenning", "annan_ersättning",
)
# Of those, the ones where the state (Försäkringskassan, CSN, Arbetsförmedlingen) pays instead: a transfer.
STATE_TRANSFER_OUTCOMES = ("studier", "sjuk_aktivitetsersättning", "sjukpenning", "annan_ersättning")
WORK_OUTCOMES = ("arbete", "arbete_med_stöd")

# Age at start, in bands (lowest, highest, label). A participant under 18 is a child in law (the
# parents' household gets the försörjningsstöd): never counted among "18–29", which a youth project
# for 16–29-year-olds would otherwise show as everyone. The labels sort in age order as text.
AGE_BANDS: tuple[tuple[int, int, str], ...] = (
    (0, 17, "0–17"),
    (18, 29, "18–29"),
    (30, 39, "30–39"),
    (40, 49, "40–49"),
    (50, 59, "50–59"),
    (60, 200, "60+"),
)
# A youth project's participants ("unga 16–29 år") would all fall in 0–17 and 18–29, which compares
# nothing: where nearly all participants are under 30 (YOUTH_SHARE of those with a known age), 18–29 is
# split at 25, as the national statistics on young people split it (18–24, 25–29).
YOUTH_AGE_BANDS: tuple[tuple[int, int, str], ...] = (
    (0, 17, "0–17"),
    (18, 24, "18–24"),
    (25, 29, "25–29"),
) + AGE_BANDS[2:]
YOUTH_SHARE = 0.9
# An older project's participants ("långtidsarbetslösa 55–64 år") would all fall in 50–59 and 60+, whose words tell
# a board that some were 50–54 and say nothing of who was near or past the age of pension: where nearly all
# participants are 50 or older (YOUTH_SHARE of those with a known age), the two are split in five-year bands, as
# SCB's statistics split ages (50–54, 55–59, 60–64, 65+).
SENIOR_AGE_BANDS: tuple[tuple[int, int, str], ...] = AGE_BANDS[:4] + (
    (50, 54, "50–54"),
    (55, 59, "55–59"),
    (60, 64, "60–64"),
    (65, 200, "65+"),
)

TOTAL_LABELS = ("summa", "total", "totalt", "sum", "total årskostnad")

# a budget line's period as the contract reads it: a calendar year, a project year, the whole period
_BUDGET_PERIOD = re.compile(r"(\d{4})|(?:år|year) ?(\d{1,2})|(förstudie[a-zåäö]*|pre-?study)(?: (\d{4}))?|hela|hela perioden"
                            r"|whole period")


def budget_period(period: object) -> tuple[str, int] | None:
    """How the contract reads a budget line's period, in any letter case: ``("year", 2024)`` for a
    calendar year, ``("project_year", 2)`` for a project year (``år 2``, ``År2``, ``year 2``),
    ``("whole", 0)`` for the whole period (``hela``, ``hela perioden``, ``whole period``); ``("project_year", 0)``
    for a pre-study (``Förstudie``, ``Förstudie 2024``, ``pre-study``), the period before project year 1 where
    ``period.implementation_start`` is set (the loader refuses it without the key, and a year the pre-study does not
    touch); ``None`` for anything else, which the loader refuses. Read by the loader, the cost–benefit's pricing and
    spreading of each line, and the report's label of the period."""
    m = _BUDGET_PERIOD.fullmatch(" ".join(str(period).lower().split()))
    if m is None:
        return None
    if m.group(1):
        return "year", int(m.group(1))
    if m.group(2):
        return "project_year", int(m.group(2))
    if m.group(3):
        return "project_year", 0
    return "whole", 0


def is_prestudy(period: object) -> bool:
    """Whether a budget line's period is a pre-study's as its file names it (``Förstudie``, ``Förstudie 2024``,
    ``pre-study``), which :func:`budget_period` reads as project year 0."""
    m = _BUDGET_PERIOD.fullmatch(" ".join(str(period).lower().split()))
    return m is not None and m.group(3) is not None


def budget_periods_en(periods: str) -> str:
    """A data-quality note's budget periods (``år 1, år 2, hela``, as the loader reads them) as an English note says
    them (``year 1, year 2, the whole period``); a calendar year or anything else stays as written."""
    def worded(text: str) -> str:
        kind, n = budget_period(text) or ("", 0)
        if kind == "project_year" and n == 0 and is_prestudy(text):
            return "the pre-study"
        return f"year {n}" if kind == "project_year" else "the whole period" if kind == "whole" else text
    return ", ".join(worded(p.strip()) for p in str(periods).split(","))


def budget_period_end(period: object, start: dt.date, end: dt.date) -> dt.date | None:
    """The last day a budget line's period covers, for a project from ``start`` to ``end``: a calendar
    year's 31 December, a project year's day before the next project year begins (a start on 29 February
    counts its years from 1 March), the project's ``end`` for the whole period (never later than ``end``);
    ``None`` for a period the contract does not read."""
    read = budget_period(period)
    if read is None:
        return None
    kind, n = read
    if kind == "year":
        last = dt.date(n, 12, 31)
    elif kind == "project_year":
        first = start if (start.month, start.day) != (2, 29) else dt.date(start.year, 3, 1)
        last = first.replace(year=first.year + n) - dt.timedelta(days=1)
    else:
        last = end
    return min(last, end)


# --- column specifications -------------------------------------------------------
@dataclass(frozen=True)
class ColumnSpec:
    """What one input column must hold.

    ``kind`` is one of ``"id"``, ``"text"``, ``"code"`` (value from ``vocab``),
    ``"date"``, ``"month"`` (YYYY-MM), ``"int"``, ``"amount"`` (non-negative number),
    ``"signed_amount"`` (a number, negative for a repayment).
    """

    name: str
    kind: str
    required: bool = True
    nullable: bool = False
    vocab: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None
    default: object = None
    description: str = ""
    description_sv: str = ""
    labels: tuple[tuple[str, str, str], ...] = ()  # (code, Swedish label, English label) for each code

    def expected(self, lang: str = "en") -> str:
        """Plain-language statement of what the column accepts, in ``lang`` (``"sv"`` or ``"en"``)."""
        if self.kind == "code":
            return message("expect.code", lang, codes=", ".join(self.vocab))
        if self.kind in ("date", "month", "amount", "signed_amount"):
            return message(f"expect.{self.kind}", lang)
        if self.kind == "int":
            if self.min is not None and self.max is not None:
                return message("expect.int_range", lang, min=f"{self.min:g}", max=f"{self.max:g}")
            return message("expect.int", lang)
        if self.nullable:  # (the sheet of columns says so beside "may be empty")
            return message("expect.any_text", lang)
        return message("expect.text", lang)

    def describe(self, lang: str = "en") -> str:
        """The column's meaning in ``lang`` (may be empty)."""
        return (self.description_sv or self.description) if lang == "sv" else self.description


@dataclass(frozen=True)
class TableSpec:
    """The columns of one input table."""

    name: str
    columns: tuple[ColumnSpec, ...] = field(default_factory=tuple)
    person_level: bool = True
    description_sv: str = ""  # what one row is, for the Excel template

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def __getitem__(self, name: str) -> ColumnSpec:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def _codes(vocab: dict[str, tuple[str, str]]) -> tuple[str, ...]:
    return tuple(vocab)


def _labels(vocab: dict[str, tuple[str, str]]) -> tuple[tuple[str, str, str], ...]:
    return tuple((code, sv, en) for code, (sv, en) in vocab.items())


PARTICIPANTS = TableSpec(
    "participants",
    (
        ColumnSpec(PERSON_ID, "id", description="Pseudonymous person id (never a personnummer).",
                   description_sv="Personens projektkod, t.ex. P017 (aldrig personnummer eller namn)."),
        ColumnSpec(PROJECT_ID, "text", required=False, nullable=True, description="Project id; must match the params id if given.",
                   description_sv="Projektets id; om det fylls i måste det vara samma som i params-filen."),
        ColumnSpec(SEX, "code", vocab=_codes(SEXES), labels=_labels(SEXES), description_sv="Kön.", description="Sex."),
        ColumnSpec(BIRTH_YEAR, "int", nullable=True, min=1900, max=2015, description="Birth year; or give 'age'.",
                   description_sv="Födelseår; eller fyll i 'age'."),
        ColumnSpec(AGE, "int", required=False, nullable=True, min=15, max=100, description="Age at start, if no birth year.",
                   description_sv="Ålder vid inskrivning, om födelseår saknas."),
        ColumnSpec(HOUSEHOLD_TYPE, "code", vocab=_codes(HOUSEHOLD_TYPES), labels=_labels(HOUSEHOLD_TYPES),
                   description_sv="Hushållstyp vid inskrivning.", description="Household type at enrolment."),
        ColumnSpec(N_CHILDREN, "int", required=False, nullable=True, min=0, max=20,
                   description_sv="Antal barn i hushållet.", description="Number of children in the household."),
        ColumnSpec(MUNICIPALITY, "text", required=False, nullable=True, default=UNKNOWN,
                   description_sv="Kommun där personen bor.", description="Municipality where the person lives."),
        ColumnSpec(START_DATE, "date", description_sv="Dag för inskrivning i projektet.", description="Day of enrolment in the project."),
        ColumnSpec(END_DATE, "date", nullable=True, description="Empty while the person is still enrolled.",
                   description_sv="Dag för utskrivning; tom så länge personen är inskriven."),
        ColumnSpec(OUTCOME, "code", nullable=True, vocab=_codes(OUTCOMES), labels=_labels(OUTCOMES),
                   description="Exit outcome; empty while ongoing.",
                   description_sv="Utfall vid utskrivning; tomt så länge personen är inskriven."),
        ColumnSpec(SUPPORT_START, "code", required=False, vocab=_codes(SUPPORT_SOURCES), labels=_labels(SUPPORT_SOURCES),
                   default=UNKNOWN, description_sv="Försörjning vid inskrivning.", description="Main income at enrolment."),
        ColumnSpec(SUPPORT_EXIT, "code", required=False, nullable=True, vocab=_codes(SUPPORT_SOURCES),
                   labels=_labels(SUPPORT_SOURCES), default=UNKNOWN, description_sv="Försörjning vid utskrivning.", description="Main income at exit."),
        ColumnSpec(ACTION_PLAN, "code", required=False, nullable=True, vocab=_codes(YES_NO), labels=_labels(YES_NO),
                   default=UNKNOWN, description_sv="Har personen en handlingsplan vid utskrivning?", description="Does the person have an action plan at exit?"),
        ColumnSpec(SGI_STATUS, "code", required=False, vocab=_codes(SGI_STATUSES), labels=_labels(SGI_STATUSES),
                   default=UNKNOWN, description_sv="Sjukpenninggrundande inkomst vid inskrivning.", description="Sickness-benefit qualifying income (SGI) at enrolment."),
        ColumnSpec(EDUCATION, "code", required=False, vocab=_codes(EDUCATION_LEVELS), labels=_labels(EDUCATION_LEVELS),
                   default=UNKNOWN, description_sv="Högsta utbildning.", description="Highest education."),
        ColumnSpec(MONTHS_ON_SUPPORT_BEFORE, "int", required=False, nullable=True, min=0, max=600,
                   description_sv="Antal månader med försörjningsstöd före inskrivning.", description="Months on social assistance before enrolment."),
        ColumnSpec(OCCUPATION_BEFORE, "code", required=False, vocab=_codes(OCCUPATIONS), labels=_labels(OCCUPATIONS),
                   default=UNKNOWN, description_sv="Sysselsättning före inskrivning.", description="Occupation before enrolment."),
        ColumnSpec(OCCUPATION_AFTER, "code", required=False, nullable=True, vocab=_codes(OCCUPATIONS),
                   labels=_labels(OCCUPATIONS), default=UNKNOWN, description_sv="Sysselsättning efter utskrivning.", description="Occupation after exit."),
        ColumnSpec(EXTENT_BEFORE_PCT, "int", required=False, nullable=True, min=0, max=100,
                   description_sv="Sysselsättningens omfattning före, i procent av heltid.", description="Extent of the occupation before, in percent of full time."),
        ColumnSpec(EXTENT_AFTER_PCT, "int", required=False, nullable=True, min=0, max=100,
                   description_sv="Sysselsättningens omfattning efter, i procent av heltid.", description="Extent of the occupation after, in percent of full time."),
        ColumnSpec(HOUSEHOLD_ID, "text", required=False, nullable=True,
                   description_sv="Hushållets kod, om flera deltagare bor i samma hushåll.", description="The household's code, where several participants live in one household."),
    ),
    description_sv="En rad per inskrivning. En person som skrivs in två gånger har två rader.",
)

PAYMENTS = TableSpec(
    "payments",
    (
        ColumnSpec(PERSON_ID, "id", description_sv="Personens projektkod, samma som i deltagarfilen.", description="The person's project code, as in the participant file."),
        ColumnSpec(MONTH, "month", description_sv="Utbetalningsmånad.", description="Month of payment."),
        ColumnSpec(AMOUNT, "amount", description="Försörjningsstöd paid that month, in the declared unit.",
                   description_sv="Försörjningsstöd utbetalt den månaden, i den enhet params-filen anger (kr eller tkr)."),
        ColumnSpec(HOUSEHOLD_ID, "text", required=False, nullable=True, description_sv="Hushållets kod.", description="The household's code."),
    ),
    description_sv="En rad per person och månad med utbetalt försörjningsstöd.",
)

# The same payments as a finance system exports them: one row per payment, several a month,
# repayments as negative amounts. The loader sums them into one row per person and month.
PAYMENTS_PER_PAYMENT = TableSpec(
    "payments",
    (
        ColumnSpec(PERSON_ID, "id", description_sv="Personens projektkod, samma som i deltagarfilen.", description="The person's project code, as in the participant file."),
        ColumnSpec(PAYMENT_DATE, "date", description="The day of the payment; payments are summed per month.",
                   description_sv="Utbetalningsdag; utbetalningarna summeras per månad."),
        ColumnSpec(AMOUNT, "signed_amount", description="Amount paid, in the declared unit; a repayment is negative.",
                   description_sv="Utbetalt belopp i den enhet params-filen anger; en återbetalning är negativ."),
        ColumnSpec(HOUSEHOLD_ID, "text", required=False, nullable=True, description_sv="Hushållets kod.", description="The household's code."),
    ),
    description_sv="En rad per utbetalning (flera i månaden går bra; återbetalningar som negativa belopp).",
)

# How a payments file is laid out (params ``data.payments_format``): ``monthly`` one row per person
# and month (the contract's own shape), ``per_payment`` one row per payment with its date, ``wide``
# one row per person and one column per month; ``auto`` tells them apart by their columns.
PAYMENT_FORMATS = ("auto", "monthly", "per_payment", "wide")

BUDGET_TABLE = TableSpec(
    "budget",
    (
        ColumnSpec(PERIOD, "text", description="A calendar year (2024), a project year ('år 1') or 'hela' for the whole period.",
                   description_sv="Ett kalenderår (2024), ett projektår ('år 1') eller 'hela' för hela perioden."),
        ColumnSpec(CATEGORY, "text", description_sv="Kostnadsslag, t.ex. Lön. En rad 'Summa' kontrolleras mot raderna.", description="Cost category, e.g. Salaries. A row 'Summa' (total) is checked against the rows."),
        ColumnSpec(BUDGET, "amount", nullable=True, description_sv="Budgeterat belopp.", description="Budgeted amount."),
        ColumnSpec(ACTUAL, "amount", required=False, nullable=True, description="Utfall; empty where not yet known.",
                   description_sv="Utfall; tomt där det ännu inte är känt."),
        ColumnSpec(FUNDER, "code", required=False, vocab=_codes(FUNDERS), labels=_labels(FUNDERS), default="förbund",
                   description_sv="Vem som betalar.", description="Who pays."),
    ),
    person_level=False,
    description_sv="En rad per period och kostnadsslag.",
)

# --- register outcomes (optional): earnings and state benefits per person and month -----------
# One file each, covering participants and comparison persons alike (a register extract is ordered
# for the whole study population at once); a month without a row is 0 kr.
EARNINGS = TableSpec(
    "earnings",
    (
        ColumnSpec(PERSON_ID, "id", description="Pseudonymous person id, as in the participant or comparison file.",
                   description_sv="Personens projektkod, samma som i deltagar- eller jämförelsefilen."),
        ColumnSpec(MONTH, "month", description="The month the earnings were paid (employer declaration month).",
                   description_sv="Månaden lönen betalades ut (arbetsgivardeklarationens månad)."),
        ColumnSpec(AMOUNT, "amount", description="Gross earnings that month, in kr (from employer declarations).",
                   description_sv="Bruttolön den månaden i kr (från arbetsgivardeklarationerna)."),
    ),
    description_sv="En rad per person och månad med lön (arbetsgivardeklarationer på individnivå).",
)

BENEFITS = TableSpec(
    "benefits",
    (
        ColumnSpec(PERSON_ID, "id", description="Pseudonymous person id, as in the participant or comparison file.",
                   description_sv="Personens projektkod, samma som i deltagar- eller jämförelsefilen."),
        ColumnSpec(MONTH, "month", description="The month the benefit was paid.",
                   description_sv="Utbetalningsmånad."),
        ColumnSpec(KIND, "code", vocab=_codes(BENEFIT_KINDS), labels=_labels(BENEFIT_KINDS),
                   description="The benefit; each kind has the actor that pays it (docs/data-contract.md).",
                   description_sv="Ersättningen; varje slag har den aktör som betalar den."),
        ColumnSpec(AMOUNT, "amount", description="Amount paid that month, in kr.",
                   description_sv="Utbetalt belopp den månaden i kr."),
    ),
    description_sv="En rad per person, månad och ersättningsslag (Försäkringskassans och Arbetsförmedlingens ersättningar).",
)

REGISTER_TABLES = (EARNINGS, BENEFITS)

# The person files whose own headings the params file's ``data.columns`` reads as the contract's columns: the
# participants (and comparison) file, the payments files in either layout, the register extracts. One mapping
# for them all, so a heading is written once, whichever file it heads.
OWN_HEADING_TABLES = (PARTICIPANTS, PAYMENTS, PAYMENTS_PER_PAYMENT, *REGISTER_TABLES)


def own_heading_columns() -> tuple[str, ...]:
    """The columns a heading in ``data.columns`` may be read as: each column of :data:`OWN_HEADING_TABLES`
    once, in the order the tables list them, and ``exit_reason``."""
    return (*dict.fromkeys(c.name for t in OWN_HEADING_TABLES for c in t.columns), EXIT_REASON)
