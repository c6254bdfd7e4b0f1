"""The fields of a claim on the shapes real copy uses: a table row per construction.

Every sentence here is invented (none is from the corpora); the reason in each row
is the grammatical reason for the rule it pins. Known gaps are strict xfail rows:
when one starts to pass, the row must move up into the table.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from reconcile import extract
from reconcile.records import Claim

PUBLISHED = "2025-03-07"  # a Friday


class Row(NamedTuple):
    text: str
    figure: str
    field: str  # "metric", "source", "event_date", "place" or "claim" (is there a claim at all)
    want: str | None
    reason: str


def _claim(text: str, figure: str, published: str = PUBLISHED) -> Claim | None:
    claims = extract(text, id="t", published=published)
    hits = [c for c in claims if c.figure.text == figure]
    return hits[0] if hits else None


def test_back_reference_names_its_antecedent() -> None:
    """'the agency' refers back to the last named speaker whose name has 'agency' in it, and not to
    another organisation named in between; its issuer is the antecedent's."""
    text = ("The Civil Defence Agency said 31 people had died. The Interior Ministry said roads were shut. "
            "The agency added that 12 were missing.")
    c = _claim(text, "12")
    assert c is not None and c.source is not None
    assert (c.source.text, c.source.issuer) == ("The agency", "Civil Defence Agency")


def _field(c: Claim | None, field: str) -> str | None:
    if field == "claim":
        return "yes" if c is not None else None
    assert c is not None, "no claim for the figure"
    if field == "metric":
        return c.metric.value
    if field == "source":
        return c.source.text if c.source else None
    if field == "event_date":
        return c.event_date.label if c.event_date else None
    if field == "place":
        return c.place
    raise AssertionError(field)


METRIC_ROWS = [
    Row("Authorities revised the number of people killed down to 125. The governor said the earlier figure of 174 "
        "had included duplicate entries.", "174", "metric", "killed",
        "'the earlier figure of N' is the count being revised: it counts what the revision counts"),
    Row("Officials said the tally of 199 hostages was not final.", "199", "metric", "hostages_held",
        "counter-row: a figure with its own noun keeps it"),
    Row("Cyclone nears: Ruritania moves 750,000 to safety", "750,000", "metric", "evacuated",
        "moving people 'to safety' is evacuating them"),
    Row("Police fired 45 rounds of tear gas into the stands.", "45", "metric", "munitions",
        "tear gas fired is a munition, in rounds or canisters"),
    Row("At its peak, the list of people unaccounted for held 159 names.", "159", "metric", "missing",
        "'held' gives a list its figure as 'stood at' gives a number its figure"),
    Row("Two of 17 kidnapped missionaries freed", "Two", "metric", "hostages_released",
        "a participle before its noun describes it: the part's predicate is the verb after the whole"),
    Row("Two of 17 kidnapped missionaries freed", "17", "metric", "hostages_taken",
        "the whole of a partitive keeps the participle that describes it"),
    Row("Two of the 17 missionaries kidnapped in Varna last month have been released, the group said.", "Two",
        "metric", "hostages_released", "a participle after its noun is a reduced relative: the finite verb rules"),
    Row("All 137 pupils abducted from a school in Tarvel have been released, the governor said.", "137", "metric",
        "hostages_released", "the reduced relative 'abducted from a school' gives way to the finite 'have been released'"),
    Row("Five people injured in the attack have died.", "Five", "metric", "killed",
        "the same for the hurt who then died"),
    Row("Gunmen freed 137 pupils abducted from the school.", "137", "metric", "hostages_released",
        "counter-row: a verb right before the figure still rules"),
    Row("Police detain four over restaurant fire that killed 46", "four", "metric", "detained",
        "a headline's present 'detain' is the cue 'detained' is ('arrest' as 'arrested')"),
    Row("Nearly 540,000 people have left their homes, the agency said.", "540,000", "metric", "displaced",
        "'left their homes', 'out of their homes' say what 'forced from their homes' says"),
    Row("More than 100 people are believed to have been buried when a hillside collapsed.", "100", "metric",
        "killed", "people buried by a landslide are its dead, as people 'killed' are"),
    Row("More than 150 houses had been buried by the slide.", "150", "metric", "other",
        "buried things are no toll: the counted noun says what was buried"),
    Row("Officials said 18 of the dead were Ruritanian, seven Moldovan and six Latvian.", "seven", "metric", "killed",
        "the members after a partitive ('18 of the dead were X') gap its 'of the dead were', as after 'Of the dead,'"),
    Row("The ministry said 149 of the injured were in hospital, and that 42 foreigners, not 39, had died.", "42",
        "metric", "killed", "the predicate after a corrected figure ('42, not 39, had died') is the figure's too"),
    Row("Rights group: 39 killed, 361 injured, 32 disappeared", "32", "metric", "missing",
        "'disappeared' counts the missing, also in a headline's list"),
    Row("The commission recorded 627 arrests of protesters.", "627", "metric", "detained",
        "the noun of a counted act counts it, as 'deaths' and 'injuries' do: 'arrests' are detentions"),
    Row("It recorded 32 cases of enforced disappearances.", "32", "metric", "missing",
        "'disappearances' count the missing"),
    Row("The flood left 830 dead and 1,150 injured in the valley.", "830", "metric", "killed",
        "coordinated figures each take the cue that follows them"),
    Row("The flood left 830 dead and 1,150 injured in the valley.", "1,150", "metric", "injured",
        "the second member of a coordination has its own cue"),
    Row("The blast killed 64 people, among them 12 children, 9 women and 4 elderly.", "9", "metric", "killed",
        "members of a list introduced by 'among them' are parts of the whole before"),
    Row("Of the dead, 41 were miners and 17 were guards, the company said.", "17", "metric", "killed",
        "'Of the dead,' opening a sentence names the whole its figures are parts of"),
    Row("Of the 58 dead, 30 were in Tarvik and 21 in Olmen.", "21", "metric", "killed",
        "a part whose whole carries the figure: 'Of the 58 dead'"),
    Row("The embassy put the number of foreigners killed at 9. They included four Danes and two Poles.", "two",
        "metric", "killed", "'They included' lists the parts of the figure before, across the sentence break"),
    Row("The first swap brought out 19 captives - 11 soldiers and 8 civilians - in return for prisoners.", "8",
        "metric", "hostages_released", "a dash introduces the parts of the figure before it"),
    Row("Ostrava has recorded 61 deaths and Brno 44.", "44", "metric", "killed",
        "a gapped clause repeats the verb and the noun of the clause before ('and Brno [has recorded] 44')"),
    Row("Fourteen people died in Tarvik, six in Olmen and two in Pesk.", "six", "metric", "killed",
        "a gapped clause with its place: 'six [died] in Olmen'"),
    Row("Ostrava has recorded 61 deaths. Plzen has reported 12, the town of Kolin three.", "12", "metric",
        "killed", "a bare numeral after a verb of reporting takes the noun of the figure before"),
    Row("The number of injuries stood at 2,300.", "2,300", "metric", "injured",
        "'the number of injuries' is a cue before the figure its predicate gives"),
    Row("The number of people who died in the landslide has reached 212, officials said.", "212", "metric",
        "killed", "the subject 'the number of people who died' gives the figure of its predicate"),
    Row("By noon the persons unaccounted for were 64.", "64", "metric", "missing",
        "a cue that ends right before a copula gives the copula's figure"),
    Row("Crews pulled three more bodies from the river, bringing the total to 57.", "57", "metric", "killed",
        "'bringing the total to' carries on the count of the figure before"),
    Row("Seven more bodies were found. The agency raised its count to 95 late on Tuesday, with 300 people "
        "injured.", "95", "metric", "killed", "'raised its count to' refers back to the figure before"),
    Row("Two more of the injured died overnight, the hospital said.", "Two", "metric", "killed",
        "a partitive ('of the injured') names the set, the verb after it the predicate"),
    Row("Pesk ferry: coast guard corrects bodies to 41", "41", "metric", "killed",
        "a headline's cue noun right before 'to' gives the figure"),
    Row("After the ferry sank, 212 were rescued by fishing boats.", "212", "metric", "evacuated",
        "no one was taken hostage in this story: the rescued are survivors, not freed hostages"),
    Row("Police seized 30 rifles and arrested 12 men.", "12", "metric", "detained",
        "'arrested' is the predicate of its own figure"),
    Row("Kidnappers freed 14 of the students on Monday.", "14", "metric", "hostages_released",
        "in a story where someone was taken, 'freed' is a release"),
    Row("The two countries swapped prisoners of war, with 95 freed on each side.", "95", "metric",
        "prisoners_released", "prisoners named before a release in its sentence make it a prisoner release"),
    Row("The two armies swapped prisoners on Friday. Officials said 61 soldiers had come home from captivity.",
        "61", "metric", "prisoners_released",
        "in a story of prisoners in which no one was taken, a release is a prisoner's ('captivity' holds both)"),
    Row("Both sides freed prisoners of war on Friday. The ministry said 61 soldiers had been returned.", "61",
        "metric", "prisoners_released", "a passive 'returned' of people is their handing back: a release"),
    Row("Gunmen abduct 287 pupils from school in north Varnia", "287", "metric", "hostages_taken",
        "a headline's present tense after a plural subject ('abduct', 'kidnap') is the verb's base form"),
    Row("Gunmen abducted 40 pupils and demanded the release of jailed prisoners. Officials said 12 pupils had "
        "come home.", "12", "metric", "hostages_released",
        "a story in which someone was taken keeps its releases hostages' though it names prisoners"),
    Row("At least 79 people drowned off the coast.", "79", "metric", "killed", "'drowned' is a verb of dying"),
    Row("The hospital closed and around 200 patients had to flee.", "200", "metric", "displaced",
        "a noun cue ('patients') gives way to the predicate after it ('to flee')"),
    Row("Four survivors were flown out; two are still in hospital.", "two", "metric", "injured",
        "'in hospital' as the predicate of a count of people"),
    Row("The gunmen killed 40 villagers and took 120 hostages.", "120", "metric", "hostages_taken",
        "'took 120 hostages': the verb says they were taken, the noun alone only that they are held"),
    Row("The whereabouts of 12 hikers are unknown.", "12", "metric", "missing", "'whereabouts of' counts the missing"),
    Row("Three more injured succumb as toll rises to 281", "Three", "metric", "killed",
        "'injured' before a verb of dying says who died; the verb is the predicate"),
    Row("Two injured soldiers died in hospital on Sunday.", "Two", "metric", "killed",
        "'injured' modifies the subject of 'died'"),
    Row("The agency corrected the toll to 40, and not 45 as first reported.", "45", "metric", "killed",
        "contrastive negation ('A, and not B') coordinates two values of one count"),
    Row("The list of people missing in the valley has shrunk. The governor said on Friday that it stood at 40.",
        "40", "metric", "missing", "'it' refers to the count the sentence before names without a figure"),
    Row("The number of dead in the valley is still rising. Officials put the figure at 75.", "75", "metric",
        "killed", "'the figure' refers to the count named before"),
    Row("The agency says 64 people were killed and 310 injured. The agency raised its count from 61 on Monday.",
        "61", "metric", "killed", "a revised count refers back to the figure nearest it in value, not the last one"),
    Row("The army says 130 people are held captive. A families group says its list holds 133 names, three more "
        "than the army's figure.", "133", "metric", "hostages_held",
        "a count compared with another's figure counts what that figure counts"),
    Row("Dorn City has 40 dead, Pella Town 12 and Arvik City one person.", "one", "metric", "killed",
        "a gapped list's last member may carry the generic head ('one person'): it counts what the list counts"),
    Row("Missing count falls to 40 in Dorn", "40", "metric", "missing",
        "a headline's noun compound ('Missing count') is the subject of its present-tense predicate"),
]

CLAIM_ROWS = [
    Row("Call the toll-free line 0800 720 627 to report missing relatives.", "0800", "claim", None,
        "no count is written with a leading zero: a phone number or an identifier"),
    Row("Call the toll-free line 0800 720 627 to report missing relatives.", "720 627", "claim", None,
        "the digit groups after a leading-zero numeral are the same number"),
    Row("At least 0.5 million people fled their homes.", "0.5 million", "claim", "yes",
        "a decimal below one is no leading zero"),
    Row("Officials said one of the victims was a teacher.", "one", "claim", None,
        "'one of the' is a pronoun, not a count"),
    Row("It was the first one to hit the town in years.", "one", "claim", None,
        "'the first one' is a pronoun after an ordinal"),
    Row("The two cities account for most of the victims.", "two", "claim", None,
        "a definite 'the two cities' refers to places named before; it counts nothing"),
    Row("For help call 8972073925.", "8972073925", "claim", None,
        "a digit run of five or more without separators is an identifier"),
    Row("Of the 58 dead, 30 were in Tarvik and 21 in Olmen.", "30", "claim", "yes",
        "the parts of a whole are claims"),
    Row("In Pesk, one gym is sheltering 600 evacuees.", "one", "claim", None,
        "'one gym' is one thing, not a count of people"),
    Row("Medics said one Dane was killed.", "one", "claim", "yes", "'one Dane' counts a person (a demonym)"),
    Row("TARVIK, Ruritania (Channel 9) - Rescuers dug through the night.", "9", "claim", None,
        "a number inside a bracketed name is part of the name"),
    Row("The victims ranged in age from 14 to 76.", "14 to 76", "claim", None, "a range of ages is no count"),
    Row("Not one person was hurt in the fire.", "one", "claim", None,
        "'not one' is a negation, no count"),
    Row("Of the 88 deaths confirmed by noon, 40 were in Dorn.", "88", "claim", "yes",
        "'88 deaths confirmed' is a count: a death is no speaker, unlike 'Two officials confirmed'"),
    Row("The toll rose by 52 in the past 24 hours, the ministry said.", "52", "metric", "killed",
        "a toll's rise counts those newly dead; 'revised the toll down by one' is no count"),
]

SOURCE_ROWS = [
    Row("VARNA, Oct 3 (Wire) - Authorities have revised the number of people killed in the crush down to 125, saying "
        "some victims had been counted twice.", "125", "source", "Authorities",
        "a participle 'saying' takes the subject of the clause it hangs on, not the dateline's city"),
    Row("Summary of the day: the state civil defence now counts 78 deaths.", "78", "source", "the state civil defence",
        "a present 'counts' attributes as the past 'counted' does"),
    Row("The president said the toll had risen to 326, up from 225 announced by the agency on Monday.", "225",
        "source", "the agency", "a passive verb of saying names its speaker after 'by', for the figure right before it"),
    Row("The president said the toll had risen to 326, up from 225 announced by the agency on Monday.", "326",
        "source", "The president", "the agent of another figure's participle does not speak for this one"),
    Row("The toll, reported by the health ministry, stood at 40.", "40", "source", "the health ministry",
        "the noun before a passive verb of saying is what was said, not who said it"),
    Row("The Commission has further recorded 32 cases of disappearances.", "32", "source", "The Commission",
        "an auxiliary and its adverb stand between the speaker and the verb: not part of the speaker"),
    Row("At least 40 people died when the dam burst, the interior ministry said on Monday, the worst disaster "
        "in twenty years.", "40", "source", "the interior ministry",
        "a verb of saying covers the figures before it when its own clause holds none"),
    Row("- Coast Guard: 41 bodies recovered so far", "41", "source", "Coast Guard",
        "'X: figures' in a bullet names the speaker when X names one"),
    Row("BREAKING: 41 bodies recovered so far", "41", "source", None,
        "'BREAKING:' is a label, not a speaker"),
    Row("Mayor Ana Ruiz, who toured the shelters on Monday, said 3,000 homes were lost.", "3,000", "source",
        "Mayor Ana Ruiz", "a relative clause is no speaker: the subject is the noun phrase before it"),
    Row("In one village near Pesk, relatives said 28 men had boarded the boat.", "28", "source", "relatives",
        "a prepositional phrase is no speaker"),
    Row("According to U.S. Central Command, jets destroyed 80 drones.", "80", "source",
        "U.S. Central Command", "an abbreviation's period does not end the speaker's name"),
    Row("The Civil Defence Agency issued new figures. The toll now stands at 61, it said. The number of injured "
        "stood at 140.", "140", "source", "it",
        "a speaker quoted on ('..., it said.') keeps the paragraph's next figures"),
    Row("Ruritania's interior ministry said 61 people died in the north. Another 12 were killed in the south.", "12",
        "source", None, "a speaker named once and not referred back to does not speak for the next sentence"),
    Row("By evening the foreign ministry put the number of foreigners killed at 26.", "26", "source",
        "the foreign ministry", "a leading time adverbial is not part of the speaker"),
    Row("A report by the Daily Courier citing hospital officials said 45 people had died.", "45", "source",
        "hospital officials", "'X citing Y': Y gave the figure, X relays it"),
    Row("A Reuters tally showed 1,200 people were killed.", "1,200", "source", "Reuters",
        "'a Reuters tally': the agency that counted"),
    Row("Police said 12 people were missing as families came forward to report loved ones safe.", "12",
        "source", "Police", "a verb of saying after 'to' is an infinitive: nobody has spoken"),
    Row("Forty people remain missing as relatives call in to report others safe.", "Forty", "source", None,
        "'call in to report' names no speaker"),
    Row("Governor Ana Ruiz said on Friday that 40 people were missing after police cross-checked reports.", "40", "source",
        "Governor Ana Ruiz", "a source is a noun phrase, never a clause with its verb ('... said on Friday')"),
]

DATE_ROWS = [
    Row("Officials said on Sunday that the toll from Wednesday's quake had risen to 1,480.", "1,480",
        "event_date", "2025-03-05", "a date that names the event dates its toll, not the day of the statement"),
    Row("Quake kills dozens in Ruritania\n\nThe quake struck on Monday, killing at least 40 people.\n\n"
        "The toll rose to 52 on Thursday, officials said.", "52", "event_date", "2025-03-03",
        "a toll of the incident the article is about keeps the incident's day"),
    Row("Dam burst kills 30\n\nThe dam burst on Tuesday night.\n\nEarly on Wednesday, the fire chief told "
        "reporters that 30 people had died.", "30", "event_date", "2025-03-04",
        "a date before a verb of saying dates the saying, not what the reported clause says"),
    Row("Since the war began on 7 October, 9,000 people have been killed.", "9,000", "event_date", None,
        "a running total of a war has no event date"),
    Row("Missile attack on Olmen\n\nThe missile attack struck Olmen on Wednesday.\n\nMedics say they have "
        "treated 31 people since the start of the attack.", "31", "event_date", "2025-03-05",
        "'since the start of the attack' is the incident itself, not a long campaign"),
    Row("Missile attack on Olmen\n\nThe missile attack struck Olmen on Wednesday.\n\nJets downed 80 drones "
        "over the weekend, the army said, as the war cabinet met.", "80", "event_date", "2025-03-05",
        "a campaign word in another clause ('the war cabinet met') does not make the figure a running total"),
    Row("Gaza toll\n\nA strike hit a school on Monday.\n\nThe ministry said 2,750 people had been killed "
        "and 9,700 wounded since the strikes began.", "2,750", "event_date", None,
        "'since the strikes began': many incidents, a running total (a thousands comma is no clause break)"),
    Row("It was the deadliest quake since the 1999 Izmit earthquake, which killed 17,000 people.", "17,000",
        "event_date", "1999", "a relative clause describes the dated event before it"),
    Row("Blast anniversary\n\nThousands marched on Thursday, a year after the blast killed 200 people.",
        "200", "event_date", None, "an article that looks back ('a year after') has no recent incident"),
    Row("Ferry sinks off Pesk\n\nThe ferry sank on Tuesday.\n\nPHOTO: Divers search the wreck, March 6.\n\n"
        "At least 41 people drowned.", "41", "event_date", "2025-03-04",
        "a caption's date is the picture's, not the incident's"),
    Row("Missile attack on Olmen\n\nThe missile attack struck Olmen on Wednesday.\n\nIt was retaliation for "
        "the 1 March strike on a border post.\n\nAt least 12 people were killed.", "12", "event_date",
        "2025-03-05", "an earlier act named by its date ('the 1 March strike') is not the headline's incident"),
    Row("Train crash in Tarvik\n\nThe trains collided on Monday.\n\nThe railways had announced 288 deaths on "
        "Tuesday.", "288", "event_date", "2025-03-03", "a figure that is a speech verb's object is dated by the saying"),
    Row("Harbour blast\n\nA fuel depot exploded on Monday, officials said.\n\nA tanker burned in the 20 February "
        "explosion. The agency last month lowered its estimate of the number killed in the blast to about 31 from "
        "more than 35, officials said.", "35", "event_date", "2025-02-20",
        "'to A from B': the earlier value of one count is of the same event as the revised one"),
    Row("Quake hits Varnia\n\nThe interior ministry says 2,122 people have died since Tuesday night's quake.\n\n"
        "The toll rose to 2,200 on Wednesday.", "2,200", "event_date", "2025-03-04",
        "a possessive date names its incident even inside 'since' ('since Tuesday night's quake')"),
    Row("Quake hits Varnia\n\nThe final count, issued on Thursday, is 2,946 dead. Of the injured, 51 were in a "
        "critical condition, it said.", "51", "event_date", None,
        "a date after a verb of publishing ('issued on Thursday') is the report's: it dates no incident"),
    Row("Quake hits Varnia\n\nThe ministry had put the toll at 296 early on Thursday. Of the injured, 51 were in "
        "a critical condition, it said.", "51", "event_date", None,
        "a date right after 'at N' ('at 296 early on Thursday') dates the count: it dates no incident"),
    Row("Quake hits Varnia\n\nThe number of dead has risen to 2,122, up from 2,012 on Wednesday evening. Of the "
        "injured, 51 were in a critical condition, it said.", "51", "event_date", None,
        "a date right after 'from N' dates the earlier count: it dates no incident"),
    Row("Olmen: toll rises to 12 as rescue work ends\n\nThe number of people killed by Tuesday's missile strike "
        "on a cafe in Olmen has risen to 12, including four children, rescuers said on Thursday.", "four",
        "event_date", "2025-03-04",
        "a possessive date names its event: 'by Tuesday's strike' is no tally date 'by Tuesday'"),
    Row("Last year more than 240 pilgrims died.", "240", "event_date", "2024",
        "a relative date opens a sentence with a capital ('Last year', 'Yesterday')"),
    Row("It is the worst attack since the 2004 Varna school siege, in which more than 330 people were killed.",
        "330", "event_date", "2004",
        "a prepositional relative ('in which') hangs its clause on the dated event, as 'which' does; a year "
        "names an event across a lower-case modifier ('the 2004 Varna school siege')"),
    Row("Crush kills 107\n\nIn 2013, 115 people died in a crush near a temple.", "115", "event_date", "2013",
        "a sentence's opening preposition is capitalised: 'In 2013,' dates its clause as 'in 2013' does"),
    Row("Crush kills 107\n\nIn March, 40 people died in a crush near a temple.", "40", "event_date", "2025-03",
        "'In March,' at a sentence's start is 'in March'"),
    Row("Quake toll rises\n\nThe quake struck eight days ago. It killed 202 people.", "202", "event_date",
        "2025-02-27", "a count of days before publication ('eight days ago') is a date"),
    Row("Varna quake in numbers\n\nTwelve days after the Varna earthquake, the government's figures have "
        "settled.\n\nThe final count is 2,946 dead.", "2,946", "event_date", "2025-02-23",
        "a fronted 'N days after the EVENT,' dates the event N days before publication"),
    Row("Varna quake in numbers\n\nVarna Monitor | Explainer | 7 March 2025\n\nTwo weeks after the February 20 "
        "earthquake, here is what the figures say.\n\nThe final count is 2,946 dead.", "2,946", "event_date",
        "2025-02-20", "a date that names the headline's own event is its day even past the two weeks of news "
        "(not the header's date)"),
    Row("Flood kills dozens in Olmen\n\nThe river burst its banks on Tuesday, killing at least 30 people.\n\n"
        "The governor told the state assembly in a letter on Thursday that 41 people had died.", "41", "event_date",
        "2025-03-04", "a date between a verb of saying and its that-clause dates the saying, however many words "
        "stand between"),
    Row("Market attack toll climbs to 70\n\nThe number of people killed in Wednesday's suicide bombing at the "
        "market has risen to 70.", "70", "event_date", "2025-03-05",
        "two words of violence ('attack', 'bombing') name one act unless one is said to answer the other"),
    Row("Landslide buries village\n\nFive days after a hillside fell on Kora village, no one can say how many "
        "people lie under it.\n\nOfficials have counted 61 bodies.", "61", "event_date", "2025-03-02",
        "'after' takes a clause as it takes a noun: a fronted 'N days after a hillside fell,' dates the event"),
    Row("Quake kills 65\n\nA quake struck on Tuesday, killing 65 people, 17 days after the country's deadliest "
        "disaster in decades, officials said.", "65", "event_date", "2025-03-04",
        "'N days after' inside a sentence counts from its verb's day, not from publication"),
    Row("Quakes in Varna\n\nThe first quake struck on Saturday, killing 40 people.\n\nOne person died in this "
        "morning's quake, the hospital said.", "One", "event_date", "2025-03-07",
        "'this morning' is today, as 'today' is; 'this morning's quake' names its event"),
    Row("Blasts toll climbs to 90\n\nThe death toll in Sunday's bombings in Varna rose to 90 on Wednesday, police "
        "said.", "90", "event_date", "2025-03-02", "a bombing is a blast: the headline's 'blasts' and 'Sunday's "
        "bombings' name one act"),
    Row("Stampede toll rises\n\nThe death toll in the stampede at a temple in Tarvel on Tuesday has risen to 121, "
        "officials said.", "121", "event_date", "2025-03-04",
        "a date inside the subject, between the event noun and the tally verb, is the event's"),
    Row("Cyclone toll disputed\n\nThe cyclone struck on Monday.\n\nAt least 45 people died, according to state "
        "media on Thursday, March 6.", "45", "event_date", "2025-03-03",
        "'according to X on DATE' is the day of the report, and a date told again in apposition keeps that role"),
    Row("Hotel collapse\n\nThe 1981 collapse of two walkways at a hotel in Tarvel killed 114 people.", "114",
        "event_date", "1981", "'The 1981 collapse' at a sentence's start names an event of 1981, as 'the 1981 collapse' does"),
    Row("Port blast toll rises\n\nA week after the explosion at the port of Varna, the toll stands at 80, "
        "officials say.", "80", "event_date", None,
        "a count of weeks before a clause is a round figure, not a day"),
]

PLACE_ROWS = [
    Row("Quake toll reaches 157; Jajarkot alone loses 105", "157", "place", None,
        "an event noun before 'toll' names the event, not a place ('Quake toll')"),
    Row("Fire kills 39 migrants near U.S. border", "39", "place", None,
        "'near the X border' is a border of X, not a place in X (and 'U.S.' is no place 'U')"),
    Row("The storm killed 12 people in the U.S. on Sunday.", "12", "place", "U.S.",
        "an abbreviation of capitals and stops is one name"),
    Row("Most of the deaths were in Tarvel province, where 290 people were killed.", "290", "place", "Tarvel",
        "a relative 'where' takes the place it follows"),
    Row("Most of the deaths were in Al Varna, where 290 people were killed.", "290", "place", "Al Varna",
        "a place name of two capitalised words is kept whole"),
    Row("At least 40 people died in Tarvel City.", "40", "place", "Tarvel",
        "a generic word after the name ('City') is no part of it"),
    Row("At least 12 people died in Tarvel Monday.", "12", "place", "Tarvel",
        "a weekday after the name is no part of it"),
    Row("In Varnia the picture is murkier. Rescuers said at least 1,020 had died there.", "1,020", "place",
        "Varnia", "a fronted place frames the rest of its paragraph: a later sentence with no place speaks of it"),
    Row("In Varnia, the ministry put the toll at 812. The rescuers said 1,020 had died.", "1,020", "place",
        "Varnia", "the frame holds across a sentence whose own figure the frame placed"),
    Row("In Varnia the picture is murkier.\n\nRescuers said at least 1,020 had died there.", "1,020", "place",
        None, "a frame ends with its paragraph"),
    Row("In return Varnia freed 240 prisoners.", "240", "place", None,
        "a fronted adverbial ('In return') is no place: without a comma the place must follow the locative"),
    Row("In Geneva, a U.N. spokesman said the agency was alarmed. At least 1,020 people had died.", "1,020",
        "place", None, "the place where someone speaks frames nothing: the clause after it is the saying"),
]

XFAIL_ROWS = [
    Row("Of the 121 dead, 112 are women and two are men, according to the list released by the council.", "two",
        "metric", "killed", "gap: a cue inside the speaker's words ('the list released by') is read as the predicate; "
        "dropping such cues (6585f75) cost the held-out dev6 metric and grouping, as speaker spans are often wrong"),
    Row("The number of casualties in Friday's crash has increased to 261.", "261", "metric", "killed",
        "gap: 'casualties' is dead and injured together; the referee's gold reads killed"),
    Row("Nine missiles struck two air bases. Five of those hit Olmen.", "Five", "metric", "munitions",
        "gap: 'of those' takes the last figure's metric (the bases), not the sentence's subject"),
    Row("The quake struck eight days ago, and the toll now stands at 202.", "202", "event_date", "2025-02-27",
        "gap: a sentence that tallies ('the toll now stands at') dates no incident, even in its other clause"),
    Row("Suzu has recorded 100 deaths.", "100", "source", None,
        "gap: a place that records deaths is read as a speaker"),
    Row("The railways had announced 288 deaths on Tuesday.", "288", "event_date", None,
        "gap: with no incident named, the day of an announcement is taken for the incident's"),
    Row("Reports spoke of 100 to 150 captives, while the group said it had taken at least 130.", "130",
        "metric", "hostages_taken", "gap: noun ellipsis, a bare numeral object counts what the figure before counts"),
    Row("The number of people on board was believed to be between 400 and 750.", "400 and 750", "claim", "yes",
        "gap: the subject 'the number of people' names the counted noun of its predicate's figure"),
]


@pytest.mark.parametrize("row", METRIC_ROWS + CLAIM_ROWS + SOURCE_ROWS + DATE_ROWS + PLACE_ROWS, ids=lambda r: r.reason[:60])
def test_claim_field(row: Row) -> None:
    assert _field(_claim(row.text, row.figure), row.field) == row.want, row.reason


@pytest.mark.parametrize("row", XFAIL_ROWS, ids=lambda r: r.reason[:60])
@pytest.mark.xfail(strict=True, reason="known gap, kept as a strict row")
def test_known_gap(row: Row) -> None:
    assert _field(_claim(row.text, row.figure), row.field) == row.want, row.reason


def test_a_verb_of_reporting_after_a_figure_is_no_counted_noun() -> None:
    """'not the 120 announced on Sunday': a reduced relative clause; 'announced' is not what is counted
    (its group said 'things counted: announced')."""
    c = _claim("The army said Iran fired 110 ballistic missiles, not the 120 announced on Sunday.", "120")
    assert c is not None and c.who is None


def test_a_date_in_a_quotation_dates_no_incident() -> None:
    """'"They saved lives last night"': a quotation's 'last night' is the night before the speaker
    spoke, not the night before publication; the incident is the text's own 'early Tuesday'."""
    text = ("Six workers presumed dead after ship hits bridge\n\nThe six workers were on the bridge when a ship "
            "struck it early Tuesday, killing them, the coast guard said.\n\n\"They saved lives last night,\" the "
            "governor said of the crew.")
    c = _claim(text, "Six", published="2025-03-04")  # a Tuesday
    assert _field(c, "event_date") == "2025-03-04"


def test_the_month_may_is_no_modal() -> None:
    """'May' with a capital is the month: a sentence that names it still says what happened."""
    import datetime as dt

    from reconcile.dates import find_dates_in
    from reconcile.incident import incident_date
    from reconcile.sentences import split_sentences

    text = "Cyclone kills 12\n\nThe cyclone struck on Monday, as forecasters had warned in May."
    sents = split_sentences(text)
    day = dt.date(2025, 3, 7)
    got = incident_date(sents, find_dates_in(text, sents, day), day)
    assert got is not None and got.label == "2025-03-03"
    text = "Cyclone kills 12\n\nThe cyclone may strike on Monday."  # the verb still is one
    sents = split_sentences(text)
    assert incident_date(sents, find_dates_in(text, sents, day), day) is None


PRONOUN_ROWS = [
    ("Janan Sayeq told reporters that 2,053 people had died. He said 1,329 homes were destroyed.", "1,329",
     "Janan Sayeq", "'he' stands for the person named in the sentence before"),
    ("The health ministry said 40 people had died. Dr Amal Haddad said 12 were children. It said 60 were hurt.",
     "60", "health ministry", "'it' skips a person and stands for the body named before"),
    ("Abu Obeida said on television that talks had stalled. The Qassam Brigades said 200 hostages were held. He "
     "said 22 had been killed.", "22", "Abu Obeida", "'he' skips a body ('Brigades') for the person named before"),
    ("The ministry said 40 people died.\n\nIn a later briefing, officials in Varna spoke.\n\nIn another town, he "
     "said 12 were missing.", "12", "he", "a pronoun reaches back only through its own paragraph and the sentence "
     "right before: unresolved, it stays as written"),
]


@pytest.mark.parametrize("text,figure,want,why", PRONOUN_ROWS, ids=[r[3][:50] for r in PRONOUN_ROWS])
def test_a_pronoun_source_is_the_speaker_it_refers_to(text: str, figure: str, want: str, why: str) -> None:
    from reconcile.output import flat_claim

    c = _claim("Story\n\n" + text, figure)
    assert c is not None and c.source is not None
    assert flat_claim(c)["source"] == want, why
    assert c.source.text.lower() in ("he", "she", "it"), "the record keeps the words as written"


@pytest.mark.parametrize("text,kind", [
    ("spokesman Rear Adm Daniel Hagari", "person"), ("Marisol Prado", "person"), ("the health ministry", "body"),
    ("SML", "body"), ("Qassam Brigades", "body"), ("Maine State Police spokesperson Shannon Moss", "person"),
    ("officials", None)])
def test_speaker_kind(text: str, kind: str | None) -> None:
    from reconcile.attribution import speaker_kind

    assert speaker_kind(text) == kind
